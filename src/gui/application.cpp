// SPDX-License-Identifier: Apache-2.0
#include "gui/application.h"

#include "gui/appsettings.h"
#include "gui/enginebackend.h"
#include "gui/language.h"
#include "gui/mainwindow.h"
#include "gui/projectdocument.h"
#include "gui/screenshots.h"
#include "settings/secretstore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QTextStream>
#include <QTimer>

namespace FateDeployer {

int runGuiApplication(int argc, char *argv[])
{
    QElapsedTimer startup;
    startup.start();
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
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QApplication::translate("FateDeployer::Application",
                                "save a PNG of every page into DIR and exit (documentation, CI)"),
        QStringLiteral("DIR"));
    parser.addOption(smoke);
    parser.addOption(language);
    parser.addOption(screenshot);
    parser.addPositionalArgument(QStringLiteral("PROJECT"),
                                 QApplication::translate("FateDeployer::Application", "project file to open"),
                                 QStringLiteral("[PROJECT]"));
    parser.process(app);

    AppSettings settings;
    // --lang applies to this session only; the Settings menu changes the saved choice.
    const QString lang = Language::apply(parser.isSet(language) ? parser.value(language) : settings.language());

    MainWindow window(&settings);
    // The OS keychain when a session bus exists (as the CLI); otherwise secrets live for this session only.
    std::shared_ptr<SecretStore> secrets;
    if (!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        secrets = std::make_shared<KeychainSecretStore>();
    else
        secrets = std::make_shared<MemorySecretStore>();
    window.setSecretStore(secrets);
    // The real deploy engine (src/core/jobs) behind the Deploy menu; owned by the window.
    window.setDeployBackend(new EngineBackend(&settings, secrets, &window));
    if (!parser.positionalArguments().isEmpty())
        window.openProject(parser.positionalArguments().first());
    window.show();
    if (parser.isSet(smoke)) {
        // Paint once, then leave with 0 only if the project (when given) opened.
        QTimer::singleShot(0, &window, [&window, &startup] {
            window.repaint();
            QTextStream(stdout) << "first_paint_ms=" << startup.elapsed() << Qt::endl;
            QApplication::exit(window.lastError().isEmpty() ? 0 : 1);
        });
    }
    if (parser.isSet(screenshot)) {
        QTimer::singleShot(200, &window, [&window, dir = parser.value(screenshot), lang] {
            const QStringList files = saveScreenshots(&window, dir, lang);
            for (const QString &file : files)
                QTextStream(stdout) << file << Qt::endl;
            QApplication::exit(files.isEmpty() ? 1 : 0);
        });
    }
    return QApplication::exec();
}

} // namespace FateDeployer
