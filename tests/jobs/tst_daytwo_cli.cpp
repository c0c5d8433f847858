// SPDX-License-Identifier: Apache-2.0
// Day-two operations (issue 16) through the fate-deployer-cli binary on sandbox hosts: the connectivity
// matrix before deploy with a port blocked by a firewall rule in a host's netns, drift after a hand edit,
// rollback to the previous bundle with the toy example passing. One sandbox start for the executable.
#include "clisandbox.h"
#include "sandboxids.h"
#include "sandboxproject.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace FateDeployer;
using namespace FateDeployer::Testing;

class TestDayTwoCli : public QObject
{
    Q_OBJECT

    CliSandbox m_cli;

    CliRun run(const QStringList &args, const QHash<QString, QString> &env = {}, bool ssh = true)
    {
        CliOptions options = m_cli.options();
        options.env = env;
        return runCli(ssh ? args + sandboxSshArgs(m_cli.sandbox()) : args, options);
    }

    QString onHost(int i, const QString &cmd) { return m_cli.onHost(i, cmd); }

    /// Every matrix cell of a `matrix --json` report, keyed "from>to", valued by its result id.
    static QHash<QString, QString> cells(const QJsonObject &report)
    {
        QHash<QString, QString> out;
        for (const QJsonValue &h : report.value(QStringLiteral("hosts")).toArray())
            for (const QJsonValue &s : h[QLatin1String("steps")].toArray())
                for (const QJsonValue &c : s[QLatin1String("cells")].toArray())
                    out.insert(c[QLatin1String("from")].toString() + QLatin1Char('>')
                                   + c[QLatin1String("to")].toString(),
                               c[QLatin1String("result")].toString());
        return out;
    }

    static QJsonArray driftOf(const QJsonObject &report, const QString &host)
    {
        for (const QJsonValue &h : report.value(QStringLiteral("hosts")).toArray())
            if (h[QLatin1String("host")].toString() == host)
                for (const QJsonValue &s : h[QLatin1String("steps")].toArray())
                    if (s[QLatin1String("step")].toString() == QLatin1String("drift"))
                        return s[QLatin1String("drift")].toArray();
        return {};
    }

    /// Listeners the matrix may have left: processes of ours on 9370/9371 or fd-matrix containers.
    void verifyNoListenerLeft()
    {
        for (int i = 1; i <= 2; ++i) {
            QCOMPARE(onHost(i, QStringLiteral("ss -Hltn '( sport = :9370 or sport = :9371 )' | wc -l")),
                     QStringLiteral("0"));
            QCOMPARE(onHost(i, QStringLiteral("docker ps -aq --filter name=fd-matrix- | wc -l")), QStringLiteral("0"));
        }
    }

    QString m_project;   ///< parties 10000 (host 1) and 9999 (host 2), the exchange on host 1
    QString m_templates; ///< a copy of the test tree, edited between deployment A and B

private slots:
    void initTestCase()
    {
        QString skip, error;
        if (!m_cli.start("FD_SANDBOX_ID_DAYTWO", SandboxId::DayTwo, 2, &skip, &error)) {
            QVERIFY2(skip.isEmpty(), qPrintable(error));
            QSKIP(qPrintable(skip));
        }
        m_templates = m_cli.path(QStringLiteral("templates"));
        QProcess cp;
        cp.start(QStringLiteral("cp"),
                 {QStringLiteral("-a"), QStringLiteral(FD_TEST_DATA "/kubefate-1.1.0"), m_templates});
        QVERIFY(cp.waitForFinished() && cp.exitCode() == 0);
        m_project = m_cli.writeProject(QStringLiteral("daytwo"), {{10000, 1}, {9999, 2}}, 1, {}, m_templates);
        QVERIFY(!m_project.isEmpty());
    }

    void cleanupTestCase() { m_cli.stop(); }

