// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "remote/canceltoken.h"
#include "remote/sshendpoint.h"
#include "util/result.h"

#include <memory>

#include <QCoreApplication>

struct ssh_session_struct; // libssh's session handle

namespace FateDeployer {

class Prompter;
class SecretStore;
class SshSession;

/// Native ProxyJump (internal to the remote module): a session to the jump host opens a direct-tcpip channel to
/// the target; a pump thread moves bytes between that channel and one end of a socketpair; the target session
/// uses the other end as its socket (SSH_OPTIONS_FD). The jump session belongs to the pump thread once open.
class JumpTunnel
{
    Q_DECLARE_TR_FUNCTIONS(FateDeployer::JumpTunnel)

public:
    static Result<std::unique_ptr<JumpTunnel>> open(const SshEndpoint &jump,
                                                    Prompter *prompter,
                                                    SecretStore *secrets,
                                                    const CancelToken &cancel,
                                                    const QString &targetHost,
                                                    int targetPort);
    ~JumpTunnel();
    JumpTunnel(const JumpTunnel &) = delete;
    JumpTunnel &operator=(const JumpTunnel &) = delete;

    /// The socket for the target session; libssh closes it with that session.
    int socket() const;

private:
    JumpTunnel();
    // Defined in sshsession.cpp, where SshSession's internals are visible.
    static ::ssh_session_struct *rawSession(SshSession &session);
    static void detachEvent(SshSession &session);

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace FateDeployer
