// SPDX-License-Identifier: Apache-2.0
// The runner and the interpreter against scripted fake hosts: batching, numbering, parallelism,
// cancel, retry of failed hosts, step semantics and secrets.
#include "engineproject.h"
#include "fakechannel.h"
#include "jobs/bundleprep.h"
#include "jobs/daytwo.h"
#include "jobs/interpreter.h"
#include "jobs/runner.h"

#include <QElapsedTimer>
#include <QFile>
#include <QMutex>
#include <QRegularExpression>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace FateDeployer;
using namespace FateDeployer::Testing;

namespace {

/// A host whose key is not known (or changed): connect fails at the key, as SshSession reports it.
class KeyProblemChannel : public FakeChannel
{
public:
    KeyProblemChannel(HostTarget target, CancelToken cancel, SshSession::HostKeyProblem problem)
        : FakeChannel(std::move(target),
                      std::move(cancel),
                      healthy,
                      [] {
                          return Status(
                              Error{QStringLiteral("The host key of 10.0.0.1 is not known (ssh-ed25519 SHA256:x).")});
                      })
        , m_problem(problem)
    {}
    SshSession::HostKeyProblem hostKeyProblem() const override { return m_problem; }

private:
    SshSession::HostKeyProblem m_problem;
};

/// A healthy fake host that records every command as it reaches the host: one entry per round trip.
class RecordingChannel : public FakeChannel
{
public:
    RecordingChannel(HostTarget target, CancelToken cancel, Handler handler, QStringList *sent, QMutex *mutex)
        : FakeChannel(std::move(target), std::move(cancel), std::move(handler), {})
        , m_sent(sent)
        , m_mutex(mutex)
    {}
    CommandResult exec(const CommandRequest &request, const LineSink &sink) override
    {
        {
            QMutexLocker lock(m_mutex);
            m_sent->append(request.command.toString());
        }
        return FakeChannel::exec(request, sink);
    }

private:
    QStringList *m_sent;
    QMutex *m_mutex;
};

// The engine's lock commands, told apart by what only each of them contains.
bool isAcquire(const QString &c)
{
    return c.contains(QLatin1String(".fd-lock-")) && c.contains(QLatin1String("mkdir -p \"$1\" || exit 3"));
}
bool isBreak(const QString &c)
{
    return c.contains(QLatin1String(".fd-lock-")) && c.contains(QLatin1String(".broken-"));
}
bool isRelease(const QString &c)
{
    return c.contains(QLatin1String(".fd-lock-")) && !c.contains(QLatin1String("take()"));
}

CommandResult heldBy(const QString &run, qint64 age)
{
    CommandResult r;
    r.exitStatus = 75;
    r.stdoutText = QStringLiteral("age=%1\nrun=%2\nuser=alice\nmachine=ws7.example\npid=4242\n"
                                  "started=2026-12-05T10:00:00Z\noperation=deploy\nproject=fed\nfrom=10.0.0.9\n")
                       .arg(age)
                       .arg(run);
    return r;
}

QString writeArchive(QTemporaryDir &dir)
{
    QFile archive(dir.filePath(QStringLiteral("b.tar.gz")));
    if (!archive.open(QIODevice::WriteOnly))
        return {};
    archive.write(QByteArray(1000, 'x'));
    return archive.fileName();
}

Plan deployPlan(const QString &archive, RunSettings s = {})
{
    s.operation = Operation::Deploy;
    s.stableSeconds = 0;
    Selection only;
    only.parties = {10000};
    Plan plan = PlanBuilder::build(fakeHostsProject(1), only, s);
    plan.jobs[0].bundle.archivePath = archive;
    return plan;
}

// The limit only catches a hung run: a loaded machine took over 20 s for a two-host preflight of fakes.
RunReport runToEnd(Runner &runner, const Plan &plan, int timeoutMs = 300000)
{
    QSignalSpy done(&runner, &Runner::finished);
    if (!runner.start(plan))
        return {};
    if (!done.wait(timeoutMs))
        return {};
    return done.first().first().value<RunReport>();
}

} // namespace

class TestRunner : public QObject
{
    Q_OBJECT
private slots:
    void batchesAndNumbersEveryLine()
    {
        // 6 hosts, each printing 3000 lines as fast as it can for about a second.
        constexpr int Lines = 3000;
        Handler noisy = healthyExcept([](const FakeCall &call) -> std::optional<CommandResult> {
            const auto &[t, c, r, sink, k] = call;
            if (!c.startsWith(QLatin1String("docker version")))
                return {};
            for (int i = 0; i < Lines; ++i) {
                sink(OutputStream::Stdout, QStringLiteral("line %1").arg(i));
                if (i % 100 == 0)
                    QThread::msleep(30);
            }
            return okResult(QStringLiteral("20.10.24\n"));
        });
        RunSettings s;
        s.operation = Operation::Preflight;
        Plan plan = PlanBuilder::build(fakeHostsProject(5), {}, s);
        Runner runner;
        runner.setChannelFactory(factoryFor(noisy));
        QHash<QString, int> signals_;
        QHash<QString, qint64> lastSeq;
        QHash<QString, int> lines;
        bool gap = false;
        connect(&runner, &Runner::hostEvents, this, [&](const QString &host, const QList<JobEvent> &events) {
            ++signals_[host];
            for (const JobEvent &e : events) {
                QCOMPARE(e.host, host);
                if (e.type != JobEvent::Type::Output)
                    continue;
                gap = gap || e.line.sequence != lastSeq.value(host) + 1;
                lastSeq[host] = e.line.sequence;
                ++lines[host];
            }
        });
        QElapsedTimer t;
        t.start();
        const RunReport report = runToEnd(runner, plan);
        const double seconds = t.elapsed() / 1000.0;
        QCOMPARE(report.hosts.size(), 6);
        QVERIFY(!gap);
        for (const HostJob &job : plan.jobs) {
            const QString &host = job.target.key;
            QVERIFY2(lines.value(host) >= Lines, qPrintable(host));
            // At most one batch per tick per host (+1 for the final flush).
            QVERIFY2(
                signals_.value(host) <= int(seconds * 1000 / Runner::FlushIntervalMs) + 2,
                qPrintable(QStringLiteral("%1: %2 signals in %3 s").arg(host).arg(signals_.value(host)).arg(seconds)));
            QVERIFY(signals_.value(host) >= 2); // batched, yet live: not one signal at the end
        }
        // The full logs keep every numbered line.
        QVERIFY(report.logs.value(QStringLiteral("party-10000")).contains(QStringLiteral("line 2999")));
    }

