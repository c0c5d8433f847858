// SPDX-License-Identifier: Apache-2.0
#include "archive/bundlecache.h"

#include "archive/bundlepacker.h"
#include "model/projectdigest.h"
#include "render/renderer.h"
#include "util/sha256.h"
#include "util/tr.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QStandardPaths>

#include <dirent.h>
#include <fcntl.h>
#include <fts.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace FateDeployer {

namespace {

// Bump when the packer's output for the same inputs changes (entry order, headers, gzip framing).
constexpr char FormatTag[] = "fd-bundle-cache-1";
constexpr char MemoFile[] = "hashes.tsv";
constexpr qint64 ReadChunk = 1 << 20;
constexpr qsizetype MaxMemoEntries = 50000;
// Bump when the serialised render below changes. writeRender()'s structured bindings catch a new field in
// the render's structs, which the serialisation would otherwise drop silently (a reused render missing it).
constexpr char RenderTag[] = "fd-render-memo-8";
constexpr char RendersDir[] = "renders";
constexpr int MaxRenders = 32;

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

QByteArray statLine(const struct stat &st)
{
    return QByteArray(QByteArray::number(quint32(st.st_mode), 8) + ' ' + QByteArray::number(qint64(st.st_size)) + ' '
                      + QByteArray::number(qint64(st.st_mtim.tv_sec)) + '.'
                      + QByteArray::number(qint64(st.st_mtim.tv_nsec)) + ' '
                      + QByteArray::number(qint64(st.st_ctim.tv_sec)) + '.'
                      + QByteArray::number(qint64(st.st_ctim.tv_nsec)) + ' ' + QByteArray::number(quint64(st.st_ino)));
}

int byName(const FTSENT **a, const FTSENT **b)
{
    return strcmp((*a)->fts_name, (*b)->fts_name);
}

/// Walks @p root in a fixed order (names sorted, symbolic links followed like the renderer reads them)
/// and calls @p visit(relative path, stat) for every entry but the root. False when it cannot be read.
template<typename Visit>
bool walkTree(const QString &root, Visit visit)
{
    QByteArray rootPath = QFile::encodeName(root);
    char *const paths[] = {rootPath.data(), nullptr};
    FTS *fts = ::fts_open(paths, FTS_LOGICAL | FTS_NOCHDIR, byName);
    if (!fts)
        return false;
    bool ok = true;
    const qsizetype prefix = rootPath.size() + 1;
    while (FTSENT *e = ::fts_read(fts)) {
        if (e->fts_info == FTS_DP || e->fts_level == 0)
            continue;
        if (e->fts_info == FTS_DNR || e->fts_info == FTS_ERR || e->fts_info == FTS_NS || e->fts_info == FTS_DC) {
            ok = false; // unreadable, or a loop of links: never reuse a render of such a tree
            break;
        }
        visit(QByteArray(e->fts_path + prefix), *e->fts_statp);
    }
    ::fts_close(fts);
    return ok;
}

/// A stat's identity: mode, size, mtime and ctime (ns), inode, as fixed-width binary (compared with memcmp;
/// the check of a reused render makes one per entry of the tree, so no formatting and no allocation).
struct StatRecord
{
    quint64 v[7];
};

StatRecord statRecord(const struct stat &st)
{
    return {{quint64(st.st_mode),
             quint64(st.st_size),
             quint64(st.st_mtim.tv_sec),
             quint64(st.st_mtim.tv_nsec),
             quint64(st.st_ctim.tv_sec),
             quint64(st.st_ctim.tv_nsec),
             quint64(st.st_ino)}};
}

void appendListing(QByteArray &out, const QByteArray &rel, const struct stat &st)
{
    const StatRecord r = statRecord(st);
    out += rel;
    out += '\0';
    out.append(reinterpret_cast<const char *>(&r), sizeof r);
}

/// One directory of treeListing(): names sorted, every entry with its stat (links followed, as the renderer
/// reads them), folders included. @p ancestors: inodes of the folders above, so that a link back up is an
/// error, like fts's.
bool listDir(int dirFd, const QByteArray &rel, QList<ino_t> &ancestors, QByteArray &out)
{
    DIR *dir = ::fdopendir(dirFd);
    if (!dir) {
        ::close(dirFd);
        return false;
    }
    QList<QByteArray> names;
    while (const struct dirent *e = ::readdir(dir)) {
        if (e->d_name[0] == '.' && (e->d_name[1] == 0 || (e->d_name[1] == '.' && e->d_name[2] == 0)))
            continue;
        names.append(QByteArray(e->d_name));
    }
    std::sort(names.begin(), names.end());
    const int fd = ::dirfd(dir);
    bool ok = true;
    for (const QByteArray &name : std::as_const(names)) {
        const QByteArray path = rel.isEmpty() ? name : rel + '/' + name;
        struct stat st = {};
        if (::fstatat(fd, name.constData(), &st, 0) != 0) {
            ok = false;
            break;
        }
        appendListing(out, path, st);
        if (!S_ISDIR(st.st_mode))
            continue;
        if (ancestors.contains(st.st_ino) || ancestors.size() > 64) {
            ok = false;
            break;
        }
        const int sub = ::openat(fd, name.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        ancestors.append(st.st_ino);
        ok = sub >= 0 && listDir(sub, path, ancestors, out);
        ancestors.removeLast();
        if (!ok)
            break;
    }
    ::closedir(dir);
    return ok;
}

/// Every entry of the tree under @p root (the root first, as ""), each "path NUL StatRecord", in walk order.
/// Empty when the tree cannot be read or a link leads back up. Made once per render; a reused render
/// only checks it (listingUnchanged()).
QByteArray treeListing(const QString &root)
{
    const int fd = ::open(QFile::encodeName(root).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return {};
    struct stat st = {};
    if (::fstat(fd, &st) != 0) {
        ::close(fd);
        return {};
    }
    QByteArray out;
    appendListing(out, QByteArray(), st);
    QList<ino_t> ancestors{st.st_ino};
    if (!listDir(fd, QByteArray(), ancestors, out))
        return {};
    return out;
}

/// Whether every entry of @p listing still has its stat: one fstatat per entry, no folder opened or read.
/// An entry added to or removed from a folder, or renamed, changes that folder's mtime and ctime (POSIX), so
/// the folders' stats stand for their listings; a file's stat for its bytes, as in fileHash(). Cheap where
/// the full walk is not: a syscall costs microseconds on a virtual machine, and a folder walk takes five.
bool listingUnchanged(const QString &root, const QByteArray &listing)
{
    if (listing.isEmpty())
        return false;
    const int fd = ::open(QFile::encodeName(root).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return false;
    bool same = true;
    const char *p = listing.constData();
    const char *const end = p + listing.size();
    while (same && p < end) {
        const char *const path = p;
        const char *const pathEnd = static_cast<const char *>(std::memchr(p, 0, size_t(end - p)));
        if (!pathEnd || end - pathEnd - 1 < qsizetype(sizeof(StatRecord)))
            return ::close(fd), false;
        struct stat st = {};
        const int rc = path == pathEnd ? ::fstat(fd, &st) : ::fstatat(fd, path, &st, 0);
        const StatRecord now = rc == 0 ? statRecord(st) : StatRecord{};
        same = rc == 0 && std::memcmp(&now, pathEnd + 1, sizeof now) == 0;
        p = pathEnd + 1 + sizeof(StatRecord);
    }
    ::close(fd);
    return same;
}

/// Which build renders: a reused render must come from this very program (its renderer may differ).
QByteArray buildId()
{
    static const QByteArray id = [] {
        struct stat st = {};
        const QString exe = QCoreApplication::applicationFilePath();
        if (exe.isEmpty() || ::stat(QFile::encodeName(exe).constData(), &st) != 0)
            return QByteArray();
        return QByteArray(QFile::encodeName(exe) + ' ' + statLine(st));
    }();
    return id;
}

/// The bundle of @p served that @p bundle is, not a copy with edits: Qt's containers share their data until
/// one is written to, and @p served keeps a reference, so the same file list storage means the same files.
const Bundle *servedBundle(const RenderOutput &served, const Bundle &bundle)
{
    if (bundle.files.isEmpty())
        return nullptr;
    for (const Bundle &b : served.bundles)
        if (b.name == bundle.name)
            return b.files.constData() == bundle.files.constData() && b.emptyDirs == bundle.emptyDirs ? &b : nullptr;
    return nullptr;
}

QString servedKeyName(const Bundle &bundle, int level)
{
    return QString::number(level) + QLatin1Char(' ') + bundle.name;
}

/// Starts writing every file's data to the disk without waiting, so that the disk works on all of them at
/// once (writeOut() then waits for each: 19 small files took about half as long as one by one).
template<typename Files>
void startWriteout(const Files &files)
{
#ifdef __linux__
    for (const auto &f : files) {
        const int fd = ::open(QFile::encodeName(f.tmp).constData(), O_RDONLY | O_CLOEXEC);
        if (fd >= 0) {
            ::sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE);
            ::close(fd);
        }
    }
#else
    Q_UNUSED(files)
#endif
}

/// Writes @p path's data to the disk and waits for it, without the disk-cache flush and journal commit of
/// an fdatasync (each costs milliseconds): syncDir() afterwards does those once for a whole batch, as git's
/// core.fsyncMethod=batch does. On file systems with one journal (ext4, XFS: Linux's defaults) the
/// directory's commit carries the files' sizes too. Elsewhere an fdatasync per file.
bool writeOut(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
#ifdef __linux__
    const bool ok
        = ::sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WAIT_BEFORE | SYNC_FILE_RANGE_WRITE | SYNC_FILE_RANGE_WAIT_AFTER)
          == 0;
#else
    const bool ok = ::fdatasync(fd) == 0;
#endif
    ::close(fd);
    return ok;
}

void syncDir(const QString &dir)
{
    const int fd = ::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

/// Temporary files of a process killed before its flush (an hour old: another process may be between
/// its store and its flush).
void removeLeftovers(const QString &dir)
{
    const QDateTime hourAgo = QDateTime::currentDateTimeUtc().addSecs(-3600);
    for (const QFileInfo &p : QDir(dir).entryInfoList({QStringLiteral("*.part-*")}, QDir::Files))
        if (p.lastModified() < hourAgo)
            QFile::remove(p.filePath());
}

QString pendingName(const QString &final)
{
    static std::atomic_int serial = 0;
    return final + QStringLiteral(".part-%1-%2").arg(QCoreApplication::applicationPid()).arg(++serial);
}

/// The whole file in one read (QFile reads 16 KiB at a time and stats the file twice), and its mtime.
/// Empty when it cannot be read.
QByteArray readWhole(const QString &path, qint64 *mtime)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return QByteArray();
    QByteArray out;
    struct stat st = {};
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 && st.st_size < (qint64(1) << 31)) {
        out.resize(qsizetype(st.st_size));
        qsizetype got = 0;
        while (got < out.size()) {
            const ssize_t n = ::read(fd, out.data() + got, size_t(out.size() - got));
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                break;
            got += n;
        }
        out.truncate(got); // a shorter file (being replaced) fails the entry's own checks
        *mtime = qint64(st.st_mtim.tv_sec);
    }
    ::close(fd);
    return out;
}

/// The render entry's encoding: integers in this machine's byte order (only it reads the entry), strings as UTF-8,
/// every string and byte array with a 32-bit length first. Not QDataStream: its per-value reads through QIODevice and
/// its UTF-16 strings made decoding the largest part of a reused render (an entry is read on every deploy).
/// Strings, string lists and file contents are interned: the first occurrence is written whole after its new
/// number, later ones only as that number, so the reader decodes and allocates each once and shares it (the
/// bundles of a federation repeat most paths, file names, service and image lists).
class EntryWriter
{
public:
    void u32(quint32 v) { m_out.append(reinterpret_cast<const char *>(&v), sizeof v); }
    void i64(qint64 v) { m_out.append(reinterpret_cast<const char *>(&v), sizeof v); }
    void bytes(const QByteArray &b)
    {
        u32(quint32(b.size()));
        m_out += b;
    }
    void blob(const QByteArray &b)
    {
        interned(m_blobs, b, [&] { bytes(b); });
    }
    void str(const QString &s)
    {
        interned(m_strs, s, [&] { bytes(s.toUtf8()); });
    }
    void strs(const QStringList &l)
    {
        interned(m_lists, l, [&] {
            u32(quint32(l.size()));
            for (const QString &s : l)
                str(s);
        });
    }
    QByteArray &data() { return m_out; }

private:
    template<typename T, typename Write>
    void interned(QHash<T, quint32> &ids, const T &value, Write write)
    {
        if (const auto it = ids.constFind(value); it != ids.constEnd())
            return u32(it.value());
        const quint32 id = quint32(ids.size());
        ids.insert(value, id);
        u32(id);
        write();
    }

