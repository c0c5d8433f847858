// SPDX-License-Identifier: Apache-2.0
// Day two from the window on real hosts (issue 16): the real MainWindow (offscreen) with the real engine backend
// on a 2-host sandbox (stand-in FATE 1.1 images) drives the Day-two dialog: the connectivity matrix before the
// deploy with the exchange's port blocked, the toy grid with a party's proxy port blocked, drift after a file was
// edited by hand on a host, and rollback of that host to its previous bundle (asked first).
#include "gui/daytwodialog.h"
#include "gui/deploymonitor.h"
#include "gui/enginebackend.h"
#include "guitest.h"
#include "sandboxids.h"
#include "sandboxproject.h"
#include "settings/secretstore.h"

#include <QAction>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>

using namespace FateDeployer;
using namespace FateDeployer::Testing;

class TestGuiDayTwoSandbox : public QObject
{
    Q_OBJECT

    std::unique_ptr<SandboxFixture> m_sb;
    QTemporaryDir m_tmp;
    WindowFixture f;
    EngineBackend *m_backend = nullptr;

    DayTwoDialog *dialog() { return f.window->findChild<DayTwoDialog *>(QStringLiteral("dayTwoDialog")); }

    /// The cell's result id (Qt::UserRole) at row/column headers that contain @p row / @p column.
    static QString cell(QTableWidget *t, const QString &row, const QString &column, int role = Qt::UserRole)
    {
        for (int r = 0; r < t->rowCount(); ++r)
            for (int c = 0; c < t->columnCount(); ++c)
                if (t->verticalHeaderItem(r)->text().contains(row)
                    && t->horizontalHeaderItem(c)->text().contains(column))
                    return t->item(r, c) ? t->item(r, c)->data(role).toString() : QString();
        return QStringLiteral("(no such cell)");
    }

    bool block(int host, int port)
    {
        return m_sb->runSandbox({QStringLiteral("block"), QString::number(host), QString::number(port)}).ok();
    }
    bool unblock(int host, int port)
    {
        return m_sb->runSandbox({QStringLiteral("unblock"), QString::number(host), QString::number(port)}).ok();
    }

    /// Triggers @p action and waits until its run ended; the run's ok flag.
    bool runAction(const QString &action)
    {
        QSignalSpy finished(f.window->monitor(), &DeployMonitor::runFinished);
        f.window->action(action)->trigger();
        if (!finished.wait(900000) && finished.isEmpty())
            return false;
        return finished.first().at(0).toBool();
    }

private slots:
    void initTestCase()
    {
        QString why;
        if (!SandboxFixture::canRun(&why))
            QSKIP(qPrintable(why));
        QVERIFY(m_tmp.isValid());
        qputenv("FD_HISTORY_DIR", m_tmp.filePath(QStringLiteral("history")).toUtf8());
        m_sb = std::make_unique<SandboxFixture>(
            SandboxFixture::instanceFromEnv("FD_SANDBOX_ID_GUI_DAYTWO", SandboxId::GuiDayTwo));
        QString error;
        QVERIFY2(m_sb->start(2, &error), qPrintable(error));
        Project p = sandboxProject(*m_sb, QStringLiteral("gui-daytwo"), {{10000, 1}, {9999, 2}}, 1);
        p.knownHostsFile = m_sb->knownHostsPath(); // the sandbox's keys: no host-key questions here
        p.verification.timeoutSeconds = 60;
        const QString path = saveProject(p, m_tmp.path());
        QVERIFY(!path.isEmpty());
        f.create();
        m_backend = new EngineBackend(f.settings.get(), std::make_shared<MemorySecretStore>(), f.window.get());
        f.window->setDeployBackend(m_backend);
        QVERIFY2(f.window->openProject(path), qPrintable(f.window->lastError()));
    }

    void matrixBeforeDeployShowsTheBlockedPort()
    {
        QVERIFY(block(1, 9371)); // the exchange's port drops
        const bool ok = runAction(QStringLiteral("actionConnectivity"));
        QVERIFY(unblock(1, 9371));
        QVERIFY(!ok);
        QVERIFY(dialog() && dialog()->isVisible());
        QTableWidget *t = dialog()->matrixTable();
        QCOMPARE(cell(t, QStringLiteral("9999"), DayTwoDialog::tr("exchange")), QStringLiteral("timeout"));
        QCOMPARE(cell(t, QStringLiteral("10000"), DayTwoDialog::tr("exchange")), QStringLiteral("timeout"));
        QCOMPARE(cell(t, DayTwoDialog::tr("exchange"), QStringLiteral("9999")), QStringLiteral("ok"));
    }

