// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jobs/events.h"
#include "jobs/hostchannel.h"
#include "jobs/plan.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QTimer>

#include <memory>

namespace FateDeployer {

class EventHub;

/**
 * Runs a plan: one job per host on an owned thread pool (never the global one), at most
 * RunSettings::maxParallelHosts at a time. Lives in (and signals to) the thread that created it;
 * listeners (GUI, CLI) get batched events: at most one hostEvents() per host per tick (FlushIntervalMs),
 * with at most LiveLinesPerTick output lines each; a host's further lines wait for the next ticks, and
 * beyond LivePendingLines waiting lines the oldest leave the live stream (one note says how many). The
 * full log of every host is kept (RunReport::logFiles), whatever the listeners were shown.
 */
class Runner : public QObject
{
    Q_OBJECT
public:
    explicit Runner(QObject *parent = nullptr);
    ~Runner() override; ///< cancels and waits for the jobs

    /// How jobs connect; defaults to SSH (remote module). Tests pass fakes.
    void setChannelFactory(ChannelFactory factory);
    /// The tick: short enough that one tick's work on the GUI thread stays small (max_stall_ms ≤ 30).
    static constexpr int FlushIntervalMs = 33;
    /// Output lines of one host handed to listeners per tick (≈ 30 000 lines/s per host at most).
    static constexpr int LiveLinesPerTick = 1000;
    /// Output lines of one host that may wait for the listeners; memory stays bounded however slow they are.
    static constexpr int LivePendingLines = 10000;

    void setFlushIntervalMs(int ms); ///< default FlushIntervalMs
    /// Tests: the live limits of the next start() (defaults LiveLinesPerTick, LivePendingLines).
    void setLiveLimits(int linesPerTick, int pendingLines);

    /// Lines of each host's log kept in memory (RunReport::logs); the full log is spooled to a file
    /// (RunReport::logFiles) until the next start().
    static constexpr int LogTailLines = 2000;

    bool start(const Plan &plan); ///< false while a run is active or the plan is empty
    void cancel();                ///< every job stops promptly; finished() follows
    bool retryFailed();           ///< runs again only the hosts that failed or were cancelled
    bool isRunning() const { return m_running; }
    const Plan &plan() const { return m_plan; }
    const RunReport &lastReport() const { return m_report; }

signals:
    void started(int hostCount, int totalSteps);
    /// Batched, in order: step started/finished, output lines (numbered per host), progress, host finished.
    void hostEvents(const QString &host, const QList<FateDeployer::JobEvent> &events);
    /// Steps finished over all hosts; at most once per tick.
    void progress(int finishedSteps, int totalSteps);
    void hostFinished(const FateDeployer::HostOutcome &outcome);
    /// The run is over (succeeded, failed or cancelled); the report holds full logs.
    void finished(const FateDeployer::RunReport &report);

private:
    void flush();

    ChannelFactory m_factory;
    QThreadPool m_pool;
    QTimer m_timer;
    std::shared_ptr<EventHub> m_hub;
    QHash<QString, QList<JobEvent>> m_batches; ///< host → this tick's events
    std::unique_ptr<QTemporaryDir> m_spool;    ///< the current run's full logs
    CancelToken m_cancel;
    Plan m_plan;
    RunReport m_report;
    QElapsedTimer m_clock;
    bool m_running = false;
    int m_lastProgress = -1;
    int m_liveLinesPerTick = LiveLinesPerTick;
    int m_livePendingLines = LivePendingLines;
};

} // namespace FateDeployer
