// SPDX-License-Identifier: Apache-2.0
// End to end from the window, KubeFATE v1.11.2 (Eggroll): the real MainWindow (offscreen) with the real engine
// backend deploys two parties (party 10000 with its serving bundle on its host) and the exchange on a third
// sandbox host, with the era's stand-in images and the sandbox's Docker Compose plugin. The services' passwords
// are typed into the window (they go to the secret store the engine reads, never to the project); deploy,
// healthy, verify (`flow test toy`) and teardown are the window's own actions.
#include "gui/deploymonitor.h"
#include "gui/deploypage.h"
#include "gui/enginebackend.h"
#include "gui/imagespage.h"
#include "gui/projectdocument.h"
#include "sandboxids.h"
#include "sandboxproject.h"
#include "secretscan.h"
#include "windowsandbox.h"

#include <QAction>
#include <QElapsedTimer>
#include <QFile>
#include <QPlainTextEdit>
#include <QTreeWidget>

using namespace FateDeployer;
using namespace FateDeployer::Testing;

namespace {
const QString MysqlPassword = QStringLiteral("Gui-sql-4b7d1e");
const QString BoardPassword = QStringLiteral("Gui-board-93c0aa");
const QString AdminPassword = QStringLiteral("Gui-admin-1f6e52");
} // namespace

class TestGuiDeploy111 : public QObject
{
    Q_OBJECT

    WindowSandbox m_ws;
    QElapsedTimer m_clock;

    MainWindow *window() const { return m_ws.window(); }
    QString onHost(int i, const QString &cmd) const { return m_ws.onHost(i, cmd); }

private slots:
    void initTestCase()
    {
        m_clock.start();
        QString skip, error;
        if (!m_ws.start("FD_SANDBOX_ID_GUI_DEPLOY111", SandboxId::GuiDeploy111, 3, &skip, &error, true)) {
            QVERIFY2(skip.isEmpty(), qPrintable(error));
            QSKIP(qPrintable(skip));
        }

        // The admin's project: two parties, party 10000's serving on its own host, the exchange on host 3; every
        // host key is asked for in the window's dialog.
        Project p = sandboxProjectV111(m_ws.sandbox(), QStringLiteral("gui-v111"));
        p.knownHostsFile = m_ws.freshKnownHosts();
        m_ws.createWindow();
        QVERIFY(window());
        const QString opened = m_ws.openProject(p);
        QVERIFY2(opened.isEmpty(), qPrintable(opened));
    }

    void passwordsAreTypedIntoTheWindow()
    {
        const QString typed = m_ws.typeEngineSecrets({{QStringLiteral("mysqlPassword"), MysqlPassword},
                                                      {QStringLiteral("fateboardPassword"), BoardPassword},
                                                      {QStringLiteral("servingAdminPassword"), AdminPassword}});
        QVERIFY2(typed.isEmpty(), qPrintable(typed));
        QCOMPARE(m_ws.secrets()->writeCount(), 3);
        QVERIFY(!window()->document()->isDirty()); // the project did not change
    }

