// SPDX-License-Identifier: Apache-2.0
#include "jobs/runner.h"

#include "jobs/interpreter.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QMutex>
#include <QRunnable>
#include <QScopeGuard>
#include <QWaitCondition>

#include <map>
#include <memory>

namespace FateDeployer {

/// Collects the jobs' events from their threads; the runner drains it on its timer. Each host's
/// log goes to a spool file as it comes (the history stores it whole); memory keeps only its tail.
class EventHub : public JobEventSink
{
public:
    EventHub(qint64 startMs, const QString &spoolDir)
        : m_start(startMs)
        , m_spoolDir(spoolDir)
    {
        m_clock.start();
    }

    void stepStarted(const QString &host, int index, int count, StepKind kind) override
    {
        JobEvent e;
        e.type = JobEvent::Type::StepStarted;
        e.host = host;
        e.stepIndex = index;
        e.stepCount = count;
        e.step.kind = kind;
        e.step.result = StepResult::Running;
        QMutexLocker lock(&m_mutex);
        appendLog(host, QStringLiteral("== %1\n").arg(stepKindTitle(kind)));
        m_pending[host].append(e);
    }

    void stepFinished(const QString &host, int index, int count, const StepOutcome &outcome) override
    {
        JobEvent e;
        e.type = JobEvent::Type::StepFinished;
        e.host = host;
        e.stepIndex = index;
        e.stepCount = count;
        e.step = outcome;
        QMutexLocker lock(&m_mutex);
        appendLog(host,
                  QStringLiteral("== %1: %2 %3\n")
                      .arg(stepKindTitle(outcome.kind), stepResultName(outcome.result), outcome.summary));
        ++m_finishedSteps;
        m_pending[host].append(e);
        JobEvent p;
        p.type = JobEvent::Type::Progress;
        p.host = host;
        p.stepIndex = index + 1;
        p.stepCount = count;
        m_pending[host].append(p);
    }

    void
    stepProgress(const QString &host, int index, int count, qint64 done, qint64 total, const QString &text) override
    {
        JobEvent e;
        e.type = JobEvent::Type::StepProgress;
        e.host = host;
        e.stepIndex = index;
        e.stepCount = count;
        e.done = done;
        e.total = total;
        e.progressText = text;
        QMutexLocker lock(&m_mutex);
        // Only the newest progress of a host matters: replace a pending one instead of queueing them all.
        QList<JobEvent> &pending = m_pending[host];
        if (!pending.isEmpty() && pending.last().type == JobEvent::Type::StepProgress)
            pending.last() = e;
        else
            pending.append(e);
    }

    qint64 output(const QString &host, OutputStream stream, const QString &text) override
    {
        JobEvent e;
        e.type = JobEvent::Type::Output;
        e.host = host;
        e.line.host = host;
        e.line.stream = stream;
        e.line.text = text;
        e.line.msecsSinceStart = m_clock.elapsed() + m_start;
        QMutexLocker lock(&m_mutex);
        e.line.sequence = ++m_sequence[host];
        appendLog(host,
                  QStringLiteral("%1 %2 %3\n")
                      .arg(e.line.sequence)
                      .arg(stream == OutputStream::Stderr ? QLatin1Char('E')
                           : stream == OutputStream::Info ? QLatin1Char('#')
                                                          : QLatin1Char('O'))
                      .arg(text));
        m_pending[host].append(e);
        return e.line.sequence;
    }

    void hostFinished(const HostOutcome &outcome, int skippedSteps)
    {
        JobEvent e;
        e.type = JobEvent::Type::HostFinished;
        e.host = outcome.target.key;
        e.outcome = outcome;
        QMutexLocker lock(&m_mutex);
        m_finishedSteps += skippedSteps;
        m_pending[e.host].append(e);
        ++m_finishedHosts;
    }

    QHash<QString, QList<JobEvent>> take()
    {
        QMutexLocker lock(&m_mutex);
        QHash<QString, QList<JobEvent>> out;
        out.swap(m_pending);
        return out;
    }

