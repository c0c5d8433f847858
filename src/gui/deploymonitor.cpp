// SPDX-License-Identifier: Apache-2.0
#include "gui/deploymonitor.h"

#include "gui/hoststatus.h"
#include "gui/icons.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>

namespace FateDeployer {

QString formatDuration(qint64 ms)
{
    const qint64 seconds = ms / 1000;
    if (seconds < 60) {
        // Literal translate() calls so lupdate sees them (a wrapper would hide the strings).
        if (ms < 10000)
            return QCoreApplication::translate(
                       "FateDeployer::DeployMonitor", "%1 s", "duration in seconds with one decimal")
                .arg(double(ms) / 1000.0, 0, 'f', 1);
        return QCoreApplication::translate("FateDeployer::DeployMonitor", "%1 s", "duration in whole seconds")
            .arg(seconds);
    }
    if (seconds < 3600)
        return QCoreApplication::translate("FateDeployer::DeployMonitor", "%1 min %2 s", "duration")
            .arg(seconds / 60)
            .arg(seconds % 60);
    return QCoreApplication::translate("FateDeployer::DeployMonitor", "%1 h %2 min", "duration")
        .arg(seconds / 3600)
        .arg((seconds % 3600) / 60);
}

StepState::State HostRun::overall() const
{
    bool anyRunning = false;
    bool allFinished = true;
    for (const StepState &s : steps) {
        if (s.state == StepState::State::Failed)
            return StepState::State::Failed;
        if (s.state == StepState::State::Running)
            anyRunning = true;
        if (s.state == StepState::State::Pending)
            allFinished = false;
    }
    if (anyRunning)
        return StepState::State::Running;
    if (allFinished && !steps.isEmpty())
        return StepState::State::Done;
    return StepState::State::Pending;
}

int HostRun::currentStep() const
{
    for (int i = 0; i < steps.size(); ++i) {
        if (steps.at(i).state == StepState::State::Running || steps.at(i).state == StepState::State::Failed)
            return i;
    }
    for (int i = 0; i < steps.size(); ++i) {
        if (steps.at(i).state == StepState::State::Pending)
            return i;
    }
    return -1;
}

// ---------------------------------------------------------------------------------------------
HostRunModel::HostRunModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    m_clock.start();
}

HostRunModel::~HostRunModel() = default;

int HostRunModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_runs.size());
}

int HostRunModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HostRunModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_runs.size())
        return {};
    const HostRun &run = m_runs.at(index.row());
    const StepState::State overall = run.overall();
    const int current = run.currentStep();
    auto elapsed = [this, &run] {
        qint64 start = 0, end = 0;
        for (const StepState &s : run.steps) {
            if (s.startedMs && (!start || s.startedMs < start))
                start = s.startedMs;
            end = qMax(end, s.state == StepState::State::Running ? m_clock.elapsed() : s.finishedMs);
        }
        return start ? end - start : qint64(0);
    };

    if (role == StateRole)
        return int(overall);
    switch (index.column()) {
    case HostColumn:
        if (role == Qt::DisplayRole)
            return run.role.isEmpty() ? run.host : tr("%1 (%2)").arg(run.host, run.role);
        if (role == Qt::DecorationRole) {
            switch (overall) {
            case StepState::State::Done:
                return Icons::icon(Icons::Glyph::Ok);
            case StepState::State::Failed:
                return Icons::icon(Icons::Glyph::Error);
            case StepState::State::Running:
                return Icons::icon(Icons::Glyph::Running);
            default:
                return Icons::icon(Icons::Glyph::Pending);
            }
        }
        break;
    case StepsColumn:
        if (role == StepsRole)
            return QVariant::fromValue(index.row());
        if (role == Qt::ToolTipRole) {
            QStringList lines;
            for (const StepState &s : run.steps) {
                QString state;
                switch (s.state) {
                case StepState::State::Pending:
                    state = tr("pending");
                    break;
                case StepState::State::Running:
                    state = tr("running for %1").arg(formatDuration(m_clock.elapsed() - s.startedMs));
                    break;
                case StepState::State::Done:
                    state = tr("done in %1").arg(formatDuration(s.finishedMs - s.startedMs));
                    break;
                case StepState::State::Failed:
                    state = tr("failed after %1").arg(formatDuration(s.finishedMs - s.startedMs));
                    break;
                case StepState::State::Skipped:
                    state = tr("skipped");
                    break;
                }
                lines.append(tr("%1: %2").arg(s.name, state));
            }
            return lines.join(QLatin1Char('\n'));
        }
        break;
    case StatusColumn:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
            if (current < 0)
                return overall == StepState::State::Done ? tr("Done") : QString();
            const StepState &s = run.steps.at(current);
            switch (s.state) {
            case StepState::State::Failed:
                return s.message.isEmpty() ? tr("Failed at “%1”").arg(s.name)
                                           : tr("Failed at “%1”: %2").arg(s.name, s.message);
            case StepState::State::Running:
                if (!s.detail.isEmpty())
                    return tr("%1: %2").arg(s.name, s.detail);
                if (s.total > 0)
                    return tr("%1 (%2%)").arg(s.name).arg(int(100 * s.done / s.total));
                return s.name;
            default:
                return overall == StepState::State::Pending && current == 0 ? tr("Waiting") : s.name;
            }
        }
        if (role == Qt::ForegroundRole && overall == StepState::State::Failed)
            return Icons::statusColor(Icons::Glyph::Error);
        break;
    case ElapsedColumn:
        if (role == Qt::DisplayRole) {
            const qint64 ms = elapsed();
            return ms > 0 ? formatDuration(ms) : QString();
        }
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

QVariant HostRunModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case HostColumn:
        return tr("Host");
    case StepsColumn:
        return tr("Steps");
    case StatusColumn:
        return tr("Status");
    case ElapsedColumn:
        return tr("Time", "elapsed time of a host's deployment");
    }
    return {};
}

int HostRunModel::rowOf(const QString &host) const
{
    for (int i = 0; i < m_runs.size(); ++i) {
        if (m_runs.at(i).host == host)
            return i;
    }
    return -1;
}

QStringList HostRunModel::failedHosts() const
{
    QStringList out;
    for (const HostRun &run : m_runs) {
        if (run.overall() == StepState::State::Failed)
            out.append(run.host);
    }
    return out;
}

void HostRunModel::reset(const QList<HostRun> &runs)
{
    beginResetModel();
    m_runs = runs;
    endResetModel();
}

void HostRunModel::addHost(const HostRun &run)
{
    const int row = rowOf(run.host);
    if (row >= 0) {
        m_runs[row] = run;
        touch(row);
        return;
    }
    beginInsertRows({}, int(m_runs.size()), int(m_runs.size()));
    m_runs.append(run);
    endInsertRows();
}

StepState *HostRunModel::step(const QString &host, const QString &step, int *rowOut)
{
    int row = rowOf(host);
    if (row < 0) { // an engine may report hosts it did not plan (e.g. preflight); show them anyway
        addHost(HostRun{host, {}, {}});
        row = int(m_runs.size()) - 1;
    }
    if (rowOut)
        *rowOut = row;
    QList<StepState> &steps = m_runs[row].steps;
    for (StepState &s : steps) {
        if ((s.key.isEmpty() ? s.name : s.key) == step)
            return &s;
    }
    steps.append(StepState{step, StepState::State::Pending, 0, 0, 0, 0, {}, {}, {}});
    return &steps.last();
}

void HostRunModel::touch(int row)
{
    if (row >= 0 && row < m_runs.size())
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

// ---------------------------------------------------------------------------------------------
ContainerModel::ContainerModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    qRegisterMetaType<ContainerRow>();
    qRegisterMetaType<QList<ContainerRow>>();
}

ContainerModel::~ContainerModel() = default;

int ContainerModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ContainerModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ContainerModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const ContainerRow &c = m_rows.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case HostColumn:
            return c.host;
        case NameColumn:
            return c.name;
        case ImageColumn:
            return c.image;
        case StateColumn:
            return c.state;
        case StatusColumn:
            return c.status;
        }
    }
    if (role == Qt::DecorationRole && index.column() == StateColumn)
        return Icons::icon(c.state == QLatin1String("running") ? Icons::Glyph::Ok : Icons::Glyph::Error);
    return {};
}

QVariant ContainerModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case HostColumn:
        return tr("Host");
    case NameColumn:
        return tr("Container");
    case ImageColumn:
        return tr("Image");
    case StateColumn:
        return tr("State", "container state, e.g. running");
    case StatusColumn:
        return tr("Status", "docker ps status text, e.g. Up 3 minutes");
    }
    return {};
}

void ContainerModel::setHostContainers(const QString &host, const QList<ContainerRow> &containers)
{
    beginResetModel();
    m_rows.erase(
        std::remove_if(m_rows.begin(), m_rows.end(), [&host](const ContainerRow &c) { return c.host == host; }),
        m_rows.end());
    for (ContainerRow c : containers) {
        c.host = host;
        m_rows.append(c);
    }
    std::stable_sort(
        m_rows.begin(), m_rows.end(), [](const ContainerRow &a, const ContainerRow &b) { return a.host < b.host; });
    endResetModel();
}

int ContainerModel::runningCount(const QString &host) const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(), [&host](const ContainerRow &c) {
        return (host.isEmpty() || c.host == host) && c.state == QLatin1String("running");
    }));
}

// ---------------------------------------------------------------------------------------------
DeployMonitor::DeployMonitor(HostStatusBoard *status, QObject *parent)
    : QObject(parent)
    , m_status(status)
{
    // Elapsed times of running steps tick once a second.
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, [this] {
        for (int row = 0; row < m_hosts.rowCount(); ++row) {
            if (m_hosts.runs().at(row).overall() == StepState::State::Running)
                m_hosts.touch(row);
        }
    });
}

DeployMonitor::~DeployMonitor() = default;

void DeployMonitor::note(const QString &host, LogEntry::Severity severity, const QString &text)
{
    m_log.append({LogEntry{QDateTime::currentMSecsSinceEpoch(), host, text, severity, LogEntry::Channel::Deployer}});
}

void DeployMonitor::updateBoard(int row)
{
    if (!m_status || row < 0 || row >= m_hosts.runs().size())
        return;
    const HostRun &run = m_hosts.runs().at(row);
    switch (run.overall()) {
    case StepState::State::Done:
        m_status->setState(run.host, HostStatusBoard::State::Ok);
        break;
    case StepState::State::Failed:
        m_status->setState(run.host, HostStatusBoard::State::Failed);
        break;
    case StepState::State::Running:
        m_status->setState(run.host, HostStatusBoard::State::Running);
        break;
    default:
        break;
    }
}

void DeployMonitor::onRunStarted(const QString &title)
{
    m_title = title;
    m_hosts.reset({});
    note({}, LogEntry::Severity::Info, tr("— %1 started —").arg(title));
    if (!m_running) {
        m_running = true;
        m_tick.start();
        emit runningChanged(true);
    }
}

void DeployMonitor::onHostPlanned(const QString &host,
                                  const QString &role,
                                  const QStringList &steps,
                                  const QStringList &keys)
{
    HostRun run{host, role, {}};
    for (qsizetype i = 0; i < steps.size(); ++i)
        run.steps.append(StepState{steps.at(i), StepState::State::Pending, 0, 0, 0, 0, {}, {}, keys.value(i)});
    m_hosts.addHost(run);
}

void DeployMonitor::onStepStarted(const QString &host, const QString &step)
{
    int row = -1;
    StepState *s = m_hosts.step(host, step, &row);
    s->state = StepState::State::Running;
    s->startedMs = m_hosts.now();
    s->finishedMs = 0;
    s->done = s->total = 0;
    s->message.clear();
    m_hosts.touch(row);
    updateBoard(row);
}

