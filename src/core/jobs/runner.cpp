// SPDX-License-Identifier: Apache-2.0
#include "jobs/runner.h"

#include "jobs/interpreter.h"
#include "util/backgroundrelease.h"
#include "util/threadpriority.h"
#include "util/tr.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QMutex>
#include <QRunnable>
#include <QScopeGuard>
#include <QWaitCondition>

#include <atomic>

#include <climits>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

namespace FateDeployer {

/// Collects the jobs' events from their threads; the runner drains it on its timer. Each host's
/// log goes to a spool file as it comes (the history stores it whole); memory keeps only its tail.
///
/// Nothing here makes the threads wait for each other: every host has its own state, so jobs of
/// different hosts never share a lock; a line is numbered, formatted and spooled under its host's
/// log lock (only that host's job takes it), and only the hand-over to the listeners is shared with
/// the runner's thread, under the host's queue lock, for a move in or out of a deque.
///
/// What waits for the listeners is bounded: an output line waits as a LogLine (a full JobEvent only
/// for the rare other events); take() hands out at most linesPerTake lines of a host per tick and
/// keeps the rest, in order, for the next ticks; and beyond pendingLines waiting lines of a host
/// (listeners slower than the host, e.g. a starved GUI) its oldest waiting lines leave the live
/// stream, replaced by one note that says how many. Nothing leaves the spool.
class EventHub : public JobEventSink
{
    Q_DECLARE_TR_FUNCTIONS(FateDeployer::EventHub)

public:
    EventHub(const QStringList &hosts, const QString &spoolDir, int linesPerTake, int pendingLines)
        : m_spoolDir(spoolDir)
        , m_linesPerTake(linesPerTake)
        , m_pendingLines(pendingLines)
    {
        for (const QString &host : hosts)
            m_hosts.emplace(host, std::make_unique<HostState>());
        m_clock.start();
    }

    void stepStarted(const QString &host, int index, int count, StepKind kind) override
    {
        auto e = std::make_unique<JobEvent>();
        e->type = JobEvent::Type::StepStarted;
        e->host = host;
        e->stepIndex = index;
        e->stepCount = count;
        StepOutcome &started = e->step.edit();
        started.kind = kind;
        started.result = StepResult::Running;
        HostState &h = state(host);
        appendLog(h, host, QStringLiteral("== %1\n").arg(stepKindTitle(kind)));
        push(h, std::move(e));
    }

    void stepFinished(const QString &host, int index, int count, const StepOutcome &outcome) override
    {
        auto e = std::make_unique<JobEvent>();
        e->type = JobEvent::Type::StepFinished;
        e->host = host;
        e->stepIndex = index;
        e->stepCount = count;
        e->step = outcome;
        auto p = std::make_unique<JobEvent>();
        p->type = JobEvent::Type::Progress;
        p->host = host;
        p->stepIndex = index + 1;
        p->stepCount = count;
        HostState &h = state(host);
        appendLog(h,
                  host,
                  QStringLiteral("== %1: %2 %3\n")
                      .arg(stepKindTitle(outcome.kind), stepResultName(outcome.result), outcome.summary));
        ++m_finishedSteps;
        push(h, std::move(e));
        push(h, std::move(p));
    }

    void
    stepProgress(const QString &host, int index, int count, qint64 done, qint64 total, const QString &text) override
    {
        HostState &h = state(host);
        QMutexLocker lock(&h.queueMutex);
        compactLocked(h);
        // Only the newest progress of a host matters: replace a pending one instead of queueing them all.
        if (!h.items.empty() && h.items.back().event && h.items.back().event->type == JobEvent::Type::StepProgress) {
            JobEvent &e = *h.items.back().event;
            e.stepIndex = index;
            e.stepCount = count;
            e.done = done;
            e.total = total;
            e.progressText = text;
            return;
        }
        auto e = std::make_unique<JobEvent>();
        e->type = JobEvent::Type::StepProgress;
        e->host = host;
        e->stepIndex = index;
        e->stepCount = count;
        e->done = done;
        e->total = total;
        e->progressText = text;
        h.items.push_back(Pending{{}, std::move(e)});
    }

