// SPDX-License-Identifier: Apache-2.0
#include "archive/bundlecache.h"

#include "archive/bundlepacker.h"
#include "util/tr.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>

namespace FateDeployer {

namespace {

// Bump when the packer's output for the same inputs changes (entry order, headers, gzip framing).
constexpr char FormatTag[] = "fd-bundle-cache-1";
constexpr char MemoFile[] = "hashes.tsv";
constexpr qint64 ReadChunk = 1 << 20;
constexpr qsizetype MaxMemoEntries = 50000;

// lupdate: the tr() calls of this file belong to the context below.
/* TRANSLATOR FateDeployer::BundleCache */
constexpr Tr tr{"FateDeployer::BundleCache"};

/// size, mtime and ctime (ns) and inode: changes whenever the file's bytes may have changed.
QByteArray statKey(const QString &path)
{
    struct stat st = {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return {};
    return QByteArray::number(qint64(st.st_size)) + ' ' + QByteArray::number(qint64(st.st_mtim.tv_sec)) + '.'
           + QByteArray::number(qint64(st.st_mtim.tv_nsec)) + ' ' + QByteArray::number(qint64(st.st_ctim.tv_sec)) + '.'
           + QByteArray::number(qint64(st.st_ctim.tv_nsec)) + ' ' + QByteArray::number(quint64(st.st_ino));
}

QString entryPath(const QString &dir, const QString &key)
{
    return dir + QLatin1Char('/') + key + QStringLiteral(".tar.gz");
}

/// Hard link (same file system), else a copy; atomic for the destination either way.
bool linkOrCopy(const QString &from, const QString &to)
{
    const QString tmp = to + QStringLiteral(".part-") + QString::number(QCoreApplication::applicationPid());
    QFile::remove(tmp);
    if (::link(QFile::encodeName(from).constData(), QFile::encodeName(tmp).constData()) != 0 && !QFile::copy(from, tmp))
        return false;
    if (::rename(QFile::encodeName(tmp).constData(), QFile::encodeName(to).constData()) != 0) {
        QFile::remove(tmp);
        return false;
    }
    return true;
}

} // namespace

BundleCache::BundleCache(const QString &dir, qint64 capBytes)
    : m_dir(dir.isEmpty() ? defaultDir() : dir)
    , m_cap(capBytes)
{
    if (!m_dir.isEmpty() && !QDir().mkpath(m_dir))
        m_dir.clear();
    if (!m_dir.isEmpty())
        loadMemo();
}

BundleCache::~BundleCache()
{
    if (m_memoDirty)
        saveMemo();
}

QString BundleCache::defaultDir()
{
    const QString env = qEnvironmentVariable("FD_BUNDLE_CACHE");
    if (env == QLatin1String("off"))
        return QString();
    if (!env.isEmpty())
        return env;
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/bundles");
}

Result<QByteArray> BundleCache::contentHash(const BundleFile &file, const std::atomic_bool *cancel)
{
    if (!file.isVerbatim())
        return QCryptographicHash::hash(file.content, QCryptographicHash::Sha256);
    const QByteArray stat = statKey(file.sourcePath);
    if (stat.isEmpty())
        return Error{tr("cannot read %1").arg(file.sourcePath), ErrorKind::Local};
    if (auto it = m_memo.constFind(file.sourcePath); it != m_memo.constEnd() && it->stat == stat)
        return it->sha256;
    QFile f(file.sourcePath);
    if (!f.open(QIODevice::ReadOnly))
        return Error{tr("cannot read %1: %2").arg(file.sourcePath, f.errorString()), ErrorKind::Local};
    QCryptographicHash h(QCryptographicHash::Sha256);
    while (!f.atEnd()) {
        // Hashing a large example file takes seconds of CPU: a cancelled run must not wait for it.
        if (cancel && cancel->load())
            return Error{tr("cancelled"), ErrorKind::Cancelled};
        const QByteArray chunk = f.read(ReadChunk);
        if (chunk.isEmpty() && f.error() != QFile::NoError)
            return Error{tr("cannot read %1: %2").arg(file.sourcePath, f.errorString()), ErrorKind::Local};
        h.addData(chunk);
    }
    // A file changed while we read it must not be remembered under its old stat.
    if (statKey(file.sourcePath) == stat) {
        m_memo.insert(file.sourcePath, Memo{stat, h.result()});
        m_memoDirty = true;
    }
    return h.result();
}

Result<QString> BundleCache::key(const Bundle &bundle, int level, const std::atomic_bool *cancel)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    const QByteArray head = QByteArray(FormatTag) + '\n' + QByteArray::number(level) + '\n'
                            + QByteArray::number(BundlePacker::FixedMtime) + '\n' + bundle.name.toUtf8() + '\n';
    h.addData(head);
    for (const BundleFile &f : bundle.files) {
        const Result<QByteArray> content = contentHash(f, cancel);
        if (!content)
            return Error{content.error(), content.errorKind()};
        const QByteArray line = f.path.toUtf8() + '\0' + QByteArray::number(f.mode, 8) + ' '
                                + QByteArray::number(f.size) + ' ' + content->toHex() + '\n';
        h.addData(line);
    }
    for (const QString &d : bundle.emptyDirs) {
        h.addData(QByteArrayView("\0dir ", 5)); // no file line starts with NUL
        h.addData(QByteArray(d.toUtf8() + '\n'));
    }
    if (m_memoDirty)
        saveMemo();
    return QString::fromLatin1(h.result().toHex());
}

bool BundleCache::fetch(const QString &key, const QString &path)
{
    if (!isEnabled())
        return false;
    const QString entry = entryPath(m_dir, key);
    if (!QFileInfo::exists(entry) || !linkOrCopy(entry, path))
        return false;
    // last use = mtime, for trim(); a hard link shares it, which is harmless
    ::utimensat(AT_FDCWD, QFile::encodeName(entry).constData(), nullptr, 0);
    return true;
}

void BundleCache::store(const QString &key, const QString &path)
{
    if (!isEnabled())
        return;
    if (linkOrCopy(path, entryPath(m_dir, key)))
        trim();
}

void BundleCache::trim()
{
    // leftovers of a process killed while it linked or copied an entry
    const QDateTime hourAgo = QDateTime::currentDateTimeUtc().addSecs(-3600);
    for (const QFileInfo &p : QDir(m_dir).entryInfoList({QStringLiteral("*.part-*")}, QDir::Files))
        if (p.lastModified() < hourAgo)
            QFile::remove(p.filePath());
    QFileInfoList entries
        = QDir(m_dir).entryInfoList({QStringLiteral("*.tar.gz")}, QDir::Files, QDir::Time | QDir::Reversed);
    qint64 total = 0;
    for (const QFileInfo &e : entries)
        total += e.size();
    for (const QFileInfo &e : entries) { // oldest first
        if (total <= m_cap)
            break;
        if (QFile::remove(e.filePath()))
            total -= e.size();
    }
}

void BundleCache::loadMemo()
{
    QFile f(m_dir + QLatin1Char('/') + QLatin1String(MemoFile));
    if (!f.open(QIODevice::ReadOnly))
        return;
    // "<sha256 hex>\t<stat key>\t<path>" per line; anything else is ignored (it is only a cache)
    while (!f.atEnd()) {
        QByteArray line = f.readLine();
        if (line.endsWith('\n'))
            line.chop(1);
        const QList<QByteArray> parts = line.split('\t');
        if (parts.size() != 3 || parts.at(0).size() != 64)
            continue;
        m_memo.insert(QString::fromUtf8(parts.at(2)), Memo{parts.at(1), QByteArray::fromHex(parts.at(0))});
    }
}

void BundleCache::saveMemo()
{
    m_memoDirty = false;
    if (m_memo.size() > MaxMemoEntries) // forget files that are gone (old template trees)
        m_memo.removeIf([](const auto &it) { return !QFileInfo::exists(it.key()); });
    QSaveFile f(m_dir + QLatin1Char('/') + QLatin1String(MemoFile));
    if (!f.open(QIODevice::WriteOnly))
        return;
    for (auto it = m_memo.constBegin(); it != m_memo.constEnd(); ++it) {
        if (it.key().contains(QLatin1Char('\n')) || it.key().contains(QLatin1Char('\t')))
            continue;
        f.write(it->sha256.toHex() + '\t' + it->stat + '\t' + it.key().toUtf8() + '\n');
    }
    f.commit();
}

} // namespace FateDeployer
