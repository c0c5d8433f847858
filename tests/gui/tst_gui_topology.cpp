// SPDX-License-Identifier: Apache-2.0
// Editing the topology in the real window: the table writes into the project, validation follows
// at the field, the picture follows the selection, undo/redo restore every step.
#include "guitest.h"

#include "gui/federationview.h"
#include "gui/partytablemodel.h"
#include "gui/projectdocument.h"
#include "gui/topologypage.h"

#include <QAction>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QSpinBox>
#include <QTableView>

using namespace FateDeployer;

class TestGuiTopology : public QObject
{
    Q_OBJECT

private:
    Testing::WindowFixture f;
    QTableView *table() { return f.window->findChild<QTableView *>(QStringLiteral("partyTable")); }
    PartyTableModel *model() { return f.window->topologyPage()->partyModel(); }

    /// Types @p text into cell (row, column) the way a user does: select, F2, type, Enter.
    void typeInto(int row, int column, const QString &text)
    {
        QTableView *view = table();
        view->setCurrentIndex(model()->index(row, column));
        view->setFocus();
        QTest::keyClick(view, Qt::Key_F2);
        auto *editor = view->viewport()->findChild<QLineEdit *>();
        QVERIFY2(editor, "the cell editor did not open");
        QVERIFY2(editor->hasFocus(), "the cell editor has no focus");
        editor->selectAll();
        QTest::keyClicks(editor, text);
        QTest::keyClick(editor, Qt::Key_Return);
        // The delegate commits on the next turn of the event loop.
        QPointer<QLineEdit> closing(editor);
        QTRY_VERIFY(!closing || !closing->isVisible());
    }

private slots:
    void init()
    {
        f.create();
        QApplication::setActiveWindow(f.window.get());
        QVERIFY(f.window->openProject(f.examplePath()));
        QCOMPARE(f.window->currentPage(), MainWindow::Page::Topology);
    }
    void cleanup() { f.destroy(); }

    void tableShowsParties()
    {
        QCOMPARE(model()->rowCount(), 2);
        QCOMPARE(model()->index(0, PartyTableModel::IdColumn).data().toInt(), 10000);
        QCOMPARE(model()->index(1, PartyTableModel::HostColumn).data().toString(), QStringLiteral("192.168.7.2"));
        // Unset per-host values show the project default, marked as such.
        QVERIFY(model()->index(0, PartyTableModel::UserColumn).data().toString().contains(QLatin1String("root")));
        QCOMPARE(model()->index(0, PartyTableModel::UserColumn).data(Qt::EditRole).toString(), QString());
    }

    void typingAHostUpdatesTheProjectAndValidation()
    {
        typeInto(1, PartyTableModel::HostColumn, QStringLiteral("10.0.0.300"));
        QCOMPARE(f.window->project().parties.at(1).host, QStringLiteral("10.0.0.300"));
        const QModelIndex cell = model()->index(1, PartyTableModel::HostColumn);
        QVERIFY(!cell.data(Qt::DecorationRole).isNull());
        QVERIFY2(cell.data(Qt::ToolTipRole).toString().contains(QLatin1String("not a valid IPv4")),
                 qPrintable(cell.data(Qt::ToolTipRole).toString()));
        QVERIFY(f.window->document()->isDirty());
        QVERIFY(f.window->windowTitle().contains(QLatin1String("[*]")));
        QVERIFY(f.window->isWindowModified());
        auto *issues = f.window->findChild<QListWidget *>(QStringLiteral("issueList"));
        QVERIFY(issues->isVisible());
        QVERIFY(!issues->findItems(QStringLiteral("parties[1].host"), Qt::MatchStartsWith).isEmpty());
        // Deploy needs a valid project.
        QVERIFY(!f.window->action(QStringLiteral("actionDeployAll"))->isEnabled());

        typeInto(1, PartyTableModel::HostColumn, QStringLiteral("10.0.0.30"));
        QVERIFY(model()->index(1, PartyTableModel::HostColumn).data(Qt::DecorationRole).isNull());
        QVERIFY(issues->isHidden());
    }

