// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "deployed/changeplan.h"
#include "model/project.h"

#include <QHash>
#include <QList>
#include <QStringList>

namespace FateDeployer {

class DeployMonitor;
class GuiPrompter;

/// What the window asks of the deploy engine. The engine (src/core/jobs) is wrapped by a small
/// adapter implementing this; every call returns at once and the engine reports progress
/// through the DeployMonitor slots (see deploymonitor.h). The project is passed by value:
/// the engine works on its own copy, never on the document.
class DeployBackend
{
public:
    enum class Scope { All, SelectedParties, Exchange };
    enum class TeardownLevel { StopContainers, RemoveContainers, RemoveEverything };

    virtual ~DeployBackend() = default;

    /// Wires the engine's reports to @p monitor and its host-key/secret questions to @p prompter.
    virtual void attach(DeployMonitor *monitor, GuiPrompter *prompter) = 0;
    virtual void preflight(const Project &project, const QList<int> &partyIds) = 0;
    /// @p partyIds empty with Scope::All = every party and the exchange.
    virtual void deploy(const Project &project, Scope scope, const QList<int> &partyIds) = 0;
    /// Reruns the hosts of the last run that failed (@p hosts: as the window shows them; an engine
    /// may know them better).
    virtual void retryFailed(const Project &project, const QStringList &hosts) = 0;
    virtual void verify(const Project &project, int guestId, int hostId) = 0;
    virtual void refreshStatus(const Project &project) = 0;
    virtual void teardown(const Project &project, TeardownLevel level, const QList<int> &partyIds) = 0;
    virtual void cancel() = 0;
    /// Deploy of a change plan: @p partyIds (and the exchange), where @p restartOnly names a host's services
    /// only those restart (route tables changed); when that succeeded (or nothing needed a deploy), a teardown
    /// (level remove) of @p removals, reached as they were deployed. Without an engine behind: a deploy of the
    /// selected parties.
    virtual void applyChanges(const Project &project,
                              const QList<int> &partyIds,
                              bool exchange,
                              const QHash<QString, QStringList> &restartOnly,
                              const QList<HostRemoval> &removals = {})
    {
        Q_UNUSED(exchange)
        Q_UNUSED(restartOnly)
        Q_UNUSED(removals)
        deploy(project, Scope::SelectedParties, partyIds);
    }
    /// Day two (issue 16): the connectivity matrix, drift against the last deployment, rollback to the
    /// previous bundle. Results come as monitor rows and DeployMonitor::matrixChecked / driftChecked.
    virtual void checkConnectivity(const Project &project) { Q_UNUSED(project) }
    virtual void checkDrift(const Project &project) { Q_UNUSED(project) }
    /// The toy grid: the toy example of every ordered pair of parties, each on its guest's host. Results come as
    /// monitor rows (one per pair) and DeployMonitor::toyGridChecked.
    virtual void checkToyGrid(const Project &project) { Q_UNUSED(project) }
    virtual void rollback(const Project &project, const QList<int> &partyIds)
    {
        Q_UNUSED(project)
        Q_UNUSED(partyIds)
    }
    /// "Test login" of the Images page: reachability and credentials of the private registry from every
    /// host, without a deploy. Results come as monitor rows and DeployMonitor::registryChecked.
    virtual bool canTestRegistryLogin() const { return false; }
    virtual void testRegistryLogin(const Project &project) { Q_UNUSED(project) }
    /// The project file the next runs belong to (relative paths, history hash; empty = untitled) and
    /// where the bundles of a successful deploy are kept for the Render preview (empty = not kept).
    virtual void setProjectFile(const QString &path, const QString &deployedBundlesDir)
    {
        Q_UNUSED(path)
        Q_UNUSED(deployedBundlesDir)
    }
};

} // namespace FateDeployer
