// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "remote/canceltoken.h"
#include "remote/shellcommand.h"
#include "remote/sshendpoint.h"
#include "util/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace FateDeployer {

class Prompter;
class SecretStore;

/// One line (or a partial line flushed by the timer / at the end) of a remote command's output.
struct OutputLine
{
    enum class Stream { Stdout, Stderr };
    QString host; ///< SshEndpoint::displayName() of the session
    Stream stream = Stream::Stdout;
    quint64 sequence = 0; ///< per session, increasing across both streams in arrival order
    QString text;         ///< without the trailing newline; invalid UTF-8 replaced
    bool partial = false; ///< no newline yet: the rest of the line follows in the next chunk with partial=false
};

/// Progress of an upload or stream: bytes sent so far; total = -1 when unknown (streams).
using ProgressCallback = std::function<void(qint64 done, qint64 total)>;

/// Produces the data of a streamed upload: returns the next chunk, an empty array at the end, or an Error to
/// abort (the remote command then sees EOF too early and the session reports the Error).
using ChunkProducer = std::function<Result<QByteArray>()>;

struct ExecOptions
{
    /// Called on the job thread for every line as it arrives. May be empty (output then only captured).
    std::function<void(const OutputLine &)> onLine;
    QByteArray stdinData;             ///< sent, then EOF; empty = EOF right away
    int timeoutSeconds = 0;           ///< overall limit; 0 = none. On expiry the remote process group is killed.
    int partialLineFlushMs = 250;     ///< a line without newline is delivered (partial=true) after this long
    qsizetype captureLimit = 1 << 20; ///< bytes of stdout / stderr kept in ExecResult (the rest: streamed only)
    /// Inactivity limit: no output received and no stdin data accepted for this long; 0 = none. A long pull
    /// or upload that keeps making progress never hits it; a silent, stuck command does.
    int idleTimeoutSeconds = 0;
    /// Run the command on a pseudo-terminal (no stdin data then), so that programs such as `docker pull`
    /// print their progress bars; the output then carries terminal escapes and stderr merged into stdout.
    bool pty = false;
};

struct ExecResult
{
    int exitStatus = -1; ///< -1 if killed by a signal or unknown
    QString exitSignal;  ///< e.g. "TERM", "KILL" (without SIG) when the command died from a signal
    QByteArray stdOut;   ///< first captureLimit bytes
    QByteArray stdErr;
    bool outputTruncated = false;

    bool succeeded() const { return exitSignal.isEmpty() && exitStatus == 0; }
};

/// Why the last exec/streamInto returned an Error (None after a normal end).
enum class ExecStop { None, Cancelled, TimedOut, Idle, ProducerFailed, Lost };

struct UploadOptions
{
    ProgressCallback onProgress;
    QString mode; ///< octal permissions for the final file, e.g. "0644"; empty = umask default
    bool createParentDirs = true;
};

/// One SSH connection to one host, for one host job.
///
/// Create, use and destroy it on ONE thread (libssh sessions are not thread-safe). Only cancel() / the
/// CancelToken may be used from other threads. Every call that waits (connect, exec, uploads, prompts)
/// returns soon after the token is cancelled: exec kills the remote process group (TERM, then KILL after
/// 3 s) over a second channel and checks it is gone before returning an Error "cancelled".
///
/// Errors are translated sentences naming the host and what to do (wrong password, unknown/changed key,
/// refused, timed out, host unreachable, connection lost, command killed by a signal).
class SshSession
{
    Q_DECLARE_TR_FUNCTIONS(FateDeployer::SshSession)

public:
    /// Why connect() stopped at the host key, if it did: the fix differs (accept a new key vs. check a changed one).
    enum class HostKeyProblem { None, Unknown, Changed };

    /// prompter and secrets may be null (no questions → an Error where a question would be needed; no keychain).
    SshSession(SshEndpoint endpoint, Prompter *prompter, SecretStore *secrets, CancelToken cancel = {});
    ~SshSession();
    SshSession(const SshSession &) = delete;
    SshSession &operator=(const SshSession &) = delete;

    /// TCP connect (through the jump host if any), key exchange, host key check, authentication.
    Status connect();
    bool isConnected() const;
    void disconnect();

    /// Runs `command` under the login shell (wrapped so it gets its own process group and runs in POSIX sh),
    /// streams its output, and returns its exit status/signal. A non-zero exit is NOT an Error (see
    /// ExecResult::succeeded); Errors are transport failures, timeouts and cancellation.
    Result<ExecResult> exec(const ShellCommand &command, const ExecOptions &options = {});

    /// Uploads a local file to remotePath: written to "<remotePath>.fd-part-<random>", then size and sha256
    /// computed remotely are compared with ours, then renamed over remotePath (atomic on one filesystem).
    /// On any failure the temporary file is removed and remotePath is left as it was.
    Status uploadFile(const QString &localPath, const QString &remotePath, const UploadOptions &options = {});
    /// The same for bytes in memory.
    Status uploadData(const QByteArray &data, const QString &remotePath, const UploadOptions &options = {});

    /// Streams producer's chunks into the stdin of `command` (e.g. `tar -xzf - -C DIR`), no temporary file.
    /// Never hangs if the remote command exits early: the result then carries its exit status and stderr.
    Result<ExecResult> streamInto(const ShellCommand &command,
                                  const ChunkProducer &producer,
                                  const ProgressCallback &onProgress = {},
                                  const ExecOptions &options = {});

    /// Why the last exec()/streamInto() stopped early (ExecStop::None if it ran to its end).
    ExecStop lastStop() const;

    /// Cancels whatever runs now and everything after (same as cancelling the token). Thread-safe.
    void cancel();
    CancelToken cancelToken() const;

    const SshEndpoint &endpoint() const;
    QString displayName() const;
    /// After connect(): what the server offered ("publickey", "password", "keyboard-interactive", ...)
    /// and what was tried, in order; also named in the authentication failure message.
    QStringList offeredAuthMethods() const;
    QStringList triedAuthMethods() const;
    /// After connect(): the host key's SHA256 fingerprint (OpenSSH format) and type.
    QString hostKeyFingerprint() const;
    QString hostKeyType() const;
    HostKeyProblem hostKeyProblem() const;

private:
    friend class JumpTunnel; // takes over a connected session to carry another session's traffic
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace FateDeployer
