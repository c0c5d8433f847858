// SPDX-License-Identifier: Apache-2.0
#include "gui/settingsdialog.h"

#include "ui_settingsdialog.h"

#include "gui/appsettings.h"
#include "gui/dialogs.h"

#include <QPushButton>

namespace FateDeployer {

SettingsDialog::SettingsDialog(AppSettings *settings, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SettingsDialog>())
    , m_settings(settings)
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("settingsDialog"));
    m_ui->language->addItem(QString(), QString());
    m_ui->language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_ui->language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(m_ui->buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this, [this] {
        m_ui->parallelHosts->setValue(4);
        m_ui->connectTimeout->setValue(20);
        m_ui->commandTimeout->setValue(900);
        m_ui->knownHosts->clear();
        m_ui->logCapacity->setValue(100000);
        m_ui->autosave->setValue(60);
    });
    connect(m_ui->knownHostsBrowse, &QPushButton::clicked, this, [this] {
        Dialogs::openFile(this, tr("known_hosts file"), tr("All files (*)"), [this](const QString &path) {
            if (!path.isEmpty())
                m_ui->knownHosts->setText(path);
        });
    });
    retranslate();
    load();
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::load()
{
    m_ui->parallelHosts->setValue(m_settings->parallelHosts());
    m_ui->connectTimeout->setValue(m_settings->connectTimeoutSeconds());
    m_ui->commandTimeout->setValue(m_settings->commandTimeoutSeconds());
    m_ui->knownHosts->setText(m_settings->knownHostsFile());
    m_ui->language->setCurrentIndex(qMax(0, m_ui->language->findData(m_settings->language())));
    m_ui->logCapacity->setValue(m_settings->logCapacity());
    m_ui->autosave->setValue(m_settings->autosaveIntervalSeconds());
}

void SettingsDialog::accept()
{
    m_settings->setParallelHosts(m_ui->parallelHosts->value());
    m_settings->setConnectTimeoutSeconds(m_ui->connectTimeout->value());
    m_settings->setCommandTimeoutSeconds(m_ui->commandTimeout->value());
    m_settings->setKnownHostsFile(m_ui->knownHosts->text().trimmed());
    m_settings->setLogCapacity(m_ui->logCapacity->value());
    m_settings->setAutosaveIntervalSeconds(m_ui->autosave->value());
    m_settings->setLanguage(m_ui->language->currentData().toString());
    QDialog::accept();
}

void SettingsDialog::retranslate()
{
    m_ui->language->setItemText(0, tr("System language"));
    m_ui->connectTimeout->setSuffix(tr(" s", "seconds suffix of a spin box"));
    m_ui->commandTimeout->setSuffix(tr(" s", "seconds suffix of a spin box"));
    m_ui->autosave->setSuffix(tr(" s", "seconds suffix of a spin box"));
    m_ui->autosave->setSpecialValueText(tr("never", "autosave interval 0"));
    m_ui->knownHosts->setPlaceholderText(tr("~/.ssh/known_hosts"));
    m_ui->parallelHosts->setToolTip(tr("How many hosts are deployed at the same time; the rest wait their turn."));
    m_ui->commandTimeout->setToolTip(
        tr("A remote command that prints nothing and transfers nothing for this long is stopped and reported "
           "as failed. Long pulls and uploads that make progress are never stopped."));
}

void SettingsDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    QDialog::changeEvent(event);
}

} // namespace FateDeployer
