// SPDX-License-Identifier: Apache-2.0
#include "jobs/sshchannel.h"

#include "jobs/events.h"
#include "remote/sshsession.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QMutex>

#include <condition_variable>
#include <mutex>
#include <thread>

namespace FateDeployer {

namespace {

constexpr qint64 ChunkSize = 256 * 1024;

/// Wraps SshSession. The session has its own cancel token; a watcher cancels it when the run is cancelled,
/// except while a command that must not be interrupted (the folder swap, cleanups) runs. A command that must
/// run after a cancel gets a fresh session.
class SshChannel : public HostChannel
{
public:
    SshChannel(SshEndpoint endpoint, const SshChannelOptions &options, CancelToken runCancel)
        : m_endpoint(std::move(endpoint))
        , m_options(options)
        , m_runCancel(std::move(runCancel))
    {
        m_session = std::make_unique<SshSession>(m_endpoint, m_options.prompter, m_options.secrets, m_sessionCancel);
        m_watcher = std::thread([this] { watch(); });
    }

    ~SshChannel() override
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_wake.notify_all();
        m_watcher.join();
        m_session.reset();
    }

    Status connect() override { return m_session->connect(); }
    SshSession::HostKeyProblem hostKeyProblem() const override { return m_session->hostKeyProblem(); }

    CommandResult exec(const CommandRequest &request, const LineSink &sink) override
    {
        {
            std::lock_guard lock(m_mutex);
            m_protected = !request.cancellable;
        }
        if (!request.cancellable && m_sessionCancel.isCancelled()) {
            // The run was cancelled; this command must still run: new session, token of its own.
            m_session.reset();
            {
                std::lock_guard lock(m_mutex);
                m_sessionCancel = CancelToken();
            }
            m_session
                = std::make_unique<SshSession>(m_endpoint, m_options.prompter, m_options.secrets, m_sessionCancel);
            if (Status s = m_session->connect(); !s) {
                CommandResult r;
                r.error = s.error();
                r.errorKind = s.errorKind();
                r.cancelled = s.errorKind() == ErrorKind::Cancelled;
                r.timedOut = s.errorKind() == ErrorKind::Timeout;
                return r;
            }
        }
        CommandResult r = run(request, sink);
        {
            std::lock_guard lock(m_mutex);
            m_protected = false;
        }
        return r;
    }

private:
    CommandResult run(const CommandRequest &request, const LineSink &sink)
    {
        QString pending[2];
        ExecOptions o;
        o.stdinData = request.stdinData;
        o.timeoutSeconds = request.timeoutSeconds;
        o.idleTimeoutSeconds = request.idleTimeoutSeconds;
        o.pty = request.pty;
        o.onLine = [&](const OutputLine &line) {
            const int i = line.stream == OutputLine::Stream::Stderr ? 1 : 0;
            if (line.partial) {
                pending[i] += line.text;
                return;
            }
            const QString text = pending[i] + line.text;
            pending[i].clear();
            sink(i ? OutputStream::Stderr : OutputStream::Stdout, text);
        };
        Result<ExecResult> result = Error{};
        if (request.producer) {
            const StdinProducer producer = request.producer;
            ChunkProducer chunks = [producer]() -> Result<QByteArray> {
                QByteArray buf(ChunkSize, Qt::Uninitialized);
                const qint64 n = producer(buf.data(), ChunkSize);
                if (n < 0)
                    return Error{QCoreApplication::translate("FateDeployer::SshChannel", "cannot read the local file")};
                buf.resize(n);
                return buf;
            };
            ProgressCallback sent;
            if (request.onSent)
                sent = [&request](qint64 done, qint64) { request.onSent(done); };
            result = m_session->streamInto(request.command, chunks, sent, o);
        } else {
            result = m_session->exec(request.command, o);
        }
        for (int i = 0; i < 2; ++i)
            if (!pending[i].isEmpty())
                sink(i ? OutputStream::Stderr : OutputStream::Stdout, pending[i]);
        CommandResult r;
        if (!result) {
            // The session says why it stopped; nothing is guessed from the time that passed.
            r.error = result.error();
            r.errorKind = result.errorKind();
            r.cancelled = m_sessionCancel.isCancelled() || result.errorKind() == ErrorKind::Cancelled;
            r.idle = !r.cancelled && m_session->lastStop() == ExecStop::Idle;
            r.timedOut = !r.cancelled && m_session->lastStop() == ExecStop::TimedOut;
            if (r.idle || r.timedOut)
                r.errorKind = ErrorKind::Timeout;
            r.connectionLost = !r.cancelled && (m_session->lastStop() == ExecStop::Lost || !m_session->isConnected());
            return r;
        }
        r.exitStatus = result->exitSignal.isEmpty() ? result->exitStatus : -1;
        r.stdoutText = QString::fromUtf8(result->stdOut);
        r.stderrText = QString::fromUtf8(result->stdErr);
        if (r.exitStatus != 0)
            r.errorKind = ErrorKind::RemoteCommand;
        if (!result->exitSignal.isEmpty())
            r.error = QCoreApplication::translate("FateDeployer::SshChannel", "killed by signal %1")
                          .arg(result->exitSignal);
        return r;
    }

    void watch()
    {
        std::unique_lock lock(m_mutex);
        while (!m_stop) {
            m_wake.wait_for(lock, std::chrono::milliseconds(50));
            if (m_runCancel.isCancelled() && !m_protected && !m_sessionCancel.isCancelled())
                m_sessionCancel.cancel();
        }
    }

    SshEndpoint m_endpoint;
    SshChannelOptions m_options;
    CancelToken m_runCancel;
    CancelToken m_sessionCancel;
    std::unique_ptr<SshSession> m_session;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_protected = false;
    bool m_stop = false;
    std::thread m_watcher;
};

} // namespace

SshChannelOptions SshChannelOptions::forProject(const Project &project, const QString &projectFilePath)
{
    SshChannelOptions o;
    o.knownHostsFile = project.knownHostsFile;
    if (!o.knownHostsFile.isEmpty() && QFileInfo(o.knownHostsFile).isRelative() && !projectFilePath.isEmpty())
        o.knownHostsFile = QFileInfo(projectFilePath).absoluteDir().filePath(o.knownHostsFile);
    return o;
}

SshEndpoint endpointFor(const HostTarget &target, const SshChannelOptions &options)
{
    SshEndpoint e;
    e.host = target.address;
    e.port = target.port;
    e.user = target.user;
    e.identityFile = target.ssh.identityFile;
    e.auth = target.ssh.auth;
    e.jumpHost = target.ssh.jumpHost;
    e.knownHostsFile = options.knownHostsFile;
    e.sshConfigFile = options.sshConfigFile;
    e.hostKeyPolicy = options.hostKeyPolicy;
    e.connectTimeoutSeconds = options.connectTimeoutSeconds;
    return e;
}

ChannelFactory sshChannelFactory(const SshChannelOptions &options)
{
    return [options](const HostTarget &target, const CancelToken &cancel) -> std::unique_ptr<HostChannel> {
        return std::make_unique<SshChannel>(endpointFor(target, options), options, cancel);
    };
}

} // namespace FateDeployer
