// SPDX-License-Identifier: Apache-2.0
#include "gui/teardowndialog.h"

#include "gui/mainwindow.h"
#include "gui/topologypage.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace FateDeployer {

TeardownDialog::TeardownDialog(const QList<int> &selectedParties, QWidget *parent)
    : QDialog(parent)
    , m_selected(selectedParties)
    , m_stop(new QRadioButton(tr("&Stop the containers (keep them and all data)"), this))
    , m_remove(new QRadioButton(tr("&Remove the containers and networks (keep the data directory)"), this))
    , m_selectedOnly(new QCheckBox(tr("Only the parties selected in the topology"), this))
{
    setObjectName(QStringLiteral("teardownDialog"));
    setWindowTitle(tr("Delete deployment"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("How much should be removed from the hosts? This cannot be undone."), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *all = new QRadioButton(tr("Remove &everything, including the deployment directory and its data"), this);
    m_stop->setChecked(true);
    layout->addWidget(m_stop);
    layout->addWidget(m_remove);
    layout->addWidget(all);
    m_selectedOnly->setEnabled(!m_selected.isEmpty());
    layout->addWidget(m_selectedOnly);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *go = buttons->addButton(tr("&Delete deployment"), QDialogButtonBox::DestructiveRole);
    connect(go, &QPushButton::clicked, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    layout->addWidget(buttons);
}

TeardownDialog::~TeardownDialog() = default;

DeployBackend::TeardownLevel TeardownDialog::level() const
{
    return m_stop->isChecked()     ? DeployBackend::TeardownLevel::StopContainers
           : m_remove->isChecked() ? DeployBackend::TeardownLevel::RemoveContainers
                                   : DeployBackend::TeardownLevel::RemoveEverything;
}

QList<int> TeardownDialog::partyIds() const
{
    return m_selectedOnly->isChecked() ? m_selected : QList<int>{};
}

void TeardownDialog::ask(MainWindow *window)
{
    auto *dialog = new TeardownDialog(window->topologyPage()->selectedPartyIds(), window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, window, [window, dialog] {
        if (DeployBackend *backend = window->deployBackend())
            backend->teardown(window->project(), dialog->level(), dialog->partyIds());
    });
    dialog->open();
}

} // namespace FateDeployer