    qint64 output(const QString &host, OutputStream stream, const QString &text) override
    {
        Pending item;
        item.line.host = host;
        item.line.stream = stream;
        item.line.text = text;
        item.line.msecsSinceStart = m_clock.elapsed();
        HostState &h = state(host);
        // Numbered, spooled and queued under the host's log lock, so the queue keeps the spool's order even if
        // a host ever had two producers; the queue lock nests inside it (take() never takes the log lock).
        QMutexLocker logLock(&h.logMutex);
        const qint64 sequence = item.line.sequence = ++h.sequence;
        appendLogLocked(h,
                        host,
                        QString::number(sequence)
                            + (stream == OutputStream::Stderr ? QLatin1String(" E ")
                               : stream == OutputStream::Info ? QLatin1String(" # ")
                                                              : QLatin1String(" O "))
                            + text + QLatin1Char('\n'));
        QMutexLocker queueLock(&h.queueMutex);
        compactLocked(h);
        h.items.push_back(std::move(item));
        if (++h.lines > m_pendingLines)
            dropOldestLine(h);
        return sequence;
    }

    void hostFinished(const HostOutcome &outcome, int skippedSteps)
    {
        auto e = std::make_unique<JobEvent>();
        e->type = JobEvent::Type::HostFinished;
        e->host = outcome.target.key;
        e->outcome = outcome;
        m_finishedSteps += skippedSteps;
        push(state(outcome.target.key), std::move(e));
        ++m_finishedHosts;
    }

    /// What the listeners get this tick, appended to @p out (the runner reuses its lists, so a tick
    /// allocates nothing): per host, events in order with at most linesPerTake output lines (after the
    /// note about lines that left the live stream); the rest waits for the next take().
    void take(QHash<QString, QList<JobEvent>> &out)
    {
        forEachHost([&](const QString &host, HostState &h) {
            std::vector<Pending> taken;
            qint64 dropped = 0;
            {
                // A job runs niced and can be preempted while it holds its queue lock; waiting for it
                // here stalled the GUI for up to 30 ms (perf sched, bench/logview). A busy host is taken
                // on the next tick instead, and blocked on only after MaxMissedTakes ticks in a row.
                std::unique_lock<QMutex> lock(h.queueMutex, std::try_to_lock);
                if (!lock.owns_lock()) {
                    if (++h.missedTakes < MaxMissedTakes)
                        return;
                    lock.lock();
                }
                h.missedTakes = 0;
                dropped = std::exchange(h.dropped, 0);
                int lines = 0;
                std::size_t next = h.consumed;
                taken.reserve(std::min<std::size_t>(h.items.size() - next, std::size_t(m_linesPerTake) + 8));
                // Moved out, not popped: the job removes the moved-from items (compactLocked).
                while (next < h.items.size() && (h.items[next].event || lines < m_linesPerTake)) {
                    if (!h.items[next].event)
                        ++lines;
                    taken.push_back(std::move(h.items[next]));
                    ++next;
                }
                h.consumed = next;
                h.lines -= lines;
            }
            if (taken.empty() && dropped == 0)
                return;
            // The events are built outside the lock: the job goes on meanwhile.
            QList<JobEvent> &events = out[host];
            events.reserve(events.size() + qsizetype(taken.size()) + 1);
            if (dropped > 0) {
                JobEvent note;
                note.type = JobEvent::Type::Output;
                note.host = host;
                note.line.host = host;
                note.line.stream = OutputStream::Info;
                note.line.msecsSinceStart = m_clock.elapsed();
                note.line.text = tr("… %n line(s) not shown live (output came faster than it could be shown); "
                                    "the run's full log keeps them",
                                    nullptr,
                                    int(std::min<qint64>(dropped, INT_MAX)));
                events.append(std::move(note));
            }
            for (Pending &item : taken) {
                if (item.event) {
                    events.append(std::move(*item.event));
                } else {
                    // Built in place: a JobEvent is large, and a tick carries up to linesPerTake of them per host.
                    JobEvent &e = events.emplaceBack();
                    e.type = JobEvent::Type::Output;
                    e.host = host;
                    e.line = std::move(item.line);
                }
            }
            // The emptied events were allocated by the job thread; see Runner::flush().
            releaseInBackground(std::move(taken));
        });
    }

    int finishedSteps() const { return m_finishedSteps; }
    int finishedHosts() const { return m_finishedHosts; }

