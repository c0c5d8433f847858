// SPDX-License-Identifier: Apache-2.0
// Shared set-up for GUI tests: throw-away settings and data folders, a real MainWindow.
#pragma once

#include "gui/appsettings.h"
#include "gui/mainwindow.h"

#include <QDir>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace FateDeployer::Testing {

struct WindowFixture
{
    QTemporaryDir dir;
    std::unique_ptr<AppSettings> settings;
    std::unique_ptr<MainWindow> window;

    void create()
    {
        QStandardPaths::setTestModeEnabled(true); // autosave and history go to ~/.qttest, not the user's data
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).removeRecursively();
        settings = std::make_unique<AppSettings>(dir.filePath(QStringLiteral("settings.ini")));
        window = std::make_unique<MainWindow>(settings.get());
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    }
    void destroy()
    {
        window.reset();
        settings.reset();
    }
    QString examplePath() const { return QStringLiteral(FD_SOURCE_DIR "/resources/examples/two-party.fdproj"); }
};

} // namespace FateDeployer::Testing
