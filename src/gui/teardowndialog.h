// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gui/deploybackend.h"

#include <QDialog>

class QCheckBox;
class QRadioButton;

namespace FateDeployer {

class MainWindow;

/// Deploy > Delete deployment: how much to remove (stop, remove containers, remove everything)
/// and whether only the parties selected in the topology. Built in code; non-modal.
class TeardownDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TeardownDialog)

public:
    /// @p selectedParties empty = the "only the selected parties" choice is disabled.
    TeardownDialog(const QList<int> &selectedParties, QWidget *parent = nullptr);
    ~TeardownDialog() override;

    DeployBackend::TeardownLevel level() const;
    /// The parties to tear down; empty = all.
    QList<int> partyIds() const;

    /// Opens the dialog over @p window; on "Delete deployment" the window's back end tears down.
    static void ask(MainWindow *window);

private:
    QList<int> m_selected;
    QRadioButton *m_stop;
    QRadioButton *m_remove;
    QCheckBox *m_selectedOnly;
};

} // namespace FateDeployer
