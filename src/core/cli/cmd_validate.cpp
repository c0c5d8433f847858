// SPDX-License-Identifier: Apache-2.0
#include "cli/cliapp.h"
#include "model/projectfile.h"
#include "model/validation.h"
#include "render/templatesource.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace FateDeployer {

int cliValidate(CliContext &c)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("FateDeployer::Cli", "Check a project file."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("PROJECT"),
                                 QCoreApplication::translate("FateDeployer::Cli", "the .fdproj file"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QCoreApplication::translate("FateDeployer::Cli", "print the result as JSON"));
    parser.addOption(json);
    if (const int code = parseCliOptions(parser, QStringLiteral("validate"), c); code >= 0)
        return code;
    if (parser.positionalArguments().size() != 1) {
        c.err << QCoreApplication::translate("FateDeployer::Cli", "validate needs exactly one PROJECT file") << '\n';
        return ExitUsage;
    }
    const QString path = parser.positionalArguments().first();
    const Result<Project> project = ProjectFile::load(path);
    if (!project) {
        if (parser.isSet(json)) {
            QJsonObject o{{QStringLiteral("ok"), false}, {QStringLiteral("error"), project.error()}};
            c.out << QJsonDocument(o).toJson(QJsonDocument::Indented);
        } else {
            c.err << project.error() << '\n';
        }
        return ExitFailure;
    }
    QList<ValidationIssue> issues = Validator::validate(project.value());
    // Beyond the file itself: a URL template source must be downloaded before render/deploy can use it.
    const TemplateSource &templates = project->templates;
    if (templates.kind == TemplateSource::Kind::Url) {
        const QUrl url = TemplateSources::downloadUrl(templates);
        if (!TemplateSources::cachedUrl(url, templates.sha256))
            issues.append({ValidationIssue::Severity::Warning,
                           QStringLiteral("templates.location"),
                           QCoreApplication::translate("FateDeployer::Cli",
                                                       "the KubeFATE %1 templates are not downloaded yet: render and "
                                                       "deploy download them from %2, which needs internet access; "
                                                       "offline, choose a KubeFATE folder or release archive instead")
                               .arg(templates.kubefateVersion, url.toString())});
        else if (!parser.isSet(json))
            c.out << QCoreApplication::translate("FateDeployer::Cli", "templates: %1, sha256 %2 (downloaded)")
                         .arg(url.toString(), TemplateSources::cachedUrlSha256(url))
                  << '\n';
    }
    const bool failed = Validator::hasErrors(issues);
    if (parser.isSet(json)) {
        QJsonArray list;
        for (const ValidationIssue &issue : issues)
            list.append(QJsonObject{{QStringLiteral("severity"),
                                     issue.severity == ValidationIssue::Severity::Error ? QStringLiteral("error")
                                                                                        : QStringLiteral("warning")},
                                    {QStringLiteral("field"), issue.field},
                                    {QStringLiteral("message"), issue.message}});
        QJsonObject o{{QStringLiteral("ok"), !failed}, {QStringLiteral("issues"), list}};
        c.out << QJsonDocument(o).toJson(QJsonDocument::Indented);
    } else {
        for (const ValidationIssue &issue : issues)
            (issue.severity == ValidationIssue::Severity::Error ? c.err : c.out)
                << (issue.severity == ValidationIssue::Severity::Error
                        ? QCoreApplication::translate("FateDeployer::Cli", "error")
                        : QCoreApplication::translate("FateDeployer::Cli", "warning"))
                << ": " << issue.toString() << '\n';
        if (!failed)
            c.out << QCoreApplication::translate("FateDeployer::Cli", "%1: valid").arg(path) << '\n';
    }
    return failed ? ExitFailure : ExitOk;
}

} // namespace FateDeployer
