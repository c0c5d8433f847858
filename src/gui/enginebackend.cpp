// SPDX-License-Identifier: Apache-2.0
#include "gui/enginebackend.h"

#include "gui/appsettings.h"
#include "gui/deploymonitor.h"
#include "gui/imagespage.h"
#include "gui/mainwindow.h"
#include "gui/projectdocument.h"
#include "gui/prompter.h"
#include "history/historystore.h"
#include "jobs/bundleprep.h"
#include "jobs/sshchannel.h"
#include "remote/prompter.h"
#include "render/bundlewriter.h"
#include "settings/secretstore.h"

#include <QDateTime>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QtConcurrent>

namespace FateDeployer {

namespace {

LogEntry::Severity severityOf(const LogLine &line)
{
    switch (line.stream) {
    case OutputStream::Stderr:
        return LogEntry::Severity::Warning;
    case OutputStream::Info:
        return LogEntry::Severity::Debug;
    case OutputStream::Stdout:
        break;
    }
    return LogEntry::Severity::Info;
}

LogEntry::Channel channelOf(OutputStream stream)
{
    switch (stream) {
    case OutputStream::Stderr:
        return LogEntry::Channel::Stderr;
    case OutputStream::Info:
        return LogEntry::Channel::Deployer;
    case OutputStream::Stdout:
        break;
    }
    return LogEntry::Channel::Stdout;
}

ContainerRow rowOf(const QString &host, const ContainerStatus &c)
{
    QString status = c.state;
    if (c.uptimeSeconds >= 0)
        status = EngineBackend::tr("Up %1").arg(formatDuration(c.uptimeSeconds * 1000));
    if (!c.health.isEmpty())
        status += QStringLiteral(" (%1)").arg(c.health);
    if (c.restartCount > 0)
        status += EngineBackend::tr(", %n restart(s)", nullptr, c.restartCount);
    return ContainerRow{host, c.name, c.image, c.state, status};
}

/// A failure message for the host row and the log: what failed, then what to do.
QString messageOf(const StepOutcome &step)
{
    QString message = step.summary;
    if (!step.fix.isEmpty())
        message = message.isEmpty() ? step.fix : EngineBackend::tr("%1 — %2").arg(message, step.fix);
    return message;
}

} // namespace

EngineBackend::EngineBackend(MainWindow *window, AppSettings *settings, std::shared_ptr<SecretStore> secrets)
    : QObject(window)
    , m_window(window)
    , m_settings(settings)
    , m_secrets(std::move(secrets))
{
    m_pool.setMaxThreadCount(2);
    m_pool.setObjectName(QStringLiteral("fd-engine-backend"));
    m_storePool.setMaxThreadCount(1);
    m_storePool.setObjectName(QStringLiteral("fd-last-deployed"));
    connect(&m_prep, &QFutureWatcher<Prepared>::finished, this, [this] { launch(m_prep.result()); });
    connect(&m_runner, &Runner::hostEvents, this, &EngineBackend::onHostEvents);
    connect(&m_runner, &Runner::hostFinished, this, &EngineBackend::onHostFinished);
    connect(&m_runner, &Runner::finished, this, &EngineBackend::onFinished);
}

EngineBackend::~EngineBackend()
{
    m_runner.cancel();
    m_pool.waitForDone();
    m_storePool.waitForDone();
}

void EngineBackend::attach(DeployMonitor *monitor, GuiPrompter *prompter)
{
    m_monitor = monitor;
    if (prompter && !m_runner.isRunning())
        m_prompter = prompter->engineAdapter();
}

bool EngineBackend::isBusy() const
{
    return m_preparing || m_runner.isRunning();
}

RunSettings EngineBackend::baseSettings(Operation op) const
{
    RunSettings s;
    s.operation = op;
    if (m_settings) {
        s.maxParallelHosts = m_settings->parallelHosts();
        s.inactivityTimeoutSeconds = m_settings->commandTimeoutSeconds();
    }
    return s;
}

void EngineBackend::preflight(const Project &project, const QList<int> &partyIds)
{
    Selection selection;
    selection.parties = partyIds;
    start(project, selection, baseSettings(Operation::Preflight), operationTitle(Operation::Preflight));
}

void EngineBackend::deploy(const Project &project, Scope scope, const QList<int> &partyIds)
{
    Selection selection;
    if (scope == Scope::SelectedParties)
        selection.parties = partyIds;
    else if (scope == Scope::Exchange)
        selection.exchange = true;
    RunSettings settings = baseSettings(Operation::Deploy);
    settings.verifyTimeoutSeconds = project.verification.timeoutSeconds;
    start(project, selection, settings, operationTitle(Operation::Deploy));
}

void EngineBackend::retryFailed(const Project &project, const QStringList &hosts)
{
    Q_UNUSED(project)
    Q_UNUSED(hosts) // the runner knows which hosts of its last plan failed; the rows show the same
    if (isBusy() || !m_monitor)
        return;
    Plan again;
    for (const HostOutcome &h : std::as_const(m_lastReport.hosts))
        if (!h.succeeded())
            for (const HostJob &job : m_runner.plan().jobs)
                if (job.target.key == h.target.key)
                    again.jobs.append(job);
    if (again.jobs.isEmpty())
        return;
    if ((m_operation == Operation::Deploy || m_operation == Operation::Teardown) && !m_projectPath.isEmpty()) {
        if (const Status s = m_projectLock.lock(m_projectPath); !s) {
            m_monitor->onRunStarted(tr("%1 (retry of the failed hosts)").arg(operationTitle(m_operation)));
            m_monitor->onRunFinished(false, s.error());
            return;
        }
    }
    m_cancelRequested = false;
    m_monitor->onRunStarted(tr("%1 (retry of the failed hosts)").arg(operationTitle(m_operation)));
    planRows(again, &m_project);
    if (!m_runner.retryFailed()) {
        m_projectLock.unlock();
        m_monitor->onRunFinished(false, tr("The engine could not start the retry; run the whole operation again."));
    }
}

void EngineBackend::verify(const Project &project, int guestId, int hostId)
{
    RunSettings settings = baseSettings(Operation::Verify);
    settings.guestId = guestId;
    settings.hostId = hostId;
    settings.verifyTimeoutSeconds = project.verification.timeoutSeconds;
    start(project,
          Selection{},
          settings,
          tr("Verify: toy example from party %1 (guest) to party %2 (host)").arg(guestId).arg(hostId));
}

void EngineBackend::refreshStatus(const Project &project)
{
    start(project, Selection{}, baseSettings(Operation::Status), operationTitle(Operation::Status));
}

void EngineBackend::teardown(const Project &project, TeardownLevel level, const QList<int> &partyIds)
{
    RunSettings settings = baseSettings(Operation::Teardown);
    QString title;
    switch (level) {
    case TeardownLevel::StopContainers:
        settings.teardownLevel = FateDeployer::TeardownLevel::Stop;
        title = tr("Teardown: stop the containers");
        break;
    case TeardownLevel::RemoveContainers:
        settings.teardownLevel = FateDeployer::TeardownLevel::Down;
        title = tr("Teardown: remove the containers");
        break;
    case TeardownLevel::RemoveEverything:
        settings.teardownLevel = FateDeployer::TeardownLevel::Remove;
        title = tr("Teardown: remove the containers and the deployment folders");
        break;
    }
    Selection selection;
    selection.parties = partyIds;
    start(project, selection, settings, title);
}

void EngineBackend::cancel()
{
    if (m_preparing) {
        m_cancelRequested = true; // launch() ends the run instead of starting it
        if (m_prepCancel)
            m_prepCancel->store(true); // packing stops at its next file
        return;
    }
    if (m_runner.isRunning())
        m_runner.cancel();
}

void EngineBackend::start(const Project &project,
                          const Selection &selection,
                          RunSettings settings,
                          const QString &title)
{
    if (!m_monitor || isBusy())
        return;
    m_project = project;
    m_projectPath = m_window && m_window->document() ? m_window->document()->filePath() : QString();
    m_operation = settings.operation;
    m_cancelRequested = false;
    if (!m_projectPath.isEmpty())
        settings.projectHash = BundlePrep::projectHash(m_projectPath);

    Plan plan = PlanBuilder::build(project, selection, settings);
    m_monitor->onRunStarted(title);
    if (plan.jobs.isEmpty()) {
        m_monitor->onRunFinished(false, tr("Nothing to do: the selection has no hosts. Add a party or select one."));
        return;
    }
    // The CLI may be running this project from a shell: changing runs of one project never overlap.
    if ((settings.operation == Operation::Deploy || settings.operation == Operation::Teardown)
        && !m_projectPath.isEmpty()) {
        if (const Status s = m_projectLock.lock(m_projectPath); !s) {
            m_monitor->onRunFinished(false, s.error());
            return;
        }
    }
    planRows(plan, &project);

    const bool deploy = settings.operation == Operation::Deploy;
    const bool needsRegistryPassword = deploy && project.registry.usePrivate && !project.registry.uri.isEmpty();
    if (!deploy && !needsRegistryPassword) {
        launch(Prepared{plan, {}, {}});
        return;
    }
    // Rendering, packing and the keychain block: all of it on the owned pool.
    m_rendered = RenderOutput{};
    m_lastDeployedDir = deploy && m_window && !m_projectPath.isEmpty() ? m_window->lastRenderDir() : QString();
    m_work = std::make_unique<QTemporaryDir>();
    if (!m_work->isValid()) {
        m_projectLock.unlock();
        m_monitor->onRunFinished(false,
                                 tr("Cannot create a temporary folder for the bundles: %1. Free some disk space "
                                    "and try again.")
                                     .arg(m_work->errorString()));
        return;
    }
    m_preparing = true;
    m_prepCancel = std::make_shared<std::atomic_bool>(false);
    const std::shared_ptr<std::atomic_bool> prepCancel = m_prepCancel;
    const QString projectDir = m_projectPath.isEmpty() ? QString() : QFileInfo(m_projectPath).absolutePath();
    const QString workDir = m_work->path();
    std::shared_ptr<SecretStore> secrets = m_secrets;
    m_prep.setFuture(
        QtConcurrent::run(&m_pool, [plan, project, projectDir, workDir, secrets, needsRegistryPassword, prepCancel] {
            Prepared out{plan, {}, {}};
            if (needsRegistryPassword && secrets) {
                const auto stored
                    = secrets->read(SecretStore::registryPasswordKey(project.registry.uri, project.registry.username));
                if (stored.ok() && stored.value())
                    out.plan.settings.registryPassword = stored.value()->toUtf8();
            }
            if (const Status s
                = BundlePrep::prepare(project, projectDir, workDir, out.plan, &out.rendered, prepCancel.get());
                !s)
                out.error = s.error();
            return out;
        }));
}

void EngineBackend::launch(const Prepared &prepared)
{
    m_preparing = false;
    if (!m_monitor)
        return;
    if (m_cancelRequested) { // before the error: a cancelled packing reports "packing cancelled"
        m_projectLock.unlock();
        m_monitor->onRunFinished(false, tr("cancelled before any host was contacted"));
        return;
    }
    if (!prepared.error.isEmpty()) {
        m_projectLock.unlock();
        m_monitor->onRunFinished(false, tr("Preparing the bundles failed: %1").arg(prepared.error));
        return;
    }
    m_rendered = prepared.rendered;
    SshChannelOptions ssh = SshChannelOptions::forProject(m_project, m_projectPath);
    if (m_settings) {
        if (ssh.knownHostsFile.isEmpty())
            ssh.knownHostsFile = m_settings->knownHostsFile();
        ssh.connectTimeoutSeconds = m_settings->connectTimeoutSeconds();
    }
    ssh.prompter = m_prompter.get();
    ssh.secrets = m_secrets.get();
    m_runner.setChannelFactory(sshChannelFactory(ssh));
    if (!m_runner.start(prepared.plan)) {
        m_projectLock.unlock();
        m_monitor->onRunFinished(false, tr("The engine is still busy with another run; wait for it or cancel it."));
    }
}

void EngineBackend::planRows(const Plan &plan, const Project *project)
{
    // Rows are named by host address (the topology picture colours nodes by address); the
    // exchange sharing a party's host gets its own row under its label.
    QSet<QString> partyHosts;
    if (project)
        for (const Party &p : project->parties)
            partyHosts.insert(p.host);
    m_stepCount.clear();
    for (const HostJob &job : plan.jobs) {
        const bool shared = job.target.partyId == 0 && partyHosts.contains(job.target.address);
        const QString row = shared ? job.target.label : job.target.address;
        m_rows.insert(job.target.key, row);
        m_stepCount.insert(job.target.key, int(job.steps.size()));
        QStringList steps;
        for (const Step &s : job.steps)
            steps.append(stepKindTitle(s.kind));
        // The shared exchange's row name already says what it is.
        const QString role = job.target.partyId ? tr("party %1").arg(job.target.partyId)
                             : shared           ? QString()
                                                : tr("exchange");
        m_monitor->onHostPlanned(row, role, steps);
    }
}

void EngineBackend::onHostEvents(const QString &host, const QList<JobEvent> &events)
{
    if (!m_monitor)
        return;
    const QString row = rowFor(host);
    const qint64 epochStart = m_runner.lastReport().startedAt.isValid()
                                  ? m_runner.lastReport().startedAt.toMSecsSinceEpoch()
                                  : QDateTime::currentMSecsSinceEpoch();
    LogBatch batch;
    auto flushOutput = [&] {
        if (!batch.isEmpty()) {
            m_monitor->onOutput(batch);
            batch.clear();
        }
    };
    for (const JobEvent &e : events) {
        switch (e.type) {
        case JobEvent::Type::Output:
            batch.append(LogEntry{
                epochStart + e.line.msecsSinceStart, row, e.line.text, severityOf(e.line), channelOf(e.line.stream)});
            break;
        case JobEvent::Type::StepStarted:
            flushOutput();
            m_monitor->onStepStarted(row, stepKindTitle(e.step.kind));
            break;
        case JobEvent::Type::StepFinished: {
            flushOutput();
            const QString step = stepKindTitle(e.step.kind);
            switch (e.step.result) {
            case StepResult::Ok:
            case StepResult::Warning:
                m_monitor->onStepFinished(row, step, true, messageOf(e.step));
                if (e.step.kind == StepKind::Images)
                    showImagePresence(host, e.step.result == StepResult::Ok ? QString() : e.step.summary);
                break;
            case StepResult::Skipped:
                m_monitor->onStepSkipped(row, step);
                break;
            case StepResult::Cancelled:
                m_monitor->onStepFinished(row, step, false, tr("cancelled"));
                break;
            case StepResult::Failed:
            case StepResult::Pending:
            case StepResult::Running: {
                QString message = messageOf(e.step);
                if (!e.step.command.isEmpty())
                    message += QLatin1Char('\n') + tr("Command: %1").arg(e.step.command);
                m_monitor->onStepFinished(row, step, false, message);
                if (!e.step.lastLines.isEmpty()) {
                    LogBatch tail;
                    for (const QString &l : e.step.lastLines)
                        tail.append(LogEntry{QDateTime::currentMSecsSinceEpoch(),
                                             row,
                                             QStringLiteral("  | ") + l,
                                             LogEntry::Severity::Error,
                                             LogEntry::Channel::Deployer});
                    m_monitor->onOutput(tail);
                }
                break;
            }
            }
            break;
        }
        case JobEvent::Type::StepProgress:
            for (const HostJob &job : m_runner.plan().jobs)
                if (job.target.key == host && e.stepIndex >= 0 && e.stepIndex < job.steps.size())
                    m_monitor->onStepDetail(
                        row, stepKindTitle(job.steps.at(e.stepIndex).kind), e.done, e.total, e.progressText);
            break;
        case JobEvent::Type::Progress:
        case JobEvent::Type::HostFinished:
            break; // the step segments show the per-host progress; hostFinished() carries the outcome
        }
    }
    flushOutput();
}

void EngineBackend::showImagePresence(const QString &hostKey, const QString &missingSummary)
{
    if (!m_window || !m_window->imagesPage())
        return;
    for (const HostJob &job : m_runner.plan().jobs) {
        if (job.target.key != hostKey)
            continue;
        // The Images check names every missing image verbatim ("missing images: a, b"); all others are there.
        QSet<QString> missing;
        for (QString word : missingSummary.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts)) {
            while (!word.isEmpty() && QStringLiteral(",;，；").contains(word.back()))
                word.chop(1);
            missing.insert(word);
        }
        for (const QString &image : job.bundle.images)
            m_window->imagesPage()->setImagePresence(job.target.address, image, !missing.contains(image));
    }
}

