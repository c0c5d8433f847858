// SPDX-License-Identifier: Apache-2.0
// The main window's action table (mainactions.cpp): every action and menu is translated in both
// languages, shortcuts are unique, and the menu bar and toolbar hold exactly what the table says,
// in the layout the window has always had.
#include "guitest.h"

#include "gui/language.h"
#include "gui/mainactions.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QToolBar>

using namespace FateDeployer;

namespace {
bool hasChinese(const QString &text)
{
    static const QRegularExpression han(QStringLiteral("\\p{Han}"));
    return text.contains(han);
}

/// "id" for actions, ">id" for submenus, "|" for separators.
QStringList entriesOf(const QList<QAction *> &actions)
{
    QStringList out;
    for (QAction *a : actions)
        out.append(a->isSeparator() ? QStringLiteral("|")
                   : a->menu()      ? QLatin1Char('>') + a->menu()->objectName()
                                    : a->objectName());
    return out;
}
} // namespace

class TestGuiActions : public QObject
{
    Q_OBJECT

private:
    Testing::WindowFixture f;

    QString textOf(const ActionSpec &row) const
    {
        if (row.kind == ActionSpec::Kind::Menu)
            return f.window->actions()->menu(QLatin1String(row.id))->title();
        return f.window->action(QLatin1String(row.id))->text();
    }

private slots:
    void init() { f.create(); }
    void cleanup()
    {
        Language::apply(QStringLiteral("en"));
        f.destroy();
    }

