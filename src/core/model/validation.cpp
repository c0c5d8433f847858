// SPDX-License-Identifier: Apache-2.0
#include "model/validation.h"

#include <QCoreApplication>
#include <QHash>
#include <QHostAddress>
#include <QRegularExpression>

namespace FateDeployer {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("FateDeployer::Validator", text);
}

bool looksLikeIpv4(const QString &host)
{
    static const QRegularExpression re(QStringLiteral("^[0-9]+(\\.[0-9]+){3}$"));
    return re.match(host).hasMatch();
}

bool isDnsName(const QString &host)
{
    // RFC 1123 labels; at most 253 characters.
    static const QRegularExpression re(QStringLiteral("^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.["
                                                      "A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$"));
    return re.match(host).hasMatch();
}

} // namespace

QString ValidationIssue::toString() const
{
    return field.isEmpty() ? message : field + QStringLiteral(": ") + message;
}

QString Validator::checkHost(const QString &host)
{
    if (host.isEmpty())
        return tr("is required");
    QHostAddress address;
    if (looksLikeIpv4(host)) {
        if (address.setAddress(host) && address.protocol() == QAbstractSocket::IPv4Protocol)
            return {};
        return tr("\"%1\" is not a valid IPv4 address or host name").arg(host);
    }
    if (host.contains(QLatin1Char(':'))) {
        if (address.setAddress(host) && address.protocol() == QAbstractSocket::IPv6Protocol)
            return {};
        return tr("\"%1\" is not a valid IPv6 address").arg(host);
    }
    if (isDnsName(host))
        return {};
    return tr("\"%1\" is not a valid IPv4 address or host name").arg(host);
}

QString Validator::checkUser(const QString &user)
{
    static const QRegularExpression re(QStringLiteral("^[a-z_][a-z0-9_-]{0,31}\\$?$"));
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
    if (dir.contains(QChar(0)) || dir.contains(QLatin1Char('\n')) || dir.contains(QLatin1Char('\r')))
        return tr("must not contain NUL or line breaks");
    if (!dir.startsWith(QLatin1Char('/')))
        return tr("\"%1\" is not an absolute path").arg(dir);
    if (dir == QLatin1String("/"))
        return tr("must not be the root directory");
    const QStringList parts = dir.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (parts.contains(QStringLiteral("..")))
        return tr("\"%1\" must not contain \"..\"").arg(dir);
    return {};
}

QString Validator::checkPort(int port)
{
    if (port < 1 || port > 65535)
        return tr("%1 is not a port number between 1 and 65535").arg(port);
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
    auto checkSsh = [&](const SshOverrides &ssh, const QString &path) {
        if (!ssh.user.isEmpty())
            if (QString m = checkUser(ssh.user); !m.isEmpty())
                error(path + QStringLiteral(".user"), m);
        if (ssh.port)
            if (QString m = checkPort(*ssh.port); !m.isEmpty())
                error(path + QStringLiteral(".port"), m);
        if (ssh.identityFile.contains(QChar(0)) || ssh.identityFile.contains(QLatin1Char('\n')))
            error(path + QStringLiteral(".identityFile"), tr("must not contain NUL or line breaks"));
    };

    if (p.name.trimmed().isEmpty())
        warning(QStringLiteral("name"), tr("the project has no name"));
    if (QString m = checkUser(p.user); !m.isEmpty())
        error(QStringLiteral("deploy.user"), m);
    if (QString m = checkDir(p.baseDir); !m.isEmpty())
        error(QStringLiteral("deploy.baseDir"), m);
    if (QString m = checkPort(p.sshPort); !m.isEmpty())
        error(QStringLiteral("deploy.sshPort"), m);

    static const QRegularExpression imageName(QStringLiteral("^[a-z0-9]+([._/-][a-z0-9]+)*$"));
    static const QRegularExpression tagName(QStringLiteral("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$"));
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
        static const QRegularExpression registryUri(
            QStringLiteral("^[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[a-z0-9]+([._-][a-z0-9]+)*)*$"));
        if (p.registry.uri.isEmpty())
            error(QStringLiteral("registry.uri"),
                  tr("a private registry needs its address, e.g. harbor.example.com/fate"));
        else if (!registryUri.match(p.registry.uri).hasMatch())
            error(QStringLiteral("registry.uri"), tr("\"%1\" is not a valid registry address").arg(p.registry.uri));
        if (!p.registry.username.isEmpty() && !checkUser(p.registry.username.toLower()).isEmpty()
            && p.registry.username.contains(QRegularExpression(QStringLiteral("[\\s'\"`$\\\\]"))))
            error(QStringLiteral("registry.username"), tr("must not contain spaces, quotes or $"));
    }

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
        if (QString m = checkHost(party.host); !m.isEmpty())
            error(path + QStringLiteral(".host"), m);
        else if (firstIndexOfHost.contains(party.host.toLower()))
            warning(path + QStringLiteral(".host"),
                    tr("%1 also runs parties[%2]; FATE 1.1 publishes ports 9370, 8080, 9360 and 9380 on "
                       "the host, so the two parties would clash")
                        .arg(party.host)
                        .arg(firstIndexOfHost.value(party.host.toLower())));
        else
            firstIndexOfHost.insert(party.host.toLower(), int(i));
        checkSsh(party.ssh, path + QStringLiteral(".ssh"));
        if (!party.dir.isEmpty())
            if (QString m = checkDir(party.dir); !m.isEmpty())
                error(path + QStringLiteral(".dir"), m);
    }

    const bool needsExchange = p.templates.kubefateVersion.startsWith(QLatin1String("1.1"));
    if (needsExchange && !p.exchange.enabled)
        error(QStringLiteral("exchange.enabled"),
              tr("KubeFATE %1 always deploys an exchange").arg(p.templates.kubefateVersion));
    if (p.exchange.enabled || needsExchange) {
        if (QString m = checkHost(p.exchange.host); !m.isEmpty())
            error(QStringLiteral("exchange.host"), m);
        if (QString m = checkPort(p.exchange.port); !m.isEmpty())
            error(QStringLiteral("exchange.port"), m);
        checkSsh(p.exchange.ssh, QStringLiteral("exchange.ssh"));
        if (!p.exchange.dir.isEmpty())
            if (QString m = checkDir(p.exchange.dir); !m.isEmpty())
                error(QStringLiteral("exchange.dir"), m);
    }

    if (p.verification.guestId != 0 && !p.party(p.verification.guestId))
        error(QStringLiteral("verification.guestId"),
              tr("%1 is not a party of this project").arg(p.verification.guestId));
    if (p.verification.hostId != 0 && !p.party(p.verification.hostId))
        error(QStringLiteral("verification.hostId"),
              tr("%1 is not a party of this project").arg(p.verification.hostId));
    if (p.verification.timeoutSeconds < 10 || p.verification.timeoutSeconds > 3600)
        error(QStringLiteral("verification.timeoutSeconds"), tr("must be between 10 and 3600 seconds"));

    return issues;
}

bool Validator::hasErrors(const QList<ValidationIssue> &issues)
{
    return std::any_of(issues.cbegin(), issues.cend(), [](const ValidationIssue &i) {
        return i.severity == ValidationIssue::Severity::Error;
    });
}

} // namespace FateDeployer
