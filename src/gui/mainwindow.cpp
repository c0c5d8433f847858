// SPDX-License-Identifier: Apache-2.0
#include "gui/mainwindow.h"

#include "model/projectfile.h"

#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>

namespace FateDeployer {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setCentralWidget(new QLabel(tr("Open a project to begin."), this));
    resize(1200, 800);
    updateTitle();
}

MainWindow::~MainWindow() = default;

bool MainWindow::openProject(const QString &path)
{
    Result<Project> loaded = ProjectFile::load(path);
    if (!loaded) {
        m_lastError = loaded.error();
        // open() rather than exec(): no nested event loop on the GUI thread.
        auto *box
            = new QMessageBox(QMessageBox::Warning, tr("Cannot open project"), m_lastError, QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        return false;
    }
    m_project = std::move(loaded).value();
    m_path = QFileInfo(path).absoluteFilePath();
    m_lastError.clear();
    updateTitle();
    return true;
}

void MainWindow::updateTitle()
{
    setWindowTitle(m_project.name.isEmpty() ? tr("Untitled project") : m_project.name);
}

} // namespace FateDeployer
