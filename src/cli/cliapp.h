// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "util/result.h"

#include <QCommandLineParser>
#include <QStringList>
#include <QTextStream>

#include <functional>

namespace FateDeployer {

/// Exit codes of fate-deployer-cli.
enum CliExit : int { ExitOk = 0, ExitFailure = 1, ExitUsage = 2 };

/// What a command gets: its arguments (without the command name) and the two output streams.
struct CliContext
{
    QStringList args;
    QTextStream &out;
    QTextStream &err;
    bool stdoutIsTerminal = false;
};

/// Parses a command's options (the parser must have addHelpOption()). Returns the exit code to leave
/// with — ExitUsage after printing the parse error, ExitOk after printing --help — or -1 to go on.
int parseCliOptions(QCommandLineParser &parser, const QString &command, CliContext &context);

struct TemplateSource;
struct TemplateTree;
/// The KubeFATE template tree of a source. A URL source not in the cache yet is downloaded now (the
/// CLI waits in a local event loop), with progress on err and the sha256 recorded on first download
/// and printed. Relative folder/archive paths are taken relative to projectDir.
Result<TemplateTree> cliTemplateTree(const TemplateSource &source, const QString &projectDir, QTextStream &err);

/// One subcommand of the CLI; commands live in cmd_*.cpp and are listed in cliapp.cpp.
struct CliCommand
{
    const char *name;
    const char *summary; ///< translated with context "FateDeployer::Cli"
    int (*run)(CliContext &context);
};

/// The headless front end: the same engine as the GUI, driven from the command line.
class CliApp
{
public:
    /// Runs the CLI on QCoreApplication::arguments(); needs a QCoreApplication.
    static int run();
    static int run(const QStringList &arguments, QTextStream &out, QTextStream &err);
};

// Commands (one file each).
int cliValidate(CliContext &context);
int cliImport(CliContext &context);
int cliExport(CliContext &context);
enum class Operation;
/// Shared by preflight/deploy/status/verify/teardown; @p apply: deploy of the change plan (the `apply` command).
int cliEngineCommand(Operation op, CliContext &context, bool apply = false);
struct RunRequest;
struct Plan;
/// apply after its options: prints the change plan of @p deploy's project, asks before removing hosts (unless
/// @p yes), then runs the deploy of the changed and new hosts and the teardown of removed ones through @p run.
int cliApplyChanges(CliContext &context,
                    RunRequest deploy,
                    bool yes,
                    bool json,
                    const std::function<int(const RunRequest &, const Plan &)> &run);
int cliPlan(CliContext &context);  // the change plan: unchanged / changed (with diffs) / new / removed per host
int cliApply(CliContext &context); // deploys what the plan lists
int cliPreflight(CliContext &context);
int cliDeploy(CliContext &context);
int cliStatus(CliContext &context);
int cliVerify(CliContext &context);
int cliTeardown(CliContext &context);
int cliHistory(CliContext &context);
int cliRender(CliContext &context);
int cliCard(CliContext &context);       // card export|import
int cliFederation(CliContext &context); // federation export|import|diff
int cliMatrix(CliContext &context);     // day two (cmd_daytwo.cpp)
int cliDrift(CliContext &context);
int cliRollback(CliContext &context);
struct RunReport;
QString cliMatrixText(const RunReport &report);
QString cliDriftText(const RunReport &report);
/// The toy grid of a verify with pairs: guest rows × host columns, then each failed cell with its diagnosis and fix.
QString cliToyGridText(const RunReport &report);

} // namespace FateDeployer