    QByteArray m_out;
    QHash<QByteArray, quint32> m_blobs;
    QHash<QString, quint32> m_strs;
    QHash<QStringList, quint32> m_lists;
};

/// Reads what EntryWriter wrote; a short or damaged entry makes ok() false (and every later read empty).
class EntryReader
{
public:
    explicit EntryReader(const QByteArray &in)
        : m_p(in.constData())
        , m_end(in.constData() + in.size())
    {}
    bool ok() const { return m_ok; }
    bool atEnd() const { return m_p == m_end; }
    quint32 u32()
    {
        quint32 v = 0;
        take(&v, sizeof v);
        return v;
    }
    qint64 i64()
    {
        qint64 v = 0;
        take(&v, sizeof v);
        return v;
    }
    QByteArray bytes()
    {
        const quint32 n = u32();
        if (!m_ok || n > quint64(m_end - m_p))
            return fail(), QByteArray();
        const QByteArray b(m_p, qsizetype(n));
        m_p += n;
        return b;
    }
    QByteArray blob()
    {
        return interned(m_blobs, [this] { return bytes(); });
    }
    QString str()
    {
        return interned(m_strs, [this] {
            const quint32 n = u32();
            if (!m_ok || n > quint64(m_end - m_p))
                return fail(), QString();
            const QString s = QString::fromUtf8(m_p, qsizetype(n));
            m_p += n;
            return s;
        });
    }
    QStringList strs()
    {
        return interned(m_lists, [this] {
            const quint32 n = u32();
            if (!m_ok || n > quint64(m_end - m_p)) // each string takes at least its number
                return fail(), QStringList();
            QStringList l;
            l.reserve(qsizetype(n));
            for (quint32 i = 0; i < n && m_ok; ++i)
                l.append(str());
            return l;
        });
    }

private:
    /// The value numbered next is decoded here; an earlier one is shared; any other number is damage.
    template<typename T, typename Read>
    T interned(QList<T> &table, Read read)
    {
        const quint32 id = u32();
        if (!m_ok)
            return T();
        if (id < quint32(table.size()))
            return table.at(qsizetype(id));
        if (id != quint32(table.size()))
            return fail(), T();
        T value = read();
        if (m_ok)
            table.append(value);
        return value;
    }
    void fail()
    {
        m_ok = false;
        m_p = m_end;
    }
    void take(void *to, size_t n)
    {
        if (size_t(m_end - m_p) < n)
            return fail();
        std::memcpy(to, m_p, n);
        m_p += n;
    }

