// SPDX-License-Identifier: Apache-2.0
// The whole flow on KubeFATE's real 1.1.0 tree (issue 11): render its bundles, deploy them to two
// sandbox hosts (real sshd and dockerd, stand-in FATE images), wait until every container runs and
// pass the toy example. Needs FD_KUBEFATE_SRC (a KubeFATE git dir or checkout) and root; skipped
// otherwise. The tree is extracted by tests/conformance/conformance.sh --extract; nothing of it is
// stored in the repository.
#include "clirun.h"
#include "sandboxids.h"
#include "sandboxproject.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace FateDeployer;
using namespace FateDeployer::Testing;

class TestDeployKubefate : public QObject
{
    Q_OBJECT

    std::unique_ptr<SandboxFixture> m_sb;
    QTemporaryDir m_dir;
    QString m_tree;
    QString m_project;

    CliRun run(const QStringList &args, int timeoutMs = 600000)
    {
        CliOptions options;
        options.historyDir = m_dir.filePath(QStringLiteral("history"));
        options.timeoutMs = timeoutMs;
        return runCli(args + sandboxSshArgs(*m_sb), options);
    }

    QString onHost(int i, const QString &cmd) { return Testing::onHost(*m_sb, i, cmd); }

private slots:
    void initTestCase()
    {
        const QString src = qEnvironmentVariable("FD_KUBEFATE_SRC");
        if (src.isEmpty())
            QSKIP("FD_KUBEFATE_SRC is not set: no KubeFATE repository to take the real 1.1.0 tree from");
        QString why;
        if (!SandboxFixture::canRun(&why))
            QSKIP(qPrintable(why));
        QVERIFY(m_dir.isValid());

        m_tree = m_dir.filePath(QStringLiteral("kubefate-1.1.0"));
        QProcess extract;
        extract.setProcessChannelMode(QProcess::MergedChannels);
        extract.start(QStringLiteral(FD_SOURCE_DIR "/tests/conformance/conformance.sh"),
                      {QStringLiteral("--src"),
                       src,
                       QStringLiteral("--tag"),
                       QStringLiteral("1.1.0"),
                       QStringLiteral("--extract"),
                       m_tree});
        QVERIFY(extract.waitForFinished(300000));
        QVERIFY2(extract.exitCode() == 0, extract.readAll().constData());
        // The real tree, not our stand-in: its fateboard bundle and examples are there.
        QVERIFY(QFileInfo::exists(m_tree + QStringLiteral("/docker-deploy/docker-auto-deploy.sh")));
        QVERIFY(QFileInfo::exists(m_tree
                                  + QStringLiteral("/docker-deploy/docker-example-dir-tree/fateboard/conf/static/"
                                                   "static/js/chunk-libs.469ea413.js")));

        const int id = SandboxFixture::instanceFromEnv("FD_SANDBOX_ID_KUBEFATE", SandboxId::Kubefate);
        m_sb = std::make_unique<SandboxFixture>(id);
        QString error;
        QVERIFY2(m_sb->start(2, &error), qPrintable(error));

        // The seed's layout: party 10000 and the exchange on host 1, party 9999 on host 2.
        m_project = saveProject(
            sandboxProject(*m_sb, QStringLiteral("kubefate-real"), {{10000, 1}, {9999, 2}}, 1, m_tree), m_dir.path());
        QVERIFY(!m_project.isEmpty());
    }

    void cleanupTestCase()
    {
        if (m_sb)
            m_sb->stop();
    }

    void deployRunsAndPassesToyExample()
    {
        CliRun r = run({QStringLiteral("deploy"), m_project, QStringLiteral("--verbose")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all().right(4000)));

        // Every container of both parties and the exchange is running.
        r = run({QStringLiteral("status"), m_project, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        const QJsonArray hosts = QJsonDocument::fromJson(r.out.toUtf8()).object().value(u"hosts").toArray();
        QCOMPARE(hosts.size(), 3);
        for (const QJsonValue &h : hosts) {
            const QJsonArray containers = h[QLatin1String("containers")].toArray();
            QCOMPARE(containers.size(), h[QLatin1String("host")].toString() == QLatin1String("exchange") ? 1 : 9);
            for (const QJsonValue &c : containers)
                QVERIFY2(c[QLatin1String("state")].toString() == QLatin1String("running"),
                         qPrintable(c[QLatin1String("name")].toString()));
        }

        // What the hosts run with are the real files: the route tables with their permission block, the
        // real fateboard bundle, and byte for byte the server_conf.json that the renderer wrote.
        QCOMPARE(onHost(1, QStringLiteral("grep -c default_allow /data/projects/fate/exchange/conf/route_table.json")),
                 QStringLiteral("1"));
        QCOMPARE(onHost(2,
                        QStringLiteral("grep -c default_allow "
                                       "/data/projects/fate/confs-9999/confs/proxy/conf/route_table.json")),
                 QStringLiteral("1"));
        QCOMPARE(
            onHost(2,
                   QStringLiteral("docker exec confs-9999_python_1 cat "
                                  "/data/projects/fate/python/arch/conf/server_conf.json | sha256sum | cut -c1-64")),
            onHost(1,
                   QStringLiteral("sha256sum < /data/projects/fate/confs-10000/confs/federatedml/conf/"
                                  "server_conf.json | cut -c1-64")));
        QVERIFY(m_sb->runOnHost(1,
                                QStringLiteral("test -s /data/projects/fate/confs-10000/confs/fateboard/conf/static/"
                                               "static/js/chunk-libs.469ea413.js"))
                    .ok());

        // The toy example: guest 10000 → its proxy → exchange :9371 → party 9999's proxy → federation.
        r = run({QStringLiteral("verify"), m_project});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        QVERIFY2(r.out.contains(QStringLiteral("10000 → 9999")), qPrintable(r.out));

        r = run({QStringLiteral("teardown"),
                 m_project,
                 QStringLiteral("--level"),
                 QStringLiteral("remove"),
                 QStringLiteral("--yes")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        QCOMPARE(onHost(1, QStringLiteral("docker ps -aq | wc -l")), QStringLiteral("0"));
        QCOMPARE(onHost(2, QStringLiteral("docker ps -aq | wc -l")), QStringLiteral("0"));
    }
};

QTEST_GUILESS_MAIN(TestDeployKubefate)
#include "tst_deploy_kubefate.moc"
