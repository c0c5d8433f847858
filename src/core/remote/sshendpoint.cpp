// SPDX-License-Identifier: Apache-2.0
#include "remote/sshendpoint.h"
#include "util/tr.h"

#include <QCoreApplication>

namespace FateDeployer {

QString SshEndpoint::displayName() const
{
    QString s;
    if (!user.isEmpty())
        s += user + u'@';
    s += host.contains(u':') ? u'[' + host + u']' : host;
    if (port > 0)
        s += u':' + QString::number(port);
    return s;
}

Result<SshEndpoint> SshEndpoint::parseHostSpec(const QString &spec)
{
    const QString s = spec.trimmed();
    SshEndpoint e;
    if (s.isEmpty())
        return Error{tr("The jump host is empty. Write it as [user@]host[:port].")};
    QString rest = s;
    const qsizetype at = rest.lastIndexOf(u'@');
    if (at >= 0) {
        e.user = rest.left(at);
        rest = rest.mid(at + 1);
        if (e.user.isEmpty())
            return Error{tr("The jump host \"%1\" has an empty user name before \"@\".").arg(s)};
    }
    QString portText;
    if (rest.startsWith(u'[')) {
        const qsizetype close = rest.indexOf(u']');
        if (close < 0)
            return Error{tr("The jump host \"%1\" has an unclosed \"[\" around its address.").arg(s)};
        e.host = rest.mid(1, close - 1);
        const QString after = rest.mid(close + 1);
        if (after.startsWith(u':'))
            portText = after.mid(1);
        else if (!after.isEmpty())
            return Error{tr("The jump host \"%1\" has unexpected text after \"]\".").arg(s)};
    } else {
        const qsizetype colon = rest.indexOf(u':');
        if (colon >= 0 && rest.indexOf(u':', colon + 1) < 0) {
            e.host = rest.left(colon);
            portText = rest.mid(colon + 1);
        } else {
            e.host = rest; // a bare IPv6 address or a name
        }
    }
    if (e.host.isEmpty() || e.host.contains(u' ') || e.host.contains(u'/'))
        return Error{tr("The jump host \"%1\" has no valid host name.").arg(s)};
    if (!portText.isEmpty() || (s.endsWith(u':'))) {
        bool ok = false;
        const int port = portText.toInt(&ok);
        if (!ok || port < 1 || port > 65535)
            return Error{tr("The jump host \"%1\" has an invalid port; use a number from 1 to 65535.").arg(s)};
        e.port = port;
    }
    return e;
}

Result<SshEndpoint> SshEndpoint::jumpEndpoint() const
{
    // A chain "a,b" (OpenSSH's ProxyJump order: a first) reaches the target through b, and b through a:
    // the returned endpoint is b with jumpHost "a", which its own session tunnels in turn.
    QStringList hops = jumpHost.split(u',');
    const QString last = hops.takeLast();
    auto parsed = parseHostSpec(last);
    if (!parsed)
        return parsed;
    for (const QString &hop : std::as_const(hops))
        if (hop.trimmed().isEmpty())
            return Error{tr("The jump host list \"%1\" has an empty entry between commas.").arg(jumpHost)};
    SshEndpoint j = parsed.value();
    j.jumpHost = hops.join(u',');
    if (j.user.isEmpty())
        j.user = user;
    j.identityFile = identityFile;
    j.auth = auth;
    j.knownHostsFile = knownHostsFile;
    j.sshConfigFile = sshConfigFile;
    j.hostKeyPolicy = hostKeyPolicy;
    j.connectTimeoutSeconds = connectTimeoutSeconds;
    j.deadPeerTimeoutSeconds = deadPeerTimeoutSeconds;
    return j;
}

} // namespace FateDeployer
