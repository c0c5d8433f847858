// SPDX-License-Identifier: Apache-2.0
#include "cli/cliapp.h"
#include "federation/federationfile.h"
#include "federation/partycard.h"
#include "model/projectfile.h"
#include "util/tr.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace FateDeployer {

namespace {

int failWith(CliContext &c, const QString &message)
{
    c.err << tr("error") << ": " << message << '\n';
    return ExitFailure;
}

int cardExport(CliContext &c)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Write the party card of one party: its reachable address and port and its versions, for the "
           "federation's coordinator. No secret and no SSH setting goes into it."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("PROJECT"), tr("the .fdproj file"));
    const QCommandLineOption party(QStringLiteral("party"), tr("the party id"), QStringLiteral("ID"));
    const QCommandLineOption output(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                                    tr("the card file to write"),
                                    QStringLiteral("FILE"));
    parser.addOptions({party, output});
    if (const int code = parseCliOptions(parser, QStringLiteral("card export"), c); code >= 0)
        return code;
    bool idOk = false;
    const int id = parser.value(party).toInt(&idOk);
    if (!idOk || !parser.isSet(output) || parser.positionalArguments().size() != 1) {
        c.err << tr("usage: fate-deployer-cli card export PROJECT --party ID -o FILE") << '\n';
        return ExitUsage;
    }
    const Result<Project> project = ProjectFile::load(parser.positionalArguments().first());
    if (!project)
        return failWith(c, project.error());
    const Result<PartyCard> card = PartyCard::fromProject(project.value(), id);
    if (!card)
        return failWith(c, card.error());
    if (Status saved = card->save(parser.value(output)); !saved)
        return failWith(c, saved.error());
    c.out << tr("%1: party %2, reached at %3:%4, KubeFATE %5")
                 .arg(parser.value(output))
                 .arg(card->partyId)
                 .arg(card->address)
                 .arg(card->port)
                 .arg(card->kubefateVersion)
          << '\n';
    return ExitOk;
}

int cardImport(CliContext &c)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Add the party of a party card to a project (as another team's party) or update its address, port, "
           "contact and note, and show what changed."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("PROJECT"), tr("the .fdproj file"));
    parser.addPositionalArgument(QStringLiteral("FILE"), tr("the party card"));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"), tr("show what would change; write nothing"));
    parser.addOption(dryRun);
    if (const int code = parseCliOptions(parser, QStringLiteral("card import"), c); code >= 0)
        return code;
    if (parser.positionalArguments().size() != 2) {
        c.err << tr("usage: fate-deployer-cli card import PROJECT FILE [--dry-run]") << '\n';
        return ExitUsage;
    }
    const QString path = parser.positionalArguments().at(0);
    const Result<Project> project = ProjectFile::load(path);
    if (!project)
        return failWith(c, project.error());
    const Result<PartyCard> card = PartyCard::load(parser.positionalArguments().at(1));
    if (!card)
        return failWith(c, card.error());
    QStringList warnings;
    const Project updated = card->applyTo(project.value(), &warnings);
    for (const QString &warning : std::as_const(warnings))
        c.err << tr("warning") << ": " << warning << '\n';
    const QStringList changes = describeFederationChanges(project.value(), updated);
    if (changes.isEmpty()) {
        c.out << tr("%1: party %2 is already as the card says; nothing changed").arg(path).arg(card->partyId) << '\n';
        return ExitOk;
    }
    for (const QString &line : changes)
        c.out << "  " << line << '\n';
    if (parser.isSet(dryRun))
        return ExitOk;
    if (Status saved = ProjectFile::save(updated, path); !saved)
        return failWith(c, saved.error());
    c.out << tr("%1: party %2 imported from its card").arg(path).arg(card->partyId) << '\n';
    return ExitOk;
}

} // namespace

int cliCard(CliContext &c)
{
    const QString sub = c.args.value(0);
    CliContext rest{c.args.mid(1), c.out, c.err, c.stdoutIsTerminal};
    if (sub == QLatin1String("export"))
        return cardExport(rest);
    if (sub == QLatin1String("import"))
        return cardImport(rest);
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h")) {
        c.out << tr("usage: fate-deployer-cli card export|import ...") << '\n';
        return ExitOk;
    }
    c.err << tr("usage: fate-deployer-cli card export|import ...") << '\n';
    return ExitUsage;
}

} // namespace FateDeployer
