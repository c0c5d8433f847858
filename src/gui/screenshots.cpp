// SPDX-License-Identifier: Apache-2.0
#include "gui/screenshots.h"

#include "gui/mainwindow.h"
#include "gui/projectdocument.h"

#include <QApplication>
#include <QDir>
#include <QPixmap>

namespace FateDeployer {

QStringList saveScreenshots(MainWindow *window, const QString &dir, const QString &prefix)
{
    QDir().mkpath(dir);
    QStringList written;
    const MainWindow::Page before = window->currentPage();
    const std::pair<MainWindow::Page, const char *> pages[] = {{MainWindow::Page::Welcome, "welcome"},
                                                               {MainWindow::Page::Topology, "topology"},
                                                               {MainWindow::Page::Images, "images"},
                                                               {MainWindow::Page::Deploy, "deploy"},
                                                               {MainWindow::Page::History, "history"}};
    for (const auto &[page, name] : pages) {
        if (page != MainWindow::Page::Welcome && !window->document()->isOpen())
            continue;
        if (page == MainWindow::Page::Welcome && window->document()->isOpen())
            continue;
        window->showPage(page);
        // Layouts settle on posted events; no nested loop: only already-queued events run.
        QApplication::sendPostedEvents();
        QApplication::processEvents();
        const QString file
            = QDir(dir).filePath(prefix + QLatin1Char('-') + QLatin1String(name) + QStringLiteral(".png"));
        if (window->grab().save(file))
            written.append(file);
    }
    window->showPage(before);
    return written;
}

} // namespace FateDeployer
