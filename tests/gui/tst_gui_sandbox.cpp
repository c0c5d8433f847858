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
#include "gui/prompter.h"
#include "guitest.h"
#include "history/historystore.h"
#include "jobs/plan.h"
#include "model/projectfile.h"
#include "monitorrows.h"
#include "sandboxids.h"
#include "sandboxproject.h"
#include "settings/secretstore.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTreeWidget>

using namespace FateDeployer;
using namespace FateDeployer::Testing;

class TestGuiSandbox : public QObject
{
    Q_OBJECT

    std::unique_ptr<SandboxFixture> m_sb;
    QTemporaryDir m_tmp;
    WindowFixture f;
    EngineBackend *m_backend = nullptr;
    int m_hostKeysTrusted = 0;
    QString m_lang = QStringLiteral("en");

    /// Clicks "Trust" on every host-key question the engine raised (the test seam: real dialogs).
    void answerPrompts()
    {
        for (QDialog *d : f.window->prompter()->openDialogs()) {
            if (auto *trust = d->findChild<QPushButton *>(QStringLiteral("trustButton"))) {
                trust->click();
                ++m_hostKeysTrusted;
            }
        }
    }

    bool runFinishedOk()
    {
        answerPrompts();
        DeployMonitor *m = f.window->monitor();
        if (m->isRunning() || m->hosts()->runs().isEmpty())
            return false;
        for (const HostRun &r : m->hosts()->runs())
            if (r.overall() != StepState::State::Done)
                return false;
        return true;
    }

    QString rowsText() const { return Testing::monitorRowsText(f.window->monitor()); }

    int containersOn(int host)
    {
        return QString::fromUtf8(m_sb->runOnHost(host, QStringLiteral("docker ps -aq | wc -l")).out).trimmed().toInt();
    }

    /// Not a test (it would skip in every ctest run): with FD_GUI_SCREENSHOT_DIR set (docs; run under
    /// xvfb-run with QT_QPA_PLATFORM=xcb) the Topology, Images and Deploy pages after this real deployment
    /// are saved as <page>-<FD_GUI_SCREENSHOT_LANG>.png (en by default; zh_CN runs it all in Chinese).
    void saveScreenshotsIfAsked()
    {
        const QString dir = qEnvironmentVariable("FD_GUI_SCREENSHOT_DIR");
        if (dir.isEmpty())
            return;
        QDir().mkpath(dir);
        const std::pair<MainWindow::Page, const char *> pages[] = {{MainWindow::Page::Topology, "topology"},
                                                                   {MainWindow::Page::Images, "images"},
                                                                   {MainWindow::Page::Deploy, "deploy"}};
        for (const auto &[page, name] : pages) {
            f.window->showPage(page);
            QTest::qWait(300); // layouts and the picture settle
            const QString file = QDir(dir).filePath(QStringLiteral("%1-%2.png").arg(QLatin1String(name), m_lang));
            QVERIFY2(f.window->grab().save(file), qPrintable(file));
        }
    }

private slots:
    void initTestCase()
    {
        QString why;
        if (!SandboxFixture::canRun(&why))
            QSKIP(qPrintable(why));
        QVERIFY(m_tmp.isValid());
        qputenv("FD_HISTORY_DIR", m_tmp.filePath(QStringLiteral("history")).toUtf8());
        const int id = SandboxFixture::instanceFromEnv("FD_SANDBOX_ID_GUI", SandboxId::Gui);
        m_sb = std::make_unique<SandboxFixture>(id);
        QString error;
        QVERIFY2(m_sb->start(2, &error), qPrintable(error));

        // The project an admin would write: root with the sandbox key, a fresh known_hosts file (so
        // every host key is asked for), the KubeFATE 1.1.0 templates, the exchange on host 1.
        Project p = sandboxProject(*m_sb, QStringLiteral("gui-e2e"), {{9999, 1}, {10000, 2}}, 1);
        p.knownHostsFile = m_tmp.filePath(QStringLiteral("known_hosts"));
        QFile(p.knownHostsFile).open(QIODevice::WriteOnly);
        p.verification.timeoutSeconds = 90;
        const QString path = saveProject(p, m_tmp.path());
        QVERIFY(!path.isEmpty());

        if (qEnvironmentVariableIsSet("FD_GUI_SCREENSHOT_LANG"))
            m_lang = qEnvironmentVariable("FD_GUI_SCREENSHOT_LANG");
        QCOMPARE(Language::apply(m_lang), m_lang);
        f.create();
        f.window->resize(1360, 860);
        m_backend = new EngineBackend(f.settings.get(), std::make_shared<MemorySecretStore>(), f.window.get());
        f.window->setDeployBackend(m_backend);
        QVERIFY2(f.window->openProject(path), qPrintable(f.window->lastError()));
    }

