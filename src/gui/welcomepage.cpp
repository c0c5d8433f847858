// SPDX-License-Identifier: Apache-2.0
#include "gui/welcomepage.h"

#include "ui_welcomepage.h"

#include <QDir>
#include <QFileInfo>

namespace FateDeployer {

WelcomePage::WelcomePage(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::WelcomePage>())
{
    m_ui->setupUi(this);
    m_ui->guide->setMaximumWidth(720);
    m_ui->subtitle->setMaximumWidth(720);
    connect(m_ui->exampleButton, &QPushButton::clicked, this, &WelcomePage::exampleRequested);
    connect(m_ui->openButton, &QPushButton::clicked, this, &WelcomePage::openRequested);
    connect(m_ui->importButton, &QPushButton::clicked, this, &WelcomePage::importRequested);
    connect(m_ui->newButton, &QPushButton::clicked, this, &WelcomePage::newRequested);
    connect(m_ui->recentList, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        emit recentRequested(item->data(Qt::UserRole).toString());
    });
}

WelcomePage::~WelcomePage() = default;

void WelcomePage::setRecentFiles(const QStringList &files)
{
    m_recent = files;
    m_ui->recentList->clear();
    for (const QString &file : files) {
        auto *item = new QListWidgetItem(
            tr("%1 — %2").arg(QFileInfo(file).completeBaseName(), QDir::toNativeSeparators(QFileInfo(file).path())),
            m_ui->recentList);
        item->setData(Qt::UserRole, file);
        item->setToolTip(file);
    }
    m_ui->recentLabel->setVisible(!files.isEmpty());
    m_ui->recentList->setVisible(!files.isEmpty());
}

void WelcomePage::setImportAvailable(bool available)
{
    m_ui->importButton->setEnabled(available);
    m_ui->importButton->setToolTip(available ? tr("Read docker-configuration.sh or parties.conf and .env") : QString());
}

void WelcomePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        setRecentFiles(m_recent);
    }
    QWidget::changeEvent(event);
}

} // namespace FateDeployer