    const char *m_p;
    const char *m_end;
    bool m_ok = true;
    QList<QByteArray> m_blobs;
    QList<QString> m_strs;
    QList<QStringList> m_lists;
};

/// Each struct is taken apart with a structured binding: a new field stops the build here until it is
/// written (and read in readRender(), with RenderTag bumped).
void writeRender(EntryWriter &w, const RenderOutput &r)
{
    const auto &[templateRoot, kubefateVersion, bundles, missingSecrets] = r;
    w.str(templateRoot);
    w.str(kubefateVersion);
    w.strs(missingSecrets);
    w.u32(quint32(bundles.size()));
    for (const Bundle &b : bundles) {
        const auto &[kind, name, partyId, host, targetDir, composeFile, files, emptyDirs, facts] = b;
        w.u32(quint32(kind));
        w.str(name);
        w.i64(partyId);
        w.str(host);
        w.str(targetDir);
        w.str(composeFile);
        w.strs(emptyDirs);
        const auto &[services, images, ports, dataPaths] = facts;
        w.strs(services);
        w.strs(images);
        w.u32(quint32(ports.size()));
        for (int port : ports)
            w.i64(port);
        w.strs(dataPaths);
        w.u32(quint32(files.size()));
        for (const BundleFile &f : files) {
            const auto &[path, content, sourcePath, mode, size] = f;
            w.str(path);
            w.blob(content);
            w.str(sourcePath);
            w.u32(quint32(mode));
            w.i64(size);
        }
    }
}

bool readRender(EntryReader &r, RenderOutput &out)
{
    out.templateRoot = r.str();
    out.kubefateVersion = r.str();
    out.missingSecrets = r.strs();
    const quint32 bundles = r.u32();
    for (quint32 i = 0; i < bundles && r.ok(); ++i) {
        Bundle b;
        b.kind = Bundle::Kind(r.u32());
        b.name = r.str();
        b.partyId = int(r.i64());
        b.host = r.str();
        b.targetDir = r.str();
        b.composeFile = r.str();
        b.emptyDirs = r.strs();
        b.facts.services = r.strs();
        b.facts.images = r.strs();
        const quint32 ports = r.u32();
        for (quint32 j = 0; j < ports && r.ok(); ++j)
            b.facts.ports.append(int(r.i64()));
        b.facts.dataPaths = r.strs();
        const quint32 files = r.u32();
        if (files > quint32(1) << 24) // damaged: no render has that many files
            return false;
        b.files.reserve(qsizetype(files));
        for (quint32 j = 0; j < files && r.ok(); ++j) {
            BundleFile f;
            f.path = r.str();
            f.content = r.blob();
            f.sourcePath = r.str();
            f.mode = int(r.u32());
            f.size = r.i64();
            b.files.append(std::move(f));
        }
        out.bundles.append(std::move(b));
    }
    return r.ok();
}

} // namespace

