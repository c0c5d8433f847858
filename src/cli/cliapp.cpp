// SPDX-License-Identifier: Apache-2.0
#include "cli/cliapp.h"

#include "util/translations.h"

#include <QCoreApplication>

#include <cstdio>
#include <unistd.h>

namespace FateDeployer {

namespace {

const CliCommand commands[] = {
    {"validate", QT_TRANSLATE_NOOP("FateDeployer::Cli", "check a project file and list its problems"), &cliValidate},
    {"import", QT_TRANSLATE_NOOP("FateDeployer::Cli", "read KubeFATE's configuration into a project file"), &cliImport},
    {"export", QT_TRANSLATE_NOOP("FateDeployer::Cli", "write a project as KubeFATE's configuration files"), &cliExport},
    {"preflight",
     QT_TRANSLATE_NOOP("FateDeployer::Cli", "check every host before a deploy, with fixes"),
     &cliPreflight},
    {"deploy", QT_TRANSLATE_NOOP("FateDeployer::Cli", "deploy the parties and the exchange, in parallel"), &cliDeploy},
    {"plan",
     QT_TRANSLATE_NOOP("FateDeployer::Cli", "show what applying the project changes on each host (with diffs)"),
     &cliPlan},
    {"apply",
     QT_TRANSLATE_NOOP("FateDeployer::Cli", "deploy only the changed and new hosts, remove the parties that left"),
     &cliApply},
    {"status", QT_TRANSLATE_NOOP("FateDeployer::Cli", "show the containers of every host"), &cliStatus},
    {"verify", QT_TRANSLATE_NOOP("FateDeployer::Cli", "run FATE's toy example between two parties"), &cliVerify},
    {"teardown", QT_TRANSLATE_NOOP("FateDeployer::Cli", "stop or remove the deployment"), &cliTeardown},
    {"history", QT_TRANSLATE_NOOP("FateDeployer::Cli", "list past runs or export one as a report"), &cliHistory},
    {"matrix",
     QT_TRANSLATE_NOOP("FateDeployer::Cli", "check every path of the federation from its source host (TCP)"),
     &cliMatrix},
    {"drift",
     QT_TRANSLATE_NOOP("FateDeployer::Cli", "compare the hosts' files and containers with the last deployment"),
     &cliDrift},
    {"rollback",
     QT_TRANSLATE_NOOP("FateDeployer::Cli", "put the previous bundle back on the hosts and restart them"),
     &cliRollback},
    {"render",
     QT_TRANSLATE_NOOP("FateDeployer::Cli", "render the bundles (confs-<id>/, exchange/) into a folder"),
     &cliRender},
    {"card",
     QT_TRANSLATE_NOOP("FateDeployer::Cli", "export a party's card, or import one into the coordinator's project"),
     &cliCard},
    {"federation",
     QT_TRANSLATE_NOOP("FateDeployer::Cli", "export, import or compare the federation file shared by all teams"),
     &cliFederation},
};

void printUsage(QTextStream &stream)
{
    stream << QCoreApplication::translate("FateDeployer::Cli", "Usage: fate-deployer-cli COMMAND [OPTIONS]") << '\n'
           << '\n'
           << QCoreApplication::translate("FateDeployer::Cli", "Commands:") << '\n';
    for (const CliCommand &command : commands)
        stream << "  " << QString::fromLatin1(command.name).leftJustified(12) << ' '
               << QCoreApplication::translate("FateDeployer::Cli", command.summary) << '\n';
    stream << '\n'
           << QCoreApplication::translate("FateDeployer::Cli",
                                          "Run \"fate-deployer-cli COMMAND --help\" for the options of a command.")
           << '\n';
}

} // namespace

int parseCliOptions(QCommandLineParser &parser, const QString &command, CliContext &c)
{
    if (!parser.parse(QStringList{command} + c.args)) {
        c.err << parser.errorText() << '\n';
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        c.out << parser.helpText();
        return ExitOk;
    }
    return -1;
}

int CliApp::run()
{
    // LANGUAGE/LC_ALL/LANG pick the language, like other command-line tools.
    Translator::installFor(QLocale());
    QTextStream out(stdout);
    QTextStream err(stderr);
    return run(QCoreApplication::arguments().mid(1), out, err);
}

int CliApp::run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    if (arguments.isEmpty()) {
        printUsage(err);
        return ExitUsage;
    }
    const QString name = arguments.first();
    if (name == QLatin1String("--help") || name == QLatin1String("-h") || name == QLatin1String("help")) {
        printUsage(out);
        return ExitOk;
    }
    if (name == QLatin1String("--version")) {
        out << "fate-deployer-cli " << FD_VERSION << '\n';
        return ExitOk;
    }
    for (const CliCommand &command : commands) {
        if (name == QLatin1String(command.name)) {
            CliContext context{arguments.mid(1), out, err, bool(isatty(STDOUT_FILENO))};
            const int code = command.run(context);
            out.flush();
            err.flush();
            return code;
        }
    }
    err << QCoreApplication::translate("FateDeployer::Cli", "unknown command \"%1\"").arg(name) << '\n';
    printUsage(err);
    return ExitUsage;
}

} // namespace FateDeployer
