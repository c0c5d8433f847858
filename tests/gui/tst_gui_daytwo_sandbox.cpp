// SPDX-License-Identifier: Apache-2.0
// Day two from the window on real hosts (issue 16): the real MainWindow (offscreen) with the real engine backend
// on a 2-host sandbox (stand-in FATE 1.1 images) drives the Day-two dialog: the connectivity matrix before the
// deploy with the exchange's port blocked, the toy grid with a party's proxy port blocked, drift after a file was
// edited by hand on a host, and rollback of that host to its previous bundle (asked first). Last, a third party
// joins from the topology editor (its host on the sandbox's third host): the change plan in the window says what
// changes and why, Apply touches only the new host and the exchange, and the toy example passes from the window.
#include "gui/changeplandialog.h"
#include "gui/daytwodialog.h"
#include "gui/deploymonitor.h"
#include "gui/deploypage.h"
#include "gui/enginebackend.h"
#include "gui/partytablemodel.h"
#include "gui/projectdocument.h"
#include "gui/topologypage.h"
#include "sandboxids.h"
#include "sandboxproject.h"
#include "windowsandbox.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTreeWidget>

using namespace FateDeployer;
using namespace FateDeployer::Testing;

class TestGuiDayTwoSandbox : public QObject
{
    Q_OBJECT

    WindowSandbox m_ws;

    MainWindow *window() const { return m_ws.window(); }
    const RunReport &lastReport() const { return m_ws.backend()->lastReport(); }
    DayTwoDialog *dialog() { return window()->findChild<DayTwoDialog *>(QStringLiteral("dayTwoDialog")); }

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

    /// Waits until the run @p finished spies on ended; its ok flag (false when it did not end).
    static bool runEnded(QSignalSpy &finished)
    {
        if (!finished.wait(900000) && finished.isEmpty())
            return false;
        return finished.first().at(0).toBool();
    }

    QString onHost(int host, const QString &cmd) { return m_ws.onHost(host, cmd); }

    /// Id and start time of every running container of a compose project on a host, sorted.
    QString startTimes(int host, const QString &composeProject)
    {
        return onHost(host,
                      QStringLiteral("for c in $(docker ps -q --no-trunc --filter name=^%1_); do "
                                     "docker inspect -f '{{.Id}} {{.State.StartedAt}}' $c; done | sort")
                          .arg(composeProject));
    }

    /// One sha256 over every file of a deployed bundle folder but the data the services write (redis).
    QString bundleChecksum(int host, const QString &bundle)
    {
        return onHost(host,
                      QStringLiteral("cd /data/projects/fate/%1 && find . -type f ! -path './confs/redis/data/*' "
                                     "| sort | xargs sha256sum | sha256sum")
                          .arg(bundle));
    }

    /// The change plan tree's host row of @p key.
    static QTreeWidgetItem *planRow(QTreeWidget *tree, const QString &key)
    {
        for (int i = 0; i < tree->topLevelItemCount(); ++i)
            if (tree->topLevelItem(i)->data(0, Qt::UserRole).toString() == key)
                return tree->topLevelItem(i);
        return nullptr;
    }

private slots:
    void initTestCase()
    {
        QString skip, error;
        // host 3: the party that joins last
        if (!m_ws.start("FD_SANDBOX_ID_GUI_DAYTWO", SandboxId::GuiDayTwo, 3, &skip, &error)) {
            if (!skip.isEmpty())
                QSKIP(qPrintable(skip));
            QFAIL(qPrintable(error));
        }
        QVERIFY(!m_ws.sandbox().hostIp(3).isEmpty());
        Project p = sandboxProject(m_ws.sandbox(), QStringLiteral("gui-daytwo"), {{10000, 1}, {9999, 2}}, 1);
        p.knownHostsFile = m_ws.sandbox().knownHostsPath(); // the sandbox's keys: no host-key questions here
        p.verification.timeoutSeconds = 60;
        m_ws.createWindow();
        QVERIFY(window());
        const QString opened = m_ws.openProject(p);
        QVERIFY2(opened.isEmpty(), qPrintable(opened));
    }

    void matrixBeforeDeployShowsTheBlockedPort()
    {
        QVERIFY(m_ws.block(1, 9371)); // the exchange's port drops
        const bool ok = m_ws.runAction(QStringLiteral("actionConnectivity"));
        QVERIFY(m_ws.unblock(1, 9371));
        QVERIFY(!ok);
        QVERIFY(dialog() && dialog()->isVisible());
        QTableWidget *t = dialog()->matrixTable();
        QCOMPARE(cell(t, QStringLiteral("9999"), DayTwoDialog::tr("exchange")), QStringLiteral("timeout"));
        QCOMPARE(cell(t, QStringLiteral("10000"), DayTwoDialog::tr("exchange")), QStringLiteral("timeout"));
        QCOMPARE(cell(t, DayTwoDialog::tr("exchange"), QStringLiteral("9999")), QStringLiteral("ok"));
    }

