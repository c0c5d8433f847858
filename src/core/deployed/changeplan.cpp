// SPDX-License-Identifier: Apache-2.0
#include "changeplan.h"

#include "deployed/textdiff.h"
#include "util/tr.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QSet>

#include <optional>

namespace FateDeployer {

namespace {

/// The addresses of one destination of a route table, "ip:port" per entry, prefixed with the role when the role is
/// not "default" ("fateflow python:9360"); sorted, so that reordering is no change.
QStringList routeTargets(const QJsonObject &destination)
{
    QStringList out;
    for (auto role = destination.begin(); role != destination.end(); ++role) {
        for (const QJsonValue &e : role.value().toArray()) {
            const QJsonObject entry = e.toObject();
            if (entry.isEmpty())
                continue; // the exchange's fixed "default": [{}]
            QString target = QStringLiteral("%1:%2")
                                 .arg(entry.value(QLatin1String("ip")).toString())
                                 .arg(entry.value(QLatin1String("port")).toVariant().toString());
            if (role.key() != QLatin1String("default"))
                target = role.key() + QLatin1Char(' ') + target;
            out.append(target);
        }
    }
    out.sort();
    return out;
}

/// Destination → its targets; nullopt when @p bytes is no route table.
std::optional<QMap<QString, QStringList>> routesOf(const QByteArray &bytes)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || !doc.object().value(QLatin1String("route_table")).isObject())
        return std::nullopt;
    QMap<QString, QStringList> out;
    const QJsonObject table = doc.object().value(QLatin1String("route_table")).toObject();
    for (auto it = table.begin(); it != table.end(); ++it)
        out.insert(it.key(), routeTargets(it.value().toObject()));
    return out;
}

} // namespace

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
                      {QStringLiteral("restart_services"), QJsonArray::fromStringList(h.restartServices)},
                      {QStringLiteral("reasons"), QJsonArray::fromStringList(h.reasons)}};
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
        for (const QString &reason : h.reasons)
            out += QStringLiteral("  ") + tr("why: %1").arg(reason) + QLatin1Char('\n');
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

QStringList ChangePlanner::routeChanges(const QByteArray &before, const QByteArray &after)
{
    const auto was = routesOf(before);
    const auto now = routesOf(after);
    if (!was || !now)
        return {};
    auto destination = [](const QString &key) {
        return key == QLatin1String("default") ? ChangePlan::tr("the default route")
                                               : ChangePlan::tr("the route to party %1").arg(key);
    };
    auto targets = [](const QStringList &list) {
        return list.isEmpty() ? ChangePlan::tr("no address") : list.join(QStringLiteral(", "));
    };
    QStringList out;
    for (auto it = now->cbegin(); it != now->cend(); ++it) {
        if (!was->contains(it.key()))
            out.append(ChangePlan::tr("%1 is added (%2)").arg(destination(it.key()), targets(it.value())));
        else if (was->value(it.key()) != it.value())
            out.append(ChangePlan::tr("%1 changes to %2 (was %3)")
                           .arg(destination(it.key()), targets(it.value()), targets(was->value(it.key()))));
    }
    for (auto it = was->cbegin(); it != was->cend(); ++it)
        if (!now->contains(it.key()))
            out.append(ChangePlan::tr("%1 is removed").arg(destination(it.key())));
    return out;
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
            h.reasons.append(b.kind == Bundle::Kind::Exchange
                                 ? ChangePlan::tr("the exchange was not deployed yet")
                                 : ChangePlan::tr("party %1 was not deployed yet").arg(b.partyId));
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
                if (old && ChangePlanner::isRouteTable(f.path))
                    h.reasons.append(ChangePlanner::routeChanges(before, masked));
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
        if (was->host != b.host)
            h.reasons.prepend(ChangePlan::tr("moves from %1 to %2").arg(was->host, b.host));
        else if (moved)
            h.reasons.prepend(ChangePlan::tr("moves from folder %1 to %2").arg(was->remotePath, b.remotePath()));
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
        h.reasons.append(d.kind == Bundle::Kind::Exchange ? ChangePlan::tr("the project has no exchange any more")
                                                          : ChangePlan::tr("party %1 left the project").arg(d.partyId));
        plan.hosts.append(h);
    }
    return plan;
}

} // namespace FateDeployer