    void liveStreamIsCappedPerTickAndBoundedWhileTheFullLogKeepsEverything()
    {
        // Each host prints 200 lines before the runner's first tick can run (this thread waits on a
        // semaphore, not in its event loop). With at most 50 lines waiting, the oldest leave the live stream
        // and one note says how many; lines 151…200 arrive in order, at most 10 per batch; then the job goes
        // on. The spooled full log has all 200.
        constexpr int Lines = 200;
        QSemaphore printed;
        QSemaphore go;
        Handler flood = healthyExcept([&](const FakeCall &call) -> std::optional<CommandResult> {
            const auto &[t, c, r, sink, k] = call;
            if (!c.startsWith(QLatin1String("docker version")))
                return {};
            for (int i = 1; i <= Lines; ++i)
                sink(OutputStream::Stdout, QStringLiteral("line %1").arg(i));
            printed.release();
            go.acquire();
            return okResult(QStringLiteral("20.10.24\n"));
        });
        RunSettings s;
        s.operation = Operation::Preflight;
        const Plan plan = PlanBuilder::build(fakeHostsProject(2), {}, s);
        const int hosts = int(plan.jobs.size());
        Runner runner;
        runner.setChannelFactory(factoryFor(flood));
        runner.setLiveLimits(10, 50);
        QHash<QString, QList<int>> received; // "line N" numbers in arrival order
        QHash<QString, QStringList> notes;
        QHash<QString, bool> noteFirst;
        QHash<QString, JobEvent::Type> lastType;
        int maxLinesPerBatch = 0;
        static const QRegularExpression lineText(QStringLiteral("^line (\\d+)$"));
        connect(&runner, &Runner::hostEvents, this, [&](const QString &host, const QList<JobEvent> &events) {
            int lines = 0;
            for (const JobEvent &e : events) {
                lastType[host] = e.type;
                if (e.type != JobEvent::Type::Output)
                    continue;
                if (e.line.text.contains(QLatin1String("not shown live"))) {
                    notes[host].append(e.line.text);
                    noteFirst[host] = received.value(host).isEmpty();
                    continue;
                }
                ++lines;
                if (const auto m = lineText.match(e.line.text); m.hasMatch())
                    received[host].append(m.captured(1).toInt());
            }
            maxLinesPerBatch = std::max(maxLinesPerBatch, lines);
        });
        QSignalSpy done(&runner, &Runner::finished);
        QVERIFY(runner.start(plan));
        QVERIFY(printed.tryAcquire(hosts, 20000)); // every host has printed; no tick has run yet
        QTRY_COMPARE_WITH_TIMEOUT(int(notes.size()), hosts, 20000);
        go.release(hosts);
        QVERIFY(done.wait(20000));
        const RunReport report = done.first().first().value<RunReport>();
        QVERIFY(report.succeeded());
        QVERIFY2(maxLinesPerBatch <= 10, qPrintable(QString::number(maxLinesPerBatch)));
        QList<int> expected;
        for (int i = Lines - 49; i <= Lines; ++i)
            expected.append(i);
        static const QRegularExpression count(QStringLiteral("(\\d+) line"));
        for (const HostJob &job : plan.jobs) {
            const QString &host = job.target.key;
            QCOMPARE(received.value(host), expected);
            QCOMPARE(notes.value(host).size(), 1);
            QVERIFY(noteFirst.value(host));
            const auto m = count.match(notes.value(host).first());
            QVERIFY2(m.hasMatch() && m.captured(1).toInt() >= Lines - 50, qPrintable(notes.value(host).first()));
            QCOMPARE(lastType.value(host), JobEvent::Type::HostFinished);
            QFile full(report.logFiles.value(host));
            QVERIFY2(full.open(QIODevice::ReadOnly), qPrintable(host));
            const QString log = QString::fromUtf8(full.readAll());
            QCOMPARE(log.count(QRegularExpression(QStringLiteral(" O line \\d+\n"))), Lines);
            QVERIFY(log.contains(QStringLiteral(" O line 1\n")));
        }
    }

    void poolLimitsParallelHosts()
    {
        // "hosts in parallel" counts hosts: the exchange shares 10.0.0.1 with party 10000
        QMutex mutex;
        QHash<QString, int> active; // address → commands running there now
        int peak = 0;
        Handler slow = healthyExcept([&](const FakeCall &call) -> std::optional<CommandResult> {
            const auto &[t, c, r, sink, k] = call;
            {
                QMutexLocker lock(&mutex);
                ++active[t.address];
                peak = std::max(peak, int(active.size()));
            }
            QThread::msleep(60);
            {
                QMutexLocker lock(&mutex);
                if (--active[t.address] == 0)
                    active.remove(t.address);
            }
            return {};
        });
        RunSettings s;
        s.operation = Operation::Preflight;
        s.maxParallelHosts = 3;
        Plan plan = PlanBuilder::build(fakeHostsProject(8), {}, s);
        Runner runner;
        runner.setChannelFactory(factoryFor(slow));
        const RunReport report = runToEnd(runner, plan);
        QCOMPARE(report.hosts.size(), 9);
        QVERIFY(report.succeeded());
        QCOMPARE(peak, 3);
    }

    void exchangeBesideItsPartyDoesNotWaitForASlot()
    {
        // One host at a time, and party 10000's first command waits until the exchange (same host,
        // last in the plan) has run one: with job slots instead of host slots that never happens.
        std::atomic_bool exchangeRan{false};
        std::atomic_bool partyGaveUp{false};
        Handler h = healthyExcept([&](const FakeCall &call) -> std::optional<CommandResult> {
            const auto &[t, c, r, sink, k] = call;
            if (t.key == QLatin1String("exchange"))
                exchangeRan = true;
            else if (t.key == QLatin1String("party-10000") && !exchangeRan) {
                // generous: only the broken scheduler ever waits this long
                for (int i = 0; i < 12000 && !exchangeRan; ++i)
                    QThread::msleep(10);
                if (!exchangeRan)
                    partyGaveUp = true;
            }
            return {};
        });
        RunSettings s;
        s.operation = Operation::Preflight;
        s.maxParallelHosts = 1;
        Plan plan = PlanBuilder::build(fakeHostsProject(2), {}, s);
        Runner runner;
        runner.setChannelFactory(factoryFor(h));
        const RunReport report = runToEnd(runner, plan);
        QVERIFY2(report.succeeded(), qPrintable(report.toText()));
        QVERIFY2(!partyGaveUp, "the exchange never ran while party 10000 held its host: it waited for a slot");
    }

