// SPDX-License-Identifier: Apache-2.0
// RunSession, the one code path of the CLI and the window, against scripted fake hosts and the
// real renderer, packer and HistoryStore: the order of its events, facts from the rendered compose
// files, typed results (missing images, busy ports, error kinds), retry from the session's own
// failed-host set, cancel while preparing (no bundle folder left), the registry password from
// FD_REGISTRY_PASSWORD, history, one changing run per project file at a time (ProjectLock).
#include "engineproject.h"
#include "fakechannel.h"
#include "history/historystore.h"
#include "model/projectfile.h"
#include "render/composefacts.h"
#include "session/runsession.h"
#include "settings/secretstore.h"

#include <QDir>
#include <QFile>
#include <QMutex>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace FateDeployer;
using namespace FateDeployer::Testing;

namespace {

/// Records every signal of a session in order, by name.
struct Recorder
{
    QStringList order;
    QList<Plan> plans;
    RunReport report;
    bool done = false;
    QString abortedWith;
    ErrorKind abortKind = ErrorKind::Other;
    qint64 storedId = -1;
    QString storedError;

    explicit Recorder(RunSession &s)
    {
        auto note = [this](const char *name) {
            if (order.isEmpty() || order.last() != QLatin1String(name))
                order.append(QLatin1String(name));
        };
        QObject::connect(&s, &RunSession::planned, [this, note](const Plan &p) {
            plans.append(p);
            note("planned");
        });
        QObject::connect(&s, &RunSession::preparing, [note](int, int) { note("preparing"); });
        QObject::connect(&s, &RunSession::started, [note](int, int) { note("started"); });
        QObject::connect(&s, &RunSession::hostFinished, [note](const HostOutcome &) { note("hostFinished"); });
        QObject::connect(&s, &RunSession::aborted, [this, note](const QString &m, ErrorKind k) {
            abortedWith = m;
            abortKind = k;
            done = true;
            note("aborted");
        });
        QObject::connect(&s, &RunSession::stored, [this, note](qint64 id, const QString &e) {
            storedId = id;
            storedError = e;
            note("stored");
        });
        QObject::connect(&s, &RunSession::finished, [this, note](const RunReport &r) {
            report = r;
            done = true;
            note("finished");
        });
    }
};

} // namespace

class TestRunSession : public QObject
{
    Q_OBJECT

    QTemporaryDir m_history;

    SessionEnvironment env(Handler handler, std::function<Status()> onConnect = {})
    {
        SessionEnvironment e;
        e.secrets = std::make_shared<MemorySecretStore>();
        e.channelFactory = factoryFor(std::move(handler), std::move(onConnect));
        e.historyDir = m_history.path();
        e.registryPasswordFromEnvironment = true;
        return e;
    }

private slots:
    void composeFactsOfTheRenderedBundle()
    {
        QFile compose(QStringLiteral(FD_TEST_DATA "/render-golden/confs-10000/docker-compose.yml"));
        QFile dotEnv(QStringLiteral(FD_TEST_DATA "/render-golden/confs-10000/.env"));
        QFile manifest(QStringLiteral(FD_TEST_DATA "/render-golden/confs-10000.manifest"));
        QVERIFY(compose.open(QIODevice::ReadOnly) && dotEnv.open(QIODevice::ReadOnly));
        QVERIFY(manifest.open(QIODevice::ReadOnly | QIODevice::Text));
        QStringList files; // "<mode> <sha256> <path>" per line
        for (const QByteArray &line : manifest.readAll().split('\n'))
            if (!line.trimmed().isEmpty())
                files.append(QString::fromUtf8(line).section(QLatin1Char(' '), 2));
        const BundleFacts f = ComposeFacts::parse(compose.readAll(), ComposeFacts::parseEnv(dotEnv.readAll()), files);
        QCOMPARE(f.services, partyServices());
        QCOMPARE(f.ports, (QList<int>{8080, 9360, 9370, 9380}));
        QVERIFY2(f.images.contains(QStringLiteral("federatedai/python:1.1-release")),
                 qPrintable(f.images.join(QLatin1Char(' '))));
        QVERIFY(f.images.contains(QStringLiteral("mysql:8")));
        QCOMPARE(f.images.size(), 9);
        // redis writes ./confs/redis/data, which the bundle ships empty; everything else is shipped.
        QCOMPARE(f.dataPaths, QStringList{QStringLiteral("confs/redis/data")});
        // Long port syntax, an address in front, a default value and a container-only port.
        const BundleFacts g = ComposeFacts::parse("services:\n  a:\n    image: ${REG:-hub}/a:${T}\n    ports:\n"
                                                  "      - target: 80\n        published: 8081\n"
                                                  "      - \"127.0.0.1:9000:9000/tcp\"\n      - \"7000\"\n",
                                                  {{QStringLiteral("T"), QStringLiteral("2")}});
        QCOMPARE(g.images, QStringList{QStringLiteral("hub/a:2")});
        QCOMPARE(g.ports, (QList<int>{8081, 9000}));
    }

