// SPDX-License-Identifier: Apache-2.0
#include "jobs/interpreter.h"

#include "archive/bundlepacker.h"
#include "jobs/hoststate.h"
#include "jobs/remotecommands.h"
#include "model/era.h"
#include "util/tr.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QRegularExpression>
#include <QSet>
#include <QSysInfo>
#include <QThread>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>

#include <memory>

namespace FateDeployer {

namespace {

constexpr int TailLines = 20;

QMutex composeMutex;
QHash<QString, ComposeFlavor> &composeMemory()
{
    static QHash<QString, ComposeFlavor> memory;
    return memory;
}

/// Reads a local file for a remote command's stdin.
StdinProducer fileProducer(const QString &path)
{
    auto file = std::make_shared<QFile>(path);
    return [file](char *buf, qint64 max) -> qint64 {
        if (!file->isOpen() && !file->open(QIODevice::ReadOnly))
            return -1;
        return file->read(buf, max);
    };
}

/// key=value lines of a lock holder (see RemoteCommands::acquireLock).
QHash<QString, QString> lockFields(const QString &text)
{
    QHash<QString, QString> fields;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (eq > 0)
            fields.insert(line.left(eq).trimmed(), line.mid(eq + 1).trimmed());
    }
    return fields;
}

QString oneLine(QString text, int max = 200)
{
    for (QChar &c : text)
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            c = QLatin1Char(' ');
    return text.left(max);
}

/// The last output line worth showing as the reason of a failure (tools print it last), shortened.
QString lastMeaningfulLine(const QStringList &tail)
{
    for (qsizetype i = tail.size() - 1; i >= 0; --i) {
        const QString line = tail.at(i).trimmed();
        if (!line.isEmpty() && !line.startsWith(QLatin1String("fd-pgid=")))
            return line.size() > 200 ? line.left(200) + QStringLiteral("…") : line;
    }
    return {};
}

QString registryHostOf(const QString &uri)
{
    QString u = uri;
    u.remove(QStringLiteral("https://"));
    u.remove(QStringLiteral("http://"));
    return u.section(QLatin1Char('/'), 0, 0);
}

} // namespace

JobInterpreter::JobInterpreter(const HostJob &job,
                               const RunSettings &settings,
                               JobEventSink &sink,
                               const CancelToken &cancel)
    : m_job(job)
    , m_settings(settings)
    , m_sink(sink)
    , m_cancel(cancel)
{
    m_outcome.target = job.target;
}

JobInterpreter::~JobInterpreter() = default;

ComposeFlavor JobInterpreter::rememberedCompose(const QString &hostId)
{
    QMutexLocker lock(&composeMutex);
    return composeMemory().value(hostId, ComposeFlavor::None);
}

void JobInterpreter::rememberCompose(const QString &hostId, ComposeFlavor flavor)
{
    QMutexLocker lock(&composeMutex);
    composeMemory().insert(hostId, flavor);
}

QString JobInterpreter::hostId() const
{
    return QStringLiteral("%1@%2:%3").arg(m_job.target.user, m_job.target.address).arg(m_job.target.port);
}

HostOutcome JobInterpreter::run(const ChannelFactory &factory)
{
    QElapsedTimer total;
    total.start();
    const int count = int(m_job.steps.size());
    bool failed = false;
    bool warned = false;
    for (int i = 0; i < count; ++i) {
        const Step &step = m_job.steps.at(i);
        m_current = step.kind;
        m_currentIndex = i;
        if (cancelled()) {
            StepOutcome o;
            o.kind = step.kind;
            o.result = StepResult::Cancelled;
            m_outcome.steps.append(o);
            continue;
        }
        if (failed) {
            StepOutcome o;
            o.kind = step.kind;
            o.result = StepResult::Skipped;
            m_outcome.steps.append(o);
            m_sink.stepFinished(m_job.target.key, i, count, o);
            continue;
        }
        m_sink.stepStarted(m_job.target.key, i, count, step.kind);
        QElapsedTimer timer;
        timer.start();
        m_tail.clear();
        StepOutcome o = step.kind == StepKind::Connect ? connect(factory) : runStep(step.kind);
        o.kind = step.kind;
        if (cancelled() && o.result == StepResult::Failed)
            o.result = StepResult::Cancelled;
        o.durationMs = timer.elapsed();
        m_outcome.steps.append(o);
        m_sink.stepFinished(m_job.target.key, i, count, o);
        // Preflight checks go on after a failed check (all problems at once), never after a failed connect.
        if ((o.result == StepResult::Failed && (!step.continueOnFailure || step.kind == StepKind::Connect))
            || o.result == StepResult::Cancelled)
            failed = true;
        warned = warned || o.result == StepResult::Warning;
    }
    if (m_lost && (!m_staging.isEmpty() || m_locked)) {
        // Nothing can be done over a dead connection; waiting for it would only hold the run.
        QStringList left;
        for (auto it = m_staging.cbegin(); it != m_staging.cend(); ++it)
            left.append(tr("the staging folder %1 (the next deploy of %2 removes it)").arg(it.value(), it.key()));
        if (m_locked)
            left.append(tr("the lock %1/.fd-lock-%2 (the next run takes it over with --break-lock)")
                            .arg(m_job.target.baseDir, m_job.bundle.name));
        const QString text = tr("Clean-up on the host was skipped because the connection is lost; left there: %1.")
                                 .arg(left.join(QStringLiteral("; ")));
        note(text);
        for (qsizetype i = m_outcome.steps.size() - 1; i >= 0; --i) {
            StepOutcome &failedStep = m_outcome.steps[i];
            if (failedStep.result == StepResult::Failed) {
                failedStep.fix = failedStep.fix.isEmpty() ? text : failedStep.fix + QLatin1Char(' ') + text;
                break;
            }
        }
        m_staging.clear();
        m_locked = false;
    }
    // An interrupted upload leaves no staging folder behind (the swap itself is never interrupted).
    if (!m_staging.isEmpty() && m_channel) {
        CommandRequest r;
        r.timeoutSeconds = 30;
        for (const QString &staging : std::as_const(m_staging))
            exec(RemoteCommands::removePath(staging), r, false);
        m_staging.clear();
    }
    if (!m_dockerConfig.isEmpty()) {
        const QString dir = m_dockerConfig;
        m_dockerConfig.clear(); // the removal itself runs without it
        if (m_lost) {
            note(tr("The connection is lost: the registry login of this run stays in %1 on the host (readable by "
                    "its user only); remove it there.")
                     .arg(dir));
        } else if (m_channel) {
            CommandRequest r;
            r.quiet = true;
            r.timeoutSeconds = 30;
            const CommandResult removed = exec(RemoteCommands::removePath(dir), r, false);
            if (removed.ok())
                note(tr("registry login of this run removed from the host (%1)").arg(dir));
            else
                note(
                    tr("could not remove %1 (the registry login of this run) from the host; remove it there").arg(dir));
        }
    }
    releaseLock();
    dayTwoJobFinished();
    bool anyFailed = false;
    bool anyCancelled = false;
    for (const StepOutcome &o : std::as_const(m_outcome.steps)) {
        anyFailed = anyFailed || o.result == StepResult::Failed;
        anyCancelled = anyCancelled || o.result == StepResult::Cancelled;
    }
    m_outcome.result = anyFailed      ? StepResult::Failed
                       : anyCancelled ? StepResult::Cancelled
                       : warned       ? StepResult::Warning
                                      : StepResult::Ok;
    m_outcome.composeCommand = composeFlavorToString(m_compose);
    m_outcome.durationMs = total.elapsed();
    m_channel.reset();
    return m_outcome;
}

StepOutcome JobInterpreter::runStep(StepKind kind)
{
    if (!m_channel)
        return fail(tr("not connected"), tr("Fix the connection problem reported above and run again."));
    switch (kind) {
    case StepKind::Connect:
        break;
    case StepKind::DockerVersion:
        return dockerVersion();
    case StepKind::ComposeVersion:
        return composeVersion();
    case StepKind::DiskSpace:
        return diskSpace();
    case StepKind::Ports:
        return ports();
    case StepKind::Arch:
        return arch();
    case StepKind::Images:
        return images();
    case StepKind::Registry:
        return registry();
    case StepKind::RegistryLogin:
        return registryLogin();
    case StepKind::LoadImages:
        return loadImages();
    case StepKind::PullImages:
        return pullImages();
    case StepKind::MakeDir:
        return makeDir();
    case StepKind::Upload:
        return eachBundle([this](const HostBundle &b) { return uploadOne(b); });
    case StepKind::StopOld: // serving (which joins the training network) down before training
        return eachBundle([this](const HostBundle &b) { return stopOldOne(b); }, true);
    case StepKind::Swap:
        return eachBundle([this](const HostBundle &b) { return swapOne(b); });
    case StepKind::Up: // training first: it makes the network serving joins
        return eachBundle([this](const HostBundle &b) { return upOne(b); });
    case StepKind::WaitStable:
        return eachBundle([this](const HostBundle &b) { return waitStableOne(b); });
    case StepKind::Status:
        return eachBundle([this](const HostBundle &b) { return statusOne(b); });
    case StepKind::Verify:
        return verify();
    case StepKind::Stop:
    case StepKind::Down:
    case StepKind::RemoveFolder:
        return eachBundle([this, kind](const HostBundle &b) { return teardownOne(kind, b); }, true);
    case StepKind::MatrixListen:
        return matrixListen();
    case StepKind::MatrixProbe:
        return matrixProbe();
    case StepKind::MatrixCleanup:
        return matrixCleanup();
    case StepKind::Drift:
        return drift();
    case StepKind::RollbackSwap:
        return rollbackSwap();
    }
    return fail(tr("unknown step"), QString());
}