    void toyGridRunsAJobPerPairAtMostAsManyPerGuestAsAllowed()
    {
        // Three parties: six ordered pairs, each its own job on its guest's host. With one toy at a time per guest
        // no two toys ever run together on one host; the pair 10002 → 10000 fails, and its cell carries the
        // diagnosis (10000's proxy port does not answer from 10002's host).
        const Project project = fakeHostsProject(3);
        QMutex mutex;
        QHash<QString, int> running; // address → toy examples running there now
        int peak = 0;
        auto guestHost = [&](int id) { return project.party(id)->host; };
        auto failed = [](const QString &out) {
            CommandResult r;
            r.exitStatus = 1;
            r.stdoutText = out;
            return r;
        };
        Handler h = healthyExcept([&](const FakeCall &call) -> std::optional<CommandResult> {
            const auto &[t, c, r, sink, k] = call;
            if (c.contains(QLatin1String("/dev/tcp/")))
                return c.contains(guestHost(10000) + QLatin1String(" 9370")) && t.partyId == 10002 ? failed(QString())
                                                                                                   : okResult();
            if (!c.contains(QLatin1String("run_toy_example.py")))
                return {};
            {
                QMutexLocker lock(&mutex);
                peak = std::max(peak, ++running[t.address]);
            }
            QThread::msleep(80);
            {
                QMutexLocker lock(&mutex);
                --running[t.address];
            }
            if (t.partyId == 10002 && t.toyHostId == 10000)
                return failed(QStringLiteral("job running time exceed, please check federation or eggroll log\n"));
            return okResult(QStringLiteral("INFO: success to calculate secure_sum, it is 2000.0000000000002\n"));
        });
        RunSettings s;
        s.operation = Operation::Verify;
        s.toyPairs = DayTwo::allToyPairs(project);
        s.maxJobsPerHost = 1;
        QCOMPARE(s.toyPairs.size(), 6);
        Plan plan = PlanBuilder::build(project, {}, s);
        QCOMPARE(plan.jobs.size(), 6);
        QCOMPARE(plan.jobs.at(0).target.key, QStringLiteral("toy-10000-10001"));
        QCOMPARE(plan.jobs.at(0).target.address, guestHost(10000));
        Runner runner;
        runner.setChannelFactory(factoryFor(h));
        const RunReport report = runToEnd(runner, plan);
        QCOMPARE(peak, 1);
        QVERIFY(!report.succeeded());
        QCOMPARE(report.failedHostKeys(), QStringList{QStringLiteral("toy-10002-10000")});
        const QList<ToyCell> cells = report.toyGrid();
        QCOMPARE(cells.size(), 6);
        for (const ToyCell &c : cells) {
            if (c.guest == 10002 && c.host == 10000) {
                QCOMPARE(c.result, ToyCell::Result::Fail);
                QCOMPARE(c.diagnosis, VerifyDiagnosis::Unreachable);
                QCOMPARE(c.unreachable, QStringList{guestHost(10000) + QStringLiteral(":9370")});
            } else {
                QVERIFY2(c.result == ToyCell::Result::Pass, qPrintable(c.summary));
            }
        }
        QVERIFY(report.toJson().contains("\"grid\""));

        // Two at a time per guest: the first toy on a guest waits for the second to start beside it.
        std::atomic_int started{0};
        std::atomic_bool gaveUp{false};
        Handler pairs = healthyExcept([&](const FakeCall &call) -> std::optional<CommandResult> {
            const auto &[t, c, r, sink, k] = call;
            if (!c.contains(QLatin1String("run_toy_example.py")))
                return {};
            if (t.partyId == 10000 && ++started == 1) {
                for (int i = 0; i < 12000 && started < 2; ++i) // generous: only a serialising runner waits this long
                    QThread::msleep(10);
                gaveUp = started < 2;
            }
            return okResult(QStringLiteral("success to calculate secure_sum\n"));
        });
        s.toyPairs = {ToyPair{10000, 10001}, ToyPair{10000, 10002}};
        s.maxJobsPerHost = 2;
        Runner parallel;
        parallel.setChannelFactory(factoryFor(pairs));
        const RunReport both = runToEnd(parallel, PlanBuilder::build(project, {}, s));
        QVERIFY2(both.succeeded(), qPrintable(both.toText()));
        QVERIFY2(!gaveUp, "the second toy example of guest 10000 did not start beside the first");
    }

    void preflightReportsEveryCheckAndTheFix()
    {
        Handler h = healthyExcept([](const FakeCall &call) -> std::optional<CommandResult> {
            const auto &[t, c, r, sink, k] = call;
            if (t.partyId == 10001 && c.contains(QLatin1String("compose version"))) {
                CommandResult res;
                res.exitStatus = 127;
                res.stderrText = QStringLiteral("sh: docker-compose: not found");
                sink(OutputStream::Stderr, res.stderrText);
                return res;
            }
            if (t.partyId == 10001 && c.contains(QLatin1String("ss -ltn")))
                return okResult(QStringLiteral("LISTEN 0 128 0.0.0.0:9370 *:*\n"));
            return {};
        });
        RunSettings s;
        s.operation = Operation::Preflight;
        Runner runner;
        runner.setChannelFactory(factoryFor(h));
        const Plan plan = withFacts(fakeHostsProject(2), PlanBuilder::build(fakeHostsProject(2), {}, s));
        QCOMPARE(plan.jobs.first().bundle.ports, (QList<int>{8080, 9360, 9370, 9380})); // from docker-compose.yml
        const RunReport report = runToEnd(runner, plan);
        QVERIFY(!report.succeeded());
        QCOMPARE(report.failedHostKeys(), QStringList{QStringLiteral("party-10001")});
        const HostOutcome &bad = report.hosts.at(1);
        int failedChecks = 0;
        for (const StepOutcome &o : bad.steps)
            if (o.result == StepResult::Failed) {
                ++failedChecks;
                QVERIFY(!o.fix.isEmpty());
            }
        QCOMPARE(failedChecks, 2); // compose and the port: both reported, not only the first
        for (const StepOutcome &o : bad.steps)
            if (o.kind == StepKind::Ports)
                QCOMPARE(o.busyPorts, QStringList{QStringLiteral("9370")});
        QVERIFY(bad.steps.last().result != StepResult::Skipped);
        QVERIFY(report.toText().contains(QStringLiteral("9370")));
    }

