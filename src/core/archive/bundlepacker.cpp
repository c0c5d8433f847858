// SPDX-License-Identifier: Apache-2.0
// Deterministic, streaming tar.gz of a bundle. The gzip stream is a sequence of gzip members (RFC 1952
// allows several; gzip, GNU tar -z, busybox and libarchive decompress them as one stream): per-bundle
// bytes (tar headers, small and edited files) are compressed as they come, while the data blocks of big
// verbatim files — the examples/, identical for every party — are compressed once into PackCache and
// copied as ready-made members into every bundle. Only the tar headers differ between parties.
#include "archive/bundlepacker.h"
#include "util/tr.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QIODevice>
#include <QSet>
#include <QTemporaryFile>
#include <QThread>
#include <QtConcurrent/QtConcurrentMap>
#include <QtConcurrent/QtConcurrentRun>

#include <archive.h>
#include <archive_entry.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace FateDeployer {

namespace {

constexpr qint64 ChunkSize = 256 * 1024;

Error cancelled()
{
    return Error{tr("packing cancelled")};
}

/// One gzip member written through libarchive (raw format + gzip filter, no timestamp, no name), so
/// the bytes depend only on the data.
class GzipMember
{
    Q_DECLARE_TR_FUNCTIONS(FateDeployer::GzipMember)

public:
    GzipMember(const BundlePacker::Sink &sink, int level)
        : m_sink(sink)
        , m_level(level)
    {}
    ~GzipMember()
    {
        if (m_a)
            archive_write_free(m_a);
    }

    Status write(const char *data, qint64 size)
    {
        if (size <= 0)
            return {};
        if (!m_a) {
            if (Status s = open(); !s)
                return s;
        }
        if (archive_write_data(m_a, data, size_t(size)) != la_ssize_t(size))
            return failure();
        return {};
    }

    Status finish()
    {
        if (!m_a)
            return {};
        const int r = archive_write_close(m_a);
        Status s = r == ARCHIVE_OK ? Status() : failure();
        archive_write_free(m_a);
        m_a = nullptr;
        return s;
    }

private:
    Status open()
    {
        m_a = archive_write_new();
        if (archive_write_add_filter_gzip(m_a) != ARCHIVE_OK || archive_write_set_format_raw(m_a) != ARCHIVE_OK
            || archive_write_set_filter_option(m_a, "gzip", "timestamp", nullptr) != ARCHIVE_OK
            || archive_write_set_filter_option(
                   m_a, "gzip", "compression-level", QByteArray::number(m_level).constData())
                   != ARCHIVE_OK
            || archive_write_set_bytes_per_block(m_a, 0) != ARCHIVE_OK
            || archive_write_set_bytes_in_last_block(m_a, 1) != ARCHIVE_OK
            || archive_write_open(m_a, this, nullptr, &GzipMember::callback, nullptr) != ARCHIVE_OK)
            return failure();
        archive_entry *entry = archive_entry_new();
        archive_entry_set_pathname(entry, "data");
        archive_entry_set_filetype(entry, AE_IFREG);
        const int r = archive_write_header(m_a, entry);
        archive_entry_free(entry);
        if (r != ARCHIVE_OK)
            return failure();
        return {};
    }

    Status failure()
    {
        if (m_sinkFailed)
            return Error{tr("cannot write the archive (the destination refused the data)")};
        return Error{tr("compression failed: %1").arg(QString::fromUtf8(m_a ? archive_error_string(m_a) : ""))};
    }

    static la_ssize_t callback(archive *, void *client, const void *buffer, size_t length)
    {
        auto *self = static_cast<GzipMember *>(client);
        if (!self->m_sink(static_cast<const char *>(buffer), qint64(length))) {
            self->m_sinkFailed = true;
            return -1;
        }
        return la_ssize_t(length);
    }

