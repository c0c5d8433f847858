// SPDX-License-Identifier: Apache-2.0
// The live log: ring buffer model and ring-aware filter (checked by QAbstractItemModelTester
// and against a brute-force filter), engine output from eight Runner job threads, and the deploy page's
// follow-tail, search, copy and raw console in the real window.
#include "guitest.h"

#include "chattychannel.h"
#include "gui/deploymonitor.h"
#include "gui/deploypage.h"
#include "gui/logmodel.h"
#include "gui/projectdocument.h"
#include "jobs/runner.h"

#include <QAbstractItemModelTester>
#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QThread>

using namespace FateDeployer;

namespace {
LogBatch makeBatch(int from, int count, int hosts = 3)
{
    LogBatch batch;
    for (int i = from; i < from + count; ++i) {
        LogEntry l;
        l.timeMs = 1700000000000 + i;
        l.host = QStringLiteral("10.0.0.%1").arg(i % hosts + 1);
        l.text = QStringLiteral("line %1").arg(i);
        l.severity = i % 10 == 0  ? LogEntry::Severity::Error
                     : i % 5 == 0 ? LogEntry::Severity::Warning
                                  : LogEntry::Severity::Info;
        batch.append(l);
    }
    return batch;
}
} // namespace

class TestGuiLog : public QObject
{
    Q_OBJECT

private:
    Testing::WindowFixture f;

private slots:
    void ringBufferKeepsTheNewestLines()
    {
        LogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCapacity(1000);
        model.append(makeBatch(0, 700));
        model.append(makeBatch(700, 700)); // 400 oldest fall out
        QCOMPARE(model.rowCount(), 1000);
        QCOMPARE(model.totalLines(), qint64(1400));
        QCOMPARE(model.droppedLines(), qint64(400));
        QCOMPARE(model.index(0).data(LogModel::TextRole).toString(), QStringLiteral("line 400"));
        QCOMPARE(model.index(999).data(LogModel::TextRole).toString(), QStringLiteral("line 1399"));
        model.append(makeBatch(1400, 5000)); // a batch bigger than the buffer
        QCOMPARE(model.rowCount(), 1000);
        QCOMPARE(model.index(0).data(LogModel::TextRole).toString(), QStringLiteral("line 5400"));
        QCOMPARE(model.totalLines(), qint64(6400));
        QVERIFY(model.index(0).data(Qt::DisplayRole).toString().contains(QLatin1String("10.0.0.")));
        QCOMPARE(model.hosts().size(), 3);
    }

