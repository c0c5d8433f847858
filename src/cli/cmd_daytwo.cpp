// SPDX-License-Identifier: Apache-2.0
// Day-two commands (issue 16): matrix, drift, rollback run through the shared engine front end
// (cliEngineCommand); this file adds their terminal views of the report.
#include "cli/cliapp.h"
#include "jobs/daytwo.h"
#include "jobs/events.h"
#include "util/tr.h"

#include <QMap>

namespace FateDeployer {

namespace {

QString cellWord(const MatrixCell &cell)
{
    return cell.result == MatrixCell::Result::Ok ? matrixResultTitle(cell.result)
                                                 : matrixResultTitle(cell.result).toUpper();
}

} // namespace

QString cliMatrixText(const RunReport &report)
{
    QList<MatrixCell> cells;
    for (const HostOutcome &h : report.hosts)
        for (const StepOutcome &s : h.steps)
            cells += s.cells;
    if (cells.isEmpty())
        return tr("No path was checked.") + QLatin1Char('\n');
    QStringList sources, targets;
    QMap<QPair<QString, QString>, MatrixCell> at;
    for (const MatrixCell &c : std::as_const(cells)) {
        if (!sources.contains(c.from))
            sources.append(c.from);
        if (!targets.contains(c.to))
            targets.append(c.to);
        at.insert({c.from, c.to}, c);
    }
    int width = 12;
    for (const QString &k : sources + targets)
        width = qMax(width, int(k.size()) + 2);
    QString out = tr("Connectivity matrix (row = from, column = to; address:port as the target is reached):");
    out += QLatin1Char('\n');
    out += QString().leftJustified(width);
    for (const QString &t : std::as_const(targets))
        out += t.leftJustified(width);
    out += QLatin1Char('\n');
    for (const QString &s : std::as_const(sources)) {
        out += s.leftJustified(width);
        for (const QString &t : std::as_const(targets))
            out += (at.contains({s, t}) ? cellWord(at.value({s, t})) : QStringLiteral("-")).leftJustified(width);
        out += QLatin1Char('\n');
    }
    for (const MatrixCell &c : std::as_const(cells)) {
        out += QStringLiteral("  %1 -> %2 %3:%4: %5")
                   .arg(c.from, c.to, c.address)
                   .arg(c.port)
                   .arg(matrixResultTitle(c.result));
        if (!c.fix.isEmpty())
            out += QLatin1Char('\n') + QStringLiteral("    ") + c.fix;
        out += QLatin1Char('\n');
    }
    return out;
}

QString cliDriftText(const RunReport &report)
{
    QString out;
    for (const HostOutcome &h : report.hosts)
        for (const StepOutcome &s : h.steps) {
            if (s.kind != StepKind::Drift || s.result == StepResult::Skipped)
                continue;
            out += QStringLiteral("%1 (%2): %3\n").arg(h.target.key, h.target.address, s.summary);
            for (const DriftEntry &e : s.drift)
                out += QStringLiteral("  %1: %2%3\n")
                           .arg(driftKindTitle(e.kind),
                                e.item,
                                e.detail.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(e.detail));
        }
    return out;
}

QString cliToyGridText(const RunReport &report)
{
    const QList<ToyCell> cells = report.toyGrid();
    if (cells.isEmpty())
        return tr("No pair was verified.") + QLatin1Char('\n');
    QList<int> guests, hosts;
    QMap<QPair<int, int>, ToyCell> at;
    for (const ToyCell &c : cells) {
        if (!guests.contains(c.guest))
            guests.append(c.guest);
        if (!hosts.contains(c.host))
            hosts.append(c.host);
        at.insert({c.guest, c.host}, c);
    }
    std::sort(hosts.begin(), hosts.end());
    const QString corner = tr("guest \\ host");
    int width = int(corner.size()) + 2;
    for (int id : std::as_const(hosts))
        width = qMax(width, int(QString::number(id).size()) + 2);
    for (const ToyCell &c : cells)
        width = qMax(width, int(toyCellResultTitle(c.result).size()) + 2);
    QString out = tr("Toy grid (row = guest, column = host; the toy example runs on the guest's host):");
    out += QLatin1Char('\n') + corner.leftJustified(width);
    for (int id : std::as_const(hosts))
        out += QString::number(id).leftJustified(width);
    out += QLatin1Char('\n');
    for (int g : std::as_const(guests)) {
        out += QString::number(g).leftJustified(width);
        for (int h : std::as_const(hosts)) {
            QString word = QStringLiteral("-");
            if (at.contains({g, h})) {
                const ToyCell c = at.value({g, h});
                word = c.result == ToyCell::Result::Pass ? toyCellResultTitle(c.result)
                                                         : toyCellResultTitle(c.result).toUpper();
            }
            out += word.leftJustified(width);
        }
        out += QLatin1Char('\n');
    }
    for (const ToyCell &c : cells) {
        if (c.result == ToyCell::Result::Pass)
            continue;
        out += QStringLiteral("  %1 -> %2 (%3): %4").arg(c.guest).arg(c.host).arg(c.address, c.summary);
        if (c.diagnosis != VerifyDiagnosis::None)
            out += QStringLiteral(" [%1]").arg(verifyDiagnosisName(c.diagnosis));
        if (!c.fix.isEmpty())
            out += QLatin1Char('\n') + QStringLiteral("    ") + c.fix;
        out += QLatin1Char('\n');
    }
    return out;
}

int cliMatrix(CliContext &context)
{
    return cliEngineCommand(Operation::Matrix, context);
}

int cliDrift(CliContext &context)
{
    return cliEngineCommand(Operation::Drift, context);
}

int cliRollback(CliContext &context)
{
    return cliEngineCommand(Operation::Rollback, context);
}

} // namespace FateDeployer
