// SPDX-License-Identifier: Apache-2.0
#include "gui/actiontable.h"

#include "gui/mainwindow.h"

#include <QAction>
#include <QActionGroup>
#include <QCoreApplication>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QToolBar>
#include <QWidget>

namespace FateDeployer {

bool ActionSpec::enabled(const WindowState &s) const
{
    switch (when) {
    case When::Always:
    case When::Managed:
        return true;
    case When::Open:
        return s.open;
    case When::Ready:
        return s.engine && s.open && s.valid && !s.running;
    case When::ReadySelection:
        return s.engine && s.open && s.valid && !s.running && s.selection;
    case When::EngineIdle:
        return s.engine && s.open && !s.running;
    case When::Running:
        return s.engine && s.running;
    case When::Failed:
        return s.engine && !s.running && s.failed;
    }
    return false;
}

ActionTable::ActionTable(std::span<const ActionSpec> rows,
                         MainWindow *window,
                         const QHash<QString, QAction *> &supplied,
                         QMenuBar *menuBar,
                         QToolBar *toolbar)
    : QObject(toolbar)
    , m_rows(rows)
    , m_toolbar(toolbar)
{
    using Kind = ActionSpec::Kind;
    QString lastToolbarMenu;
    for (const ActionSpec &row : rows) {
        const QString id = QLatin1String(row.id);
        QMenu *parent = row.menu ? m_menus.value(QLatin1String(row.menu)) : nullptr;
        Q_ASSERT_X(!row.menu || parent, row.id, "menus come before their entries");
        if (parent && (row.flags & ActionSpec::SeparatorBefore))
            parent->addSeparator();
        if (row.kind == Kind::Menu) {
            QMenu *menu = m_menus.value(id);
            if (!menu) {
                menu = parent ? parent->addMenu(QString()) : menuBar->addMenu(QString());
                menu->setObjectName(id);
                m_menus.insert(id, menu);
                if (!parent)
                    m_topMenus.append(menu);
            } else if (parent) {
                parent->addMenu(menu); // the same submenu in a second place
            }
            continue;
        }
        QAction *a = row.kind == Kind::Supplied ? supplied.value(id) : new QAction(toolbar);
        Q_ASSERT_X(a, row.id, "supplied action missing");
        a->setObjectName(id);
        a->setShortcut(row.shortcut());
        if (row.glyph != ActionSpec::NoIcon) {
            const auto glyph = Icons::Glyph(row.glyph);
            a->setIcon(row.themeIcon ? Icons::themed(row.themeIcon, glyph) : Icons::icon(glyph));
        }
        a->setCheckable(row.flags & (ActionSpec::Checkable | ActionSpec::Exclusive));
        if (row.data)
            a->setData(QString::fromLatin1(row.data));
        if ((row.flags & ActionSpec::Exclusive) && row.menu) {
            QActionGroup *&group = m_groups[QLatin1String(row.menu)];
            if (!group)
                group = new QActionGroup(this);
            group->addAction(a);
        }
        if (row.handler) {
            const auto handler = row.handler;
            connect(a, &QAction::triggered, window, [window, handler](bool checked) { handler(*window, checked); });
        }
        m_actions.insert(id, a);
        if (parent)
            parent->addAction(a);
        if (row.flags & ActionSpec::Toolbar) {
            // A separator where the toolbar moves on to another menu's actions.
            const QString top = QString::fromLatin1(row.menu).section(QLatin1Char('/'), 0, 0);
            if (!lastToolbarMenu.isEmpty() && top != lastToolbarMenu)
                toolbar->addSeparator();
            lastToolbarMenu = top;
            toolbar->addAction(a);
        }
        // Shortcuts work even when the menu bar is hidden.
        if (QWidget *w = qobject_cast<QWidget *>(menuBar->parent()))
            w->addAction(a);
    }
}

ActionTable::~ActionTable() = default;

QString ActionTable::translate(const char *text)
{
    return QCoreApplication::translate("FateDeployer::MainWindow", text);
}

void ActionTable::retranslate()
{
    m_toolbar->setWindowTitle(translate(QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "Main toolbar")));
    for (const ActionSpec &row : m_rows) {
        if (!row.text)
            continue; // a menu placed a second time
        const QString text = (row.flags & ActionSpec::Untranslated) ? QString::fromUtf8(row.text) : translate(row.text);
        if (row.kind == ActionSpec::Kind::Menu) {
            m_menus.value(QLatin1String(row.id))->setTitle(text);
            continue;
        }
        QAction *a = m_actions.value(QLatin1String(row.id));
        a->setText(text);
        const QString tip = row.tip ? translate(row.tip) : QString();
        a->setStatusTip(tip);
        a->setToolTip(tip.isEmpty() ? QString(text).remove(QLatin1Char('&')) : tip);
    }
    // Toolbar labels: Qt strips "&" but not the "(&O)" mnemonic suffix of CJK translations, nor "…".
    static const QRegularExpression mnemonicSuffix(QStringLiteral("\\s*\\(&.\\)"));
    for (QAction *a : m_toolbar->actions()) {
        if (a->isSeparator())
            continue;
        QString label = a->text();
        label.remove(mnemonicSuffix);
        label.remove(QLatin1Char('&'));
        if (label.endsWith(QChar(0x2026)))
            label.chop(1);
        a->setIconText(label);
    }
}

void ActionTable::update(const WindowState &state)
{
    for (const ActionSpec &row : m_rows) {
        if (row.kind == ActionSpec::Kind::Action && row.when != ActionSpec::When::Always)
            m_actions.value(QLatin1String(row.id))->setEnabled(row.enabled(state));
    }
}

} // namespace FateDeployer
