// SPDX-License-Identifier: Apache-2.0
#include "cli/cliapp.h"
#include "history/historystore.h"
#include "model/projectfile.h"
#include "util/tr.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace FateDeployer {

int cliHistory(CliContext &c)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("List past runs, or export one as a report."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("PROJECT"), tr("only the runs of this .fdproj file (optional)"));
    const QCommandLineOption show(
        QStringLiteral("show"), tr("export run ID as a report (with --json: as JSON)"), tr("ID"));
    const QCommandLineOption logs(QStringLiteral("logs"), tr("with --show: append the full logs"));
    const QCommandLineOption limit(
        QStringLiteral("limit"), tr("how many runs to list (default 20)"), tr("N"), QStringLiteral("20"));
    const QCommandLineOption json(QStringLiteral("json"), tr("print JSON"));
    for (const QCommandLineOption &o : {show, logs, limit, json})
        parser.addOption(o);
    if (const int code = parseCliOptions(parser, QStringLiteral("history"), c); code >= 0)
        return code;
    HistoryStore store;
    if (!store.status()) {
        c.err << store.status().error() << '\n';
        return ExitFailure;
    }
    if (parser.isSet(show)) {
        bool ok = false;
        const qint64 id = parser.value(show).toLongLong(&ok);
        if (!ok) {
            c.err << tr("--show needs a run number") << '\n';
            return ExitUsage;
        }
        if (parser.isSet(json)) {
            const auto data = store.exportJson(id);
            if (!data) {
                c.err << data.error() << '\n';
                return ExitFailure;
            }
            c.out << data.value();
        } else {
            const auto text = store.exportText(id, parser.isSet(logs));
            if (!text) {
                c.err << text.error() << '\n';
                return ExitFailure;
            }
            c.out << text.value();
        }
        return ExitOk;
    }
    QString projectName;
    if (!parser.positionalArguments().isEmpty()) {
        const Result<Project> project = ProjectFile::load(parser.positionalArguments().first());
        if (!project) {
            c.err << project.error() << '\n';
            return ExitFailure;
        }
        projectName = project->name;
    }
    const auto entries = store.list(parser.value(limit).toInt(), projectName);
    if (!entries) {
        c.err << entries.error() << '\n';
        return ExitFailure;
    }
    if (parser.isSet(json)) {
        QJsonArray list;
        for (const HistoryEntry &e : entries.value())
            list.append(QJsonObject{{QStringLiteral("id"), e.id},
                                    {QStringLiteral("started_at"), e.startedAt.toString(Qt::ISODate)},
                                    {QStringLiteral("duration_ms"), e.durationMs},
                                    {QStringLiteral("operation"), e.operation},
                                    {QStringLiteral("project"), e.projectName},
                                    {QStringLiteral("project_hash"), e.projectHash},
                                    {QStringLiteral("ok"), e.ok},
                                    {QStringLiteral("cancelled"), e.cancelled},
                                    {QStringLiteral("hosts"), QJsonArray::fromStringList(e.hosts)},
                                    {QStringLiteral("failed_hosts"), QJsonArray::fromStringList(e.failedHosts)}});
        c.out << QJsonDocument(list).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    if (entries->isEmpty())
        c.out << tr("no runs stored in %1").arg(store.path()) << '\n';
    for (const HistoryEntry &e : entries.value()) {
        const std::optional<Operation> op = operationFromName(e.operation);
        c.out << QStringLiteral("%1  %2  %3  %4  %5  %6")
                     .arg(e.id, 5)
                     .arg(e.startedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                          (op ? operationTitle(*op) : e.operation).leftJustified(9),
                          e.projectName.leftJustified(16),
                          formatSeconds(e.durationMs).rightJustified(8))
                     .arg(e.ok          ? tr("ok")
                          : e.cancelled ? tr("cancelled")
                                        : tr("failed: %1").arg(e.failedHosts.join(QStringLiteral(", "))))
              << '\n';
    }
    return ExitOk;
}

} // namespace FateDeployer