    /// The tail of each host's log (at most Runner::LogTailLines lines).
    QMap<QString, QString> logs()
    {
        QMap<QString, QString> out;
        forEachHost([&](const QString &host, HostState &h) {
            QMutexLocker lock(&h.logMutex);
            if (!h.tail.isEmpty())
                out.insert(host, h.tail.join(QString()));
        });
        return out;
    }

    /// host → its full log on disk; closes the files (the run is over).
    QMap<QString, QString> logFiles()
    {
        QMap<QString, QString> out;
        forEachHost([&](const QString &host, HostState &h) {
            QMutexLocker lock(&h.logMutex);
            if (h.file) {
                h.file->close();
                out.insert(host, h.file->fileName());
            }
        });
        return out;
    }

private:
    /// A waiting output line (event empty) or any other event.
    struct Pending
    {
        LogLine line;
        std::unique_ptr<JobEvent> event;
    };

    struct HostState
    {
        QMutex logMutex; ///< sequence, tail, file: taken by the host's job (and at the end of the run)
        qint64 sequence = 0;
        QStringList tail;
        std::unique_ptr<QFile> file;

        QMutex queueMutex; ///< what waits for the listeners: shared with the runner's thread
        std::deque<Pending> items;
        std::size_t consumed = 0; ///< items at the front already moved out by take(); the job removes them
        int lines = 0;            ///< output lines among items
        qint64 dropped = 0;       ///< lines that left the live stream since the last take()
        int missedTakes = 0;      ///< take() found the queue locked this many ticks in a row (runner's thread only)
    };

    /// Hosts of the plan are known from the start (a lookup without a lock); any other key gets its
    /// state on first use.
    HostState &state(const QString &host)
    {
        if (const auto it = m_hosts.find(host); it != m_hosts.end())
            return *it->second;
        QMutexLocker lock(&m_extraMutex);
        std::unique_ptr<HostState> &h = m_extra[host];
        if (!h)
            h = std::make_unique<HostState>();
        return *h;
    }

    template<typename F>
    void forEachHost(F f)
    {
        for (auto &[host, h] : m_hosts)
            f(host, *h);
        QMutexLocker lock(&m_extraMutex);
        for (auto &[host, h] : m_extra)
            f(host, *h);
    }

    static void push(HostState &h, std::unique_ptr<JobEvent> event)
    {
        QMutexLocker lock(&h.queueMutex);
        compactLocked(h);
        h.items.push_back(Pending{{}, std::move(event)});
    }

    /// Called by the host's job with h.queueMutex held: removes what take() moved out. The queue's memory
    /// was allocated by the job, so it is freed here, on the job's thread: freed by the runner's (GUI)
    /// thread it made that thread wait for the job's malloc arena (perf sched, bench/logview).
    static void compactLocked(HostState &h)
    {
        if (h.consumed == 0)
            return;
        h.items.erase(h.items.begin(), h.items.begin() + std::ptrdiff_t(h.consumed));
        h.consumed = 0;
    }

    /// Called with h.queueMutex held: the oldest waiting output line (usually the front) leaves the live stream.
    static void dropOldestLine(HostState &h)
    {
        for (auto it = h.items.begin() + std::ptrdiff_t(h.consumed); it != h.items.end(); ++it) {
            if (!it->event) {
                h.items.erase(it);
                --h.lines;
                ++h.dropped;
                return;
            }
        }
    }

    void appendLog(HostState &h, const QString &host, const QString &line)
    {
        QMutexLocker lock(&h.logMutex);
        appendLogLocked(h, host, line);
    }

    /// Called with h.logMutex held.
    void appendLogLocked(HostState &h, const QString &host, const QString &line)
    {
        h.tail.append(line);
        if (h.tail.size() > Runner::LogTailLines)
            h.tail.removeFirst();
        if (m_spoolDir.isEmpty())
            return;
        if (!h.file) {
            h.file = std::make_unique<QFile>(QDir(m_spoolDir).filePath(host + QStringLiteral(".log")));
            if (!h.file->open(QIODevice::WriteOnly | QIODevice::Truncate))
                qWarning("fate-deployer: cannot spool the log of %s: %s",
                         qPrintable(host),
                         qPrintable(h.file->errorString()));
        }
        if (h.file->isOpen())
            h.file->write(line.toUtf8());
    }

