// SPDX-License-Identifier: Apache-2.0
#include "federation/federationfile.h"

#include "federation/jsonfields.h"
#include "model/era.h"
#include "model/validation.h"
#include "util/tr.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>

namespace FateDeployer {

namespace {
constexpr char Kind[] = "fate-deployer-federation";
constexpr int MaxNameLength = 256;
constexpr int MaxValueLength = 128;

std::optional<int> portOrUnset(int port, int usual)
{
    return port == usual ? std::nullopt : std::optional<int>(port);
}

/// The content the checksum covers; the same for the file and the canonical form.
QJsonObject contentJson(const FederationFile &f)
{
    QJsonObject images;
    images.insert(u"prefix", f.images.prefix);
    images.insert(u"tag", f.images.tag);
    images.insert(u"baseTag", f.images.baseTag);
    images.insert(u"builderTag", f.images.builderTag);
    if (f.engine)
        images.insert(u"servingTag", f.images.servingTag);
    QJsonObject exchange;
    exchange.insert(u"enabled", f.exchangeEnabled);
    exchange.insert(u"address", f.exchangeAddress);
    exchange.insert(u"port", f.exchangePort);
    exchange.insert(u"listenPort", f.exchangeListenPort);
    QList<FederationParty> sorted = f.parties;
    std::sort(
        sorted.begin(), sorted.end(), [](const FederationParty &a, const FederationParty &b) { return a.id < b.id; });
    QJsonArray parties;
    for (const FederationParty &party : sorted) {
        QJsonObject o;
        o.insert(u"id", party.id);
        o.insert(u"address", party.address);
        o.insert(u"port", party.port);
        if (!party.contact.isEmpty())
            o.insert(u"contact", party.contact);
        if (!party.note.isEmpty())
            o.insert(u"note", party.note);
        parties.append(o);
    }
    QJsonObject content;
    content.insert(u"name", f.name);
    content.insert(u"kubefateVersion", f.kubefateVersion);
    content.insert(u"images", images);
    if (f.engine) {
        QJsonObject engine;
        engine.insert(u"computing", f.engine->computing);
        engine.insert(u"federation", f.engine->federation);
        engine.insert(u"storage", f.engine->storage);
        content.insert(u"engine", engine);
    }
    content.insert(u"exchange", exchange);
    content.insert(u"parties", parties);
    return content;
}

} // namespace

FederationFile FederationFile::fromProject(const Project &project)
{
    FederationFile f;
    f.revision = std::max(1, project.federation.revision);
    f.name = project.name.left(MaxNameLength);
    f.kubefateVersion = project.templates.kubefateVersion;
    f.images = project.images;
    if (eraHasEngine(kubefateEra(project.templates.kubefateVersion)))
        f.engine = project.engine;
    f.exchangeEnabled = project.exchange.enabled;
    f.exchangeAddress = project.exchange.enabled ? project.exchangeRouteAddress() : QString();
    f.exchangePort = project.exchangeRoutePort();
    f.exchangeListenPort = project.exchange.port;
    for (const Party &party : project.parties)
        f.parties.append({party.id,
                          Project::routeAddress(party),
                          Project::routePort(party),
                          party.contact.left(256),
                          party.notes.left(4096)});
    std::sort(f.parties.begin(), f.parties.end(), [](const FederationParty &a, const FederationParty &b) {
        return a.id < b.id;
    });
    return f;
}

FederationFile FederationFile::forExport(const Project &project)
{
    FederationFile f = fromProject(project);
    // Same content as the revision last exported: the same file again. Anything else is a new revision.
    if (project.federation.revision > 0 && f.sha256() == project.federation.sha256)
        return f;
    f.revision = project.federation.revision + 1;
    return f;
}

QByteArray FederationFile::canonicalJson() const
{
    QJsonObject o;
    o.insert(u"format", FormatVersion);
    o.insert(u"revision", revision);
    o.insert(u"federation", contentJson(*this));
    // QJsonObject keeps its keys sorted; compact output has no whitespace: one byte sequence per content.
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QString FederationFile::sha256() const
{
    return QString::fromLatin1(QCryptographicHash::hash(canonicalJson(), QCryptographicHash::Sha256).toHex());
}

QString FederationFile::fingerprint() const
{
    return fingerprintOf(sha256());
}

QString FederationFile::fingerprintOf(const QString &sha256)
{
    QStringList groups;
    for (int i = 0; i + 4 <= std::min<qsizetype>(32, sha256.size()); i += 4)
        groups.append(sha256.mid(i, 4));
    return groups.join(QLatin1Char(' '));
}

QByteArray FederationFile::toJson() const
{
    QJsonObject o;
    o.insert(u"format", FormatVersion);
    o.insert(u"kind", QLatin1String(Kind));
    o.insert(u"revision", revision);
    o.insert(u"sha256", sha256());
    o.insert(u"federation", contentJson(*this));
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

Result<FederationFile> FederationFile::fromJson(const QByteArray &json)
{
    Result<QJsonObject> root = JsonFields::parseObject(json, MaxFileSize, tr("federation file"));
    if (!root)
        return Error{root.error()};
    JsonFields top(root.value(), QString());
    const std::optional<int> format = top.integer("format", true, 1, 1000);
    if (top.failed())
        return Error{top.error()};
    if (*format > FormatVersion)
        return Error{tr("this federation file has format %1, but this FATE Deployer reads up to format %2; "
                        "please update FATE Deployer")
                         .arg(*format)
                         .arg(FormatVersion)};
    if (top.string("kind", true, 64) != QLatin1String(Kind) && !top.failed())
        top.fail(QStringLiteral("kind"), tr("is not \"%1\"; is this a federation file?").arg(QLatin1String(Kind)));
    FederationFile f;
    f.revision = top.integer("revision", true, 1, 2147483647).value_or(1);
    const QString sha = top.string("sha256", true, 64);
    const QJsonObject content = top.object("federation", true);
    top.refuseUnknownKeys();
    if (top.failed())
        return Error{top.error()};

    JsonFields c = top.nested(content, QStringLiteral("federation"));
    f.name = c.string("name", false, MaxNameLength);
    f.kubefateVersion = c.string("kubefateVersion", true, 64);
    JsonFields images = c.nested(c.object("images", true), QStringLiteral("federation.images"));
    f.images.prefix = images.string("prefix", true, MaxValueLength);
    f.images.tag = images.string("tag", true, MaxValueLength);
    f.images.baseTag = images.string("baseTag", true, MaxValueLength);
    f.images.builderTag = images.string("builderTag", true, MaxValueLength);
    const QString servingTag = images.string("servingTag", false, MaxValueLength);
    images.refuseUnknownKeys();
    const QJsonObject engine = c.object("engine", false);
    if (!engine.isEmpty()) {
        JsonFields e = c.nested(engine, QStringLiteral("federation.engine"));
        EngineSettings settings = engineDefaults(kubefateEra(f.kubefateVersion));
        settings.computing = e.string("computing", true, MaxValueLength);
        settings.federation = e.string("federation", true, MaxValueLength);
        settings.storage = e.string("storage", true, MaxValueLength);
        e.refuseUnknownKeys();
        f.engine = settings;
        f.images.servingTag = servingTag.isEmpty() ? f.images.servingTag : servingTag;
    }
    JsonFields x = c.nested(c.object("exchange", true), QStringLiteral("federation.exchange"));
    f.exchangeEnabled = x.boolean("enabled", true);
    f.exchangeAddress = x.string("address", f.exchangeEnabled, 253);
    f.exchangePort = x.integer("port", true, 1, 65535).value_or(9371);
    f.exchangeListenPort = x.integer("listenPort", true, 1, 65535).value_or(9371);
    x.refuseUnknownKeys();
    if (!c.failed() && f.exchangeEnabled)
        if (QString problem = Validator::checkHost(f.exchangeAddress); !problem.isEmpty())
            c.fail(QStringLiteral("federation.exchange.address"), problem);
    const QJsonArray parties = c.array("parties", true, MaxParties);
    c.refuseUnknownKeys();
    for (qsizetype i = 0; i < parties.size() && !c.failed(); ++i) {
        const QString path = QStringLiteral("federation.parties[%1]").arg(i);
        if (!parties.at(i).isObject()) {
            c.fail(path, tr("must be an object"));
            break;
        }
        JsonFields p = c.nested(parties.at(i).toObject(), path);
        FederationParty party;
        party.id = p.integer("id", true, 1, 2147483647).value_or(0);
        party.address = p.string("address", true, 253);
        party.port = p.integer("port", true, 1, 65535).value_or(0);
        party.contact = p.string("contact", false, 256);
        party.note = p.string("note", false, 4096);
        p.refuseUnknownKeys();
        if (c.failed())
            break;
        if (QString problem = Validator::checkHost(party.address); !problem.isEmpty())
            c.fail(path + QStringLiteral(".address"), problem);
        for (const FederationParty &seen : std::as_const(f.parties))
            if (seen.id == party.id)
                c.fail(path + QStringLiteral(".id"), tr("party %1 is listed twice").arg(party.id));
        f.parties.append(party);
    }
    if (c.failed())
        return Error{c.error()};
    std::sort(f.parties.begin(), f.parties.end(), [](const FederationParty &a, const FederationParty &b) {
        return a.id < b.id;
    });
    // The checksum covers the content: a file edited by hand (or damaged) is not the one the coordinator sent.
    if (sha.compare(f.sha256(), Qt::CaseInsensitive) != 0)
        return Error{tr("sha256: the content does not match the checksum (file %1, content %2); the file was "
                        "changed after it was exported; ask the coordinator for the file again")
                         .arg(fingerprintOf(sha.toLower()), f.fingerprint())};
    return f;
}

Result<FederationFile> FederationFile::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{tr("cannot open %1: %2").arg(path, file.errorString())};
    Result<FederationFile> f = fromJson(file.read(MaxFileSize + 1));
    if (!f)
        return Error{tr("%1: %2").arg(path, f.error())};
    return f;
}

Status FederationFile::save(const QString &path) const
{
    QSaveFile file(path);
    const QByteArray data = toJson();
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit())
        return Error{tr("cannot write %1: %2").arg(path, file.errorString())};
    return {};
}

Project FederationFile::applyTo(const Project &project, const std::optional<Ownership> &ownership) const
{
    Project p = project;
    if (p.name.isEmpty())
        p.name = name;
    p.setKubefateVersion(kubefateVersion);
    const QString servingTag = p.images.servingTag;
    p.images = images;
    if (engine) {
        p.engine.computing = engine->computing;
        p.engine.federation = engine->federation;
        p.engine.storage = engine->storage;
    } else {
        p.images.servingTag = servingTag;
    }

    // Exchange.
    p.exchange.enabled = exchangeEnabled;
    const bool ownExchange
        = ownership ? ownership->exchange : (!project.exchange.external && !project.exchange.host.isEmpty());
    p.exchange.external = exchangeEnabled && !ownExchange;
    p.exchange.port = exchangeListenPort;
    p.exchange.reachablePort = portOrUnset(exchangePort, exchangeListenPort);
    if (p.exchange.external || p.exchange.host.isEmpty()) {
        p.exchange.host = exchangeAddress;
        p.exchange.reachableAddress.clear();
    } else {
        p.exchange.reachableAddress
            = exchangeAddress.compare(p.exchange.host, Qt::CaseInsensitive) == 0 ? QString() : exchangeAddress;
    }

    // Parties: the project's order for those it has, the file's for new ones; the file decides who is in.
    QList<Party> merged;
    auto apply = [&](Party party, const FederationParty &entry, bool known) {
        const bool own = ownership ? ownership->parties.contains(entry.id) : (known && !party.external);
        party.id = entry.id;
        party.external = !own;
        if (!own || party.host.isEmpty()) {
            party.host = entry.address;
            party.reachableAddress.clear();
        } else {
            party.reachableAddress
                = entry.address.compare(party.host, Qt::CaseInsensitive) == 0 ? QString() : entry.address;
        }
        party.reachablePort = portOrUnset(entry.port, Party::DefaultProxyPort);
        party.contact = entry.contact;
        if (!own || party.notes.isEmpty())
            party.notes = entry.note;
        merged.append(party);
    };
    for (const Party &party : project.parties)
        for (const FederationParty &entry : this->parties)
            if (entry.id == party.id)
                apply(party, entry, true);
    for (const FederationParty &entry : this->parties)
        if (!project.party(entry.id))
            apply(Party::make(entry.id), entry, false);
    p.parties = merged;

    // The toy example runs on the guest's host: keep it on one of ours when we have one.
    auto ownParty = [&p](int id) {
        const Party *party = p.party(id);
        return party && !party->external;
    };
    if (!ownParty(p.guestId())) {
        for (const Party &party : std::as_const(p.parties))
            if (!party.external) {
                p.verification.guestId = party.id;
                break;
            }
    }
    if (p.verification.guestId != 0 && !p.party(p.verification.guestId))
        p.verification.guestId = 0;
    if ((p.verification.hostId != 0 && !p.party(p.verification.hostId)) || p.hostId() == p.guestId()) {
        p.verification.hostId = 0;
        for (const Party &party : std::as_const(p.parties))
            if (party.id != p.guestId()) {
                p.verification.hostId = party.id;
                break;
            }
    }

    p.federation.revision = revision;
    p.federation.sha256 = sha256();
    return p;
}

QStringList describeFederationChanges(const Project &before, const Project &after)
{
    QStringList lines;
    auto changed = [&lines](const QString &what, const QString &from, const QString &to) {
        if (from != to)
            lines.append(tr("%1: %2 → %3").arg(what, from.isEmpty() ? tr("(none)") : from, to));
    };
    if (before.federation.revision != after.federation.revision)
        lines.append(tr("revision %1 → %2").arg(before.federation.revision).arg(after.federation.revision));
    changed(tr("KubeFATE version"), before.templates.kubefateVersion, after.templates.kubefateVersion);
    changed(tr("image prefix"), before.images.prefix, after.images.prefix);
    changed(tr("image tag"), before.images.tag, after.images.tag);
    changed(tr("base image tag"), before.images.baseTag, after.images.baseTag);
    changed(tr("builder image tag"), before.images.builderTag, after.images.builderTag);
    if (eraHasEngine(kubefateEra(after.templates.kubefateVersion))) {
        changed(tr("serving image tag"), before.images.servingTag, after.images.servingTag);
        changed(tr("computing engine"), before.engine.computing, after.engine.computing);
        changed(tr("federation engine"), before.engine.federation, after.engine.federation);
        changed(tr("storage engine"), before.engine.storage, after.engine.storage);
    }

    auto endpoint = [](const QString &address, int port) {
        return address.isEmpty() ? QString() : QStringLiteral("%1:%2").arg(address).arg(port);
    };
    if (before.exchange.enabled != after.exchange.enabled)
        lines.append(after.exchange.enabled ? tr("exchange enabled") : tr("exchange disabled"));
    if (after.exchange.enabled) {
        changed(tr("exchange address"),
                endpoint(before.exchangeRouteAddress(), before.exchangeRoutePort()),
                endpoint(after.exchangeRouteAddress(), after.exchangeRoutePort()));
        changed(
            tr("exchange listening port"), QString::number(before.exchange.port), QString::number(after.exchange.port));
        if (before.exchange.external != after.exchange.external)
            lines.append(after.exchange.external ? tr("exchange: now deployed by another team")
                                                 : tr("exchange: now deployed by this project"));
    }

    for (const Party &party : after.parties) {
        const Party *old = before.party(party.id);
        const QString address = endpoint(Project::routeAddress(party), Project::routePort(party));
        if (!old) {
            lines.append(party.external ? tr("party %1 added at %2 (another team's)").arg(party.id).arg(address)
                                        : tr("party %1 added at %2 (yours)").arg(party.id).arg(address));
            continue;
        }
        changed(tr("party %1 address").arg(party.id),
                endpoint(Project::routeAddress(*old), Project::routePort(*old)),
                address);
        if (old->external != party.external)
            lines.append(party.external ? tr("party %1: now deployed by another team").arg(party.id)
                                        : tr("party %1: now deployed by this project").arg(party.id));
        changed(tr("party %1 contact").arg(party.id), old->contact, party.contact);
        changed(tr("party %1 note").arg(party.id), old->notes, party.notes);
    }
    for (const Party &party : before.parties)
        if (!after.party(party.id))
            lines.append(tr("party %1 removed (was at %2)")
                             .arg(party.id)
                             .arg(endpoint(Project::routeAddress(party), Project::routePort(party))));
    changed(tr("verification guest"), QString::number(before.guestId()), QString::number(after.guestId()));
    changed(tr("verification host"), QString::number(before.hostId()), QString::number(after.hostId()));
    return lines;
}

} // namespace FateDeployer
