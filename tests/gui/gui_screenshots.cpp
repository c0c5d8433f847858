// SPDX-License-Identifier: Apache-2.0
// gui_screenshots (a tool, not a test): PNGs of every page with a finished scripted run, so the
// Deploy and History pages show host rows, steps and log lines. Run under Xvfb:
//   xvfb-run -a build/tests/gui_screenshots OUTDIR [en|zh_CN]
#include "gui/appsettings.h"
#include "gui/deploymonitor.h"
#include "gui/language.h"
#include "gui/mainwindow.h"
#include "gui/screenshots.h"
#include "gui/topologypage.h"
#include "scriptedbackend.h"

#include <QApplication>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

using namespace FateDeployer;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("FATE Deployer"));
    QStandardPaths::setTestModeEnabled(true);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 2) {
        QTextStream(stderr) << "usage: gui_screenshots OUTDIR [en|zh_CN]\n";
        return 2;
    }
    const QString lang = Language::apply(args.value(2, QStringLiteral("en")));
    QTemporaryDir settingsDir;
    AppSettings settings(settingsDir.filePath(QStringLiteral("settings.ini")));
    MainWindow window(&settings);
    window.resize(1280, 800);
    window.show();
    const QStringList welcome = saveScreenshots(&window, args.at(1), lang);
    window.openProject(QStringLiteral(FD_SOURCE_DIR "/resources/examples/two-party.fdproj"));
    Testing::ScriptedBackend backend;
    backend.failHost = QStringLiteral("192.168.7.2");
    window.setDeployBackend(&backend);
    window.topologyPage()->selectRow(0);
    window.action(QStringLiteral("actionDeployAll"))->trigger();
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &app, [&] {
        if (window.monitor()->isRunning())
            return;
        poll.stop();
        window.action(QStringLiteral("actionRefreshStatus"))->trigger();
        QTimer::singleShot(300, &app, [&] {
            QStringList files = welcome + saveScreenshots(&window, args.at(1), lang);
            for (const QString &f : files)
                QTextStream(stdout) << f << '\n';
            QApplication::exit(files.size() == 5 ? 0 : 1);
        });
    });
    poll.start(50);
    return QApplication::exec();
}