    void preflightUsesTheRenderedFactsAndStoresTheRun()
    {
        // party 10001: 9370 held by another program, and mysql:8 missing; the others have every image.
        Handler h = healthyExcept([](const FakeCall &call) -> std::optional<CommandResult> {
            const auto &[t, c, r, sink, k] = call;
            if (c.contains(QLatin1String("ss -ltn")) && t.partyId == 10001)
                return okResult(QStringLiteral("LISTEN 0 128 0.0.0.0:9370 *:*\n"));
            if (c.startsWith(QLatin1String("docker images"))) {
                QStringList present;
                for (const char *m : {"federation", "proxy", "fateboard", "roll", "egg", "python", "meta-service"})
                    present.append(QStringLiteral("federatedai/%1:1.1-release").arg(QLatin1String(m)));
                present.append(QStringLiteral("redis:5"));
                if (t.partyId != 10001)
                    present.append(QStringLiteral("mysql:8"));
                return okResult(present.join(QLatin1Char('\n')));
            }
            return {};
        });
        RunSession session(env(h));
        Recorder rec(session);
        RunRequest rq;
        rq.project = fakeHostsProject(2);
        rq.settings.operation = Operation::Preflight;
        QVERIFY(session.start(rq).ok());
        QVERIFY(session.isBusy());
        QVERIFY(!session.start(rq).ok()); // one run at a time
        QTRY_VERIFY_WITH_TIMEOUT(rec.done, 20000);
        QCOMPARE(rec.order,
                 (QStringList{QStringLiteral("planned"),
                              QStringLiteral("started"),
                              QStringLiteral("hostFinished"),
                              QStringLiteral("stored"),
                              QStringLiteral("finished")}));
        // The plan the runner ran carries the compose files' facts.
        const HostJob &party = session.currentPlan().jobs.first();
        QCOMPARE(party.bundle.ports, (QList<int>{8080, 9360, 9370, 9380}));
        QCOMPARE(party.bundle.services, partyServices());
        QCOMPARE(session.currentPlan().jobs.last().bundle.ports, QList<int>{9371});

        const RunReport &r = rec.report;
        QCOMPARE(r.failedHostKeys(), QStringList{QStringLiteral("party-10001")});
        QCOMPARE(session.failedHosts(), QStringList{QStringLiteral("party-10001")});
        for (const HostOutcome &host : r.hosts)
            for (const StepOutcome &s : host.steps) {
                if (s.kind == StepKind::Images)
                    QCOMPARE(s.missingImages,
                             host.target.partyId == 10001 ? QStringList{QStringLiteral("mysql:8")} : QStringList{});
                if (s.kind == StepKind::Ports && host.target.partyId == 10001) {
                    QCOMPARE(s.result, StepResult::Failed);
                    QCOMPARE(s.busyPorts, QStringList{QStringLiteral("9370")});
                }
            }
        // In the one history, with its full log; the report says its id.
        QVERIFY(rec.report.id > 0);
        QCOMPARE(rec.storedId, rec.report.id);
        HistoryStore store(m_history.path());
        const auto runs = store.list();
        QVERIFY(runs.ok());
        QCOMPARE(runs->first().id, rec.report.id);
        QCOMPARE(runs->first().failedHosts, QStringList{QStringLiteral("party-10001")});
        const auto log = store.log(rec.report.id, QStringLiteral("party-10001"));
        QVERIFY(log.ok());
        QVERIFY2(log->contains(QLatin1String("ss -ltn")), qPrintable(log.value()));
        QVERIFY(rec.report.toJson().contains("\"busy_ports\""));
    }

