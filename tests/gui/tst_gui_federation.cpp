// SPDX-License-Identifier: Apache-2.0
// Issue 17 in the window: File ▸ Federation exports and imports party cards and the federation file; the
// fingerprint is shown large; an import shows what changes and changes nothing until accepted.
#include "guitest.h"

#include "federation/federationfile.h"
#include "federation/partycard.h"
#include "gui/dialogs.h"
#include "gui/partytablemodel.h"
#include "gui/projectdocument.h"

#include <QAction>
#include <QLabel>
#include <QMenu>
#include <QTableView>

using namespace FateDeployer;

class TestGuiFederation : public QObject
{
    Q_OBJECT

private:
    Testing::WindowFixture f;

private slots:
    void init() { f.create(); }
    void cleanup() { f.destroy(); }

    void menuEntriesFollowTheProject()
    {
        for (const char *id :
             {"actionExportCard", "actionImportCard", "actionExportFederation", "actionImportFederation"})
            QVERIFY2(!f.window->action(QLatin1String(id))->isEnabled(), id); // no project open
        f.window->action(QStringLiteral("actionNewExample"))->trigger();
        for (const char *id :
             {"actionExportCard", "actionImportCard", "actionExportFederation", "actionImportFederation"})
            QVERIFY2(f.window->action(QLatin1String(id))->isEnabled(), id);
        QCOMPARE(f.window->actions()->menu(QStringLiteral("file/federation"))->actions().size(), 5); // + separator
    }

    void coordinatorAndTeamThroughTheWindow()
    {
        // Team A, the coordinator: the example, with party 9999 marked as another team's in the table.
        f.window->action(QStringLiteral("actionNewExample"))->trigger();
        auto *table = f.window->findChild<PartyTableModel *>();
        QVERIFY(table);
        QVERIFY(table->setData(table->index(1, PartyTableModel::ExternalColumn), Qt::Checked, Qt::CheckStateRole));
        QVERIFY(f.window->project().parties.at(1).external);
        QCOMPARE(table->data(table->index(1, PartyTableModel::ExternalColumn), Qt::CheckStateRole).toInt(),
                 int(Qt::Checked));

        const QString card = f.dir.filePath(QStringLiteral("party-10000.card.json"));
        Dialogs::setNextFileName(card);
        Dialogs::setNextAnswer(QMessageBox::Ok);
        // From the topology page: the party table's context menu holds the same action as the File menu.
        auto *partyTable = f.window->findChild<QTableView *>(QStringLiteral("partyTable"));
        QVERIFY(partyTable);
        QCOMPARE(partyTable->contextMenuPolicy(), Qt::ActionsContextMenu);
        QVERIFY(partyTable->actions().contains(f.window->action(QStringLiteral("actionExportCard"))));
        partyTable->actions().last()->trigger();
        QTRY_VERIFY2(Dialogs::lastMessage().contains(QLatin1String("Party card")) || QFile::exists(card),
                     qPrintable(Dialogs::lastMessage()));
        QTRY_VERIFY(QFile::exists(card));
        QCOMPARE(PartyCard::load(card)->partyId, 10000); // the first of this project's own parties

        const QString fed = f.dir.filePath(QStringLiteral("federation.json"));
        Dialogs::setNextFileName(fed);
        Dialogs::setNextAnswer(QMessageBox::Ok);
        f.window->action(QStringLiteral("actionExportFederation"))->trigger();
        QTRY_VERIFY(QFile::exists(fed));
        const FederationFile exported = FederationFile::load(fed).value();
        QTRY_VERIFY2(Dialogs::lastMessage().contains(exported.fingerprint()), qPrintable(Dialogs::lastMessage()));
        QVERIFY(Dialogs::lastMessage().contains(FederationTransferFingerprintMarker()));
        QCOMPARE(f.window->project().federation.revision, 1); // an undoable edit of the project
        QCOMPARE(f.window->project().federation.sha256, exported.sha256());
        // And it stays on the topology page, under the picture, large.
        auto *shown = f.window->findChild<QLabel *>(QStringLiteral("federationFingerprint"));
        QVERIFY(shown);
        QVERIFY(shown->isVisibleTo(f.window.get()));
        QVERIFY2(shown->text().contains(exported.fingerprint()) && shown->text().contains(QLatin1String("revision 1")),
                 qPrintable(shown->text()));

        // Team B: its own project with only its host; the import shows the changes and the fingerprint.
        Project teamB;
        teamB.name = QStringLiteral("team B");
        teamB.parties = {Party::make(9999, QStringLiteral("10.20.0.2"))};
        teamB.parties[0].ssh.identityFile = QStringLiteral("/home/teamb/.ssh/id_b");
        f.window->document()->reset(teamB, QString());
        QVERIFY(!shown->isVisibleTo(f.window.get())); // no federation file yet
        Dialogs::setNextFileName(fed);
        Dialogs::setNextAnswer(QMessageBox::No);
        f.window->action(QStringLiteral("actionImportFederation"))->trigger();
        QTRY_VERIFY2(Dialogs::lastMessage().contains(QLatin1String("party 10000 added at 192.168.7.1:9370")),
                     qPrintable(Dialogs::lastMessage()));
        QVERIFY(Dialogs::lastMessage().contains(exported.fingerprint()));
        QCOMPARE(f.window->project(), teamB); // declined: nothing changed

        Dialogs::setNextFileName(fed);
        Dialogs::setNextAnswer(QMessageBox::Yes);
        f.window->action(QStringLiteral("actionImportFederation"))->trigger();
        QTRY_COMPARE(f.window->project().federation.revision, 1);
        const Project imported = f.window->project();
        QCOMPARE(imported.party(9999)->host, QStringLiteral("10.20.0.2"));
        QCOMPARE(imported.party(9999)->ssh.identityFile, QStringLiteral("/home/teamb/.ssh/id_b"));
        QVERIFY(imported.party(10000)->external);
        QVERIFY(imported.exchange.external);
        QCOMPARE(imported.guestId(), 9999);
        // One edit: undo brings team B's project back.
        f.window->document()->undoStack()->undo();
        QCOMPARE(f.window->project(), teamB);
    }

private:
    static QString FederationTransferFingerprintMarker() { return QStringLiteral("font-size:x-large"); }
};

QTEST_MAIN(TestGuiFederation)
#include "tst_gui_federation.moc"