    void deployFailureNamesStepCommandAndLastLines()
    {
        QTemporaryDir dir;
        QFile archive(dir.filePath(QStringLiteral("b.tar.gz")));
        QVERIFY(archive.open(QIODevice::WriteOnly));
        archive.write(QByteArray(10000, 'x'));
        archive.close();
        QMutex mutex;
        QStringList commands;
        Handler h = healthyExcept([&](const FakeCall &call) -> std::optional<CommandResult> {
            const auto &[t, c, r, sink, k] = call;
            {
                QMutexLocker lock(&mutex);
                commands.append(t.key + QLatin1Char(' ') + c);
            }
            if (c.contains(QLatin1String("up -d"))) {
                sink(OutputStream::Stderr, QStringLiteral("Creating confs-10000_proxy_1 ... error"));
                sink(OutputStream::Stderr,
                     QStringLiteral("ERROR: for proxy  Cannot start service proxy: port is already allocated"));
                CommandResult res;
                res.exitStatus = 1;
                return res;
            }
            return {};
        });
        RunSettings s;
        s.operation = Operation::Deploy;
        s.stableSeconds = 0;
        Selection only;
        only.parties = {10000};
        Plan plan = PlanBuilder::build(fakeHostsProject(2), only, s);
        QCOMPARE(plan.jobs.size(), 1);
        plan.jobs[0].bundle.archivePath = archive.fileName();
        Runner runner;
        runner.setChannelFactory(factoryFor(h));
        const RunReport report = runToEnd(runner, plan);
        QVERIFY(!report.succeeded());
        const StepOutcome *failed = report.hosts.first().failedStep();
        QVERIFY(failed);
        QCOMPARE(failed->kind, StepKind::Up);
        QVERIFY(failed->command.contains(QLatin1String("up -d")));
        QVERIFY(failed->lastLines.last().contains(QLatin1String("port is already allocated")));
        QVERIFY(failed->summary.contains(QLatin1String("port")));
        QCOMPARE(report.hosts.first().steps.last().result, StepResult::Skipped); // WaitStable never ran
        // Upload before down before swap before up.
        auto index = [&](const char *needle) {
            for (int i = 0; i < commands.size(); ++i)
                if (commands.at(i).contains(QLatin1String(needle)))
                    return i;
            return -1;
        };
        QVERIFY(index("tar -xzf -") >= 0);
        QVERIFY(index("tar -xzf -") < index("down --timeout"));
        QVERIFY(index("down --timeout") < index("rmdir"));
        QVERIFY(index("rmdir") < index("up -d"));
    }

    void cancelStopsPromptlyAndRetryRunsOnlyFailedHosts()
    {
        std::atomic_bool blockParty1{true};
        Handler h = healthyExcept([&](const FakeCall &call) -> std::optional<CommandResult> {
            const auto &[t, c, r, sink, k] = call;
            if (t.partyId == 10001 && blockParty1.load()) {
                while (!k.isCancelled())
                    QThread::msleep(10);
                CommandResult res;
                res.cancelled = true;
                return res;
            }
            return {};
        });
        RunSettings s;
        s.operation = Operation::Status;
        Runner runner;
        runner.setChannelFactory(factoryFor(h));
        QSignalSpy done(&runner, &Runner::finished);
        QVERIFY(runner.start(PlanBuilder::build(fakeHostsProject(3), {}, s)));
        QTest::qWait(300);
        QElapsedTimer t;
        t.start();
        runner.cancel();
        QVERIFY(done.wait(5000));
        QVERIFY(t.elapsed() < 2000);
        RunReport report = done.first().first().value<RunReport>();
        QVERIFY(report.cancelled);
        QVERIFY(!report.succeeded());
        QVERIFY2(report.failedHostKeys() == QStringList{QStringLiteral("party-10001")}, qPrintable(report.toText()));

        blockParty1 = false;
        QSignalSpy again(&runner, &Runner::finished);
        QVERIFY(runner.retryFailed());
        QCOMPARE(runner.plan().jobs.size(), 1);
        QCOMPARE(runner.plan().jobs.first().target.key, QStringLiteral("party-10001"));
        QVERIFY(again.wait(5000));
        report = again.first().first().value<RunReport>();
        QVERIFY(report.succeeded());
        QCOMPARE(report.hosts.size(), 1);
    }

    void connectFailureNamesTheHost()
    {
        RunSettings s;
        s.operation = Operation::Status;
        Runner runner;
        runner.setChannelFactory(
            factoryFor(healthy, [] { return Status(Error{QStringLiteral("connection timed out")}); }));
        const RunReport report = runToEnd(runner, PlanBuilder::build(fakeHostsProject(1), {}, s));
        QVERIFY(!report.succeeded());
        const StepOutcome *f = report.hosts.first().failedStep();
        QVERIFY(f && f->kind == StepKind::Connect);
        QVERIFY(f->summary.contains(QLatin1String("10.0.0.1")));
        QVERIFY(report.toText().contains(QLatin1String("10.0.0.1")));
    }

