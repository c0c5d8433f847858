// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringList>
#include <QTextStream>

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
int cliRender(CliContext &context);

} // namespace FateDeployer
