// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gui/logmodel.h"
#include "jobs/daytwo.h"
#include "jobs/events.h"

#include <QAbstractTableModel>
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace FateDeployer {

class HostStatusBoard;

/// One step of one host's plan as the deploy page shows it.
struct StepState
{
    enum class State { Pending, Running, Done, Failed, Skipped };
    QString name; ///< translated step label from the engine, e.g. "Upload bundle"
    State state = State::Pending;
    qint64 startedMs = 0;  ///< monotonic ms (DeployMonitor clock)
    qint64 finishedMs = 0; ///< monotonic ms; 0 while running
    qint64 done = 0;       ///< progress (bytes, images…); total 0 = indeterminate
    qint64 total = 0;
    QString message; ///< failure reason or result line
    QString detail;  ///< progress in words while running: "3 of 9 layers, 120 MB of 200 MB"
    QString key;     ///< stable id the engine reports the step by ("upload"); empty = the name is the id
};

/// One row of the deploy page.
struct HostRun
{
    QString host;
    QString role; ///< "party 10000", "exchange"…
    QList<StepState> steps;

    StepState::State overall() const;
    int currentStep() const; ///< running step, else first pending, else -1
};

/// A container as `docker ps` reports it on one host.
struct ContainerRow
{
    QString host;
    QString name;
    QString image;
    QString state;  ///< "running", "exited"…
    QString status; ///< "Up 3 minutes"
};

/// "1 min 12 s" / "1分12秒": durations in the user's words.
QString formatDuration(qint64 ms);

/// Host rows × steps: Host | Steps (segments) | Status | Elapsed.
class HostRunModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostRunModel)

public:
    enum Column { HostColumn, StepsColumn, StatusColumn, ElapsedColumn, ColumnCount };
    enum Role { StepsRole = Qt::UserRole + 1, StateRole };

    explicit HostRunModel(QObject *parent = nullptr);
    ~HostRunModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    const QList<HostRun> &runs() const { return m_runs; }
    int rowOf(const QString &host) const;
    QStringList failedHosts() const;

    void reset(const QList<HostRun> &runs);
    void addHost(const HostRun &run);
    StepState *step(const QString &host, const QString &step, int *row = nullptr);
    void touch(int row);
    qint64 now() const { return m_clock.elapsed(); }

private:
    QList<HostRun> m_runs;
    QElapsedTimer m_clock;
};

/// Container status of every host, replaced host by host.
class ContainerModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContainerModel)

public:
    enum Column { HostColumn, NameColumn, ImageColumn, StateColumn, StatusColumn, ColumnCount };

    explicit ContainerModel(QObject *parent = nullptr);
    ~ContainerModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void setHostContainers(const QString &host, const QList<ContainerRow> &containers);
    const QList<ContainerRow> &containers() const { return m_rows; }
    int runningCount(const QString &host = {}) const;

private:
    QList<ContainerRow> m_rows;
};

/// The deploy page's listener interface: the deploy engine (or an adapter around it) calls
/// these slots on the GUI thread (all arguments are values). Output arrives already batched by
/// the engine's Runner (one onOutput per host per Runner tick); there is no second buffer here.
class DeployMonitor : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeployMonitor)

public:
    explicit DeployMonitor(HostStatusBoard *status, QObject *parent = nullptr);
    ~DeployMonitor() override;

    LogModel *log() { return &m_log; }
    HostRunModel *hosts() { return &m_hosts; }
    ContainerModel *containers() { return &m_containers; }
    bool isRunning() const { return m_running; }
    QString runTitle() const { return m_title; }

public slots:
    /// A run begins: clears the host rows (not the log, which keeps earlier runs for reference).
    void onRunStarted(const QString &title);
    /// The plan of one host: its role and the ordered step labels. With @p keys (one per step) the
    /// step slots name steps by key (the engine's step kind), never by their translated label.
    void onHostPlanned(const QString &host,
                       const QString &role,
                       const QStringList &steps,
                       const QStringList &keys = QStringList());
    void onStepStarted(const QString &host, const QString &step);
    /// @p total 0 = indeterminate (e.g. a pull of unknown size).
    void onStepProgress(const QString &host, const QString &step, qint64 done, qint64 total);
    /// The same with the engine's words for it (shown in the host row).
    void onStepDetail(const QString &host, const QString &step, qint64 done, qint64 total, const QString &detail);
    /// @p message: for a failure, what failed and what to do next (shown in the row and the log).
    void onStepFinished(const QString &host, const QString &step, bool ok, const QString &message);
    void onStepSkipped(const QString &host, const QString &step);
    void onOutput(const FateDeployer::LogBatch &batch);
    void onContainerStatus(const QString &host, const QList<FateDeployer::ContainerRow> &containers);
    void onVerifyFinished(bool ok, const QString &summary, const QString &details);
    void onRunFinished(bool ok, const QString &summary);
    /// A check found @p image present (or missing) on @p host; the window shows it on the Images page.
    void onImagePresence(const QString &host, const QString &image, bool present);
    /// The Registry step of @p host ended (@p message: what it found; for a failure, what to do).
    void onRegistryChecked(const QString &host, bool ok, const QString &message);
    /// The last run was written to the HistoryStore as @p id (0 = not stored).
    void onRunStored(qint64 id);
    /// A connectivity matrix run ended: every cell (issue 16).
    void onMatrixChecked(const QList<FateDeployer::MatrixCell> &cells);
    /// A drift run ended: per host, its summary and differences.
    void onDriftChecked(const QList<FateDeployer::HostDrift> &hosts);
    /// A toy grid run ended: every cell (guest, host, pass or fail with the diagnosis).
    void onToyGridChecked(const QList<FateDeployer::ToyCell> &cells);

signals:
    void runningChanged(bool running);
    void runFinished(bool ok, const QString &title, const QString &summary);
    void verifyFinished(bool ok, const QString &summary, const QString &details);
    void imagePresence(const QString &host, const QString &image, bool present);
    void registryChecked(const QString &host, bool ok, const QString &message);
    void runStored(qint64 id);
    void matrixChecked(const QList<FateDeployer::MatrixCell> &cells);
    void driftChecked(const QList<FateDeployer::HostDrift> &hosts);
    void toyGridChecked(const QList<FateDeployer::ToyCell> &cells);

private:
    void note(const QString &host, LogEntry::Severity severity, const QString &text);
    void updateBoard(int row);

    HostStatusBoard *m_status;
    LogModel m_log;
    HostRunModel m_hosts;
    ContainerModel m_containers;
    QTimer m_tick;
    bool m_running = false;
    QString m_title;
};

} // namespace FateDeployer

Q_DECLARE_METATYPE(FateDeployer::ContainerRow)
