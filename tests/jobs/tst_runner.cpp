// SPDX-License-Identifier: Apache-2.0
// The runner and the interpreter against scripted fake hosts: batching, numbering, parallelism,
// cancel, retry of failed hosts, step semantics and secrets.
#include "fakechannel.h"
#include "jobs/bundleprep.h"
#include "jobs/interpreter.h"
#include "jobs/runner.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace FateDeployer;
using namespace FateDeployer::Testing;

namespace {

Project project(int parties)
{
    Project p;
    p.name = QStringLiteral("t");
    for (int i = 0; i < parties; ++i) {
        Party party;
        party.id = 10000 + i;
        party.host = QStringLiteral("10.0.0.%1").arg(i + 1);
        p.parties.append(party);
    }
    p.exchange.host = QStringLiteral("10.0.0.1");
    p.templates.location = QStringLiteral(FD_TEST_DATA "/kubefate-1.1.0");
    return p;
}

/// What preflight checks comes from the rendered compose files (ports, images, services).
Plan withFacts(const Project &project, Plan plan)
{
    const Result<RenderOutput> rendered = BundlePrep::render(project, QString());
    if (!rendered)
        qFatal("render: %s", qPrintable(rendered.error()));
    BundlePrep::applyFacts(rendered.value(), plan);
    return plan;
}

RunReport runToEnd(Runner &runner, const Plan &plan, int timeoutMs = 20000)
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
        Handler noisy = [](const HostTarget &t,
                           const QString &c,
                           const CommandRequest &r,
                           const HostChannel::LineSink &sink,
                           const CancelToken &k) {
            if (!c.startsWith(QLatin1String("docker version")))
                return healthy(t, c, r, sink, k);
            for (int i = 0; i < Lines; ++i) {
                sink(OutputStream::Stdout, QStringLiteral("line %1").arg(i));
                if (i % 100 == 0)
                    QThread::msleep(30);
            }
            return okResult(QStringLiteral("20.10.24\n"));
        };
        RunSettings s;
        s.operation = Operation::Preflight;
        Plan plan = PlanBuilder::build(project(5), {}, s);
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
            // At most one batch per 100 ms tick per host (+1 for the final flush).
            QVERIFY2(
                signals_.value(host) <= int(seconds * 10) + 2,
                qPrintable(QStringLiteral("%1: %2 signals in %3 s").arg(host).arg(signals_.value(host)).arg(seconds)));
            QVERIFY(signals_.value(host) >= 2); // batched, yet live: not one signal at the end
        }
        // The full logs keep every numbered line.
        QVERIFY(report.logs.value(QStringLiteral("party-10000")).contains(QStringLiteral("line 2999")));
    }

    void poolLimitsParallelHosts()
    {
        // "hosts in parallel" counts hosts: the exchange shares 10.0.0.1 with party 10000
        QMutex mutex;
        QHash<QString, int> active; // address → commands running there now
        int peak = 0;
        Handler slow = [&](const HostTarget &t,
                           const QString &c,
                           const CommandRequest &r,
                           const HostChannel::LineSink &sink,
                           const CancelToken &k) {
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
            return healthy(t, c, r, sink, k);
        };
        RunSettings s;
        s.operation = Operation::Preflight;
        s.maxParallelHosts = 3;
        Plan plan = PlanBuilder::build(project(8), {}, s);
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
        Handler h = [&](const HostTarget &t,
                        const QString &c,
                        const CommandRequest &r,
                        const HostChannel::LineSink &sink,
                        const CancelToken &k) {
            if (t.key == QLatin1String("exchange"))
                exchangeRan = true;
            else if (t.key == QLatin1String("party-10000") && !exchangeRan) {
                // generous: only the broken scheduler ever waits this long
                for (int i = 0; i < 12000 && !exchangeRan; ++i)
                    QThread::msleep(10);
                if (!exchangeRan)
                    partyGaveUp = true;
            }
            return healthy(t, c, r, sink, k);
        };
        RunSettings s;
        s.operation = Operation::Preflight;
        s.maxParallelHosts = 1;
        Plan plan = PlanBuilder::build(project(2), {}, s);
        Runner runner;
        runner.setChannelFactory(factoryFor(h));
        const RunReport report = runToEnd(runner, plan);
        QVERIFY(report.succeeded());
        QVERIFY2(!partyGaveUp, "the exchange never ran while party 10000 held its host: it waited for a slot");
    }

    void preflightReportsEveryCheckAndTheFix()
    {
        Handler h = [](const HostTarget &t,
                       const QString &c,
                       const CommandRequest &r,
                       const HostChannel::LineSink &sink,
                       const CancelToken &k) {
            if (t.partyId == 10001 && c.contains(QLatin1String("compose version"))) {
                CommandResult res;
                res.exitStatus = 127;
                res.stderrText = QStringLiteral("sh: docker-compose: not found");
                sink(OutputStream::Stderr, res.stderrText);
                return res;
            }
            if (t.partyId == 10001 && c.contains(QLatin1String("ss -ltn")))
                return okResult(QStringLiteral("LISTEN 0 128 0.0.0.0:9370 *:*\n"));
            return healthy(t, c, r, sink, k);
        };
        RunSettings s;
        s.operation = Operation::Preflight;
        Runner runner;
        runner.setChannelFactory(factoryFor(h));
        const Plan plan = withFacts(project(2), PlanBuilder::build(project(2), {}, s));
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
        Handler h = [&](const HostTarget &t,
                        const QString &c,
                        const CommandRequest &r,
                        const HostChannel::LineSink &sink,
                        const CancelToken &k) {
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
            return healthy(t, c, r, sink, k);
        };
        RunSettings s;
        s.operation = Operation::Deploy;
        s.stableSeconds = 0;
        Selection only;
        only.parties = {10000};
        Plan plan = PlanBuilder::build(project(2), only, s);
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
        Handler h = [&](const HostTarget &t,
                        const QString &c,
                        const CommandRequest &r,
                        const HostChannel::LineSink &sink,
                        const CancelToken &k) {
            if (t.partyId == 10001 && blockParty1.load()) {
                while (!k.isCancelled())
                    QThread::msleep(10);
                CommandResult res;
                res.cancelled = true;
                return res;
            }
            return healthy(t, c, r, sink, k);
        };
        RunSettings s;
        s.operation = Operation::Status;
        Runner runner;
        runner.setChannelFactory(factoryFor(h));
        QSignalSpy done(&runner, &Runner::finished);
        QVERIFY(runner.start(PlanBuilder::build(project(3), {}, s)));
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
        const RunReport report = runToEnd(runner, PlanBuilder::build(project(1), {}, s));
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
        Handler h = [&](const HostTarget &t,
                        const QString &c,
                        const CommandRequest &r,
                        const HostChannel::LineSink &sink,
                        const CancelToken &k) {
            QMutexLocker lock(&mutex);
            allCommands.append(c);
            if (c.contains(QLatin1String("docker login"))) {
                seenStdin = r.stdinData;
                return okResult(QStringLiteral("Login Succeeded\n"));
            }
            return healthy(t, c, r, sink, k);
        };
        RunSettings s;
        s.operation = Operation::Deploy;
        s.registryUri = QStringLiteral("harbor.example/fate");
        s.registryUser = QStringLiteral("robot");
        s.registryPassword = secret;
        s.stableSeconds = 0;
        Selection only;
        only.exchange = true;
        Plan plan = PlanBuilder::build(project(1), only, s);
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
        Handler h = [&](const HostTarget &t,
                        const QString &c,
                        const CommandRequest &r,
                        const HostChannel::LineSink &sink,
                        const CancelToken &k) {
            QMutexLocker lock(&mutex);
            allCommands.append(c);
            if (c.contains(QLatin1String("RegistryConfig.IndexConfigs"))) {
                seenStdin = r.stdinData;
                return okResult(answer);
            }
            return healthy(t, c, r, sink, k);
        };
        RunSettings s;
        s.operation = Operation::Preflight;
        s.registryOnly = true;
        s.registryUri = QStringLiteral("harbor.example:5000/fate");
        s.registryUser = QStringLiteral("robot");
        s.registryPassword = secret;
        Selection only;
        only.exchange = true;
        const Plan plan = PlanBuilder::build(project(1), only, s);
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
};

QTEST_GUILESS_MAIN(TestRunner)
#include "tst_runner.moc"
