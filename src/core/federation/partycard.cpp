// SPDX-License-Identifier: Apache-2.0
#include "federation/partycard.h"

#include "federation/jsonfields.h"
#include "model/validation.h"
#include "util/tr.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace FateDeployer {

namespace {
constexpr char Kind[] = "fate-deployer-party-card";
constexpr int MaxVersionLength = 64;
} // namespace

Result<PartyCard> PartyCard::fromProject(const Project &project, int partyId)
{
    const Party *party = project.party(partyId);
    if (!party)
        return Error{tr("party %1 is not in the project").arg(partyId)};
    const QString address = Project::routeAddress(*party);
    if (QString problem = Validator::checkHost(address); !problem.isEmpty())
        return Error{tr("party %1: its address %2").arg(partyId).arg(problem)};
    PartyCard card;
    card.partyId = partyId;
    card.address = address;
    card.port = Project::routePort(*party);
    card.kubefateVersion = project.templates.kubefateVersion;
    card.fateVersion = project.images.tag;
    card.contact = party->contact.left(MaxContactLength);
    card.note = party->notes.left(MaxNoteLength);
    return card;
}

QByteArray PartyCard::toJson() const
{
    QJsonObject o;
    o.insert(u"format", FormatVersion);
    o.insert(u"kind", QLatin1String(Kind));
    o.insert(u"partyId", partyId);
    o.insert(u"address", address);
    o.insert(u"port", port);
    o.insert(u"kubefateVersion", kubefateVersion);
    if (!fateVersion.isEmpty())
        o.insert(u"fateVersion", fateVersion);
    if (!contact.isEmpty())
        o.insert(u"contact", contact);
    if (!note.isEmpty())
        o.insert(u"note", note);
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

Result<PartyCard> PartyCard::fromJson(const QByteArray &json)
{
    const QString what = tr("party card");
    Result<QJsonObject> root = JsonFields::parseObject(json, MaxFileSize, what);
    if (!root)
        return Error{root.error()};
    JsonFields f(root.value(), QString());
    const std::optional<int> format = f.integer("format", true, 1, 1000);
    if (f.failed())
        return Error{f.error()};
    if (*format > FormatVersion)
        return Error{tr("this party card has format %1, but this FATE Deployer reads up to format %2; please "
                        "update FATE Deployer")
                         .arg(*format)
                         .arg(FormatVersion)};
    if (f.string("kind", true, 64) != QLatin1String(Kind) && !f.failed())
        f.fail(QStringLiteral("kind"), tr("is not \"%1\"; is this a party card?").arg(QLatin1String(Kind)));
    PartyCard card;
    card.partyId = f.integer("partyId", true, 1, 2147483647).value_or(0);
    card.address = f.string("address", true, 253);
    card.port = f.integer("port", true, 1, 65535).value_or(0);
    card.kubefateVersion = f.string("kubefateVersion", true, MaxVersionLength);
    card.fateVersion = f.string("fateVersion", false, MaxVersionLength);
    card.contact = f.string("contact", false, MaxContactLength);
    card.note = f.string("note", false, MaxNoteLength);
    f.refuseUnknownKeys();
    if (!f.failed() && !card.address.isEmpty())
        if (QString problem = Validator::checkHost(card.address); !problem.isEmpty())
            f.fail(QStringLiteral("address"), problem);
    if (!f.failed() && card.contact.contains(QLatin1Char('\n')))
        f.fail(QStringLiteral("contact"), tr("must be one line"));
    if (f.failed())
        return Error{f.error()};
    return card;
}

Result<PartyCard> PartyCard::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{tr("cannot open %1: %2").arg(path, file.errorString())};
    // One byte more than the limit, so an oversized file is refused by size without reading it all.
    Result<PartyCard> card = fromJson(file.read(MaxFileSize + 1));
    if (!card)
        return Error{tr("%1: %2").arg(path, card.error())};
    return card;
}

Status PartyCard::save(const QString &path) const
{
    QSaveFile file(path);
    const QByteArray data = toJson();
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit())
        return Error{tr("cannot write %1: %2").arg(path, file.errorString())};
    return {};
}

Project PartyCard::applyTo(const Project &project, QStringList *warnings) const
{
    Project p = project;
    if (warnings && kubefateVersion != p.templates.kubefateVersion)
        warnings->append(tr("party %1 runs KubeFATE %2, this project %3; a federation needs one version")
                             .arg(partyId)
                             .arg(kubefateVersion, p.templates.kubefateVersion));
    if (warnings && !fateVersion.isEmpty() && fateVersion != p.images.tag)
        warnings->append(
            tr("party %1 runs the images %2, this project %3").arg(partyId).arg(fateVersion, p.images.tag));
    Party *party = nullptr;
    for (Party &candidate : p.parties)
        if (candidate.id == partyId)
            party = &candidate;
    if (!party) {
        // A new party is another team's: this project only routes to it.
        Party added;
        added.id = partyId;
        added.host = address;
        added.external = true;
        p.parties.append(added);
        party = &p.parties.last();
    }
    if (party->external) {
        party->host = address;
        party->reachableAddress.clear();
        party->notes = note;
    } else {
        party->reachableAddress = address.compare(party->host, Qt::CaseInsensitive) == 0 ? QString() : address;
        if (party->notes.isEmpty())
            party->notes = note;
    }
    party->reachablePort = port == Party::DefaultProxyPort ? std::nullopt : std::optional<int>(port);
    party->contact = contact;
    return p;
}

} // namespace FateDeployer
