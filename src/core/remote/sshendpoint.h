// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "util/authmethod.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QString>

namespace FateDeployer {

/// What to do with a host key that is not yet in known_hosts. A CHANGED key is always refused.
enum class HostKeyPolicy {
    Ask,       ///< ask the Prompter (GUI default); no prompter = Refuse
    AcceptNew, ///< append unknown keys silently (CLI --accept-new-host-keys, like StrictHostKeyChecking=accept-new)
    Refuse,    ///< unknown keys are an error (CLI default, like StrictHostKeyChecking=yes)
};

/// Where and how to reach one host. Explicit fields win over ~/.ssh/config; empty/zero fields are filled from
/// ~/.ssh/config (Host aliases, HostName, Port, User, IdentityFile) and then libssh/OpenSSH defaults.
struct SshEndpoint
{
    Q_DECLARE_TR_FUNCTIONS(FateDeployer::SshEndpoint)

public:
    QString host;                          ///< name, address or ~/.ssh/config alias, as the user wrote it
    int port = 0;                          ///< 0 = ~/.ssh/config, else 22
    QString user;                          ///< empty = ~/.ssh/config, else the local user name
    QString identityFile;                  ///< empty = ~/.ssh/config IdentityFile, else ~/.ssh/id_{ed25519,ecdsa,rsa}
    AuthMethod auth = AuthMethod::Default; ///< Default = agent, key files, password, keyboard-interactive
    QString jumpHost;       ///< optional "[user@]host[:port]" reached first (native ProxyJump); empty = ~/.ssh/config's
    QString knownHostsFile; ///< empty = UserKnownHostsFile of ~/.ssh/config, else ~/.ssh/known_hosts (OpenSSH's)
    QString sshConfigFile;  ///< empty = ~/.ssh/config; "none" = do not read any config file
    HostKeyPolicy hostKeyPolicy = HostKeyPolicy::Ask;

    int connectTimeoutSeconds = 15; ///< TCP connect + key exchange
    /// A dead peer (host down, cable cut) is detected this long after it stops acknowledging data; we send
    /// SSH_MSG_IGNORE when idle so even a silent command notices. 0 = the kernel's defaults (minutes).
    int deadPeerTimeoutSeconds = 30;

    /// "user@host:port" for messages (fields as configured; unset parts omitted).
    QString displayName() const;

    /// The jump host as an endpoint of its own: parsed from jumpHost, inheriting knownHostsFile,
    /// sshConfigFile, hostKeyPolicy and timeouts (and identityFile/auth, which usually are the same keys).
    /// Error if jumpHost is empty or malformed. A chain "a,b" gives b with jumpHost "a" (b is reached
    /// through a; SshSession tunnels hop by hop).
    Result<SshEndpoint> jumpEndpoint() const;

    /// Parses "[user@]host[:port]" (IPv6 as "[addr]:port"); fields of the result not present stay empty/0.
    static Result<SshEndpoint> parseHostSpec(const QString &spec);

    bool operator==(const SshEndpoint &) const = default;
};

} // namespace FateDeployer
