// SPDX-License-Identifier: Apache-2.0
// End to end through the fate-deployer-cli binary on sandbox hosts (real sshd, real dockerd, stand-in
// FATE 1.1 images): the seed scenario and its failure modes. One sandbox start for the whole executable.
#include "clisandbox.h"
#include "sandboxids.h"
#include "sandboxproject.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace FateDeployer;
using namespace FateDeployer::Testing;

class TestDeployCli : public QObject
{
    Q_OBJECT

    CliSandbox m_cli;

    int containerCount(int host) { return m_cli.onHost(host, QStringLiteral("docker ps -aq | wc -l")).toInt(); }

    static QJsonObject hostOf(const QJsonObject &report, const QString &key)
    {
        for (const QJsonValue &h : report.value(QStringLiteral("hosts")).toArray())
            if (h[QLatin1String("host")].toString() == key)
                return h.toObject();
        return {};
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
        // Own instance id (tst_scale uses another) so ctest -j never shares a sandbox.
        QString skip, error;
        if (!m_cli.start("FD_SANDBOX_ID_DEPLOY_CLI", SandboxId::DeployCli, 4, &skip, &error)) {
            QVERIFY2(skip.isEmpty(), qPrintable(error));
            QSKIP(qPrintable(skip));
        }
    }

    void cleanupTestCase() { m_cli.stop(); }

    void seedScenario()
    {
        const QString project = m_cli.writeProject(QStringLiteral("seed"), {{10000, 1}, {9999, 2}}, 1);
        CliRun r = m_cli.run({QStringLiteral("preflight"), project});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        QVERIFY(r.out.contains(QStringLiteral("docker-compose 1.")));

        r = m_cli.run({QStringLiteral("deploy"), project, QStringLiteral("--verbose")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        // The stand-in python restarts until MySQL has initialised: reported as such, and the run succeeds.
        QVERIFY2(r.out.contains(QStringLiteral("waits for MySQL")), qPrintable(r.out.right(3000)));
        QCOMPARE(m_cli.onHost(1, QStringLiteral("docker ps --format '{{.Names}}' | grep -c '^confs-10000_'")),
                 QStringLiteral("9"));
        QCOMPARE(m_cli.onHost(1, QStringLiteral("docker ps --format '{{.Names}}' | grep -c '^exchange_exchange_1$'")),
                 QStringLiteral("1"));

        r = m_cli.run({QStringLiteral("status"), project, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        const QJsonObject status = r.json();
        QCOMPARE(status.value(QStringLiteral("hosts")).toArray().size(), 3);
        for (const QJsonValue &h : status.value(QStringLiteral("hosts")).toArray()) {
            const QJsonArray containers = h[QLatin1String("containers")].toArray();
            QCOMPARE(containers.size(), h[QLatin1String("host")].toString() == QLatin1String("exchange") ? 1 : 9);
            for (const QJsonValue &c : containers)
                QCOMPARE(c[QLatin1String("state")].toString(), QStringLiteral("running"));
        }

        r = m_cli.run({QStringLiteral("verify"), project});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));

        // Idempotent: deploying again replaces, never duplicates, and keeps the previous folder.
        // Data the containers wrote (redis' folder) moves on with the deployment.
        QVERIFY(m_cli.sandbox()
                    .runOnHost(2, QStringLiteral("touch /data/projects/fate/confs-9999/confs/redis/data/fd-marker"))
                    .ok());
        const int before1 = containerCount(1);
        const int before2 = containerCount(2);
        QCOMPARE(before1, 10);
        r = m_cli.run({QStringLiteral("deploy"), project});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        QCOMPARE(containerCount(1), before1);
        QCOMPARE(containerCount(2), before2);
        QCOMPARE(m_cli.onHost(2, QStringLiteral("ls -A /data/projects/fate")),
                 QStringLiteral("confs-9999\nconfs-9999.previous"));
        QVERIFY(m_cli.sandbox()
                    .runOnHost(2, QStringLiteral("test -f /data/projects/fate/confs-9999/confs/redis/data/fd-marker"))
                    .ok());
        r = m_cli.run({QStringLiteral("verify"), project});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));

        // History holds every run.
        r = m_cli.run({QStringLiteral("history"), project}, false);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.count(QRegularExpression(QStringLiteral("\\bseed\\b"))), 6);