    void deployAllFromTheWindow()
    {
        QAction *deploy = f.window->action(QStringLiteral("actionDeployAll"));
        QVERIFY(deploy && deploy->isEnabled());
        deploy->trigger();
        QVERIFY(f.window->monitor()->isRunning());
        // Three rows: both parties by address, the exchange (sharing host 1) under its own label.
        QCOMPARE(f.window->monitor()->hosts()->rowCount(), 3);
        QTRY_VERIFY2_WITH_TIMEOUT(runFinishedOk(), qPrintable(rowsText()), 600000);
        QVERIFY2(m_hostKeysTrusted >= 2, "every host key was asked for through the window's dialog");
        QVERIFY(QFile(f.window->project().knownHostsFile).size() > 0);
        QVERIFY2(m_backend->lastReport().succeeded(), qPrintable(m_backend->lastReport().toText()));

        // Container table: every party service running on its host, the exchange on host 1.
        ContainerModel *containers = f.window->monitor()->containers();
        QVERIFY2(containers->runningCount(m_sb->hostIp(1)) >= 9, qPrintable(rowsText()));
        QVERIFY(containers->runningCount(m_sb->hostIp(2)) >= 9);
        bool exchangeRunning = false;
        for (const ContainerRow &c : containers->containers())
            exchangeRunning |= c.name.contains(QLatin1String("exchange")) && c.state == QLatin1String("running");
        QVERIFY(exchangeRunning);
        // The Images page knows what each host now holds.
        auto *tree = f.window->imagesPage()->findChild<QTreeWidget *>(QStringLiteral("imageTree"));
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
        Language::apply(m_lang == QLatin1String("en") ? QStringLiteral("zh_CN") : QStringLiteral("en"));
        QTest::qWait(50); // LanguageChange reaches the pages
        QVERIFY(allPresent());
        Language::apply(m_lang);
        QTest::qWait(50);
        QVERIFY(allPresent());
        // Log lines from the hosts reached the merged log.
        QVERIFY(f.window->monitor()->log()->rowCount() > 20);
    }

