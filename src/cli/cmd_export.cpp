// SPDX-License-Identifier: Apache-2.0
#include "cli/cliapp.h"
#include "kubefate/clusteryaml.h"
#include "kubefate/kubefateexporter.h"
#include "model/projectfile.h"
#include "model/servicesecrets.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>

#include <optional>

namespace FateDeployer {

namespace {

int exportClusterYaml(CliContext &c, const QString &path, const QString &dir, bool force)
{
    const Result<Project> project = ProjectFile::load(path);
    if (!project) {
        c.err << QCoreApplication::translate("FateDeployer::Cli", "error") << ": " << project.error() << '\n';
        return ExitFailure;
    }
    ClusterYaml exporter;
    const Result<QStringList> written = exporter.write(project.value(), dir, force);
    for (const QString &warning : exporter.warnings())
        c.err << QCoreApplication::translate("FateDeployer::Cli", "warning") << ": " << warning << '\n';
    if (!written) {
        c.err << QCoreApplication::translate("FateDeployer::Cli", "error") << ": " << written.error() << '\n';
        return ExitFailure;
    }
    const QDir target(dir);
    for (const QString &name : written.value())
        c.out
            << QCoreApplication::translate("FateDeployer::Cli", "wrote %1").arg(QDir::cleanPath(target.filePath(name)))
            << '\n';
    c.out << QCoreApplication::translate("FateDeployer::Cli",
                                         "On the Kubernetes side, for each file: kubefate cluster install -f FILE")
          << '\n';
    return ExitOk;
}

} // namespace

int cliExport(CliContext &c)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "FateDeployer::Cli",
        "Write a project as KubeFATE's configuration: docker-configuration.sh + .env (KubeFATE 1.1.0) or "
        "parties.conf + .env (v1.4 and later). All files or none are written. --format cluster-yaml writes "
        "KubeFATE's cluster.yaml for Kubernetes instead: one per party this team deploys, and the exchange's."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("PROJECT"),
                                 QCoreApplication::translate("FateDeployer::Cli", "the .fdproj file"));
    const QCommandLineOption format(
        QStringLiteral("format"),
        QCoreApplication::translate("FateDeployer::Cli", "docker-configuration, parties-conf or cluster-yaml"),
        QStringLiteral("FORMAT"));
    const QCommandLineOption output(
        QStringList{QStringLiteral("o"), QStringLiteral("output")},
        QCoreApplication::translate("FateDeployer::Cli", "the folder to write the files into (created if missing)"),
        QStringLiteral("DIR"));
    const QCommandLineOption force(QStringLiteral("force"),
                                   QCoreApplication::translate("FateDeployer::Cli", "overwrite existing files"));
    const QCommandLineOption update(
        QStringLiteral("update"),
        QCoreApplication::translate("FateDeployer::Cli",
                                    "update the parties.conf and .env already in DIR in place, keeping their layout "
                                    "and comments (only changed values are rewritten)"));
    const QCommandLineOption withSecrets(
        QStringLiteral("with-secrets"),
        QCoreApplication::translate("FateDeployer::Cli",
                                    "write the passwords stored in the keychain (default: KubeFATE's public "
                                    "defaults, or with --update the file's own)"));
    parser.addOptions({format, output, force, update, withSecrets});
    if (const int code = parseCliOptions(parser, QStringLiteral("export"), c); code >= 0)
        return code;
    const QString usage = QCoreApplication::translate(
        "FateDeployer::Cli",
        "usage: fate-deployer-cli export --format docker-configuration|parties-conf|cluster-yaml PROJECT -o DIR "
        "[--force] [--update] [--with-secrets]");
    if (!parser.isSet(format) || !parser.isSet(output) || parser.positionalArguments().size() != 1) {
        c.err << usage << '\n';
        return ExitUsage;
    }
    if (parser.value(format) == QLatin1String("cluster-yaml")) {
        if (parser.isSet(update) || parser.isSet(withSecrets)) {
            c.err << QCoreApplication::translate("FateDeployer::Cli",
                                                 "--update and --with-secrets do not apply to cluster-yaml "
                                                 "(it never carries secrets)")
                  << '\n'
                  << usage << '\n';
            return ExitUsage;
        }
        return exportClusterYaml(c, parser.positionalArguments().first(), parser.value(output), parser.isSet(force));
    }
    const std::optional<KubefateFormat> kind = kubefateFormatFromName(parser.value(format));
    if (!kind) {
        c.err << QCoreApplication::translate("FateDeployer::Cli",
                                             "unknown format \"%1\"; use docker-configuration, parties-conf or "
                                             "cluster-yaml")
                     .arg(parser.value(format))
              << '\n'
              << usage << '\n';
        return ExitUsage;
    }
    const QString path = parser.positionalArguments().first();
    const Result<Project> project = ProjectFile::load(path);
    if (!project) {
        c.err << QCoreApplication::translate("FateDeployer::Cli", "error") << ": " << project.error() << '\n';
        return ExitFailure;
    }
    std::optional<ServiceSecrets> secrets;
    if (parser.isSet(withSecrets)) {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
            c.err << QCoreApplication::translate("FateDeployer::Cli", "error") << ": "
                  << QCoreApplication::translate("FateDeployer::Cli",
                                                 "--with-secrets needs the keychain, but there is no session bus "
                                                 "(DBUS_SESSION_BUS_ADDRESS); nothing was written")
                  << '\n';
            return ExitFailure;
        }
        KeychainSecretStore keychain;
        Result<ServiceSecrets> loaded = ServiceSecrets::load(keychain, project.value());
        if (!loaded) {
            c.err << QCoreApplication::translate("FateDeployer::Cli", "error") << ": " << loaded.error() << '\n';
            return ExitFailure;
        }
        secrets = loaded.value();
    }
    KubefateExporter exporter;
    const QString dir = parser.value(output);
    const Status written = exporter.write(project.value(),
                                          *kind,
                                          dir,
                                          parser.isSet(force),
                                          secrets ? &*secrets : nullptr,
                                          parser.isSet(update) ? KubefateExporter::WriteMode::Update
                                                               : KubefateExporter::WriteMode::Replace);
    for (const QString &warning : exporter.warnings())
        c.err << QCoreApplication::translate("FateDeployer::Cli", "warning") << ": " << warning << '\n';
    if (!written) {
        c.err << QCoreApplication::translate("FateDeployer::Cli", "error") << ": " << written.error() << '\n';
        return ExitFailure;
    }
    c.out << QCoreApplication::translate("FateDeployer::Cli", "%1: wrote %2 and .env")
                 .arg(QDir::cleanPath(dir), kubefateConfigFileName(*kind))
          << '\n';
    return ExitOk;
}

} // namespace FateDeployer