    void matrixBeforeDeployShowsABlockedPort()
    {
        // Nothing listens yet: the matrix opens its own listeners. Port 9371 of host 1 (the exchange) drops.
        QVERIFY(
            m_cli.sandbox().runSandbox({QStringLiteral("block"), QStringLiteral("1"), QStringLiteral("9371")}).ok());
        CliRun r = run({QStringLiteral("matrix"), m_project, QStringLiteral("--json")});
        QVERIFY(
            m_cli.sandbox().runSandbox({QStringLiteral("unblock"), QStringLiteral("1"), QStringLiteral("9371")}).ok());
        QCOMPARE(r.exitCode, 1);
        QHash<QString, QString> c = cells(r.json());
        QCOMPARE(c.size(), 4);
        QCOMPARE(c.value(QStringLiteral("party-9999>exchange")), QStringLiteral("timeout"));
        QCOMPARE(c.value(QStringLiteral("party-10000>exchange")), QStringLiteral("timeout"));
        QCOMPARE(c.value(QStringLiteral("exchange>party-9999")), QStringLiteral("ok"));
        QCOMPARE(c.value(QStringLiteral("exchange>party-10000")), QStringLiteral("ok"));
        verifyNoListenerLeft();

        // The same in words, with the fix; and open again once the rule is gone.
        QVERIFY(
            m_cli.sandbox()
                .runSandbox(
                    {QStringLiteral("block"), QStringLiteral("2"), QStringLiteral("9370"), QStringLiteral("reject")})
                .ok());
        r = run({QStringLiteral("matrix"), m_project});
        QVERIFY(
            m_cli.sandbox().runSandbox({QStringLiteral("unblock"), QStringLiteral("2"), QStringLiteral("9370")}).ok());
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(
            r.out.contains(QStringLiteral("exchange -> party-9999 %1:9370: refused").arg(m_cli.sandbox().hostIp(2))),
            qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("firewall-cmd --permanent --add-port=9370/tcp")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("ufw allow 9370/tcp")), qPrintable(r.out));
        verifyNoListenerLeft();

