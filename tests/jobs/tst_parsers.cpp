// SPDX-License-Identifier: Apache-2.0
#include "jobs/parsers.h"
#include "jobs/remotecommands.h"

#include <QDateTime>
#include <QTest>

using namespace FateDeployer;

class TestParsers : public QObject
{
    Q_OBJECT
private slots:
    void versions()
    {
        QCOMPARE(Parsers::dockerServerVersion(QStringLiteral("18.09.7\n"))->toString(), QStringLiteral("18.9.7"));
        QCOMPARE(Parsers::dockerServerVersion(QStringLiteral("20.10.24+dfsg1\n"))->toString(),
                 QStringLiteral("20.10.24"));
        QVERIFY(!Parsers::dockerServerVersion(QStringLiteral("Cannot connect to the Docker daemon\n")));
        QCOMPARE(Parsers::composeVersion(QStringLiteral("1.24.1\n"))->toString(), QStringLiteral("1.24.1"));
        QCOMPARE(Parsers::composeVersion(QStringLiteral("v2.20.2\n"))->toString(), QStringLiteral("2.20.2"));
        QVERIFY((*Parsers::composeVersion(QStringLiteral("1.23.2")) < Version{{1, 24}}));
        QVERIFY((*Parsers::composeVersion(QStringLiteral("1.29.2")) >= Version{{1, 24}}));
        QVERIFY((*Parsers::dockerServerVersion(QStringLiteral("17.03.2-ce")) < Version{{18}}));
        QVERIFY((Version{{18, 9}}.compare(Version{{18, 9, 0}}) == 0));
    }

    void df()
    {
        const QString out = QStringLiteral("Filesystem     1024-blocks    Used Available Capacity Mounted on\n"
                                           "/dev/mapper/centos-root  52403200 1234567  51168633       3% /\n");
        const auto d = Parsers::dfPk(out);
        QVERIFY(d);
        QCOMPARE(d->totalKiB, 52403200);
        QCOMPARE(d->availableKiB, 51168633);
        QCOMPARE(d->mountPoint, QStringLiteral("/"));
        QVERIFY(!Parsers::dfPk(QStringLiteral("df: no such file\n")));
    }

    void ports_data()
    {
        QTest::addColumn<QString>("output");
        QTest::addColumn<QList<int>>("ports");
        QTest::newRow("ss centos7") << QStringLiteral(
            "State      Recv-Q Send-Q Local Address:Port               Peer Address:Port\n"
            "LISTEN     0      128          *:22                       *:*\n"
            "LISTEN     0      128         :::9370                    :::*\n"
            "LISTEN     0      100    127.0.0.1:25                     *:*\n")
                                    << QList<int>{22, 25, 9370};
        QTest::newRow("ss new") << QStringLiteral("State  Recv-Q Send-Q Local Address:Port  Peer Address:PortProcess\n"
                                                  "LISTEN 0      4096   127.0.0.53%lo:53         0.0.0.0:*\n"
                                                  "LISTEN 0      4096         0.0.0.0:8080       0.0.0.0:*\n"
                                                  "LISTEN 0      4096            [::]:8080          [::]:*\n")
                                << QList<int>{53, 8080};
        QTest::newRow("netstat") << QStringLiteral(
            "Active Internet connections (only servers)\n"
            "Proto Recv-Q Send-Q Local Address           Foreign Address         State\n"
            "tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN\n"
            "tcp        0      0 10.0.0.1:9380           10.0.0.2:5000           ESTABLISHED\n"
            "tcp6       0      0 :::9360                 :::*                    LISTEN\n")
                                 << QList<int>{22, 9360};
        QTest::newRow("proc") << QStringLiteral(
            "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
            "   0: 00000000:24BA 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1\n"
            "   1: 0100007F:0016 0100007F:A000 01 00000000:00000000 00:00000000 00000000     0        0 2\n"
            "   0: 00000000000000000000000000000000:1F90 00000000000000000000000000000000:0000 0A 0:0 0 0\n")
                              << QList<int>{8080, 9402};
    }
    void ports()
    {
        QFETCH(QString, output);
        QFETCH(QList<int>, ports);
        QCOMPARE(Parsers::listeningTcpPorts(output), ports);
    }

    void imagesAndArch()
    {
        QCOMPARE(Parsers::imageList(QStringLiteral("redis:5\nmysql:8\n<none>:<none>\nredis:5\n")),
                 (QStringList{QStringLiteral("mysql:8"), QStringLiteral("redis:5")}));
        QCOMPARE(Parsers::machineArch(QStringLiteral("x86_64\n")), QStringLiteral("x86_64"));
    }

