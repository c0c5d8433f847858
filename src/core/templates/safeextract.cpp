// SPDX-License-Identifier: Apache-2.0
#include "templates/safeextract.h"
#include "util/tr.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>

#include <archive.h>
#include <archive_entry.h>

#include <memory>

namespace FateDeployer {

namespace {

struct ReadDeleter
{
    void operator()(archive *a) const { archive_read_free(a); }
};

/// Normalises an archive member path; empty when it is absolute or climbs out with "..".
QString cleanMember(const QString &raw)
{
    if (raw.startsWith(QLatin1Char('/')) || raw.startsWith(QLatin1Char('\\')) || raw.contains(QLatin1Char('\\'))
        || (raw.size() > 1 && raw.at(1) == QLatin1Char(':')))
        return {};
    QStringList parts;
    for (const QString &part : raw.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        if (part == QLatin1String("."))
            continue;
        if (part == QLatin1String(".."))
            return {};
        parts.append(part);
    }
    return parts.join(QLatin1Char('/'));
}

/// True when a link target, resolved relative to the link's folder, stays inside the tree.
bool linkStaysInside(const QString &member, const QString &target)
{
    if (target.isEmpty() || target.startsWith(QLatin1Char('/')))
        return false;
    QStringList stack = member.split(QLatin1Char('/'));
    stack.removeLast();
    for (const QString &part : target.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        if (part == QLatin1String("."))
            continue;
        if (part == QLatin1String("..")) {
            if (stack.isEmpty())
                return false;
            stack.removeLast();
        } else {
            stack.append(part);
        }
    }
    return true;
}

Status extractInto(const QString &archivePath, const QString &destDir, const SafeExtract::Limits &limits)
{
    std::unique_ptr<archive, ReadDeleter> a(archive_read_new());
    archive_read_support_filter_all(a.get());
    archive_read_support_format_tar(a.get());
    archive_read_support_format_gnutar(a.get());
    archive_read_support_format_zip(a.get());
    const QByteArray native = QFile::encodeName(archivePath);
    if (archive_read_open_filename(a.get(), native.constData(), 64 * 1024) != ARCHIVE_OK)
        return Error{
            tr("cannot open archive %1: %2").arg(archivePath, QString::fromUtf8(archive_error_string(a.get())))};

    const QDir dest(destDir);
    QSet<QString> files;
    int count = 0;
    int entries = 0;
    qint64 total = 0;
    auto tooLarge = [&](const QString &raw) {
        return Error{tr("archive %1 is refused: it unpacks to more than %2 MiB (the limit) at entry \"%3\"; a "
                        "KubeFATE template archive is a few MB")
                         .arg(archivePath)
                         .arg(limits.maxTotalBytes / (1024 * 1024))
                         .arg(raw)};
    };
    for (;;) {
        archive_entry *entry = nullptr;
        const int r = archive_read_next_header(a.get(), &entry);
        if (r == ARCHIVE_EOF)
            break;
        if (r < ARCHIVE_WARN)
            return Error{tr("archive %1 is damaged or truncated: %2")
                             .arg(archivePath, QString::fromUtf8(archive_error_string(a.get())))};
        const QString raw = QString::fromUtf8(archive_entry_pathname_utf8(entry) ? archive_entry_pathname_utf8(entry)
                                                                                 : archive_entry_pathname(entry));
        if (++entries > limits.maxEntries)
            return Error{tr("archive %1 is refused: it has more than %2 entries (the limit); a KubeFATE template "
                            "archive has about a thousand")
                             .arg(archivePath)
                             .arg(limits.maxEntries)};
        if (raw.size() > limits.maxPathLength)
            return Error{tr("archive %1 is refused: entry \"%2…\" has a path of %3 characters (at most %4 are "
                            "accepted)")
                             .arg(archivePath, raw.left(80))
                             .arg(raw.size())
                             .arg(limits.maxPathLength)};
        const QString member = cleanMember(raw);
        if (member.count(QLatin1Char('/')) + 1 > limits.maxDepth)
            return Error{tr("archive %1 is refused: entry \"%2\" is %3 folders deep (at most %4 are accepted)")
                             .arg(archivePath, raw)
                             .arg(member.count(QLatin1Char('/')) + 1)
                             .arg(limits.maxDepth)};
        if (member.isEmpty()) {
            if (raw == QLatin1String(".") || raw == QLatin1String("./"))
                continue;
            return Error{tr("archive %1 is unsafe: entry \"%2\" points outside the folder it unpacks to (absolute "
                            "path or \"..\"); use an official KubeFATE release archive")
                             .arg(archivePath, raw)};
        }
        const QString target = dest.filePath(member);
        const mode_t type = archive_entry_filetype(entry);
        const char *hardlink = archive_entry_hardlink(entry);
        if (hardlink) {
            const QString linked = cleanMember(QString::fromUtf8(hardlink));
            if (linked.isEmpty() || !files.contains(linked))
                return Error{tr("archive %1 is unsafe: hard link \"%2\" points outside the archive (\"%3\")")
                                 .arg(archivePath, raw, QString::fromUtf8(hardlink))};
            // A copy costs its size again: many links to one big file are a bomb too.
            total += QFileInfo(dest.filePath(linked)).size();
            if (total > limits.maxTotalBytes)
                return tooLarge(raw);
            QDir().mkpath(QFileInfo(target).path());
            QFile::remove(target);
            if (!QFile::copy(dest.filePath(linked), target))
                return Error{tr("cannot write %1").arg(target)};
            files.insert(member);
            continue;
        }
        if (type == AE_IFDIR) {
            if (!QDir().mkpath(target))
                return Error{tr("cannot create folder %1").arg(target)};
            continue;
        }
        if (type == AE_IFLNK) {
            const QString linkTarget = QString::fromUtf8(archive_entry_symlink(entry));
            if (!linkStaysInside(member, linkTarget))
                return Error{tr("archive %1 is unsafe: symbolic link \"%2\" points outside the archive (\"%3\")")
                                 .arg(archivePath, raw, linkTarget)};
            QDir().mkpath(QFileInfo(target).path());
            QFile::remove(target);
            if (!QFile::link(linkTarget, target))
                return Error{tr("cannot create link %1").arg(target)};
            continue;
        }
        if (type != AE_IFREG)
            return Error{tr("archive %1 is unsafe: entry \"%2\" is a device, FIFO or socket, which a template "
                            "archive never contains")
                             .arg(archivePath, raw)};
        // Never write through a link created by an earlier entry.
        for (QString dir = QFileInfo(member).path(); dir != QLatin1String("."); dir = QFileInfo(dir).path())
            if (QFileInfo(dest.filePath(dir)).isSymLink())
                return Error{tr("archive %1 is unsafe: entry \"%2\" is written through a link").arg(archivePath, raw)};
        if (archive_entry_size_is_set(entry) && archive_entry_size(entry) > limits.maxTotalBytes - total)
            return tooLarge(raw);
        if (!QDir().mkpath(QFileInfo(target).path()))
            return Error{tr("cannot create folder %1").arg(QFileInfo(target).path())};
        QFile out(target);
        if (QFileInfo(target).isSymLink())
            QFile::remove(target);
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return Error{tr("cannot write %1: %2").arg(target, out.errorString())};
        const void *buf = nullptr;
        size_t size = 0;
        la_int64_t offset = 0;
        for (;;) {
            const int rr = archive_read_data_block(a.get(), &buf, &size, &offset);
            if (rr == ARCHIVE_EOF)
                break;
            if (rr < ARCHIVE_WARN)
                return Error{tr("archive %1 is damaged or truncated at \"%2\": %3")
                                 .arg(archivePath, raw, QString::fromUtf8(archive_error_string(a.get())))};
            // Counted by the end offset: a sparse entry that seeks far costs as much as its data would.
            if (offset < 0 || qint64(size) > limits.maxTotalBytes
                || offset > limits.maxTotalBytes - total - qint64(size))
                return tooLarge(raw);
            if (out.pos() != offset && !out.seek(offset))
                return Error{tr("cannot write %1: %2").arg(target, out.errorString())};
            if (out.write(static_cast<const char *>(buf), qint64(size)) != qint64(size))
                return Error{tr("cannot write %1: %2").arg(target, out.errorString())};
        }
        total += out.size();
        out.close();
        const int perm = archive_entry_perm(entry);
        QFileDevice::Permissions p
            = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther;
        if (perm & 0100)
            p |= QFileDevice::ExeOwner | QFileDevice::ExeGroup | QFileDevice::ExeOther;
        out.setPermissions(p);
        files.insert(member);
        ++count;
    }
    if (count == 0)
        return Error{tr("archive %1 contains no files").arg(archivePath)};
    return {};
}

} // namespace

Status SafeExtract::extract(const QString &archivePath, const QString &destDir, const Limits &limits)
{
    if (QFileInfo::exists(destDir))
        return Error{tr("cannot unpack into %1: it already exists").arg(destDir)};
    if (!QDir().mkpath(destDir))
        return Error{tr("cannot create folder %1").arg(destDir)};
    Status s = extractInto(archivePath, destDir, limits);
    if (!s)
        QDir(destDir).removeRecursively();
    return s;
}

} // namespace FateDeployer