    std::map<QString, std::unique_ptr<HostState>> m_hosts; ///< the plan's hosts; fixed after construction
    QMutex m_extraMutex;
    std::map<QString, std::unique_ptr<HostState>> m_extra;
    std::atomic_int m_finishedSteps{0};
    std::atomic_int m_finishedHosts{0};
    QElapsedTimer m_clock;
    QString m_spoolDir;
    static constexpr int MaxMissedTakes = 3;
    int m_linesPerTake = 0;
    int m_pendingLines = 0;
};

/// "Hosts in parallel" counts hosts, not jobs: jobs on a host that is already being worked on (the
/// exchange beside its party) run at once instead of waiting behind other hosts for a free slot, up to
/// @c perHost jobs of one host at a time (0 = all; the toy grid's jobs on one guest).
/// Hosts get their slots in plan order; a cancelled run stops waiting.
class HostSlots
{
public:
    HostSlots(int count, int perHost)
        : m_free(std::max(1, count))
        , m_perHost(std::max(0, perHost))
    {}

    bool acquire(const QString &host, const CancelToken &cancel)
    {
        QMutexLocker lock(&m_mutex);
        for (;;) {
            if (auto it = m_active.find(host); it != m_active.end()) {
                if (m_perHost == 0 || it.value() < m_perHost) {
                    ++it.value();
                    return true;
                }
            } else {
                // (Again after the host's last job ended while this one waited for its turn on the host.)
                if (!m_waiting.contains(host))
                    m_waiting.append(host);
                if (m_free > 0 && m_waiting.first() == host) {
                    m_waiting.removeFirst();
                    --m_free;
                    m_active.insert(host, 1);
                    m_changed.wakeAll();
                    return true;
                }
            }
            if (cancel.isCancelled()) {
                m_waiting.removeAll(host);
                m_changed.wakeAll();
                return false;
            }
            m_changed.wait(&m_mutex, 200);
        }
    }

