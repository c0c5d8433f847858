// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "kubefate/kubefateexporter.h"
#include "model/project.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace FateDeployer {

/// The Kubernetes hand-off: a project written as the cluster.yaml files KubeFATE's command line installs
/// (`kubefate cluster install -f cluster.yaml`), one per party this team deploys, and the exchange's
/// rollsite configuration. Route entries use the reachable addresses and ports, as the route tables do.
/// No secrets are written: passwords stay the charts' own defaults or are set on the Kubernetes side.
class ClusterYaml
{
    Q_DECLARE_TR_FUNCTIONS(FateDeployer::ClusterYaml)

public:
    /// Kubernetes NodePorts are taken from this range (Kubernetes' default service-node-port-range).
    static constexpr int MinNodePort = 30000;
    static constexpr int MaxNodePort = 32767;
    /// The exchange's rollsite node port when its reachable port is not a node port.
    static constexpr int DefaultExchangeNodePort = 30000;
    /// parties[i]'s rollsite node port is DefaultPartyNodePort + i when its reachable port is not a node port.
    static constexpr int DefaultPartyNodePort = 30101;

    /// Whether KubeFATE `kubefateVersion` installs clusters from a cluster.yaml (v1.4 and later; 1.1
    /// had only raw helm charts).
    static bool available(const QString &kubefateVersion);
    /// The rollsite node port of parties[index] / the exchange.
    static int partyNodePort(const Project &project, qsizetype index);
    static int exchangeNodePort(const Project &project);

    /// "party-10000/cluster.yaml" for each party that is not external, and "party-exchange/rollsite.yaml"
    /// for the exchange when this team deploys it. Fails for a version without the format, a project with
    /// validation errors, or an engine whose route tables the export does not write (only Eggroll's
    /// rollsite federation and v2.0's OSX are exported).
    Result<QList<KubefateFile>> render(const Project &project);
    /// Renders and writes the files under `dir` (created if missing); existing files are refused unless
    /// `overwrite` (then `existing`, when given, lists them). Returns the paths written, relative to `dir`.
    Result<QStringList>
    write(const Project &project, const QString &dir, bool overwrite, QStringList *existing = nullptr);

    /// What the files leave out (set by render()).
    const QStringList &warnings() const { return m_warnings; }

private:
    QStringList m_warnings;
};

} // namespace FateDeployer