    void toyGridWithABlockedProxyPort()
    {
        QVERIFY2(m_ws.runAction(QStringLiteral("actionDeployAll")), qPrintable(lastReport().toText()));
        QVERIFY(m_ws.block(2, 9370)); // party 9999's proxy drops what comes from the network
        DayTwoDialog::showFor(window(), DayTwoDialog::Tab::ToyGrid);
        QSignalSpy finished(window()->monitor(), &DeployMonitor::runFinished);
        dialog()->findChild<QPushButton *>(QStringLiteral("toyGridButton"))->click();
        const bool ok = runEnded(finished);
        QVERIFY(m_ws.unblock(2, 9370));
        QCOMPARE(finished.size(), 1);
        QVERIFY(!ok);
        QTableWidget *t = dialog()->toyGridTable();
        QCOMPARE(cell(t, QStringLiteral("10000"), QStringLiteral("9999")), QStringLiteral("fail"));
        QCOMPARE(cell(t, QStringLiteral("10000"), QStringLiteral("9999"), Qt::UserRole + 1),
                 QStringLiteral("unreachable"));
        const QString details = dialog()->toyGridDetails()->toPlainText();
        QVERIFY2(details.contains(QStringLiteral("%1:9370").arg(m_ws.sandbox().hostIp(2))), qPrintable(details));
    }

    void driftAfterAHandEditThenRollback()
    {
        const QString file = QStringLiteral("/data/projects/fate/confs-9999/confs/roll/conf/log4j2.properties");
        m_ws.sandbox().runOnHost(2, QStringLiteral("echo '# edited by hand' >> ") + file);
        QSignalSpy drift(window()->monitor(), &DeployMonitor::driftChecked);
        QVERIFY(!m_ws.runAction(QStringLiteral("actionDrift"))); // drift fails its host
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
        QVERIFY2(m_ws.runAction(QStringLiteral("actionDeployAll")), qPrintable(lastReport().toText()));
        QCOMPARE(QString::fromUtf8(m_ws.sandbox().runOnHost(2, QStringLiteral("grep -c 'edited by hand' ") + file).out)
                     .trimmed(),
                 QStringLiteral("0"));
        t->selectRow(edited); // the drift rows stay until the next check
        QSignalSpy finished(window()->monitor(), &DeployMonitor::runFinished);
        dialog()->findChild<QPushButton *>(QStringLiteral("rollbackButton"))->click();
        auto *box = dialog()->findChild<QMessageBox *>(QStringLiteral("rollbackQuestion"));
        QVERIFY(box && box->isVisible());
        QVERIFY(!window()->monitor()->isRunning()); // asks first
        box->button(QMessageBox::Yes)->click();
        QVERIFY2(runEnded(finished), qPrintable(lastReport().toText()));
        QCOMPARE(lastReport().operation, Operation::Rollback);
        QCOMPARE(QString::fromUtf8(m_ws.sandbox().runOnHost(2, QStringLiteral("grep -c 'edited by hand' ") + file).out)
                     .trimmed(),
                 QStringLiteral("1"));
    }

