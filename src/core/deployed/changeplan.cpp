// SPDX-License-Identifier: Apache-2.0
#include "changeplan.h"

#include "deployed/textdiff.h"
#include "util/tr.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QSet>

namespace FateDeployer {

bool ChangePlan::hasChanges() const
{
    for (const HostChange &h : hosts)
        if (h.state != HostChange::State::Unchanged)
            return true;
    return false;
}

QList<int> ChangePlan::partiesToDeploy() const
{
    QList<int> out;
    for (const HostChange &h : hosts)
        if (h.kind == Bundle::Kind::Party
            && (h.state == HostChange::State::Changed || h.state == HostChange::State::New))
            out.append(h.partyId);
    return out;
}

bool ChangePlan::exchangeToDeploy() const
{
    for (const HostChange &h : hosts)
        if (h.kind == Bundle::Kind::Exchange
            && (h.state == HostChange::State::Changed || h.state == HostChange::State::New))
            return true;
    return false;
}

const HostChange *ChangePlan::host(const QString &key) const
{
    for (const HostChange &h : hosts)
        if (h.key == key)
            return &h;
    return nullptr;
}

QString HostRemoval::label() const
{
    return QStringLiteral("%1 (%2)").arg(key, target.address);
}

QList<HostRemoval> ChangePlan::removals(const QList<DeployedBundle> &deployed, QStringList *unknown) const
{
    QList<HostRemoval> out;
    for (const HostChange &h : hosts) {
        if (h.state != HostChange::State::Removed && !h.movedHost())
            continue;
        const DeployedBundle *was = nullptr;
        for (const DeployedBundle &d : deployed)
            if (d.name == h.bundle)
                was = &d;
        if (!was || was->target.address.isEmpty()) {
            if (unknown)
                unknown->append(QStringLiteral("%1 (%2)").arg(h.key, h.deployedHost));
            continue;
        }
        out.append(HostRemoval{h.key, h.bundle, h.partyId, h.kind, h.movedHost(), was->target});
    }
    return out;
}

QString ChangePlan::stateName(HostChange::State state)
{
    switch (state) {
    case HostChange::State::Changed:
        return QStringLiteral("changed");
    case HostChange::State::New:
        return QStringLiteral("new");
    case HostChange::State::Removed:
        return QStringLiteral("removed");
    case HostChange::State::Unchanged:
        break;
    }
    return QStringLiteral("unchanged");
}

QString ChangePlan::stateTitle(HostChange::State state)
{
    switch (state) {
    case HostChange::State::Changed:
        return tr("config files changed");
    case HostChange::State::New:
        return tr("new");
    case HostChange::State::Removed:
        return tr("to be removed");
    case HostChange::State::Unchanged:
        break;
    }
    return tr("unchanged");
}

QString ChangePlan::fileKindName(FileChange::Kind kind)
{
    switch (kind) {
    case FileChange::Kind::Added:
        return QStringLiteral("added");
    case FileChange::Kind::Removed:
        return QStringLiteral("removed");
    case FileChange::Kind::Changed:
        break;
    }
    return QStringLiteral("changed");
}

QJsonObject ChangePlan::toJson(bool withDiffs) const
{
    QJsonArray hostsJson;
    for (const HostChange &h : hosts) {
        QJsonArray files;
        for (const FileChange &f : h.files) {
            QJsonObject o{{QStringLiteral("path"), f.path},
                          {QStringLiteral("change"), fileKindName(f.kind)},
                          {QStringLiteral("binary"), f.binary},
                          {QStringLiteral("secret_only"), f.secretOnly}};
            if (withDiffs && !f.diff.isEmpty())
                o.insert(QStringLiteral("diff"), f.diff);
            files.append(o);
        }
        QJsonObject o{{QStringLiteral("host"), h.key},
                      {QStringLiteral("bundle"), h.bundle},
                      {QStringLiteral("address"), h.host},
                      {QStringLiteral("state"), stateName(h.state)},
                      {QStringLiteral("files"), files},
                      {QStringLiteral("restart_services"), QJsonArray::fromStringList(h.restartServices)}};
        if (!h.deployedHost.isEmpty())
            o.insert(QStringLiteral("deployed_address"), h.deployedHost);
        if (h.partyId)
            o.insert(QStringLiteral("party_id"), h.partyId);
        hostsJson.append(o);
    }
    return {{QStringLiteral("hosts"), hostsJson},
            {QStringLiteral("changes"), hasChanges()},
            {QStringLiteral("nothing_deployed"), nothingDeployed}};
}

QString ChangePlan::toText(bool diffs) const
{
    QString out;
    if (nothingDeployed)
        out += tr("Nothing of this project was deployed from this machine yet: every host is new.") + QLatin1Char('\n');
    for (const HostChange &h : hosts) {
        out += QStringLiteral("%1 (%2): %3").arg(h.key, h.host, stateTitle(h.state));
        if (h.movedHost())
            out += QLatin1Char(' ') + tr("(deployed on %1 before; apply removes it there)").arg(h.deployedHost);
        out += QLatin1Char('\n');
        if (h.onlyRoutes())
            out += QStringLiteral("  ")
                   + tr("only route tables changed: restarts %1").arg(h.restartServices.join(QStringLiteral(", ")))
                   + QLatin1Char('\n');
        for (const FileChange &f : h.files) {
            QString what;
            switch (f.kind) {
            case FileChange::Kind::Added:
                what = tr("added");
                break;
            case FileChange::Kind::Removed:
                what = tr("removed");
                break;
            case FileChange::Kind::Changed:
                what = f.secretOnly ? tr("changed (a secret value)")
                       : f.binary   ? tr("changed (binary)")
                                    : tr("changed");
                break;
            }
            out += QStringLiteral("  %1 %2\n").arg(f.path, what);
            if (diffs && !f.diff.isEmpty()) {
                for (const QString &line : f.diff.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
                    out += QStringLiteral("    ") + line + QLatin1Char('\n');
            }
        }
    }
    return out;
}

RenderOutput ChangePlanner::ownBundles(const RenderOutput &rendered, const Project &project)
{
    RenderOutput out = rendered;
    out.bundles.removeIf([&project](const Bundle &b) {
        switch (b.kind) {
        case Bundle::Kind::Party: {
            const Party *p = project.party(b.partyId);
            return !p || p->external;
        }
        case Bundle::Kind::Exchange:
            return !project.exchange.enabled || project.exchange.external;
        case Bundle::Kind::Serving:
            break;
        }
        return true; // serving bundles are not deployed by the engine
    });
    return out;
}

bool ChangePlanner::isRouteTable(const QString &path)
{
    return QFileInfo(path).fileName() == QLatin1String("route_table.json");
}

Result<ChangePlan> ChangePlanner::build(const RenderOutput &rendered,
                                        const QList<DeployedBundle> &deployed,
                                        const DeployedState &state,
                                        const DeployedState::Mask &mask)
{
    ChangePlan plan;
    plan.nothingDeployed = deployed.isEmpty();
    QSet<QString> seen;
    for (const Bundle &b : rendered.bundles) {
        HostChange h;
        h.key = DeployedBundle::hostKeyOf(b.kind, b.partyId);
        h.bundle = b.name;
        h.partyId = b.partyId;
        h.kind = b.kind;
        h.host = b.host;
        seen.insert(b.name);
        const DeployedBundle *was = nullptr;
        for (const DeployedBundle &d : deployed)
            if (d.name == b.name)
                was = &d;
        if (!was) {
            h.state = HostChange::State::New;
            plan.hosts.append(h);
            continue;
        }
        h.deployedHost = was->host;
        QSet<QString> now;
        for (const BundleFile &f : b.files) {
            now.insert(f.path);
            const DeployedFile *old = was->file(f.path);
            const Result<QByteArray> hash = DeployedState::hashOf(f);
            if (!hash)
                return Error{hash.error(), hash.errorKind()};
            if (old && old->sha256 == hash.value() && old->mode == f.mode)
                continue;
            FileChange c;
            c.kind = old ? FileChange::Kind::Changed : FileChange::Kind::Added;
            c.path = f.path;
            QByteArray after;
            if (f.size <= DeployedState::CopyLimit) {
                const Result<QByteArray> bytes = f.bytes();
                if (!bytes)
                    return Error{bytes.error(), bytes.errorKind()};
                after = bytes.value();
            }
            c.binary = f.size > DeployedState::CopyLimit || !DeployedState::isText(after) || (old && !old->hasCopy);
            if (!c.binary) {
                const QByteArray before = old ? state.copyOf(b.name, f.path) : QByteArray();
                const QByteArray masked = DeployedState::maskText(after, mask);
                if (old && before == masked)
                    c.secretOnly = true;
                else
                    c.diff = TextDiff::unified(before, masked, f.path);
            }
            h.files.append(c);
        }
        for (const DeployedFile &f : was->files) {
            if (now.contains(f.path))
                continue;
            FileChange c;
            c.kind = FileChange::Kind::Removed;
            c.path = f.path;
            c.binary = !f.hasCopy;
            if (f.hasCopy)
                c.diff = TextDiff::unified(state.copyOf(b.name, f.path), QByteArray(), f.path);
            h.files.append(c);
        }
        std::sort(
            h.files.begin(), h.files.end(), [](const FileChange &x, const FileChange &y) { return x.path < y.path; });
        const bool moved = was->host != b.host || was->remotePath != b.remotePath();
        if (h.files.isEmpty() && !moved) {
            h.state = HostChange::State::Unchanged;
            plan.hosts.append(h);
            continue;
        }
        h.state = HostChange::State::Changed;
        // Only route tables changed (same host, same folder): restart what reads them, not a full down/up.
        bool routesOnly = !moved && !h.files.isEmpty();
        QStringList services;
        for (const FileChange &c : std::as_const(h.files)) {
            if (c.kind != FileChange::Kind::Changed || !ChangePlanner::isRouteTable(c.path)) {
                routesOnly = false;
                break;
            }
            const QStringList readers = was->servicesReading(c.path);
            if (readers.isEmpty()) {
                routesOnly = false; // nobody mounts it: a full redeploy is the safe answer
                break;
            }
            for (const QString &s : readers)
                if (!services.contains(s))
                    services.append(s);
        }
        if (routesOnly)
            h.restartServices = services;
        plan.hosts.append(h);
    }
    for (const DeployedBundle &d : deployed) {
        if (seen.contains(d.name))
            continue;
        HostChange h;
        h.state = HostChange::State::Removed;
        h.key = d.hostKey();
        h.bundle = d.name;
        h.partyId = d.partyId;
        h.kind = d.kind;
        h.host = d.host;
        h.deployedHost = d.host;
        plan.hosts.append(h);
    }
    return plan;
}

} // namespace FateDeployer
