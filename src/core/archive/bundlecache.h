// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/project.h"
#include "model/servicesecrets.h"
#include "render/bundle.h"
#include "templates/templatesource.h"
#include "util/result.h"

#include <QCoreApplication>
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
///
/// It also remembers renders (render()): a deploy of an unchanged federation does not render again. A
/// render is reused only for the same project (projectDigest(): every field), the same template folder, the same
/// build of this program and an unchanged template tree: a stat key over the tree (paths, types, modes,
/// sizes, mtimes, ctimes, inodes) decides cheaply; when it differs (a touch, a checkout), the tree's content
/// key (paths, modes, file hashes) decides, and a match only refreshes the stat key.
class BundleCache
{
    Q_DECLARE_TR_FUNCTIONS(FateDeployer::BundleCache)

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
    /// Adds the packed archive at @p path under @p key. Other processes see it after flush(), which makes
    /// every entry stored since durable in one batch and trims the cache to its cap.
    void store(const QString &key, const QString &path);

    /// Renderer::render(project, tree), or the render remembered for exactly these inputs (see above).
    /// @p reused (optional) says which. The content keys of a reused render's bundles are remembered
    /// too, so key() of those bundles reads no file. A disabled cache always renders.
    /// @p cancel (optional) stops the hashing of the template tree between chunks (a render is then not remembered).
    /// @p markers: ServiceSecrets::markers() of the passwords, never the passwords themselves (the render
    /// is stored on disk); which of them are set is part of the key.
    Result<RenderOutput> render(const Project &project,
                                const TemplateTree &tree,
                                bool *reused = nullptr,
                                const std::atomic_bool *cancel = nullptr,
                                const ServiceSecrets &markers = {});
    /// Writes what render(), key() and store() added since the last flush (also done by the destructor):
    /// data on disk first, then the names, so a crash leaves every entry whole or absent.
    void flush();

private:
    Result<QByteArray> contentHash(const BundleFile &file, const std::atomic_bool *cancel);
    Result<QByteArray> fileHash(const QString &path, const std::atomic_bool *cancel = nullptr);
    Result<QByteArray> treeContentKey(const QString &root, const std::atomic_bool *cancel);
    QString renderEntryPath(const Project &project, const TemplateTree &tree, const ServiceSecrets &markers) const;
    void trimRenders();
    void loadMemo();
    void saveMemo();
    void trim();
    void commitPending();

    QString m_dir;
    qint64 m_cap;
    struct Memo
    {
        QByteArray stat; ///< size, mtime, ctime, inode
        QByteArray sha256;
    };
    QHash<QString, Memo> m_memo; ///< template file path → its last known content hash
    bool m_memoDirty = false;
    bool m_memoLoaded = false;
    /// The render last served or made by render(), and the bundle keys learnt for it (written by flush()).
    struct RenderEntry
    {
        QString path;       ///< its file under <dir>/renders
        QByteArray listing; ///< every entry of the template tree with its stat, when rendered or checked
        QByteArray contentKey;
        RenderOutput output;
        QHash<QString, QString> keys; ///< "<level> <bundle name>" → content key of that bundle of this render
        bool dirty = false;
    };
    RenderEntry m_render;
    /// Files written since the last flush, under temporary names until their data is on disk.
    struct Pending
    {
        QString tmp, final;
    };
    QList<Pending> m_pending;
};

} // namespace FateDeployer
