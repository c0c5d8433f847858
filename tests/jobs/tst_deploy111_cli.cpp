// SPDX-License-Identifier: Apache-2.0
// End to end through the fate-deployer-cli binary on sandbox hosts, KubeFATE v1.11.2 (Eggroll): two parties
// (party 10000 with its serving bundle on its host) and the exchange on a third host, with the era's stand-in
// images and the sandbox's stand-in of the Docker Compose plugin. Deploy, healthy, `flow test toy`, redeploy
// (volumes renewed), teardown; the services' passwords reach the hosts and no local file.
#include "clirun.h"
#include "sandboxids.h"
#include "sandboxproject.h"
#include "secretscan.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace FateDeployer;
using namespace FateDeployer::Testing;

namespace {

// The passwords of this test: they must show up on the hosts and in no local file.
const QString MysqlPassword = QStringLiteral("Sql-pw-7f3a9c");
const QString BoardPassword = QStringLiteral("Board-pw-51d2e8");
const QString AdminPassword = QStringLiteral("Admin-pw-c04b6f");

} // namespace

class TestDeploy111Cli : public QObject
{
    Q_OBJECT

    std::unique_ptr<SandboxFixture> m_sb;
    QTemporaryDir m_dir;     ///< everything the CLI writes locally: project, history, cache, data, temp
    QTemporaryDir m_secrets; ///< the parties.conf the passwords come from (the admin's own file)

    QString local(const QString &name) const { return m_dir.filePath(name); }