void EngineBackend::onHostFinished(const HostOutcome &outcome)
{
    if (!m_monitor)
        return;
    const QString row = rowFor(outcome.target.key);
    // Steps never reported (the job stopped before them) end as skipped, so the row is complete.
    for (int i = int(outcome.steps.size()); i < m_stepCount.value(outcome.target.key); ++i) {
        const QList<Step> steps = [&] {
            for (const HostJob &job : m_runner.plan().jobs)
                if (job.target.key == outcome.target.key)
                    return job.steps;
            return QList<Step>{};
        }();
        if (i < steps.size() && outcome.result != StepResult::Cancelled)
            m_monitor->onStepSkipped(row, stepKindTitle(steps.at(i).kind));
    }
    // A host whose deploy succeeded holds every image of its bundle.
    if (m_operation == Operation::Deploy && outcome.succeeded())
        showImagePresence(outcome.target.key, QString());
    if (!outcome.containers.isEmpty() || m_operation == Operation::Status || m_operation == Operation::Teardown) {
        QList<ContainerRow> rows;
        for (const ContainerStatus &c : outcome.containers)
            rows.append(rowOf(row, c));
        m_monitor->onContainerStatus(row, rows);
    }
}

void EngineBackend::storeDeployedBundles(const RunReport &report)
{
    if (m_lastDeployedDir.isEmpty() || m_rendered.bundles.isEmpty())
        return;
    // Only the bundles whose host succeeded: the others keep what was deployed there before.
    QSet<QString> names;
    for (const HostOutcome &h : report.hosts)
        if (h.succeeded())
            for (const HostJob &job : m_runner.plan().jobs)
                if (job.target.key == h.target.key)
                    names.insert(job.bundle.name);
    RenderOutput deployed = m_rendered;
    deployed.bundles.removeIf([&names](const Bundle &b) { return !names.contains(b.name); });
    if (deployed.bundles.isEmpty())
        return;
    QStringList stored;
    for (const Bundle &b : std::as_const(deployed.bundles))
        stored.append(b.name);
    const QString dir = m_lastDeployedDir;
    QtConcurrent::run(&m_storePool, [deployed, dir] {
        return BundleWriter::writeTree(deployed, dir);
    }).then(this, [this, stored, dir](const Status &status) {
        if (!status && m_monitor)
            m_monitor->onOutput(LogBatch{LogEntry{
                QDateTime::currentMSecsSinceEpoch(),
                QString(),
                tr("Could not keep the deployed bundles in %1 for the Render preview: %2").arg(dir, status.error()),
                LogEntry::Severity::Warning,
                LogEntry::Channel::Deployer}});
        emit deployedBundlesStored(status ? stored : QStringList(), status ? QString() : status.error());
    });
}

