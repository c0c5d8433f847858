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
    {"render",
     QT_TRANSLATE_NOOP("FateDeployer::Cli", "render the bundles (confs-<id>/, exchange/) into a folder"),
     &cliRender},
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