BundleCache::BundleCache(const QString &dir, qint64 capBytes)
    : m_dir(dir.isEmpty() ? defaultDir() : dir)
    , m_cap(capBytes)
{
    if (!m_dir.isEmpty() && !QDir().mkpath(m_dir + QLatin1Char('/') + QLatin1String(RendersDir)))
        m_dir.clear();
}

BundleCache::~BundleCache()
{
    flush();
}

void BundleCache::flush()
{
    bool renderWritten = false;
    if (m_render.dirty && !m_render.path.isEmpty()) {
        m_render.dirty = false;
        renderWritten = true;
        const QString tmp = pendingName(m_render.path);
        EntryWriter out;
        out.bytes(QByteArray(RenderTag));
        out.bytes(m_render.listing);
        out.bytes(m_render.contentKey);
        out.u32(quint32(m_render.keys.size()));
        for (auto it = m_render.keys.constBegin(); it != m_render.keys.constEnd(); ++it) {
            out.str(it.key());
            out.str(it.value());
        }
        writeRender(out, m_render.output);
        QFile f(tmp);
        bool ok = false;
        if (f.open(QIODevice::WriteOnly)) {
            ok = f.write(out.data()) == out.data().size() && f.flush();
            f.close();
        }
        if (ok)
            m_pending.append({tmp, m_render.path});
        else
            QFile::remove(tmp);
    }
    if (m_memoDirty)
        saveMemo();
    commitPending();
    if (renderWritten)
        trimRenders();
}