    void deployFromTheWindow()
    {
        QAction *deploy = window()->action(QStringLiteral("actionDeployAll"));
        QVERIFY(deploy && deploy->isEnabled());
        deploy->trigger();
        QVERIFY(window()->monitor()->isRunning());
        QTRY_VERIFY2_WITH_TIMEOUT(m_ws.runFinishedOk(), qPrintable(m_ws.rowsText()), 900000);
        QVERIFY2(m_ws.backend()->lastReport().succeeded(), qPrintable(m_ws.backend()->lastReport().toText()));
        QVERIFY2(m_ws.hostKeysTrusted() >= 3, "every host key was asked for through the window's dialog");
        QVERIFY(QFile(window()->project().knownHostsFile).size() > 0);

        // Training and serving on host 1 (11 containers), training on host 2, the exchange alone on host 3.
        ContainerModel *containers = window()->monitor()->containers();
        QCOMPARE(containers->runningCount(m_ws.sandbox().hostIp(1)), 11);
        QCOMPARE(containers->runningCount(m_ws.sandbox().hostIp(2)), 7);
        QCOMPARE(onHost(3, QStringLiteral("docker ps --format '{{.Label \"com.docker.compose.project\"}}'")),
                 QStringLiteral("confs-exchange"));
        for (int host : {1, 2})
            QCOMPARE(onHost(host,
                            QStringLiteral("docker inspect -f '{{.State.Health.Status}}' $(docker ps -q --filter "
                                           "label=com.docker.compose.service=fateflow)")),
                     QStringLiteral("healthy"));
        // The typed passwords reached the files that need them on the hosts.
        QVERIFY(m_ws.sandbox()
                    .runOnHost(1,
                               QStringLiteral("grep -q %1 /data/projects/fate/confs-10000/confs/fate_flow/conf/"
                                              "service_conf.yaml")
                                   .arg(MysqlPassword))
                    .ok());
        QVERIFY(
            m_ws.sandbox()
                .runOnHost(
                    2, QStringLiteral("grep -rq %1 /data/projects/fate/confs-9999/confs/fateboard").arg(BoardPassword))
                .ok());
        QVERIFY(m_ws.sandbox()
                    .runOnHost(1, QStringLiteral("grep -rq %1 /data/projects/fate/serving-10000").arg(AdminPassword))
                    .ok());

        // The Images page lists the era's images per bundle, all present on the hosts now.
        auto *tree = window()->imagesPage()->findChild<QTreeWidget *>(QStringLiteral("imageTree"));
        QTRY_COMPARE(tree->topLevelItemCount(), 4); // two parties, party 10000's serving, the exchange
        QStringList images;
        for (int i = 0; i < tree->topLevelItemCount(); ++i)
            for (int j = 0; j < tree->topLevelItem(i)->childCount(); ++j) {
                images << tree->topLevelItem(i)->child(j)->text(0);
                QCOMPARE(tree->topLevelItem(i)->child(j)->text(1), ImagesPage::tr("present"));
            }
        QVERIFY2(images.contains(QStringLiteral("federatedai/serving-server:2.1.6-release")),
                 qPrintable(images.join(QLatin1Char('\n'))));
        // Not a test: with FD_GUI_SCREENSHOT_DIR set, the pages of the deployed federation for the docs.
        m_ws.saveScreenshotsIfAsked({{MainWindow::Page::Topology, QStringLiteral("topology")},
                                     {MainWindow::Page::Images, QStringLiteral("images")}},
                                    QStringLiteral("-v1.11.2"));
    }

    void verifyFromTheWindow()
    {
        const WindowSandbox::Verified verified = m_ws.verifyFromWindow();
        QVERIFY(verified.finished);
        QVERIFY2(verified.ok, qPrintable(verified.details));
        auto *details = window()->deployPage()->findChild<QPlainTextEdit *>(QStringLiteral("verifyDetails"));
        QVERIFY(details);
        QVERIFY2(details->toPlainText().contains(QLatin1String("success to calculate secure_sum")),
                 qPrintable(details->toPlainText()));
        // Both FATE checks ran: the one-party smoke test and guest 10000 with host 9999 through the federation.
        QVERIFY2(verified.summary.contains(QStringLiteral("10000 → 9999")), qPrintable(verified.summary));
        QTRY_VERIFY(!window()->monitor()->isRunning());
    }

    void teardownFromTheWindow()
    {
        const QString started = m_ws.startTeardown(2); // remove containers, networks and the deployment folders
        QVERIFY2(started.isEmpty(), qPrintable(started));
        QTRY_VERIFY2_WITH_TIMEOUT(m_ws.runFinishedOk(), qPrintable(m_ws.rowsText()), 600000);
        for (int host : {1, 2, 3}) {
            QCOMPARE(onHost(host, QStringLiteral("docker ps -aq | wc -l")), QStringLiteral("0"));
            QCOMPARE(onHost(host, QStringLiteral("ls -A /data/projects/fate")), QString());
        }
    }

    void noPasswordOnThisMachine()
    {
        // The project, the history and the bundles the window keeps of the last deployment: markers where the
        // passwords go, never the passwords.
        bool markerSeen = false;
        const QStringList leaks = filesHolding({m_ws.path(QString()), window()->lastRenderDir()},
                                               {MysqlPassword, BoardPassword, AdminPassword},
                                               "@@fd-secret:mysql_password@@",
                                               &markerSeen);
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1Char('\n'))));
        QVERIFY2(markerSeen, "the scan saw no kept bundle: it would not have seen a password either");
        qInfo("tst_gui_deploy111: %lld s from sandbox start to teardown", m_clock.elapsed() / 1000);
    }

    void cleanupTestCase() { m_ws.stop(); }
};

QTEST_MAIN(TestGuiDeploy111)
#include "tst_gui_deploy111.moc"
