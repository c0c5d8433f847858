// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "render/bundle.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QFuture>
#include <QHash>
#include <QMutex>
#include <QString>
#include <QThreadPool>

#include <atomic>
#include <functional>
#include <memory>

class QIODevice;
class QTemporaryFile;

namespace FateDeployer {

/// Compressed data of files that are identical in every bundle (the examples/ folder): each such
/// file's tar data blocks are gzip-compressed once, as a gzip member kept in a temporary file on
/// disk, and copied into every bundle's stream. Thread-safe; share one cache across the bundles of
/// a render (and across renders while the template files are unchanged).
class PackCache
{
    Q_DECLARE_TR_FUNCTIONS(FateDeployer::PackCache)

public:
    /// gzip level of every member packed with this cache (see docs/render.md for the choice).
    static constexpr int DefaultLevel = 1;
    explicit PackCache(int level = DefaultLevel);
    ~PackCache();
    PackCache(const PackCache &) = delete;
    PackCache &operator=(const PackCache &) = delete;

    struct Member
    {
        qint64 offset = 0;
        qint64 length = 0;
    };
    /// Compresses the file (tar data blocks incl. padding) unless cached; returns where it is.
    Result<Member> member(const QString &sourcePath, qint64 size, const std::atomic_bool *cancel);
    /// Compresses every shared file of the bundle that is not cached yet, on all cores at once.
    void prefetch(const Bundle &bundle, const std::atomic_bool *cancel);
    /// Copies a member into the sink.
    Status copy(const Member &member, const std::function<bool(const char *, qint64)> &sink);
    /// Appends a member to the file open as @p fd (at its offset, which moves on): inside the kernel
    /// (copy_file_range) where the file systems allow it, else through a buffer.
    Status copyToFile(const Member &member, int fd);
    int level() const { return m_level; }

private:
    static QString memberKey(const QString &sourcePath, qint64 size);
    int storeHandle(QString *name = nullptr);

    const int m_level;
    QThreadPool m_pool;
    QMutex m_mutex;
    std::unique_ptr<QTemporaryFile> m_store;
    QHash<QString, Member> m_members;
};

/// Packs one bundle as a deterministic gzip-compressed tar (multi-member gzip; GNU tar, busybox
/// and libarchive read it) whose paths start with "<bundle name>/": entries sorted, directories
/// first where they appear, mtime fixed (FixedMtime), uid/gid 0, owner names empty, modes kept.
/// Same inputs → same bytes, whether the cache is cold or warm.
class BundlePacker
{
    Q_DECLARE_TR_FUNCTIONS(FateDeployer::BundlePacker)

public:
    static constexpr qint64 FixedMtime = 1577836800; ///< 2020-01-01T00:00:00Z
    /// Verbatim files at least this big are compressed once per PackCache (shared across bundles).
    static constexpr qint64 SharedThreshold = 4096;

    using Sink = std::function<bool(const char *data, qint64 size)>; ///< false = stop (write error)
    using Progress = std::function<void(qint64 done, qint64 total)>; ///< uncompressed bytes

    /// The streaming producer: writes the tar.gz chunk by chunk into sink (e.g. an SSH channel
    /// feeding `tar -xzf - -C DIR`). Blocking; run it on a worker thread. cancel may be null.
    static Status pack(const Bundle &bundle,
                       PackCache &cache,
                       const Sink &sink,
                       const Progress &progress = {},
                       const std::atomic_bool *cancel = nullptr);
    /// Same into a QIODevice.
    static Status pack(const Bundle &bundle,
                       PackCache &cache,
                       QIODevice *device,
                       const Progress &progress = {},
                       const std::atomic_bool *cancel = nullptr);
    /// Same into a file: written under a temporary name, then renamed (atomic for readers, not flushed to disk).
    static Status packToFile(const Bundle &bundle,
                             PackCache &cache,
                             const QString &path,
                             const Progress &progress = {},
                             const std::atomic_bool *cancel = nullptr);
};

/// Packs several bundles into outDir/<name>.tar.gz on an owned worker pool (QtConcurrent +
/// QPromise): progress via QFutureWatcher (progressValue in permille), cancel with future.cancel().
/// The result is empty on success, else the error message. Destroying the job waits for it.
class PackJob
{
public:
    PackJob();
    ~PackJob();
    QFuture<QString> start(const RenderOutput &output, const QString &outDir);

private:
    QThreadPool m_pool;
    std::shared_ptr<PackCache> m_cache;
};

} // namespace FateDeployer