StepOutcome JobInterpreter::eachBundle(const std::function<StepOutcome(const HostBundle &)> &one, bool reverse)
{
    QList<const HostBundle *> list = m_job.bundles();
    if (reverse)
        std::reverse(list.begin(), list.end());
    if (list.size() == 1)
        return one(*list.first());
    // The outcome's containers: those of every bundle (Status, WaitStable report theirs one bundle at a time).
    const QList<ContainerStatus> before = m_outcome.containers;
    QList<ContainerStatus> gathered;
    bool reported = false;
    QStringList summaries;
    std::optional<StepOutcome> warning;
    for (const HostBundle *b : std::as_const(list)) {
        m_outcome.containers.clear();
        StepOutcome o = one(*b);
        if (!m_outcome.containers.isEmpty()) {
            reported = true;
            gathered += m_outcome.containers;
        }
        m_outcome.containers = reported ? gathered : before;
        if (o.result == StepResult::Failed || o.result == StepResult::Cancelled)
            return o;
        summaries.append(o.summary);
        if (o.result == StepResult::Warning && !warning)
            warning = o;
    }
    StepOutcome combined = warning ? *warning : ok(QString());
    combined.summary = summaries.join(QStringLiteral("; "));
    return combined;
}

QStringList JobInterpreter::allImages() const
{
    QStringList images;
    for (const HostBundle *b : m_job.bundles())
        for (const QString &image : b->images)
            if (!images.contains(image))
                images.append(image);
    return images;
}

QList<int> JobInterpreter::allPorts() const
{
    QList<int> ports;
    for (const HostBundle *b : m_job.bundles())
        for (int p : b->ports)
            if (!ports.contains(p))
                ports.append(p);
    std::sort(ports.begin(), ports.end());
    return ports;
}

void JobInterpreter::note(const QString &text)
{
    m_sink.output(m_job.target.key, OutputStream::Info, text);
    ++m_outcome.lineCount;
}

void JobInterpreter::progress(qint64 done, qint64 total, const QString &text)
{
    m_sink.stepProgress(m_job.target.key, m_currentIndex, int(m_job.steps.size()), done, total, text);
}

std::function<void(qint64)> JobInterpreter::transferProgress(qint64 total, const QString &what)
{
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    auto lastReport = std::make_shared<qint64>(-1000);
    return [this, total, what, clock, lastReport](qint64 sent) {
        const qint64 now = clock->elapsed();
        if (now - *lastReport < 250 && sent < total)
            return; // a few updates per second are enough for people
        *lastReport = now;
        const QString rate = now > 0 ? humanBytes(sent * 1000 / now) : QStringLiteral("-");
        progress(sent,
                 total,
                 total > 0 ? tr("%1: %2 of %3, %4/s").arg(what, humanBytes(sent), humanBytes(total), rate)
                           : tr("%1: %2, %3/s").arg(what, humanBytes(sent), rate));
    };
}

CommandResult JobInterpreter::exec(const ShellCommand &command, const CommandRequest &base, bool cancellable)
{
    CommandRequest request = base;
    request.command = command;
    if (!m_dockerConfig.isEmpty())
        request.command.env(QStringLiteral("DOCKER_CONFIG"), m_dockerConfig); // the run's registry login
    if (request.timeoutSeconds == 0)
        request.timeoutSeconds = m_settings.commandDeadlineSeconds;
    if (request.idleTimeoutSeconds == 0)
        request.idleTimeoutSeconds = m_settings.inactivityTimeoutSeconds;
    if (!request.quiet)
        note(QStringLiteral("$ ") + command.toString());
    m_tail.clear();
    const QString host = m_job.target.key;
    const bool quiet = request.quiet;
    const auto hook = request.onLine;
    auto sink = [this, host, quiet, hook](OutputStream stream, const QString &line) {
        if (hook) {
            hook(stream, line); // it logs and keeps the tail itself
            return;
        }
        m_tail.append(line);
        if (m_tail.size() > TailLines)
            m_tail.removeFirst();
        if (!quiet) {
            m_sink.output(host, stream, line);
            ++m_outcome.lineCount;
        }
    };
    request.cancellable = cancellable;
    CommandResult result = m_channel->exec(request, sink);
    m_lost = m_lost || result.connectionLost;
    return result;
}

StepOutcome JobInterpreter::ok(const QString &summary) const
{
    StepOutcome o;
    o.kind = m_current;
    o.result = StepResult::Ok;
    o.summary = summary;
    return o;
}

StepOutcome JobInterpreter::warn(const QString &summary, const QString &fix) const
{
    StepOutcome o = ok(summary);
    o.result = StepResult::Warning;
    o.fix = fix;
    return o;
}

StepOutcome JobInterpreter::fail(const QString &summary,
                                 const QString &fix,
                                 const ShellCommand &command,
                                 const CommandResult &result) const
{
    StepOutcome o = ok(summary);
    o.result = result.cancelled ? StepResult::Cancelled : StepResult::Failed;
    o.errorKind = result.cancelled                 ? ErrorKind::Cancelled
                  : result.timedOut || result.idle ? ErrorKind::Timeout
                                                   : result.errorKind;
    o.fix = fix;
    o.command = command.toString();
    o.lastLines = m_tail;
    return o;
}

StepOutcome JobInterpreter::failExec(const QString &what,
                                     const ShellCommand &command,
                                     const CommandResult &r,
                                     const QString &fix) const
{
    QString summary;
    if (r.cancelled)
        summary = tr("%1: cancelled").arg(what);
    else if (r.idle)
        return fail(tr("%1: no output and no progress for %2 s (inactivity timeout)")
                        .arg(what)
                        .arg(m_settings.inactivityTimeoutSeconds),
                    tr("If the command is slow but working, raise the inactivity timeout: option "
                       "--inactivity-timeout of the command line, or \"Inactivity timeout\" in the window's "
                       "settings. Otherwise look on the host for what it waits for."),
                    command,
                    r);
    else if (!r.error.isEmpty())
        summary = tr("%1: %2").arg(what, r.error);
    else if (r.timedOut)
        summary = tr("%1: no answer within the time limit").arg(what);
    else if (const QString last = lastMeaningfulLine(m_tail); !last.isEmpty())
        summary = tr("%1: %2 (exit status %3)").arg(what, last).arg(r.exitStatus); // the real reason, not "1"
    else
        summary = tr("%1: exit status %2").arg(what).arg(r.exitStatus);
    QString fixText = fix.isEmpty() ? tr("Read the last output lines, fix the cause on the host and run again.") : fix;
    if (m_tail.join(QLatin1Char('\n')).contains(QLatin1String("Read-only file system")))
        fixText = tr("The file system holding %1 is mounted read-only on the host (see the last lines): remount it "
                     "read-write (or fix the disk it reports) or choose another base directory, then run again.")
                      .arg(m_job.target.baseDir);
    return fail(summary, fixText, command, r);
}

StepOutcome JobInterpreter::connect(const ChannelFactory &factory)
{
    m_channel = factory(m_job.target, m_cancel);
    if (!m_channel)
        return fail(tr("no connection available"), QString());
    const Status s = m_channel->connect();
    if (!s) {
        const SshSession::HostKeyProblem keyProblem = m_channel->hostKeyProblem();
        m_channel.reset();
        CommandResult why;
        why.errorKind = s.errorKind();
        why.cancelled = s.errorKind() == ErrorKind::Cancelled;
        QString fix;
        if (keyProblem == SshSession::HostKeyProblem::Unknown)
            fix = tr("The host is up; its key is not known yet. Compare the fingerprint above with the host's own "
                     "(ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub on %1), then accept it: confirm it when the "
                     "window asks, or run the CLI on a terminal (it asks) or with --accept-new-host-keys.")
                      .arg(m_job.target.address);
        else if (keyProblem == SshSession::HostKeyProblem::Changed)
            fix = tr("Nothing was sent. Ask the administrator of %1 whether its key really changed (reinstall); only "
                     "then remove the old entry with ssh-keygen -R and accept the new key.")
                      .arg(m_job.target.address);
        else
            fix = tr("Check that the host is up and reachable, that SSH listens on port %1 and that user %2 "
                     "can log in (key, agent or password).")
                      .arg(m_job.target.port)
                      .arg(m_job.target.user);
        return fail(tr("cannot connect to %1:%2 as %3: %4")
                        .arg(m_job.target.address)
                        .arg(m_job.target.port)
                        .arg(m_job.target.user, s.error()),
                    fix,
                    ShellCommand(),
                    why);
    }
    // Deploy and teardown change the host's folders: one run at a time per deployment folder.
    if (m_settings.operation == Operation::Deploy || m_settings.operation == Operation::Teardown
        || m_settings.operation == Operation::Rollback) {
        if (std::optional<StepOutcome> refused = takeLock())
            return *refused;
        return ok(tr("connected to %1; %2 locked for this run").arg(m_job.target.address, m_job.bundle.name));
    }
    return ok(tr("connected to %1").arg(m_job.target.address));
}