    CliRun run(const QStringList &args, int timeoutMs = 1800000)
    {
        CliOptions options;
        options.historyDir = local(QStringLiteral("history"));
        options.timeoutMs = timeoutMs;
        // Every place the engine may write to on this machine lies under m_dir.
        for (const char *var :
             {"HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "TMPDIR"})
            options.env.insert(QString::fromLatin1(var), local(QString::fromLatin1(var).toLower()));
        return runCli(args + sandboxSshArgs(*m_sb), options);
    }

    QString onHost(int i, const QString &cmd) { return Testing::onHost(*m_sb, i, cmd); }

    static QJsonObject hostOf(const QJsonObject &report, const QString &key)
    {
        for (const QJsonValue &h : report.value(QStringLiteral("hosts")).toArray())
            if (h[QLatin1String("host")].toString() == key)
                return h.toObject();
        return {};
    }

    static QString stepSummary(const QJsonObject &host, const QString &step)
    {
        for (const QJsonValue &s : host.value(QStringLiteral("steps")).toArray())
            if (s[QLatin1String("step")].toString() == step)
                return s[QLatin1String("summary")].toString();
        return {};
    }

private slots:
    void initTestCase()
    {
        QString why;
        if (!SandboxFixture::canRun(&why))
            QSKIP(qPrintable(why));
        QVERIFY(m_dir.isValid());
        QVERIFY(m_secrets.isValid());
        const int id = SandboxFixture::instanceFromEnv("FD_SANDBOX_ID_DEPLOY111", SandboxId::Deploy111);
        m_sb = std::make_unique<SandboxFixture>(id);
        QString error;
        QVERIFY2(m_sb->start(3, &error), qPrintable(error));
        const SandboxFixture::CommandResult plugin = m_sb->runSandbox({QStringLiteral("compose-plugin")});
        QVERIFY2(plugin.ok(), plugin.err.constData());
    }

    void cleanupTestCase()
    {
        if (m_sb)
            m_sb->stop();
    }

    void twoPartiesAndExchange()
    {
        // Party 10000 with its serving on host 1, party 9999 on host 2, the exchange on host 3; the era's stand-ins.
        const Project p = sandboxProjectV111(*m_sb, QStringLiteral("v111"));
        const QString project = saveProject(p, m_dir.path());
        QVERIFY(!project.isEmpty());
        // The admin's parties.conf with the passwords (outside the folders the CLI writes to).
        QFile conf(m_secrets.filePath(QStringLiteral("parties.conf")));
        QVERIFY(conf.open(QIODevice::WriteOnly));
        conf.write(
            QStringLiteral("user=root\ndir=/data/projects/fate\nparty_list=(10000 9999)\n"
                           "party_ip_list=(%1 %2)\nserving_ip_list=(%1 %2)\ncomputing=Eggroll\n"
                           "federation=Eggroll\nstorage=Eggroll\nalgorithm=Basic\ndevice=CPU\n"
                           "exchangeip=%3\nmysql_password=%4\nfateboard_password=%5\n"
                           "serving_admin_password=%6\n")
                .arg(m_sb->hostIp(1), m_sb->hostIp(2), m_sb->hostIp(3), MysqlPassword, BoardPassword, AdminPassword)
                .toUtf8());
        conf.close();
        const QStringList secretsFrom{QStringLiteral("--secrets-from"), conf.fileName()};

        // Preflight: the era's compose front end and the ports of every bundle of the host.
        CliRun r = run({QStringLiteral("preflight"), project, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        const QJsonObject party1 = hostOf(r.json(), QStringLiteral("party-10000"));
        QVERIFY2(stepSummary(party1, QStringLiteral("compose")).startsWith(QStringLiteral("docker compose 2.")),
                 qPrintable(r.out));
        const QString ports = stepSummary(party1, QStringLiteral("ports"));
        for (const char *port : {"8080", "9360", "9370", "9380", "20000", "8000", "8059", "8350", "8869"})
            QVERIFY2(ports.contains(QLatin1String(port)), qPrintable(ports));

        // Without the passwords a deploy is refused before any host is contacted.
        r = run({QStringLiteral("deploy"), project});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.all().contains(QStringLiteral("mysql_password")), qPrintable(r.all()));
        QCOMPARE(onHost(1, QStringLiteral("ls -A /data/projects/fate")), QString());

        r = run(QStringList{QStringLiteral("deploy"), project, QStringLiteral("--verbose")} + secretsFrom);
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        // Training then serving on host 1, each its own compose project; the exchange alone on host 3.
        const QString projects = QStringLiteral(
            "docker ps --format '{{.Label \"com.docker.compose.project\"}} {{.Label \"com.docker.compose.service\"}}'"
            " | sort | tr '\\n' ' '");
        QCOMPARE(onHost(1, projects),
                 QStringLiteral("confs-10000 client confs-10000 clustermanager confs-10000 fateboard confs-10000 "
                                "fateflow confs-10000 mysql confs-10000 nodemanager confs-10000 rollsite serving-10000 "
                                "serving-admin serving-10000 serving-proxy serving-10000 serving-server serving-10000 "
                                "serving-zookeeper"));
        QCOMPARE(onHost(2, projects).count(QStringLiteral("confs-9999 ")), 7);
        QCOMPARE(onHost(3, projects), QStringLiteral("confs-exchange exchange"));
        // Serving joined the training network; fateflow's own healthcheck reported healthy.
        QVERIFY(onHost(1,
                       QStringLiteral("docker network inspect confs-10000_fate-network --format "
                                      "'{{range .Containers}}{{.Name}} {{end}}'"))
                    .contains(QStringLiteral("serving-proxy")));
        for (int host : {1, 2})
            QCOMPARE(onHost(host,
                            QStringLiteral("docker inspect -f '{{.State.Health.Status}}' $(docker ps -q --filter "
                                           "label=com.docker.compose.service=fateflow)")),
                     QStringLiteral("healthy"));

        // The passwords are on the hosts, in the files that need them, and no marker is left there.
        QVERIFY(m_sb->runOnHost(1,
                                QStringLiteral("grep -q %1 /data/projects/fate/confs-10000/confs/fate_flow/conf/"
                                               "service_conf.yaml")
                                    .arg(MysqlPassword))
                    .ok());
        QVERIFY(
            m_sb->runOnHost(
                    2, QStringLiteral("grep -rq %1 /data/projects/fate/confs-9999/confs/fateboard").arg(BoardPassword))
                .ok());
        QVERIFY(m_sb->runOnHost(1, QStringLiteral("grep -rq %1 /data/projects/fate/serving-10000").arg(AdminPassword))
                    .ok());
        for (int host : {1, 2, 3})
            QCOMPARE(onHost(host, QStringLiteral("grep -rl '@@fd-secret' /data/projects/fate | wc -l")),
                     QStringLiteral("0"));

        r = run({QStringLiteral("status"), project, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        QCOMPARE(hostOf(r.json(), QStringLiteral("party-10000")).value(QStringLiteral("containers")).toArray().size(),
                 11);

        // FATE's own check: the one-party smoke test, then guest 10000 with host 9999 through the exchange.
        r = run({QStringLiteral("verify"), project, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        const QJsonObject guest = hostOf(r.json(), QStringLiteral("party-10000"));
        const QString verified = stepSummary(guest, QStringLiteral("verify"));
        QVERIFY2(verified.contains(QStringLiteral("10000 → 10000"))
                     && verified.contains(QStringLiteral("10000 → 9999")),
                 qPrintable(verified));
        // v1.11's route tables send party to party directly (the exchange is only the default route): the job
        // reached party 9999's fateflow through its rollsite.
        const QString rollsite9999
            = QStringLiteral("$(docker ps -q --filter label=com.docker.compose.service=rollsite)");
        QVERIFY2(
            onHost(2, QStringLiteral("docker logs %1 2>&1 | grep -c 'party=9999 service=fateflow'").arg(rollsite9999))
                    .toInt()
                > 0,
            "the toy job did not reach party 9999's rollsite");

        // Redeploy: the download volume is renewed (docker_deploy.sh means to, but misspells its name).
        QVERIFY(m_sb->runOnHost(1,
                                QStringLiteral("docker exec $(docker ps -q --filter label=com.docker.compose.project="
                                               "confs-10000 --filter label=com.docker.compose.service=client) "
                                               "touch /data/projects/fate/download_dir/fd-marker"))
                    .ok());
        r = run(QStringList{QStringLiteral("deploy"), project, QStringLiteral("--party"), QStringLiteral("10000")}
                + secretsFrom);
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        QVERIFY2(r.out.contains(QStringLiteral("confs-10000_download_dir")), qPrintable(r.out));
        QCOMPARE(onHost(1,
                        QStringLiteral("docker exec $(docker ps -q --filter label=com.docker.compose.project="
                                       "confs-10000 --filter label=com.docker.compose.service=client) "
                                       "ls -A /data/projects/fate/download_dir")),
                 QString());
        QCOMPARE(onHost(1, QStringLiteral("ls -A /data/projects/fate")),
                 QStringLiteral("confs-10000\nconfs-10000.previous\nserving-10000\nserving-10000.previous"));

        // A broken route is diagnosed, not reported as success: party 9999's rollsite stops.
        QVERIFY(m_sb->runOnHost(2, QStringLiteral("docker stop %1").arg(rollsite9999)).ok());
        r = run({QStringLiteral("verify"),
                 project,
                 QStringLiteral("--json"),
                 QStringLiteral("--timeout"),
                 QStringLiteral("40")});
        QCOMPARE(r.exitCode, 1);
        const QJsonArray steps
            = hostOf(r.json(), QStringLiteral("party-10000")).value(QStringLiteral("steps")).toArray();
        const QJsonObject failed = steps.last().toObject();
        QCOMPARE(failed.value(QStringLiteral("result")).toString(), QStringLiteral("failed"));
        QCOMPARE(failed.value(QStringLiteral("diagnosis")).toString(), QStringLiteral("unreachable"));
        QVERIFY(failed.value(QStringLiteral("unreachable"))
                    .toArray()
                    .contains(QJsonValue(m_sb->hostIp(2) + QStringLiteral(":9370"))));
        QVERIFY2(failed.value(QStringLiteral("summary")).toString().contains(QStringLiteral("10000 → 9999")),
                 qPrintable(failed.value(QStringLiteral("summary")).toString()));

        r = run({QStringLiteral("teardown"),
                 project,
                 QStringLiteral("--level"),
                 QStringLiteral("remove"),
                 QStringLiteral("--yes")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        for (int host : {1, 2, 3}) {
            QCOMPARE(onHost(host, QStringLiteral("docker ps -aq | wc -l")), QStringLiteral("0"));
            QCOMPARE(onHost(host, QStringLiteral("ls -A /data/projects/fate")), QString());
        }

        // Nothing this machine kept holds a password: project, history, bundle cache, data, temporary files.
        bool markerSeen = false;
        const QStringList leaks = filesHolding(
            {m_dir.path()}, {MysqlPassword, BoardPassword, AdminPassword}, "@@fd-secret:mysql_password@@", &markerSeen);
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1Char('\n'))));
        QVERIFY2(markerSeen, "the scan found no cached bundle: it would not have seen a password either");
    }
};

QTEST_GUILESS_MAIN(TestDeploy111Cli)
#include "tst_deploy111_cli.moc"
