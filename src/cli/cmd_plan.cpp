// SPDX-License-Identifier: Apache-2.0
// plan: what applying the project changes on each host (issue 16 item 3); apply: only that, through the engine.
#include "cli/cliapp.h"
#include "cli/consoleprompter.h"
#include "deployed/changeplan.h"
#include "model/projectfile.h"
#include "session/runsession.h"
#include "templates/templatesource.h"
#include "util/tr.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonDocument>

#include <cstdio>

namespace FateDeployer {

namespace {

/// A URL template source is downloaded first (the render only reads the cache).
bool templatesReady(const Project &project, const QString &projectPath, QTextStream &err)
{
    if (project.templates.kind != TemplateSource::Kind::Url)
        return true;
    const Result<TemplateTree> tree = cliTemplateTree(project.templates, QFileInfo(projectPath).absolutePath(), err);
    if (!tree)
        err << tree.error() << '\n';
    return bool(tree);
}

} // namespace

int cliPlan(CliContext &c)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Compare the project with what was last deployed to each host: unchanged, changed files, new, to be "
           "removed"));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("PROJECT"), tr("the .fdproj file"));
    const QCommandLineOption json(QStringLiteral("json"), tr("print the plan as JSON (with the diffs)"));
    const QCommandLineOption diff(QStringLiteral("diff"), tr("print the unified diff of every changed file"));
    parser.addOption(json);
    parser.addOption(diff);
    if (const int code = parseCliOptions(parser, QStringLiteral("plan"), c); code >= 0)
        return code;
    if (parser.positionalArguments().size() != 1) {
        c.err << tr("%1 needs exactly one PROJECT file").arg(QStringLiteral("plan")) << '\n';
        return ExitUsage;
    }
    const QString projectPath = parser.positionalArguments().first();
    const Result<Project> project = ProjectFile::load(projectPath);
    if (!project) {
        c.err << project.error() << '\n';
        return ExitFailure;
    }
    if (!templatesReady(project.value(), projectPath, c.err))
        return ExitFailure;
    const Result<ChangePlan> plan = RunSession::changePlan(project.value(), projectPath, SessionEnvironment{});
    if (!plan) {
        c.err << plan.error() << '\n';
        return ExitFailure;
    }
    if (parser.isSet(json))
        c.out << QJsonDocument(plan.value().toJson()).toJson();
    else
        c.out << plan.value().toText(parser.isSet(diff));
    c.out.flush();
    return ExitOk;
}

int cliApply(CliContext &context)
{
    return cliEngineCommand(Operation::Deploy, context, true);
}

int cliApplyChanges(CliContext &c,
                    RunRequest deploy,
                    bool yes,
                    bool json,
                    const std::function<int(const RunRequest &, const Plan &)> &run)
{
    QList<DeployedBundle> deployed;
    const Result<ChangePlan> planned = RunSession::changePlan(deploy.project, deploy.projectPath, {}, &deployed);
    if (!planned) {
        c.err << planned.error() << '\n';
        return ExitFailure;
    }
    const ChangePlan &changes = planned.value();
    if (!json)
        c.out << changes.toText(false) << '\n';

    deploy.selection = {};
    deploy.selection.parties = changes.partiesToDeploy();
    deploy.selection.exchange = changes.exchangeToDeploy();
    deploy.restartOnly.clear();
    for (const HostChange &h : changes.hosts)
        if (h.onlyRoutes())
            deploy.restartOnly.insert(h.key, h.restartServices);
    // A party that left, or the old host of a party that moved: torn down (folders removed) with the SSH settings
    // it was deployed with.
    QStringList unknown;
    const QList<HostRemoval> removals = changes.removals(deployed, &unknown);
    if (!unknown.isEmpty()) {
        c.err << tr("%1 left the project (or moved) but how it was reached is not recorded; tear it down with "
                    "teardown from a project that still lists it")
                     .arg(unknown.join(QStringLiteral(", ")))
              << '\n';
        return ExitFailure;
    }
    const RunRequest removal = RunSession::removalRequest(deploy, removals);
    QStringList removedLabels;
    for (const HostRemoval &r : removals)
        removedLabels.append(r.label());
    const bool deploySome = deploy.selection.explicitSelection();
    if (!deploySome && removedLabels.isEmpty()) {
        if (!json)
            c.out << tr("Nothing to apply: every host runs what the project describes.") << '\n';
        else
            c.out << QJsonDocument(changes.toJson(false)).toJson();
        c.out.flush();
        return ExitOk;
    }
    if (!removedLabels.isEmpty() && !yes) {
        const QString hosts = removedLabels.join(QStringLiteral(", "));
        if (!ConsolePrompter::stdinIsTerminal()) {
            c.err << tr("removing %1 (teardown, folders deleted) needs confirmation: add --yes").arg(hosts) << '\n';
            return ExitUsage;
        }
        c.err << tr("Tear down and remove %1? [y/N] ").arg(hosts);
        c.err.flush();
        char answer[16] = {};
        if (!std::fgets(answer, sizeof answer, stdin) || (answer[0] != 'y' && answer[0] != 'Y')) {
            c.err << tr("nothing done") << '\n';
            return ExitFailure;
        }
    }
    c.out.flush();
    int code = ExitOk;
    if (deploySome)
        code = run(deploy, RunSession::plan(deploy));
    // The others' route tables no longer list a removed party once the deploy succeeded; only then it goes.
    if (code == ExitOk && !removedLabels.isEmpty())
        code = run(removal, RunSession::plan(removal));
    return code;
}

} // namespace FateDeployer