std::optional<StepOutcome> JobInterpreter::takeLock()
{
    const QString user = qEnvironmentVariable("USER", qEnvironmentVariable("LOGNAME", QStringLiteral("?")));
    const QString machine = QSysInfo::machineHostName();
    const QString owner = QStringLiteral("run=%1\nuser=%2\nmachine=%3\npid=%4\nstarted=%5\noperation=%6\nproject=%7")
                              .arg(m_settings.runId,
                                   oneLine(user),
                                   oneLine(machine),
                                   QString::number(QCoreApplication::applicationPid()),
                                   QDateTime::currentDateTimeUtc().toString(Qt::ISODate),
                                   operationName(m_settings.operation),
                                   oneLine(m_settings.projectName));
    const QString lockPath = m_job.target.baseDir + QStringLiteral("/.fd-lock-") + m_job.bundle.name;
    CommandRequest rq;
    rq.quiet = true; // the owner text spans lines; the note below says what happened
    rq.timeoutSeconds = 60;
    ShellCommand cmd = RemoteCommands::acquireLock(m_job.target.baseDir, m_job.bundle.name, owner);
    CommandResult r = exec(cmd, rq);
    if (r.exitStatus == RemoteCommands::LockHeld) {
        const QHash<QString, QString> holder = lockFields(r.stdoutText);
        const QString holderRun = holder.value(QStringLiteral("run"));
        const qint64 age = holder.value(QStringLiteral("age")).toLongLong();
        bool goneHere = false;
        bool thisProcess = false;
        if (holder.value(QStringLiteral("machine")) == machine) {
            const qint64 pid = holder.value(QStringLiteral("pid")).toLongLong();
            goneHere = pid > 0 && ::kill(pid_t(pid), 0) != 0 && errno == ESRCH;
            thisProcess = pid == QCoreApplication::applicationPid();
        }
        // A retry of this run, or an earlier run of this process (the window) that could not release it: a
        // process runs a project once at a time (local lock), so that run is over.
        const bool ours = (!holderRun.isEmpty() && holderRun == m_settings.runId) || thisProcess;
        const bool stale = goneHere || age >= m_settings.lockStaleSeconds;
        if (ours || (stale && m_settings.breakStaleLock)) {
            note(tr("taking over the lock %1 of run %2").arg(lockPath, holderRun));
            cmd = RemoteCommands::breakLock(m_job.target.baseDir, m_job.bundle.name, holderRun, owner);
            r = exec(cmd, rq);
        }
        if (r.exitStatus == RemoteCommands::LockHeld) {
            const QHash<QString, QString> now = lockFields(r.stdoutText);
            const QString who = tr("%1 of project \"%2\" by %3@%4 (process %5, connected from %6), started %7 "
                                   "(run %8)")
                                    .arg(now.value(QStringLiteral("operation")),
                                         now.value(QStringLiteral("project")),
                                         now.value(QStringLiteral("user")),
                                         now.value(QStringLiteral("machine")),
                                         now.value(QStringLiteral("pid")),
                                         now.value(QStringLiteral("from"), QStringLiteral("?")),
                                         now.value(QStringLiteral("started")),
                                         now.value(QStringLiteral("run")));
            const QString summary = tr("%1 on this host is in use by another run: %2").arg(m_job.bundle.name, who);
            QString fix;
            if (stale)
                fix = tr("The lock looks stale (%1). If nobody is running FATE Deployer on this host, take it over "
                         "with --break-lock (fate-deployer-cli), or remove %2 on the host.")
                          .arg(goneHere ? tr("its process on this machine is gone") : tr("taken %1 s ago").arg(age),
                               lockPath);
            else
                fix = tr("Wait until that run has finished (or cancel it there), then run again. A lock is only taken "
                         "over when stale: older than %1 s or left by a process that is gone.")
                          .arg(m_settings.lockStaleSeconds);
            StepOutcome o = fail(summary, fix, cmd, r);
            o.lastLines.clear(); // the holder is in the summary; the raw owner lines add nothing
            return o;
        }
    }
    if (!r.ok())
        return failExec(tr("cannot take the lock %1").arg(lockPath),
                        cmd,
                        r,
                        tr("Check that user %1 may write to %2 (read-only file system, permissions, disk full).")
                            .arg(m_job.target.user, m_job.target.baseDir));
    m_locked = true;
    note(tr("lock %1 taken (run %2)").arg(lockPath, m_settings.runId));
    return std::nullopt;
}

void JobInterpreter::releaseLock()
{
    if (!m_locked || !m_channel)
        return;
    CommandRequest rq;
    rq.quiet = true;
    rq.timeoutSeconds = 30;
    const CommandResult r
        = exec(RemoteCommands::releaseLock(m_job.target.baseDir, m_job.bundle.name, m_settings.runId), rq, false);
    if (r.ok())
        note(tr("lock %1/.fd-lock-%2 released").arg(m_job.target.baseDir, m_job.bundle.name));
    else
        note(tr("could not release the lock %1/.fd-lock-%2: %3; the next run from another process needs --break-lock")
                 .arg(m_job.target.baseDir,
                      m_job.bundle.name,
                      r.error.isEmpty() ? tr("exit status %1").arg(r.exitStatus) : r.error));
    m_locked = false;
}

void JobInterpreter::askFacts()
{
    using RemoteCommands::HostFact;
    m_factsAsked = true;
    const bool preflight = m_settings.operation == Operation::Preflight;
    QList<HostFact> wanted;
    const auto want = [&wanted](HostFact f) {
        if (!wanted.contains(f))
            wanted.append(f);
    };
    for (const Step &step : m_job.steps) {
        switch (step.kind) {
        case StepKind::DockerVersion:
            want(HostFact::Docker);
            break;
        case StepKind::ComposeVersion:
            if (!preflight)
                want(HostFact::Docker); // the remembered front end holds for the same Docker version only
            if (pluginEra())
                want(HostFact::ComposeV2);
            else
                want(preflight ? HostFact::ComposeV1 : HostFact::Compose);
            break;
        case StepKind::DiskSpace:
            want(HostFact::Disk);
            break;
        case StepKind::Ports:
            want(HostFact::Ports);
            break;
        case StepKind::Arch:
            want(HostFact::Arch);
            break;
        default:
            break;
        }
    }
    if (wanted.isEmpty())
        return;
    const HostState::Entry known = HostState::load(hostId());
    const QString knownCompose = known.compose == ComposeFlavor::V2Plugin       ? QStringLiteral("v2")
                                 : known.compose == ComposeFlavor::V1Standalone ? QStringLiteral("v1")
                                                                                : QString();
    // The log reads as if each fact had run alone ("$ docker version …" and its lines, as they come), all
    // of them in the step that asked first.
    CommandRequest rq;
    rq.quiet = true; // not the script itself
    const QString host = m_job.target.key;
    auto inStderr = std::make_shared<bool>(false);
    rq.onLine = [this, host, inStderr](OutputStream, const QString &line) {
        if (line.startsWith(QLatin1String("@@fd-fact-end "))) {
            *inStderr = false;
            return;
        }
        if (line.startsWith(QLatin1String("@@fd-fact "))) {
            *inStderr = false;
            const QString name = line.section(QLatin1Char(' '), 1, 1);
            for (HostFact f : {HostFact::Docker,
                               HostFact::Compose,
                               HostFact::ComposeV1,
                               HostFact::ComposeV2,
                               HostFact::Disk,
                               HostFact::Ports,
                               HostFact::Arch})
                if (RemoteCommands::hostFactName(f) == name)
                    note(QStringLiteral("$ ") + RemoteCommands::factCommand(f, m_job.target.baseDir).toString());
            return;
        }
        if (line == QLatin1String("@@fd-fact-stderr")) {
            *inStderr = true;
            return;
        }
        m_sink.output(host, *inStderr ? OutputStream::Stderr : OutputStream::Stdout, line);
        ++m_outcome.lineCount;
    };
    const CommandResult r
        = exec(RemoteCommands::hostFacts(wanted, m_job.target.baseDir, knownCompose, known.dockerVersion), rq);
    if (r.ok())
        m_facts = Parsers::hostFacts(r.stdoutText);
    // else every fact runs as its own command, and a failure is reported by its step with its own reason
}

CommandResult JobInterpreter::fact(RemoteCommands::HostFact f)
{
    const ShellCommand single = RemoteCommands::factCommand(f, m_job.target.baseDir);
    if (!m_factsAsked)
        askFacts();
    const auto it = m_facts.constFind(RemoteCommands::hostFactName(f));
    if (it == m_facts.constEnd() || m_lost)
        return exec(single);
    // Logged when the facts came (askFacts); the tail is this fact's own lines, for a failure report.
    m_tail.clear();
    for (const QString &text : {it->stdoutText, it->stderrText})
        for (const QString &line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            m_tail.append(line);
            if (m_tail.size() > TailLines)
                m_tail.removeFirst();
        }
    CommandResult r;
    r.exitStatus = it->exitStatus;
    r.errorKind = it->exitStatus == 0 ? ErrorKind::Other : ErrorKind::RemoteCommand;
    r.stdoutText = it->stdoutText;
    r.stderrText = it->stderrText;
    return r;
}

StepOutcome JobInterpreter::dockerVersion()
{
    const ShellCommand cmd = RemoteCommands::dockerServerVersion();
    const CommandResult r = fact(RemoteCommands::HostFact::Docker);
    const QString all = r.stdoutText + r.stderrText;
    if (!r.ok()) {
        if (r.exitStatus == 127 || all.contains(QLatin1String("not found")))
            return failExec(tr("Docker is not installed"), cmd, r, tr("Install Docker CE 18.09 or later on the host."));
        if (all.contains(QLatin1String("permission denied"), Qt::CaseInsensitive))
            return failExec(tr("user %1 may not use Docker").arg(m_job.target.user),
                            cmd,
                            r,
                            tr("Add the user to the docker group (usermod -aG docker %1) and log in again, or "
                               "deploy as root.")
                                .arg(m_job.target.user));
        if (all.contains(QLatin1String("Cannot connect to the Docker daemon")))
            return failExec(tr("the Docker service is not running"),
                            cmd,
                            r,
                            tr("Start it: systemctl start docker (and systemctl enable docker)."));
        return failExec(tr("docker version failed"), cmd, r);
    }
    const auto v = Parsers::dockerServerVersion(r.stdoutText);
    if (!v)
        return fail(tr("cannot read the Docker version from \"%1\"").arg(r.stdoutText.trimmed()),
                    tr("Check the Docker installation on the host."),
                    cmd,
                    r);
    if (*v < Version{{18}})
        return fail(tr("Docker %1 is too old").arg(v->toString()), tr("Upgrade Docker to 18.09 or later."), cmd, r);
    if (pluginEra() && *v < Version{{19, 3}})
        return fail(tr("Docker %1 is too old for KubeFATE %2").arg(v->toString(), m_settings.kubefateVersion),
                    tr("Upgrade Docker to 19.03 or later (with the Docker Compose plugin)."),
                    cmd,
                    r);
    m_dockerVersion = r.stdoutText.trimmed();
    return ok(tr("Docker %1").arg(v->toString()));
}