    const BundlePacker::Sink &m_sink;
    const int m_level;
    archive *m_a = nullptr;
    bool m_sinkFailed = false;
};

/// Streams a file (or in-memory content) in chunks into fn; checks the size seen at render time.
template<typename Fn>
Status streamFile(const BundleFile &f, const std::atomic_bool *cancel, Fn &&fn)
{
    if (!f.isVerbatim())
        return fn(f.content.constData(), f.content.size());
    QFile in(f.sourcePath);
    if (!in.open(QIODevice::ReadOnly))
        return Error{tr("cannot read template file %1: %2").arg(f.sourcePath, in.errorString())};
    if (in.size() != f.size)
        return Error{tr("template file %1 changed since the bundles were rendered; render again").arg(f.sourcePath)};
    QByteArray buf(ChunkSize, Qt::Uninitialized);
    qint64 total = 0;
    for (;;) {
        if (cancel && cancel->load())
            return cancelled();
        const qint64 n = in.read(buf.data(), buf.size());
        if (n < 0)
            return Error{tr("cannot read template file %1: %2").arg(f.sourcePath, in.errorString())};
        if (n == 0)
            break;
        total += n;
        if (Status s = fn(buf.constData(), n); !s)
            return s;
    }
    if (total != f.size)
        return Error{tr("template file %1 changed while it was packed; render again").arg(f.sourcePath)};
    return {};
}

bool isShared(const BundleFile &f)
{
    return f.isVerbatim() && f.size >= BundlePacker::SharedThreshold;
}

} // namespace

// ---------------------------------------------------------------------------------------------

PackCache::PackCache(int level)
    : m_level(std::clamp(level, 1, 9))
{}
PackCache::~PackCache() = default;

QString PackCache::memberKey(const QString &sourcePath, qint64 size)
{
    // Asked for every shared file of every bundle: one stat, nanoseconds as they are.
    struct stat st = {};
    if (::stat(QFile::encodeName(sourcePath).constData(), &st) != 0)
        st = {};
    return sourcePath + QLatin1Char('\n') + QString::number(size) + QLatin1Char('\n')
           + QString::number(qint64(st.st_mtim.tv_sec)) + QLatin1Char('.')
           + QString::number(qint64(st.st_mtim.tv_nsec));
}

Result<PackCache::Member> PackCache::member(const QString &sourcePath, qint64 size, const std::atomic_bool *cancel)
{
    const QString key = memberKey(sourcePath, size);
    {
        QMutexLocker lock(&m_mutex);
        if (auto it = m_members.constFind(key); it != m_members.constEnd())
            return it.value();
    }
    // Compress without the lock (prefetch() runs several of these at once), then append.
    QByteArray data;
    const BundlePacker::Sink sink = [&](const char *d, qint64 n) {
        data.append(d, n);
        return true;
    };
    GzipMember gz(sink, m_level);
    BundleFile f;
    f.sourcePath = sourcePath;
    f.size = size;
    Status s = streamFile(f, cancel, [&](const char *d, qint64 n) { return gz.write(d, n); });
    if (s) {
        static const char zeros[512] = {};
        if (const qint64 pad = (512 - size % 512) % 512; pad > 0)
            s = gz.write(zeros, pad);
    }
    if (s)
        s = gz.finish();
    if (!s)
        return Error{s.error()};

    QMutexLocker lock(&m_mutex);
    if (auto it = m_members.constFind(key); it != m_members.constEnd())
        return it.value(); // another thread was faster
    if (!m_store) {
        m_store = std::make_unique<QTemporaryFile>(QDir::tempPath() + QStringLiteral("/fd-pack-XXXXXX"));
        if (!m_store->open())
            return Error{tr("cannot create a temporary file in %1: %2").arg(QDir::tempPath(), m_store->errorString())};
    }
    Member m;
    m.offset = m_store->size();
    if (!m_store->seek(m.offset) || m_store->write(data) != data.size() || !m_store->flush()) {
        const QString why = m_store->errorString();
        m_store->resize(m.offset);
        return Error{tr("cannot write the temporary file %1: %2").arg(m_store->fileName(), why)};
    }
    m.length = data.size();
    m_members.insert(key, m);
    return m;
}

void PackCache::prefetch(const Bundle &bundle, const std::atomic_bool *cancel)
{
    QList<const BundleFile *> missing;
    {
        QMutexLocker lock(&m_mutex);
        for (const BundleFile &f : bundle.files)
            if (isShared(f) && !m_members.contains(memberKey(f.sourcePath, f.size)))
                missing.append(&f);
    }
    if (missing.size() < 2)
        return;
    // Biggest first, so the cores finish together.
    std::sort(
        missing.begin(), missing.end(), [](const BundleFile *a, const BundleFile *b) { return a->size > b->size; });
    if (m_pool.maxThreadCount() != QThread::idealThreadCount())
        m_pool.setMaxThreadCount(QThread::idealThreadCount());
    // Errors are ignored here: pack() asks for every member again and reports them in order.
    QtConcurrent::blockingMap(&m_pool, missing, [this, cancel](const BundleFile *f) {
        if (!(cancel && cancel->load()))
            member(f->sourcePath, f->size, cancel);
    });
}