void BundleCache::commitPending()
{
    if (m_pending.isEmpty())
        return;
    startWriteout(m_pending);
    QSet<QString> dirs;
    bool entries = false;
    for (const Pending &p : std::as_const(m_pending)) {
        // The data is on disk before the name appears: after a crash an entry is whole or absent.
        if (!writeOut(p.tmp)
            || ::rename(QFile::encodeName(p.tmp).constData(), QFile::encodeName(p.final).constData()) != 0) {
            QFile::remove(p.tmp);
            continue;
        }
        dirs.insert(QFileInfo(p.final).path());
        entries = entries || p.final.endsWith(QLatin1String(".tar.gz"));
    }
    m_pending.clear();
    for (const QString &dir : std::as_const(dirs))
        syncDir(dir);
    if (entries)
        trim();
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
        return Sha256::hash(file.content);
    return fileHash(file.sourcePath, cancel);
}

Result<QByteArray> BundleCache::fileHash(const QString &path, const std::atomic_bool *cancel)
{
    const QByteArray stat = statKey(path);
    if (stat.isEmpty())
        return Error{tr("cannot read %1").arg(path), ErrorKind::Local};
    if (!m_memoLoaded && isEnabled()) // only read when a file's hash is needed: a reused render needs none
        loadMemo();
    if (auto it = m_memo.constFind(path); it != m_memo.constEnd() && it->stat == stat)
        return it->sha256;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error{tr("cannot read %1: %2").arg(path, f.errorString()), ErrorKind::Local};
    Sha256 h;
    while (!f.atEnd()) {
        // Hashing a large example file takes seconds of CPU: a cancelled run must not wait for it.
        if (cancel && cancel->load())
            return Error{tr("cancelled"), ErrorKind::Cancelled};
        const QByteArray chunk = f.read(ReadChunk);
        if (chunk.isEmpty() && f.error() != QFile::NoError)
            return Error{tr("cannot read %1: %2").arg(path, f.errorString()), ErrorKind::Local};
        h.addData(chunk);
    }
    // A file changed while we read it must not be remembered under its old stat.
    if (statKey(path) == stat) {
        m_memo.insert(path, Memo{stat, h.result()});
        m_memoDirty = true;
    }
    return h.result();
}