ComposeFlavor JobInterpreter::composeFlavor()
{
    if (m_compose == ComposeFlavor::None)
        m_compose = rememberedCompose(hostId());
    if (m_compose == ComposeFlavor::None) {
        // Not known yet in this process: detect quietly.
        const StepKind saved = m_current;
        composeVersion();
        m_current = saved;
    }
    return m_compose;
}

bool JobInterpreter::pluginEra() const
{
    return eraHasEngine(kubefateEra(m_settings.kubefateVersion));
}

StepOutcome JobInterpreter::pluginComposeVersion()
{
    // KubeFATE v1.11+ runs `docker compose` (its compose files and container names are the plugin's), even
    // where docker-compose 1.x is installed too.
    if (m_settings.operation != Operation::Preflight && rememberedCompose(hostId()) == ComposeFlavor::V2Plugin) {
        m_compose = ComposeFlavor::V2Plugin;
        return ok(tr("%1 (known)").arg(composeFlavorToString(m_compose)));
    }
    const ShellCommand cmd = RemoteCommands::composeVersion(ComposeFlavor::V2Plugin);
    const CommandResult r = fact(RemoteCommands::HostFact::ComposeV2);
    if (r.idle)
        return failExec(tr("%1 version").arg(composeFlavorToString(ComposeFlavor::V2Plugin)), cmd, r);
    const auto v = r.ok() ? Parsers::composeVersion(r.stdoutText) : std::nullopt;
    if (!v) {
        m_compose = ComposeFlavor::None;
        return fail(tr("the Docker Compose plugin (docker compose) is not available to %1; KubeFATE %2 needs it")
                        .arg(m_job.target.user, m_settings.kubefateVersion),
                    tr("Install the Docker Compose plugin (docker-compose-plugin, version 2) on the host; "
                       "docker-compose 1.x is not enough for this KubeFATE version."),
                    cmd,
                    r);
    }
    if (*v < Version{{2}})
        return fail(tr("%1 %2 is too old").arg(composeFlavorToString(ComposeFlavor::V2Plugin), v->toString()),
                    tr("Install the Docker Compose plugin 2.0 or later."),
                    cmd,
                    r);
    m_compose = ComposeFlavor::V2Plugin;
    rememberCompose(hostId(), m_compose);
    if (!m_dockerVersion.isEmpty())
        HostState::save(hostId(), HostState::Entry{m_dockerVersion, m_compose});
    return ok(tr("%1 %2").arg(composeFlavorToString(m_compose), v->toString()));
}

StepOutcome JobInterpreter::composeVersion()
{
    if (pluginEra())
        return pluginComposeVersion();
    if (m_settings.operation != Operation::Preflight) {
        // Outside preflight (which checks the version) only find the front end: docker-compose is a Python
        // program whose `version` costs a second of CPU per host, which adds up on small machines.
        if (!m_factsAsked)
            askFacts();
        if (const ComposeFlavor known = rememberedCompose(hostId());
            known != ComposeFlavor::None
            && !m_facts.contains(RemoteCommands::hostFactName(RemoteCommands::HostFact::Compose))) {
            m_compose = known;
            return ok(tr("%1 (known)").arg(composeFlavorToString(known)));
        }
        const ShellCommand probe = RemoteCommands::composeProbe();
        const CommandResult r = fact(RemoteCommands::HostFact::Compose);
        const QString found = r.stdoutText.trimmed();
        if (r.ok() && (found == QLatin1String("v1") || found == QLatin1String("v2"))) {
            m_compose = found == QLatin1String("v1") ? ComposeFlavor::V1Standalone : ComposeFlavor::V2Plugin;
            rememberCompose(hostId(), m_compose);
            if (!m_dockerVersion.isEmpty()) // remembered between runs, for this Docker version
                HostState::save(hostId(), HostState::Entry{m_dockerVersion, m_compose});
            return ok(composeFlavorToString(m_compose));
        }
        if (!r.ok() && !r.error.isEmpty())
            return failExec(tr("cannot look for compose"), probe, r);
    }
    // docker-compose first: it keeps FATE 1.1's container names (confs-<id>_python_1).
    const ComposeFlavor order[] = {ComposeFlavor::V1Standalone, ComposeFlavor::V2Plugin};
    ShellCommand lastCommand;
    CommandResult last;
    for (ComposeFlavor flavor : order) {
        lastCommand = RemoteCommands::composeVersion(flavor);
        last = fact(flavor == ComposeFlavor::V2Plugin ? RemoteCommands::HostFact::ComposeV2
                                                      : RemoteCommands::HostFact::ComposeV1);
        if (last.idle) // a hanging front end is a finding of its own, not "not installed"
            return failExec(tr("%1 version").arg(composeFlavorToString(flavor)), lastCommand, last);
        if (!last.ok())
            continue;
        const auto v = Parsers::composeVersion(last.stdoutText);
        if (!v)
            continue;
        const Version minimum = flavor == ComposeFlavor::V2Plugin ? Version{{2}} : Version{{1, 24}};
        if (*v < minimum)
            return fail(tr("%1 %2 is too old").arg(composeFlavorToString(flavor), v->toString()),
                        tr("Install docker-compose 1.24 or later, or the Docker Compose plugin."),
                        lastCommand,
                        last);
        m_compose = flavor;
        rememberCompose(hostId(), flavor);
        if (!m_dockerVersion.isEmpty())
            HostState::save(hostId(), HostState::Entry{m_dockerVersion, flavor});
        return ok(tr("%1 %2").arg(composeFlavorToString(flavor), v->toString()));
    }
    m_compose = ComposeFlavor::None;
    return fail(tr("neither docker-compose nor the docker compose plugin is available to %1").arg(m_job.target.user),
                tr("Install docker-compose 1.24 or later (or the Docker Compose plugin) and make sure it is on the "
                   "PATH of non-interactive SSH sessions."),
                lastCommand,
                last);
}

StepOutcome JobInterpreter::diskSpace()
{
    const ShellCommand cmd = RemoteCommands::diskFree(m_job.target.baseDir);
    const CommandResult r = fact(RemoteCommands::HostFact::Disk);
    if (!r.ok())
        return failExec(tr("df failed"), cmd, r);
    const auto d = Parsers::dfPk(r.stdoutText);
    if (!d)
        return fail(tr("cannot read the free space"), tr("Check that df -Pk works on the host."), cmd, r);
    // HostBundle unpacked twice (staging beside the current one, previous kept) plus logs: keep a margin.
    qint64 unpacked = 0;
    for (const HostBundle *b : m_job.bundles())
        unpacked += b->unpackedBytes;
    const qint64 bundle = std::max<qint64>(unpacked, 64LL << 20);
    const qint64 neededKiB = (bundle * 2 + (256LL << 20)) / 1024;
    const QString freeText = tr("%1 MiB free on %2").arg(d->availableKiB / 1024).arg(d->mountPoint);
    if (d->availableKiB < neededKiB)
        return fail(tr("not enough space under %1: %2, %3 MiB needed")
                        .arg(m_job.target.baseDir, freeText)
                        .arg(neededKiB / 1024),
                    tr("Free space on %1 (old images: docker image prune; old logs) or choose another base directory.")
                        .arg(d->mountPoint),
                    cmd,
                    r);
    return ok(freeText);
}

StepOutcome JobInterpreter::ports()
{
    const ShellCommand cmd = RemoteCommands::listeningPorts();
    const CommandResult r = fact(RemoteCommands::HostFact::Ports);
    if (!r.ok())
        return failExec(tr("cannot list the listening ports"), cmd, r);
    const QList<int> listening = Parsers::listeningTcpPorts(r.stdoutText);
    QList<int> busy;
    for (int p : allPorts())
        if (listening.contains(p))
            busy.append(p);
    QStringList portText;
    for (int p : allPorts())
        portText.append(QString::number(p));
    if (busy.isEmpty())
        return ok(tr("ports %1 free").arg(portText.join(QStringLiteral(", "))));
    // Held by our own running deployment: it will be replaced.
    const ShellCommand ours = RemoteCommands::projectContainerIds(m_job.bundle.name, true);
    const CommandResult o = exec(ours);
    QStringList busyText;
    for (int p : busy)
        busyText.append(QString::number(p));
    if (o.ok() && !o.stdoutText.trimmed().isEmpty())
        return ok(tr("ports %1 held by our deployment %2").arg(busyText.join(QStringLiteral(", ")), m_job.bundle.name));
    StepOutcome failed
        = fail(tr("port(s) %1 already in use by another program").arg(busyText.join(QStringLiteral(", "))),
               tr("Stop the program that listens on the port (ss -ltnp shows it) or move it; FATE needs these "
                  "ports on this host."),
               cmd,
               r);
    failed.busyPorts = busyText;
    return failed;
}