        r = run({QStringLiteral("matrix"), m_project, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        c = cells(r.json());
        QCOMPARE(c.size(), 4);
        for (const QString &v : std::as_const(c))
            QCOMPARE(v, QStringLiteral("ok"));
        verifyNoListenerLeft();
    }

    void matrixListenerInAContainer()
    {
        // No tool of the host's own: a container of an image already there (the stand-ins' busybox nc).
        const CliRun r = run({QStringLiteral("matrix"), m_project, QStringLiteral("--json")},
                             {{QStringLiteral("FD_MATRIX_LISTENER"), QStringLiteral("docker")}});
        const QString cellText = QStringList(cells(r.json()).keys()).join(QLatin1Char(' ')) + QLatin1Char(' ')
                                 + QStringList(cells(r.json()).values()).join(QLatin1Char(' '));
        QVERIFY2(r.exitCode == 0, qPrintable(cellText + QLatin1Char(' ') + r.err));
        QVERIFY2(r.out.contains(QStringLiteral("test listener on port 9370 (docker:")), qPrintable(r.out));
        for (const QString &v : cells(r.json()))
            QCOMPARE(v, QStringLiteral("ok"));
        verifyNoListenerLeft();
    }

    void rollbackWithoutPreviousIsRefused()
    {
        CliRun r = run({QStringLiteral("deploy"), m_project});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        r = run({QStringLiteral("rollback"),
                 m_project,
                 QStringLiteral("--party"),
                 QStringLiteral("9999"),
                 QStringLiteral("--yes")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(QStringLiteral("no previous bundle of confs-9999 on this host")), qPrintable(r.out));
        // Nothing was touched: the deployment still runs.
        QCOMPARE(onHost(2, QStringLiteral("docker ps -q --filter label=com.docker.compose.project=confs-9999 | wc -l")),
                 QStringLiteral("9"));
    }

    void matrixAfterDeployProbesTheServices()
    {
        const CliRun r = run({QStringLiteral("matrix"), m_project, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        QVERIFY2(r.out.contains(QStringLiteral("served by our deployment")), qPrintable(r.out));
        QCOMPARE(cells(r.json()).size(), 4);
    }

    void handEditedFileShowsAsDrift()
    {
        CliRun r = run({QStringLiteral("drift"), m_project, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        QVERIFY(driftOf(r.json(), QStringLiteral("party-9999")).isEmpty());

        const QString file = QStringLiteral("confs/roll/conf/log4j2.properties");
        QVERIFY(!onHost(2, QStringLiteral("ls /data/projects/fate/confs-9999/") + file).isEmpty());
        onHost(2, QStringLiteral("echo '# edited by hand' >> /data/projects/fate/confs-9999/") + file);
        onHost(2, QStringLiteral("touch /data/projects/fate/confs-9999/confs/stray.conf"));
        r = run({QStringLiteral("drift"), m_project, QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 1);
        const QJsonArray drift = driftOf(r.json(), QStringLiteral("party-9999"));
        QCOMPARE(drift.size(), 2);
        QSet<QString> seen;
        for (const QJsonValue &e : drift)
            seen.insert(e[QLatin1String("kind")].toString() + QLatin1Char(' ') + e[QLatin1String("item")].toString());
        QVERIFY(seen.contains(QStringLiteral("changed ") + file));
        QVERIFY(seen.contains(QStringLiteral("added confs/stray.conf")));
        QVERIFY(driftOf(r.json(), QStringLiteral("party-10000")).isEmpty());

        // A stopped container is drift too.
        onHost(2, QStringLiteral("docker stop confs-9999_fateboard_1 >/dev/null"));
        r = run({QStringLiteral("drift"), m_project});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(QStringLiteral("container not running: confs-9999_fateboard_1")), qPrintable(r.out));
    }

    void rollbackRestoresThePreviousBundle()
    {
        // Deployment A runs (with the hand edit, which deploy B replaces); B changes a template file.
        const QString file = QStringLiteral("/data/projects/fate/confs-9999/confs/roll/conf/log4j2.properties");
        CliRun r = run({QStringLiteral("deploy"), m_project});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        const QString a = onHost(2, QStringLiteral("sha256sum ") + file);
        QFile t(m_templates + QStringLiteral("/docker-deploy/docker-example-dir-tree/roll/conf/log4j2.properties"));
        QVERIFY(t.open(QIODevice::Append));
        t.write("# deployment B\n");
        t.close();
        r = run({QStringLiteral("deploy"), m_project});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        QVERIFY(onHost(2, QStringLiteral("tail -n 1 ") + file) == QStringLiteral("# deployment B"));
        QVERIFY(onHost(2, QStringLiteral("sha256sum ") + file) != a);

        r = run({QStringLiteral("rollback"), m_project, QStringLiteral("--yes"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        QCOMPARE(r.json().value(QStringLiteral("operation")).toString(), QStringLiteral("rollback"));
        QCOMPARE(onHost(2, QStringLiteral("sha256sum ") + file), a);
        QCOMPARE(onHost(2,
                        QStringLiteral("grep -c 'deployment B' "
                                       "/data/projects/fate/confs-9999.previous/confs/roll/conf/log4j2.properties")),
                 QStringLiteral("1"));
        // A's bundle is what runs and what drift compares with now; the toy example passes.
        r = run({QStringLiteral("drift"), m_project});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        r = run({QStringLiteral("verify"), m_project});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        // Its own history entry.
        r = run({QStringLiteral("history"), m_project, QStringLiteral("--json")}, {}, false);
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        QVERIFY2(r.out.contains(QStringLiteral("\"rollback\"")), qPrintable(r.out));
    }
};

QTEST_GUILESS_MAIN(TestDayTwoCli)
#include "tst_daytwo_cli.moc"
