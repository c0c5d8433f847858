// SPDX-License-Identifier: Apache-2.0
#include "cli/cliapp.h"
#include "kubefate/kubefateimporter.h"
#include "model/projectfile.h"
#include "model/servicesecrets.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>

namespace FateDeployer {

int cliImport(CliContext &c)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "FateDeployer::Cli",
        "Read KubeFATE's docker-configuration.sh or parties.conf (and .env) into a project file. The files are "
        "parsed, never run."));
    parser.addHelpOption();
    const QCommandLineOption config(
        QStringLiteral("kubefate-config"),
        QCoreApplication::translate("FateDeployer::Cli", "KubeFATE's docker-configuration.sh or parties.conf"),
        QStringLiteral("FILE"));
    const QCommandLineOption env(
        QStringLiteral("env"),
        QCoreApplication::translate(
            "FateDeployer::Cli",
            "KubeFATE's .env (default: next to the configuration, or the folder above for docker-configuration.sh)"),
        QStringLiteral("FILE"));
    const QCommandLineOption output(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                                    QCoreApplication::translate("FateDeployer::Cli", "the .fdproj file to write"),
                                    QStringLiteral("PROJECT"));
    const QCommandLineOption name(
        QStringLiteral("name"),
        QCoreApplication::translate("FateDeployer::Cli", "the project name (default: the output file name)"),
        QStringLiteral("NAME"));
    const QCommandLineOption force(
        QStringLiteral("force"),
        QCoreApplication::translate("FateDeployer::Cli", "overwrite an existing project file"));
    const QCommandLineOption storeSecrets(
        QStringLiteral("store-secrets"),
        QCoreApplication::translate("FateDeployer::Cli",
                                    "put the passwords of parties.conf (v1.11 and later) into the keychain; they "
                                    "never go into the project file"));
    parser.addOptions({config, env, output, name, force, storeSecrets});
    if (const int code = parseCliOptions(parser, QStringLiteral("import"), c); code >= 0)
        return code;
    if (!parser.isSet(config) || !parser.isSet(output) || !parser.positionalArguments().isEmpty()) {
        c.err << QCoreApplication::translate(
            "FateDeployer::Cli",
            "usage: fate-deployer-cli import --kubefate-config FILE [--env FILE] -o PROJECT [--force]")
              << '\n';
        return ExitUsage;
    }
    const QString target = parser.value(output);
    if (QFileInfo::exists(target) && !parser.isSet(force)) {
        c.err << QCoreApplication::translate("FateDeployer::Cli",
                                             "%1 already exists; nothing was written (use --force to overwrite)")
                     .arg(target)
              << '\n';
        return ExitFailure;
    }

    KubefateImporter importer;
    Result<Project> project = importer.importFiles(parser.value(config), parser.value(env));
    for (const QString &warning : importer.warnings())
        c.err << QCoreApplication::translate("FateDeployer::Cli", "warning") << ": " << warning << '\n';
    if (!project) {
        c.err << QCoreApplication::translate("FateDeployer::Cli", "error") << ": " << project.error() << '\n';
        return ExitFailure;
    }
    Project p = std::move(project).value();
    p.name = parser.isSet(name) ? parser.value(name) : QFileInfo(target).completeBaseName();
    if (parser.isSet(storeSecrets)) {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
            c.err << QCoreApplication::translate("FateDeployer::Cli", "error") << ": "
                  << QCoreApplication::translate("FateDeployer::Cli",
                                                 "--store-secrets needs the keychain, but there is no session bus "
                                                 "(DBUS_SESSION_BUS_ADDRESS); nothing was written")
                  << '\n';
            return ExitFailure;
        }
        KeychainSecretStore keychain;
        if (Status stored = importer.secrets().save(keychain, p); !stored) {
            c.err << QCoreApplication::translate("FateDeployer::Cli", "error") << ": " << stored.error() << '\n';
            return ExitFailure;
        }
    }
    if (Status saved = ProjectFile::save(p, target); !saved) {
        c.err << QCoreApplication::translate("FateDeployer::Cli", "error") << ": " << saved.error() << '\n';
        return ExitFailure;
    }
    c.out << QCoreApplication::translate("FateDeployer::Cli", "%1: imported %2 party(s) for KubeFATE %3 from %4")
                 .arg(target)
                 .arg(p.parties.size())
                 .arg(p.templates.kubefateVersion, parser.value(config))
          << '\n';
    return ExitOk;
}

} // namespace FateDeployer