    void registryPasswordOnlyOnStdin()
    {
        const QByteArray secret = "s3cr3t-Pa55";
        QMutex mutex;
        QByteArray seenStdin;
        QStringList allCommands;
        Handler h = healthyExcept([&](const FakeCall &call) -> std::optional<CommandResult> {
            const auto &[t, c, r, sink, k] = call;
            QMutexLocker lock(&mutex);
            allCommands.append(c);
            if (c.contains(QLatin1String("docker login"))) {
                seenStdin = r.stdinData;
                return okResult(QStringLiteral("Login Succeeded\n"));
            }
            return {};
        });
        RunSettings s;
        s.operation = Operation::Deploy;
        s.registryUri = QStringLiteral("harbor.example/fate");
        s.registryUser = QStringLiteral("robot");
        s.registryPassword = secret;
        s.stableSeconds = 0;
        Selection only;
        only.exchange = true;
        Plan plan = PlanBuilder::build(fakeHostsProject(1), only, s);
        QTemporaryDir dir;
        QFile archive(dir.filePath(QStringLiteral("x.tar.gz")));
        QVERIFY(archive.open(QIODevice::WriteOnly));
        archive.write("x");
        archive.close();
        plan.jobs[0].bundle.archivePath = archive.fileName();
        Runner runner;
        runner.setChannelFactory(factoryFor(h));
        const RunReport report = runToEnd(runner, plan);
        QVERIFY2(report.succeeded(), qPrintable(report.toText()));
        QCOMPARE(seenStdin, secret);
        QVERIFY(!allCommands.join(QLatin1Char('\n')).contains(QString::fromLatin1(secret)));
        for (const QString &log : report.logs)
            QVERIFY(!log.contains(QString::fromLatin1(secret)));
        QVERIFY(!report.toJson().contains(secret));
    }

    void registryCheckSendsCredentialsOnStdinAndNamesWhatFailed()
    {
        // "Test login": connect + the Registry step only. The probe gets the credentials as a curl config on
        // stdin, never on its command line; its answer decides which of reachability and login failed.
        const QByteArray secret = "s3cr3t-Pa55";
        QMutex mutex;
        QByteArray seenStdin;
        QStringList allCommands;
        QString answer;
        Handler h = healthyExcept([&](const FakeCall &call) -> std::optional<CommandResult> {
            const auto &[t, c, r, sink, k] = call;
            QMutexLocker lock(&mutex);
            allCommands.append(c);
            if (c.contains(QLatin1String("RegistryConfig.IndexConfigs"))) {
                seenStdin = r.stdinData;
                return okResult(answer);
            }
            return {};
        });
        RunSettings s;
        s.operation = Operation::Preflight;
        s.registryOnly = true;
        s.registryUri = QStringLiteral("harbor.example:5000/fate");
        s.registryUser = QStringLiteral("robot");
        s.registryPassword = secret;
        Selection only;
        only.exchange = true;
        const Plan plan = PlanBuilder::build(fakeHostsProject(1), only, s);
        QCOMPARE(plan.jobs.first().steps.size(), 2); // connect, registry: nothing else is probed
        QCOMPARE(plan.jobs.first().steps.last().kind, StepKind::Registry);
        auto registryStep = [](const RunReport &report) -> StepOutcome {
            for (const StepOutcome &o : report.hosts.first().steps)
                if (o.kind == StepKind::Registry)
                    return o;
            return {};
        };

        answer = QStringLiteral("docker insecure\nreach http 401 0\nstored no\nauth given 200\n");
        auto run = [&](const Plan &p) {
            Runner runner;
            runner.setChannelFactory(factoryFor(h));
            return runToEnd(runner, p);
        };
        RunReport report = run(plan);
        QVERIFY2(report.succeeded(), qPrintable(report.toText()));
        QVERIFY2(registryStep(report).summary.contains(QLatin1String("accepts the credentials of user robot")),
                 qPrintable(registryStep(report).summary));
        QCOMPARE(seenStdin, QByteArray("user = \"robot:") + secret + "\"\n");
        QVERIFY(!allCommands.join(QLatin1Char('\n')).contains(QString::fromLatin1(secret)));
        QVERIFY(!report.toJson().contains(secret));

        answer = QStringLiteral("docker insecure\nreach http 401 0\nstored no\nauth given 401\n");
        report = run(plan);
        QVERIFY(!report.succeeded());
        QVERIFY2(registryStep(report).summary.contains(QLatin1String("answers over HTTP (HTTP 401), but rejects the "
                                                                     "credentials of user robot")),
                 qPrintable(registryStep(report).summary));

        answer = QStringLiteral("docker secure\nreach none 000 7\n");
        report = run(plan);
        QVERIFY(!report.succeeded());
        QVERIFY2(registryStep(report).summary.contains(QLatin1String("is not reachable from this host over HTTPS")),
                 qPrintable(registryStep(report).summary));

        // No password: the host's own login is what the probe checks, with nothing on stdin.
        Plan noPassword = plan;
        noPassword.settings.registryPassword.clear();
        answer = QStringLiteral("docker secure\nreach https 401 0\nstored yes\nauth stored 200\n");
        report = run(noPassword);
        QVERIFY2(report.succeeded(), qPrintable(report.toText()));
        QVERIFY(seenStdin.isEmpty());
        QVERIFY(registryStep(report).summary.contains(QLatin1String("already logged in and the registry accepts")));
    }

    void registryLoginUsesAPrivateDockerConfigOfTheRun()
    {
        QTemporaryDir dir;
        const QString archive = writeArchive(dir);
        for (const bool keep : {false, true}) {
            QMutex mutex;
            QStringList commands;
            Handler h = healthyExcept([&](const FakeCall &call) -> std::optional<CommandResult> {
                const auto &[t, c, r, sink, k] = call;
                {
                    QMutexLocker lock(&mutex);
                    commands.append(c);
                }
                if (c.contains(QLatin1String("docker login")))
                    return okResult(QStringLiteral("Login Succeeded\n"));
                return {};
            });
            RunSettings s;
            s.registryUri = QStringLiteral("harbor.example/fate");
            s.registryUser = QStringLiteral("robot");
            s.registryPassword = "pw";
            s.pull = true;
            s.keepRegistryLogin = keep;
            Runner runner;
            runner.setChannelFactory(factoryFor(h));
            const RunReport report = runToEnd(runner, deployPlan(archive, s));
            QVERIFY2(report.succeeded(), qPrintable(report.toText()));
            const QString config = QStringLiteral("DOCKER_CONFIG=/tmp/fd-docker-config-Ab3dE9 ");
            int login = -1;
            for (int i = 0; i < commands.size(); ++i)
                if (commands.at(i).contains(QLatin1String("docker login")))
                    login = i;
            QVERIFY(login >= 0);
            if (keep) {
                // The project keeps the host logged in: the user's own ~/.docker/config.json, no private folder.
                QVERIFY(!commands.join(QLatin1Char('\n')).contains(QLatin1String("DOCKER_CONFIG")));
                continue;
            }
            // Login, pull and compose up all read the run's folder; at the end it is removed.
            QVERIFY2(commands.at(login).startsWith(config), qPrintable(commands.at(login)));
            for (const QString &c : std::as_const(commands))
                if (c.contains(QLatin1String("docker pull")) || c.contains(QLatin1String("up -d")))
                    QVERIFY2(c.startsWith(config), qPrintable(c));
            QVERIFY(commands.contains(QStringLiteral("rm -rf /tmp/fd-docker-config-Ab3dE9")));
            const qsizetype removed = commands.indexOf(QStringLiteral("rm -rf /tmp/fd-docker-config-Ab3dE9"));
            for (qsizetype i = removed; i < commands.size(); ++i)
                QVERIFY2(!commands.at(i).contains(QLatin1String("DOCKER_CONFIG")), qPrintable(commands.at(i)));
        }
    }

