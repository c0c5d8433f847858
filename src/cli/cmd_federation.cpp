// SPDX-License-Identifier: Apache-2.0
#include "cli/cliapp.h"
#include "cli/consoleprompter.h"
#include "federation/federationfile.h"
#include "model/projectfile.h"
#include "util/tr.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>

#include <cstdio>

namespace FateDeployer {

namespace {

int failWith(CliContext &c, const QString &message)
{
    c.err << tr("error") << ": " << message << '\n';
    return ExitFailure;
}

/// "9999", "10000,exchange": the hosts this team deploys itself.
std::optional<Ownership> parseMine(const QString &text, QString *error)
{
    Ownership own;
    for (const QString &item : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString name = item.trimmed();
        bool ok = false;
        const int id = name.toInt(&ok);
        if (name == QLatin1String("exchange"))
            own.exchange = true;
        else if (ok && id > 0)
            own.parties.append(id);
        else {
            *error = tr("--mine: \"%1\" is neither a party id nor \"exchange\"").arg(name);
            return std::nullopt;
        }
    }
    return own;
}

/// The project a federation file is applied to: the file, or a new project when it does not exist yet.
Result<Project> projectOrNew(const QString &path, bool haveOwnership)
{
    if (QFileInfo::exists(path))
        return ProjectFile::load(path);
    if (!haveOwnership)
        return Error{tr("%1 does not exist; to start a project from a federation file, say which hosts are "
                        "yours with --mine (e.g. --mine 9999)")
                         .arg(path)};
    Project p;
    p.name = QFileInfo(path).completeBaseName();
    return p;
}

void printHeader(CliContext &c, const FederationFile &f, const QString &file)
{
    c.out << tr("%1: federation \"%2\", revision %3, %4 party(s), KubeFATE %5")
                 .arg(file, f.name)
                 .arg(f.revision)
                 .arg(f.parties.size())
                 .arg(f.kubefateVersion)
          << '\n'
          << tr("fingerprint: %1").arg(f.fingerprint()) << '\n';
}

int federationExport(CliContext &c)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Write the federation file for every team: versions, images, the exchange and every party's "
           "reachable address, with a revision and a checksum. The project remembers the revision."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("PROJECT"), tr("the coordinator's .fdproj file"));
    const QCommandLineOption output(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                                    tr("the federation file to write"),
                                    QStringLiteral("FILE"));
    parser.addOption(output);
    if (const int code = parseCliOptions(parser, QStringLiteral("federation export"), c); code >= 0)
        return code;
    if (!parser.isSet(output) || parser.positionalArguments().size() != 1) {
        c.err << tr("usage: fate-deployer-cli federation export PROJECT -o FILE") << '\n';
        return ExitUsage;
    }
    const QString path = parser.positionalArguments().first();
    const Result<Project> project = ProjectFile::load(path);
    if (!project)
        return failWith(c, project.error());
    const FederationFile f = FederationFile::forExport(project.value());
    // What the teams will refuse on import is refused here, before anybody gets the file.
    if (Result<FederationFile> check = FederationFile::fromJson(f.toJson()); !check)
        return failWith(c, check.error());
    if (Status saved = f.save(parser.value(output)); !saved)
        return failWith(c, saved.error());
    Project updated = project.value();
    updated.federation.revision = f.revision;
    updated.federation.sha256 = f.sha256();
    if (updated != project.value())
        if (Status saved = ProjectFile::save(updated, path); !saved)
            return failWith(c, saved.error());
    printHeader(c, f, parser.value(output));
    if (project->federation.revision == f.revision)
        c.out << tr("unchanged since revision %1").arg(f.revision) << '\n';
    return ExitOk;
}