    void toyGridWithABlockedProxyPort()
    {
        QVERIFY2(runAction(QStringLiteral("actionDeployAll")), qPrintable(m_backend->lastReport().toText()));
        QVERIFY(block(2, 9370)); // party 9999's proxy drops what comes from the network
        DayTwoDialog::showFor(f.window.get(), DayTwoDialog::Tab::ToyGrid);
        QSignalSpy finished(f.window->monitor(), &DeployMonitor::runFinished);
        dialog()->findChild<QPushButton *>(QStringLiteral("toyGridButton"))->click();
        QVERIFY(finished.wait(900000) || !finished.isEmpty());
        QVERIFY(unblock(2, 9370));
        QVERIFY(!finished.first().at(0).toBool());
        QTableWidget *t = dialog()->toyGridTable();
        QCOMPARE(cell(t, QStringLiteral("10000"), QStringLiteral("9999")), QStringLiteral("fail"));
        QCOMPARE(cell(t, QStringLiteral("10000"), QStringLiteral("9999"), Qt::UserRole + 1),
                 QStringLiteral("unreachable"));
        const QString details = dialog()->toyGridDetails()->toPlainText();
        QVERIFY2(details.contains(QStringLiteral("%1:9370").arg(m_sb->hostIp(2))), qPrintable(details));
    }

    void driftAfterAHandEditThenRollback()
    {
        const QString file = QStringLiteral("/data/projects/fate/confs-9999/confs/roll/conf/log4j2.properties");
        m_sb->runOnHost(2, QStringLiteral("echo '# edited by hand' >> ") + file);
        QSignalSpy drift(f.window->monitor(), &DeployMonitor::driftChecked);
        QVERIFY(!runAction(QStringLiteral("actionDrift"))); // drift fails its host
        QVERIFY(!drift.isEmpty());
        QTableWidget *t = dialog()->driftTable();
        QCOMPARE(dialog()->tabs()->currentIndex(), 2);
        int edited = -1;
        for (int r = 0; r < t->rowCount(); ++r)
            if (t->item(r, 2) && t->item(r, 2)->text() == QLatin1String("confs/roll/conf/log4j2.properties"))
                edited = r;
        QVERIFY2(edited >= 0, "the hand-edited file is a drift row");
        QCOMPARE(t->item(edited, 0)->data(Qt::UserRole).toString(), QStringLiteral("party-9999"));

        // A second deploy puts the project's file back and keeps the edited folder as the previous bundle;
        // rollback of party 9999 from the dialog brings the edited one back.
        QVERIFY2(runAction(QStringLiteral("actionDeployAll")), qPrintable(m_backend->lastReport().toText()));
        QCOMPARE(
            QString::fromUtf8(m_sb->runOnHost(2, QStringLiteral("grep -c 'edited by hand' ") + file).out).trimmed(),
            QStringLiteral("0"));
        t->selectRow(edited); // the drift rows stay until the next check
        QSignalSpy finished(f.window->monitor(), &DeployMonitor::runFinished);
        dialog()->findChild<QPushButton *>(QStringLiteral("rollbackButton"))->click();
        auto *box = dialog()->findChild<QMessageBox *>(QStringLiteral("rollbackQuestion"));
        QVERIFY(box && box->isVisible());
        QVERIFY(!f.window->monitor()->isRunning()); // asks first
        box->button(QMessageBox::Yes)->click();
        QVERIFY(finished.wait(900000) || !finished.isEmpty());
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(m_backend->lastReport().toText()));
        QCOMPARE(m_backend->lastReport().operation, Operation::Rollback);
        QCOMPARE(
            QString::fromUtf8(m_sb->runOnHost(2, QStringLiteral("grep -c 'edited by hand' ") + file).out).trimmed(),
            QStringLiteral("1"));
    }

    void cleanupTestCase()
    {
        f.destroy();
        if (m_sb && m_sb->isRunning())
            m_sb->stop();
    }
};

QTEST_MAIN(TestGuiDayTwoSandbox)
#include "tst_gui_daytwo_sandbox.moc"
