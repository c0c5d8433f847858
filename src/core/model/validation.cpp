// SPDX-License-Identifier: Apache-2.0
#include "model/validation.h"

#include "model/era.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QHostAddress>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>

namespace FateDeployer {

namespace {

bool looksLikeIpv4(const QString &host)
{
    static const QRegularExpression re(QStringLiteral("^[0-9]+(\\.[0-9]+){3}\\z"));
    return re.match(host).hasMatch();
}

bool isDnsName(const QString &host)
{
    // RFC 1123 labels; at most 253 characters.
    static const QRegularExpression re(
        QStringLiteral("^(?=.{1,253}\\z)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.["
                       "A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\z"));
    return re.match(host).hasMatch();
}

bool hasLineBreakOrNul(const QString &text)
{
    return text.contains(QChar(0)) || text.contains(QLatin1Char('\n')) || text.contains(QLatin1Char('\r'));
}

/// 0.0.0.0 and :: are listen addresses, never a host another party can reach.
bool isUnspecified(const QString &host)
{
    QHostAddress address;
    return address.setAddress(host) && (address == QHostAddress::AnyIPv4 || address == QHostAddress::AnyIPv6);
}

bool isLoopback(const QString &host)
{
    QHostAddress address;
    if (address.setAddress(host))
        return address.isLoopback();
    return host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0;
}

bool isHttpUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    return url.isValid() && (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http"))
           && !url.host().isEmpty();
}

/// Host ports a party publishes, by KubeFATE era (spec §1, §4.3, §5.3).
QList<int> partyHostPorts(const QString &version)
{
    if (version == QLatin1String("1.1.0"))
        return {9370, 8080, 9360, 9380};
    return {9370, 8080, 9360, 9380, 20000};
}

} // namespace

QString ValidationIssue::toString() const
{
    return field.isEmpty() ? message : field + QStringLiteral(": ") + message;
}

QStringList Validator::knownKubefateVersions()
{
    return {QStringLiteral("1.1.0"),
            QStringLiteral("1.4.0"),
            QStringLiteral("1.4.1"),
            QStringLiteral("1.4.2"),
            QStringLiteral("1.4.3"),
            QStringLiteral("1.4.4"),
            QStringLiteral("1.4.5"),
            QStringLiteral("1.11.1"),
            QStringLiteral("1.11.2"),
            QStringLiteral("2.0.0")};
}

QString Validator::checkHost(const QString &host)
{
    if (host.isEmpty())
        return tr("is required");
    QHostAddress address;
    if (looksLikeIpv4(host)) {
        if (address.setAddress(host) && address.protocol() == QAbstractSocket::IPv4Protocol) {
            if (isUnspecified(host) || address == QHostAddress::Broadcast || address.isMulticast())
                return tr("\"%1\" is not the address of a host; write the address the other hosts reach it at")
                    .arg(host);
            return {};
        }
        return tr("\"%1\" is not a valid IPv4 address or host name").arg(host);
    }
    if (host.contains(QLatin1Char(':'))) {
        if (address.setAddress(host) && address.protocol() == QAbstractSocket::IPv6Protocol
            && !host.contains(QLatin1Char('%'))) {
            if (isUnspecified(host) || address.isMulticast())
                return tr("\"%1\" is not the address of a host; write the address the other hosts reach it at")
                    .arg(host);
            return {};
        }
        return tr("\"%1\" is not a valid IPv6 address").arg(host);
    }
    if (isDnsName(host))
        return {};
    return tr("\"%1\" is not a valid IPv4 address or host name").arg(host);
}

QString Validator::checkUser(const QString &user)
{
    // The portable subset of useradd's default NAME_REGEX; no "$" (it would need quoting everywhere).
    static const QRegularExpression re(QStringLiteral("^[a-z_][a-z0-9_-]{0,31}\\z"));
    if (user.isEmpty())
        return tr("is required");
    if (!re.match(user).hasMatch())
        return tr("\"%1\" is not a valid user name (lowercase letters, digits, _ and -, starting with a letter or _)")
            .arg(user);
    return {};
}

QString Validator::checkDir(const QString &dir)
{
    if (dir.isEmpty())
        return tr("is required");
    if (hasLineBreakOrNul(dir))
        return tr("must not contain NUL or line breaks");
    if (!dir.startsWith(QLatin1Char('/')))
        return tr("\"%1\" is not an absolute path").arg(dir);
    if (QDir::cleanPath(dir) == QLatin1String("/"))
        return tr("must not be the root directory");
    const QStringList parts = dir.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (parts.contains(QStringLiteral("..")))
        return tr("\"%1\" must not contain \"..\"").arg(dir);
    // The deployer creates and replaces trees under the dir; never let that be a system folder.
    static const QStringList systemDirs = {QStringLiteral("/bin"),
                                           QStringLiteral("/boot"),
                                           QStringLiteral("/dev"),
                                           QStringLiteral("/etc"),
                                           QStringLiteral("/lib"),
                                           QStringLiteral("/lib64"),
                                           QStringLiteral("/proc"),
                                           QStringLiteral("/run"),
                                           QStringLiteral("/sbin"),
                                           QStringLiteral("/sys"),
                                           QStringLiteral("/usr"),
                                           QStringLiteral("/var")};
    if (systemDirs.contains(QDir::cleanPath(dir)))
        return tr("\"%1\" is a system directory; use a dedicated one such as /data/projects/fate").arg(dir);
    return {};
}

QString Validator::checkPort(int port)
{
    if (port < 1 || port > 65535)
        return tr("%1 is not a port number between 1 and 65535").arg(port);
    return {};
}

QString Validator::checkJumpHost(const QString &jumpHost)
{
    if (jumpHost.isEmpty())
        return {};
    if (hasLineBreakOrNul(jumpHost))
        return tr("must not contain NUL or line breaks");
    // [user@]host[:port] or [user@][ipv6][:port]
    static const QRegularExpression hop(
        QStringLiteral("^(?:([^@\\s]+)@)?(?:\\[([0-9A-Fa-f:.]+)\\]|([^:@\\[\\]\\s]+))(?::([0-9]{1,5}))?\\z"));
    const QStringList hops = jumpHost.split(QLatin1Char(','));
    for (const QString &h : hops) {
        const QRegularExpressionMatch m = hop.match(h);
        if (!m.hasMatch())
            return tr("\"%1\" is not a valid jump host; write [user@]host[:port], several separated by commas").arg(h);
        if (!m.captured(1).isEmpty() && !checkUser(m.captured(1)).isEmpty())
            return tr("\"%1\": %2").arg(h, checkUser(m.captured(1)));
        const QString host = m.captured(2).isEmpty() ? m.captured(3) : m.captured(2);
        if (QString problem = checkHost(host); !problem.isEmpty())
            return tr("\"%1\": %2").arg(h, problem);
        if (!m.captured(4).isEmpty())
            if (QString problem = checkPort(m.captured(4).toInt()); !problem.isEmpty())
                return tr("\"%1\": %2").arg(h, problem);
    }
    return {};
}

QString Validator::checkRegistryUri(const QString &uri)
{
    if (uri.isEmpty())
        return tr("a private registry needs its address, e.g. harbor.example.com/fate");
    if (uri.contains(QLatin1String("://")))
        return tr("\"%1\": write the registry address without a scheme, e.g. harbor.example.com/fate").arg(uri);
    if (uri.endsWith(QLatin1Char('/')))
        return tr("\"%1\" must not end with \"/\"; image names would get a double slash").arg(uri);
    // host[:port] then optional lowercase path components (Docker's reference grammar).
    static const QRegularExpression registryUri(
        QStringLiteral("^([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*|\\[[0-9A-"
                       "Fa-f:]+\\])(:([0-9]{1,5}))?(/[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*)*\\z"));
    const QRegularExpressionMatch m = registryUri.match(uri);
    if (!m.hasMatch())
        return tr("\"%1\" is not a valid registry address (host[:port][/project], project in lowercase)").arg(uri);
    if (!m.captured(6).isEmpty() && !checkPort(m.captured(6).toInt()).isEmpty())
        return tr("\"%1\": %2").arg(uri, checkPort(m.captured(6).toInt()));
    return {};
}

QList<ValidationIssue> Validator::validate(const Project &p)
{
    QList<ValidationIssue> issues;
    auto error = [&issues](const QString &field, const QString &message) {
        issues.append({ValidationIssue::Severity::Error, field, message});
    };
    auto warning = [&issues](const QString &field, const QString &message) {
        issues.append({ValidationIssue::Severity::Warning, field, message});
    };
    // Another team's host is reached on its reachable address; ours may be reached on another one than SSH's.
    auto checkReachable = [&](const QString &host,
                              const QString &reachable,
                              const std::optional<int> &port,
                              const QString &notes,
                              bool external,
                              const QString &path) {
        if (port)
            if (QString m = checkPort(*port); !m.isEmpty())
                error(path + QStringLiteral(".reachablePort"), m);
        if (reachable.isEmpty())
            return;
        if (QString m = checkHost(reachable); !m.isEmpty()) {
            error(path + QStringLiteral(".reachableAddress"), m);
            return;
        }
        if (p.parties.size() > 1 && isLoopback(reachable))
            warning(path + QStringLiteral(".reachableAddress"),
                    tr("%1 is a loopback address; the other parties cannot reach it").arg(reachable));
        // Two addresses for one host puzzle the next admin (and the other teams) unless a note says why.
        if (!external && reachable.compare(host, Qt::CaseInsensitive) != 0 && notes.trimmed().isEmpty())
            warning(path + QStringLiteral(".reachableAddress"),
                    tr("the others reach it at %1 but it is deployed over SSH at %2, and no note says why; add a "
                       "note (e.g. \"NAT: public address of the firewall\")")
                        .arg(reachable, host));
    };
    auto checkSsh = [&](const SshOverrides &ssh, const QString &path) {
        if (!ssh.user.isEmpty())
            if (QString m = checkUser(ssh.user); !m.isEmpty())
                error(path + QStringLiteral(".user"), m);
        if (ssh.port)
            if (QString m = checkPort(*ssh.port); !m.isEmpty())
                error(path + QStringLiteral(".port"), m);
        if (hasLineBreakOrNul(ssh.identityFile)) {
            error(path + QStringLiteral(".identityFile"), tr("must not contain NUL or line breaks"));
        } else if (!ssh.identityFile.isEmpty()) {
            // A warning only: the project may be edited on another computer than the one that deploys.
            QString file = ssh.identityFile;
            if (file.startsWith(QLatin1String("~/")))
                file = QDir::homePath() + file.mid(1);
            if (!QFileInfo(file).isFile())
                warning(path + QStringLiteral(".identityFile"),
                        tr("the key file %1 does not exist on this computer; choose the private key, e.g. "
                           "~/.ssh/id_ed25519")
                            .arg(ssh.identityFile));
        }
        if (QString m = checkJumpHost(ssh.jumpHost); !m.isEmpty())
            error(path + QStringLiteral(".jumpHost"), m);
    };

    const QString version = p.templates.kubefateVersion;
    const bool era11 = version == QLatin1String("1.1.0");
    if (p.name.trimmed().isEmpty())
        warning(QStringLiteral("name"), tr("the project has no name"));

    // Templates.
    if (version.isEmpty())
        error(QStringLiteral("templates.kubefateVersion"), tr("is required"));
    else if (!knownKubefateVersions().contains(version))
        error(QStringLiteral("templates.kubefateVersion"),
              tr("KubeFATE \"%1\" is not supported yet; supported versions: %2")
                  .arg(version, knownKubefateVersions().join(QStringLiteral(", "))));
    if (!p.templates.sha256.isEmpty()) {
        static const QRegularExpression sha(QStringLiteral("^[0-9A-Fa-f]{64}\\z"));
        if (!sha.match(p.templates.sha256).hasMatch())
            error(QStringLiteral("templates.sha256"),
                  tr("\"%1\" is not a SHA-256 checksum (64 hexadecimal digits)").arg(p.templates.sha256));
    }
    if (p.templates.kind != TemplateSource::Kind::Url && p.templates.location.trimmed().isEmpty())
        warning(QStringLiteral("templates.location"),
                tr("no KubeFATE templates chosen: choose a KubeFATE folder or release archive, or download tag %1")
                    .arg(version));
    if (hasLineBreakOrNul(p.templates.location))
        error(QStringLiteral("templates.location"), tr("must not contain NUL or line breaks"));
    else if (p.templates.kind == TemplateSource::Kind::Url && !p.templates.location.isEmpty()
             && !isHttpUrl(p.templates.location))
        error(QStringLiteral("templates.location"),
              tr("\"%1\" is not an http:// or https:// address").arg(p.templates.location));
    if (!p.templates.mirrorBase.isEmpty() && !isHttpUrl(p.templates.mirrorBase))
        error(QStringLiteral("templates.mirrorBase"),
              tr("\"%1\" is not an http:// or https:// address").arg(p.templates.mirrorBase));

    // Deploy defaults.
    if (QString m = checkUser(p.user); !m.isEmpty())
        error(QStringLiteral("deploy.user"), m);
    if (QString m = checkDir(p.baseDir); !m.isEmpty())
        error(QStringLiteral("deploy.baseDir"), m);
    if (QString m = checkPort(p.sshPort); !m.isEmpty())
        error(QStringLiteral("deploy.sshPort"), m);

    // Images and registry.
    static const QRegularExpression imageName(
        QStringLiteral("^[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*(/[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*)*\\z"));
    static const QRegularExpression tagName(QStringLiteral("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}\\z"));
    if (!imageName.match(p.images.prefix).hasMatch())
        error(QStringLiteral("images.prefix"),
              tr("\"%1\" is not a valid image prefix (lowercase letters, digits, and . _ - / between them)")
                  .arg(p.images.prefix));
    const std::pair<const char *, QString> tags[] = {
        {"images.tag", p.images.tag}, {"images.baseTag", p.images.baseTag}, {"images.builderTag", p.images.builderTag}};
    for (const auto &[field, tag] : tags) {
        if (!tagName.match(tag).hasMatch())
            error(QLatin1String(field), tr("\"%1\" is not a valid image tag").arg(tag));
    }
    if (p.registry.usePrivate) {
        if (QString m = checkRegistryUri(p.registry.uri); !m.isEmpty())
            error(QStringLiteral("registry.uri"), m);
    }
    static const QRegularExpression badUsername(QStringLiteral("[\\s'\"`$\\\\]"));
    if (p.registry.username.contains(badUsername) || p.registry.username.contains(QChar(0)))
        error(QStringLiteral("registry.username"), tr("must not contain spaces, quotes or $"));
    for (const QString &name : p.registry.dockerHubImages)
        if (!imageName.match(name).hasMatch() || name.startsWith(p.images.prefix + QLatin1Char('/'))) {
            error(
                QStringLiteral("registry.dockerHubImages"),
                tr("\"%1\" is not a third-party image name; list names such as mysql, redis (without tag)").arg(name));
            break;
        }

    // Parties.
    if (p.parties.isEmpty())
        error(QStringLiteral("parties"), tr("add at least one party"));
    QHash<int, int> firstIndexOfId;
    QHash<QString, int> firstIndexOfHost;
    for (qsizetype i = 0; i < p.parties.size(); ++i) {
        const Party &party = p.parties.at(i);
        const QString path = QStringLiteral("parties[%1]").arg(i);
        if (party.id <= 0)
            error(path + QStringLiteral(".id"), tr("%1 is not a positive whole number").arg(party.id));
        else if (firstIndexOfId.contains(party.id))
            error(path + QStringLiteral(".id"),
                  tr("%1 is already used by parties[%2]").arg(party.id).arg(firstIndexOfId.value(party.id)));
        else
            firstIndexOfId.insert(party.id, int(i));
        if (QString m = checkHost(party.host); !m.isEmpty()) {
            error(path + QStringLiteral(".host"), m);
        } else {
            if (p.parties.size() > 1 && isLoopback(party.host))
                warning(path + QStringLiteral(".host"),
                        tr("%1 is a loopback address; the other parties cannot reach it").arg(party.host));
            if (firstIndexOfHost.contains(party.host.toLower())) {
                if (era11)
                    warning(path + QStringLiteral(".host"),
                            tr("%1 also runs parties[%2]; FATE 1.1 publishes ports 9370, 8080, 9360 and 9380 on "
                               "the host, so the two parties would clash")
                                .arg(party.host)
                                .arg(firstIndexOfHost.value(party.host.toLower())));
            } else {
                firstIndexOfHost.insert(party.host.toLower(), int(i));
            }
        }
        checkSsh(party.ssh, path + QStringLiteral(".ssh"));
        if (!party.dir.isEmpty())
            if (QString m = checkDir(party.dir); !m.isEmpty())
                error(path + QStringLiteral(".dir"), m);
        if (party.notes.contains(QChar(0)))
            error(path + QStringLiteral(".notes"), tr("must not contain NUL"));
        checkReachable(party.host, party.reachableAddress, party.reachablePort, party.notes, party.external, path);
    }

    // Exchange.
    if (era11 && !p.exchange.enabled)
        error(QStringLiteral("exchange.enabled"), tr("KubeFATE %1 always deploys an exchange").arg(version));
    if (p.exchange.enabled) {
        if (version == QLatin1String("2.0.0"))
            warning(QStringLiteral("exchange.enabled"),
                    tr("KubeFATE 2.0.0's parties never route to the exchange, so it has no effect; disable it"));
        if (QString m = checkHost(p.exchange.host); !m.isEmpty()) {
            error(QStringLiteral("exchange.host"), m);
        } else if (p.parties.size() > 1 && isLoopback(p.exchange.host)) {
            warning(QStringLiteral("exchange.host"),
                    tr("%1 is a loopback address; the parties cannot reach it").arg(p.exchange.host));
        }
        if (QString m = checkPort(p.exchange.port); !m.isEmpty()) {
            error(QStringLiteral("exchange.port"), m);
        } else if (firstIndexOfHost.contains(p.exchange.host.toLower())
                   && partyHostPorts(version).contains(p.exchange.port)) {
            error(QStringLiteral("exchange.port"),
                  tr("%1 is already published on %2 by parties[%3]; use another port (KubeFATE uses 9371)")
                      .arg(p.exchange.port)
                      .arg(p.exchange.host)
                      .arg(firstIndexOfHost.value(p.exchange.host.toLower())));
        }
        checkSsh(p.exchange.ssh, QStringLiteral("exchange.ssh"));
        checkReachable(p.exchange.host,
                       p.exchange.reachableAddress,
                       p.exchange.reachablePort,
                       p.exchange.notes,
                       p.exchange.external,
                       QStringLiteral("exchange"));
        if (!p.exchange.dir.isEmpty())
            if (QString m = checkDir(p.exchange.dir); !m.isEmpty())
                error(QStringLiteral("exchange.dir"), m);
    }

    checkEra(p, issues);

    // Verification.
    if (p.verification.guestId != 0 && !p.party(p.verification.guestId))
        error(QStringLiteral("verification.guestId"),
              tr("%1 is not a party of this project").arg(p.verification.guestId));
    if (p.verification.hostId != 0 && !p.party(p.verification.hostId))
        error(QStringLiteral("verification.hostId"),
              tr("%1 is not a party of this project").arg(p.verification.hostId));
    else if (p.parties.size() >= 2 && p.guestId() == p.hostId())
        error(QStringLiteral("verification.hostId"),
              tr("the guest and the host must be two different parties; both are %1").arg(p.hostId()));
    else if (const Party *guest = p.party(p.guestId()); guest && guest->external)
        error(QStringLiteral("verification.guestId"),
              tr("party %1 is deployed by another team, and the toy example runs on the guest's host; choose one "
                 "of your parties as the guest")
                  .arg(guest->id));
    if (!p.parties.isEmpty() && (!p.exchange.enabled || p.exchange.external)
        && std::all_of(p.parties.cbegin(), p.parties.cend(), [](const Party &party) { return party.external; }))
        warning(QStringLiteral("parties"),
                tr("every host is deployed by another team, so this project deploys nothing; mark your own "
                   "parties as yours"));
    if (p.verification.timeoutSeconds < 10 || p.verification.timeoutSeconds > 3600)
        error(QStringLiteral("verification.timeoutSeconds"), tr("must be between 10 and 3600 seconds"));

    return issues;
}

void Validator::checkEra(const Project &p, QList<ValidationIssue> &issues)
{
    auto error = [&issues](const QString &field, const QString &message) {
        issues.append({ValidationIssue::Severity::Error, field, message});
    };
    auto warning = [&issues](const QString &field, const QString &message) {
        issues.append({ValidationIssue::Severity::Warning, field, message});
    };
    const QString version = p.templates.kubefateVersion;
    const KubefateEra era = kubefateEra(version);
    if (!eraHasServing(era)) {
        for (qsizetype i = 0; i < p.parties.size(); ++i) {
            if (!p.parties.at(i).servingHost.isEmpty())
                warning(QStringLiteral("parties[%1].servingHost").arg(i),
                        tr("KubeFATE %1 has no FATE-Serving bundle; the serving host is ignored").arg(version));
        }
    }
    if (!eraHasEngine(era))
        return;

    // The combinations of KubeFATE's CheckConfig for the era (with ALL accepted, see era.h).
    const EngineSettings &e = p.engine;
    auto oneOf = [&](const char *field, const QString &value, const QStringList &choices, const QString &why) {
        if (choices.contains(value))
            return true;
        error(QLatin1String(field),
              why.isEmpty() ? tr("\"%1\" is not one of %2 (KubeFATE %3)")
                                  .arg(value.left(80), choices.join(QStringLiteral(", ")), version)
                            : tr("\"%1\" is not possible with computing %2; choose %3")
                                  .arg(value.left(80), why, choices.join(tr(" or "))));
        return false;
    };
    if (oneOf("engine.computing", e.computing, computingChoices(era), {})) {
        oneOf("engine.federation", e.federation, federationChoices(era, e.computing), e.computing);
        oneOf("engine.storage", e.storage, storageChoices(era, e.computing), e.computing);
    }
    oneOf("engine.algorithm", e.algorithm, algorithmChoices(era), {});
    oneOf("engine.device", e.device, deviceChoices(era), {});
    if (e.computeCore < 1 || e.computeCore > 4096)
        error(QStringLiteral("engine.computeCore"),
              tr("%1 is not a number of cores between 1 and 4096").arg(e.computeCore));
    if (e.gpuCount < 1 || e.gpuCount > 64)
        error(QStringLiteral("engine.gpuCount"), tr("%1 is not a number of GPUs between 1 and 64").arg(e.gpuCount));
    // Values end up in YAML, properties files and bash: keep them to characters that need no quoting there.
    static const QRegularExpression nameNode(
        QRegularExpression::anchoredPattern(QStringLiteral("hdfs://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._/-]*)?")));
    if (!nameNode.match(e.nameNode).hasMatch())
        error(QStringLiteral("engine.nameNode"),
              tr("\"%1\" is not an HDFS address such as hdfs://namenode:9000").arg(e.nameNode.left(80)));

    if (QString m = checkHost(p.mysql.host); !m.isEmpty())
        error(QStringLiteral("mysql.host"), m);
    static const QRegularExpression sqlName(QRegularExpression::anchoredPattern(QStringLiteral("[A-Za-z0-9_]{1,32}")));
    if (!sqlName.match(p.mysql.user).hasMatch())
        error(QStringLiteral("mysql.user"),
              tr("\"%1\" is not a MySQL user name (1 to 32 letters, digits and _)").arg(p.mysql.user.left(80)));
    if (!sqlName.match(p.mysql.database).hasMatch())
        error(QStringLiteral("mysql.database"),
              tr("\"%1\" is not a database name (1 to 32 letters, digits and _)").arg(p.mysql.database.left(80)));
    static const QRegularExpression timezone(
        QRegularExpression::anchoredPattern(QStringLiteral("[A-Za-z0-9_/+:.-]{1,64}")));
    if (!timezone.match(p.mysql.serverTimezone).hasMatch())
        error(QStringLiteral("mysql.serverTimezone"),
              tr("\"%1\" is not a time zone such as UTC or Asia/Shanghai").arg(p.mysql.serverTimezone.left(80)));
    static const QRegularExpression login(QRegularExpression::anchoredPattern(QStringLiteral("[A-Za-z0-9_.@-]{1,64}")));
    const std::pair<const char *, QString> logins[]
        = {{"logins.fateboardUser", p.logins.fateboardUser}, {"logins.servingAdminUser", p.logins.servingAdminUser}};
    for (const auto &[field, name] : logins) {
        if (!login.match(name).hasMatch())
            error(QLatin1String(field),
                  tr("\"%1\" is not a login name (1 to 64 letters, digits and _ . @ -)").arg(name.left(80)));
    }
    static const QRegularExpression tagName(
        QRegularExpression::anchoredPattern(QStringLiteral("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}")));
    if (!tagName.match(p.images.servingTag).hasMatch())
        error(QStringLiteral("images.servingTag"), tr("\"%1\" is not a valid image tag").arg(p.images.servingTag));

    // Serving hosts: optional per party; two serving bundles on one host publish the same ports.
    QHash<QString, int> firstServing;
    for (qsizetype i = 0; i < p.parties.size(); ++i) {
        const QString host = p.parties.at(i).servingHost;
        if (host.isEmpty())
            continue;
        const QString field = QStringLiteral("parties[%1].servingHost").arg(i);
        if (QString m = checkHost(host); !m.isEmpty()) {
            error(field, m);
        } else if (firstServing.contains(host.toLower())) {
            error(field,
                  tr("%1 already runs the serving of parties[%2]; FATE-Serving publishes ports 8000, 8059, 8869 and "
                     "8350 on the host, so the two would clash")
                      .arg(host)
                      .arg(firstServing.value(host.toLower())));
        } else {
            firstServing.insert(host.toLower(), int(i));
        }
    }
}

bool Validator::hasErrors(const QList<ValidationIssue> &issues)
{
    return std::any_of(issues.cbegin(), issues.cend(), [](const ValidationIssue &i) {
        return i.severity == ValidationIssue::Severity::Error;
    });
}

} // namespace FateDeployer