    int finishedSteps()
    {
        QMutexLocker lock(&m_mutex);
        return m_finishedSteps;
    }
    int finishedHosts()
    {
        QMutexLocker lock(&m_mutex);
        return m_finishedHosts;
    }
    /// The tail of each host's log (at most Runner::LogTailLines lines).
    QMap<QString, QString> logs()
    {
        QMutexLocker lock(&m_mutex);
        QMap<QString, QString> out;
        for (auto it = m_tail.cbegin(); it != m_tail.cend(); ++it)
            out.insert(it.key(), it.value().join(QString()));
        return out;
    }

    /// host → its full log on disk; closes the files (the run is over).
    QMap<QString, QString> logFiles()
    {
        QMutexLocker lock(&m_mutex);
        QMap<QString, QString> out;
        for (auto &[host, file] : m_files) {
            file->close();
            out.insert(host, file->fileName());
        }
        return out;
    }

private:
    /// Called with m_mutex held.
    void appendLog(const QString &host, const QString &line)
    {
        QStringList &tail = m_tail[host];
        tail.append(line);
        if (tail.size() > Runner::LogTailLines)
            tail.removeFirst();
        if (m_spoolDir.isEmpty())
            return;
        std::unique_ptr<QFile> &file = m_files[host];
        if (!file) {
            file = std::make_unique<QFile>(QDir(m_spoolDir).filePath(host + QStringLiteral(".log")));
            if (!file->open(QIODevice::WriteOnly | QIODevice::Truncate))
                qWarning(
                    "fate-deployer: cannot spool the log of %s: %s", qPrintable(host), qPrintable(file->errorString()));
        }
        if (file->isOpen())
            file->write(line.toUtf8());
    }

    QMutex m_mutex;
    QHash<QString, QList<JobEvent>> m_pending;
    QHash<QString, qint64> m_sequence;
    QHash<QString, QStringList> m_tail;
    std::map<QString, std::unique_ptr<QFile>> m_files;
    int m_finishedSteps = 0;
    int m_finishedHosts = 0;
    QElapsedTimer m_clock;
    qint64 m_start = 0;
    QString m_spoolDir;
};

/// "Hosts in parallel" counts hosts, not jobs: jobs on a host that is already being worked on (the
/// exchange beside its party) run at once instead of waiting behind other hosts for a free slot.
/// Hosts get their slots in plan order; a cancelled run stops waiting.
class HostSlots
{
public:
    explicit HostSlots(int count)
        : m_free(std::max(1, count))
    {}

    bool acquire(const QString &host, const CancelToken &cancel)
    {
        QMutexLocker lock(&m_mutex);
        if (!m_waiting.contains(host) && !m_active.contains(host))
            m_waiting.append(host);
        for (;;) {
            if (auto it = m_active.find(host); it != m_active.end()) {
                ++it.value();
                return true;
            }
            if (m_free > 0 && m_waiting.first() == host) {
                m_waiting.removeFirst();
                --m_free;
                m_active.insert(host, 1);
                m_changed.wakeAll();
                return true;
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
            m_changed.wakeAll();
        }
    }

private:
    QMutex m_mutex;
    QWaitCondition m_changed;
    int m_free;
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
    m_timer.setInterval(100);
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
    m_hub = std::make_shared<EventHub>(0, m_spool->isValid() ? m_spool->path() : QString());
    // One thread per job; HostSlots limits how many hosts are worked on at once.
    m_pool.setMaxThreadCount(int(plan.jobs.size()));
    m_running = true;
    m_lastProgress = -1;
    const auto shared = std::make_shared<const Plan>(m_plan);
    const auto hostSlots = std::make_shared<HostSlots>(plan.settings.maxParallelHosts);
    for (int i = 0; i < plan.jobs.size(); ++i) {
        auto hub = m_hub;
        auto cancel = m_cancel;
        ChannelFactory factory = m_factory;
        m_pool.start([shared, hostSlots, i, hub, cancel, factory]() {
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
    const QHash<QString, QList<JobEvent>> batches = m_hub->take();
    // Hosts in plan order so listeners see a stable sequence.
    for (const HostJob &job : std::as_const(m_plan.jobs)) {
        const auto it = batches.constFind(job.target.key);
        if (it == batches.cend())
            continue;
        emit hostEvents(job.target.key, it.value());
        for (const JobEvent &e : it.value())
            if (e.type == JobEvent::Type::HostFinished) {
                m_report.hosts.append(e.outcome);
                emit hostFinished(e.outcome);
            }
    }
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