    void retryRunsTheSessionsFailedHostsWithTheirErrorKind()
    {
        std::atomic_bool refuse{true};
        // Only party 10000 refuses the connection (a network error, typed).
        SessionEnvironment e = env(healthy);
        e.channelFactory = [&refuse](const HostTarget &t, const CancelToken &cancel) {
            std::function<Status()> connect;
            if (t.partyId == 10000)
                connect = [&refuse]() -> Status {
                    return refuse.load() ? Status(Error{QStringLiteral("refused"), ErrorKind::Network}) : Status();
                };
            return std::make_unique<FakeChannel>(t, cancel, Handler(healthy), connect);
        };
        RunSession session(e);
        Recorder rec(session);
        RunRequest rq;
        rq.project = fakeHostsProject(2);
        rq.settings.operation = Operation::Status;
        QVERIFY(!session.retryFailed().ok()); // nothing ran yet
        QVERIFY(session.start(rq).ok());
        QTRY_VERIFY_WITH_TIMEOUT(rec.done, 20000);
        QCOMPARE(rec.report.failedHostKeys(), QStringList{QStringLiteral("party-10000")});
        const StepOutcome *failed = rec.report.hosts.first().failedStep();
        QVERIFY(failed);
        QCOMPARE(failed->kind, StepKind::Connect);
        QCOMPARE(failed->errorKind, ErrorKind::Network);
        QVERIFY(rec.report.toJson().contains("\"error_kind\": \"network\""));

        refuse = false;
        rec.done = false;
        QVERIFY(session.retryFailed().ok());
        QCOMPARE(rec.plans.size(), 2);
        QCOMPARE(rec.plans.last().jobs.size(), 1);
        QCOMPARE(rec.plans.last().jobs.first().target.key, QStringLiteral("party-10000"));
        QTRY_VERIFY_WITH_TIMEOUT(rec.done, 20000);
        QVERIFY2(rec.report.succeeded(), qPrintable(rec.report.toText()));
        QCOMPARE(rec.report.hosts.size(), 1);
        QVERIFY(session.failedHosts().isEmpty());
        QVERIFY(!session.retryFailed().ok());
    }

    void timeoutsAreTypedNotGuessed()
    {
        Handler h = healthyExcept([](const FakeCall &call) -> std::optional<CommandResult> {
            const auto &[t, c, r, sink, k] = call;
            fprintf(stderr, "CMD %s\n", qPrintable(c));
            if (c.startsWith(QLatin1String("docker version"))) {
                CommandResult res;
                res.timedOut = true;
                res.errorKind = ErrorKind::Timeout;
                res.error = QStringLiteral("did not finish");
                return res;
            }
            return {};
        });
        RunSession session(env(h));
        Recorder rec(session);
        RunRequest rq;
        rq.project = fakeHostsProject(1);
        rq.selection.parties = {10000};
        rq.settings.operation = Operation::Preflight;
        QVERIFY(session.start(rq).ok());
        QTRY_VERIFY_WITH_TIMEOUT(rec.done, 20000);
        const StepOutcome *failed = rec.report.hosts.first().failedStep();
        QVERIFY(failed);
        QCOMPARE(failed->kind, StepKind::DockerVersion);
        QCOMPARE(failed->errorKind, ErrorKind::Timeout);
    }

    void cancelWhilePreparingContactsNoHost()
    {
        std::atomic_int contacted{0};
        SessionEnvironment e = env(healthy);
        e.channelFactory = [&contacted](const HostTarget &t, const CancelToken &cancel) {
            ++contacted;
            return std::make_unique<FakeChannel>(t, cancel, Handler(healthy), std::function<Status()>());
        };
        RunSession session(e);
        Recorder rec(session);
        RunRequest rq;
        rq.project = fakeHostsProject(2);
        rq.settings.operation = Operation::Deploy;
        QVERIFY(session.start(rq).ok());
        session.cancel(); // before the event loop ran: the preparation cannot have been delivered yet
        QTRY_VERIFY_WITH_TIMEOUT(rec.done, 20000);
        QCOMPARE(rec.abortKind, ErrorKind::Cancelled);
        QVERIFY(!rec.abortedWith.isEmpty());
        QCOMPARE(contacted.load(), 0);
        QVERIFY(!rec.order.contains(QStringLiteral("started")));
        QVERIFY(!session.isBusy());
    }