    void release(const QString &host)
    {
        QMutexLocker lock(&m_mutex);
        if (auto it = m_active.find(host); it != m_active.end() && --it.value() == 0) {
            m_active.erase(it);
            ++m_free;
        }
        m_changed.wakeAll(); // a job waiting for its turn on this host, too
    }

private:
    QMutex m_mutex;
    QWaitCondition m_changed;
    int m_free;
    int m_perHost;
    QList<QString> m_waiting;     ///< hosts in plan order
    QHash<QString, int> m_active; ///< host → its jobs running now
};

Runner::Runner(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<FateDeployer::JobEvent>();
    qRegisterMetaType<QList<FateDeployer::JobEvent>>();
    qRegisterMetaType<FateDeployer::HostOutcome>();
    qRegisterMetaType<FateDeployer::RunReport>();
    m_pool.setObjectName(QStringLiteral("fd-runner"));
    m_pool.setExpiryTimeout(5000);
    m_timer.setInterval(FlushIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &Runner::flush);
}

Runner::~Runner()
{
    m_cancel.cancel();
    m_pool.waitForDone();
}

void Runner::setChannelFactory(ChannelFactory factory)
{
    m_factory = std::move(factory);
}

void Runner::setFlushIntervalMs(int ms)
{
    m_timer.setInterval(ms);
}

void Runner::setLiveLimits(int linesPerTick, int pendingLines)
{
    m_liveLinesPerTick = std::max(1, linesPerTick);
    m_livePendingLines = std::max(1, pendingLines);
}

bool Runner::start(const Plan &plan)
{
    if (m_running || plan.jobs.isEmpty())
        return false;
    m_plan = plan;
    m_report = RunReport();
    m_report.operation = plan.settings.operation;
    m_report.projectName = plan.settings.projectName;
    m_report.projectHash = plan.settings.projectHash;
    m_report.startedAt = QDateTime::currentDateTimeUtc();
    m_clock.start();
    m_cancel = CancelToken();
    // A fresh spool folder per run: the previous run's logs were stored (or dropped) by now.
    m_spool = std::make_unique<QTemporaryDir>();
    QStringList hosts;
    for (const HostJob &job : plan.jobs)
        hosts.append(job.target.key);
    m_hub = std::make_shared<EventHub>(
        hosts, m_spool->isValid() ? m_spool->path() : QString(), m_liveLinesPerTick, m_livePendingLines);
    // One thread per job; HostSlots limits how many hosts are worked on at once.
    m_pool.setMaxThreadCount(int(plan.jobs.size()));
    m_running = true;
    m_lastProgress = -1;
    const auto shared = std::make_shared<const Plan>(m_plan);
    const auto hostSlots = std::make_shared<HostSlots>(plan.settings.maxParallelHosts, plan.settings.maxJobsPerHost);
    for (int i = 0; i < plan.jobs.size(); ++i) {
        auto hub = m_hub;
        auto cancel = m_cancel;
        ChannelFactory factory = m_factory;
        m_pool.start([shared, hostSlots, i, hub, cancel, factory]() {
            lowerThisThreadsPriority();
            const HostJob &job = shared->jobs.at(i);
            HostOutcome outcome;
            const bool slot = hostSlots->acquire(job.target.address, cancel);
            const auto releaseSlot = qScopeGuard([&] {
                if (slot)
                    hostSlots->release(job.target.address);
            });
            if (!slot || cancel.isCancelled()) {
                outcome.target = job.target;
                outcome.result = StepResult::Cancelled;
                for (const Step &s : job.steps) {
                    StepOutcome o;
                    o.kind = s.kind;
                    o.result = StepResult::Cancelled;
                    outcome.steps.append(o);
                }
                hub->hostFinished(outcome, int(job.steps.size()));
                return;
            }
            JobInterpreter interpreter(job, shared->settings, *hub, cancel);
            outcome = interpreter.run(factory);
            int unfinished = 0;
            for (const StepOutcome &o : std::as_const(outcome.steps))
                if (o.result == StepResult::Cancelled)
                    ++unfinished;
            hub->hostFinished(outcome, unfinished);
        });
    }
    emit started(int(plan.jobs.size()), plan.totalSteps());
    m_timer.start();
    return true;
}

void Runner::cancel()
{
    m_cancel.cancel();
}

bool Runner::retryFailed()
{
    if (m_running)
        return false;
    Plan again = m_plan;
    again.jobs.clear();
    for (const HostOutcome &h : std::as_const(m_report.hosts))
        if (!h.succeeded())
            for (const HostJob &job : std::as_const(m_plan.jobs))
                if (job.target.key == h.target.key)
                    again.jobs.append(job);
    return start(again);
}

void Runner::flush()
{
    if (!m_hub)
        return;
    m_hub->take(m_batches);
    // Hosts in plan order so listeners see a stable sequence.
    for (const HostJob &job : std::as_const(m_plan.jobs)) {
        const auto it = std::as_const(m_batches).constFind(job.target.key);
        if (it == m_batches.cend() || it->isEmpty())
            continue;
        emit hostEvents(job.target.key, it.value());
        for (const JobEvent &e : it.value())
            if (e.type == JobEvent::Type::HostFinished) {
                m_report.hosts.append(e.outcome);
                emit hostFinished(e.outcome);
            }
    }
    // The events' text and shared parts were allocated by the job threads: freeing them here takes
    // their malloc arenas' locks, which a niced job thread may hold while preempted (16 ms stalls,
    // perf sched on bench/logview). The release thread frees them; the next tick's lists are new.
    for (QList<JobEvent> &events : m_batches)
        releaseInBackground(std::exchange(events, {}));
    const int done = m_hub->finishedSteps();
    if (done != m_lastProgress) {
        m_lastProgress = done;
        emit progress(done, m_plan.totalSteps());
    }
    if (m_report.hosts.size() == m_plan.jobs.size()) {
        m_timer.stop();
        m_pool.waitForDone();
        m_running = false;
        // Report hosts in plan order.
        QList<HostOutcome> ordered;
        for (const HostJob &job : std::as_const(m_plan.jobs))
            for (const HostOutcome &h : std::as_const(m_report.hosts))
                if (h.target.key == job.target.key)
                    ordered.append(h);
        m_report.hosts = ordered;
        m_report.cancelled = m_cancel.isCancelled();
        m_report.durationMs = m_clock.elapsed();
        m_report.logs = m_hub->logs();
        m_report.logFiles = m_hub->logFiles();
        emit finished(m_report);
    }
}

} // namespace FateDeployer
