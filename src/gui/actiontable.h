// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gui/icons.h"

#include <QHash>
#include <QKeySequence>
#include <QObject>

#include <span>

class QAction;
class QActionGroup;
class QMenu;
class QMenuBar;
class QToolBar;
class QWidget;

namespace FateDeployer {

class MainWindow;

/// What the window's actions depend on; ActionTable::update() enables each action from it.
struct WindowState
{
    bool open = false;      ///< a project is open
    bool valid = false;     ///< ... and has no validation error
    bool engine = false;    ///< a deploy back end is attached
    bool running = false;   ///< a run is in progress
    bool selection = false; ///< parties are selected in the topology
    bool failed = false;    ///< the last run left failed hosts
};

/// One row of the window's action table: a menu, a separator-free action, or an action that the
/// window supplies itself (undo/redo from the undo stack, the toolbar's toggle). Rows are in menu
/// order; the menu bar, the toolbar, shortcuts, enabling and retranslation are all built from them.
struct ActionSpec
{
    enum class Kind : quint8 {
        Menu,    ///< a menu: top level when menu is null, else a submenu of menu (re-added when id repeats)
        Action,  ///< an action with a handler
        Supplied ///< an action the window creates (ActionTable::supply), placed and translated here
    };
    enum class When : quint8 {
        Always,
        Open,           ///< a project is open
        Ready,          ///< engine attached, project valid, nothing running
        ReadySelection, ///< Ready and parties selected
        EngineIdle,     ///< engine attached, project open, nothing running
        Running,        ///< engine attached and a run in progress
        Failed,         ///< engine attached, idle, and failed hosts to retry
        Managed,        ///< enabled by whoever supplied it
    };
    static constexpr quint8 Toolbar = 1;         ///< also on the toolbar
    static constexpr quint8 Checkable = 2;       ///< checkable; the handler gets the new state
    static constexpr quint8 SeparatorBefore = 4; ///< a separator before it in its menu
    static constexpr quint8 Untranslated = 8;    ///< text shown as is (a language's own name)
    static constexpr quint8 Exclusive = 16;      ///< checkable, one checked among the Exclusive rows of its menu
    static constexpr quint8 NoIcon = 0xff;       ///< glyph value: no icon

    Kind kind = Kind::Action;
    const char *id = nullptr;   ///< object name ("actionSave") or menu id ("file/export")
    const char *text = nullptr; ///< source text in context "FateDeployer::MainWindow" (QT_TRANSLATE_NOOP)
    const char *tip = nullptr;  ///< status and tool tip; null = the text without mnemonic
    const char *menu = nullptr; ///< id of the menu it goes in; null = only a window shortcut (or a top menu)
    QKeySequence::StandardKey standardKey = QKeySequence::UnknownKey;
    int keys = 0;                    ///< QKeyCombination::toCombined() when there is no standard key
    quint8 glyph = NoIcon;           ///< Icons::Glyph
    const char *themeIcon = nullptr; ///< freedesktop name tried before the glyph
    const char *data = nullptr;      ///< QAction::data() (a language code)
    When when = When::Always;
    quint8 flags = 0;
    void (*handler)(MainWindow &window, bool checked) = nullptr;

    QKeySequence shortcut() const
    {
        return standardKey != QKeySequence::UnknownKey ? QKeySequence(standardKey) : QKeySequence(keys);
    }
    bool enabled(const WindowState &s) const;
};

/// The QActions, menus and toolbar built from a table of ActionSpec rows.
class ActionTable : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActionTable)

public:
    /// @p supplied: the actions of the Supplied rows, by id.
    ActionTable(std::span<const ActionSpec> rows,
                MainWindow *window,
                const QHash<QString, QAction *> &supplied,
                QMenuBar *menuBar,
                QToolBar *toolbar);
    ~ActionTable() override;

    std::span<const ActionSpec> rows() const { return m_rows; }
    QAction *action(const QString &id) const { return m_actions.value(id); }
    QMenu *menu(const QString &id) const { return m_menus.value(id); }
    QList<QMenu *> topMenus() const { return m_topMenus; }

    /// Texts, tips, menu titles, toolbar labels in the current language.
    void retranslate();
    void update(const WindowState &state);

    /// The translation of a table text (context "FateDeployer::MainWindow").
    static QString translate(const char *text);

private:
    std::span<const ActionSpec> m_rows;
    QToolBar *m_toolbar;
    QHash<QString, QAction *> m_actions;
    QHash<QString, QMenu *> m_menus;
    QList<QMenu *> m_topMenus;
    QHash<QString, QActionGroup *> m_groups;
};

} // namespace FateDeployer