    void keyFileAndJumpHostPerHost()
    {
        // Per party: table columns; validated like the rest, the problem named at the cell.
        typeInto(0, PartyTableModel::KeyFileColumn, QStringLiteral(FD_SOURCE_DIR "/README.md"));
        QCOMPARE(f.window->project().parties.at(0).ssh.identityFile, QStringLiteral(FD_SOURCE_DIR "/README.md"));
        QVERIFY(model()->index(0, PartyTableModel::KeyFileColumn).data(Qt::DecorationRole).isNull());
        typeInto(0, PartyTableModel::KeyFileColumn, QStringLiteral("/nowhere/id_ed25519"));
        const QModelIndex key = model()->index(0, PartyTableModel::KeyFileColumn);
        QCOMPARE(key.data(PartyTableModel::SeverityRole).toInt(), int(ValidationIssue::Severity::Warning));
        QVERIFY(key.data(Qt::ToolTipRole).toString().contains(QLatin1String("does not exist")));

        typeInto(1, PartyTableModel::JumpColumn, QStringLiteral("ops@bastion:2222,inner"));
        QCOMPARE(f.window->project().parties.at(1).ssh.jumpHost, QStringLiteral("ops@bastion:2222,inner"));
        QVERIFY(model()->index(1, PartyTableModel::JumpColumn).data(Qt::DecorationRole).isNull());
        typeInto(1, PartyTableModel::JumpColumn, QStringLiteral("a@b@c"));
        const QModelIndex jump = model()->index(1, PartyTableModel::JumpColumn);
        QCOMPARE(jump.data(PartyTableModel::SeverityRole).toInt(), int(ValidationIssue::Severity::Error));
        QVERIFY2(jump.data(Qt::ToolTipRole).toString().contains(QLatin1String("not a valid jump host")),
                 qPrintable(jump.data(Qt::ToolTipRole).toString()));
        QVERIFY(!f.window->action(QStringLiteral("actionDeployAll"))->isEnabled());

        // The exchange: fields of its box.
        auto *exchangeJump = f.window->findChild<QLineEdit *>(QStringLiteral("exchangeJumpHost"));
        auto *exchangeKey = f.window->findChild<QLineEdit *>(QStringLiteral("exchangeKeyFile"));
        QVERIFY(exchangeJump && exchangeKey);
        exchangeJump->setFocus();
        QTest::keyClicks(exchangeJump, QStringLiteral("root@10.0.0.9"));
        QCOMPARE(f.window->project().exchange.ssh.jumpHost, QStringLiteral("root@10.0.0.9"));
        exchangeKey->setFocus();
        QTest::keyClicks(exchangeKey, QStringLiteral("~/.ssh/none-such"));
        QCOMPARE(f.window->project().exchange.ssh.identityFile, QStringLiteral("~/.ssh/none-such"));
        QVERIFY(exchangeKey->toolTip().contains(QLatin1String("does not exist")));
    }

    void duplicateIdAndSharedHostAreMarked()
    {
        typeInto(1, PartyTableModel::IdColumn, QStringLiteral("10000"));
        const QModelIndex id = model()->index(1, PartyTableModel::IdColumn);
        QCOMPARE(id.data(PartyTableModel::SeverityRole).toInt(), int(ValidationIssue::Severity::Error));
        QVERIFY(id.data(Qt::ToolTipRole).toString().contains(QLatin1String("already used")));

        typeInto(1, PartyTableModel::IdColumn, QStringLiteral("9999"));
        typeInto(1, PartyTableModel::HostColumn, QStringLiteral("192.168.7.1"));
        const QModelIndex host = model()->index(1, PartyTableModel::HostColumn);
        QCOMPARE(host.data(PartyTableModel::SeverityRole).toInt(), int(ValidationIssue::Severity::Warning));
        QVERIFY(host.data(Qt::ToolTipRole).toString().contains(QLatin1String("clash")));
    }

