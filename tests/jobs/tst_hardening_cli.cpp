// SPDX-License-Identifier: Apache-2.0
// Issue 18 through the fate-deployer-cli binary: SIGINT while templates are downloaded, SIGTERM while
// bundles are packed, two deploys of one
// project at once (local and host locks), a link cut in the middle of a deploy. The last two run on
// sandbox hosts (real sshd, real dockerd); one sandbox start for the whole executable.
#include "clisandbox.h"
#include "model/projectfile.h"
#include "sandboxids.h"
#include "sandboxproject.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

#include <sys/resource.h>
#include <unistd.h>

using namespace FateDeployer;
using namespace FateDeployer::Testing;

namespace {

QString cli()
{
    return QStringLiteral(FD_BIN_DIR "/fate-deployer-cli");
}

/// Reads a running process's stdout until `done` says so (or the time is up); returns what it read.
QString readUntil(QProcess &p, QString &out, const std::function<bool(const QString &)> &done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done(out) && t.elapsed() < timeoutMs && p.state() == QProcess::Running) {
        p.waitForReadyRead(100);
        out += QString::fromUtf8(p.readAllStandardOutput());
    }
    out += QString::fromUtf8(p.readAllStandardOutput());
    return out;
}

} // namespace

namespace {

/// CPU time (user + system) a running process has used so far, from /proc; -1 when unknown.
qint64 processCpuMs(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    // Fields after the command (which may hold spaces) in parentheses: state is field 3, utime 14, stime 15.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    const qint64 ticks = fields.at(11).toLongLong() + fields.at(12).toLongLong();
    return ticks * 1000 / sysconf(_SC_CLK_TCK);
}

qint64 rusageMs(const rusage &r)
{
    return (qint64(r.ru_utime.tv_sec) + qint64(r.ru_stime.tv_sec)) * 1000
           + (qint64(r.ru_utime.tv_usec) + qint64(r.ru_stime.tv_usec)) / 1000;
}

} // namespace

class TestHardeningCli : public QObject
{
    Q_OBJECT

    CliSandbox m_cli;
    QString m_noSandbox;

    QStringList common() const { return sandboxSshArgs(m_cli.sandbox()); }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("FD_HISTORY_DIR"), m_cli.path(QStringLiteral("history")));
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        return env;
    }

    QString listing(int host)
    {
        return QString::fromUtf8(
            m_cli.sandbox().runOnHost(host, QStringLiteral("ls -A /data/projects/fate 2>/dev/null")).out);
    }

    void teardownAll(const QString &project)
    {
        const CliRun t = m_cli.run({QStringLiteral("teardown"),
                                    project,
                                    QStringLiteral("--level"),
                                    QStringLiteral("remove"),
                                    QStringLiteral("--yes")});
        QVERIFY2(t.exitCode == 0, qPrintable(t.all()));
    }