        teardownAll(project);
        QCOMPARE(containerCount(1), 0);
        QCOMPARE(containerCount(2), 0);
        QCOMPARE(m_cli.onHost(1, QStringLiteral("ls -A /data/projects/fate")), QString());
        QCOMPARE(m_cli.onHost(2, QStringLiteral("ls -A /data/projects/fate")), QString());
    }

    void threePartiesDedicatedExchange()
    {
        // The exchange on a host of its own: its base dir must be created (the seed forgot mkdir -p).
        m_cli.onHost(4, QStringLiteral("rm -rf /data/projects/fate"));
        const QString project = m_cli.writeProject(QStringLiteral("three"), {{10000, 1}, {9999, 2}, {8888, 3}}, 4);
        CliRun r = m_cli.run({QStringLiteral("deploy"), project, QStringLiteral("--jobs"), QStringLiteral("4")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        r = m_cli.run({QStringLiteral("verify"), project});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        QVERIFY(r.out.contains(QStringLiteral("10000 → 8888")));
    }

    void brokenRouteVerifyDiagnosis()
    {
        // Continues on the deployment of the previous test: the exchange goes away.
        const QString project = m_cli.path(QStringLiteral("three.fdproj"));
        QVERIFY(m_cli.sandbox().runOnHost(4, QStringLiteral("docker stop exchange_exchange_1")).ok());
        CliRun r = m_cli.run({QStringLiteral("verify"),
                              project,
                              QStringLiteral("--json"),
                              QStringLiteral("--timeout"),
                              QStringLiteral("30")});
        QCOMPARE(r.exitCode, 1);
        const QJsonObject guest = hostOf(r.json(), QStringLiteral("party-10000"));
        const QJsonArray steps = guest.value(QStringLiteral("steps")).toArray();
        const QJsonObject verify = steps.last().toObject();
        QCOMPARE(verify.value(QStringLiteral("result")).toString(), QStringLiteral("failed"));
        const QString summary = verify.value(QStringLiteral("summary")).toString();
        QVERIFY2(summary.contains(m_cli.sandbox().hostIp(4) + QStringLiteral(":9371")), qPrintable(summary));
        QVERIFY(!verify.value(QStringLiteral("fix")).toString().isEmpty());
        // The same diagnosis as data (RunSession's typed step outcome), for scripts and the window.
        QCOMPARE(verify.value(QStringLiteral("diagnosis")).toString(), QStringLiteral("unreachable"));
        QVERIFY(verify.value(QStringLiteral("unreachable"))
                    .toArray()
                    .contains(QJsonValue(m_cli.sandbox().hostIp(4) + QStringLiteral(":9371"))));
        QVERIFY(m_cli.sandbox().runOnHost(4, QStringLiteral("docker start exchange_exchange_1")).ok());
        teardownAll(project);
        QCOMPARE(containerCount(3), 0);
        QCOMPARE(m_cli.onHost(4, QStringLiteral("ls -A /data/projects/fate")), QString());
    }

    void oneHostDownOthersSucceed()
    {
        const QString project = m_cli.writeProject(QStringLiteral("down"), {{10000, 1}, {9999, 2}, {8888, 3}}, 1);
        QVERIFY(m_cli.sandbox().hostDown(3));
        CliRun r = m_cli.run({QStringLiteral("deploy"), project, QStringLiteral("--json")});
        QVERIFY(m_cli.sandbox().hostUp(3));
        QCOMPARE(r.exitCode, 1);
        const QJsonObject report = r.json();
        QCOMPARE(hostOf(report, QStringLiteral("party-10000")).value(QStringLiteral("result")).toString(),
                 QStringLiteral("ok"));
        QCOMPARE(hostOf(report, QStringLiteral("party-9999")).value(QStringLiteral("result")).toString(),
                 QStringLiteral("ok"));
        QCOMPARE(hostOf(report, QStringLiteral("exchange")).value(QStringLiteral("result")).toString(),
                 QStringLiteral("ok"));
        const QJsonObject dead = hostOf(report, QStringLiteral("party-8888"));
        QCOMPARE(dead.value(QStringLiteral("result")).toString(), QStringLiteral("failed"));
        const QJsonObject connect = dead.value(QStringLiteral("steps")).toArray().first().toObject();
        QCOMPARE(connect.value(QStringLiteral("step")).toString(), QStringLiteral("connect"));
        QCOMPARE(connect.value(QStringLiteral("result")).toString(), QStringLiteral("failed"));
        QVERIFY(connect.value(QStringLiteral("summary")).toString().contains(m_cli.sandbox().hostIp(3)));
        const QString kind = connect.value(QStringLiteral("error_kind")).toString();
        QVERIFY2(kind == QLatin1String("network") || kind == QLatin1String("timeout"), qPrintable(kind));
        // The text report names the dead host too.
        r = m_cli.run({QStringLiteral("status"), project, QStringLiteral("--party"), QStringLiteral("10000")});
        QCOMPARE(r.exitCode, 0);
        teardownAll(project);
    }

    void diskFullOnOneHost()
    {
        // A 64 KiB file system under party 9999's base dir, inside host 2's own mount namespace.
        QVERIFY(
            m_cli.sandbox()
                .runOnHost(2, QStringLiteral("mkdir -p /data/small && mount -t tmpfs -o size=64k tmpfs /data/small"))
                .ok());
        const QString project = m_cli.writeProject(
            QStringLiteral("disk"), {{10000, 1}, {9999, 2}}, 1, {{9999, QStringLiteral("/data/small/fate")}});
        CliRun r = m_cli.run({QStringLiteral("preflight"), project, QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.json().value(QStringLiteral("hosts")).toArray().size(), 3);
        const QJsonObject bad = hostOf(r.json(), QStringLiteral("party-9999"));
        bool diskFailed = false;
        for (const QJsonValue &s : bad.value(QStringLiteral("steps")).toArray())
            if (s[QLatin1String("step")].toString() == QLatin1String("disk"))
                diskFailed = s[QLatin1String("result")].toString() == QLatin1String("failed")
                             && s[QLatin1String("summary")].toString().contains(QStringLiteral("/data/small"));
        QVERIFY2(diskFailed, qPrintable(r.out));
        QCOMPARE(hostOf(r.json(), QStringLiteral("party-10000")).value(QStringLiteral("result")).toString(),
                 QStringLiteral("ok"));
        // Deploying anyway: the upload fails on the full disk and says so; nothing half-swapped is left.
        r = m_cli.run({QStringLiteral("deploy"), project, QStringLiteral("--party"), QStringLiteral("9999")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(QStringLiteral("disk is full")), qPrintable(r.out));
        QCOMPARE(m_cli.onHost(2, QStringLiteral("ls -A /data/small/fate")), QString());
        m_cli.sandbox().runOnHost(2, QStringLiteral("umount /data/small; rmdir /data/small"));
    }

    void composeMissingOnOneHost()
    {
        // docker-compose replaced by a program that is not there for this host only (private mount namespace).
        QVERIFY(m_cli.sandbox()
                    .runOnHost(
                        2,
                        QStringLiteral("printf '#!/bin/sh\\necho \"sh: docker-compose: not found\" >&2\\nexit 127\\n'"
                                       " > /tmp/no-compose && chmod +x /tmp/no-compose && "
                                       "mount --bind /tmp/no-compose /usr/bin/docker-compose"))
                    .ok());
        const QString project = m_cli.writeProject(QStringLiteral("nocompose"), {{10000, 1}, {9999, 2}}, 1);
        CliRun r = m_cli.run({QStringLiteral("preflight"), project, QStringLiteral("--json")});
        m_cli.sandbox().runOnHost(2, QStringLiteral("umount /usr/bin/docker-compose"));
        QCOMPARE(r.exitCode, 1);
        const QJsonObject bad = hostOf(r.json(), QStringLiteral("party-9999"));
        QCOMPARE(bad.value(QStringLiteral("result")).toString(), QStringLiteral("failed"));
        bool reported = false;
        for (const QJsonValue &s : bad.value(QStringLiteral("steps")).toArray())
            if (s[QLatin1String("step")].toString() == QLatin1String("compose"))
                reported = s[QLatin1String("result")].toString() == QLatin1String("failed")
                           && s[QLatin1String("fix")].toString().contains(QStringLiteral("docker-compose"));
        QVERIFY2(reported, qPrintable(r.out));
        QCOMPARE(hostOf(r.json(), QStringLiteral("party-10000")).value(QStringLiteral("result")).toString(),
                 QStringLiteral("ok"));
        // Ports and images checked are those of the rendered compose files (python publishes 9360 and 9380).
        for (const QJsonValue &s :
             hostOf(r.json(), QStringLiteral("party-10000")).value(QStringLiteral("steps")).toArray()) {
            if (s[QLatin1String("step")].toString() == QLatin1String("ports"))
                QVERIFY2(s[QLatin1String("summary")].toString().contains(QStringLiteral("9380")), qPrintable(r.out));
            if (s[QLatin1String("step")].toString() == QLatin1String("images"))
                QVERIFY(s[QLatin1String("missing_images")].isArray());
        }
    }

    void silentCommandFailsNamingTheInactivityTimeout()
    {
        // docker-compose hangs without a word on host 2 only (private mount namespace).
        QVERIFY(m_cli.sandbox()
                    .runOnHost(2,
                               QStringLiteral("printf '#!/bin/sh\\nexec sleep 1003\\n' > /tmp/silent-compose && "
                                              "chmod +x /tmp/silent-compose && "
                                              "mount --bind /tmp/silent-compose /usr/bin/docker-compose"))
                    .ok());
        const QString project = m_cli.writeProject(QStringLiteral("silent"), {{10000, 1}, {9999, 2}}, 1);
        CliRun r = m_cli.run({QStringLiteral("preflight"),
                              project,
                              QStringLiteral("--json"),
                              QStringLiteral("--inactivity-timeout"),
                              QStringLiteral("30")});
        m_cli.sandbox().runOnHost(2, QStringLiteral("umount /usr/bin/docker-compose"));
        QCOMPARE(r.exitCode, 1);
        const QJsonObject bad = hostOf(r.json(), QStringLiteral("party-9999"));
        QString summary;
        QString fix;
        for (const QJsonValue &s : bad.value(QStringLiteral("steps")).toArray())
            if (s[QLatin1String("step")].toString() == QLatin1String("compose")) {
                summary = s[QLatin1String("summary")].toString();
                fix = s[QLatin1String("fix")].toString();
            }
        QVERIFY2(summary.contains(QStringLiteral("no output and no progress for 30 s (inactivity timeout)")),
                 qPrintable(r.out));
        QVERIFY2(fix.contains(QStringLiteral("--inactivity-timeout"))
                     && fix.contains(QStringLiteral("Inactivity timeout")),
                 qPrintable(fix));
        QCOMPARE(m_cli.onHost(2, QStringLiteral("ps -eo args | grep -c '[s]leep 1003' || true")), QStringLiteral("0"));
        QCOMPARE(hostOf(r.json(), QStringLiteral("party-10000")).value(QStringLiteral("result")).toString(),
                 QStringLiteral("ok"));
    }

    void imagesLoadedFromArchive()
    {
        // Host 3 has no image at all: preflight warns, deploy streams the admin's `docker save` file into it.
        QVERIFY(m_cli.sandbox()
                    .runOnHost(3,
                               QStringLiteral("docker ps -aq | xargs -r docker rm -f; "
                                              "docker images -q | sort -u | xargs -r docker rmi -f"))
                    .ok());
        QCOMPARE(m_cli.onHost(3, QStringLiteral("docker images -q | wc -l")), QStringLiteral("0"));
        const QString project = m_cli.writeProject(QStringLiteral("offline"), {{10000, 1}, {8888, 3}}, 1);
        CliRun r = m_cli.run({QStringLiteral("preflight"), project, QStringLiteral("--party"), QStringLiteral("8888")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        QVERIFY(r.out.contains(QStringLiteral("missing images")));
        r = m_cli.run({QStringLiteral("deploy"),
                       project,
                       QStringLiteral("--party"),
                       QStringLiteral("8888"),
                       QStringLiteral("--load-images"),
                       m_cli.sandbox().value(QStringLiteral("FD_SB_IMAGES_TAR"))});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        QVERIFY(r.out.contains(QStringLiteral("Load images: ok")));
        QCOMPARE(m_cli.onHost(3, QStringLiteral("docker ps --format '{{.Names}}' | grep -c '^confs-8888_'")),
                 QStringLiteral("9"));
        teardownAll(project);
    }

    void cancelLeavesNoHalfSwappedFolder()
    {
        const QString project = m_cli.writeProject(QStringLiteral("cancel"), {{10000, 1}, {9999, 2}, {8888, 3}}, 4);
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("FD_HISTORY_DIR"), m_cli.path(QStringLiteral("history")));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(FD_BIN_DIR "/fate-deployer-cli"),
                QStringList{QStringLiteral("deploy"), project} + sandboxSshArgs(m_cli.sandbox()));
        QVERIFY(p.waitForStarted());
        // Cancel as soon as any host has its bundle uploaded: the others are mid-way somewhere.
        QString out;
        QElapsedTimer t;
        t.start();
        while (!out.contains(QStringLiteral(": Upload: ok")) && t.elapsed() < 600000) {
            p.waitForReadyRead(100);
            out += QString::fromUtf8(p.readAllStandardOutput());
        }
        QVERIFY2(out.contains(QStringLiteral(": Upload: ok")), qPrintable(out));
        ::kill(pid_t(p.processId()), SIGINT);
        QVERIFY(p.waitForFinished(300000));
        out += QString::fromUtf8(p.readAllStandardOutput());
        QCOMPARE(p.exitCode(), 130); // 128 + SIGINT, as a shell reports it
        QVERIFY2(out.contains(QStringLiteral("cancelled")), qPrintable(out));
        for (int host = 1; host <= 4; ++host) {
            const QString listing = m_cli.onHost(host, QStringLiteral("ls -A /data/projects/fate 2>/dev/null"));
            QVERIFY2(!listing.contains(QStringLiteral(".fd-staging")), qPrintable(listing));
            for (const QString &folder : listing.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
                if (folder.endsWith(QStringLiteral(".previous")))
                    continue;
                const QString compose = folder == QLatin1String("exchange")
                                            ? QStringLiteral("docker-compose-exchange.yml")
                                            : QStringLiteral("docker-compose.yml");
                QVERIFY2(m_cli.sandbox()
                             .runOnHost(host, QStringLiteral("test -f /data/projects/fate/%1/%2").arg(folder, compose))
                             .ok(),
                         qPrintable(folder));
            }
        }
        teardownAll(project);
    }
};

QTEST_GUILESS_MAIN(TestDeployCli)
#include "tst_deploy_cli.moc"