Result<QByteArray> BundleCache::treeContentKey(const QString &root, const std::atomic_bool *cancel)
{
    Sha256 h;
    QString failed;
    const bool walked = walkTree(root, [&](const QByteArray &rel, const struct stat &st) {
        if (!failed.isEmpty())
            return;
        h.addData(QByteArray(rel + '\0' + QByteArray::number(quint32(st.st_mode), 8) + ' '));
        if (S_ISREG(st.st_mode)) {
            const Result<QByteArray> content = fileHash(root + QLatin1Char('/') + QFile::decodeName(rel), cancel);
            if (!content) {
                failed = content.error();
                return;
            }
            h.addData(content.value());
        }
        h.addData(QByteArrayView("\n", 1));
    });
    if (!failed.isEmpty())
        return Error{failed, ErrorKind::Local};
    if (!walked)
        return Error{tr("cannot read the template folder %1").arg(root), ErrorKind::Local};
    return h.result();
}

QString
BundleCache::renderEntryPath(const Project &project, const TemplateTree &tree, const ServiceSecrets &markers) const
{
    Sha256 h;
    h.addData(QByteArray(QByteArray(RenderTag) + '\n' + buildId() + '\n' + tree.root.toUtf8() + '\n'
                         + tree.kubefateVersion.toUtf8() + '\n'));
    for (ServiceSecrets::Kind kind : ServiceSecrets::kinds()) // markers only: which passwords are set
        h.addData(QByteArray(markers.value(kind).isEmpty() ? "-\n" : "+\n"));
    h.addData(projectDigest(project)); // every field (not the JSON: it cost more than the rest of a reuse)
    return m_dir + QLatin1Char('/') + QLatin1String(RendersDir) + QLatin1Char('/')
           + QString::fromLatin1(h.result().toHex()) + QStringLiteral(".render");
}

Result<RenderOutput> BundleCache::render(const Project &project,
                                         const TemplateTree &tree,
                                         bool *reused,
                                         const std::atomic_bool *cancel,
                                         const ServiceSecrets &markers)
{
    Q_ASSERT(markers == markers.markers()); // real passwords never reach this on-disk cache
    if (reused)
        *reused = false;
    if (!isEnabled() || buildId().isEmpty())
        return Renderer::render(project, tree, markers);
    flush(); // an earlier render of this object
    m_render = RenderEntry{};
    const QString path = renderEntryPath(project, tree, markers);
    qint64 entryMtime = 0;
    if (const QByteArray bytes = readWhole(path, &entryMtime); !bytes.isEmpty()) {
        EntryReader in(bytes);
        RenderEntry e;
        const bool tagged = in.bytes() == RenderTag;
        if (tagged) {
            e.listing = in.bytes();
            e.contentKey = in.bytes();
            const quint32 keys = in.u32();
            for (quint32 i = 0; i < keys && in.ok(); ++i) {
                const QString name = in.str();
                e.keys.insert(name, in.str());
            }
        }
        if (tagged && readRender(in, e.output) && in.atEnd() && e.contentKey.size() == 32) {
            bool same = listingUnchanged(tree.root, e.listing);
            if (!same) {                                       // touched, checked out again, copied: the bytes decide
                const QByteArray now = treeListing(tree.root); // before the hashing, as below
                if (!now.isEmpty()) {
                    const Result<QByteArray> content = treeContentKey(tree.root, cancel);
                    same = content && content.value() == e.contentKey;
                }
                if (same) {
                    e.listing = now;
                    e.dirty = true;
                }
            }
            if (same) {
                e.path = path;
                m_render = e;
                // last use = mtime, for trimRenders(); refreshed at most every ten minutes (a metadata write)
                if (QDateTime::currentSecsSinceEpoch() - entryMtime > 600)
                    ::utimensat(AT_FDCWD, QFile::encodeName(path).constData(), nullptr, 0);
                if (reused)
                    *reused = true;
                return m_render.output;
            }
        }
    }
    const QByteArray before = treeListing(tree.root);
    if (before.isEmpty()) // unreadable, or a link loop: render (and say why), remember nothing
        return Renderer::render(project, tree, markers);
    Result<RenderOutput> out = Renderer::render(project, tree, markers);
    if (!out)
        return out;
    // The content key is taken after the render: a file changed meanwhile gives a key no later tree
    // matches by stat, so at worst the next deploy renders again.
    const Result<QByteArray> content = treeContentKey(tree.root, cancel);
    if (content && treeListing(tree.root) == before) {
        m_render.path = path;
        m_render.listing = before;
        m_render.contentKey = content.value();
        m_render.output = out.value();
        m_render.dirty = true;
    }
    return out;
}