    void cancelWhilePreparingLeavesNoBundleFolder()
    {
        // The session's bundle folder is a QTemporaryDir under TMPDIR: a private TMPDIR shows what stays.
        QTemporaryDir tmp;
        const QByteArray oldTmp = qgetenv("TMPDIR");
        qputenv("TMPDIR", QFile::encodeName(tmp.path()));
        bool sawFolder = false;
        {
            RunSession session(env(healthy));
            Recorder rec(session);
            RunRequest rq;
            rq.project = fakeHostsProject(2);
            rq.settings.operation = Operation::Deploy;
            QVERIFY(session.start(rq).ok());
            sawFolder = !QDir(tmp.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot).isEmpty();
            session.cancel();
            QTRY_VERIFY_WITH_TIMEOUT(rec.done, 20000);
            QCOMPARE(rec.abortKind, ErrorKind::Cancelled);
            // Gone at once, not when the session goes: the window keeps its session for the next run.
            QCOMPARE(QDir(tmp.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), QStringList());
        }
        if (oldTmp.isNull())
            qunsetenv("TMPDIR");
        else
            qputenv("TMPDIR", oldTmp);
        QVERIFY2(sawFolder, "the deploy created no bundle folder under TMPDIR: the check above proves nothing");
    }

    void oneChangingRunPerProjectFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.fdproj"));
        QVERIFY(ProjectFile::save(fakeHostsProject(1), path).ok());
        // The first run's host waits in its first remote command until released: a run that is
        // deterministically busy (a teardown runs no `docker version`, so waiting for that one made the
        // check below race the whole first run).
        std::atomic_bool release{false};
        std::atomic_bool held{false};
        Handler slow = healthyExcept([&release, &held](const FakeCall &call) -> std::optional<CommandResult> {
            if (!held.exchange(true))
                while (!release.load() && !call.cancel.isCancelled())
                    QThread::msleep(5);
            return {};
        });
        RunSession first(env(slow));
        Recorder firstRec(first);
        RunSession second(env(healthy));
        Recorder secondRec(second);
        RunRequest rq;
        rq.project = fakeHostsProject(1);
        rq.projectPath = path;
        rq.settings.operation = Operation::Teardown;
        QVERIFY(first.start(rq).ok());
        QTRY_VERIFY_WITH_TIMEOUT(firstRec.order.contains(QStringLiteral("started")), 20000);

        // Deploy and teardown of the same file from another session (the CLI, a second window) are refused.
        for (const Operation op : {Operation::Deploy, Operation::Teardown}) {
            rq.settings.operation = op;
            const Status refused = second.start(rq);
            QVERIFY(!refused.ok());
            QVERIFY2(refused.error().contains(QLatin1String("is already being run by")), qPrintable(refused.error()));
            QVERIFY2(
                refused.error().contains(QStringLiteral("(process %1 on ").arg(QCoreApplication::applicationPid())),
                qPrintable(refused.error()));
        }
        QVERIFY(secondRec.order.isEmpty()); // nothing emitted for a refused start
        QVERIFY2(!firstRec.done, "the first run ended before the checks above: they prove nothing");
        // Reading runs are not changes: status of the same project runs alongside.
        rq.settings.operation = Operation::Status;
        QVERIFY(second.start(rq).ok());
        QTRY_VERIFY_WITH_TIMEOUT(secondRec.done, 20000);