StepOutcome JobInterpreter::arch()
{
    const ShellCommand cmd = RemoteCommands::machineArch();
    const CommandResult r = fact(RemoteCommands::HostFact::Arch);
    if (!r.ok())
        return failExec(tr("uname failed"), cmd, r);
    const QString a = Parsers::machineArch(r.stdoutText);
    if (a == QLatin1String("x86_64") || a == QLatin1String("amd64"))
        return ok(a);
    return warn(tr("CPU architecture %1").arg(a),
                tr("FATE 1.1 images exist for x86_64 only; use an x86_64 host or images built for %1.").arg(a));
}

StepOutcome JobInterpreter::images()
{
    const ShellCommand cmd = RemoteCommands::images();
    CommandRequest rq;
    rq.quiet = true;
    const CommandResult r = exec(cmd, rq);
    if (!r.ok())
        return failExec(tr("cannot list images"), cmd, r);
    const QStringList present = Parsers::imageList(r.stdoutText);
    QStringList missing;
    for (const QString &image : allImages())
        if (!present.contains(image))
            missing.append(image);
    if (missing.isEmpty())
        return ok(tr("all %n image(s) present", nullptr, int(allImages().size())));
    StepOutcome o = warn(tr("missing images: %1").arg(missing.join(QStringLiteral(", "))),
                         tr("They will be pulled at deploy time (slow from Docker Hub); or load them from image "
                            "archives or a private registry."));
    o.missingImages = missing;
    return o;
}

StepOutcome JobInterpreter::registry()
{
    if (m_settings.registryUri.isEmpty())
        return ok(tr("Docker Hub (no private registry set)"));
    const QString host = registryHostOf(m_settings.registryUri);
    const QString &user = m_settings.registryUser;
    const bool given = !user.isEmpty() && !m_settings.registryPassword.isEmpty();
    const ShellCommand cmd = RemoteCommands::registryProbe(host, given);
    CommandRequest rq;
    if (given) // stdin only: never a command line or a log line
        rq.stdinData = RemoteCommands::curlUserConfig(user, m_settings.registryPassword);
    const CommandResult r = exec(cmd, rq);
    if (!r.ok())
        return failExec(tr("cannot probe registry %1").arg(host), cmd, r);
    const RegistryProbe probe = Parsers::registryProbe(r.stdoutText);
    if (probe.noCurl)
        return warn(tr("registry %1 not checked: the host has no curl").arg(host),
                    tr("Install curl on the host to let preflight check the registry and its login."));
    // 1. Reachability, over the scheme this host's Docker uses for the registry.
    const QString how = probe.insecure ? tr("HTTPS or HTTP (an insecure registry of this host's Docker)")
                                       : tr("HTTPS (the host's Docker does not list it as insecure)");
    if (!probe.reachable()) {
        if (!probe.insecure && probe.curlExit == 60)
            return fail(tr("registry %1: reachable, but its certificate is not trusted on this host").arg(host),
                        tr("Install the registry's CA certificate as /etc/docker/certs.d/%1/ca.crt on the host, "
                           "or list the registry under insecure-registries in /etc/docker/daemon.json.")
                            .arg(host),
                        cmd,
                        r);
        return fail(tr("registry %1 is not reachable from this host over %2").arg(host, how),
                    probe.insecure
                        ? tr("Check the registry address, DNS, the firewall and any HTTP proxy on the host.")
                        : tr("Check the registry address, DNS, the firewall and any HTTP proxy on the host. A "
                             "plain-HTTP registry must be listed under insecure-registries in the host's "
                             "/etc/docker/daemon.json."),
                    cmd,
                    r);
    }
    const QString reached
        = tr("registry %1 answers over %2 (HTTP %3)").arg(host, probe.scheme.toUpper(), QString::number(probe.code));
    // 2. Credentials.
    if (user.isEmpty()) {
        if (probe.code == 401)
            return fail(tr("%1, but asks for a login and the project names no registry user").arg(reached),
                        tr("Enter the registry user in the project (Images page) and store its password."),
                        cmd,
                        r);
        return ok(tr("%1; anonymous pulls allowed").arg(reached));
    }
    if (probe.authWith == QLatin1String("given") || probe.authWith == QLatin1String("stored")) {
        const bool stored = probe.authWith == QLatin1String("stored");
        if (probe.authCode == 200)
            return ok(stored ? tr("%1; this host is already logged in and the registry accepts that login").arg(reached)
                             : tr("%1; the registry accepts the credentials of user %2").arg(reached, user));
        if (probe.authCode == 401 || probe.authCode == 403)
            return fail(stored
                            ? tr("%1, but rejects the login stored on this host (~/.docker/config.json)").arg(reached)
                            : tr("%1, but rejects the credentials of user %2").arg(reached, user),
                        stored ? tr("Store the registry password in the keychain (Images page) so deploy logs in "
                                    "again, or run docker login on the host.")
                               : tr("Check the registry user and the password stored in the keychain."),
                        cmd,
                        r);
        return warn(tr("%1; the login could not be checked (HTTP %2 with credentials)")
                        .arg(reached, QString::number(probe.authCode)),
                    tr("The registry may use token authentication; deploy will try docker login."));
    }
    if (probe.stored)
        return ok(tr("%1; this host is already logged in (a credential helper holds the login)").arg(reached));
    return fail(
        tr("%1, but no password is stored for registry user %2 and this host is not logged in").arg(reached, user),
        tr("Store the registry password in the keychain (Images page), or run docker login on the host."),
        cmd,
        r);
}

StepOutcome JobInterpreter::registryLogin()
{
    if (m_settings.registryUri.isEmpty())
        return ok(tr("no private registry"));
    if (m_settings.registryUser.isEmpty()) // the project names no user: the registry allows anonymous pulls
        return ok(tr("anonymous pulls from %1 (no registry user set)").arg(registryHostOf(m_settings.registryUri)));
    const QString host = registryHostOf(m_settings.registryUri);
    if (m_settings.registryPassword.isEmpty()) {
        // A host whose admin already ran docker login is not asked again: its pulls use that login.
        CommandRequest sq;
        sq.quiet = true;
        const ShellCommand stored = RemoteCommands::registryLoginStored(host);
        const CommandResult sr = exec(stored, sq);
        if (sr.ok())
            return ok(tr("already logged in to %1 on this host (~/.docker/config.json); no login needed").arg(host));
        if (sr.cancelled || !sr.error.isEmpty())
            return failExec(tr("cannot check the host's registry login"), stored, sr);
        return fail(tr("no password stored for registry user %1, and this host is not logged in to %2")
                        .arg(m_settings.registryUser, host),
                    tr("Store the registry password in the keychain (Images page) and run again, or run docker "
                       "login on the host."));
    }
    if (!m_settings.keepRegistryLogin && m_dockerConfig.isEmpty()) {
        // The login's credentials go to a folder of this run, removed at its end, not ~/.docker/config.json.
        const ShellCommand mk = RemoteCommands::makeDockerConfigDir();
        const CommandResult made = exec(mk);
        const QString dir = made.stdoutText.trimmed();
        if (!made.ok() || !dir.startsWith(QLatin1Char('/')) || !dir.contains(QLatin1String("/fd-docker-config-"))
            || dir.contains(QLatin1Char('\n')))
            return failExec(tr("cannot create a private Docker configuration folder for the registry login"),
                            mk,
                            made,
                            tr("Check that mktemp works and /tmp (or $TMPDIR) is writable on the host."));
        m_dockerConfig = dir;
    }
    const ShellCommand cmd = RemoteCommands::registryLogin(host, m_settings.registryUser);
    CommandRequest rq;
    rq.stdinData = m_settings.registryPassword; // stdin only: never a command line or a log line
    const CommandResult r = exec(cmd, rq);
    if (!r.ok()) {
        // Only a refusal by the registry is about the password; name where the password came from.
        const QString all = r.stdoutText + r.stderrText + m_tail.join(QLatin1Char('\n'));
        const auto has = [&all](const char *text) { return all.contains(QLatin1String(text), Qt::CaseInsensitive); };
        const QString source = m_settings.registryPasswordSource.isEmpty()
                                   ? tr("the password stored in the keychain")
                                   : tr("the password from %1").arg(m_settings.registryPasswordSource);
        if (has("no such host") || has("server misbehaving") || has("name resolution") || has("not known")
            || has("lookup "))
            return failExec(tr("docker login to %1 failed: the host cannot resolve the name %2")
                                .arg(host, host.section(QLatin1Char(':'), 0, 0)),
                            cmd,
                            r,
                            tr("Check the registry address in the project and the host's DNS (/etc/resolv.conf, "
                               "getent hosts %1). The password was not checked: the registry was never reached.")
                                .arg(host.section(QLatin1Char(':'), 0, 0)));
        if (has("connection refused") || has("i/o timeout") || has("no route to host") || has("network is unreachable")
            || has("handshake timeout"))
            return failExec(tr("docker login to %1 failed: the registry cannot be reached").arg(host),
                            cmd,
                            r,
                            tr("Check that the registry runs and that this host may reach it (firewall, proxy). "
                               "The password was not checked: the registry was never reached."));
        if (has("x509") || has("certificate"))
            return failExec(tr("docker login to %1 failed: its TLS certificate is not trusted").arg(host),
                            cmd,
                            r,
                            tr("Install the registry's CA as /etc/docker/certs.d/%1/ca.crt on the host, or list the "
                               "registry under insecure-registries in /etc/docker/daemon.json.")
                                .arg(host));
        if (has("unauthorized") || has("incorrect username or password") || has("401") || has("denied"))
            return failExec(
                tr("docker login to %1 failed: user %2 or the password was refused").arg(host, m_settings.registryUser),
                cmd,
                r,
                tr("Check the registry user %1 and %2.").arg(m_settings.registryUser, source));
        return failExec(tr("docker login to %1 failed").arg(host),
                        cmd,
                        r,
                        tr("Read the last output lines; check the registry address, the user %1 and %2.")
                            .arg(m_settings.registryUser, source));
    }
    return ok(tr("logged in to %1 as %2").arg(host, m_settings.registryUser));
}

