// SPDX-License-Identifier: Apache-2.0
// End to end through the fate-deployer-cli binary on sandbox hosts, KubeFATE v2.0.0 (Eggroll computing, OSX
// federation, no exchange: the era's default example): two parties on two hosts with the era's stand-in images
// and the sandbox's stand-in of the Docker Compose plugin. Preflight (OSX's port), deploy (the era's volumes
// renewed), fateflow healthy by its own health check, `flow test toy` (G,G) then (G,H) across the OSX route
// tables, a blocked OSX port diagnosed, teardown leaves no container, volume or folder.
#include "clisandbox.h"
#include "sandboxids.h"
#include "sandboxproject.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace FateDeployer;
using namespace FateDeployer::Testing;

class TestDeploy20Cli : public QObject
{
    Q_OBJECT

    CliSandbox m_cli;

    QString onHost(int i, const QString &cmd) const { return m_cli.onHost(i, cmd); }

    /// A command on host @p i that names the container of @p service of compose project @p project.
private slots:
    void initTestCase()
    {
        QString skip, error;
        if (!m_cli.start("FD_SANDBOX_ID_DEPLOY20", SandboxId::Deploy20, 2, &skip, &error)) {
            if (!skip.isEmpty())
                QSKIP(qPrintable(skip));
            QFAIL(qPrintable(error));
        }
        const SandboxFixture::CommandResult plugin = m_cli.sandbox().runSandbox({QStringLiteral("compose-plugin")});
        QVERIFY2(plugin.ok(), plugin.err.constData());
    }

    void cleanupTestCase() { m_cli.stop(); }

