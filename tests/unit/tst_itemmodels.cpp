// SPDX-License-Identifier: Apache-2.0
// The item models the window shows run without a QGuiApplication (colours and icons are passed in
// as an ItemLook): checked here under QCoreApplication with QAbstractItemModelTester.
#include "gui/logmodel.h"
#include "gui/partytablemodel.h"
#include "gui/projectdocument.h"

#include <QAbstractItemModelTester>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QTest>

using namespace FateDeployer;

class TestItemModels : public QObject
{
    Q_OBJECT

private slots:
    void noGuiApplication() { QVERIFY(!qobject_cast<QGuiApplication *>(QCoreApplication::instance())); }

    void logModelAndFilter()
    {
        LogModel model;
        model.setCapacity(1000);
        LogFilterModel filter;
        QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester filterTester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        filter.setSourceModel(&model);
        filter.setMinimumSeverity(LogEntry::Severity::Warning);
        for (int round = 0; round < 5; ++round) {
            LogBatch batch;
            for (int i = 0; i < 400; ++i) {
                LogLine line;
                line.stream = i % 4 == 0   ? OutputStream::Stderr
                              : i % 4 == 1 ? OutputStream::Info
                                           : OutputStream::Stdout;
                line.text = QStringLiteral("line %1").arg(round * 400 + i);
                line.msecsSinceStart = i;
                batch.append(logEntryFromLine(line, QStringLiteral("10.0.0.%1").arg(i % 3 + 1), 1700000000000));
            }
            model.append(batch);
        }
        QCOMPARE(model.rowCount(), 1000);
        QCOMPARE(filter.rowCount(), 250); // the stderr quarter: warnings
        const QModelIndex warning = filter.index(0, 0);
        QCOMPARE(warning.data(LogModel::ChannelRole).toInt(), int(LogEntry::Channel::Stderr));
        QVERIFY(!warning.data(Qt::ForegroundRole).isValid());                     // no look given: no colour invented
        QVERIFY(warning.data(LogModel::HostColorRole).value<QColor>().isValid()); // computed, not from a palette
        ItemLook look;
        look.warning = QColor(0xc0, 0x80, 0x00);
        model.setLook(look);
        QCOMPARE(filter.index(0, 0).data(Qt::ForegroundRole).value<QColor>(), look.warning);
        // The engine's own notes are debug lines on the deployer channel.
        const QModelIndex note = model.index(1, 0);
        QCOMPARE(note.data(LogModel::SeverityRole).toInt(), int(LogEntry::Severity::Debug));
        QCOMPARE(note.data(LogModel::ChannelRole).toInt(), int(LogEntry::Channel::Deployer));
    }

    void partyTable()
    {
        ProjectDocument document;
        Project project = Project::example();
        project.parties[1].host = QStringLiteral("not a host name!"); // an error in one cell
        document.reset(project, {});
        PartyTableModel model(&document);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QModelIndex bad = model.index(1, PartyTableModel::HostColumn);
        QCOMPARE(bad.data(PartyTableModel::SeverityRole).toInt(), int(ValidationIssue::Severity::Error));
        QVERIFY(!bad.data(PartyTableModel::IssuesRole).toStringList().isEmpty());
        QVERIFY(!model.index(0, PartyTableModel::UserColumn).data(Qt::ForegroundRole).isValid());
        ItemLook look;
        look.disabled = QColor(0x80, 0x80, 0x80);
        model.setLook(look);
        QCOMPARE(model.index(0, PartyTableModel::UserColumn).data(Qt::ForegroundRole).value<QColor>(), look.disabled);
        // Edits go through the document (one undo step) and the model follows.
        QVERIFY(model.setData(bad, QStringLiteral("192.168.7.9")));
        QCOMPARE(document.project().parties.at(1).host, QStringLiteral("192.168.7.9"));
        QVERIFY(!bad.data(PartyTableModel::SeverityRole).isValid());
        QCOMPARE(model.addParty(), 2);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(document.project().parties.at(2).id, 10001);
        QVERIFY(document.project().parties.at(2).ssh.isEmpty()); // none shared: none taken
    }

    /// A new party is reached like the others: the SSH settings and folder every own party shares come with it;
    /// settings only some parties have, and another team's party, say nothing about it.
    void newPartyTakesTheSharedSshSettings()
    {
        Project p = Project::example();
        for (Party &party : p.parties) {
            party.ssh.identityFile = QStringLiteral("/keys/fleet");
            party.ssh.port = 2222;
            party.dir = QStringLiteral("/srv/fate");
        }
        Party theirs = Party::make(20000, QStringLiteral("10.9.0.1"));
        theirs.external = true;
        p.parties.append(theirs);
        Party joined = p.newParty(QStringLiteral("192.168.7.3"));
        QCOMPARE(joined.id, 20001);
        QCOMPARE(joined.host, QStringLiteral("192.168.7.3"));
        QCOMPARE(joined.ssh.identityFile, QStringLiteral("/keys/fleet"));
        QCOMPARE(joined.ssh.port, std::optional<int>(2222));
        QCOMPARE(joined.dir, QStringLiteral("/srv/fate"));
        p.parties[1].ssh.identityFile = QStringLiteral("/keys/other");
        joined = p.newParty();
        QVERIFY(joined.ssh.isEmpty());
        QCOMPARE(joined.dir, QStringLiteral("/srv/fate"));
        QCOMPARE(Project().newParty().id, 10000);
    }
};

QTEST_GUILESS_MAIN(TestItemModels)
#include "tst_itemmodels.moc"