    void everyActionHasTextInBothLanguages()
    {
        for (const ActionSpec &row : mainWindowActions()) {
            if (!row.text)
                continue; // a menu placed a second time
            QCOMPARE(textOf(row), QString::fromUtf8(row.text));
            if (row.tip && row.kind != ActionSpec::Kind::Menu)
                QCOMPARE(f.window->action(QLatin1String(row.id))->statusTip(), QString::fromUtf8(row.tip));
        }
        QCOMPARE(Language::apply(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
        QTRY_VERIFY(hasChinese(f.window->action(QStringLiteral("actionSave"))->text()));
        for (const ActionSpec &row : mainWindowActions()) {
            if (!row.text)
                continue;
            const QString text = textOf(row);
            if (row.flags & ActionSpec::Untranslated) {
                QCOMPARE(text, QString::fromUtf8(row.text)); // a language's own name
                continue;
            }
            QVERIFY2(hasChinese(text), row.id);
            if (row.tip && row.kind != ActionSpec::Kind::Menu)
                QVERIFY2(hasChinese(f.window->action(QLatin1String(row.id))->statusTip()), row.id);
        }
        QVERIFY(hasChinese(f.window->findChild<QToolBar *>(QStringLiteral("mainToolbar"))->windowTitle()));
        // Toolbar labels drop the mnemonic suffix "(&S)" and the ellipsis.
        QVERIFY(!f.window->action(QStringLiteral("actionSave"))->iconText().contains(QLatin1Char('&')));
        Language::apply(QStringLiteral("en"));
        QTRY_COMPARE(f.window->action(QStringLiteral("actionSave"))->text(), QStringLiteral("&Save"));
    }

    void shortcutsAreUniqueAndFromTheTable()
    {
        QHash<QString, QString> owner;
        for (const ActionSpec &row : mainWindowActions()) {
            if (row.kind == ActionSpec::Kind::Menu)
                continue;
            QAction *a = f.window->action(QLatin1String(row.id));
            QVERIFY2(a, row.id);
            QCOMPARE(a->shortcut(), row.shortcut());
            if (a->shortcut().isEmpty())
                continue;
            const QString keys = a->shortcut().toString();
            QVERIFY2(!owner.contains(keys), qPrintable(keys + QLatin1String(": ") + owner.value(keys)));
            owner.insert(keys, QLatin1String(row.id));
        }
        QVERIFY(owner.size() >= 18); // some standard keys have no binding on every platform
        // Every shortcut works with the menu bar hidden: the window itself holds the actions.
        for (const QString &id : std::as_const(owner))
            QVERIFY2(f.window->QWidget::actions().contains(f.window->action(id)), qPrintable(id));
    }

    void menusAndToolbarAreBuiltFromTheTable()
    {
        // Every entry of every menu is a row of the table placed in that menu, and the reverse.
        QHash<QString, QStringList> fromTable;
        for (const ActionSpec &row : mainWindowActions()) {
            if (!row.menu)
                continue;
            fromTable[QLatin1String(row.menu)].append(
                (row.kind == ActionSpec::Kind::Menu ? QStringLiteral(">") : QString()) + QLatin1String(row.id));
        }
        QStringList topMenus;
        for (QAction *a : f.window->menuBar()->actions())
            topMenus.append(a->menu()->objectName());
        QCOMPARE(topMenus,
                 (QStringList{QStringLiteral("file"),
                              QStringLiteral("edit"),
                              QStringLiteral("deploy"),
                              QStringLiteral("view"),
                              QStringLiteral("settings"),
                              QStringLiteral("help")}));
        QStringList menus = topMenus;
        menus << QStringLiteral("file/export") << QStringLiteral("file/federation")
              << QStringLiteral("settings/language");
        for (const QString &id : std::as_const(menus)) {
            QStringList entries = entriesOf(f.window->actions()->menu(id)->actions());
            entries.removeAll(QStringLiteral("|"));
            QCOMPARE(entries, fromTable.value(id));
        }
        // The layout users know (as before the table): separators included.
        const auto menu
            = [this](const char *id) { return entriesOf(f.window->actions()->menu(QLatin1String(id))->actions()); };
        QCOMPARE(menu("file").join(QLatin1Char(' ')),
                 QStringLiteral("actionNew actionNewExample actionOpen >file/recent | actionSave actionSaveAs | "
                                "actionImport >file/export >file/federation | actionClose actionQuit"));
        QCOMPARE(menu("edit").join(QLatin1Char(' ')),
                 QStringLiteral("actionUndo actionRedo | actionAddParty actionDuplicateParty actionRemoveParty | "
                                "actionFind"));
        QCOMPARE(
            menu("deploy").join(QLatin1Char(' ')),
            QStringLiteral(
                "actionPreflight actionDeployAll actionDeploySelected actionDeployExchange actionVerify "
                "actionRefreshStatus actionConnectivity actionToyGrid actionDrift | actionCancel actionRetryFailed | "
                "actionTeardown"));
        QCOMPARE(menu("view").join(QLatin1Char(' ')),
                 QStringLiteral("actionShowTopology actionShowImages actionShowDeploy actionShowHistory | "
                                "actionPreview actionChangePlan actionFullScreen actionShowToolbar"));
        QCOMPARE(menu("settings").join(QLatin1Char(' ')), QStringLiteral("actionSettings >settings/language"));
        QCOMPARE(menu("help").join(QLatin1Char(' ')),
                 QStringLiteral("actionShortcuts >settings/language | actionAbout actionAboutQt"));
        auto *toolbar = f.window->findChild<QToolBar *>(QStringLiteral("mainToolbar"));
        QCOMPARE(entriesOf(toolbar->actions()).join(QLatin1Char(' ')),
                 QStringLiteral("actionOpen actionSave | actionUndo actionRedo | actionPreflight actionDeployAll "
                                "actionVerify actionRefreshStatus actionCancel actionRetryFailed"));
        // The toolbar's toggle is the table's "Main toolbar" entry.
        QCOMPARE(f.window->action(QStringLiteral("actionShowToolbar")), toolbar->toggleViewAction());
    }

    void enablingFollowsTheTableRules()
    {
        QVERIFY(!f.window->action(QStringLiteral("actionSave"))->isEnabled());
        QVERIFY(f.window->action(QStringLiteral("actionOpen"))->isEnabled());
        QVERIFY(f.window->openProject(f.examplePath()));
        QVERIFY(f.window->action(QStringLiteral("actionSave"))->isEnabled());
        // Without a back end nothing that needs the engine is enabled.
        for (const ActionSpec &row : mainWindowActions()) {
            if (row.kind == ActionSpec::Kind::Action && row.when >= ActionSpec::When::Ready
                && row.when <= ActionSpec::When::Failed)
                QVERIFY2(!f.window->action(QLatin1String(row.id))->isEnabled(), row.id);
        }
    }
};

QTEST_MAIN(TestGuiActions)
#include "tst_gui_actions.moc"
