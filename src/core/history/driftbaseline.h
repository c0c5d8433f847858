// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jobs/daytwo.h"
#include "render/bundle.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>

namespace FateDeployer {

/**
 * What this computer last deployed to each host of a project, and the deployment before (what the host
 * keeps as `<bundle>.previous`): bundle file hashes, services, images. Drift compares a host with the
 * current one, rollback swaps the two. One JSON file per project and host key under
 * `<history dir>/drift-baseline/<sha1 of the project file's absolute path>/`. No secrets: hashes only.
 *
 * Written beside the change plan's record (deployed/deployedstate.h), which holds the same facts per bundle:
 * the two are to become one (issue 16).
 */
class DriftBaseline
{
    Q_DECLARE_TR_FUNCTIONS(FateDeployer::DriftBaseline)

public:
    /// dir empty = HistoryStore::defaultDir().
    DriftBaseline(const QString &historyDir, const QString &projectPath);

    bool isValid() const { return !m_dir.isEmpty(); }
    DeployedManifest current(const QString &hostKey) const;
    DeployedManifest previous(const QString &hostKey) const;

    /// A deploy of @p bundle to @p hostKey succeeded: it becomes current, the old current previous.
    Status recordDeploy(const QString &hostKey, const DeployedManifest &manifest);
    /// A rollback succeeded: current and previous change places.
    Status recordRollback(const QString &hostKey);

    /// The manifest of a rendered bundle (sha256 of every file but the data paths).
    static Result<DeployedManifest> manifestOf(const Bundle &bundle, const QString &runId);

private:
    QString fileOf(const QString &hostKey) const;
    Status write(const QString &hostKey, const DeployedManifest &current, const DeployedManifest &previous) const;

    QString m_dir;
};

} // namespace FateDeployer