StepOutcome JobInterpreter::loadImages()
{
    if (m_settings.imageArchives.isEmpty())
        return ok(tr("no image archives chosen"));
    CommandRequest lq;
    lq.quiet = true;
    const CommandResult listed = exec(RemoteCommands::images(), lq);
    const QStringList present = Parsers::imageList(listed.stdoutText);
    bool missing = false;
    for (const QString &image : allImages())
        missing = missing || !present.contains(image);
    if (!missing)
        return ok(tr("all images present; nothing to load"));
    int loaded = 0;
    for (const QString &archive : m_settings.imageArchives) {
        if (cancelled())
            break;
        if (!QFile::exists(archive))
            return fail(tr("image archive %1 not found").arg(archive), tr("Choose an existing docker save file."));
        const ShellCommand cmd = RemoteCommands::loadImages();
        CommandRequest rq;
        rq.producer = fileProducer(archive);
        rq.onSent = transferProgress(QFileInfo(archive).size(), QFileInfo(archive).fileName());
        note(tr("loading %1").arg(archive));
        const CommandResult r = exec(cmd, rq);
        if (!r.ok())
            return failExec(tr("docker load of %1 failed").arg(archive), cmd, r);
        ++loaded;
    }
    return ok(tr("%1 archive(s) loaded").arg(loaded));
}

StepOutcome JobInterpreter::pullImages()
{
    if (!m_settings.pull)
        return ok(tr("pull not requested"));
    const int count = int(allImages().size());
    int n = 0;
    for (const QString &image : allImages()) {
        if (cancelled())
            break;
        ++n;
        const ShellCommand cmd = RemoteCommands::pullImage(image);
        // On a terminal docker prints byte counters; they are progress, not log lines.
        CommandRequest rq;
        rq.pty = true;
        rq.quiet = true;
        note(QStringLiteral("$ ") + cmd.toString());
        DockerPullProgress pull;
        const QString host = m_job.target.key;
        rq.onLine = [&, host](OutputStream stream, const QString &line) {
            for (const QString &kept : pull.feed(line)) {
                m_sink.output(host, stream, kept);
                ++m_outcome.lineCount;
                m_tail.append(kept);
                if (m_tail.size() > TailLines)
                    m_tail.removeFirst();
            }
            if (pull.changed())
                progress(pull.bytesDone(),
                         pull.bytesTotal(),
                         tr("image %1 of %2 (%3): %4 of %5 layers, %6 of %7")
                             .arg(n)
                             .arg(count)
                             .arg(image)
                             .arg(pull.layersDone())
                             .arg(pull.layers())
                             .arg(humanBytes(pull.bytesDone()), humanBytes(pull.bytesTotal())));
        };
        const CommandResult r = exec(cmd, rq);
        if (!r.ok())
            return failExec(tr("docker pull %1 failed").arg(image),
                            cmd,
                            r,
                            tr("Check the image name, the registry login and the host's internet or registry "
                               "access; or load the image from an archive."));
    }
    return ok(tr("%1 image(s) pulled").arg(allImages().size()));
}

StepOutcome JobInterpreter::makeDir()
{
    if (m_locked) // the lock's own `mkdir -p <base>` made it: one round trip less
        return ok(m_job.target.baseDir);
    const ShellCommand cmd = RemoteCommands::makeDir(m_job.target.baseDir);
    const CommandResult r = exec(cmd);
    if (!r.ok())
        return failExec(tr("cannot create %1").arg(m_job.target.baseDir),
                        cmd,
                        r,
                        tr("Let user %1 write %2 (or create it as root and chown it).")
                            .arg(m_job.target.user, m_job.target.baseDir));
    return ok(m_job.target.baseDir);
}

StepOutcome JobInterpreter::uploadOne(const HostBundle &b)
{
    const QString &archive = b.archivePath;
    if (archive.isEmpty() || !QFile::exists(archive))
        return fail(tr("bundle %1 was not rendered").arg(b.name), tr("Render the project and run again."));
    // Leftovers of an interrupted earlier run are ours to clean.
    CommandRequest cq;
    cq.timeoutSeconds = 60;
    exec(RemoteCommands::removeStaleStaging(m_job.target.baseDir, b.name), cq, false);
    const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddHHmmsszzz"));
    const QString staging = m_job.target.baseDir + QStringLiteral("/.fd-staging-%1-%2").arg(b.name, stamp);
    m_staging.insert(b.name, staging);
    const ShellCommand cmd = RemoteCommands::unpackToStaging(staging);
    CommandRequest rq;
    rq.producer = fileProducer(archive);
    rq.onSent = transferProgress(QFileInfo(archive).size(), b.name);
    const CommandResult r = exec(cmd, rq);
    if (!r.ok()) {
        const QString all = r.stdoutText + r.stderrText + m_tail.join(QLatin1Char('\n'));
        if (all.contains(QLatin1String("No space left")))
            return failExec(tr("upload of %1 failed: the disk is full").arg(b.name),
                            cmd,
                            r,
                            tr("Free space under %1 and run again.").arg(m_job.target.baseDir));
        return failExec(tr("upload of %1 failed").arg(b.name), cmd, r);
    }
    if (!b.secretFiles.isEmpty()) {
        // The files that carry the services' passwords: packed in memory and unpacked over the archive's
        // copies (which hold markers), so no local file ever held them.
        Bundle secrets;
        secrets.name = b.name;
        secrets.files = b.secretFiles;
        auto packed = std::make_shared<QByteArray>();
        PackCache cache;
        if (const Status s = BundlePacker::pack(secrets,
                                                cache,
                                                [packed](const char *data, qint64 size) {
                                                    packed->append(data, size);
                                                    return true;
                                                });
            !s)
            return fail(tr("cannot pack the password files of %1: %2").arg(b.name, s.error()), QString());
        CommandRequest sq;
        auto offset = std::make_shared<qint64>(0);
        sq.producer = [packed, offset](char *buf, qint64 max) -> qint64 {
            const qint64 n = std::min<qint64>(max, packed->size() - *offset);
            std::memcpy(buf, packed->constData() + *offset, size_t(n));
            *offset += n;
            return n;
        };
        const CommandResult sr = exec(cmd, sq);
        if (!sr.ok())
            return failExec(tr("upload of the password files of %1 failed").arg(b.name), cmd, sr);
    }
    const QFileInfo info(archive);
    return ok(tr("%1 unpacked (%2 KiB)").arg(b.name).arg(info.size() / 1024));
}

StepOutcome JobInterpreter::stopOldOne(const HostBundle &b)
{
    const ComposeFlavor flavor = composeFlavor();
    if (flavor == ComposeFlavor::None)
        return fail(tr("no compose available"), tr("Install docker-compose 1.24 or later."));
    if (!b.restartServices.isEmpty())
        return ok(tr("%1 keeps running: only route tables changed").arg(b.name));
    const ShellCommand cmd = RemoteCommands::composeDownIfPresent(flavor, m_job.target.baseDir, b.name, b.composeFile);
    const CommandResult r = exec(cmd);
    if (!r.ok())
        return failExec(tr("cannot bring the running %1 down").arg(b.name), cmd, r);
    if (!b.volumesToRemove.isEmpty()) {
        // As docker_deploy.sh intends: the new images fill these volumes afresh.
        const ShellCommand rm = RemoteCommands::removeVolumes(b.volumesToRemove);
        const CommandResult vr = exec(rm);
        if (!vr.ok())
            return failExec(tr("cannot remove the volumes of the old %1").arg(b.name), rm, vr);
        return ok(tr("old %1 down (if it ran), volumes %2 removed")
                      .arg(b.name, b.volumesToRemove.join(QStringLiteral(", "))));
    }
    return ok(tr("old %1 down (if it ran)").arg(b.name));
}

StepOutcome JobInterpreter::swapOne(const HostBundle &b)
{
    const QString staging = m_staging.value(b.name);
    if (staging.isEmpty())
        return fail(tr("nothing uploaded"), tr("Run the upload step first."));
    const ShellCommand cmd = RemoteCommands::swapFolders(m_job.target.baseDir, b.name, staging, b.dataPaths);
    CommandRequest rq;
    rq.timeoutSeconds = 120;
    // Never interrupted: the host must hold the old or the new folder, never half of each.
    const CommandResult r = exec(cmd, rq, false);
    if (!r.ok())
        return failExec(tr("folder swap of %1 failed").arg(b.name), cmd, r);
    m_staging.remove(b.name);
    return ok(tr("%1 in place, previous kept as %1.previous").arg(b.name));
}

