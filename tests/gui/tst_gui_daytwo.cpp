// SPDX-License-Identifier: Apache-2.0
// Day two in the real window (issue 16): the Deploy menu's connectivity matrix and drift actions run
// through the back end, the dialog shows the cells with their fixes and the drift rows, the federation
// picture colours the routes, rollback of the selected host asks first and then reaches the back end, and the
// toy grid shows guest × host cells coloured by result with the diagnosis as tooltip and detail.
#include "guitest.h"
#include "scriptedbackend.h"

#include "gui/daytwodialog.h"
#include "gui/deploymonitor.h"
#include "gui/federationview.h"
#include "gui/language.h"
#include "gui/topologypage.h"

#include <QAction>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>

using namespace FateDeployer;

namespace {

/// Answers the day-two calls the way EngineBackend does: a run on the monitor, then the results.
class DayTwoBackend : public Testing::ScriptedBackend
{
public:
    int matrixCalls = 0, driftCalls = 0, gridCalls = 0;
    QList<ToyCell> grid;
    QList<int> rolledBack;
    QList<MatrixCell> cells;
    QList<HostDrift> drift;
    DeployMonitor *monitor = nullptr;

    void attach(DeployMonitor *m, GuiPrompter *prompter) override
    {
        monitor = m;
        ScriptedBackend::attach(m, prompter);
    }
    void checkConnectivity(const Project &) override
    {
        ++matrixCalls;
        monitor->onRunStarted(QStringLiteral("Connectivity matrix"));
        QTimer::singleShot(10, monitor, [this] {
            monitor->onMatrixChecked(cells);
            monitor->onRunFinished(false, QStringLiteral("1 path not reachable"));
        });
    }
    void checkDrift(const Project &) override
    {
        ++driftCalls;
        monitor->onRunStarted(QStringLiteral("Drift"));
        QTimer::singleShot(10, monitor, [this] {
            monitor->onDriftChecked(drift);
            monitor->onRunFinished(false, QStringLiteral("drifted"));
        });
    }
    void checkToyGrid(const Project &) override
    {
        ++gridCalls;
        monitor->onRunStarted(QStringLiteral("Toy grid"));
        QTimer::singleShot(10, monitor, [this] {
            monitor->onToyGridChecked(grid);
            monitor->onRunFinished(false, QStringLiteral("1 pair failed"));
        });
    }
    void rollback(const Project &, const QList<int> &ids) override { rolledBack = ids; }
};

} // namespace

class TestGuiDayTwo : public QObject
{
    Q_OBJECT

    Testing::WindowFixture f;
    std::unique_ptr<DayTwoBackend> m_backend;

    DayTwoDialog *dialog() { return f.window->findChild<DayTwoDialog *>(QStringLiteral("dayTwoDialog")); }

private slots:
    void init()
    {
        f.create();
        QVERIFY(f.window->openProject(f.examplePath()));
        m_backend = std::make_unique<DayTwoBackend>();
        DayTwoBackend &backend = *m_backend;
        backend.cells = {
            {QStringLiteral("party-10000"),
             QStringLiteral("exchange"),
             QStringLiteral("192.168.7.1"),
             9371,
             MatrixCell::Result::Ok,
             QString()},
            {QStringLiteral("party-9999"),
             QStringLiteral("exchange"),
             QStringLiteral("192.168.7.1"),
             9371,
             MatrixCell::Result::Timeout,
             QStringLiteral("open port 9371")},
            {QStringLiteral("exchange"),
             QStringLiteral("party-10000"),
             QStringLiteral("192.168.7.1"),
             9370,
             MatrixCell::Result::Ok,
             QString()},
            {QStringLiteral("exchange"),
             QStringLiteral("party-9999"),
             QStringLiteral("192.168.7.2"),
             9370,
             MatrixCell::Result::Ok,
             QString()},
        };
        backend.drift = {
            {QStringLiteral("party-10000"), QStringLiteral("192.168.7.1"), true, QStringLiteral("no drift"), {}},
            {QStringLiteral("party-9999"),
             QStringLiteral("192.168.7.2"),
             true,
             QStringLiteral("2 differences"),
             {{DriftEntry::Kind::Changed, QStringLiteral("confs/roll/conf/roll.properties"), QString()},
              {DriftEntry::Kind::ContainerNotRunning,
               QStringLiteral("confs-9999_fateboard_1"),
               QStringLiteral("Exited (0)")}}},
        };
        auto pass = [](int g, int h, const char *address) {
            return ToyCell{g,
                           h,
                           QString::fromLatin1(address),
                           ToyCell::Result::Pass,
                           VerifyDiagnosis::None,
                           QStringLiteral("toy example %1 → %2 succeeded").arg(g).arg(h),
                           QString(),
                           {}};
        };
        backend.grid
            = {pass(10000, 9999, "192.168.7.1"),
               pass(10000, 8888, "192.168.7.1"),
               pass(9999, 10000, "192.168.7.2"),
               ToyCell{9999,
                       8888,
                       QStringLiteral("192.168.7.2"),
                       ToyCell::Result::Fail,
                       VerifyDiagnosis::Unreachable,
                       QStringLiteral("Toy example: toy example 9999 → 8888 failed: unreachable from the guest "
                                      "host: 192.168.7.3:9370"),
                       QStringLiteral("Open these ports between the hosts (firewall, security group)"),
                       {QStringLiteral("192.168.7.3:9370")}},
               pass(8888, 10000, "192.168.7.3"),
               pass(8888, 9999, "192.168.7.3")};
        f.window->setDeployBackend(&backend);
    }
    void cleanup()
    {
        f.window->setDeployBackend(nullptr);
        f.destroy();
        m_backend.reset();
    }

