// SPDX-License-Identifier: Apache-2.0
#include "gui/application.h"

#include "gui/mainwindow.h"
#include "model/projectfile.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QTimer>
#include <QTranslator>

namespace FateDeployer {

int runGuiApplication(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("FATE Deployer"));
    QApplication::setApplicationName(QStringLiteral("fate-deployer"));
    QApplication::setApplicationDisplayName(QStringLiteral("FATE Deployer"));
    QApplication::setApplicationVersion(QStringLiteral(FD_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.fate_deployer.FateDeployer"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("FateDeployer::Application", "Deploy FATE federations with Docker Compose over SSH."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption smoke(
        QStringLiteral("smoke"),
        QApplication::translate("FateDeployer::Application",
                                "open the window, paint once and exit (installation check)"));
    const QCommandLineOption language(
        QStringLiteral("lang"),
        QApplication::translate("FateDeployer::Application", "user interface language (en or zh_CN)"),
        QStringLiteral("LANG"));
    parser.addOption(smoke);
    parser.addOption(language);
    parser.addPositionalArgument(QStringLiteral("PROJECT"),
                                 QApplication::translate("FateDeployer::Application", "project file to open"),
                                 QStringLiteral("[PROJECT]"));
    parser.process(app);

    const QLocale locale = parser.isSet(language) ? QLocale(parser.value(language)) : QLocale();
    QTranslator qtTranslator;
    if (qtTranslator.load(
            locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator translator;
    if (translator.load(locale, QStringLiteral("fate-deployer"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    MainWindow window;
    if (!parser.positionalArguments().isEmpty())
        window.openProject(parser.positionalArguments().first());
    window.show();
    if (parser.isSet(smoke)) {
        // Paint once, then leave with 0 only if the project (when given) opened.
        QTimer::singleShot(0, &window, [&window] {
            window.repaint();
            QApplication::exit(window.lastError().isEmpty() ? 0 : 1);
        });
    }
    return QApplication::exec();
}

} // namespace FateDeployer