StepOutcome JobInterpreter::upOne(const HostBundle &b)
{
    const ComposeFlavor flavor = composeFlavor();
    if (flavor == ComposeFlavor::None)
        return fail(tr("no compose available"), tr("Install docker-compose 1.24 or later."));
    if (!b.restartServices.isEmpty()) {
        // The swapped-in folder is at the same path: a restarted container mounts the new route table.
        const ShellCommand restart
            = RemoteCommands::composeRestart(flavor, m_job.target.baseDir, b.name, b.composeFile, b.restartServices);
        const CommandResult r = exec(restart);
        if (!r.ok())
            return failExec(
                tr("restart of %1 in %2 failed").arg(b.restartServices.join(QStringLiteral(", ")), b.name), restart, r);
        return ok(tr("%1 restarted (new route table)").arg(b.restartServices.join(QStringLiteral(", "))));
    }
    const ShellCommand cmd = RemoteCommands::composeUp(flavor, m_job.target.baseDir, b.name, b.composeFile);
    const CommandResult r = exec(cmd);
    if (!r.ok()) {
        const QString all = (r.stdoutText + r.stderrText + m_tail.join(QLatin1Char('\n')));
        if (all.contains(QLatin1String("port is already allocated"))
            || all.contains(QLatin1String("address already in use")))
            return failExec(tr("compose up failed: a port is in use"),
                            cmd,
                            r,
                            tr("Free the published ports (run preflight to see which)."));
        if (all.contains(QLatin1String("pull access denied")) || all.contains(QLatin1String("manifest unknown")))
            return failExec(tr("compose up failed: an image cannot be pulled"),
                            cmd,
                            r,
                            tr("Check the image prefix and tag, the registry login, or load the images from an "
                               "archive."));
        return failExec(tr("compose up of %1 failed").arg(b.name), cmd, r);
    }
    return ok(tr("%1 started").arg(b.name));
}

StepOutcome JobInterpreter::waitStableOne(const HostBundle &b)
{
    // Little CPU on the host (issue 14): `docker ps` polls (one Docker client, no compose front end, no
    // inspect) while the services come up, at a growing interval; `docker inspect` reads the restart counts
    // when everything is up and again at the end of the stable window (same counts = no restart in
    // between: they only grow), every InspectEvery polls meanwhile (python's restarts while MySQL
    // initialises are reported) and at the time limit.
    constexpr int InspectEvery = 10;
    const ShellCommand list = RemoteCommands::listProject(b.name);
    const ShellCommand cmd = RemoteCommands::inspectProject(b.name);
    const qint64 window = qint64(m_settings.stableSeconds) * 1000;
    QElapsedTimer timer;
    timer.start();
    QHash<QString, int> windowCounts; // restart counts when the window started
    qint64 stableSince = -1;
    int reportedPythonRestarts = 0;
    int polls = 0;
    QList<ContainerStatus> last;
    const QStringList expected = b.services;
    while (!cancelled()) {
        CommandRequest rq;
        rq.quiet = true;
        rq.timeoutSeconds = 60;
        CommandResult r = exec(list, rq);
        if (!r.ok() && !r.timedOut)
            return failExec(tr("cannot read the container states"), list, r);
        ++polls;
        const QList<Parsers::PsState> ps = Parsers::psStates(r.stdoutText);
        bool psUp = !ps.isEmpty();
        QSet<QString> psServices;
        for (const Parsers::PsState &c : ps) {
            psUp = psUp && c.up;
            if (c.up)
                psServices.insert(c.service);
        }
        for (const QString &service : expected)
            psUp = psUp && psServices.contains(service);
        if (!psUp)
            stableSince = -1;
        qint64 now = timer.elapsed();
        const bool windowDone = stableSince >= 0 && now - stableSince >= window;
        const bool timeUp = now > qint64(m_settings.startTimeoutSeconds) * 1000;
        if ((psUp && (stableSince < 0 || windowDone)) || polls % InspectEvery == 0 || timeUp) {
            r = exec(cmd, rq);
            if (!r.ok() && !r.timedOut)
                return failExec(tr("cannot read the container states"), cmd, r);
            now = timer.elapsed();
            last = Parsers::containerStatuses(r.stdoutText, QDateTime::currentSecsSinceEpoch());
            m_outcome.containers = last;
            QSet<QString> running;
            QHash<QString, int> counts;
            const ContainerStatus *python = nullptr;
            const ContainerStatus *mysql = nullptr;
            for (const ContainerStatus &c : std::as_const(last)) {
                // A service with a healthcheck (v1.11's fateflow) counts once it reports healthy.
                if (c.state == QLatin1String("running") && c.health != QLatin1String("unhealthy")
                    && c.health != QLatin1String("starting"))
                    running.insert(c.service);
                counts.insert(c.name, c.restartCount);
                if (c.service == QLatin1String("python"))
                    python = &c;
                if (c.service == QLatin1String("mysql"))
                    mysql = &c;
            }
            if (python && python->restartCount > reportedPythonRestarts) {
                reportedPythonRestarts = python->restartCount;
                note(tr("python restarted (%1 times): it waits for MySQL to finish its first-time initialisation")
                         .arg(python->restartCount));
            }
            QStringList missing;
            for (const QString &service : expected)
                if (!running.contains(service))
                    missing.append(service);
            const bool allUp = !last.isEmpty() && missing.isEmpty() && running.size() >= int(last.size());
            if (!allUp) {
                stableSince = -1;
            } else if (stableSince < 0 || counts != windowCounts) {
                stableSince = now;
                windowCounts = counts;
            } else if (windowDone) {
                return ok(tr("%n container(s) running and stable", nullptr, int(last.size())));
            }
            if (timeUp) {
                QStringList notUp = missing;
                for (const ContainerStatus &c : std::as_const(last)) {
                    if (c.state != QLatin1String("running") && !notUp.contains(c.service))
                        notUp.append(c.service);
                    else if (c.health == QLatin1String("starting") || c.health == QLatin1String("unhealthy")) {
                        notUp.removeAll(c.service);
                        notUp.append(tr("%1 (health: %2)").arg(c.service, c.health));
                    }
                }
                m_tail.clear();
                for (const ContainerStatus &c : std::as_const(last))
                    m_tail.append(QStringLiteral("%1 %2 restarts=%3").arg(c.name, c.state).arg(c.restartCount));
                if (python && python->restartCount > 0 && mysql && notUp.contains(QLatin1String("python")))
                    return fail(tr("python keeps restarting after %1 s: MySQL is not ready").arg(now / 1000),
                                tr("MySQL's first initialisation can take minutes on a slow host: run status again "
                                   "later, or read the mysql container's log (docker logs) for errors."),
                                cmd,
                                r);
                return fail(tr("not running after %1 s: %2").arg(now / 1000).arg(notUp.join(QStringLiteral(", "))),
                            tr("Read the logs of these containers on the host (docker logs) and fix the cause."),
                            cmd,
                            r);
            }
        }
        // Short intervals first (containers that start at once are seen at once), then 1 s: a `docker ps` is
        // cheap, while a longer interval delays every host's deploy by half of it on average (bench_deploy
        // saw 1–3 s per party with a 2 s cap). Never past the end of a running stable window.
        qint64 pause = polls <= 4 ? 500 : 1000;
        if (stableSince >= 0)
            pause = std::clamp<qint64>(stableSince + window - timer.elapsed(), 100, pause);
        for (qint64 slept = 0; slept < pause && !cancelled(); slept += 100)
            QThread::msleep(100);
    }
    StepOutcome o = ok(tr("cancelled"));
    o.result = StepResult::Cancelled;
    return o;
}

StepOutcome JobInterpreter::statusOne(const HostBundle &b)
{
    const ShellCommand cmd = RemoteCommands::inspectProject(b.name);
    CommandRequest rq;
    rq.quiet = true;
    const CommandResult r = exec(cmd, rq);
    if (!r.ok())
        return failExec(tr("cannot read the container states"), cmd, r);
    m_outcome.containers = Parsers::containerStatuses(r.stdoutText, QDateTime::currentSecsSinceEpoch());
    for (const ContainerStatus &c : std::as_const(m_outcome.containers))
        note(QStringLiteral("%1 %2 %3 restarts=%4 %5")
                 .arg(c.service, c.state, c.health)
                 .arg(c.restartCount)
                 .arg(c.ports));
    if (m_outcome.containers.isEmpty())
        return fail(tr("%1 is not deployed on this host (no containers)").arg(b.name), tr("Deploy the project."));
    QStringList notRunning;
    for (const ContainerStatus &c : std::as_const(m_outcome.containers))
        if (c.state != QLatin1String("running"))
            notRunning.append(QStringLiteral("%1 (%2)").arg(c.service, c.state));
    for (const QString &service : b.services) {
        bool found = false;
        for (const ContainerStatus &c : std::as_const(m_outcome.containers))
            found = found || c.service == service;
        if (!found)
            notRunning.append(tr("%1 (missing)").arg(service));
    }
    if (!notRunning.isEmpty())
        return fail(tr("not running: %1").arg(notRunning.join(QStringLiteral(", "))),
                    tr("Read the logs of these containers (docker logs) or deploy again."));
    return ok(tr("%n container(s) running", nullptr, int(m_outcome.containers.size())));
}

StepOutcome JobInterpreter::verifyFlowToy()
{
    // v1.11+: what the maintainers ask for first, the one-party smoke test (-gid G -hid G), then the pair. A cell
    // of the toy grid runs its pair only (the grid has the other pairs of the guest).
    // FATE 2.0's client prints only the job's status (no log check), so its success line is the status line.
    const bool fate2 = kubefateEra(m_settings.kubefateVersion) == KubefateEra::V2_0;
    const int guestId = toyGuestId();
    const QString guestProject = QStringLiteral("confs-%1").arg(guestId);
    const int toyTimeout = std::max(10, m_settings.verifyTimeoutSeconds - 10);
    QList<int> hosts;
    if (!m_job.target.toyHostId || toyHostId() == guestId)
        hosts.append(guestId);
    if (toyHostId() != guestId)
        hosts.append(toyHostId());
    QStringList passed;
    for (int host : std::as_const(hosts)) {
        const ShellCommand cmd = RemoteCommands::flowTestToy(guestProject, guestId, host, toyTimeout);
        CommandRequest rq;
        rq.timeoutSeconds = m_settings.verifyTimeoutSeconds;
        const CommandResult r = exec(cmd, rq);
        const QString output = r.stdoutText + r.stderrText;
        m_outcome.verifyOutput += output;
        if (fate2 ? Parsers::flowToyJobSucceeded(output) : Parsers::flowToySucceeded(output)) {
            passed.append(tr("%1 → %2").arg(guestId).arg(host));
            continue;
        }
        if (r.cancelled)
            return failExec(tr("toy example"), cmd, r);
        const QStringList tail = m_tail;
        QString fix;
        VerifyDiagnosis kind = VerifyDiagnosis::NoSuccessLine;
        QStringList unreachable;
        const QString diagnosis = verifyDiagnosis(output, r.timedOut, &fix, &kind, &unreachable);
        m_tail = tail;
        StepOutcome o = fail(tr("toy example %1 → %2 failed: %3").arg(guestId).arg(host).arg(diagnosis), fix, cmd, r);
        o.diagnosis = kind;
        o.unreachable = unreachable;
        if (o.errorKind == ErrorKind::Other)
            o.errorKind = ErrorKind::RemoteCommand;
        return o;
    }
    return ok(tr("flow test toy succeeded: %1").arg(passed.join(QStringLiteral(", "))));
}

