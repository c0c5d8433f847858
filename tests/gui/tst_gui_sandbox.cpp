// SPDX-License-Identifier: Apache-2.0
// End to end from the window: the real MainWindow (offscreen) with the real engine backend deploys
// a 2-host sandbox (real sshd, real dockerd, stand-in FATE 1.1 images), verifies it with the toy
// example, shows the run in the History page, and tears it down — all through the window's actions
// and dialogs. Host-key questions are answered by clicking the prompter's dialogs.
#include "gui/deploymonitor.h"
#include "gui/deploypage.h"
#include "gui/enginebackend.h"
#include "gui/historypage.h"
#include "gui/imagespage.h"
#include "gui/language.h"
#include "gui/previewdialog.h"
#include "gui/projectdocument.h"
#include "history/historystore.h"
#include "jobs/plan.h"
#include "sandboxids.h"
#include "sandboxproject.h"
#include "windowsandbox.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QPlainTextEdit>
#include <QProcess>
#include <QSignalSpy>
#include <QTreeWidget>

using namespace FateDeployer;
using namespace FateDeployer::Testing;

class TestGuiSandbox : public QObject
{
    Q_OBJECT

    WindowSandbox m_ws;

    MainWindow *window() const { return m_ws.window(); }
    int containersOn(int host) const { return m_ws.onHost(host, QStringLiteral("docker ps -aq | wc -l")).toInt(); }

private slots:
    void initTestCase()
    {
        QString skip, error;
        if (!m_ws.start("FD_SANDBOX_ID_GUI", SandboxId::Gui, 2, &skip, &error)) {
            if (!skip.isEmpty())
                QSKIP(qPrintable(skip));
            QFAIL(qPrintable(error));
        }
        // The project an admin would write: root with the sandbox key, a fresh known_hosts file (so
        // every host key is asked for), the KubeFATE 1.1.0 templates, the exchange on host 1.
        Project p = sandboxProject(m_ws.sandbox(), QStringLiteral("gui-e2e"), {{9999, 1}, {10000, 2}}, 1);
        p.knownHostsFile = m_ws.freshKnownHosts();
        p.verification.timeoutSeconds = 90;
        m_ws.createWindow();
        QVERIFY(window());
        const QString opened = m_ws.openProject(p);
        QVERIFY2(opened.isEmpty(), qPrintable(opened));
    }

    void deployAllFromTheWindow()
    {
        QAction *deploy = window()->action(QStringLiteral("actionDeployAll"));
        QVERIFY(deploy && deploy->isEnabled());
        deploy->trigger();
        QVERIFY(window()->monitor()->isRunning());
        // Three rows: both parties by address, the exchange (sharing host 1) under its own label.
        QCOMPARE(window()->monitor()->hosts()->rowCount(), 3);
        QTRY_VERIFY2_WITH_TIMEOUT(m_ws.runFinishedOk(), qPrintable(m_ws.rowsText()), 600000);
        QVERIFY2(m_ws.hostKeysTrusted() >= 2, "every host key was asked for through the window's dialog");
        QVERIFY(QFile(window()->project().knownHostsFile).size() > 0);
        QVERIFY2(m_ws.backend()->lastReport().succeeded(), qPrintable(m_ws.backend()->lastReport().toText()));

        // Container table: every party service running on its host, the exchange on host 1.
        ContainerModel *containers = window()->monitor()->containers();
        QVERIFY2(containers->runningCount(m_ws.sandbox().hostIp(1)) >= 9, qPrintable(m_ws.rowsText()));
        QVERIFY(containers->runningCount(m_ws.sandbox().hostIp(2)) >= 9);
        bool exchangeRunning = false;
        for (const ContainerRow &c : containers->containers())
            exchangeRunning |= c.name.contains(QLatin1String("exchange")) && c.state == QLatin1String("running");
        QVERIFY(exchangeRunning);
        // The Images page knows what each host now holds.
        auto *tree = window()->imagesPage()->findChild<QTreeWidget *>(QStringLiteral("imageTree"));
        QVERIFY(tree && tree->topLevelItemCount() == 3);
        auto allPresent = [tree] {
            for (int i = 0; i < tree->topLevelItemCount(); ++i)
                for (int j = 0; j < tree->topLevelItem(i)->childCount(); ++j)
                    if (tree->topLevelItem(i)->child(j)->text(1) != ImagesPage::tr("present"))
                        return false;
            return true;
        };
        QVERIFY(allPresent());
        // ... and keeps it across a language switch (the tree is rebuilt).
        Language::apply(m_ws.language() == QLatin1String("en") ? QStringLiteral("zh_CN") : QStringLiteral("en"));
        QTest::qWait(50); // LanguageChange reaches the pages
        QVERIFY(allPresent());
        Language::apply(m_ws.language());
        QTest::qWait(50);
        QVERIFY(allPresent());
        // Log lines from the hosts reached the merged log.
        QVERIFY(window()->monitor()->log()->rowCount() > 20);
    }