    void formFieldsEditTheProjectAndShowIssues()
    {
        auto *dir = f.window->findChild<QLineEdit *>(QStringLiteral("baseDir"));
        dir->setFocus();
        dir->selectAll();
        QTest::keyClicks(dir, QStringLiteral("relative/path"));
        QCOMPARE(f.window->project().baseDir, QStringLiteral("relative/path"));
        QVERIFY(dir->toolTip().contains(QLatin1String("absolute")));
        // Typing in one field is one undo step.
        f.window->action(QStringLiteral("actionUndo"))->trigger();
        QCOMPARE(f.window->project().baseDir, QStringLiteral("/data/projects/fate"));
        QCOMPARE(dir->text(), QStringLiteral("/data/projects/fate"));
        QVERIFY(!f.window->document()->isDirty());

        auto *port = f.window->findChild<QSpinBox *>(QStringLiteral("exchangePort"));
        port->setValue(9400);
        QCOMPARE(f.window->project().exchange.port, 9400);
    }

    void addDuplicateRemoveAndUndoRedo()
    {
        QAction *undo = f.window->action(QStringLiteral("actionUndo"));
        QAction *redo = f.window->action(QStringLiteral("actionRedo"));
        f.window->action(QStringLiteral("actionAddParty"))->trigger();
        QCOMPARE(model()->rowCount(), 3);
        QCOMPARE(f.window->project().parties.at(2).id, 10001);
        // A new party has no host yet: the table says so at the field.
        QVERIFY(model()
                    ->index(2, PartyTableModel::HostColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QLatin1String("required")));
        // Adding opens the host cell for typing straight away.
        auto *editor = table()->viewport()->findChild<QLineEdit *>();
        QVERIFY(editor);
        QTest::keyClicks(editor, QStringLiteral("192.168.7.3"));
        QTest::keyClick(editor, Qt::Key_Return);
        QPointer<QLineEdit> closing(editor);
        QTRY_VERIFY(!closing || !closing->isVisible());
        QCOMPARE(f.window->project().parties.at(2).host, QStringLiteral("192.168.7.3"));

        f.window->topologyPage()->selectRow(0);
        f.window->action(QStringLiteral("actionDuplicateParty"))->trigger();
        QCOMPARE(model()->rowCount(), 4);
        QCOMPARE(f.window->project().parties.at(1).id, 10002);
        QCOMPARE(f.window->project().parties.at(1).host, QString());

        f.window->topologyPage()->selectRow(1);
        f.window->action(QStringLiteral("actionRemoveParty"))->trigger();
        QCOMPARE(model()->rowCount(), 3);

        undo->trigger(); // remove
        QCOMPARE(model()->rowCount(), 4);
        undo->trigger(); // duplicate
        undo->trigger(); // host typed
        QCOMPARE(f.window->project().parties.at(2).host, QString());
        undo->trigger(); // add
        QCOMPARE(model()->rowCount(), 2);
        QVERIFY(!f.window->document()->isDirty());
        redo->trigger();
        redo->trigger();
        QCOMPARE(model()->rowCount(), 3);
        QCOMPARE(f.window->project().parties.at(2).host, QStringLiteral("192.168.7.3"));
    }

    void pictureAndTableShareTheSelection()
    {
        FederationView *picture = f.window->topologyPage()->federationView();
        QVERIFY(picture->isVisible());
        f.window->topologyPage()->selectRow(1);
        QCOMPARE(picture->selectedRow(), 1);
        // Click on party 0 in the picture: the table follows.
        QTest::mouseClick(picture, Qt::LeftButton, {}, picture->nodeCenter(0).toPoint());
        QCOMPARE(picture->selectedRow(), 0);
        QCOMPARE(f.window->topologyPage()->currentRow(), 0);
        QCOMPARE(f.window->topologyPage()->selectedPartyIds(), QList<int>{10000});
    }
};

QTEST_MAIN(TestGuiTopology)
#include "tst_gui_topology.moc"