StepOutcome JobInterpreter::verify()
{
    if (pluginEra())
        return verifyFlowToy();
    const int guestId = toyGuestId();
    const int hostId = toyHostId();
    const QString guestProject = QStringLiteral("confs-%1").arg(guestId);
    const ShellCommand cmd = RemoteCommands::toyExample(guestProject, guestId, hostId);
    CommandRequest rq;
    rq.timeoutSeconds = m_settings.verifyTimeoutSeconds;
    const CommandResult r = exec(cmd, rq);
    m_outcome.verifyOutput = r.stdoutText + r.stderrText;
    if (Parsers::toySucceeded(r.stdoutText + r.stderrText))
        return ok(tr("toy example %1 → %2 succeeded").arg(guestId).arg(hostId));
    if (r.cancelled)
        return failExec(tr("toy example"), cmd, r);
    const QStringList tail = m_tail;
    QString fix;
    VerifyDiagnosis kind = VerifyDiagnosis::NoSuccessLine;
    QStringList unreachable;
    const QString diagnosis = verifyDiagnosis(r.stdoutText + r.stderrText, r.timedOut, &fix, &kind, &unreachable);
    m_tail = tail;
    StepOutcome o = fail(tr("toy example %1 → %2 failed: %3").arg(guestId).arg(hostId).arg(diagnosis), fix, cmd, r);
    o.diagnosis = kind;
    o.unreachable = unreachable;
    if (o.errorKind == ErrorKind::Other)
        o.errorKind = ErrorKind::RemoteCommand;
    return o;
}

QString JobInterpreter::verifyDiagnosis(
    const QString &output, bool timedOut, QString *fix, VerifyDiagnosis *kind, QStringList *unreachableOut)
{
    // Ports first: the most frequent cause (closed 9370/9371 between hosts).
    QList<QPair<QString, int>> probes;
    if (!m_settings.exchangeAddress.isEmpty())
        probes.append({m_settings.exchangeAddress, m_settings.exchangePort});
    // Where the route tables send the traffic (a reachable address and port may differ from the SSH host).
    for (const PartyRoute &party : m_settings.partyRoutes)
        if (party.id == toyGuestId() || party.id == toyHostId())
            probes.append({party.address, party.port});
    QStringList unreachable;
    for (const auto &probe : std::as_const(probes)) {
        CommandRequest rq;
        rq.timeoutSeconds = 15;
        const CommandResult r = exec(RemoteCommands::tcpProbe(probe.first, probe.second), rq, false);
        if (r.exitStatus != 0 && r.exitStatus != 2)
            unreachable.append(QStringLiteral("%1:%2").arg(probe.first).arg(probe.second));
    }
    // v2.0 federates through OSX, party to party (no exchange): its fixes name OSX and its route tables.
    const bool osx = kubefateEra(m_settings.kubefateVersion) == KubefateEra::V2_0;
    if (!unreachable.isEmpty()) {
        *kind = VerifyDiagnosis::Unreachable;
        *unreachableOut = unreachable;
        *fix = osx ? tr("Open these ports between the hosts (firewall, security group) and check the parties' OSX "
                        "route tables (confs/osx/conf/route_table.json) and addresses; then verify again.")
                   : tr("Open these ports between the hosts (firewall, security group) and check the exchange's route "
                        "table and the party addresses; then verify again.");
        return tr("unreachable from the guest host: %1").arg(unreachable.join(QStringLiteral(", ")));
    }
    CommandRequest sq;
    sq.quiet = true;
    const CommandResult st = exec(RemoteCommands::inspectProject(QStringLiteral("confs-%1").arg(toyGuestId())), sq);
    const QList<ContainerStatus> containers
        = Parsers::containerStatuses(st.stdoutText, QDateTime::currentSecsSinceEpoch());
    // FATE 1.1's flow runs in `python`; v1.11's in `fateflow`, whose healthcheck says whether it answers.
    const QString flow = pluginEra() ? QStringLiteral("fateflow") : QStringLiteral("python");
    for (const ContainerStatus &c : containers) {
        if ((c.service == QLatin1String("mysql") || c.service == flow) && c.state != QLatin1String("running")) {
            *kind = VerifyDiagnosis::MysqlNotReady;
            *fix = tr("Wait until MySQL has initialised (%1 stops restarting; see status), then verify again.")
                       .arg(flow);
            return tr("MySQL not ready (%1 is %2)").arg(c.service, c.state);
        }
        if (c.service == flow && (c.health == QLatin1String("unhealthy") || c.health == QLatin1String("starting"))) {
            *kind = VerifyDiagnosis::NotRunning;
            *fix = tr("Read fateflow's log (docker logs) on the guest's host; its health check must pass before jobs "
                      "run. Run status to follow it, then verify again.");
            return tr("fateflow of party %1 is not healthy (%2)").arg(toyGuestId()).arg(c.health);
        }
    }
    if (output.contains(QLatin1String("no running python container"))
        || output.contains(QLatin1String("no running client container"))) {
        *kind = VerifyDiagnosis::NotRunning;
        *fix = tr("Deploy party %1 first, or check its status.").arg(toyGuestId());
        return tr("party %1 is not running").arg(toyGuestId());
    }
    // FATE 1.11's client ends a job it gave up on with "check job status timeout", FATE 2.0's with "timeout...".
    static const QRegularExpression clientTimeout(QStringLiteral("^timeout\\.\\.\\.\\s*$"),
                                                  QRegularExpression::MultilineOption);
    if (timedOut || output.contains(QLatin1String("exceed"))
        || output.contains(QLatin1String("check job status timeout")) || clientTimeout.match(output).hasMatch()) {
        *kind = timedOut ? VerifyDiagnosis::Timeout : VerifyDiagnosis::TimeExceeded;
        *fix = osx ? tr("The federation did not answer in time: check that every party's OSX (9370) is running and "
                        "that the OSX route tables name the right addresses; raise the verify timeout on slow hosts.")
                   : tr("The federation did not answer in time: check that every party's proxy (9370) and the "
                        "exchange (9371) are running and that their route tables name the right addresses; raise "
                        "the verify timeout on slow hosts.");
        return timedOut ? tr("timeout after %1 s").arg(m_settings.verifyTimeoutSeconds)
                        : tr("job running time exceeded");
    }
    // The job ran and ended badly: FATE's logs say why (FATE 2.0's client names the command that fetches them).
    static const QRegularExpression ended(QStringLiteral("^toy test job (\\S+) is (failed|canceled)\\s*$"),
                                          QRegularExpression::MultilineOption);
    if (const QRegularExpressionMatch m = ended.match(output); m.hasMatch()) {
        *kind = VerifyDiagnosis::NoSuccessLine;
        const QString logs = (osx ? QStringLiteral("flow job download-log -j %1 -o /tmp/toy-logs")
                                  : QStringLiteral("flow job log -j %1 -o /tmp/toy-logs"))
                                 .arg(m.captured(1));
        *fix = tr("Read the job's logs: in the guest's client container run %1, or read fateflow's log.").arg(logs);
        return tr("the toy job %1 ended as %2").arg(m.captured(1), m.captured(2));
    }
    *kind = VerifyDiagnosis::NoSuccessLine;
    *fix = tr("Read the toy example's output above and the python container's log.");
    return tr("no success line");
}

StepOutcome JobInterpreter::teardownOne(StepKind kind, const HostBundle &b)
{
    const ComposeFlavor flavor = composeFlavor();
    ShellCommand cmd;
    if (kind == StepKind::RemoveFolder)
        cmd = RemoteCommands::removeDeployment(m_job.target.baseDir, b.name);
    else if (flavor == ComposeFlavor::None)
        return fail(tr("no compose available"), tr("Install docker-compose 1.24 or later."));
    else if (kind == StepKind::Stop)
        cmd = RemoteCommands::composeStop(flavor, m_job.target.baseDir, b.name, b.composeFile);
    else
        cmd = RemoteCommands::composeDown(flavor, m_job.target.baseDir, b.name, b.composeFile);
    const CommandResult r = exec(cmd);
    if (!r.ok())
        return failExec(tr("%1 of %2 failed").arg(stepKindTitle(kind), b.name),
                        cmd,
                        r,
                        kind == StepKind::RemoveFolder
                            ? tr("Files written by containers may belong to root: remove them as root.")
                            : QString());
    return ok(kind == StepKind::RemoveFolder ? tr("%1 removed from %2").arg(b.name, m_job.target.baseDir)
              : kind == StepKind::Stop       ? tr("%1 stopped").arg(b.name)
                                             : tr("%1 down").arg(b.name));
}

} // namespace FateDeployer