private slots:
    void initTestCase()
    {
        // The signal tests need no sandbox.
        QString error;
        if (!m_cli.start("FD_SANDBOX_ID_HARDENING", SandboxId::Hardening, 2, &m_noSandbox, &error))
            QVERIFY2(!m_noSandbox.isEmpty(), qPrintable(error));
    }

    void cleanupTestCase() { m_cli.stop(); }

    void sigintWhileTemplatesDownloadExits130AndKeepsNothing()
    {
        // A loopback "mirror" that sends the headers of a 100 MB archive and 64 KiB of it, then nothing: the
        // download is in progress for as long as the test wants.
        QTcpServer mirror;
        QVERIFY(mirror.listen(QHostAddress::LocalHost));
        bool answered = false;
        QObject::connect(&mirror, &QTcpServer::newConnection, [&] {
            QTcpSocket *s = mirror.nextPendingConnection();
            QObject::connect(s, &QTcpSocket::readyRead, s, [s, &answered] {
                if (answered || !s->readAll().contains("\r\n\r\n"))
                    return;
                answered = true;
                s->write("HTTP/1.1 200 OK\r\nContent-Type: application/gzip\r\nContent-Length: 100000000\r\n\r\n");
                s->write(QByteArray(64 * 1024, '\x1f'));
            });
        });
        Project p;
        p.name = QStringLiteral("download");
        p.templates.kind = TemplateSource::Kind::Url;
        p.templates.location = QStringLiteral("http://127.0.0.1:%1/kubefate.tar.gz").arg(mirror.serverPort());
        p.sshPort = 1; // never reached: the run is cancelled before any host is contacted
        Party a;
        a.id = 10000;
        a.host = QStringLiteral("127.0.0.1");
        p.parties = {a};
        p.exchange.host = QStringLiteral("127.0.0.1");
        const QString project = m_cli.path(QStringLiteral("download.fdproj"));
        QVERIFY(ProjectFile::save(p, project).ok());

        QTemporaryDir tmp;
        const QString cache = tmp.filePath(QStringLiteral("cache"));
        QProcess cliProcess;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("FD_HISTORY_DIR"), m_cli.path(QStringLiteral("history")));
        env.insert(QStringLiteral("FD_TEMPLATE_CACHE"), cache);
        env.insert(QStringLiteral("TMPDIR"), tmp.path());
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        cliProcess.setProcessEnvironment(env);
        rusage childrenBefore{};
        QCOMPARE(getrusage(RUSAGE_CHILDREN, &childrenBefore), 0);
        cliProcess.start(cli(), {QStringLiteral("deploy"), project, QStringLiteral("--accept-new-host-keys")});
        QVERIFY(cliProcess.waitForStarted());
        // The download is under way once the mirror has answered (the partial file is an unnamed O_TMPFILE).
        QVERIFY(QTest::qWaitFor([&] { return answered || cliProcess.state() != QProcess::Running; }, 60000));
        QVERIFY2(cliProcess.state() == QProcess::Running, cliProcess.readAllStandardError().constData());
        QVERIFY(answered);
        ::kill(pid_t(cliProcess.processId()), SIGINT);
        QVERIFY(QTest::qWaitFor([&] { return cliProcess.state() != QProcess::Running; }, 30000));
        const QString err = QString::fromUtf8(cliProcess.readAllStandardError());
        QCOMPARE(cliProcess.exitStatus(), QProcess::NormalExit); // handled, not killed by the default action
        QCOMPARE(cliProcess.exitCode(), 130);
        QVERIFY2(err.contains(QLatin1String("cancelled before any host was contacted")), qPrintable(err));
        // Nothing of the download stays in the cache; no bundle folder was made.
        QCOMPARE(QDir(cache).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), QStringList());
        QCOMPARE(QDir(tmp.path()).entryList({QStringLiteral("fate-deployer-*")}, QDir::Dirs), QStringList());
    }

    void sigtermWhilePackingExits143WithNoTemporaryFolder()
    {
        // A template tree with a large incompressible example file: packing it takes seconds, rendering not.
        const QString tree = m_cli.path(QStringLiteral("big-tree"));
        QVERIFY(QProcess::execute(QStringLiteral("cp"),
                                  {QStringLiteral("-a"), QStringLiteral(FD_TEST_DATA "/kubefate-1.1.0"), tree})
                == 0);
        {
            QFile big(tree + QStringLiteral("/docker-deploy/federatedml_examples/data/big.bin"));
            QVERIFY(big.open(QIODevice::WriteOnly));
            QRandomGenerator random(18);
            QByteArray chunk(1 << 20, Qt::Uninitialized);
            for (int mib = 0; mib < 384; ++mib) {
                random.fillRange(reinterpret_cast<quint32 *>(chunk.data()), chunk.size() / 4);
                QCOMPARE(big.write(chunk), chunk.size());
            }
        }
        // Loopback hosts on a closed port: if packing ever ended before the signal, nothing leaves the machine.
        Project p;
        p.name = QStringLiteral("sigterm");
        p.templates.kind = TemplateSource::Kind::Folder;
        p.templates.location = tree;
        p.sshPort = 1;
        Party a;
        a.id = 10000;
        a.host = QStringLiteral("127.0.0.1");
        Party b;
        b.id = 9999;
        b.host = QStringLiteral("127.0.0.2");
        p.parties = {a, b};
        p.exchange.host = QStringLiteral("127.0.0.1");
        const QString project = m_cli.path(QStringLiteral("sigterm.fdproj"));
        QVERIFY(ProjectFile::save(p, project).ok());

        QTemporaryDir tmp;
        QProcess cliProcess;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("FD_HISTORY_DIR"), m_cli.path(QStringLiteral("history")));
        env.insert(QStringLiteral("TMPDIR"), tmp.path());
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        cliProcess.setProcessEnvironment(env);
        rusage childrenBefore{};
        QCOMPARE(getrusage(RUSAGE_CHILDREN, &childrenBefore), 0);
        cliProcess.start(cli(), {QStringLiteral("deploy"), project, QStringLiteral("--accept-new-host-keys")});
        QVERIFY(cliProcess.waitForStarted());
        // The bundles' temporary folder appears right before rendering and packing start.
        auto workFolders = [&] {
            return QDir(tmp.path()).entryList({QStringLiteral("fate-deployer-*")}, QDir::Dirs | QDir::NoDotAndDotDot);
        };
        QVERIFY(QTest::qWaitFor([&] { return !workFolders().isEmpty() || cliProcess.state() != QProcess::Running; },
                                60000));
        QVERIFY2(cliProcess.state() == QProcess::Running, "the deploy ended before it packed anything");
        const qint64 cpuAtSignalMs = processCpuMs(cliProcess.processId());
        QVERIFY(cpuAtSignalMs >= 0);
        ::kill(pid_t(cliProcess.processId()), SIGTERM);
        QElapsedTimer sinceSignal;
        sinceSignal.start();
        QVERIFY(cliProcess.waitForFinished(300000)); // a limit for a hung process only: the machine may be loaded
        const qint64 ms = sinceSignal.elapsed();
        rusage childrenAfter{};
        QCOMPARE(getrusage(RUSAGE_CHILDREN, &childrenAfter), 0);
        const qint64 cpuAfterSignalMs = rusageMs(childrenAfter) - rusageMs(childrenBefore) - cpuAtSignalMs;
        qInfo("SIGTERM while packing: exit %d after %lld ms, %lld ms of CPU after the signal",
              cliProcess.exitCode(),
              ms,
              cpuAfterSignalMs);
        const QString err = QString::fromUtf8(cliProcess.readAllStandardError());
        QCOMPARE(cliProcess.exitStatus(), QProcess::NormalExit); // handled, not killed by the default action
        QCOMPARE(cliProcess.exitCode(), 143);
        QVERIFY2(err.contains(QLatin1String("cancelled before any host was contacted")), qPrintable(err));
        QVERIFY2(workFolders().isEmpty(), qPrintable(workFolders().join(QLatin1Char(' '))));
        // Promptly, measured in the CLI's own CPU time (which a loaded machine does not stretch, unlike the
        // time on the clock): hashing and packing 2 x 384 MiB of random data take several CPU seconds (the
        // hashing alone took 2.1 s before it checked for cancel); a prompt stop takes about 0.1 s.
        QVERIFY2(cpuAfterSignalMs < 1000, qPrintable(QString::number(cpuAfterSignalMs)));
    }

    void secondDeployOfOneProjectIsRefusedNamingTheFirst()
    {
        if (!m_cli.isRunning())
            QSKIP(qPrintable(m_noSandbox));
        const QString project = m_cli.writeProject(QStringLiteral("twice"), {{10000, 1}, {9999, 2}}, 1);
        // The same project under another path: what a second machine (or admin) would run. Only the hosts'
        // locks keep it apart.
        const QString copy = m_cli.path(QStringLiteral("twice-copy.fdproj"));
        QVERIFY(QFile::copy(project, copy));

        QProcess first;
        first.setProcessEnvironment(environment());
        first.start(cli(), QStringList{QStringLiteral("deploy"), project} + common());
        QVERIFY(first.waitForStarted());
        // Every job of the first run has uploaded (so each holds its host lock); then it is held still, so
        // the second runs see it in the middle of its work whatever the speed of the machine.
        QString out;
        readUntil(
            first, out, [](const QString &o) { return o.count(QLatin1String(": Upload: ok")) >= 3; }, 120000);
        QVERIFY2(out.count(QLatin1String(": Upload: ok")) >= 3, qPrintable(out));
        const QString firstPid = QString::number(first.processId());
        ::kill(pid_t(first.processId()), SIGSTOP);

        const CliRun again = m_cli.run({QStringLiteral("deploy"), project});
        const CliRun other = m_cli.run({QStringLiteral("deploy"), copy});
        ::kill(pid_t(first.processId()), SIGCONT);

        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains(QStringLiteral("is already being run by")), qPrintable(again.all()));
        QVERIFY2(again.err.contains(QStringLiteral("(process %1 on ").arg(firstPid)), qPrintable(again.all()));
        QCOMPARE(other.exitCode, 1);
        for (const QString &key :
             {QStringLiteral("party-10000"), QStringLiteral("party-9999"), QStringLiteral("exchange")})
            QVERIFY2(other.out.contains(key + QStringLiteral(": Connect: FAILED")), qPrintable(other.all()));
        QVERIFY2(
            other.out.contains(QStringLiteral("on this host is in use by another run: deploy of project \"twice\"")),
            qPrintable(other.out));
        QVERIFY2(other.out.contains(QStringLiteral("(process %1, connected from").arg(firstPid)),
                 qPrintable(other.out));
        QVERIFY2(!other.out.contains(QStringLiteral("Upload: ok")), qPrintable(other.out));

        QVERIFY(first.waitForFinished(240000));
        out += QString::fromUtf8(first.readAllStandardOutput());
        QVERIFY2(first.exitCode() == 0, qPrintable(out + QString::fromUtf8(first.readAllStandardError())));
        for (int host = 1; host <= 2; ++host) {
            const QString files = listing(host);
            QVERIFY2(!files.contains(QStringLiteral(".fd-lock-")), qPrintable(files));
            QVERIFY2(!files.contains(QStringLiteral(".fd-staging-")), qPrintable(files));
        }
        teardownAll(project);
    }

    void linkCutFailsTheHostWithinTheDeadPeerTime()
    {
        if (!m_cli.isRunning())
            QSKIP(qPrintable(m_noSandbox));
        const QString project = m_cli.writeProject(QStringLiteral("cut"), {{10000, 1}, {9999, 2}}, 1);
        QProcess p;
        p.setProcessEnvironment(environment());
        p.start(cli(),
                QStringList{QStringLiteral("deploy"), project, QStringLiteral("--party"), QStringLiteral("9999")}
                    + common());
        QVERIFY(p.waitForStarted());
        QString out;
        readUntil(
            p, out, [](const QString &o) { return o.contains(QLatin1String("party-9999: Upload: ok")); }, 120000);
        QVERIFY2(out.contains(QLatin1String("party-9999: Upload: ok")), qPrintable(out));
        QVERIFY(m_cli.sandbox().cut(2));
        QElapsedTimer sinceCut;
        sinceCut.start();
        QVERIFY(p.waitForFinished(120000));
        const qint64 ms = sinceCut.elapsed();
        qInfo("link cut: the CLI exited %lld ms after the cut", ms);
        out += QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY(m_cli.sandbox().restore(2));
        // The dead-peer time is 30 s (SshEndpoint::deadPeerTimeoutSeconds); the host fails within it and the
        // CLI does not wait for clean-up over the dead session.
        QVERIFY2(ms < 35000, qPrintable(QStringLiteral("%1 ms after the cut\n%2").arg(ms).arg(out)));
        QCOMPARE(p.exitCode(), 1);
        // With a reason: the keepalive's timeout, or what the network stack said first (on a loaded machine the
        // kernel may report the dead route before the keepalive interval ends); never an empty one.
        static const QRegularExpression lostWithReason(QStringLiteral("was lost while [^:\\n]+: \\w"));
        QVERIFY2(lostWithReason.match(out).hasMatch(), qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("Clean-up on the host was skipped because the connection is lost")),
                 qPrintable(out));

        // Next contact: the lock of the dead run is stale (its process is gone) and needs the admin's word.
        const CliRun refused
            = m_cli.run({QStringLiteral("deploy"), project, QStringLiteral("--party"), QStringLiteral("9999")});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.out.contains(QLatin1String("The lock looks stale (its process on this machine is gone)")),
                 qPrintable(refused.all()));
        const CliRun taken = m_cli.run({QStringLiteral("deploy"),
                                        project,
                                        QStringLiteral("--party"),
                                        QStringLiteral("9999"),
                                        QStringLiteral("--break-lock")});
        QVERIFY2(taken.exitCode == 0, qPrintable(taken.all()));
        const QString files = listing(2);
        QVERIFY2(!files.contains(QStringLiteral(".fd-lock-")), qPrintable(files));
        QVERIFY2(!files.contains(QStringLiteral(".fd-staging-")), qPrintable(files));
        teardownAll(project);
    }
};

QTEST_GUILESS_MAIN(TestHardeningCli)
#include "tst_hardening_cli.moc"
