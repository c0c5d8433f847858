// SPDX-License-Identifier: Apache-2.0
// End to end from the window, KubeFATE v1.11.2 (Eggroll): the real MainWindow (offscreen) with the real engine
// backend deploys two parties (party 10000 with its serving bundle on its host) and the exchange on a third
// sandbox host, with the era's stand-in images and the sandbox's Docker Compose plugin. The services' passwords
// are typed into the window (they go to the secret store the engine reads, never to the project); deploy,
// healthy, verify (`flow test toy`) and teardown are the window's own actions.
#include "gui/deploymonitor.h"
#include "gui/deploypage.h"
#include "gui/enginebackend.h"
#include "gui/engineform.h"
#include "gui/imagespage.h"
#include "gui/language.h"
#include "gui/projectdocument.h"
#include "gui/prompter.h"
#include "gui/topologypage.h"
#include "guitest.h"
#include "jobs/plan.h"
#include "monitorrows.h"
#include "sandboxids.h"
#include "sandboxproject.h"
#include "settings/secretstore.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
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

    std::unique_ptr<SandboxFixture> m_sb;
    QTemporaryDir m_tmp;
    WindowFixture f;
    EngineBackend *m_backend = nullptr;
    std::shared_ptr<MemorySecretStore> m_store;
    QString m_lang = QStringLiteral("en");
    QElapsedTimer m_clock;

    int m_hostKeysTrusted = 0;

    /// Clicks "Trust" on every host-key question the engine raised (the window's real dialogs).
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
    QString onHost(int i, const QString &cmd) { return Testing::onHost(*m_sb, i, cmd); }

    /// Not a test: with FD_GUI_SCREENSHOT_DIR set (docs; under xvfb-run with QT_QPA_PLATFORM=xcb) the Topology
    /// and Images pages of the deployed v1.11.2 federation are saved as <page>-v1.11.2-<FD_GUI_SCREENSHOT_LANG>.png.
    void saveScreenshotsIfAsked()
    {
        const QString dir = qEnvironmentVariable("FD_GUI_SCREENSHOT_DIR");
        if (dir.isEmpty())
            return;
        QDir().mkpath(dir);
        const std::pair<MainWindow::Page, const char *> pages[]
            = {{MainWindow::Page::Topology, "topology"}, {MainWindow::Page::Images, "images"}};
        for (const auto &[page, name] : pages) {
            f.window->showPage(page);
            QTest::qWait(300); // layouts and the picture settle
            const QString file
                = QDir(dir).filePath(QStringLiteral("%1-v1.11.2-%2.png").arg(QLatin1String(name), m_lang));
            QVERIFY2(f.window->grab().save(file), qPrintable(file));
        }
    }