    /// Issue 16 from the window: party 3 joins the deployed two-party federation. The user adds it in the topology
    /// editor (its host typed into the row Add opens), opens the change plan, applies it; only the new host and the
    /// exchange change, and the toy example between the new party and an old one passes.
    void thirdPartyJoinsFromTheWindow()
    {
        window()->action(QStringLiteral("actionAddParty"))->trigger();
        auto *table = window()->topologyPage()->findChild<QTableView *>(QStringLiteral("partyTable"));
        QVERIFY(table);
        auto *editor = table->viewport()->findChild<QLineEdit *>();
        QVERIFY2(editor && editor->isVisible(), "Add party opens the host cell of the new row");
        QTest::keyClicks(editor, m_ws.sandbox().hostIp(3));
        QTest::keyClick(editor, Qt::Key_Return);
        QPointer<QLineEdit> closing(editor);
        QTRY_VERIFY(!closing || !closing->isVisible());
        const Project &project = window()->project();
        QCOMPARE(project.parties.size(), 3);
        const Party joined = project.parties.last();
        QCOMPARE(joined.host, m_ws.sandbox().hostIp(3));
        // Reached like the others: the key every party shares comes with it.
        QCOMPARE(joined.ssh.identityFile, m_ws.sandbox().clientKeyPath());
        const QString key = QStringLiteral("party-%1").arg(joined.id);
        const QString bundle = QStringLiteral("confs-%1").arg(joined.id);
        window()->action(QStringLiteral("actionSave"))->trigger();
        QVERIFY(!window()->document()->isDirty());

        window()->action(QStringLiteral("actionChangePlan"))->trigger();
        auto *plan = window()->findChild<ChangePlanDialog *>(QStringLiteral("changePlanDialog"));
        QVERIFY(plan);
        if (!plan->isReady())
            QVERIFY(QSignalSpy(plan, &ChangePlanDialog::ready).wait(120000));
        QVERIFY(plan->isVisible());
        auto *tree = plan->findChild<QTreeWidget *>(QStringLiteral("changePlanHosts"));
        QVERIFY2(tree->topLevelItemCount() > 0,
                 qPrintable(plan->findChild<QLabel *>(QStringLiteral("changePlanStatus"))->text()));
        QCOMPARE(tree->topLevelItemCount(), 4);
        for (const auto &[host, state] : {std::pair{key, HostChange::State::New},
                                          std::pair{QStringLiteral("exchange"), HostChange::State::Changed},
                                          std::pair{QStringLiteral("party-10000"), HostChange::State::Unchanged},
                                          std::pair{QStringLiteral("party-9999"), HostChange::State::Unchanged}}) {
            QTreeWidgetItem *row = planRow(tree, host);
            QVERIFY2(row, qPrintable(host));
            QVERIFY2(row->text(2).startsWith(ChangePlan::stateTitle(state)), qPrintable(host + row->text(2)));
        }
        // Why the exchange changes: its route table gains the new party (reached at host 3), shown above its files.
        QTreeWidgetItem *exchange = planRow(tree, QStringLiteral("exchange"));
        QStringList why, files;
        for (int i = 0; i < exchange->childCount(); ++i)
            (exchange->child(i)->data(0, ChangePlanDialog::ReasonRole).toBool() ? why : files)
                .append(exchange->child(i)->text(0));
        QVERIFY2(why.contains(ChangePlanDialog::tr("Why: %1").arg(
                     ChangePlan::tr("%1 is added (%2)")
                         .arg(ChangePlan::tr("the route to party %1").arg(joined.id),
                              QStringLiteral("%1:9370").arg(m_ws.sandbox().hostIp(3))))),
                 qPrintable(why.join(QLatin1Char('\n'))));
        QVERIFY2(files.contains(QStringLiteral("conf/route_table.json")), qPrintable(files.join(QLatin1Char(' '))));
        QVERIFY(planRow(tree, QStringLiteral("party-10000"))->childCount() == 0);

        const QString p10000 = startTimes(1, QStringLiteral("confs-10000"));
        const QString p9999 = startTimes(2, QStringLiteral("confs-9999"));
        const QString b10000 = bundleChecksum(1, QStringLiteral("confs-10000"));
        const QString b9999 = bundleChecksum(2, QStringLiteral("confs-9999"));
        QVERIFY(!p10000.isEmpty() && !p9999.isEmpty() && !b10000.isEmpty() && !b9999.isEmpty());
        QVERIFY(onHost(3, QStringLiteral("docker ps -q | wc -l")) == QStringLiteral("0"));

        QSignalSpy finished(window()->monitor(), &DeployMonitor::runFinished);
        auto *apply = plan->findChild<QPushButton *>(QStringLiteral("changePlanApply"));
        QVERIFY(apply && apply->isEnabled());
        apply->click();
        QVERIFY2(runEnded(finished), qPrintable(lastReport().toText()));
        // The run touched the new host and the exchange only.
        QStringList ran;
        for (const HostOutcome &h : lastReport().hosts)
            ran.append(h.target.key);
        ran.sort();
        QCOMPARE(ran, (QStringList{QStringLiteral("exchange"), key}));

        QCOMPARE(startTimes(1, QStringLiteral("confs-10000")), p10000);
        QCOMPARE(startTimes(2, QStringLiteral("confs-9999")), p9999);
        QCOMPARE(bundleChecksum(1, QStringLiteral("confs-10000")), b10000);
        QCOMPARE(bundleChecksum(2, QStringLiteral("confs-9999")), b9999);
        QVERIFY(
            onHost(1,
                   QStringLiteral("grep -c '\"%1\"' /data/projects/fate/exchange/conf/route_table.json").arg(joined.id))
            == QStringLiteral("1"));
        QVERIFY(!startTimes(3, bundle).isEmpty());

        // The toy example from the new party (guest) to an old one, from the Deploy page.
        auto *page = window()->deployPage();
        auto *guest = page->findChild<QComboBox *>(QStringLiteral("guestCombo"));
        auto *host = page->findChild<QComboBox *>(QStringLiteral("hostPartyCombo"));
        QVERIFY(guest && host);
        guest->setCurrentIndex(guest->findData(joined.id));
        host->setCurrentIndex(host->findData(10000));
        QCOMPARE(guest->currentData().toInt(), joined.id);
        QSignalSpy verified(window()->monitor(), &DeployMonitor::runFinished);
        page->findChild<QPushButton *>(QStringLiteral("verifyButton"))->click();
        const bool ok = runEnded(verified);
        QCOMPARE(lastReport().operation, Operation::Verify);
        QVERIFY2(ok, qPrintable(lastReport().toText()));
    }

    void cleanupTestCase() { m_ws.stop(); }
};

QTEST_MAIN(TestGuiDayTwoSandbox)
#include "tst_gui_daytwo_sandbox.moc"