    void containers()
    {
        const qint64 now
            = QDateTime::fromString(QStringLiteral("2026-11-29T20:00:00Z"), Qt::ISODate).toSecsSinceEpoch();
        const QString out = QStringLiteral(
            "0123456789abcdef|/confs-10000_python_1|python|3|federatedai/python:1.1-release|"
            "{\"9360/tcp\":[{\"HostIp\":\"0.0.0.0\",\"HostPort\":\"9360\"}],\"9380/tcp\":[{\"HostIp\":\"0.0.0.0\","
            "\"HostPort\":\"9380\"}]}|{\"Status\":\"restarting\",\"Error\":\"a|b\",\"StartedAt\":\"2026-11-29T19:59:58."
            "1Z\"}\n"
            "fedcba9876543210|/confs-10000_mysql_1|mysql|0|mysql:8|{}|{\"Status\":\"running\",\"Health\":{\"Status\":"
            "\"healthy\"},\"StartedAt\":\"2026-11-29T19:58:00.123456789Z\"}\n");
        const QList<ContainerStatus> list = Parsers::containerStatuses(out, now);
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.at(0).name, QStringLiteral("confs-10000_mysql_1"));
        QCOMPARE(list.at(0).health, QStringLiteral("healthy"));
        QCOMPARE(list.at(0).uptimeSeconds, 120);
        QCOMPARE(list.at(1).service, QStringLiteral("python"));
        QCOMPARE(list.at(1).restartCount, 3);
        QCOMPARE(list.at(1).uptimeSeconds, -1);
        QCOMPARE(list.at(1).ports, QStringLiteral("0.0.0.0:9360->9360/tcp, 0.0.0.0:9380->9380/tcp"));
        QCOMPARE(list.at(1).id, QStringLiteral("0123456789ab"));
    }

    void toy()
    {
        QVERIFY(Parsers::toySucceeded(QStringLiteral(
            "2019-08-29 07:21:34,118 - secure_add_guest.py[line:121] - INFO: success to calculate secure_sum, it is "
            "2000.0000000000002\n")));
        QVERIFY(
            !Parsers::toySucceeded(QStringLiteral("job running time exceed, please check federation or eggroll log")));
    }

    // `flow test toy`: FATE 1.11's client prints the job status and the guest log's secure_sum line; FATE 2.0's
    // client (FATE-Client 2.0.0) only the status lines.
    void flowToy()
    {
        const QString v111
            = QStringLiteral("toy test job 202312010000000001 is running\ntoy test job 202312010000000001 is success\n"
                             "[INFO] - secure_add_guest.py[line:121] - INFO: success to calculate secure_sum, it is "
                             "2000.0000000000002\n");
        QVERIFY(Parsers::flowToySucceeded(v111));
        QVERIFY(Parsers::flowToyJobSucceeded(v111));
        const QString v20
            = QStringLiteral("toy test job 202312010000000002 is waiting\ntoy test job 202312010000000002 is running\n"
                             "toy test job 202312010000000002 is success\n");
        QVERIFY(Parsers::flowToyJobSucceeded(v20));
        QVERIFY(!Parsers::flowToySucceeded(v20)); // a 1.x client without its log check has not passed
        for (const char *bad :
             {"toy test job 202312010000000003 is running\ntimeout...\nYou can use the command of "
              "'flow job download-log -j 202312010000000003 -o $download_dir' to download the logs.\n",
              "toy test job 202312010000000004 is failed\n",
              "toy test job 202312010000000005 is success_but_not_really\n",
              "echo toy test job 1 is success\n"})
            QVERIFY2(!Parsers::flowToyJobSucceeded(QString::fromLatin1(bad)), bad);
    }

    void commandsQuoteValues()
    {
        // A hostile directory never becomes shell text: it reaches the script as a quoted positional parameter.
        const QString cmd = RemoteCommands::diskFree(QStringLiteral("/data/x'; rm -rf / #")).toString();
        QVERIFY2(cmd.contains(QStringLiteral("'/data/x'\\''; rm -rf / #'")), qPrintable(cmd));
        const QString login
            = RemoteCommands::registryLogin(QStringLiteral("harbor.local"), QStringLiteral("me")).toString();
        QVERIFY(login.contains(QStringLiteral("--password-stdin")));
        // The probe takes the registry as a parameter; credentials never reach its command line.
        const QString probe = RemoteCommands::registryProbe(QStringLiteral("reg.local:5000"), true).toString();
        QVERIFY2(probe.endsWith(QStringLiteral("'reg.local:5000' '1'")), qPrintable(probe.right(60)));
    }

    void hostFactsSections()
    {
        // A profile's banner before the first section is ignored; stdout and stderr stay apart; an empty
        // output is a section all the same; a section header with garbage is not one.
        const auto facts = Parsers::hostFacts(QStringLiteral("Welcome to CentOS\n"
                                                             "@@fd-fact docker\n20.10.24\n@@fd-fact-end docker 0\n"
                                                             "@@fd-fact compose\n@@fd-fact-end compose 0\n"
                                                             "@@fd-fact compose-v1\n@@fd-fact-end compose-v1 127\n"
                                                             "@@fd-fact-stderr\nsh: docker-compose: not found\n"
                                                             "@@fd-fact disk\nFilesystem 1024-blocks\n/dev/sda1 10 1 9 "
                                                             "10% /\n@@fd-fact-end disk 0\n"
                                                             "@@fd-fact arch\nx86_64\n"));
        QCOMPARE(facts.size(), 4);
        QCOMPARE(facts.value(QStringLiteral("docker")).exitStatus, 0);
        QCOMPARE(facts.value(QStringLiteral("docker")).stdoutText, QStringLiteral("20.10.24\n"));
        QVERIFY(facts.contains(QStringLiteral("compose")));
        QVERIFY(facts.value(QStringLiteral("compose")).stdoutText.isEmpty());
        QCOMPARE(facts.value(QStringLiteral("compose-v1")).exitStatus, 127);
        QVERIFY(facts.value(QStringLiteral("compose-v1")).stdoutText.isEmpty());
        QCOMPARE(facts.value(QStringLiteral("compose-v1")).stderrText,
                 QStringLiteral("sh: docker-compose: not found\n"));
        QCOMPARE(Parsers::dfPk(facts.value(QStringLiteral("disk")).stdoutText)->availableKiB, 9);
        QVERIFY(!facts.contains(QStringLiteral("arch")));
        // what the script receives: the base dir quoted as a parameter, the facts by name, the memory
        const QString cmd
            = RemoteCommands::hostFacts(
                  {RemoteCommands::HostFact::Docker, RemoteCommands::HostFact::Compose, RemoteCommands::HostFact::Disk},
                  QStringLiteral("/data/x'; rm -rf / #"),
                  QStringLiteral("v2"),
                  QStringLiteral("20.10.24"))
                  .toString();
        QVERIFY2(cmd.endsWith(QStringLiteral("'/data/x'\\''; rm -rf / #' 'facts=docker,compose,disk' 'v2' '20.10.24'")),
                 qPrintable(cmd.right(90)));
    }

    void psStates()
    {
        // `docker ps --format` Status texts of Docker 18.09 and 24
        const auto list = Parsers::psStates(QStringLiteral("c_python_1|python|Up 3 seconds\n"
                                                           "c_mysql_1|mysql|Up 2 minutes (healthy)\n"
                                                           "c_fateboard_1|fateboard|Up 1 second (health: starting)\n"
                                                           "c_proxy_1|proxy|Up 5 seconds (unhealthy)\n"
                                                           "c_egg_1|egg|Restarting (1) 2 seconds ago\n"
                                                           "c_roll_1|roll|Exited (137) 5 seconds ago\n"
                                                           "c_redis_1|redis|Up 4 seconds (Paused)\n"
                                                           "c_meta_1|meta-service|Created\n"));
        QCOMPARE(list.size(), 8);
        QList<bool> up;
        for (const Parsers::PsState &s : list)
            up.append(s.up);
        QCOMPARE(up, (QList<bool>{true, true, true, false, false, false, false, false}));
        QCOMPARE(list.at(5).service, QStringLiteral("roll"));
        QCOMPARE(list.at(7).name, QStringLiteral("c_meta_1"));
        const QString cmd = RemoteCommands::listProject(QStringLiteral("confs-1")).toString().remove(QLatin1Char('\''));
        QVERIFY2(
            cmd.startsWith(QStringLiteral("docker ps -a --filter label=com.docker.compose.project=confs-1 --format")),
            qPrintable(cmd));
    }

    void registryProbe()
    {
        RegistryProbe p = Parsers::registryProbe(
            QStringLiteral("docker insecure\nreach http 401 0\nstored yes\nauth stored 200\n"));
        QVERIFY(p.insecure);
        QVERIFY(p.reachable());
        QCOMPARE(p.scheme, QStringLiteral("http"));
        QCOMPARE(p.code, 401);
        QVERIFY(p.stored);
        QCOMPARE(p.authWith, QStringLiteral("stored"));
        QCOMPARE(p.authCode, 200);
        p = Parsers::registryProbe(QStringLiteral("docker secure\nreach none 000 60\n"));
        QVERIFY(!p.insecure);
        QVERIFY(!p.reachable());
        QCOMPARE(p.curlExit, 60);
        QVERIFY(p.authWith.isEmpty());
        QVERIFY(Parsers::registryProbe(QStringLiteral("docker secure\nreach nocurl 000 0\n")).noCurl);
        // curl's config syntax: quotes and backslashes of a password are escaped, nothing else changes.
        QCOMPARE(RemoteCommands::curlUserConfig(QStringLiteral("fd"), QByteArray("p\"a\\s$s")),
                 QByteArray("user = \"fd:p\\\"a\\\\s$s\"\n"));
    }

    void dockerPullProgressOnATerminal()
    {
        // What `docker pull` prints on a pseudo-terminal (Docker 18.09 and 20.10 alike): every redraw moves
        // the cursor up and rewrites each layer line; byte counters in decimal units.
        DockerPullProgress p;
        QStringList kept = p.feed(QStringLiteral("1.1-release: Pulling from fate/python"));
        QCOMPARE(kept, QStringList{QStringLiteral("1.1-release: Pulling from fate/python")});
        kept = p.feed(QStringLiteral("\x1b[1A\x1b[2K\r0a1b2c3d4e5f: Pulling fs layer \x1b[1B"));
        QCOMPARE(kept, QStringList{QStringLiteral("0a1b2c3d4e5f: Pulling fs layer")});
        p.feed(QStringLiteral("f0e1d2c3b4a5: Already exists"));
        QCOMPARE(p.layers(), 2);
        QCOMPARE(p.layersDone(), 1);
        QVERIFY(p.changed());
        kept = p.feed(
            QStringLiteral("\x1b[2A\x1b[2K\r0a1b2c3d4e5f: Downloading [=====>        ]  12.35MB/200.1MB\x1b[2B"));
        QVERIFY2(kept.isEmpty() || kept == QStringList{QStringLiteral("0a1b2c3d4e5f: Downloading")},
                 qPrintable(kept.join(u'|')));
        QCOMPARE(p.bytesDone(), qint64(12350000));
        QCOMPARE(p.bytesTotal(), qint64(200100000));
        QVERIFY(p.changed());
        // A redraw with nothing new is neither logged nor a change.
        kept = p.feed(
            QStringLiteral("\x1b[2A\x1b[2K\r0a1b2c3d4e5f: Downloading [=====>        ]  12.35MB/200.1MB\x1b[2B"));
        QVERIFY(kept.isEmpty());
        QVERIFY(!p.changed());
        // Narrow terminals leave the bar out; kB too.
        p.feed(QStringLiteral("0a1b2c3d4e5f: Downloading  150.5MB/200.1MB"));
        QCOMPARE(p.bytesDone(), qint64(150500000));
        p.feed(QStringLiteral("0a1b2c3d4e5f: Verifying Checksum"));
        p.feed(QStringLiteral("0a1b2c3d4e5f: Download complete"));
        QCOMPARE(p.bytesDone(), qint64(200100000));
        p.feed(QStringLiteral("0a1b2c3d4e5f: Extracting [=>   ]  557.1kB/200.1MB"));
        QCOMPARE(p.layersDone(), 1);
        kept = p.feed(QStringLiteral("0a1b2c3d4e5f: Pull complete"));
        QCOMPARE(kept, QStringList{QStringLiteral("0a1b2c3d4e5f: Pull complete")});
        QCOMPARE(p.layersDone(), 2);
        kept = p.feed(
            QStringLiteral("Digest: sha256:0123\r\nStatus: Downloaded newer image for r/fate/python:1.1-release"));
        QCOMPARE(kept.size(), 2);
        QCOMPARE(humanBytes(200100000), QStringLiteral("200.1 MB"));
        QCOMPARE(humanBytes(999), QStringLiteral("999 B"));
        QCOMPARE(humanBytes(1500), QStringLiteral("1.50 kB"));
    }
};

QTEST_GUILESS_MAIN(TestParsers)
#include "tst_parsers.moc"