void EngineBackend::onFinished(const RunReport &report)
{
    m_projectLock.unlock();
    m_lastReport = report;
    m_lastHistoryId = 0;
    // History: SQLite on the pool (one store per write: a store is used from one thread only).
    QtConcurrent::run(&m_pool, [report]() -> QPair<qint64, QString> {
        HistoryStore store;
        if (!store.status())
            return {0, store.status().error()};
        const Result<qint64> id = store.add(report);
        return id ? QPair<qint64, QString>{id.value(), {}} : QPair<qint64, QString>{0, id.error()};
    }).then(this, [this](const QPair<qint64, QString> &stored) {
        m_lastHistoryId = stored.first;
        emit historyStored(stored.first, stored.second);
    });
    if (report.operation == Operation::Deploy)
        storeDeployedBundles(report);
    if (!m_monitor)
        return;

    int ok = 0;
    QStringList failed;
    for (const HostOutcome &h : report.hosts) {
        if (h.succeeded())
            ++ok;
        else
            failed.append(rowFor(h.target.key));
    }
    QString summary;
    if (report.cancelled)
        summary = tr("cancelled; %n host(s) finished", nullptr, ok);
    else if (failed.isEmpty())
        summary = tr("%n host(s) succeeded in %1", nullptr, int(report.hosts.size()))
                      .arg(formatDuration(report.durationMs));
    else
        summary = tr("failed on %1 (%2 of %3 host(s) succeeded); fix the reason shown in the row, then Retry failed")
                      .arg(failed.join(QStringLiteral(", ")))
                      .arg(ok)
                      .arg(report.hosts.size());

    if (report.operation == Operation::Verify) {
        bool passed = false;
        QString verifySummary = tr("The toy example did not run.");
        QString details;
        for (const HostOutcome &h : report.hosts) {
            const StepOutcome *step = h.failedStep();
            for (const StepOutcome &s : h.steps)
                if (s.kind == StepKind::Verify)
                    step = &s;
            if (step) {
                passed = step->kind == StepKind::Verify
                         && (step->result == StepResult::Ok || step->result == StepResult::Warning);
                verifySummary = messageOf(*step);
                QStringList lines;
                if (!passed && !step->command.isEmpty())
                    lines.append(tr("Command: %1").arg(step->command));
                lines.append(step->lastLines);
                details = lines.join(QLatin1Char('\n'));
            }
            if (!h.verifyOutput.trimmed().isEmpty())
                details = passed || details.isEmpty() ? h.verifyOutput.trimmed()
                                                      : h.verifyOutput.trimmed() + QLatin1String("\n\n") + details;
        }
        if (report.cancelled)
            verifySummary = tr("Verification cancelled.");
        m_monitor->onVerifyFinished(passed && !report.cancelled, verifySummary, details);
    }
    m_monitor->onRunFinished(report.succeeded(), summary);
}

} // namespace FateDeployer