int PackCache::storeHandle(QString *name)
{
    QMutexLocker lock(&m_mutex);
    if (name && m_store)
        *name = m_store->fileName();
    return m_store ? m_store->handle() : -1;
}

Status PackCache::copy(const Member &member, const std::function<bool(const char *, qint64)> &sink)
{
    // Explicit offsets (pread): member() may be appending to the same file on another thread.
    QString name;
    const int in = storeHandle(&name);
    QByteArray buf(ChunkSize, Qt::Uninitialized);
    qint64 offset = member.offset;
    qint64 left = member.length;
    while (left > 0) {
        const ssize_t n = ::pread(in, buf.data(), size_t(std::min<qint64>(left, buf.size())), off_t(offset));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return Error{tr("cannot read the temporary file %1: %2")
                             .arg(name, n < 0 ? QString::fromLocal8Bit(strerror(errno)) : tr("it ends early"))};
        if (!sink(buf.constData(), n))
            return Error{tr("cannot write the archive (the destination refused the data)")};
        offset += n;
        left -= n;
    }
    return {};
}

Status PackCache::copyToFile(const Member &member, int fd)
{
    // Every extra bundle is mostly these members (7 MB of a 1.1.0 party's 8.8 MB): copied by the kernel,
    // they are not read into this process and written back.
    const int in = storeHandle();
    loff_t offset = member.offset;
    qint64 left = member.length;
    while (left > 0) {
        const ssize_t n = ::copy_file_range(in, &offset, fd, nullptr, size_t(left), 0);
        if (n > 0) {
            left -= n;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        // Other file systems, an old kernel: the buffered way below (which also reports a short store).
        if (n == 0 || errno == EXDEV || errno == ENOSYS || errno == EINVAL || errno == EOPNOTSUPP)
            break;
        return Error{
            tr("cannot copy a packed member into the archive: %1").arg(QString::fromLocal8Bit(strerror(errno)))};
    }
    if (left == 0)
        return {};
    const Member rest{qint64(offset), left};
    return copy(rest, [fd](const char *d, qint64 n) {
        while (n > 0) {
            const ssize_t w = ::write(fd, d, size_t(n));
            if (w < 0 && errno == EINTR)
                continue;
            if (w <= 0)
                return false;
            d += w;
            n -= w;
        }
        return true;
    });
}

// ---------------------------------------------------------------------------------------------

namespace {

struct TarEntry
{
    QByteArray path; ///< inside the archive, "<bundle>/..." ; directories end with '/'
    const BundleFile *file = nullptr;
};

/// The tar writer (libarchive, pax_restricted = ustar unless a name needs pax) routes its output to
/// the current gzip member, or discards it (the zero blocks it writes for data we did not hand it,
/// because the shared member already holds those blocks).
class TarStream
{
    Q_DECLARE_TR_FUNCTIONS(FateDeployer::TarStream)

public:
    explicit TarStream(GzipMember &glue)
        : m_glue(glue)
    {}
    ~TarStream()
    {
        if (m_a)
            archive_write_free(m_a);
    }
    Status open()
    {
        m_a = archive_write_new();
        if (archive_write_set_format_pax_restricted(m_a) != ARCHIVE_OK
            || archive_write_add_filter_none(m_a) != ARCHIVE_OK
            || archive_write_set_bytes_per_block(m_a, 0) != ARCHIVE_OK
            || archive_write_open(m_a, this, nullptr, &TarStream::callback, nullptr) != ARCHIVE_OK)
            return error();
        return {};
    }
    Status header(const TarEntry &e)
    {
        archive_entry *entry = archive_entry_new();
        archive_entry_set_pathname_utf8(entry, e.path.constData());
        archive_entry_set_mtime(entry, BundlePacker::FixedMtime, 0);
        archive_entry_set_uid(entry, 0);
        archive_entry_set_gid(entry, 0);
        if (e.file) {
            archive_entry_set_filetype(entry, AE_IFREG);
            archive_entry_set_perm(entry, mode_t(e.file->mode));
            archive_entry_set_size(entry, e.file->size);
        } else {
            archive_entry_set_filetype(entry, AE_IFDIR);
            archive_entry_set_perm(entry, 0755);
            archive_entry_set_size(entry, 0);
        }
        const int r = archive_write_header(m_a, entry);
        archive_entry_free(entry);
        return r == ARCHIVE_OK ? Status() : error();
    }
    Status data(const char *d, qint64 n)
    {
        if (archive_write_data(m_a, d, size_t(n)) != la_ssize_t(n))
            return error();
        return {};
    }
    Status finishEntry(bool discard)
    {
        m_discard = discard;
        const int r = archive_write_finish_entry(m_a);
        m_discard = false;
        return r == ARCHIVE_OK ? Status() : error();
    }
    Status close()
    {
        const int r = archive_write_close(m_a);
        return r == ARCHIVE_OK ? Status() : error();
    }

private:
    Status error()
    {
        if (!m_status.ok())
            return m_status;
        return Error{tr("cannot write the archive: %1").arg(QString::fromUtf8(archive_error_string(m_a)))};
    }
    static la_ssize_t callback(archive *, void *client, const void *buffer, size_t length)
    {
        auto *self = static_cast<TarStream *>(client);
        if (self->m_discard)
            return la_ssize_t(length);
        self->m_status = self->m_glue.write(static_cast<const char *>(buffer), qint64(length));
        return self->m_status.ok() ? la_ssize_t(length) : -1;
    }

    GzipMember &m_glue;
    archive *m_a = nullptr;
    bool m_discard = false;
    Status m_status;
};

QList<TarEntry> tarEntries(const Bundle &bundle)
{
    QList<TarEntry> entries;
    QSet<QByteArray> dirs;
    const QByteArray root = bundle.name.toUtf8() + '/';
    dirs.insert(root);
    for (const BundleFile &f : bundle.files) {
        const QByteArray path = root + f.path.toUtf8();
        entries.append({path, &f});
        for (qsizetype slash = path.indexOf('/', root.size()); slash >= 0; slash = path.indexOf('/', slash + 1))
            dirs.insert(path.left(slash + 1));
    }
    for (const QString &empty : bundle.emptyDirs) {
        const QByteArray path = root + empty.toUtf8() + '/';
        for (qsizetype slash = path.indexOf('/', root.size()); slash >= 0; slash = path.indexOf('/', slash + 1))
            dirs.insert(path.left(slash + 1));
    }
    for (const QByteArray &d : dirs)
        entries.append({d, nullptr});
    // Byte order: a folder "a/b/" sorts before everything inside it.
    std::sort(entries.begin(), entries.end(), [](const TarEntry &a, const TarEntry &b) { return a.path < b.path; });
    return entries;
}

} // namespace

namespace {

/// Copies a ready-made member into the output (after the running member has ended).
using Splice = std::function<Status(const PackCache::Member &)>;

Status packWith(const Bundle &bundle,
                PackCache &cache,
                const BundlePacker::Sink &sink,
                const Splice &splice,
                const BundlePacker::Progress &progress,
                const std::atomic_bool *cancel)
{
    const qint64 total = bundle.totalSize();
    qint64 done = 0;
    cache.prefetch(bundle, cancel); // the shared members on every core, before the sequential stream
    GzipMember glue(sink, cache.level());
    TarStream tar(glue);
    if (Status s = tar.open(); !s)
        return s;
    for (const TarEntry &e : tarEntries(bundle)) {
        if (cancel && cancel->load())
            return cancelled();
        if (Status s = tar.header(e); !s)
            return s;
        if (!e.file)
            continue;
        if (isShared(*e.file)) {
            // End the running member, then splice in the shared one.
            Result<PackCache::Member> m = cache.member(e.file->sourcePath, e.file->size, cancel);
            if (!m)
                return Error{m.error()};
            if (Status s = glue.finish(); !s)
                return s;
            if (Status s = splice(m.value()); !s)
                return s;
            if (Status s = tar.finishEntry(true); !s)
                return s;
        } else {
            if (Status s = streamFile(*e.file, cancel, [&](const char *d, qint64 n) { return tar.data(d, n); }); !s)
                return s;
            if (Status s = tar.finishEntry(false); !s)
                return s;
        }
        done += e.file->size;
        if (progress)
            progress(done, total);
    }
    if (Status s = tar.close(); !s)
        return s;
    return glue.finish();
}

/// A file written through one buffer (libarchive hands out blocks of a few KiB) that members are
/// spliced into by the kernel.
class FileOut
{
public:
    explicit FileOut(int fd)
        : m_fd(fd)
    {
        m_buf.reserve(Capacity);
    }
    bool write(const char *d, qint64 n)
    {
        if (m_buf.size() + n > Capacity && !drain())
            return false;
        if (n >= Capacity)
            return writeAll(d, n);
        m_buf.append(d, n);
        return true;
    }
    bool drain()
    {
        const bool ok = writeAll(m_buf.constData(), m_buf.size());
        m_buf.clear();
        return ok;
    }
    int error() const { return m_errno; }

private:
    static constexpr qsizetype Capacity = 1 << 20;
    bool writeAll(const char *d, qint64 n)
    {
        while (n > 0) {
            const ssize_t w = ::write(m_fd, d, size_t(n));
            if (w < 0 && errno == EINTR)
                continue;
            if (w <= 0) {
                m_errno = w < 0 ? errno : ENOSPC;
                return false;
            }
            d += w;
            n -= w;
        }
        return true;
    }

    int m_fd;
    QByteArray m_buf;
    int m_errno = 0;
};

} // namespace

Status BundlePacker::pack(
    const Bundle &bundle, PackCache &cache, const Sink &sink, const Progress &progress, const std::atomic_bool *cancel)
{
    const Splice splice = [&](const PackCache::Member &m) { return cache.copy(m, sink); };
    return packWith(bundle, cache, sink, splice, progress, cancel);
}

Status BundlePacker::pack(
    const Bundle &bundle, PackCache &cache, QIODevice *device, const Progress &progress, const std::atomic_bool *cancel)
{
    return pack(
        bundle, cache, [device](const char *d, qint64 n) { return device->write(d, n) == n; }, progress, cancel);
}

Status BundlePacker::packToFile(const Bundle &bundle,
                                PackCache &cache,
                                const QString &path,
                                const Progress &progress,
                                const std::atomic_bool *cancel)
{
    // A temporary name and a rename, so a reader never sees half an archive; no fsync: the archive is
    // made again from the render whenever it is missing, and BundleCache makes its entries durable in
    // one batch (flush) instead of one disk flush per bundle.
    static std::atomic_int serial = 0;
    const QString tmp = path + QStringLiteral(".part-%1-%2").arg(QCoreApplication::applicationPid()).arg(++serial);
    const QByteArray tmpName = QFile::encodeName(tmp);
    const int fd = ::open(tmpName.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return Error{tr("cannot write %1: %2").arg(path, QString::fromLocal8Bit(strerror(errno)))};
    FileOut out(fd);
    const auto writeError
        = [&] { return Error{tr("cannot write %1: %2").arg(path, QString::fromLocal8Bit(strerror(out.error())))}; };
    const Sink sink = [&out](const char *d, qint64 n) { return out.write(d, n); };
    const Splice splice
        = [&](const PackCache::Member &m) { return out.drain() ? cache.copyToFile(m, fd) : Status(writeError()); };
    Status s = packWith(bundle, cache, sink, splice, progress, cancel);
    if (s && !out.drain())
        s = writeError();
    if (!s) {
        ::close(fd);
        ::unlink(tmpName.constData());
        if (out.error() != 0) // the disk, not the packing: say what the system said
            return writeError();
        return Error{s.error() + QStringLiteral(" (") + path + QLatin1Char(')')};
    }
    if (::close(fd) != 0) {
        const QString why = QString::fromLocal8Bit(strerror(errno));
        ::unlink(tmpName.constData());
        return Error{tr("cannot write %1: %2").arg(path, why)};
    }
    if (::rename(tmpName.constData(), QFile::encodeName(path).constData()) != 0) {
        const QString why = QString::fromLocal8Bit(strerror(errno));
        ::unlink(tmpName.constData());
        return Error{tr("cannot write %1: %2").arg(path, why)};
    }
    return {};
}

// ---------------------------------------------------------------------------------------------

PackJob::PackJob()
    : m_cache(std::make_shared<PackCache>())
{
    m_pool.setMaxThreadCount(1);
}

PackJob::~PackJob()
{
    m_pool.waitForDone();
}

QFuture<QString> PackJob::start(const RenderOutput &output, const QString &outDir)
{
    std::shared_ptr<PackCache> cache = m_cache;
    return QtConcurrent::run(&m_pool, [output, outDir, cache](QPromise<QString> &promise) {
        qint64 total = 0;
        for (const Bundle &b : output.bundles)
            total += b.totalSize();
        promise.setProgressRange(0, 1000);
        std::atomic_bool cancel = false;
        qint64 before = 0;
        for (const Bundle &b : output.bundles) {
            const auto progress = [&](qint64 done, qint64) {
                if (promise.isCanceled())
                    cancel = true;
                promise.setProgressValue(total > 0 ? int((before + done) * 1000 / total) : 1000);
            };
            Status s = BundlePacker::packToFile(
                b, *cache, outDir + QLatin1Char('/') + b.name + QStringLiteral(".tar.gz"), progress, &cancel);
            if (!s) {
                promise.addResult(s.error());
                return;
            }
            before += b.totalSize();
        }
        promise.addResult(QString());
    });
}

} // namespace FateDeployer