void DeployMonitor::onStepProgress(const QString &host, const QString &step, qint64 done, qint64 total)
{
    int row = -1;
    StepState *s = m_hosts.step(host, step, &row);
    s->done = done;
    s->total = total;
    m_hosts.touch(row);
}

void DeployMonitor::onStepDetail(
    const QString &host, const QString &step, qint64 done, qint64 total, const QString &detail)
{
    int row = -1;
    StepState *s = m_hosts.step(host, step, &row);
    s->done = done;
    s->total = total;
    s->detail = detail;
    m_hosts.touch(row);
}

void DeployMonitor::onStepFinished(const QString &host, const QString &step, bool ok, const QString &message)
{
    int row = -1;
    StepState *s = m_hosts.step(host, step, &row);
    s->state = ok ? StepState::State::Done : StepState::State::Failed;
    if (!s->startedMs)
        s->startedMs = m_hosts.now();
    s->finishedMs = m_hosts.now();
    s->message = message;
    if (s->total > 0 && ok)
        s->done = s->total;
    const qint64 took = s->finishedMs - s->startedMs;
    m_hosts.touch(row);
    updateBoard(row);
    if (!ok)
        note(host,
             LogEntry::Severity::Error,
             message.isEmpty() ? tr("Step “%1” failed after %2.").arg(s->name, formatDuration(took))
                               : tr("Step “%1” failed after %2: %3").arg(s->name, formatDuration(took), message));
}

void DeployMonitor::onStepSkipped(const QString &host, const QString &step)
{
    int row = -1;
    StepState *s = m_hosts.step(host, step, &row);
    s->state = StepState::State::Skipped;
    m_hosts.touch(row);
}

void DeployMonitor::onOutput(const LogBatch &batch)
{
    m_log.append(batch);
}

void DeployMonitor::onContainerStatus(const QString &host, const QList<ContainerRow> &containers)
{
    m_containers.setHostContainers(host, containers);
}

void DeployMonitor::onVerifyFinished(bool ok, const QString &summary, const QString &details)
{
    note({}, ok ? LogEntry::Severity::Info : LogEntry::Severity::Error, summary);
    emit verifyFinished(ok, summary, details);
}

void DeployMonitor::onRunFinished(bool ok, const QString &summary)
{
    // Steps still running when the engine stops (cancel) end as failed, so retry picks them up.
    for (int row = 0; row < m_hosts.rowCount(); ++row) {
        const HostRun &run = m_hosts.runs().at(row);
        for (const StepState &s : run.steps) {
            if (s.state == StepState::State::Running)
                onStepFinished(run.host, s.key.isEmpty() ? s.name : s.key, false, tr("cancelled"));
        }
    }
    note(
        {}, ok ? LogEntry::Severity::Info : LogEntry::Severity::Error, tr("— %1 finished: %2 —").arg(m_title, summary));
    m_running = false;
    m_tick.stop();
    emit runningChanged(false);
    emit runFinished(ok, m_title, summary);
}

void DeployMonitor::onImagePresence(const QString &host, const QString &image, bool present)
{
    emit imagePresence(host, image, present);
}

void DeployMonitor::onRegistryChecked(const QString &host, bool ok, const QString &message)
{
    emit registryChecked(host, ok, message);
}

void DeployMonitor::onMatrixChecked(const QList<MatrixCell> &cells)
{
    emit matrixChecked(cells);
}

void DeployMonitor::onDriftChecked(const QList<HostDrift> &hosts)
{
    emit driftChecked(hosts);
}

void DeployMonitor::onToyGridChecked(const QList<ToyCell> &cells)
{
    emit toyGridChecked(cells);
}

void DeployMonitor::onRunStored(qint64 id)
{
    emit runStored(id);
}

} // namespace FateDeployer
