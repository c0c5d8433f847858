// SPDX-License-Identifier: Apache-2.0
#include "gui/helpdialogs.h"

#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMenu>
#include <QMessageBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace FateDeployer {

void HelpDialogs::showShortcuts(QWidget *parent, const QList<QMenu *> &menus)
{
    auto *dialog = new QDialog(parent);
    dialog->setObjectName(QStringLiteral("shortcutsDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Keyboard shortcuts"));
    auto *layout = new QVBoxLayout(dialog);
    auto *table = new QTableWidget(0, 2, dialog);
    table->setHorizontalHeaderLabels({tr("Action"), tr("Shortcut")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto addRow = [table](const QString &what, const QKeySequence &keys) {
        const int row = table->rowCount();
        table->insertRow(row);
        table->setItem(row, 0, new QTableWidgetItem(QString(what).remove(QLatin1Char('&'))));
        table->setItem(row, 1, new QTableWidgetItem(keys.toString(QKeySequence::NativeText)));
    };
    for (QMenu *menu : menus) {
        for (QAction *a : menu->actions()) {
            if (!a->shortcut().isEmpty())
                addRow(a->text(), a->shortcut());
        }
    }
    addRow(tr("Search in the log"), QKeySequence::Find);
    addRow(tr("Next match"), QKeySequence::FindNext);
    addRow(tr("Copy selected log lines"), QKeySequence::Copy);
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    layout->addWidget(table);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog->resize(480, 560);
    dialog->open();
}

void HelpDialogs::showAbout(QWidget *parent)
{
    auto *box = new QMessageBox(parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowTitle(tr("About FATE Deployer"));
    box->setTextFormat(Qt::RichText);
    box->setText(tr("<h3>FATE Deployer %1</h3><p>Deploys FATE federations with Docker Compose over SSH, from one "
                    "deploy machine to every run host.</p><p>Built with Qt %2. Licensed under the Apache License "
                    "2.0.</p>")
                     .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion())));
    box->open();
}

} // namespace FateDeployer