    void lastDeployedBundlesMatchTheHostsAndThePreview()
    {
        // The engine keeps what it deployed (per bundle) where the Render preview compares.
        const QDir last(window()->lastRenderDir());
        const QString baseDir = window()->project().baseDir;
        const std::tuple<int, const char *> files[]
            = {{2, "confs-10000/docker-compose.yml"}, {1, "exchange/docker-compose-exchange.yml"}};
        for (const auto &[host, rel] : files) {
            const QString path = last.filePath(QLatin1String(rel));
            QTRY_VERIFY2(QFile::exists(path), qPrintable(path));
            QFile kept(path);
            QVERIFY(kept.open(QIODevice::ReadOnly));
            const auto onHost
                = m_ws.sandbox().runOnHost(host, QStringLiteral("cat '%1/%2'").arg(baseDir, QLatin1String(rel)));
            QVERIFY2(onHost.ok(), rel);
            QCOMPARE(kept.readAll(), onHost.out);
        }
        QVERIFY(last.exists(QStringLiteral("confs-9999")));

        // The project is unchanged since: the preview reports every bundle unchanged.
        window()->action(QStringLiteral("actionPreview"))->trigger();
        auto *dialog = window()->findChild<PreviewDialog *>(QStringLiteral("previewDialog"));
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isReady(), 120000);
        QCOMPARE(dialog->tree()->topLevelItemCount(), 3);
        for (int b = 0; b < dialog->tree()->topLevelItemCount(); ++b)
            QVERIFY2(dialog->tree()->topLevelItem(b)->text(1) == PreviewDialog::tr("unchanged"),
                     qPrintable(dialog->tree()->topLevelItem(b)->text(0) + QLatin1Char(' ')
                                + dialog->tree()->topLevelItem(b)->text(1)));
        dialog->close();
        dialog->deleteLater();
    }

    void verifyShowsTheSuccessLine()
    {
        // Not a test: with FD_GUI_SCREENSHOT_DIR set, the pages as the deployment left them (before verify changes
        // the Deploy page) for the docs.
        m_ws.saveScreenshotsIfAsked({{MainWindow::Page::Topology, QStringLiteral("topology")},
                                     {MainWindow::Page::Images, QStringLiteral("images")},
                                     {MainWindow::Page::Deploy, QStringLiteral("deploy")}});
        if (QTest::currentTestFailed())
            return;
        QSignalSpy verified(window()->monitor(), &DeployMonitor::verifyFinished);
        window()->action(QStringLiteral("actionVerify"))->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!verified.isEmpty(), 600000);
        QVERIFY2(verified.first().at(0).toBool(), qPrintable(verified.first().at(2).toString()));
        auto *details = window()->deployPage()->findChild<QPlainTextEdit *>(QStringLiteral("verifyDetails"));
        QVERIFY(details);
        QVERIFY2(details->toPlainText().contains(QLatin1String("success to calculate secure_sum")),
                 qPrintable(details->toPlainText()));
        QTRY_VERIFY(!window()->monitor()->isRunning());
    }

    void historyListsTheRunsOfBothFrontEnds()
    {
        // One history: the window's runs and a run of the CLI (the same RunSession, another process)
        // are listed by the History page from the HistoryStore.
        QTRY_VERIFY(m_ws.backend()->lastHistoryId() > 0);
        QCOMPARE(m_ws.backend()->session()->lastReport().id, m_ws.backend()->lastHistoryId());
        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        cli.setProcessEnvironment(env); // FD_HISTORY_DIR: the window's history
        cli.start(QStringLiteral(FD_BIN_DIR "/fate-deployer-cli"),
                  {QStringLiteral("status"),
                   window()->document()->filePath(),
                   QStringLiteral("--party"),
                   QStringLiteral("10000"),
                   QStringLiteral("--ssh-config"),
                   QStringLiteral("none")});
        QVERIFY(cli.waitForFinished(120000));
        QVERIFY2(cli.exitCode() == 0, QByteArray(cli.readAllStandardOutput() + cli.readAllStandardError()).constData());
        HistoryPage *page = window()->historyPage();
        window()->showPage(MainWindow::Page::History); // showing the page reads the store again
        auto listed = [page](const QString &op, const QString &host) {
            for (const HistoryEntry &r : page->runs())
                if (r.ok && r.operation == op && (host.isEmpty() || r.hosts == QStringList{host}))
                    return r.id;
            return qint64(0);
        };
        QTRY_VERIFY(listed(QStringLiteral("status"), QStringLiteral("party-10000")) > 0);
        const qint64 deployId = listed(QStringLiteral("deploy"), {});
        QVERIFY(deployId > 0);
        QVERIFY(page->view()->model()->rowCount() >= 3);
        // "Open log": the stored report with every host's full log (not the view's capped buffer).
        QSignalSpy opened(page, &HistoryPage::logOpened);
        page->openLog(deployId);
        QTRY_COMPARE(opened.size(), 1);
        const QString text = opened.first().at(1).toString();
        QVERIFY2(text.contains(QLatin1String("tar -xzf")) && text.contains(QLatin1String("exchange")),
                 qPrintable(text.left(2000)));
        for (QWidget *w : QApplication::topLevelWidgets())
            if (w->objectName() == QLatin1String("runLogViewer"))
                w->close();
        HistoryStore store;
        const auto runs = store.list();
        QVERIFY2(runs.ok(), qPrintable(runs.error()));
        QStringList ops;
        for (const HistoryEntry &e : runs.value())
            ops.append(e.operation + (e.ok ? QStringLiteral(":ok") : QStringLiteral(":failed")));
        QVERIFY2(ops.contains(QStringLiteral("deploy:ok")) && ops.contains(QStringLiteral("verify:ok")),
                 qPrintable(ops.join(QLatin1Char(' '))));
    }

    void teardownDownFromTheWindow()
    {
        const QString started = m_ws.startTeardown(1); // remove the containers and networks, keep the folders ("down")
        QVERIFY2(started.isEmpty(), qPrintable(started));
        QTRY_VERIFY_WITH_TIMEOUT(m_ws.runFinishedOk(), 600000);
        QCOMPARE(containersOn(1), 0);
        QCOMPARE(containersOn(2), 0);
        // "down" keeps the deployment folder.
        QVERIFY(m_ws.sandbox()
                    .runOnHost(2, QStringLiteral("test -d '%1/confs-10000'").arg(window()->project().baseDir))
                    .ok());
    }

    void unreachableHostFailsThenRetryFailedRunsOnlyIt()
    {
        // Settings feed the engine: a short connect timeout makes the cut link fail fast.
        m_ws.settings()->setConnectTimeoutSeconds(15); // the cut host fails; the others must not on a loaded machine
        QVERIFY(m_ws.sandbox().cut(2));
        window()->action(QStringLiteral("actionPreflight"))->trigger();
        QVERIFY(window()->monitor()->isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(!window()->monitor()->isRunning(), 600000);
        HostRunModel *rows = window()->monitor()->hosts();
        QCOMPARE(rows->failedHosts(), QStringList{m_ws.sandbox().hostIp(2)});
        const HostRun &failed = rows->runs().at(rows->rowOf(m_ws.sandbox().hostIp(2)));
        QCOMPARE(failed.steps.first().state, StepState::State::Failed);
        QVERIFY2(failed.steps.first().message.contains(m_ws.sandbox().hostIp(2)), qPrintable(m_ws.rowsText()));
        QVERIFY(window()->action(QStringLiteral("actionRetryFailed"))->isEnabled());

        QVERIFY(m_ws.sandbox().restore(2));
        window()->action(QStringLiteral("actionRetryFailed"))->trigger();
        QVERIFY(window()->monitor()->isRunning());
        QCOMPARE(rows->rowCount(), 1); // only the failed host runs again
        QTRY_VERIFY2_WITH_TIMEOUT(m_ws.runFinishedOk(), qPrintable(m_ws.rowsText()), 600000);
        QCOMPARE(rows->runs().first().host, m_ws.sandbox().hostIp(2));
    }

    void cancelFromTheWindowStopsTheRun()
    {
        window()->action(QStringLiteral("actionDeployAll"))->trigger();
        QVERIFY(window()->monitor()->isRunning());
        const QString upload = stepKindTitle(StepKind::Upload);
        auto uploadStarted = [this, &upload] {
            m_ws.answerPrompts();
            for (const HostRun &r : window()->monitor()->hosts()->runs())
                for (const StepState &st : r.steps)
                    if (st.name == upload && st.state != StepState::State::Pending)
                        return true;
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(uploadStarted(), 600000);
        QAction *cancel = window()->action(QStringLiteral("actionCancel"));
        QVERIFY(cancel->isEnabled());
        cancel->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!window()->monitor()->isRunning(), 600000);
        QVERIFY(m_ws.backend()->lastReport().cancelled);
        QVERIFY(!window()->monitor()->hosts()->failedHosts().isEmpty());
        QVERIFY(window()->action(QStringLiteral("actionRetryFailed"))->isEnabled());
        // No staging folder is left behind on either host.
        for (int host : {1, 2})
            QCOMPARE(QString::fromUtf8(m_ws.sandbox()
                                           .runOnHost(host,
                                                      QStringLiteral("ls -a '%1' | grep -c fd-staging || true")
                                                          .arg(window()->project().baseDir))
                                           .out)
                         .trimmed(),
                     QStringLiteral("0"));
    }

    void cleanupTestCase() { m_ws.stop(); }
};

QTEST_MAIN(TestGuiSandbox)
#include "tst_gui_sandbox.moc"
