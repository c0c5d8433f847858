// SPDX-License-Identifier: Apache-2.0
// The Deploy menu and page against a scripted back end (the engine adapter's contract): host
// rows, failure with its reason, retry of only the failed hosts, verify, status, teardown,
// history. The end-to-end run against real hosts is tst_gui_sandbox.
#include "guitest.h"

#include "gui/deploymonitor.h"
#include "gui/deploypage.h"
#include "gui/historypage.h"
#include "gui/hoststatus.h"
#include "gui/previewdialog.h"
#include "gui/projectdocument.h"
#include "gui/topologypage.h"
#include "model/projectfile.h"
#include "render/bundlewriter.h"
#include "render/renderer.h"
#include "scriptedbackend.h"
#include "templates/templatesource.h"

#include <QTreeWidget>

#include <QComboBox>
#include <QDialog>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>

using namespace FateDeployer;

class TestGuiDeploy : public QObject
{
    Q_OBJECT

private:
    Testing::WindowFixture f;
    std::unique_ptr<Testing::ScriptedBackend> backend;

private slots:
    void init()
    {
        f.create();
        backend = std::make_unique<Testing::ScriptedBackend>();
        QVERIFY(f.window->openProject(f.examplePath()));
    }
    void cleanup()
    {
        f.destroy();
        backend.reset();
    }

    void deployIsDisabledWithoutAnEngine()
    {
        QVERIFY(!f.window->action(QStringLiteral("actionDeployAll"))->isEnabled());
        f.window->setDeployBackend(backend.get());
        QVERIFY(f.window->action(QStringLiteral("actionDeployAll"))->isEnabled());
        QVERIFY(!f.window->action(QStringLiteral("actionCancel"))->isEnabled());
    }

    void deployAllRunsEveryHostToTheEnd()
    {
        f.window->setDeployBackend(backend.get());
        f.window->action(QStringLiteral("actionDeployAll"))->trigger();
        QCOMPARE(f.window->currentPage(), MainWindow::Page::Deploy);
        QVERIFY(f.window->action(QStringLiteral("actionCancel"))->isEnabled());
        QVERIFY(!f.window->action(QStringLiteral("actionDeployAll"))->isEnabled());
        HostRunModel *rows = f.window->monitor()->hosts();
        QCOMPARE(rows->rowCount(), 2); // the exchange shares 192.168.7.1 with party 10000
        QTRY_VERIFY(!f.window->monitor()->isRunning());
        for (const HostRun &run : rows->runs()) {
            QCOMPARE(run.overall(), StepState::State::Done);
            QCOMPARE(run.steps.size(), 3);
            for (const StepState &s : run.steps)
                QVERIFY(s.finishedMs >= s.startedMs);
        }
        QCOMPARE(f.window->statusBoard()->state(QStringLiteral("192.168.7.2")), HostStatusBoard::State::Ok);
        // Output from the job thread reached the log, for both hosts.
        QTRY_VERIFY(f.window->monitor()->log()->hosts().size() == 2);
        // The History page lists the run from the HistoryStore, with its full log.
        HistoryPage *history = f.window->historyPage();
        QTRY_COMPARE(history->runs().size(), 1);
        const HistoryEntry run = history->runs().first();
        QVERIFY(run.ok);
        QCOMPARE(run.operation, QStringLiteral("deploy"));
        QSignalSpy opened(history, &HistoryPage::logOpened);
        history->openLog(run.id);
        QTRY_COMPARE(opened.size(), 1);
        QVERIFY2(opened.first().at(1).toString().contains(QLatin1String("Start containers: output 19")),
                 qPrintable(opened.first().at(1).toString()));
        for (QWidget *w : QApplication::topLevelWidgets())
            if (w->objectName() == QLatin1String("runLogViewer"))
                w->close();
    }

    void aFailedHostShowsWhyAndRetryTakesOnlyIt()
    {
        backend->failHost = QStringLiteral("192.168.7.2");
        f.window->setDeployBackend(backend.get());
        f.window->action(QStringLiteral("actionDeployAll"))->trigger();
        QTRY_VERIFY(!f.window->monitor()->isRunning());
        HostRunModel *rows = f.window->monitor()->hosts();
        QCOMPARE(rows->failedHosts(), QStringList{QStringLiteral("192.168.7.2")});
        const int row = rows->rowOf(QStringLiteral("192.168.7.2"));
        const QString status = rows->index(row, HostRunModel::StatusColumn).data().toString();
        QVERIFY2(status.contains(QLatin1String("Start containers")) && status.contains(QLatin1String("9370")),
                 qPrintable(status));
        QCOMPARE(rows->runs().at(rows->rowOf(QStringLiteral("192.168.7.1"))).overall(), StepState::State::Done);
        QCOMPARE(f.window->statusBoard()->state(QStringLiteral("192.168.7.2")), HostStatusBoard::State::Failed);
        QTRY_VERIFY(!f.window->historyPage()->runs().isEmpty());
        QVERIFY(!f.window->historyPage()->runs().first().ok);
        QCOMPARE(f.window->historyPage()->runs().first().failedHosts, QStringList{QStringLiteral("192.168.7.2")});

        auto *retry = f.window->deployPage()->findChild<QPushButton *>(QStringLiteral("retryButton"));
        QVERIFY(retry->isEnabled());
        QVERIFY(f.window->action(QStringLiteral("actionRetryFailed"))->isEnabled());
        QTest::mouseClick(retry, Qt::LeftButton);
        QCOMPARE(backend->retriedHosts, QStringList{QStringLiteral("192.168.7.2")});
        QTRY_VERIFY(!f.window->monitor()->isRunning());
        QCOMPARE(rows->rowCount(), 1);
        QVERIFY(rows->failedHosts().isEmpty());
        QVERIFY(!retry->isEnabled());
    }

