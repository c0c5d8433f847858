// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/project.h"

#include <QMainWindow>

namespace FateDeployer {

/// The main window: composes the pages, menus and toolbar; holds no deployment logic.
class MainWindow : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    bool openProject(const QString &path);
    const Project &project() const { return m_project; }
    QString lastError() const { return m_lastError; }

private:
    void updateTitle();

    Project m_project;
    QString m_path;
    QString m_lastError;
};

} // namespace FateDeployer