void BundleCache::trimRenders()
{
    const QString dir = m_dir + QLatin1Char('/') + QLatin1String(RendersDir);
    removeLeftovers(dir);
    const QFileInfoList entries
        = QDir(dir).entryInfoList({QStringLiteral("*.render")}, QDir::Files, QDir::Time); // newest first
    for (qsizetype i = MaxRenders; i < entries.size(); ++i)
        QFile::remove(entries.at(i).filePath());
}

Result<QString> BundleCache::key(const Bundle &bundle, int level, const std::atomic_bool *cancel)
{
    // A bundle of the render render() served or made: its key is remembered with that render.
    const bool ofRender = !m_render.path.isEmpty() && servedBundle(m_render.output, bundle);
    const QString served = ofRender ? servedKeyName(bundle, level) : QString();
    if (ofRender)
        if (const auto it = m_render.keys.constFind(served); it != m_render.keys.constEnd())
            return it.value();
    Sha256 h;
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
    const QString result = QString::fromLatin1(h.result().toHex());
    if (ofRender) {
        m_render.keys.insert(served, result);
        m_render.dirty = true;
    }
    return result;
}

bool BundleCache::fetch(const QString &key, const QString &path)
{
    if (!isEnabled())
        return false;
    const QString entry = entryPath(m_dir, key);
    for (const Pending &p : std::as_const(m_pending)) // stored by this object, not flushed yet
        if (p.final == entry)
            return linkOrCopy(p.tmp, path);
    struct stat st = {};
    if (::stat(QFile::encodeName(entry).constData(), &st) != 0)
        return false;
    if (st.st_size == 0) { // never a packed bundle: what a crash can leave on some file systems
        QFile::remove(entry);
        return false;
    }
    // Straight to the name when it is free (the usual case: a run's new folder), else atomically replaced.
    if (::link(QFile::encodeName(entry).constData(), QFile::encodeName(path).constData()) != 0
        && !linkOrCopy(entry, path))
        return false;
    // last use = mtime, for trim(); refreshed at most every ten minutes (a hard link shares it: harmless)
    if (QDateTime::currentSecsSinceEpoch() - qint64(st.st_mtim.tv_sec) > 600)
        ::utimensat(AT_FDCWD, QFile::encodeName(entry).constData(), nullptr, 0);
    return true;
}

void BundleCache::store(const QString &key, const QString &path)
{
    if (!isEnabled())
        return;
    // Under a temporary name until flush() has the data on disk (one batch for all entries).
    const QString entry = entryPath(m_dir, key);
    const QString tmp = pendingName(entry);
    if (::link(QFile::encodeName(path).constData(), QFile::encodeName(tmp).constData()) != 0 && !QFile::copy(path, tmp))
        return;
    m_pending.append({tmp, entry});
}

void BundleCache::trim()
{
    removeLeftovers(m_dir);
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
    m_memoLoaded = true;
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
    const QString path = m_dir + QLatin1Char('/') + QLatin1String(MemoFile);
    const QString tmp = pendingName(path);
    QFile f(tmp);
    if (!f.open(QIODevice::WriteOnly))
        return;
    for (auto it = m_memo.constBegin(); it != m_memo.constEnd(); ++it) {
        if (it.key().contains(QLatin1Char('\n')) || it.key().contains(QLatin1Char('\t')))
            continue;
        f.write(it->sha256.toHex() + '\t' + it->stat + '\t' + it.key().toUtf8() + '\n');
    }
    if (f.flush()) {
        f.close();
        m_pending.append({tmp, path}); // written by flush() with the rest
    } else {
        f.close();
        QFile::remove(tmp);
    }
}

} // namespace FateDeployer
