// SPDX-License-Identifier: Apache-2.0
#include "gui/enginebackend.h"

#include "gui/appsettings.h"
#include "gui/deploymonitor.h"
#include "gui/prompter.h"
#include "jobs/daytwo.h"
#include "jobs/parsers.h"
#include "remote/prompter.h"
#include "settings/secretstore.h"
#include "templates/templatesource.h"

#include <QDateTime>
#include <QSet>

namespace FateDeployer {

namespace {

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

EngineBackend::EngineBackend(AppSettings *settings, std::shared_ptr<SecretStore> secrets, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_secrets(std::move(secrets))
    , m_session(SessionEnvironment{})
{
    connect(&m_session, &RunSession::planned, this, &EngineBackend::planRows);
    connect(&m_session, &RunSession::started, this, [this] { m_runStartMs = QDateTime::currentMSecsSinceEpoch(); });
    connect(&m_session, &RunSession::hostEvents, this, &EngineBackend::onHostEvents);
    connect(&m_session, &RunSession::hostFinished, this, &EngineBackend::onHostFinished);
    connect(&m_session, &RunSession::aborted, this, [this](const QString &message) { onAborted(message); });
    connect(&m_session, &RunSession::stored, this, [this](qint64 id, const QString &error) {
        m_lastHistoryId = id;
        emit historyStored(id, error);
        if (m_monitor && id > 0)
            m_monitor->onRunStored(id);
    });
    connect(&m_session, &RunSession::finished, this, &EngineBackend::onFinished);
    connect(
        &m_session, &RunSession::deployedBundlesStored, this, [this](const QStringList &bundles, const QString &error) {
            if (!error.isEmpty() && m_monitor)
                m_monitor->onOutput(
                    LogBatch{LogEntry{QDateTime::currentMSecsSinceEpoch(),
                                      QString(),
                                      tr("Could not keep the deployed bundles in %1 for the Render preview: %2")
                                          .arg(m_deployedBundlesDir, error),
                                      LogEntry::Severity::Warning,
                                      LogEntry::Channel::Deployer}});
            emit deployedBundlesStored(bundles, error);
        });
}

EngineBackend::~EngineBackend()
{
    m_session.cancel();
}

void EngineBackend::attach(DeployMonitor *monitor, GuiPrompter *prompter)
{
    m_monitor = monitor;
    if (prompter && !m_session.isBusy())
        m_prompter = prompter->engineAdapter();
}

void EngineBackend::setProjectFile(const QString &path, const QString &deployedBundlesDir)
{
    m_projectPath = path;
    m_deployedBundlesDir = path.isEmpty() ? QString() : deployedBundlesDir;
}

SessionEnvironment EngineBackend::environment() const
{
    SessionEnvironment env;
    env.secrets = m_secrets;
    env.prompter = m_prompter.get();
    env.hostKeyPolicy = HostKeyPolicy::Ask;
    if (m_settings) {
        env.fallbackKnownHostsFile = m_settings->knownHostsFile();
        env.connectTimeoutSeconds = m_settings->connectTimeoutSeconds();
    }
    return env;
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

void EngineBackend::applyChanges(const Project &project,
                                 const QList<int> &partyIds,
                                 bool exchange,
                                 const QHash<QString, QStringList> &restartOnly,
                                 const QList<HostRemoval> &removals)
{
    if (!m_monitor || isBusy())
        return;
    Selection selection;
    selection.parties = partyIds;
    selection.exchange = exchange;
    RunSettings settings = baseSettings(Operation::Deploy);
    settings.verifyTimeoutSeconds = project.verification.timeoutSeconds;
    std::optional<RunRequest> removal;
    if (!removals.isEmpty()) {
        RunRequest base;
        base.project = project;
        base.projectPath = m_projectPath;
        base.settings = settings;
        removal = RunSession::removalRequest(base, removals);
    }
    if (!selection.explicitSelection()) { // nothing to deploy (an empty selection would mean every host)
        m_afterApply = removal;
        startRemoval();
        return;
    }
    start(project, selection, settings, tr("Apply the change plan"), restartOnly);
    m_afterApply = removal;
}

void EngineBackend::startRemoval()
{
    if (!m_afterApply || !m_monitor)
        return;
    const RunRequest removal = *m_afterApply;
    m_afterApply.reset();
    m_session.setEnvironment(environment());
    m_partyHosts.clear();
    m_rows.clear();
    m_monitor->onRunStarted(tr("Apply the change plan: remove the hosts of parties that left"));
    if (const Status s = m_session.start(removal); !s)
        m_monitor->onRunFinished(false, s.error());
}

void EngineBackend::retryFailed(const Project &project, const QStringList &hosts)
{
    Q_UNUSED(project)
    Q_UNUSED(hosts) // the session knows which hosts of its last run failed
    if (!m_monitor || m_session.isBusy() || m_session.failedHosts().isEmpty())
        return;
    m_monitor->onRunStarted(
        tr("%1 (retry of the failed hosts)").arg(operationTitle(m_session.currentPlan().settings.operation)));
    if (const Status s = m_session.retryFailed(); !s)
        m_monitor->onRunFinished(false, s.error());
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

void EngineBackend::testRegistryLogin(const Project &project)
{
    RunSettings settings = baseSettings(Operation::Preflight);
    settings.registryOnly = true;
    start(project, Selection{}, settings, tr("Test registry login"));
}

void EngineBackend::checkConnectivity(const Project &project)
{
    start(project, Selection{}, baseSettings(Operation::Matrix), operationTitle(Operation::Matrix));
}

void EngineBackend::checkDrift(const Project &project)
{
    start(project, Selection{}, baseSettings(Operation::Drift), operationTitle(Operation::Drift));
}

void EngineBackend::checkToyGrid(const Project &project)
{
    RunSettings settings = baseSettings(Operation::Verify);
    settings.toyPairs = DayTwo::allToyPairs(project);
    settings.maxJobsPerHost = DayTwo::toyJobsPerGuest(project);
    settings.verifyTimeoutSeconds = project.verification.timeoutSeconds;
    if (settings.toyPairs.isEmpty()) {
        if (m_monitor)
            m_monitor->onRunFinished(false,
                                     tr("The toy grid needs two parties, one of them deployed by this project."));
        return;
    }
    start(
        project, Selection{}, settings, tr("Toy grid: %n pair(s) of parties", nullptr, int(settings.toyPairs.size())));
}

void EngineBackend::rollback(const Project &project, const QList<int> &partyIds)
{
    Selection selection; // party id 0 = the exchange
    for (int id : partyIds)
        if (id)
            selection.parties.append(id);
        else
            selection.exchange = true;
    start(project, selection, baseSettings(Operation::Rollback), operationTitle(Operation::Rollback));
}

void EngineBackend::cancel()
{
    if (m_download)
        m_download->cancel(); // failed() follows and ends the run
    m_session.cancel();
}

void EngineBackend::start(const Project &project,
                          const Selection &selection,
                          RunSettings settings,
                          const QString &title,
                          const QHash<QString, QStringList> &restartOnly)
{
    if (!m_monitor || isBusy())
        return;
    m_afterApply.reset(); // a removal follows only the deploy of the apply that set it (after this)
    m_session.setEnvironment(environment());
    RunRequest request;
    request.project = project;
    request.projectPath = m_projectPath;
    request.selection = selection;
    request.settings = settings;
    request.restartOnly = restartOnly;
    if (settings.operation == Operation::Deploy)
        request.deployedBundlesDir = m_deployedBundlesDir;
    m_partyHosts.clear();
    for (const Party &p : project.parties)
        m_partyHosts.insert(p.host);
    m_rows.clear();
    m_monitor->onRunStarted(title);
    // Rendering needs the templates; a URL source is read from the cache only by the session.
    const Operation op = settings.operation;
    const bool needsTemplates
        = op == Operation::Deploy || op == Operation::Status || (op == Operation::Preflight && !settings.registryOnly);
    if (needsTemplates && project.templates.kind == TemplateSource::Kind::Url
        && !TemplateSources::cachedUrl(TemplateSources::downloadUrl(project.templates), project.templates.sha256)) {
        downloadThenStart(request);
        return;
    }
    if (const Status s = m_session.start(request); !s)
        m_monitor->onRunFinished(false, s.error());
}

void EngineBackend::downloadThenStart(const RunRequest &request)
{
    const QString row = tr("KubeFATE templates");
    const QString key = QStringLiteral("download");
    const QUrl url = TemplateSources::downloadUrl(request.project.templates);
    m_monitor->onHostPlanned(row, QString(), {tr("Download")}, {key});
    m_monitor->onStepStarted(row, key);
    m_monitor->onOutput(LogBatch{LogEntry{QDateTime::currentMSecsSinceEpoch(),
                                          row,
                                          tr("The KubeFATE %1 templates are not in the cache; downloading %2")
                                              .arg(request.project.templates.kubefateVersion, url.toDisplayString()),
                                          LogEntry::Severity::Info,
                                          LogEntry::Channel::Deployer}});
    auto *download = new TemplateDownloader(this);
    m_download = download;
    connect(download, &TemplateDownloader::progress, this, [this, row, key](qint64 received, qint64 total) {
        if (m_monitor)
            m_monitor->onStepDetail(row,
                                    key,
                                    received,
                                    std::max<qint64>(total, 0),
                                    total > 0 ? tr("%1 of %2").arg(humanBytes(received), humanBytes(total))
                                              : humanBytes(received));
    });
    connect(
        download, &TemplateDownloader::finished, this, [this, download, row, key, url, request](const TemplateTree &) {
            download->deleteLater();
            m_download = nullptr;
            if (!m_monitor)
                return;
            const QString sha = TemplateSources::cachedUrlSha256(url);
            m_monitor->onStepFinished(
                row,
                key,
                true,
                tr("downloaded; sha256 %1 recorded (put it in the project's template checksum to pin it)").arg(sha));
            if (const Status s = m_session.start(request); !s)
                m_monitor->onRunFinished(false, s.error());
        });
    connect(download, &TemplateDownloader::failed, this, [this, download, row, key, request](const QString &error) {
        download->deleteLater();
        m_download = nullptr;
        if (!m_monitor)
            return;
        m_monitor->onStepFinished(row, key, false, error);
        if (request.settings.operation == Operation::Status) { // status lists what runs without templates too
            if (const Status s = m_session.start(request); !s)
                m_monitor->onRunFinished(false, s.error());
            return;
        }
        m_monitor->onRunFinished(false,
                                 tr("the KubeFATE templates could not be downloaded: %1. Offline, choose a KubeFATE "
                                    "folder or release archive on the Images page.")
                                     .arg(error));
    });
    download->start(url, request.project.templates.sha256);
}

const HostJob *EngineBackend::jobFor(const QString &key) const
{
    for (const HostJob &job : m_session.currentPlan().jobs)
        if (job.target.key == key)
            return &job;
    return nullptr;
}

void EngineBackend::planRows(const Plan &plan)
{
    if (!m_monitor)
        return;
    // Rows are named by host address (the topology picture colours nodes by address); the
    // exchange sharing a party's host gets its own row under its label. Steps are keyed by kind.
    for (const HostJob &job : plan.jobs) {
        const bool shared = job.target.partyId == 0 && m_partyHosts.contains(job.target.address);
        // A toy grid has a job per pair, several on one guest's host: a row per pair.
        const bool pair = job.target.toyHostId != 0;
        const QString row = shared || pair ? job.target.label : job.target.address;
        m_rows.insert(job.target.key, row);
        QStringList titles;
        QStringList keys;
        for (const Step &s : job.steps) {
            titles.append(stepKindTitle(s.kind));
            keys.append(stepKindName(s.kind));
        }
        // The shared exchange's row name already says what it is.
        const QString role = pair                 ? tr("toy example")
                             : job.target.partyId ? tr("party %1").arg(job.target.partyId)
                             : shared             ? QString()
                                                  : tr("exchange");
        m_monitor->onHostPlanned(row, role, titles, keys);
    }
}

void EngineBackend::onHostEvents(const QString &host, const QList<JobEvent> &events)
{
    if (!m_monitor)
        return;
    const QString row = rowFor(host);
    const qint64 epochStart = m_runStartMs ? m_runStartMs : QDateTime::currentMSecsSinceEpoch();
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
            batch.append(logEntryFromLine(e.line, row, epochStart));
            break;
        case JobEvent::Type::StepStarted:
            flushOutput();
            m_monitor->onStepStarted(row, stepKindName(e.step->kind));
            break;
        case JobEvent::Type::StepFinished: {
            flushOutput();
            const QString step = stepKindName(e.step->kind);
            switch (e.step->result) {
            case StepResult::Ok:
            case StepResult::Warning:
                m_monitor->onStepFinished(row, step, true, messageOf(e.step));
                if (e.step->kind == StepKind::Images)
                    showImagePresence(host, e.step->missingImages);
                if (e.step->kind == StepKind::Registry)
                    m_monitor->onRegistryChecked(row, true, messageOf(e.step));
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
                if (!e.step->command.isEmpty())
                    message += QLatin1Char('\n') + tr("Command: %1").arg(e.step->command);
                m_monitor->onStepFinished(row, step, false, message);
                if (e.step->kind == StepKind::Registry)
                    m_monitor->onRegistryChecked(row, false, messageOf(e.step));
                if (!e.step->lastLines.isEmpty()) {
                    LogBatch tail;
                    for (const QString &l : e.step->lastLines)
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
            if (const HostJob *job = jobFor(host); job && e.stepIndex >= 0 && e.stepIndex < job->steps.size())
                m_monitor->onStepDetail(
                    row, stepKindName(job->steps.at(e.stepIndex).kind), e.done, e.total, e.progressText);
            break;
        case JobEvent::Type::Progress:
        case JobEvent::Type::HostFinished:
            break; // the step segments show the per-host progress; hostFinished() carries the outcome
        }
    }
    flushOutput();
}

void EngineBackend::showImagePresence(const QString &hostKey, const QStringList &missing)
{
    if (!m_monitor)
        return;
    // Every bundle of the host: v1.11's serving bundle brings its own images.
    if (const HostJob *job = jobFor(hostKey))
        for (const HostBundle *bundle : job->bundles())
            for (const QString &image : bundle->images)
                m_monitor->onImagePresence(job->target.address, image, !missing.contains(image));
}

void EngineBackend::onHostFinished(const HostOutcome &outcome)
{
    if (!m_monitor)
        return;
    const QString row = rowFor(outcome.target.key);
    const HostJob *job = jobFor(outcome.target.key);
    // Steps never reported (the job stopped before them) end as skipped, so the row is complete.
    if (job && outcome.result != StepResult::Cancelled)
        for (qsizetype i = outcome.steps.size(); i < job->steps.size(); ++i)
            m_monitor->onStepSkipped(row, stepKindName(job->steps.at(i).kind));
    const Operation op = m_session.currentPlan().settings.operation;
    // A host whose deploy succeeded holds every image of its bundle.
    if (op == Operation::Deploy && outcome.succeeded())
        showImagePresence(outcome.target.key, {});
    if (!outcome.containers.isEmpty() || op == Operation::Status || op == Operation::Teardown) {
        QList<ContainerRow> rows;
        for (const ContainerStatus &c : outcome.containers)
            rows.append(rowOf(row, c));
        m_monitor->onContainerStatus(row, rows);
    }
}

void EngineBackend::onAborted(const QString &message)
{
    if (m_monitor)
        m_monitor->onRunFinished(false, message);
}

void EngineBackend::onFinished(const RunReport &report)
{
    if (!m_monitor)
        return;
    // Apply: the removal follows a deploy that succeeded, once this run's row states are final.
    if (m_afterApply && report.operation == Operation::Deploy) {
        if (report.succeeded())
            QMetaObject::invokeMethod(this, &EngineBackend::startRemoval, Qt::QueuedConnection);
        else
            m_afterApply.reset();
    }

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

    if (report.operation == Operation::Matrix) {
        QList<MatrixCell> cells;
        for (const HostOutcome &h : report.hosts)
            for (const StepOutcome &s : h.steps)
                cells += s.cells;
        m_monitor->onMatrixChecked(cells);
    }
    if (report.operation == Operation::Drift) {
        QList<HostDrift> hosts;
        for (const HostOutcome &h : report.hosts) {
            HostDrift d{h.target.key, h.target.address, false, QString(), {}};
            for (const StepOutcome &s : h.steps) {
                if (s.kind == StepKind::Drift && (s.result == StepResult::Ok || !s.drift.isEmpty()))
                    d.checked = true;
                if (s.result == StepResult::Failed || s.kind == StepKind::Drift)
                    d.summary = s.summary;
                if (s.kind == StepKind::Drift)
                    d.entries = s.drift;
            }
            hosts.append(d);
        }
        m_monitor->onDriftChecked(hosts);
    }
    const QList<ToyCell> grid = report.toyGrid();
    if (!grid.isEmpty())
        m_monitor->onToyGridChecked(grid);
    if (report.operation == Operation::Verify && grid.isEmpty()) {
        bool passed = false;
        QString verifySummary = tr("The toy example did not run.");
        QString details;
        for (const HostOutcome &h : report.hosts) {
            const StepOutcome *step = h.failedStep();
            for (const StepOutcome &s : h.steps)
                if (s.kind == StepKind::Verify)
                    step = &s;
            // The toy's whole output when there is one; the step's last lines are its end, not shown twice.
            const QString output = h.verifyOutput.trimmed();
            if (step) {
                passed = step->kind == StepKind::Verify
                         && (step->result == StepResult::Ok || step->result == StepResult::Warning);
                verifySummary = messageOf(*step);
                QStringList lines;
                if (!output.isEmpty())
                    lines.append(output);
                else
                    lines.append(step->lastLines);
                if (!passed && !step->command.isEmpty())
                    lines.append((output.isEmpty() ? QString() : QStringLiteral("\n"))
                                 + tr("Command: %1").arg(step->command));
                details = lines.join(QLatin1Char('\n'));
            } else if (!output.isEmpty()) {
                details = output;
            }
        }
        if (report.cancelled)
            verifySummary = tr("Verification cancelled.");
        m_monitor->onVerifyFinished(passed && !report.cancelled, verifySummary, details);
    }
    m_monitor->onRunFinished(report.succeeded(), summary);
}

} // namespace FateDeployer
