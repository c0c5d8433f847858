// SPDX-License-Identifier: Apache-2.0
#include "kubefate/clusteryaml.h"

#include "kubefate/yamlnode.h"
#include "model/era.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QSaveFile>

#include <memory>
#include <vector>

namespace FateDeployer {

namespace {

/// The exchange's name in the federation's cluster list; KubeFATE's fate-exchange chart wants a party id.
constexpr int ExchangePartyId = 1;

QString chartVersion(const QString &kubefateVersion)
{
    return kubefateVersion.startsWith(QLatin1Char('v')) ? kubefateVersion : QLatin1Char('v') + kubefateVersion;
}

bool isNodePort(int port)
{
    return port >= ClusterYaml::MinNodePort && port <= ClusterYaml::MaxNodePort;
}

/// The image registry as the charts read it: registry host and image prefix ("" = Docker Hub's federatedai).
QString imageRegistry(const Project &p)
{
    const QString prefix = p.images.prefix.isEmpty() ? QStringLiteral("federatedai") : p.images.prefix;
    if (p.registry.usePrivate && !p.registry.uri.isEmpty()) {
        QString uri = p.registry.uri;
        while (uri.endsWith(QLatin1Char('/')))
            uri.chop(1);
        return uri + QLatin1Char('/') + prefix;
    }
    return prefix == QLatin1String("federatedai") ? QString() : prefix;
}

/// The keys every cluster of the era starts with (name … modules).
YamlNode clusterHead(const Project &p, KubefateEra era, const QString &name, const QString &chart, int partyId)
{
    YamlNode root = YamlNode::map();
    root.insert(QStringLiteral("name"), YamlNode::string(name));
    root.insert(QStringLiteral("namespace"), YamlNode::string(name));
    root.insert(QStringLiteral("chartName"), YamlNode::string(chart));
    root.insert(QStringLiteral("chartVersion"), YamlNode::string(chartVersion(p.templates.kubefateVersion)));
    root.insert(QStringLiteral("partyId"), YamlNode::integer(partyId));
    root.insert(QStringLiteral("registry"), YamlNode::string(imageRegistry(p)));
    root.insert(QStringLiteral("pullPolicy"), YamlNode()); // the chart's default (IfNotPresent)
    if (p.registry.usePrivate && !p.registry.username.isEmpty()) {
        // The secret itself is created on the Kubernetes side (README: "Kubernetes hand-off").
        YamlNode secret = YamlNode::map();
        secret.insert(QStringLiteral("name"), YamlNode::string(QStringLiteral("fate-registry")));
        root.insert(QStringLiteral("imagePullSecrets"), YamlNode::list().append(secret));
    }
    root.insert(QStringLiteral("persistence"), YamlNode::boolean(false));
    root.insert(QStringLiteral("istio"), YamlNode::map().insert(QStringLiteral("enabled"), YamlNode::boolean(false)));
    if (era != KubefateEra::V1_4)
        root.insert(QStringLiteral("podSecurityPolicy"),
                    YamlNode::map().insert(QStringLiteral("enabled"), YamlNode::boolean(false)));
    return root;
}

YamlNode routeEntry(int partyId, const QString &address, int port)
{
    YamlNode entry = YamlNode::map();
    entry.insert(QStringLiteral("partyId"), YamlNode::integer(partyId));
    entry.insert(QStringLiteral("partyIp"), YamlNode::string(address));
    entry.insert(QStringLiteral("partyPort"), YamlNode::integer(port));
    return entry;
}

YamlNode names(const QStringList &list)
{
    YamlNode node = YamlNode::list();
    for (const QString &name : list)
        node.append(YamlNode::string(name));
    return node;
}

} // namespace

bool ClusterYaml::available(const QString &kubefateVersion)
{
    return kubefateEra(kubefateVersion) != KubefateEra::V1_1;
}

int ClusterYaml::partyNodePort(const Project &project, qsizetype index)
{
    const Party &party = project.parties.at(index);
    if (party.reachablePort && isNodePort(*party.reachablePort))
        return *party.reachablePort;
    return DefaultPartyNodePort + int(index);
}

int ClusterYaml::exchangeNodePort(const Project &project)
{
    const int port = project.exchangeRoutePort();
    return isNodePort(port) ? port : DefaultExchangeNodePort;
}

Result<QList<KubefateFile>> ClusterYaml::render(const Project &p)
{
    m_warnings.clear();
    const QString version = p.templates.kubefateVersion;
    const KubefateEra era = kubefateEra(version);
    if (!available(version))
        return Error{tr("cluster.yaml is not available for KubeFATE %1: that release deploys to Kubernetes with "
                        "its own helm scripts, not with the KubeFATE command line; choose KubeFATE v1.4 or "
                        "later (templates.kubefateVersion) to export for Kubernetes")
                         .arg(version),
                     ErrorKind::Local};
    if (const Status exportable = KubefateExporter::checkExportable(p); !exportable)
        return Error{exportable.error(), exportable.errorKind()};
    const bool withEngine = eraHasEngine(era);
    // v2.0's OSX takes rollsite's place with the same settings (KubeFATE's v2.0 cluster.yaml: module osx).
    const bool osx = withEngine && p.engine.federation == QLatin1String("OSX");
    const QString router = osx ? QStringLiteral("osx") : QStringLiteral("rollsite");
    if (withEngine && p.engine.federation != QLatin1String("Eggroll") && !osx)
        return Error{tr("cluster.yaml export writes the Eggroll and OSX federations only; this project uses %1 "
                        "computing with %2 federation, whose route tables (nginx, %2) are not exported. "
                        "Start from KubeFATE's example cluster-spark-*.yaml instead")
                         .arg(p.engine.computing, p.engine.federation),
                     ErrorKind::Local};

    // Node ports are per Kubernetes cluster, but a federation moved as a whole shares one: refuse clashes.
    QHash<int, QString> usedPorts;
    auto claim = [&](int port, const QString &who) -> QString {
        const QString other = usedPorts.value(port);
        if (!other.isEmpty())
            return tr("%1 and %2 would both use node port %3; give one of them a reachable port between %4 and "
                      "%5")
                .arg(other, who)
                .arg(port)
                .arg(MinNodePort)
                .arg(MaxNodePort);
        usedPorts.insert(port, who);
        return {};
    };
    const bool withExchange = p.exchange.enabled;
    if (withExchange && !p.exchange.external) {
        if (const QString clash = claim(exchangeNodePort(p), QStringLiteral("exchange")); !clash.isEmpty())
            return Error{clash, ErrorKind::Local};
    }

    QList<KubefateFile> files;
    for (qsizetype i = 0; i < p.parties.size(); ++i) {
        const Party &party = p.parties.at(i);
        if (party.external)
            continue; // another team's party: it writes its own cluster.yaml
        const int nodePort = partyNodePort(p, i);
        if (const QString clash = claim(nodePort, QStringLiteral("parties[%1]").arg(i)); !clash.isEmpty())
            return Error{clash, ErrorKind::Local};
        const QString name = QStringLiteral("fate-%1").arg(party.id);
        YamlNode root = clusterHead(p, era, name, QStringLiteral("fate"), party.id);
        if (withEngine) {
            // The Eggroll modules of KubeFATE's examples for the era.
            root.insert(QStringLiteral("modules"),
                        names({router,
                               QStringLiteral("clustermanager"),
                               QStringLiteral("nodemanager"),
                               QStringLiteral("mysql"),
                               QStringLiteral("python"),
                               QStringLiteral("fateboard"),
                               QStringLiteral("client")}));
            root.insert(QStringLiteral("computing"), YamlNode::string(p.engine.computing));
            root.insert(QStringLiteral("federation"), YamlNode::string(p.engine.federation));
            root.insert(QStringLiteral("storage"), YamlNode::string(p.engine.storage));
            root.insert(QStringLiteral("algorithm"), YamlNode::string(p.engine.algorithm));
            root.insert(QStringLiteral("device"), YamlNode::string(p.engine.device));
        } else {
            root.insert(QStringLiteral("modules"),
                        names({QStringLiteral("rollsite"),
                               QStringLiteral("clustermanager"),
                               QStringLiteral("nodemanager"),
                               QStringLiteral("mysql"),
                               QStringLiteral("python")}));
        }
        YamlNode rollsite = YamlNode::map();
        rollsite.insert(QStringLiteral("type"), YamlNode::string(QStringLiteral("NodePort")));
        rollsite.insert(QStringLiteral("nodePort"), YamlNode::integer(nodePort));
        if (withExchange) {
            // With an exchange every other party is reached through it, as in the Docker route tables.
            YamlNode exchange = YamlNode::map();
            exchange.insert(QStringLiteral("ip"), YamlNode::string(p.exchangeRouteAddress()));
            exchange.insert(QStringLiteral("port"), YamlNode::integer(p.exchangeRoutePort()));
            rollsite.insert(QStringLiteral("exchange"), exchange);
        } else {
            YamlNode partyList = YamlNode::list();
            for (const Party &other : p.parties) {
                if (other.id != party.id)
                    partyList.append(routeEntry(other.id, Project::routeAddress(other), Project::routePort(other)));
            }
            rollsite.insert(QStringLiteral("partyList"), partyList);
        }
        root.insert(router, rollsite);
        if (!party.servingHost.isEmpty())
            m_warnings << tr("parties[%1]: the serving host %2 is not exported; FATE-Serving has its own chart "
                             "(cluster-serving.yaml)")
                              .arg(i)
                              .arg(party.servingHost);
        files.append({QStringLiteral("party-%1/cluster.yaml").arg(party.id), root.toYaml()});
    }

    if (withExchange && !p.exchange.external) {
        if (era == KubefateEra::V1_4) {
            m_warnings << tr("exchange: KubeFATE %1 has no exchange chart; the exchange stays on Docker").arg(version);
        } else {
            YamlNode root = clusterHead(
                p, era, QStringLiteral("fate-exchange"), QStringLiteral("fate-exchange"), ExchangePartyId);
            // KubeFATE v2.0 ships the fate-exchange chart of v1.11.2 (its Chart.yaml and example say so).
            if (era == KubefateEra::V2_0)
                root.set(QStringLiteral("chartVersion"), YamlNode::string(QStringLiteral("v1.11.2")));
            root.insert(QStringLiteral("modules"), names({QStringLiteral("rollsite")}));
            YamlNode rollsite = YamlNode::map();
            rollsite.insert(QStringLiteral("type"), YamlNode::string(QStringLiteral("NodePort")));
            rollsite.insert(QStringLiteral("nodePort"), YamlNode::integer(exchangeNodePort(p)));
            rollsite.insert(QStringLiteral("enableTLS"), YamlNode::boolean(false));
            YamlNode partyList = YamlNode::list();
            for (const Party &party : p.parties)
                partyList.append(routeEntry(party.id, Project::routeAddress(party), Project::routePort(party)));
            rollsite.insert(QStringLiteral("partyList"), partyList);
            root.insert(QStringLiteral("rollsite"), rollsite);
            files.append({QStringLiteral("party-exchange/rollsite.yaml"), root.toYaml()});
        }
    }
    if (files.isEmpty())
        return Error{tr("nothing to export: every party and the exchange are deployed by other teams"),
                     ErrorKind::Local};
    return files;
}

Result<QStringList>
ClusterYaml::write(const Project &project, const QString &dir, bool overwrite, QStringList *existingOut)
{
    if (QFileInfo(dir).exists() && !QFileInfo(dir).isDir())
        return Error{tr("%1: exists and is not a folder").arg(dir), ErrorKind::Local};
    const Result<QList<KubefateFile>> files = render(project);
    if (!files)
        return Error{files.error(), files.errorKind()};
    const QDir target(dir);
    QStringList existing;
    for (const KubefateFile &file : files.value()) {
        if (QFileInfo::exists(target.filePath(file.name)))
            existing << target.filePath(file.name);
    }
    if (!existing.isEmpty() && !overwrite) {
        if (existingOut)
            *existingOut = existing;
        return Error{tr("%1 already exists; nothing was written (use --force to overwrite)")
                         .arg(existing.join(QStringLiteral(", "))),
                     ErrorKind::Local};
    }
    // Every file complete in its temporary name before any is renamed into place.
    std::vector<std::unique_ptr<QSaveFile>> pending;
    for (const KubefateFile &file : files.value()) {
        const QString path = target.filePath(file.name);
        if (!QDir().mkpath(QFileInfo(path).path()))
            return Error{tr("%1: cannot create the folder").arg(QFileInfo(path).path()), ErrorKind::Local};
        auto save = std::make_unique<QSaveFile>(path);
        if (!save->open(QIODevice::WriteOnly) || save->write(file.content) != file.content.size())
            return Error{tr("%1: cannot write: %2").arg(path, save->errorString()), ErrorKind::Local};
        pending.push_back(std::move(save));
    }
    QStringList written;
    for (qsizetype i = 0; i < qsizetype(pending.size()); ++i) {
        if (!pending[size_t(i)]->commit())
            return Error{
                tr("%1: cannot write: %2").arg(pending[size_t(i)]->fileName(), pending[size_t(i)]->errorString()),
                ErrorKind::Local};
        written << files.value().at(i).name;
    }
    return written;
}

} // namespace FateDeployer