int federationImportOrDiff(CliContext &c, bool import)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        import ? tr("Fill a team's project from the coordinator's federation file, after showing what changes. "
                    "The team's own SSH settings and secrets are kept; hosts not yours are only routed to.")
               : tr("Show what importing a federation file would change in a project."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("PROJECT"), tr("the team's .fdproj file"));
    parser.addPositionalArgument(QStringLiteral("FILE"), tr("the federation file"));
    const QCommandLineOption mine(
        QStringLiteral("mine"),
        tr("the hosts this team deploys, e.g. 9999 or 10000,exchange (default: as the project has them)"),
        QStringLiteral("LIST"));
    const QCommandLineOption yes(QStringLiteral("yes"), tr("accept the changes without asking"));
    const QCommandLineOption expect(QStringLiteral("expect-fingerprint"),
                                    tr("refuse the file unless its fingerprint starts with this one (spaces "
                                       "ignored), as read out by the coordinator"),
                                    QStringLiteral("FINGERPRINT"));
    parser.addOption(mine);
    if (import)
        parser.addOptions({yes, expect});
    if (const int code
        = parseCliOptions(parser, import ? QStringLiteral("federation import") : QStringLiteral("federation diff"), c);
        code >= 0)
        return code;
    if (parser.positionalArguments().size() != 2) {
        c.err << (import ? tr("usage: fate-deployer-cli federation import PROJECT FILE [--mine LIST] [--yes] "
                              "[--expect-fingerprint FINGERPRINT]")
                         : tr("usage: fate-deployer-cli federation diff PROJECT FILE [--mine LIST]"))
              << '\n';
        return ExitUsage;
    }
    std::optional<Ownership> ownership;
    if (parser.isSet(mine)) {
        QString error;
        ownership = parseMine(parser.value(mine), &error);
        if (!ownership) {
            c.err << error << '\n';
            return ExitUsage;
        }
    }
    const QString path = parser.positionalArguments().at(0);
    const QString file = parser.positionalArguments().at(1);
    const Result<FederationFile> federation = FederationFile::load(file);
    if (!federation)
        return failWith(c, federation.error());
    printHeader(c, federation.value(), file);
    if (import && parser.isSet(expect)) {
        QString expected = parser.value(expect).toLower();
        expected.remove(QRegularExpression(QStringLiteral("[\\s-]")));
        if (expected.size() < 8 || !federation->sha256().startsWith(expected))
            return failWith(c,
                            tr("the fingerprint is %1, not %2; this is not the file the coordinator read out "
                               "(at least 8 digits are compared); nothing was changed")
                                .arg(federation->fingerprint(), parser.value(expect)));
    }
    const Result<Project> project = projectOrNew(path, ownership.has_value());
    if (!project)
        return failWith(c, project.error());
    const Project updated = federation->applyTo(project.value(), ownership);
    const QStringList changes = describeFederationChanges(project.value(), updated);
    if (changes.isEmpty()) {
        c.out << tr("%1: no changes").arg(path) << '\n';
        return ExitOk;
    }
    c.out << tr("changes to %1:").arg(path) << '\n';
    for (const QString &line : changes)
        c.out << "  " << line << '\n';
    if (!import)
        return ExitOk;
    if (!parser.isSet(yes)) {
        if (!ConsolePrompter::stdinIsTerminal())
            return failWith(c,
                            tr("nothing was changed; compare the fingerprint with the coordinator, then run "
                               "again with --yes to accept"));
        c.out << tr("Accept these changes? [y/N] ");
        c.out.flush();
        char answer[16] = {};
        if (!std::fgets(answer, sizeof answer, stdin) || (answer[0] != 'y' && answer[0] != 'Y'))
            return failWith(c, tr("nothing was changed"));
    }
    if (Status saved = ProjectFile::save(updated, path); !saved)
        return failWith(c, saved.error());
    c.out << tr("%1: revision %2 accepted").arg(path).arg(federation->revision) << '\n';
    return ExitOk;
}

} // namespace

int cliFederation(CliContext &c)
{
    const QString sub = c.args.value(0);
    CliContext rest{c.args.mid(1), c.out, c.err, c.stdoutIsTerminal};
    if (sub == QLatin1String("export"))
        return federationExport(rest);
    if (sub == QLatin1String("import"))
        return federationImportOrDiff(rest, true);
    if (sub == QLatin1String("diff"))
        return federationImportOrDiff(rest, false);
    const QString usage = tr("usage: fate-deployer-cli federation export|import|diff ...");
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h")) {
        c.out << usage << '\n';
        return ExitOk;
    }
    c.err << usage << '\n';
    return ExitUsage;
}

} // namespace FateDeployer