    void matrixShowsCellsFixesAndColouredRoutes()
    {
        DayTwoBackend &backend = *m_backend;
        f.window->action(QStringLiteral("actionConnectivity"))->trigger();
        QCOMPARE(backend.matrixCalls, 1);
        QVERIFY(dialog() && dialog()->isVisible());
        QCOMPARE(dialog()->tabs()->currentIndex(), 0);
        QTableWidget *t = dialog()->matrixTable();
        QTRY_COMPARE(t->rowCount(), 3);
        QCOMPARE(t->columnCount(), 3);
        int timeouts = 0, oks = 0;
        for (int r = 0; r < t->rowCount(); ++r)
            for (int c = 0; c < t->columnCount(); ++c)
                if (QTableWidgetItem *i = t->item(r, c)) {
                    timeouts += i->data(Qt::UserRole).toString() == QLatin1String("timeout");
                    oks += i->data(Qt::UserRole).toString() == QLatin1String("ok");
                    if (i->data(Qt::UserRole).toString() == QLatin1String("timeout"))
                        QCOMPARE(i->toolTip(), QStringLiteral("open port 9371"));
                }
        QCOMPARE(timeouts, 1);
        QCOMPARE(oks, 3);
        QVERIFY(dialog()
                    ->findChild<QPlainTextEdit *>(QStringLiteral("matrixFixes"))
                    ->toPlainText()
                    .contains(QStringLiteral("open port 9371")));
        // The picture: party 9999's route red, party 10000's green.
        const QHash<int, bool> paths = f.window->topologyPage()->federationView()->pathResults();
        QCOMPARE(paths.value(10000, false), true);
        QCOMPARE(paths.value(9999, true), false);
    }

    void driftRowsAndRollbackOfTheSelectedHost()
    {
        DayTwoBackend &backend = *m_backend;
        f.window->action(QStringLiteral("actionDrift"))->trigger();
        QCOMPARE(backend.driftCalls, 1);
        QCOMPARE(dialog()->tabs()->currentIndex(), 2);
        QTableWidget *t = dialog()->driftTable();
        QTRY_COMPARE(t->rowCount(), 3);
        QCOMPARE(t->item(1, 2)->text(), QStringLiteral("confs/roll/conf/roll.properties"));
        QCOMPARE(t->item(2, 3)->text(), QStringLiteral("Exited (0)"));
        auto *rollback = dialog()->findChild<QPushButton *>(QStringLiteral("rollbackButton"));
        QTRY_VERIFY(!f.window->monitor()->isRunning());
        QVERIFY(!rollback->isEnabled()); // nothing selected
        t->selectRow(1);
        QVERIFY(rollback->isEnabled());
        rollback->click();
        auto *box = dialog()->findChild<QMessageBox *>(QStringLiteral("rollbackQuestion"));
        QVERIFY(box && box->isVisible());
        QVERIFY(backend.rolledBack.isEmpty()); // asks first
        box->button(QMessageBox::Yes)->click();
        QCOMPARE(backend.rolledBack, QList<int>{9999});
    }

    void toyGridShowsGuestsHostsAndTheDiagnosis()
    {
        DayTwoBackend &backend = *m_backend;
        f.window->action(QStringLiteral("actionToyGrid"))->trigger();
        QCOMPARE(backend.gridCalls, 1);
        QCOMPARE(dialog()->tabs()->currentIndex(), 1);
        QTableWidget *t = dialog()->toyGridTable();
        QTRY_COMPARE(t->rowCount(), 3); // guests 10000, 9999, 8888
        QCOMPARE(t->columnCount(), 3);  // hosts 8888, 9999, 10000
        QCOMPARE(t->verticalHeaderItem(1)->text(), QStringLiteral("guest 9999"));
        QCOMPARE(t->horizontalHeaderItem(0)->text(), QStringLiteral("host 8888"));
        QTableWidgetItem *failed = t->item(1, 0);
        QVERIFY(failed);
        QCOMPARE(failed->data(Qt::UserRole).toString(), QStringLiteral("fail"));
        QCOMPARE(failed->data(Qt::UserRole + 1).toString(), QStringLiteral("unreachable"));
        QVERIFY2(failed->text().contains(QStringLiteral("route or port unreachable")), qPrintable(failed->text()));
        QVERIFY(failed->toolTip().contains(QStringLiteral("192.168.7.3:9370")));
        QVERIFY(failed->toolTip().contains(QStringLiteral("Open these ports")));
        QCOMPARE(t->item(0, 1)->data(Qt::UserRole).toString(), QStringLiteral("pass"));
        QVERIFY(!t->item(1, 1)); // guest 9999, host 9999: no such pair
        // Pass and fail in different colours.
        QVERIFY(failed->background().color() != t->item(0, 1)->background().color());
        const QString details = dialog()->toyGridDetails()->toPlainText();
        QVERIFY2(details.contains(QStringLiteral("9999 → 8888 (on 192.168.7.2)")), qPrintable(details));
        QVERIFY(!details.contains(QStringLiteral("10000 → 9999")));

        if (const QByteArray dir = qgetenv("FD_SCREENSHOT_DIR"); !dir.isEmpty()) {
            dialog()->resize(900, 560);
            for (const QString &lang : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
                Language::apply(lang);
                QCoreApplication::processEvents();
                QVERIFY(dialog()->grab().save(QString::fromUtf8(dir) + QStringLiteral("/toygrid-%1.png").arg(lang)));
            }
            Language::apply(QStringLiteral("en"));
        }
    }
};

QTEST_MAIN(TestGuiDayTwo)
#include "tst_gui_daytwo.moc"
