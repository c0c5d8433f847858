// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jobs/plan.h"
#include "remote/canceltoken.h"
#include "remote/shellcommand.h"
#include "remote/sshsession.h"
#include "util/result.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <memory>

namespace FateDeployer {

enum class OutputStream;

/// Feeds a remote command's stdin piece by piece: returns bytes written into buf, 0 at the end, -1 on error.
using StdinProducer = std::function<qint64(char *buf, qint64 max)>;

struct CommandRequest
{
    ShellCommand command;                    ///< built with the remote module's ShellCommand, never by hand
    QByteArray stdinData;                    ///< small stdin (e.g. a registry password); not logged
    StdinProducer producer;                  ///< large stdin streamed (a bundle, an image archive)
    int timeoutSeconds = 0;                  ///< overall deadline; 0 = none
    int idleTimeoutSeconds = 0;              ///< no output and no stdin progress for this long fails; 0 = none
    bool pty = false;                        ///< on a pseudo-terminal (docker pull prints its byte progress only there)
    bool quiet = false;                      ///< do not forward lines (polling commands)
    bool cancellable = true;                 ///< false: runs to its end even after cancel (the folder swap, cleanups)
    std::function<void(qint64 sent)> onSent; ///< stdin bytes accepted so far (uploads, image loads)
    /// Sees every output line instead of the default handling (tail, log), also when quiet.
    std::function<void(OutputStream stream, const QString &line)> onLine;
};

struct CommandResult
{
    int exitStatus = -1;
    bool timedOut = false;
    bool idle = false; ///< stopped by the inactivity timeout (no output, no progress)
    bool cancelled = false;
    QString error;                          ///< transport failure (connection lost...), empty otherwise
    ErrorKind errorKind = ErrorKind::Other; ///< of error; RemoteCommand for a non-zero exit
    bool connectionLost = false;            ///< the host stopped answering: nothing more can be done there in this run
    QString stdoutText;
    QString stderrText;

    bool ok() const { return exitStatus == 0 && !timedOut && !idle && !cancelled && error.isEmpty(); }
};

/// A connection to one host, used by one job in one thread. The SSH implementation wraps SshSession;
/// tests use scripted fakes.
class HostChannel
{
public:
    using LineSink = std::function<void(OutputStream stream, const QString &line)>;
    virtual ~HostChannel() = default;

    virtual Status connect() = 0;
    /// After a failed connect(): whether the host key stopped it (the fix is about the key, not the network).
    virtual SshSession::HostKeyProblem hostKeyProblem() const { return SshSession::HostKeyProblem::None; }
    /// Runs one command; lines are passed to sink as they arrive. Honours cancel (kills the remote
    /// process group) and the timeout.
    virtual CommandResult exec(const CommandRequest &request, const LineSink &sink) = 0;
};

/// Makes one channel per job, in the job's thread.
using ChannelFactory = std::function<std::unique_ptr<HostChannel>(const HostTarget &target, const CancelToken &cancel)>;

} // namespace FateDeployer
