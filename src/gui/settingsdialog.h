// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDialog>

#include <memory>

namespace Ui {
class SettingsDialog;
}

namespace FateDeployer {

class AppSettings;

/// Preferences: hosts in parallel, timeouts, known_hosts, language, log size, autosave.
/// Shown with open(); OK writes to AppSettings (the language applies at once).
class SettingsDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    SettingsDialog(AppSettings *settings, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    void accept() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void load();
    void retranslate();

    std::unique_ptr<Ui::SettingsDialog> m_ui;
    AppSettings *m_settings;
};

} // namespace FateDeployer
