// SPDX-License-Identifier: Apache-2.0
#include "cli/cliapp.h"
#include "kubefate/kubefateimporter.h"
#include "model/projectfile.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>

namespace FateDeployer {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("FateDeployer::Cli", text);
}
} // namespace

int cliImport(CliContext &c)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Read KubeFATE's docker-configuration.sh or parties.conf (and .env) into a project file. The files are "
           "parsed, never run."));
    parser.addHelpOption();
    const QCommandLineOption config(QStringLiteral("kubefate-config"),
                                    tr("KubeFATE's docker-configuration.sh or parties.conf"),
                                    QStringLiteral("FILE"));
    const QCommandLineOption env(
        QStringLiteral("env"),
        tr("KubeFATE's .env (default: next to the configuration, or the folder above for docker-configuration.sh)"),
        QStringLiteral("FILE"));
    const QCommandLineOption output(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                                    tr("the .fdproj file to write"),
                                    QStringLiteral("PROJECT"));
    const QCommandLineOption name(
        QStringLiteral("name"), tr("the project name (default: the output file name)"), QStringLiteral("NAME"));
    const QCommandLineOption force(QStringLiteral("force"), tr("overwrite an existing project file"));
    parser.addOptions({config, env, output, name, force});
    if (!parser.parse(QStringList{QStringLiteral("import")} + c.args)) {
        c.err << parser.errorText() << '\n';
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        c.out << parser.helpText();
        return ExitOk;
    }
    if (!parser.isSet(config) || !parser.isSet(output) || !parser.positionalArguments().isEmpty()) {
        c.err << tr("usage: fate-deployer-cli import --kubefate-config FILE [--env FILE] -o PROJECT [--force]") << '\n';
        return ExitUsage;
    }
    const QString target = parser.value(output);
    if (QFileInfo::exists(target) && !parser.isSet(force)) {
        c.err << tr("%1 already exists; nothing was written (use --force to overwrite)").arg(target) << '\n';
        return ExitFailure;
    }

    KubefateImporter importer;
    Result<Project> project = importer.importFiles(parser.value(config), parser.value(env));
    for (const QString &warning : importer.warnings())
        c.err << tr("warning") << ": " << warning << '\n';
    if (!project) {
        c.err << tr("error") << ": " << project.error() << '\n';
        return ExitFailure;
    }
    Project p = std::move(project).value();
    p.name = parser.isSet(name) ? parser.value(name) : QFileInfo(target).completeBaseName();
    if (Status saved = ProjectFile::save(p, target); !saved) {
        c.err << tr("error") << ": " << saved.error() << '\n';
        return ExitFailure;
    }
    c.out << tr("%1: imported %2 party(s) for KubeFATE %3 from %4")
                 .arg(target)
                 .arg(p.parties.size())
                 .arg(p.templates.kubefateVersion, parser.value(config))
          << '\n';
    return ExitOk;
}

} // namespace FateDeployer