    void cancelStopsTheRun()
    {
        f.window->setDeployBackend(backend.get());
        f.window->action(QStringLiteral("actionDeployAll"))->trigger();
        QVERIFY(f.window->monitor()->isRunning());
        f.window->action(QStringLiteral("actionCancel"))->trigger();
        QVERIFY(backend->cancelled);
        QVERIFY(!f.window->monitor()->isRunning());
        // The step that was running ends as failed ("cancelled"), so Retry can pick it up.
        QVERIFY(!f.window->monitor()->hosts()->failedHosts().isEmpty());
    }

    void verifyStatusAndTeardown()
    {
        f.window->setDeployBackend(backend.get());
        DeployPage *page = f.window->deployPage();
        auto *guest = page->findChild<QComboBox *>(QStringLiteral("guestCombo"));
        auto *host = page->findChild<QComboBox *>(QStringLiteral("hostPartyCombo"));
        QCOMPARE(guest->currentData().toInt(), 10000);
        QCOMPARE(host->currentData().toInt(), 9999);
        host->setCurrentIndex(host->findData(10000));
        QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("verifyButton")), Qt::LeftButton);
        QCOMPARE(backend->verifyGuest, 10000);
        QCOMPARE(backend->verifyHost, 10000);
        auto *result = page->findChild<QLabel *>(QStringLiteral("verifyResult"));
        QTRY_VERIFY(result->text().contains(QLatin1String("passed")));

        f.window->action(QStringLiteral("actionRefreshStatus"))->trigger();
        QCOMPARE(f.window->monitor()->containers()->rowCount(), 4);
        QCOMPARE(f.window->monitor()->containers()->runningCount(QStringLiteral("192.168.7.1")), 2);

        f.window->action(QStringLiteral("actionTeardown"))->trigger();
        auto *dialog = f.window->findChild<QDialog *>(QStringLiteral("teardownDialog"));
        QVERIFY(dialog && dialog->isVisible());
        QList<QRadioButton *> levels = dialog->findChildren<QRadioButton *>();
        QCOMPARE(levels.size(), 3);
        QVERIFY(levels.first()->isChecked()); // the least destructive choice is the default
        levels.last()->setChecked(true);
        QPushButton *go = nullptr;
        for (QPushButton *b : dialog->findChildren<QPushButton *>()) {
            if (!b->isDefault() && b->text().contains(QLatin1String("Delete")))
                go = b;
        }
        QVERIFY(go);
        QTest::mouseClick(go, Qt::LeftButton);
        QCOMPARE(backend->lastTeardown, int(DeployBackend::TeardownLevel::RemoveEverything));
    }

    void deploySelectedPartiesPassesTheSelection()
    {
        f.window->setDeployBackend(backend.get());
        f.window->topologyPage()->selectRow(1);
        QVERIFY(f.window->action(QStringLiteral("actionDeploySelected"))->isEnabled());
        f.window->action(QStringLiteral("actionDeploySelected"))->trigger();
        QCOMPARE(backend->lastPartyIds, QList<int>{9999});
        QTRY_VERIFY(!f.window->monitor()->isRunning());
    }

    void renderPreviewShowsWhatChangedSinceTheLastDeployment()
    {
        // The project as deployed last time, kept the way the engine keeps it.
        Project deployed = f.window->project();
        deployed.templates.kind = TemplateSource::Kind::Folder;
        deployed.templates.location = QStringLiteral(FD_TEST_DATA "/kubefate-1.1.0");
        const QString path = f.dir.filePath(QStringLiteral("preview.fdproj"));
        QVERIFY(ProjectFile::save(deployed, path));
        QVERIFY(f.window->openProject(path));
        Result<TemplateTree> tree = TemplateSources::open(deployed.templates);
        QVERIFY2(tree.ok(), qPrintable(tree.error()));
        Result<RenderOutput> before = Renderer::render(deployed, tree.value());
        QVERIFY2(before.ok(), qPrintable(before.error()));
        QVERIFY(BundleWriter::writeTree(before.value(), f.window->lastRenderDir()));

        // Now party 9999 moves to another host.
        f.window->document()->edit(QStringLiteral("move"),
                                   [](Project &p) { p.parties[1].host = QStringLiteral("192.168.7.3"); });
        f.window->action(QStringLiteral("actionPreview"))->trigger();
        auto *dialog = f.window->findChild<PreviewDialog *>(QStringLiteral("previewDialog"));
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isReady(), 30000);
        QVERIFY2(dialog->tree()->topLevelItemCount() == 3, qPrintable(dialog->statusText())); // 2 parties + exchange
        QVERIFY(dialog->statusText().contains(QLatin1String("differ")));
        // Some file of party 10000 names the other party's host: it must show the change.
        bool sawChange = false;
        for (int b = 0; b < dialog->tree()->topLevelItemCount(); ++b) {
            QTreeWidgetItem *bundle = dialog->tree()->topLevelItem(b);
            for (int i = 0; i < bundle->childCount(); ++i) {
                QTreeWidgetItem *file = bundle->child(i);
                if (file->text(1).isEmpty() || file->text(1) == QLatin1String("removed"))
                    continue;
                QVERIFY(
                    dialog->showFile(bundle->data(0, Qt::UserRole).toString(), file->data(0, Qt::UserRole).toString()));
                if (dialog->diffText().contains(QLatin1String("+"))
                    && dialog->diffText().contains(QLatin1String("192.168.7.3")))
                    sawChange = true;
            }
        }
        QVERIFY(sawChange);
        dialog->close();
    }
};

QTEST_MAIN(TestGuiDeploy)
#include "tst_gui_deploy.moc"