    void keepLoggedInComesFromTheProject()
    {
        Project p = fakeHostsProject(1);
        p.registry.usePrivate = true;
        p.registry.uri = QStringLiteral("harbor.example/fate");
        p.registry.username = QStringLiteral("robot");
        RunSettings s;
        s.operation = Operation::Deploy;
        QVERIFY(!PlanBuilder::build(p, {}, s).settings.keepRegistryLogin);
        p.registry.keepLoggedIn = true;
        QVERIFY(PlanBuilder::build(p, {}, s).settings.keepRegistryLogin);
    }

    void hostLockRefusesNamingTheHolder()
    {
        QTemporaryDir dir;
        QMutex mutex;
        QStringList commands;
        Handler h = healthyExcept([&](const FakeCall &call) -> std::optional<CommandResult> {
            const auto &[t, c, r, sink, k] = call;
            {
                QMutexLocker lock(&mutex);
                commands.append(c);
            }
            if (isAcquire(c))
                return heldBy(QStringLiteral("run-of-alice"), 30);
            return {};
        });
        Runner runner;
        runner.setChannelFactory(factoryFor(h));
        const RunReport report = runToEnd(runner, deployPlan(writeArchive(dir)));
        QVERIFY(!report.succeeded());
        const StepOutcome *f = report.hosts.first().failedStep();
        QVERIFY(f);
        QCOMPARE(f->kind, StepKind::Connect);
        QCOMPARE(f->summary,
                 QStringLiteral("confs-10000 on this host is in use by another run: deploy of project \"fed\" by "
                                "alice@ws7.example (process 4242, connected from 10.0.0.9), started "
                                "2026-12-05T10:00:00Z (run run-of-alice)"));
        QVERIFY2(f->fix.startsWith(QLatin1String("Wait until that run has finished")), qPrintable(f->fix));
        // Nothing was touched: no upload, no release of somebody else's lock.
        const QString all = commands.join(QLatin1Char('\n'));
        QVERIFY(!all.contains(QLatin1String("tar -xzf")));
        QVERIFY(!all.contains(QLatin1String(".fd-staging-")));
        for (const QString &c : std::as_const(commands))
            QVERIFY2(!isRelease(c) || isAcquire(c), qPrintable(c));
    }

    void staleLockIsTakenOverOnlyWithBreakLock()
    {
        QTemporaryDir dir;
        const QString archive = writeArchive(dir);
        QMutex mutex;
        QStringList commands;
        bool broken = false;
        Handler h = healthyExcept([&](const FakeCall &call) -> std::optional<CommandResult> {
            const auto &[t, c, r, sink, k] = call;
            QMutexLocker lock(&mutex);
            commands.append(c);
            if (isBreak(c)) {
                broken = c.contains(QLatin1String("old-run"));
                return okResult();
            }
            if (isAcquire(c))
                return heldBy(QStringLiteral("old-run"), 3 * 3600);
            return {};
        });
        Runner runner;
        runner.setChannelFactory(factoryFor(h));
        RunReport report = runToEnd(runner, deployPlan(archive));
        QVERIFY(!report.succeeded());
        const StepOutcome *f = report.hosts.first().failedStep();
        QVERIFY(f);
        QVERIFY2(f->fix.contains(QLatin1String("The lock looks stale (taken 10800 s ago)")), qPrintable(f->fix));
        QVERIFY2(f->fix.contains(QLatin1String("--break-lock")), qPrintable(f->fix));
        QVERIFY(!broken);

        RunSettings s;
        s.breakStaleLock = true;
        commands.clear();
        report = runToEnd(runner, deployPlan(archive, s));
        QVERIFY2(report.succeeded(), qPrintable(report.toText()));
        QVERIFY(broken);
        // Released at the end, after the last step.
        QVERIFY(isRelease(commands.last()));
    }

    void lockIsReleasedOnFailureAndOnCancel()
    {
        QTemporaryDir dir;
        const QString archive = writeArchive(dir);
        QMutex mutex;
        QList<QPair<QString, bool>> commands; // command, cancellable
        std::atomic_bool blockUp{false};
        Handler h = healthyExcept([&](const FakeCall &call) -> std::optional<CommandResult> {
            const auto &[t, c, r, sink, k] = call;
            {
                QMutexLocker lock(&mutex);
                commands.append({c, r.cancellable});
            }
            if (c.contains(QLatin1String("up -d"))) {
                if (blockUp) {
                    while (!k.isCancelled())
                        QThread::msleep(10);
                    CommandResult res;
                    res.cancelled = true;
                    return res;
                }
                CommandResult res;
                res.exitStatus = 1;
                return res;
            }
            return {};
        });
        Runner runner;
        runner.setChannelFactory(factoryFor(h));
        RunReport report = runToEnd(runner, deployPlan(archive));
        QVERIFY(!report.succeeded());
        QVERIFY(isRelease(commands.last().first));
        QVERIFY(!commands.last().second); // never interrupted by a cancel

        commands.clear();
        blockUp = true;
        QSignalSpy done(&runner, &Runner::finished);
        QVERIFY(runner.start(deployPlan(archive)));
        QVERIFY(QTest::qWaitFor(
            [&] {
                QMutexLocker lock(&mutex);
                return !commands.isEmpty() && commands.last().first.contains(QLatin1String("up -d"));
            },
            10000));
        runner.cancel();
        QVERIFY(done.wait(10000));
        report = done.first().first().value<RunReport>();
        QVERIFY(report.cancelled);
        QVERIFY(isRelease(commands.last().first));
        QVERIFY(!commands.last().second);
    }

