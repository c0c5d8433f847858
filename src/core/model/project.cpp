// SPDX-License-Identifier: Apache-2.0
#include "model/project.h"

#include "model/era.h"

#include <algorithm>

namespace FateDeployer {

namespace {
struct AuthName
{
    AuthMethod method;
    const char *name;
};
constexpr AuthName authNames[] = {
    {AuthMethod::Default, "default"},
    {AuthMethod::Agent, "agent"},
    {AuthMethod::PublicKey, "publickey"},
    {AuthMethod::Password, "password"},
    {AuthMethod::KeyboardInteractive, "keyboard-interactive"},
};
} // namespace

QString authMethodToString(AuthMethod method)
{
    for (const auto &entry : authNames) {
        if (entry.method == method)
            return QString::fromLatin1(entry.name);
    }
    return QStringLiteral("default");
}

std::optional<AuthMethod> authMethodFromString(const QString &text)
{
    for (const auto &entry : authNames) {
        if (text == QLatin1String(entry.name))
            return entry.method;
    }
    return std::nullopt;
}

QString templateKindToString(TemplateSource::Kind kind)
{
    switch (kind) {
    case TemplateSource::Kind::Folder:
        return QStringLiteral("folder");
    case TemplateSource::Kind::Archive:
        return QStringLiteral("archive");
    case TemplateSource::Kind::Url:
        return QStringLiteral("url");
    }
    return QStringLiteral("folder");
}

std::optional<TemplateSource::Kind> templateKindFromString(const QString &text)
{
    if (text == QLatin1String("folder"))
        return TemplateSource::Kind::Folder;
    if (text == QLatin1String("archive"))
        return TemplateSource::Kind::Archive;
    if (text == QLatin1String("url"))
        return TemplateSource::Kind::Url;
    return std::nullopt;
}

bool SshOverrides::isEmpty() const
{
    return *this == SshOverrides{};
}

const Party *Project::party(int id) const
{
    for (const Party &p : parties) {
        if (p.id == id)
            return &p;
    }
    return nullptr;
}

void Project::setKubefateVersion(const QString &version)
{
    const KubefateEra before = kubefateEra(templates.kubefateVersion);
    templates.kubefateVersion = version;
    if (kubefateEra(version) != before)
        engine = engineDefaults(kubefateEra(version));
}

QString Project::userFor(const SshOverrides &ssh) const
{
    return ssh.user.isEmpty() ? user : ssh.user;
}

int Project::portFor(const SshOverrides &ssh) const
{
    return ssh.port.value_or(sshPort);
}

QString Project::dirFor(const Party &p) const
{
    return p.dir.isEmpty() ? baseDir : p.dir;
}

QString Project::exchangeDir() const
{
    return exchange.dir.isEmpty() ? baseDir : exchange.dir;
}

int Project::guestId() const
{
    if (verification.guestId != 0)
        return verification.guestId;
    return parties.isEmpty() ? 0 : parties.first().id;
}

int Project::hostId() const
{
    if (verification.hostId != 0)
        return verification.hostId;
    return parties.size() < 2 ? guestId() : parties.at(1).id;
}

Party Party::make(int id, const QString &host)
{
    Party party;
    party.id = id;
    party.host = host;
    return party;
}

Party Project::newParty(const QString &host) const
{
    int id = 10000;
    for (const Party &p : parties)
        id = std::max(id, p.id + 1);
    Party party = Party::make(id, host);
    // Another team's party is reached by that team: its settings say nothing about ours.
    QList<const Party *> own;
    for (const Party &p : parties)
        if (!p.external)
            own.append(&p);
    if (own.isEmpty())
        return party;
    auto shared = [&own](auto field) {
        for (const Party *p : own)
            if (!(p->*field == own.first()->*field))
                return false;
        return true;
    };
    if (shared(&Party::ssh))
        party.ssh = own.first()->ssh;
    if (shared(&Party::dir))
        party.dir = own.first()->dir;
    return party;
}

QString Project::routeAddress(const Party &party)
{
    return party.reachableAddress.isEmpty() ? party.host : party.reachableAddress;
}

int Project::routePort(const Party &party)
{
    return party.reachablePort.value_or(Party::DefaultProxyPort);
}

QString Project::exchangeRouteAddress() const
{
    return exchange.reachableAddress.isEmpty() ? exchange.host : exchange.reachableAddress;
}

int Project::exchangeRoutePort() const
{
    return exchange.reachablePort.value_or(exchange.port);
}

bool Project::myPartiesOnly() const
{
    return (exchange.enabled && exchange.external)
           || std::any_of(parties.cbegin(), parties.cend(), [](const Party &p) { return p.external; });
}

Project Project::example()
{
    Project p;
    p.name = QStringLiteral("FATE 1.1 two-party example");
    // KubeFATE's own tag archive of the era: with network access the example deploys as shipped.
    p.templates.kind = TemplateSource::Kind::Url;
    p.templates.location = QStringLiteral("https://github.com/FederatedAI/KubeFATE/archive/refs/tags/1.1.0.tar.gz");
    p.parties = {Party::make(10000, QStringLiteral("192.168.7.1")), Party::make(9999, QStringLiteral("192.168.7.2"))};
    p.exchange.host = QStringLiteral("192.168.7.1");
    p.verification.guestId = 10000;
    p.verification.hostId = 9999;
    return p;
}

} // namespace FateDeployer
