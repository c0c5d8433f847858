// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "render/bundle.h"
#include "util/result.h"

#include <QHash>

#include <QString>
#include <atomic>

namespace FateDeployer {

/// Packed bundles kept on the deploy machine by content, so that deploying an unchanged federation
/// again does not pack anything: the key of a bundle is a sha256 over the packer's format (gzip
/// level, fixed mtime), the bundle name and every file's path, mode, size and content hash. Contents
/// of template files are hashed once and remembered by (path, size, mtime, ctime, inode), like git's
/// index, so a warm key costs a stat per file. Entries are written atomically (temp + rename) and
/// handed out as hard links (copies across file systems); the oldest are dropped beyond a size cap.
/// Several processes may share one folder. Not thread-safe: one object per thread.
class BundleCache
{
public:
    static constexpr qint64 DefaultCapBytes = qint64(2) << 30; ///< 2 GiB

    /// @p dir empty: defaultDir(). A cache whose folder cannot be created is disabled (isEnabled()).
    explicit BundleCache(const QString &dir = QString(), qint64 capBytes = DefaultCapBytes);
    ~BundleCache();
    BundleCache(const BundleCache &) = delete;
    BundleCache &operator=(const BundleCache &) = delete;

    /// `<CacheLocation>/bundles`, or FD_BUNDLE_CACHE when set; FD_BUNDLE_CACHE=off disables the cache.
    static QString defaultDir();
    bool isEnabled() const { return !m_dir.isEmpty(); }
    QString dir() const { return m_dir; }

    /// The content key of @p bundle packed at gzip @p level (64 hex digits).
    /// @p cancel (optional) stops the hashing of large template files between chunks.
    Result<QString> key(const Bundle &bundle, int level, const std::atomic_bool *cancel = nullptr);
    /// Puts the archive cached under @p key at @p path (replacing it). False when not cached.
    bool fetch(const QString &key, const QString &path);
    /// Adds the packed archive at @p path under @p key, then trims the cache to its cap.
    void store(const QString &key, const QString &path);

private:
    Result<QByteArray> contentHash(const BundleFile &file, const std::atomic_bool *cancel);
    void loadMemo();
    void saveMemo();
    void trim();

    QString m_dir;
    qint64 m_cap;
    struct Memo
    {
        QByteArray stat; ///< size, mtime, ctime, inode
        QByteArray sha256;
    };
    QHash<QString, Memo> m_memo; ///< template file path → its last known content hash
    bool m_memoDirty = false;
};

} // namespace FateDeployer