private slots:
    void initTestCase()
    {
        QString why;
        if (!SandboxFixture::canRun(&why))
            QSKIP(qPrintable(why));
        m_clock.start();
        QVERIFY(m_tmp.isValid());
        qputenv("FD_HISTORY_DIR", m_tmp.filePath(QStringLiteral("history")).toUtf8());
        const int id = SandboxFixture::instanceFromEnv("FD_SANDBOX_ID_GUI_DEPLOY111", SandboxId::GuiDeploy111);
        m_sb = std::make_unique<SandboxFixture>(id);
        QString error;
        QVERIFY2(m_sb->start(3, &error), qPrintable(error));
        const SandboxFixture::CommandResult plugin = m_sb->runSandbox({QStringLiteral("compose-plugin")});
        QVERIFY2(plugin.ok(), plugin.err.constData());

        // The admin's project: two parties, party 10000's serving on its own host, the exchange on host 3.
        Project p = sandboxProject(*m_sb,
                                   QStringLiteral("gui-v111"),
                                   {{10000, 1}, {9999, 2}},
                                   3,
                                   QStringLiteral(FD_TEST_DATA "/kubefate-1.11.2"));
        p.setKubefateVersion(QStringLiteral("1.11.2"));
        p.images.tag = QStringLiteral("1.11.2-release"); // the era's stand-in images
        p.exchange.enabled = true;
        p.parties[0].servingHost = p.parties[0].host;
        p.verification.timeoutSeconds = 120;
        // Its own known_hosts, empty: every host key is asked for in the window's dialog (and no other file learns
        // the sandbox's keys, which change with every sandbox start).
        p.knownHostsFile = m_tmp.filePath(QStringLiteral("known_hosts"));
        QFile(p.knownHostsFile).open(QIODevice::WriteOnly);
        const QString path = saveProject(p, m_tmp.path());
        QVERIFY(!path.isEmpty());

        if (qEnvironmentVariableIsSet("FD_GUI_SCREENSHOT_LANG"))
            m_lang = qEnvironmentVariable("FD_GUI_SCREENSHOT_LANG");
        QCOMPARE(Language::apply(m_lang), m_lang);
        f.create();
        f.window->resize(1360, 860);
        // One secret store for the window (where passwords are typed) and the engine (where a deploy reads
        // them): the path of the keychain, in memory.
        m_store = std::make_shared<MemorySecretStore>();
        m_backend = new EngineBackend(f.settings.get(), m_store, f.window.get());
        f.window->setDeployBackend(m_backend);
        f.window->setSecretStore(m_store);
        QVERIFY2(f.window->openProject(path), qPrintable(f.window->lastError()));
    }

    void passwordsAreTypedIntoTheWindow()
    {
        f.window->showPage(MainWindow::Page::Topology);
        EngineForm *engine = f.window->topologyPage()->engineForm();
        QVERIFY(engine->isVisible());
        const std::pair<const char *, QString> typed[] = {{"mysqlPassword", MysqlPassword},
                                                          {"fateboardPassword", BoardPassword},
                                                          {"servingAdminPassword", AdminPassword}};
        for (const auto &[name, secret] : typed) {
            auto *edit = engine->findChild<QLineEdit *>(QLatin1String(name));
            QVERIFY(edit && edit->isEnabled());
            edit->setFocus();
            QTest::keyClicks(edit, secret);
            QTest::keyClick(edit, Qt::Key_Return);
        }
        QTRY_COMPARE(m_store->writeCount(), 3);
        QTRY_COMPARE(engine->pendingStores(), 0);
        QVERIFY(!f.window->document()->isDirty()); // the project did not change
    }

    void deployFromTheWindow()
    {
        QAction *deploy = f.window->action(QStringLiteral("actionDeployAll"));
        QVERIFY(deploy && deploy->isEnabled());
        deploy->trigger();
        QVERIFY(f.window->monitor()->isRunning());
        QTRY_VERIFY2_WITH_TIMEOUT(runFinishedOk(), qPrintable(rowsText()), 900000);
        QVERIFY2(m_backend->lastReport().succeeded(), qPrintable(m_backend->lastReport().toText()));
        QVERIFY2(m_hostKeysTrusted >= 3, "every host key was asked for through the window's dialog");
        QVERIFY(QFile(f.window->project().knownHostsFile).size() > 0);

        // Training and serving on host 1 (11 containers), training on host 2, the exchange alone on host 3.
        ContainerModel *containers = f.window->monitor()->containers();
        QCOMPARE(containers->runningCount(m_sb->hostIp(1)), 11);
        QCOMPARE(containers->runningCount(m_sb->hostIp(2)), 7);
        QCOMPARE(onHost(3, QStringLiteral("docker ps --format '{{.Label \"com.docker.compose.project\"}}'")),
                 QStringLiteral("confs-exchange"));
        for (int host : {1, 2})
            QCOMPARE(onHost(host,
                            QStringLiteral("docker inspect -f '{{.State.Health.Status}}' $(docker ps -q --filter "
                                           "label=com.docker.compose.service=fateflow)")),
                     QStringLiteral("healthy"));
        // The typed passwords reached the files that need them on the hosts.
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

        // The Images page lists the era's images per bundle, all present on the hosts now.
        auto *tree = f.window->imagesPage()->findChild<QTreeWidget *>(QStringLiteral("imageTree"));
        QTRY_COMPARE(tree->topLevelItemCount(), 4); // two parties, party 10000's serving, the exchange
        QStringList images;
        for (int i = 0; i < tree->topLevelItemCount(); ++i)
            for (int j = 0; j < tree->topLevelItem(i)->childCount(); ++j) {
                images << tree->topLevelItem(i)->child(j)->text(0);
                QCOMPARE(tree->topLevelItem(i)->child(j)->text(1), ImagesPage::tr("present"));
            }
        QVERIFY2(images.contains(QStringLiteral("federatedai/serving-server:2.1.6-release")),
                 qPrintable(images.join(QLatin1Char('\n'))));
        saveScreenshotsIfAsked();
    }

    void verifyFromTheWindow()
    {
        QSignalSpy verified(f.window->monitor(), &DeployMonitor::verifyFinished);
        f.window->action(QStringLiteral("actionVerify"))->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!verified.isEmpty(), 600000);
        QVERIFY2(verified.first().at(0).toBool(), qPrintable(verified.first().at(2).toString()));
        auto *details = f.window->deployPage()->findChild<QPlainTextEdit *>(QStringLiteral("verifyDetails"));
        QVERIFY(details);
        QVERIFY2(details->toPlainText().contains(QLatin1String("success to calculate secure_sum")),
                 qPrintable(details->toPlainText()));
        // Both FATE checks ran: the one-party smoke test and guest 10000 with host 9999 through the federation.
        const QString summary = verified.first().at(1).toString();
        QVERIFY2(summary.contains(QStringLiteral("10000 → 9999")), qPrintable(summary));
        QTRY_VERIFY(!f.window->monitor()->isRunning());
    }

    void teardownFromTheWindow()
    {
        f.window->action(QStringLiteral("actionTeardown"))->trigger();
        QDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = f.window->findChild<QDialog *>(QStringLiteral("teardownDialog"))) != nullptr);
        const QList<QRadioButton *> levels = dialog->findChildren<QRadioButton *>();
        QCOMPARE(levels.size(), 3);
        levels.at(2)->click(); // remove containers, networks and the deployment folders
        auto *box = dialog->findChild<QDialogButtonBox *>();
        QVERIFY(box);
        QPushButton *go = nullptr;
        for (QAbstractButton *b : box->buttons())
            if (box->buttonRole(b) == QDialogButtonBox::DestructiveRole)
                go = qobject_cast<QPushButton *>(b);
        QVERIFY(go);
        go->click();
        QVERIFY(f.window->monitor()->isRunning());
        QTRY_VERIFY2_WITH_TIMEOUT(runFinishedOk(), qPrintable(rowsText()), 600000);
        for (int host : {1, 2, 3}) {
            QCOMPARE(onHost(host, QStringLiteral("docker ps -aq | wc -l")), QStringLiteral("0"));
            QCOMPARE(onHost(host, QStringLiteral("ls -A /data/projects/fate")), QString());
        }
    }

    void noPasswordOnThisMachine()
    {
        // The project, the history and the bundles the window keeps of the last deployment: markers where the
        // passwords go, never the passwords.
        QStringList leaks;
        bool markerSeen = false;
        for (const QString &root : {m_tmp.path(), f.window->lastRenderDir()}) {
            QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile file(it.next());
                if (!file.open(QIODevice::ReadOnly))
                    continue;
                const QByteArray bytes = file.readAll();
                markerSeen = markerSeen || bytes.contains("@@fd-secret:mysql_password@@");
                for (const QString &secret : {MysqlPassword, BoardPassword, AdminPassword})
                    if (bytes.contains(secret.toUtf8()))
                        leaks << file.fileName();
            }
        }
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1Char('\n'))));
        QVERIFY2(markerSeen, "the scan saw no kept bundle: it would not have seen a password either");
        qInfo("tst_gui_deploy111: %lld s from sandbox start to teardown", m_clock.elapsed() / 1000);
    }

    void cleanupTestCase()
    {
        f.destroy();
        if (m_sb && m_sb->isRunning())
            m_sb->stop();
    }
};

QTEST_MAIN(TestGuiDeploy111)
#include "tst_gui_deploy111.moc"