        release = true;
        QTRY_VERIFY_WITH_TIMEOUT(firstRec.done, 20000);
        QVERIFY2(firstRec.report.succeeded(), qPrintable(firstRec.report.toText()));
        // Released at the end: the other session may now change the hosts.
        secondRec.done = false;
        rq.settings.operation = Operation::Teardown;
        QVERIFY(second.start(rq).ok());
        QTRY_VERIFY_WITH_TIMEOUT(secondRec.done, 20000);
        QVERIFY(secondRec.report.succeeded());
    }

    void deployReadsTheRegistryPasswordFromTheEnvironmentAndKeepsTheBundles()
    {
        const QByteArray secret("s3cret-from-env");
        qputenv("FD_REGISTRY_PASSWORD", secret);
        QMutex mutex;
        QByteArray seenStdin;
        Handler h = healthyExcept([&](const FakeCall &call) -> std::optional<CommandResult> {
            const auto &[t, c, r, sink, k] = call;
            if (c.contains(QLatin1String("docker login"))) {
                QMutexLocker lock(&mutex);
                seenStdin = r.stdinData;
            }
            return {};
        });
        QTemporaryDir kept;
        RunSession session(env(h));
        Recorder rec(session);
        QSignalSpy keptSpy(&session, &RunSession::deployedBundlesStored);
        RunRequest rq;
        rq.project = fakeHostsProject(1);
        rq.project.registry.usePrivate = true;
        rq.project.registry.uri = QStringLiteral("harbor.example/fate");
        rq.project.registry.username = QStringLiteral("robot");
        rq.selection.exchange = true;
        rq.settings.operation = Operation::Deploy;
        rq.settings.stableSeconds = 0;
        rq.deployedBundlesDir = kept.path();
        QVERIFY(session.start(rq).ok());
        QTRY_VERIFY_WITH_TIMEOUT(rec.done, 30000);
        qunsetenv("FD_REGISTRY_PASSWORD");
        QVERIFY2(rec.report.succeeded(), qPrintable(rec.abortedWith + rec.report.toText()));
        QVERIFY(rec.order.contains(QStringLiteral("preparing")));
        QCOMPARE(seenStdin, secret);
        QVERIFY(!rec.report.toJson().contains(secret));
        // Facts of the exchange's compose file, with the private registry's prefix.
        QCOMPARE(session.currentPlan().jobs.first().bundle.images,
                 QStringList{QStringLiteral("harbor.example/fate/federatedai/proxy:1.1-release")});
        QTRY_COMPARE(keptSpy.size(), 1);
        QCOMPARE(keptSpy.first().at(0).toStringList(), QStringList{QStringLiteral("exchange")});
        QVERIFY(QFile::exists(QDir(kept.path()).filePath(QStringLiteral("exchange/docker-compose-exchange.yml"))));
    }

    void memoryKeepsTheTailTheStoreTheFullLog()
    {
        constexpr int Lines = Runner::LogTailLines + 500;
        Handler chatty = healthyExcept([](const FakeCall &call) -> std::optional<CommandResult> {
            const auto &[t, c, r, sink, k] = call;
            if (!c.startsWith(QLatin1String("docker version")))
                return {};
            for (int i = 0; i < Lines; ++i)
                sink(OutputStream::Stdout, QStringLiteral("chatter %1").arg(i));
            return okResult(QStringLiteral("20.10.24\n"));
        });
        RunSession session(env(chatty));
        Recorder rec(session);
        RunRequest rq;
        rq.project = fakeHostsProject(1);
        rq.selection.parties = {10000};
        rq.settings.operation = Operation::Preflight;
        QVERIFY(session.start(rq).ok());
        QTRY_VERIFY_WITH_TIMEOUT(rec.done, 30000);
        const QString tail = rec.report.logs.value(QStringLiteral("party-10000"));
        QVERIFY(tail.count(QLatin1Char('\n')) <= Runner::LogTailLines);
        QVERIFY(!tail.contains(QLatin1String(" chatter 0\n")));
        HistoryStore store(m_history.path());
        const auto log = store.log(rec.report.id, QStringLiteral("party-10000"));
        QVERIFY(log.ok());
        QVERIFY(log->contains(QLatin1String(" chatter 0\n")));
        QVERIFY(log->contains(QStringLiteral(" chatter %1\n").arg(Lines - 1)));
        QVERIFY(log->count(QLatin1Char('\n')) > Lines);
    }

    void noHistoryWhenDisabled()
    {
        SessionEnvironment e = env(healthy);
        e.storeHistory = false;
        RunSession session(e);
        Recorder rec(session);
        RunRequest rq;
        rq.project = fakeHostsProject(1);
        rq.settings.operation = Operation::Teardown;
        qint64 before = 0;
        {
            HistoryStore store(m_history.path());
            before = store.list(1000)->size();
        }
        QVERIFY(session.start(rq).ok());
        QTRY_VERIFY_WITH_TIMEOUT(rec.done, 20000);
        QCOMPARE(rec.storedId, 0);
        QCOMPARE(rec.report.id, 0);
        HistoryStore store(m_history.path());
        QCOMPARE(store.list(1000)->size(), before);
    }

    void emptySelectionIsAnErrorAtOnce()
    {
        RunSession session(env(healthy));
        Recorder rec(session);
        RunRequest rq;
        rq.project = fakeHostsProject(0);
        rq.project.exchange.enabled = false;
        const Status s = session.start(rq);
        QVERIFY(!s.ok());
        QVERIFY(rec.order.isEmpty());
        QVERIFY(!session.isBusy());
    }
};

QTEST_GUILESS_MAIN(TestRunSession)
#include "tst_runsession.moc"