    void lastDeployedBundlesMatchTheHostsAndThePreview()
    {
        // The engine keeps what it deployed (per bundle) where the Render preview compares.
        const QDir last(f.window->lastRenderDir());
        const QString baseDir = f.window->project().baseDir;
        const std::tuple<int, const char *> files[]
            = {{2, "confs-10000/docker-compose.yml"}, {1, "exchange/docker-compose-exchange.yml"}};
        for (const auto &[host, rel] : files) {
            const QString path = last.filePath(QLatin1String(rel));
            QTRY_VERIFY2(QFile::exists(path), qPrintable(path));
            QFile kept(path);
            QVERIFY(kept.open(QIODevice::ReadOnly));
            const auto onHost = m_sb->runOnHost(host, QStringLiteral("cat '%1/%2'").arg(baseDir, QLatin1String(rel)));
            QVERIFY2(onHost.ok(), rel);
            QCOMPARE(kept.readAll(), onHost.out);
        }
        QVERIFY(last.exists(QStringLiteral("confs-9999")));

        // The project is unchanged since: the preview reports every bundle unchanged.
        f.window->action(QStringLiteral("actionPreview"))->trigger();
        auto *dialog = f.window->findChild<PreviewDialog *>(QStringLiteral("previewDialog"));
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
        saveScreenshotsIfAsked(); // the pages as the deployment left them, before verify changes the Deploy page
        if (QTest::currentTestFailed())
            return;
        QSignalSpy verified(f.window->monitor(), &DeployMonitor::verifyFinished);
        f.window->action(QStringLiteral("actionVerify"))->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!verified.isEmpty(), 600000);
        QVERIFY2(verified.first().at(0).toBool(), qPrintable(verified.first().at(2).toString()));
        auto *details = f.window->deployPage()->findChild<QPlainTextEdit *>(QStringLiteral("verifyDetails"));
        QVERIFY(details);
        QVERIFY2(details->toPlainText().contains(QLatin1String("success to calculate secure_sum")),
                 qPrintable(details->toPlainText()));
        QTRY_VERIFY(!f.window->monitor()->isRunning());
    }

    void historyListsTheRunsOfBothFrontEnds()
    {
        // One history: the window's runs and a run of the CLI (the same RunSession, another process)
        // are listed by the History page from the HistoryStore.
        QTRY_VERIFY(m_backend->lastHistoryId() > 0);
        QCOMPARE(m_backend->session()->lastReport().id, m_backend->lastHistoryId());
        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        cli.setProcessEnvironment(env); // FD_HISTORY_DIR: the window's history
        cli.start(QStringLiteral(FD_BIN_DIR "/fate-deployer-cli"),
                  {QStringLiteral("status"),
                   f.window->document()->filePath(),
                   QStringLiteral("--party"),
                   QStringLiteral("10000"),
                   QStringLiteral("--ssh-config"),
                   QStringLiteral("none")});
        QVERIFY(cli.waitForFinished(120000));
        QVERIFY2(cli.exitCode() == 0, QByteArray(cli.readAllStandardOutput() + cli.readAllStandardError()).constData());
        HistoryPage *page = f.window->historyPage();
        f.window->showPage(MainWindow::Page::History); // showing the page reads the store again
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
        f.window->action(QStringLiteral("actionTeardown"))->trigger();
        QDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = f.window->findChild<QDialog *>(QStringLiteral("teardownDialog"))) != nullptr);
        const QList<QRadioButton *> levels = dialog->findChildren<QRadioButton *>();
        QCOMPARE(levels.size(), 3);
        levels.at(1)->click(); // remove the containers and networks, keep the folders ("down")
        QPushButton *go = nullptr;
        auto *box = dialog->findChild<QDialogButtonBox *>();
        QVERIFY(box);
        for (QAbstractButton *b : box->buttons())
            if (box->buttonRole(b) == QDialogButtonBox::DestructiveRole)
                go = qobject_cast<QPushButton *>(b);
        QVERIFY(go);
        go->click();
        QVERIFY(f.window->monitor()->isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(runFinishedOk(), 600000);
        QCOMPARE(containersOn(1), 0);
        QCOMPARE(containersOn(2), 0);
        // "down" keeps the deployment folder.
        QVERIFY(m_sb->runOnHost(2, QStringLiteral("test -d '%1/confs-10000'").arg(f.window->project().baseDir)).ok());
    }

    void unreachableHostFailsThenRetryFailedRunsOnlyIt()
    {
        // Settings feed the engine: a short connect timeout makes the cut link fail fast.
        f.settings->setConnectTimeoutSeconds(15); // the cut host fails; the others must not on a loaded machine
        QVERIFY(m_sb->cut(2));
        f.window->action(QStringLiteral("actionPreflight"))->trigger();
        QVERIFY(f.window->monitor()->isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(!f.window->monitor()->isRunning(), 600000);
        HostRunModel *rows = f.window->monitor()->hosts();
        QCOMPARE(rows->failedHosts(), QStringList{m_sb->hostIp(2)});
        const HostRun &failed = rows->runs().at(rows->rowOf(m_sb->hostIp(2)));
        QCOMPARE(failed.steps.first().state, StepState::State::Failed);
        QVERIFY2(failed.steps.first().message.contains(m_sb->hostIp(2)), qPrintable(rowsText()));
        QVERIFY(f.window->action(QStringLiteral("actionRetryFailed"))->isEnabled());

        QVERIFY(m_sb->restore(2));
        f.window->action(QStringLiteral("actionRetryFailed"))->trigger();
        QVERIFY(f.window->monitor()->isRunning());
        QCOMPARE(rows->rowCount(), 1); // only the failed host runs again
        QTRY_VERIFY2_WITH_TIMEOUT(runFinishedOk(), qPrintable(rowsText()), 600000);
        QCOMPARE(rows->runs().first().host, m_sb->hostIp(2));
    }

    void cancelFromTheWindowStopsTheRun()
    {
        f.window->action(QStringLiteral("actionDeployAll"))->trigger();
        QVERIFY(f.window->monitor()->isRunning());
        const QString upload = stepKindTitle(StepKind::Upload);
        auto uploadStarted = [this, &upload] {
            answerPrompts();
            for (const HostRun &r : f.window->monitor()->hosts()->runs())
                for (const StepState &st : r.steps)
                    if (st.name == upload && st.state != StepState::State::Pending)
                        return true;
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(uploadStarted(), 600000);
        QAction *cancel = f.window->action(QStringLiteral("actionCancel"));
        QVERIFY(cancel->isEnabled());
        cancel->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!f.window->monitor()->isRunning(), 600000);
        QVERIFY(m_backend->lastReport().cancelled);
        QVERIFY(!f.window->monitor()->hosts()->failedHosts().isEmpty());
        QVERIFY(f.window->action(QStringLiteral("actionRetryFailed"))->isEnabled());
        // No staging folder is left behind on either host.
        for (int host : {1, 2})
            QCOMPARE(QString::fromUtf8(m_sb->runOnHost(host,
                                                       QStringLiteral("ls -a '%1' | grep -c fd-staging || true")
                                                           .arg(f.window->project().baseDir))
                                           .out)
                         .trimmed(),
                     QStringLiteral("0"));
    }

    void cleanupTestCase()
    {
        f.destroy();
        if (m_sb && m_sb->isRunning())
            m_sb->stop();
    }
};

QTEST_MAIN(TestGuiSandbox)
#include "tst_gui_sandbox.moc"
