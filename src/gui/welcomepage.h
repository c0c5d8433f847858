// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QWidget>

#include <memory>

namespace Ui {
class WelcomePage;
}

namespace FateDeployer {

/// Shown while no project is open: start from the two-party example, open, import KubeFATE
/// files or start empty; recent projects; a short guide to the workflow.
class WelcomePage : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WelcomePage)

public:
    explicit WelcomePage(QWidget *parent = nullptr);
    ~WelcomePage() override;

    void setRecentFiles(const QStringList &files);
    void setImportAvailable(bool available);

signals:
    void exampleRequested();
    void openRequested();
    void importRequested();
    void newRequested();
    void recentRequested(const QString &path);

protected:
    void changeEvent(QEvent *event) override;

private:
    std::unique_ptr<Ui::WelcomePage> m_ui;
    QStringList m_recent;
};

} // namespace FateDeployer