    void filterFollowsAppendsAndEvictions_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("severity");
        QTest::newRow("all") << QString() << int(LogEntry::Severity::Debug);
        QTest::newRow("one host") << QStringLiteral("10.0.0.2") << int(LogEntry::Severity::Debug);
        QTest::newRow("warnings") << QString() << int(LogEntry::Severity::Warning);
        QTest::newRow("host errors") << QStringLiteral("10.0.0.3") << int(LogEntry::Severity::Error);
    }

    void filterFollowsAppendsAndEvictions()
    {
        QFETCH(QString, host);
        QFETCH(int, severity);
        LogModel model;
        model.setCapacity(1000);
        LogFilterModel filter;
        QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        filter.setSourceModel(&model);
        model.append(makeBatch(0, 300));
        filter.setHost(host);
        filter.setMinimumSeverity(LogEntry::Severity(severity));
        int next = 300;
        for (int round = 0; round < 12; ++round) {
            const int count = 37 + round * 91;
            model.append(makeBatch(next, count));
            next += count;
            // Same rows as a brute-force filter of what the buffer holds.
            QStringList expected;
            for (int row = 0; row < model.rowCount(); ++row) {
                if (filter.accepts(model.line(row)))
                    expected.append(model.line(row).text);
            }
            QStringList actual;
            for (int row = 0; row < filter.rowCount(); ++row)
                actual.append(filter.index(row, 0).data(LogModel::TextRole).toString());
            QCOMPARE(actual, expected);
            if (!expected.isEmpty()) {
                const QModelIndex last = filter.index(filter.rowCount() - 1, 0);
                QCOMPARE(filter.mapFromSource(filter.mapToSource(last)), last);
            }
        }
        model.clear();
        QCOMPARE(filter.rowCount(), 0);
    }

    void runnerOutputReachesTheLogFromEightHosts()
    {
        // The production path: eight job threads of the engine's Runner, its batched hostEvents
        // mapped as EngineBackend maps them, into the window's monitor.
        f.create();
        DeployMonitor *monitor = f.window->monitor();
        constexpr qint64 PerHost = 6000;
        const Plan plan = Testing::chattyPlan(8);
        Runner runner;
        runner.setChannelFactory(Testing::chattyChannels(PerHost));
        int batches = 0;
        connect(&runner, &Runner::hostEvents, monitor, [&](const QString &host, const QList<JobEvent> &events) {
            ++batches;
            monitor->onOutput(Testing::outputOf(events, host, 0));
        });
        QSignalSpy finished(&runner, &Runner::finished);
        QVERIFY(runner.start(plan));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QVERIFY(finished.first().first().value<RunReport>().succeeded());
        // Every line of every host, in the order the host printed it, after the engine's "$ docker pull" note.
        LogModel *log = monitor->log();
        QHash<QString, qint64> next;
        QHash<QString, int> notes;
        for (int row = 0; row < log->rowCount(); ++row) {
            const LogEntry &line = log->line(row);
            if (line.channel == LogEntry::Channel::Deployer) {
                QCOMPARE(line.severity, LogEntry::Severity::Debug);
                if (line.text.startsWith(QLatin1String("$ ")) && line.text.contains(QLatin1String("pull"))) {
                    QCOMPARE(next.value(line.host), 0);
                    ++notes[line.host];
                }
                continue;
            }
            QCOMPARE(notes.value(line.host), 1);
            qint64 &i = next[line.host];
            QVERIFY2(line.text.endsWith(QLatin1Char('#') + QString::number(i)), qPrintable(line.text));
            QCOMPARE(line.severity, i % 97 == 0 ? LogEntry::Severity::Warning : LogEntry::Severity::Info);
            ++i;
        }
        QCOMPARE(next.size(), 8);
        for (auto it = next.cbegin(); it != next.cend(); ++it)
            QCOMPARE(it.value(), PerHost);
        QVERIFY(batches >= 8); // batched: far fewer deliveries than lines
        QVERIFY(batches < 8 * PerHost / 10);
        f.destroy();
    }

    void deployPageFollowsTailUntilTheUserScrollsUp()
    {
        f.create();
        f.window->document()->reset(Project::example(), {});
        f.window->showPage(MainWindow::Page::Deploy);
        DeployPage *page = f.window->deployPage();
        DeployMonitor *monitor = f.window->monitor();
        monitor->onOutput(makeBatch(0, 2000));
        QTableView *view = page->logView();
        QScrollBar *bar = view->verticalScrollBar();
        QTRY_VERIFY(bar->maximum() > 0);
        QVERIFY(page->isFollowing());
        QTRY_COMPARE(bar->value(), bar->maximum());

        // The user scrolls up: following stops and new lines do not move the view.
        bar->setValue(bar->maximum() / 2);
        QVERIFY(!page->isFollowing());
        const int where = bar->value();
        monitor->onOutput(makeBatch(2000, 500));
        QTest::qWait(50);
        QCOMPARE(bar->value(), where);
        // Back at the bottom: following resumes.
        bar->setValue(bar->maximum());
        QVERIFY(page->isFollowing());
        monitor->onOutput(makeBatch(2500, 500));
        QTRY_COMPARE(bar->value(), bar->maximum());

        // Filter by host through the page's combo box.
        auto *hostFilter = page->findChild<QComboBox *>(QStringLiteral("hostFilter"));
        const int index = hostFilter->findData(QStringLiteral("10.0.0.2"));
        QVERIFY(index > 0);
        hostFilter->setCurrentIndex(index);
        QCOMPARE(page->logFilter()->rowCount(), 1000);
        for (int row = 0; row < page->logFilter()->rowCount(); row += 97)
            QCOMPARE(page->logFilter()->index(row, 0).data(LogModel::HostRole).toString(), QStringLiteral("10.0.0.2"));
        hostFilter->setCurrentIndex(0);

        // Search selects the match and stops following; copy takes the selected lines.
        QVERIFY(page->find(QStringLiteral("line 1234")));
        QVERIFY(!page->isFollowing());
        QCOMPARE(view->currentIndex().data(LogModel::TextRole).toString(), QStringLiteral("line 1234"));
        QVERIFY(page->selectedLogText().endsWith(QLatin1String("line 1234")));
        QVERIFY(!page->find(QStringLiteral("no such text")));

        // The raw console shows one host's lines.
        page->showConsoleFor(QStringLiteral("10.0.0.1"));
        QTRY_VERIFY(page->consoleText().contains(QLatin1String("line 2997")));
        QVERIFY(!page->consoleText().contains(QLatin1String("line 2998")));
        monitor->onOutput(makeBatch(3000, 3));
        QTRY_VERIFY(page->consoleText().endsWith(QLatin1String("line 3000")));
        f.destroy();
    }
};

QTEST_MAIN(TestGuiLog)
#include "tst_gui_log.moc"
