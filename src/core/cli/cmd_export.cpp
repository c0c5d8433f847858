// SPDX-License-Identifier: Apache-2.0
#include "cli/cliapp.h"
#include "kubefate/kubefateexporter.h"
#include "model/projectfile.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>

namespace FateDeployer {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("FateDeployer::Cli", text);
}
} // namespace

int cliExport(CliContext &c)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Write a project as KubeFATE's configuration: docker-configuration.sh + .env (KubeFATE 1.1.0) or "
           "parties.conf + .env (v1.4 and later). All files or none are written."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("PROJECT"), tr("the .fdproj file"));
    const QCommandLineOption format(
        QStringLiteral("format"), tr("docker-configuration or parties-conf"), QStringLiteral("FORMAT"));
    const QCommandLineOption output(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                                    tr("the folder to write the files into (created if missing)"),
                                    QStringLiteral("DIR"));
    const QCommandLineOption force(QStringLiteral("force"), tr("overwrite existing files"));
    parser.addOptions({format, output, force});
    if (!parser.parse(QStringList{QStringLiteral("export")} + c.args)) {
        c.err << parser.errorText() << '\n';
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        c.out << parser.helpText();
        return ExitOk;
    }
    const QString usage
        = tr("usage: fate-deployer-cli export --format docker-configuration|parties-conf PROJECT -o DIR [--force]");
    if (!parser.isSet(format) || !parser.isSet(output) || parser.positionalArguments().size() != 1) {
        c.err << usage << '\n';
        return ExitUsage;
    }
    const std::optional<KubefateFormat> kind = kubefateFormatFromName(parser.value(format));
    if (!kind) {
        c.err << tr("unknown format \"%1\"; use docker-configuration or parties-conf").arg(parser.value(format)) << '\n'
              << usage << '\n';
        return ExitUsage;
    }
    const QString path = parser.positionalArguments().first();
    const Result<Project> project = ProjectFile::load(path);
    if (!project) {
        c.err << tr("error") << ": " << project.error() << '\n';
        return ExitFailure;
    }
    KubefateExporter exporter;
    const QString dir = parser.value(output);
    const Status written = exporter.write(project.value(), *kind, dir, parser.isSet(force));
    for (const QString &warning : exporter.warnings())
        c.err << tr("warning") << ": " << warning << '\n';
    if (!written) {
        c.err << tr("error") << ": " << written.error() << '\n';
        return ExitFailure;
    }
    c.out << tr("%1: wrote %2 and .env").arg(QDir::cleanPath(dir), kubefateConfigFileName(*kind)) << '\n';
    return ExitOk;
}

} // namespace FateDeployer
