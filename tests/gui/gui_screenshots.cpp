// SPDX-License-Identifier: Apache-2.0
// gui_screenshots (a tool, not a test): PNGs of every page with a finished scripted run, so the
// Deploy and History pages show host rows, steps and log lines. Run under Xvfb:
//   xvfb-run -a build/tests/gui_screenshots OUTDIR [en|zh_CN]
#include "gui/appsettings.h"
#include "gui/daytwodialog.h"
#include "gui/deploymonitor.h"
#include "gui/federationview.h"
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

/// Day two (issue 16): the matrix and drift views with results as the engine reports them (a blocked
/// exchange port seen from party 9999, a hand-edited file and a stopped container), and the picture's routes.
QStringList dayTwoScreenshots(MainWindow &window, const QString &dir, const QString &lang)
{
    const QString ex = QStringLiteral("192.168.7.1");
    MatrixCell blocked{
        QStringLiteral("party-9999"), QStringLiteral("exchange"), ex, 9371, MatrixCell::Result::Timeout, {}};
    blocked.fix = DayTwo::matrixFix(blocked, QStringLiteral("exchange"));
    const QList<MatrixCell> cells{
        {QStringLiteral("party-10000"), QStringLiteral("exchange"), ex, 9371, MatrixCell::Result::Ok, {}},
        blocked,
        {QStringLiteral("exchange"), QStringLiteral("party-10000"), ex, 9370, MatrixCell::Result::Ok, {}},
        {QStringLiteral("exchange"),
         QStringLiteral("party-9999"),
         QStringLiteral("192.168.7.2"),
         9370,
         MatrixCell::Result::Ok,
         {}}};
    const QList<HostDrift> drift{{QStringLiteral("party-10000"), ex, true, {}, {}},
                                 {QStringLiteral("party-9999"),
                                  QStringLiteral("192.168.7.2"),
                                  true,
                                  {},
                                  {{DriftEntry::Kind::Changed, QStringLiteral("confs/roll/conf/log4j2.properties"), {}},
                                   {DriftEntry::Kind::Added, QStringLiteral("confs/stray.conf"), {}},
                                   {DriftEntry::Kind::ContainerNotRunning,
                                    QStringLiteral("confs-9999_fateboard_1"),
                                    QStringLiteral("Exited (0) 2 minutes ago")}}},
                                 {QStringLiteral("exchange"), ex, true, {}, {}}};
    QStringList files;
    // The dialog exists before the results arrive, as when its actions start the runs.
    DayTwoDialog *dialog = DayTwoDialog::showFor(&window, DayTwoDialog::Tab::Connectivity);
    window.monitor()->onMatrixChecked(cells);
    window.monitor()->onDriftChecked(drift);
    dialog->resize(900, 560);
    for (const auto &[tab, name] :
         {std::pair{DayTwoDialog::Tab::Connectivity, "matrix"}, std::pair{DayTwoDialog::Tab::Drift, "drift"}}) {
        DayTwoDialog::showFor(&window, tab);
        QApplication::sendPostedEvents();
        QApplication::processEvents();
        const QString file
            = dir + QLatin1Char('/') + lang + QLatin1Char('-') + QLatin1String(name) + QStringLiteral(".png");
        if (dialog->grab().save(file))
            files.append(file);
    }
    dialog->hide();
    window.showPage(MainWindow::Page::Topology);
    window.topologyPage()->federationView()->setSelectedRow(-1); // the routes' colours, not the selection's
    QApplication::sendPostedEvents();
    QApplication::processEvents();
    const QString file = dir + QLatin1Char('/') + lang + QStringLiteral("-topology-matrix.png");
    if (window.grab().save(file))
        files.append(file);
    return files;
}

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
            files += dayTwoScreenshots(window, args.at(1), lang);
            for (const QString &f : files)
                QTextStream(stdout) << f << '\n';
            QApplication::exit(files.size() == 8 ? 0 : 1);
        });
    });
    poll.start(50);
    return QApplication::exec();
}