    void twoPartiesOsx()
    {
        // Party 10000 on host 1, party 9999 on host 2, no exchange (v2.0 has none, docs/render.md); the era's
        // stand-in images and its engine defaults: Eggroll, OSX, Eggroll.
        const Project p = sandboxProjectV20(m_cli.sandbox(), QStringLiteral("v20"));
        QCOMPARE(p.engine.federation, QStringLiteral("OSX"));
        const QString project = saveProject(p, m_cli.path(QString()));
        QVERIFY(!project.isEmpty());
        QFile conf(m_cli.path(QStringLiteral("parties.conf")));
        QVERIFY(conf.open(QIODevice::WriteOnly));
        // The admin's parties.conf of the tag, with the passwords (they go to the hosts only).
        conf.write(QStringLiteral("user=root\ndir=/data/projects/fate\nparty_list=(10000 9999)\n"
                                  "party_ip_list=(%1 %2)\nserving_ip_list=()\ncomputing=Eggroll\nfederation=OSX\n"
                                  "storage=Eggroll\nalgorithm=Basic\ndevice=CPU\nexchangeip=\n"
                                  "mysql_password=Sql-pw-20\nfateboard_password=Board-pw-20\n")
                       .arg(m_cli.sandbox().hostIp(1), m_cli.sandbox().hostIp(2))
                       .toUtf8());
        conf.close();
        const QStringList secretsFrom{QStringLiteral("--secrets-from"), conf.fileName()};

        // Preflight: the compose plugin, and the ports the bundle publishes (OSX on 9370 instead of rollsite).
        CliRun r = m_cli.run({QStringLiteral("preflight"), project, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        const QJsonObject pre = reportHost(r.json(), QStringLiteral("party-9999"));
        QVERIFY2(reportStep(pre, QStringLiteral("compose"))
                     .value(QStringLiteral("summary"))
                     .toString()
                     .startsWith(QStringLiteral("docker compose 2.")),
                 qPrintable(r.out));
        QCOMPARE(reportStep(pre, QStringLiteral("ports")).value(QStringLiteral("summary")).toString(),
                 QStringLiteral("ports 8080, 9360, 9370, 9380, 20000 free"));

        // A volume left by an earlier deployment (with a file in it): docker_deploy.sh means to renew it.
        QVERIFY(m_cli.sandbox()
                    .runOnHost(2,
                               QStringLiteral("docker volume create confs-9999_fate_flow_logs >/dev/null && "
                                              "docker run --rm -v confs-9999_fate_flow_logs:/v mysql:8.0.28 "
                                              "sh -c 'touch /v/fd-stale'"))
                    .ok());

        r = m_cli.run(
            QStringList{QStringLiteral("deploy"), project, QStringLiteral("--verbose")} + secretsFrom, true, 1800000);
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        // The era's volume names (shared_dir_fate, not v1.11's shared_dir_federatedml; download_dir, not the
        // script's misspelt sdownload_dir).
        QVERIFY2(r.out.contains(QStringLiteral("volumes confs-10000_shared_dir_examples, confs-10000_shared_dir_fate, "
                                               "confs-10000_download_dir, confs-10000_fate_flow_logs removed")),
                 qPrintable(r.out));
        QVERIFY(!r.out.contains(QStringLiteral("federatedml")));
        QCOMPARE(onHost(2,
                        QStringLiteral("docker exec %1 ls -A /data/projects/fate/fate_flow/logs")
                            .arg(composeContainer(QStringLiteral("confs-9999"), QStringLiteral("fateflow")))),
                 QString());

        // The era's services, each party on its own host; OSX in place of rollsite; no exchange anywhere.
        const QString services = QStringLiteral(
            "docker ps --format '{{.Label \"com.docker.compose.project\"}} {{.Label \"com.docker.compose.service\"}}'"
            " | sort | tr '\\n' ' '");
        QCOMPARE(onHost(1, services),
                 QStringLiteral("confs-10000 client confs-10000 clustermanager confs-10000 fateboard confs-10000 "
                                "fateflow confs-10000 mysql confs-10000 nodemanager confs-10000 osx"));
        QCOMPARE(onHost(2, services),
                 QStringLiteral("confs-9999 client confs-9999 clustermanager confs-9999 fateboard confs-9999 "
                                "fateflow confs-9999 mysql confs-9999 nodemanager confs-9999 osx"));
        // fateflow's own health check (GET /v2/server/fateflow) reported healthy; status reports it.
        r = m_cli.run({QStringLiteral("status"), project, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        for (const QString &host : {QStringLiteral("party-10000"), QStringLiteral("party-9999")}) {
            const QJsonArray containers = reportHost(r.json(), host).value(QStringLiteral("containers")).toArray();
            QCOMPARE(containers.size(), 7);
            bool healthy = false;
            for (const QJsonValue &c : containers)
                healthy = healthy
                          || (c[QLatin1String("service")].toString() == QLatin1String("fateflow")
                              && c[QLatin1String("health")].toString() == QLatin1String("healthy"));
            QVERIFY2(healthy, qPrintable(r.out));
        }

        // FATE's own check: the one-party smoke test (G,G), then guest 10000 with host 9999.
        r = m_cli.run({QStringLiteral("verify"), project, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        const QString verified
            = reportStep(reportHost(r.json(), QStringLiteral("party-10000")), QStringLiteral("verify"))
                  .value(QStringLiteral("summary"))
                  .toString();
        QVERIFY2(verified.indexOf(QStringLiteral("10000 → 10000")) >= 0
                     && verified.indexOf(QStringLiteral("10000 → 10000"))
                            < verified.indexOf(QStringLiteral("10000 → 9999")),
                 qPrintable(verified));
        // The job crossed the OSX route tables: party 10000's OSX sent it to host 2's 9370, whose OSX gave it to
        // its own fateflow (its table's fateflow entry).
        const QString route = osxRouteProblemV20(m_cli.sandbox());
        QVERIFY2(route.isEmpty(), qPrintable(route));

        // A firewall drops OSX's port on host 2: the pair fails (the smoke test still passes) and the diagnosis
        // names the unreachable route.
        QVERIFY(
            m_cli.sandbox().runSandbox({QStringLiteral("block"), QStringLiteral("2"), QStringLiteral("9370")}).ok());
        r = m_cli.run({QStringLiteral("verify"),
                       project,
                       QStringLiteral("--json"),
                       QStringLiteral("--timeout"),
                       QStringLiteral("40")});
        QVERIFY(
            m_cli.sandbox().runSandbox({QStringLiteral("unblock"), QStringLiteral("2"), QStringLiteral("9370")}).ok());
        QCOMPARE(r.exitCode, 1);
        const QJsonObject failed
            = reportStep(reportHost(r.json(), QStringLiteral("party-10000")), QStringLiteral("verify"));
        QCOMPARE(failed.value(QStringLiteral("result")).toString(), QStringLiteral("failed"));
        QCOMPARE(failed.value(QStringLiteral("diagnosis")).toString(), QStringLiteral("unreachable"));
        QCOMPARE(failed.value(QStringLiteral("unreachable")).toArray(),
                 QJsonArray::fromStringList({m_cli.sandbox().hostIp(2) + QStringLiteral(":9370")}));
        const QString summary = failed.value(QStringLiteral("summary")).toString();
        QVERIFY2(summary.startsWith(QStringLiteral("toy example 10000 → 9999 failed: unreachable")),
                 qPrintable(summary));
        QVERIFY2(failed.value(QStringLiteral("fix")).toString().contains(QStringLiteral("OSX")),
                 qPrintable(failed.value(QStringLiteral("fix")).toString()));

        r = m_cli.run({QStringLiteral("teardown"),
                       project,
                       QStringLiteral("--level"),
                       QStringLiteral("remove"),
                       QStringLiteral("--yes")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        for (int host : {1, 2}) {
            QCOMPARE(onHost(host, QStringLiteral("docker ps -aq | wc -l")), QStringLiteral("0"));
            QCOMPARE(onHost(host, QStringLiteral("docker volume ls -q")), QString());
            QCOMPARE(onHost(host, QStringLiteral("ls -A /data/projects/fate")), QString());
        }
    }
};

QTEST_GUILESS_MAIN(TestDeploy20Cli)
#include "tst_deploy20_cli.moc"
