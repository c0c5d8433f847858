// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/project.h"
#include "render/bundle.h"
#include "util/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace FateDeployer {

/// One file as it was deployed: the sha256 of the bytes the host received (never the bytes themselves).
struct DeployedFile
{
    QString path; ///< relative to the bundle folder, '/'-separated
    int mode = 0644;
    qint64 size = 0;
    QByteArray sha256;    ///< hex, of the real bytes (what `sha256sum` on the host prints)
    bool hasCopy = false; ///< a masked text copy is kept (DeployedState::copyOf); false for binary or big files
};

/// How the engine reached the host of a deployment (no secret): what a teardown of a party that left the
/// project needs.
struct DeployedTarget
{
    QString address;
    int port = 22;
    QString user;
    SshOverrides ssh; ///< the party's or exchange's overrides as they were (identity file path, jump host)
    QString baseDir;
};

/// What the engine deployed into one bundle folder on one host (the last deployment, or the one before it).
struct DeployedBundle
{
    QString name; ///< confs-10000, exchange
    Bundle::Kind kind = Bundle::Kind::Party;
    int partyId = 0; ///< 0 for the exchange
    QString host;    ///< SSH host it went to
    QString remotePath;
    QString composeFile;
    QDateTime deployedAt; ///< UTC
    QString projectHash;  ///< sha256 of the project file of that deploy
    QStringList services; ///< compose services, file order
    QStringList images;
    QStringList dataPaths; ///< bundle folders the containers write (databases): never compared by drift
    QStringList emptyDirs;
    QString runId;             ///< the run that deployed it (empty in records of older builds)
    QList<DeployedFile> files; ///< sorted by path
    /// Bundle-relative bind-mount sources of each service ("./confs/proxy/conf" → "confs/proxy/conf"): which
    /// service reads which files.
    QHash<QString, QStringList> mounts;
    DeployedTarget target; ///< empty address when not recorded

    const DeployedFile *file(const QString &path) const;
    /// The services that bind-mount @p path (the file itself or a folder above it).
    QStringList servicesReading(const QString &path) const;
    /// The host key of the engine's jobs: "party-<id>" or "exchange" (serving bundles: "serving-<id>").
    QString hostKey() const { return hostKeyOf(kind, partyId); }
    static QString hostKeyOf(Bundle::Kind kind, int partyId);
};

/// The deployed state of one project: per bundle what the engine last deployed to its host, and the deployment
/// before it (what the host keeps as `<bundle>.previous`), kept on the deploy machine (never on the hosts) in
/// DIR/<bundle>/state.json and DIR/<bundle>/previous/state.json, each with masked copies of its text files in files/
/// beside it, for diffs. Written by RunSession after each deploy and rollback (only the hosts that succeeded), removed
/// by a teardown; read by the change plan (plan/apply), drift and rollback. No secret is ever written: file contents
/// pass through the caller's mask first, and key=value lines whose key names a password are masked too.
class DeployedState
{
    Q_DECLARE_TR_FUNCTIONS(FateDeployer::DeployedState)

public:
    /// The state folder of @p projectPath under @p baseDir (the history folder): BASE/deployed/<key of the path>.
    static QString dirFor(const QString &baseDir, const QString &projectPath);

    explicit DeployedState(QString dir);
    const QString &dir() const { return m_dir; }

    /// Every recorded bundle (its last deployment), sorted by name; an empty list when nothing was deployed yet.
    Result<QList<DeployedBundle>> load() const;
    /// The deployment of @p bundle before the last one; an empty name when none is recorded.
    Result<DeployedBundle> previous(const QString &bundle) const;
    /// The masked text of one deployed file (empty when no copy was kept).
    QByteArray copyOf(const QString &bundle, const QString &path) const;

    using Mask = std::function<QByteArray(const QByteArray &)>;
    /// Records @p bundles (rendered, as just deployed): hashes every file (streaming), keeps masked copies of
    /// text files up to CopyLimit bytes; replaces what was recorded for those bundles. Blocking (reads the
    /// verbatim template files): call it off the GUI thread.
    /// @p targets: how each bundle's host was reached, by bundle name. What was recorded for a bundle before
    /// becomes its previous deployment (the host keeps that bundle as `<bundle>.previous`).
    Status record(const QList<Bundle> &bundles,
                  const QString &projectHash,
                  const Mask &mask = {},
                  const QHash<QString, DeployedTarget> &targets = {},
                  const QString &runId = {}) const;
    /// A rollback of @p bundle succeeded: its previous deployment is the last one again, and the other the previous.
    Status rollBack(const QString &bundle) const;
    /// Forgets a bundle (after a teardown of its host).
    Status forget(const QString &bundle) const;

    /// Where builds before the one deployed-state model kept drift's view of a project (one JSON per host key
    /// with its "current" and "previous" manifests): BASE/drift-baseline/<sha1 of the project path>.
    static QString legacyBaselineDir(const QString &baseDir, const QString &projectPath);
    /// Takes over what an older build wrote in @p legacyDir: a manifest becomes the bundle's last or previous
    /// deployment where this state has none (file hashes, services, images; no copies, so no diffs), then the
    /// legacy file is removed. Nothing to do when the folder does not exist.
    Status adoptLegacyBaseline(const QString &legacyDir) const;

    static constexpr qint64 CopyLimit = 256 * 1024;
    /// @p text with the values of password keys masked (key=value, key: value, "key": "value") and @p mask applied.
    static QByteArray maskText(const QByteArray &text, const Mask &mask = {});
    /// True when @p bytes look like text (no NUL in the first 8 KiB, valid UTF-8).
    static bool isText(const QByteArray &bytes);
    /// sha256 (hex) of a rendered file's bytes, streamed for verbatim template files.
    static Result<QByteArray> hashOf(const BundleFile &file);
    /// Bind-mount sources of each service of a compose file, bundle-relative ("./x/y:/z" → "x/y").
    static QHash<QString, QStringList> mountsOf(const QByteArray &compose);

private:
    QString m_dir;
};

} // namespace FateDeployer
