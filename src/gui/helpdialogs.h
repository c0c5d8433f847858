// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QCoreApplication>
#include <QList>

class QMenu;
class QWidget;

namespace FateDeployer {

/// The Help menu's dialogs, built in code and shown non-modally.
class HelpDialogs
{
    Q_DECLARE_TR_FUNCTIONS(FateDeployer::HelpDialogs)

public:
    /// Every shortcut of the actions in @p menus (so the list never disagrees with the menus),
    /// plus the log view's own keys.
    static void showShortcuts(QWidget *parent, const QList<QMenu *> &menus);
    static void showAbout(QWidget *parent);
};

} // namespace FateDeployer