    void lostConnectionSkipsCleanupAndSaysSo()
    {
        QTemporaryDir dir;
        QMutex mutex;
        QStringList commands;
        Handler h = healthyExcept([&](const FakeCall &call) -> std::optional<CommandResult> {
            const auto &[t, c, r, sink, k] = call;
            {
                QMutexLocker lock(&mutex);
                commands.append(c);
            }
            if (c.contains(QLatin1String("tar -xzf"))) {
                CommandResult res;
                res.error = QStringLiteral("The connection to 10.0.0.1 was lost while running a command: timeout: no "
                                           "answer to a keepalive within 10 s.");
                res.connectionLost = true;
                return res;
            }
            return {};
        });
        Runner runner;
        runner.setChannelFactory(factoryFor(h));
        const RunReport report = runToEnd(runner, deployPlan(writeArchive(dir)));
        QVERIFY(!report.succeeded());
        const StepOutcome *f = report.hosts.first().failedStep();
        QVERIFY(f);
        QCOMPARE(f->kind, StepKind::Upload);
        QVERIFY2(f->summary.contains(QLatin1String("timeout: no answer to a keepalive within 10 s")),
                 qPrintable(f->summary));
        QVERIFY2(f->fix.contains(QLatin1String("Clean-up on the host was skipped because the connection is lost; "
                                               "left there: the staging folder /data/projects/fate/.fd-staging-")),
                 qPrintable(f->fix));
        QVERIFY2(f->fix.contains(QLatin1String("the lock /data/projects/fate/.fd-lock-confs-10000")),
                 qPrintable(f->fix));
        QVERIFY(report.toText().contains(QLatin1String("Clean-up on the host was skipped")));
        QVERIFY(commands.last().contains(QLatin1String("tar -xzf"))); // nothing after the loss
    }

    void registryLoginFailuresNameTheRealCause_data()
    {
        QTest::addColumn<QString>("output");
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("summary");
        QTest::addColumn<QString>("fix");
        const QString dns = QStringLiteral("Error response from daemon: Get \"https://harbor.example/v2/\": dial tcp: "
                                           "lookup harbor.example on 10.0.0.2:53: no such host");
        const QString refused = QStringLiteral("Error response from daemon: Get \"https://harbor.example/v2/\": "
                                               "unauthorized: incorrect username or password");
        QTest::newRow("dns, password from the environment")
            << dns << QStringLiteral("FD_REGISTRY_PASSWORD")
            << QStringLiteral("docker login to harbor.example failed: the host cannot resolve the name harbor.example")
            << QStringLiteral("Check the registry address in the project and the host's DNS (/etc/resolv.conf, "
                              "getent hosts harbor.example). The password was not checked: the registry was never "
                              "reached.");
        QTest::newRow("dns, password from the keychain")
            << dns << QString()
            << QStringLiteral("docker login to harbor.example failed: the host cannot resolve the name harbor.example")
            << QStringLiteral("Check the registry address in the project and the host's DNS (/etc/resolv.conf, "
                              "getent hosts harbor.example). The password was not checked: the registry was never "
                              "reached.");
        QTest::newRow("refused, password from the environment")
            << refused << QStringLiteral("FD_REGISTRY_PASSWORD")
            << QStringLiteral("docker login to harbor.example failed: user robot or the password was refused")
            << QStringLiteral("Check the registry user robot and the password from FD_REGISTRY_PASSWORD.");
        QTest::newRow("refused, password from the keychain")
            << refused << QString()
            << QStringLiteral("docker login to harbor.example failed: user robot or the password was refused")
            << QStringLiteral("Check the registry user robot and the password stored in the keychain.");
    }

    void registryLoginFailuresNameTheRealCause()
    {
        QFETCH(QString, output);
        QFETCH(QString, source);
        QFETCH(QString, summary);
        QFETCH(QString, fix);
        QTemporaryDir dir;
        Handler h = healthyExcept([&](const FakeCall &call) -> std::optional<CommandResult> {
            const auto &[t, c, r, sink, k] = call;
            if (c.contains(QLatin1String("docker login"))) {
                sink(OutputStream::Stderr, output);
                CommandResult res;
                res.exitStatus = 1;
                res.stderrText = output;
                return res;
            }
            return {};
        });
        RunSettings s;
        s.registryUri = QStringLiteral("harbor.example/fate");
        s.registryUser = QStringLiteral("robot");
        s.registryPassword = "pw";
        s.registryPasswordSource = source;
        Runner runner;
        runner.setChannelFactory(factoryFor(h));
        const RunReport report = runToEnd(runner, deployPlan(writeArchive(dir), s));
        const StepOutcome *f = report.hosts.first().failedStep();
        QVERIFY(f);
        QCOMPARE(f->kind, StepKind::RegistryLogin);
        // What happened, then the tool's own last line as the evidence.
        QVERIFY2(f->summary.startsWith(summary + QStringLiteral(": Error response from daemon")),
                 qPrintable(f->summary));
        QVERIFY2(f->summary.endsWith(QLatin1String("(exit status 1)")), qPrintable(f->summary));
        QCOMPARE(f->fix, fix);
    }

    void readOnlyBaseDirNamesTheRealReason()
    {
        QTemporaryDir dir;
        const QString reason
            = QStringLiteral("mkdir: cannot create directory '/data/projects/fate/.fd-lock-confs-10000': Read-only "
                             "file system");
        Handler h = healthyExcept([&](const FakeCall &call) -> std::optional<CommandResult> {
            const auto &[t, c, r, sink, k] = call;
            if (isAcquire(c)) {
                sink(OutputStream::Stderr, reason);
                CommandResult res;
                res.exitStatus = 3;
                return res;
            }
            return {};
        });
        Runner runner;
        runner.setChannelFactory(factoryFor(h));
        const RunReport report = runToEnd(runner, deployPlan(writeArchive(dir)));
        const StepOutcome *f = report.hosts.first().failedStep();
        QVERIFY(f);
        QCOMPARE(f->summary,
                 QStringLiteral("cannot take the lock /data/projects/fate/.fd-lock-confs-10000: %1 (exit status 3)")
                     .arg(reason));
        QCOMPARE(f->fix,
                 QStringLiteral("The file system holding /data/projects/fate is mounted read-only on the host (see the "
                                "last lines): remount it read-write (or fix the disk it reports) or choose another "
                                "base directory, then run again."));
    }

