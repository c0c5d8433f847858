// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "deployed/deployedstate.h"
#include "render/bundle.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace FateDeployer {

/// One file that differs between the last deployment of a host and the project's render now.
struct FileChange
{
    enum class Kind { Added, Changed, Removed };
    Kind kind = Kind::Changed;
    QString path;
    /// Unified diff of the masked texts ("a/" = deployed, "b/" = now); empty for binary or big files, and when only a
    /// masked value (a secret) changed: then secretOnly is set.
    QString diff;
    bool binary = false;     ///< not text, or too big to keep a copy of
    bool secretOnly = false; ///< the bytes changed but the masked texts are equal
};

/// What applying the project does to one host's bundle.
struct HostChange
{
    enum class State { Unchanged, Changed, New, Removed };
    State state = State::Unchanged;
    QString key;    ///< engine host key: party-10000, exchange
    QString bundle; ///< confs-10000, exchange
    int partyId = 0;
    Bundle::Kind kind = Bundle::Kind::Party;
    QString host;            ///< now (Removed: where it was deployed)
    QString deployedHost;    ///< where it was deployed (empty for New); differs from host when the party moved
    QList<FileChange> files; ///< Changed: sorted by path
    /// Changed and every changed file is a route table: the services that read them, restarted instead of a
    /// full down/up. Empty = a full redeploy.
    QStringList restartServices;
    /// Why the host is not unchanged, for people (translated): "route to party 8888 added (10.0.0.3:9370)", "moves
    /// from 10.0.0.2 to 10.0.0.9", "party 8888 joins". Empty for unchanged hosts.
    QStringList reasons;

    bool onlyRoutes() const { return !restartServices.isEmpty(); }
    /// Changed, deployed on another SSH host before: its old host still runs the old bundle until apply removes it.
    bool movedHost() const
    {
        return state == State::Changed && !deployedHost.isEmpty()
               && deployedHost.compare(host, Qt::CaseInsensitive) != 0;
    }
};

/// A host that apply tears down (after the deploy of the others succeeded): the bundle of a party (or the exchange)
/// that left the project, or the old host of a party that moved to another host. Reached as it was deployed.
struct HostRemoval
{
    QString key;    ///< engine host key: party-10000, exchange
    QString bundle; ///< confs-10000
    int partyId = 0;
    Bundle::Kind kind = Bundle::Kind::Party;
    bool moved = false;    ///< the party stays in the project, on another host
    DeployedTarget target; ///< how its host was reached (address, port, user, SSH overrides, base dir)

    QString label() const; ///< for people: "party-10000 (10.0.0.1)"
};

/// The change plan of a project: per host, unchanged / changed (which files, with diffs) / new / to be removed.
struct ChangePlan
{
    Q_DECLARE_TR_FUNCTIONS(FateDeployer::ChangePlan)

public:
    QList<HostChange> hosts;      ///< project order (parties, exchange, serving), then removed bundles
    bool nothingDeployed = false; ///< no deployed state at all (first deploy: every host is New)

    bool hasChanges() const;
    QList<int> partiesToDeploy() const; ///< Changed and New parties (ids)
    bool exchangeToDeploy() const;
    const HostChange *host(const QString &key) const;
    /// What apply removes: Removed bundles and the old hosts of moved parties, with the targets @p deployed
    /// recorded for them. A bundle whose target was not recorded goes to @p unknown (its label) instead.
    QList<HostRemoval> removals(const QList<DeployedBundle> &deployed, QStringList *unknown = nullptr) const;

    static QString stateName(HostChange::State state);  ///< stable id: unchanged, changed, new, removed
    static QString stateTitle(HostChange::State state); ///< translated
    static QString fileKindName(FileChange::Kind kind); ///< added, changed, removed
    QJsonObject toJson(bool withDiffs = true) const;
    /// For people: one line per host, the changed files under it, with @p diffs the unified diffs.
    QString toText(bool diffs) const;
};

class ChangePlanner
{
public:
    /// Compares @p rendered (the project now) with @p deployed (what the engine last deployed). @p state gives the
    /// masked copies for diffs; @p mask masks secrets in the new texts the same way they were masked when recorded.
    /// Reads verbatim template files to hash them: call it off the GUI thread.
    static Result<ChangePlan> build(const RenderOutput &rendered,
                                    const QList<DeployedBundle> &deployed,
                                    const DeployedState &state,
                                    const DeployedState::Mask &mask = {});
    /// The bundles this project deploys itself: its parties and exchange, not another team's (external) hosts.
    static RenderOutput ownBundles(const RenderOutput &rendered, const Project &project);
    /// True for the files a proxy/rollsite reads its routes from (route_table.json).
    static bool isRouteTable(const QString &path);
    /// What changed between two route tables, per destination (party id or the default route), for people:
    /// "route to party 8888 added (10.0.0.3:9370)", "route to party 9999 removed", "route to party 9999 changed:
    /// 10.0.0.9:9370 (was 10.0.0.2:9370)". Empty when either is not a route table or nothing routes differently.
    static QStringList routeChanges(const QByteArray &before, const QByteArray &after);
};

} // namespace FateDeployer