    void hostFactsTakeOneRoundTripAndTheFrontEndIsRemembered()
    {
        QTemporaryDir tmp;
        qputenv("FD_HISTORY_DIR", tmp.path().toLocal8Bit());
        const QString archive = writeArchive(tmp);
        QMutex mutex;
        QStringList sent;
        Runner runner;
        runner.setChannelFactory([&](const HostTarget &t, const CancelToken &c) {
            return std::make_unique<RecordingChannel>(t, c, healthy, &sent, &mutex);
        });
        RunReport report = runToEnd(runner, deployPlan(archive));
        QVERIFY(report.succeeded());
        // lock, then every fact at once; no command of its own for Docker, compose or the base dir
        QVERIFY(sent.size() > 3);
        QVERIFY(isAcquire(sent.at(0)));
        QVERIFY2(sent.at(1).contains(QLatin1String("@@fd-fact")), qPrintable(sent.at(1)));
        QVERIFY2(sent.at(1).contains(QLatin1String("'facts=docker,compose' '' ''")), qPrintable(sent.at(1).right(60)));
        for (const QString &c : std::as_const(sent)) {
            QVERIFY2(!c.startsWith(QLatin1String("docker version")), qPrintable(c));
            QVERIFY2(!c.startsWith(QLatin1String("docker-compose version")), qPrintable(c));
            QVERIFY2(!c.startsWith(QLatin1String("mkdir")), qPrintable(c));
        }
        const HostOutcome &host = report.hosts.first();
        QCOMPARE(host.steps.at(1).kind, StepKind::DockerVersion);
        QCOMPARE(host.steps.at(1).summary, QStringLiteral("Docker 20.10.24"));
        QCOMPARE(host.steps.at(2).summary, QStringLiteral("docker-compose"));
        // the log reads as if each fact had run alone
        QVERIFY2(report.logs.first().contains(QLatin1String("$ 'docker' 'version' '--format'")),
                 qPrintable(report.logs.first()));
        // remembered beside the history, for this Docker version; the next run passes it to the script
        QFile state(tmp.filePath(QStringLiteral("host-state.tsv")));
        QVERIFY(state.open(QIODevice::ReadOnly));
        QCOMPARE(state.readAll(), QByteArray("root@10.0.0.1:22\t20.10.24\tv1\n"));
        sent.clear();
        report = runToEnd(runner, deployPlan(archive));
        qunsetenv("FD_HISTORY_DIR");
        QVERIFY(report.succeeded());
        QVERIFY2(sent.at(1).endsWith(QLatin1String("'facts=docker,compose' 'v1' '20.10.24'")),
                 qPrintable(sent.at(1).right(60)));
    }

    void waitingPollsDockerPsAndInspectsOnlyAtTheWindowsEdges()
    {
        QTemporaryDir tmp;
        const QString archive = writeArchive(tmp);
        std::atomic_int inspects{0};
        std::atomic_int lists{0};
        std::atomic_bool upDone{false};
        std::atomic_int composeWhileWaiting{0};
        Handler host = healthyExcept([&](const FakeCall &call) -> std::optional<CommandResult> {
            const auto &[t, c, r, sink, k] = call;
            if (upDone && (c.contains(QLatin1String("docker-compose")) || c.contains(QLatin1String("docker compose"))))
                ++composeWhileWaiting;
            if (c.contains(QLatin1String(" up -d")))
                upDone = true;
            if (c.startsWith(QLatin1String("docker ps -a --filter")))
                ++lists;
            if (c.contains(QLatin1String("docker inspect"))) {
                // python restarted between the first and the second look: the window starts again
                const int n = ++inspects;
                QString out;
                for (const QString &s : partyServices())
                    out += QStringLiteral("abc|/p_%1_1|%1|%2|img|{}|{\"Status\":\"running\",\"StartedAt\":"
                                          "\"2026-11-29T19:00:00Z\"}\n")
                               .arg(s)
                               .arg(s == QLatin1String("python") && n >= 2 ? 1 : 0);
                return okResult(out);
            }
            return {};
        });
        Plan plan = deployPlan(archive);
        plan.settings.stableSeconds = 1;
        Runner runner;
        runner.setChannelFactory(factoryFor(host));
        const RunReport report = runToEnd(runner, plan);
        QVERIFY(report.succeeded());
        // all up at once → counts; end of the window: python's count moved → a new window; its end: same
        QCOMPARE(inspects.load(), 3);
        QVERIFY(lists.load() >= 3);
        QCOMPARE(composeWhileWaiting.load(), 0);
        QVERIFY(report.logs.first().contains(QLatin1String("python restarted (1 times)")));
        QCOMPARE(report.hosts.first().steps.last().kind, StepKind::WaitStable);
        QCOMPARE(report.hosts.first().containers.size(), partyServices().size());
    }

    void hostKeyFixesSayWhatToDoWithTheKey()
    {
        for (const auto problem : {SshSession::HostKeyProblem::Unknown, SshSession::HostKeyProblem::Changed}) {
            RunSettings s;
            s.operation = Operation::Status;
            Runner runner;
            runner.setChannelFactory([problem](const HostTarget &t, const CancelToken &cancel) {
                return std::make_unique<KeyProblemChannel>(t, cancel, problem);
            });
            const RunReport report = runToEnd(runner, PlanBuilder::build(fakeHostsProject(1), {}, s));
            const StepOutcome *f = report.hosts.first().failedStep();
            QVERIFY(f);
            QVERIFY2(!f->fix.contains(QLatin1String("Check that the host is up")), qPrintable(f->fix));
            if (problem == SshSession::HostKeyProblem::Unknown)
                QCOMPARE(f->fix,
                         QStringLiteral("The host is up; its key is not known yet. Compare the fingerprint above with "
                                        "the host's own (ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub on "
                                        "10.0.0.1), then accept it: confirm it when the window asks, or run the CLI "
                                        "on a terminal (it asks) or with --accept-new-host-keys."));
            else
                QVERIFY2(f->fix.startsWith(QLatin1String("Nothing was sent. Ask the administrator of 10.0.0.1")),
                         qPrintable(f->fix));
        }
    }
};

QTEST_GUILESS_MAIN(TestRunner)
#include "tst_runner.moc"
