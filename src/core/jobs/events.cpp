// SPDX-License-Identifier: Apache-2.0
#include "jobs/events.h"
#include "util/tr.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace FateDeployer {

namespace {

QJsonObject containerJson(const ContainerStatus &c)
{
    return QJsonObject{{QStringLiteral("name"), c.name},
                       {QStringLiteral("service"), c.service},
                       {QStringLiteral("state"), c.state},
                       {QStringLiteral("health"), c.health},
                       {QStringLiteral("restarts"), c.restartCount},
                       {QStringLiteral("image"), c.image},
                       {QStringLiteral("ports"), c.ports},
                       {QStringLiteral("uptime_s"), c.uptimeSeconds}};
}

} // namespace

QString stepResultName(StepResult result)
{
    switch (result) {
    case StepResult::Pending:
        return QStringLiteral("pending");
    case StepResult::Running:
        return QStringLiteral("running");
    case StepResult::Ok:
        return QStringLiteral("ok");
    case StepResult::Warning:
        return QStringLiteral("warning");
    case StepResult::Failed:
        return QStringLiteral("failed");
    case StepResult::Skipped:
        return QStringLiteral("skipped");
    case StepResult::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QString();
}

QString verifyDiagnosisName(VerifyDiagnosis diagnosis)
{
    switch (diagnosis) {
    case VerifyDiagnosis::None:
        return QString();
    case VerifyDiagnosis::Unreachable:
        return QStringLiteral("unreachable");
    case VerifyDiagnosis::MysqlNotReady:
        return QStringLiteral("mysql-not-ready");
    case VerifyDiagnosis::NotRunning:
        return QStringLiteral("not-running");
    case VerifyDiagnosis::Timeout:
        return QStringLiteral("timeout");
    case VerifyDiagnosis::TimeExceeded:
        return QStringLiteral("time-exceeded");
    case VerifyDiagnosis::NoSuccessLine:
        return QStringLiteral("no-success-line");
    }
    return QString();
}

QString stepResultTitle(StepResult result)
{
    switch (result) {
    case StepResult::Pending:
        return tr("pending");
    case StepResult::Running:
        return tr("running");
    case StepResult::Ok:
        return tr("ok");
    case StepResult::Warning:
        return tr("warning");
    case StepResult::Failed:
        return tr("FAILED");
    case StepResult::Skipped:
        return tr("skipped");
    case StepResult::Cancelled:
        return tr("cancelled");
    }
    return QString();
}

QString formatSeconds(qint64 ms)
{
    return tr("%1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
}

QString toyCellResultName(ToyCell::Result result)
{
    switch (result) {
    case ToyCell::Result::Pass:
        return QStringLiteral("pass");
    case ToyCell::Result::Fail:
        return QStringLiteral("fail");
    case ToyCell::Result::NotRun:
        break;
    }
    return QStringLiteral("not-run");
}

QString toyCellResultTitle(ToyCell::Result result)
{
    switch (result) {
    case ToyCell::Result::Pass:
        return tr("pass");
    case ToyCell::Result::Fail:
        return tr("fail");
    case ToyCell::Result::NotRun:
        break;
    }
    return tr("not run");
}

QList<ToyCell> RunReport::toyGrid() const
{
    QList<ToyCell> cells;
    for (const HostOutcome &h : hosts) {
        if (!h.target.toyHostId)
            continue;
        ToyCell cell;
        cell.guest = h.target.partyId;
        cell.host = h.target.toyHostId;
        cell.address = h.target.address;
        const StepOutcome *verify = nullptr;
        for (const StepOutcome &s : h.steps)
            if (s.kind == StepKind::Verify)
                verify = &s;
        const StepOutcome *failed = h.failedStep();
        if (verify && (verify->result == StepResult::Ok || verify->result == StepResult::Warning)) {
            cell.result = ToyCell::Result::Pass;
            cell.summary = verify->summary;
        } else if (failed) {
            // The toy's own diagnosis, or the step before it that failed (connect: the guest's host is not reached).
            cell.result = ToyCell::Result::Fail;
            cell.summary = QStringLiteral("%1: %2").arg(stepKindTitle(failed->kind), failed->summary);
            cell.fix = failed->fix;
            cell.diagnosis = failed->diagnosis;
            cell.unreachable = failed->unreachable;
        } else {
            cell.summary = h.result == StepResult::Cancelled ? tr("cancelled") : tr("not run");
        }
        cells.append(cell);
    }
    return cells;
}

const StepOutcome *HostOutcome::failedStep() const
{
    for (const StepOutcome &s : steps)
        if (s.result == StepResult::Failed)
            return &s;
    return nullptr;
}

bool RunReport::succeeded() const
{
    if (cancelled || hosts.isEmpty())
        return false;
    for (const HostOutcome &h : hosts)
        if (!h.succeeded())
            return false;
    return true;
}

QStringList RunReport::failedHostKeys() const
{
    QStringList keys;
    for (const HostOutcome &h : hosts)
        if (!h.succeeded())
            keys.append(h.target.key);
    return keys;
}

QString RunReport::toText() const
{
    QString t;
    t += tr("%1 of project %2, started %3 UTC, %4: %5")
             .arg(operationTitle(operation), projectName, startedAt.toString(Qt::ISODate), formatSeconds(durationMs))
             .arg(succeeded() ? tr("succeeded")
                  : cancelled ? tr("cancelled")
                              : tr("FAILED"))
         + QLatin1Char('\n');
    for (const HostOutcome &h : hosts) {
        t += QStringLiteral("\n%1: %2\n").arg(h.target.label, stepResultTitle(h.result));
        for (const StepOutcome &s : h.steps) {
            if (s.result == StepResult::Skipped || s.result == StepResult::Pending)
                continue;
            t += QStringLiteral("  [%1] %2: %3 (%4)\n")
                     .arg(stepResultTitle(s.result), stepKindTitle(s.kind), s.summary, formatSeconds(s.durationMs));
            if (!s.fix.isEmpty() && s.result != StepResult::Ok)
                t += QStringLiteral("      ") + tr("fix: %1").arg(s.fix) + QLatin1Char('\n');
            if (s.result == StepResult::Failed) {
                if (!s.command.isEmpty())
                    t += QStringLiteral("      ") + tr("command: %1").arg(s.command) + QLatin1Char('\n');
                for (const QString &line : s.lastLines)
                    t += QStringLiteral("      | ") + line + QLatin1Char('\n');
            }
        }
        for (const ContainerStatus &c : h.containers)
            t += QStringLiteral("    %1  %2  %3  %4  %5\n")
                     .arg(c.name, c.state, c.health.isEmpty() ? QStringLiteral("-") : c.health)
                     .arg(tr("restarts=%1").arg(c.restartCount))
                     .arg(c.ports);
    }
    return t;
}

QByteArray RunReport::toJson() const
{
    QJsonArray hostList;
    for (const HostOutcome &h : hosts) {
        QJsonArray steps;
        for (const StepOutcome &s : h.steps) {
            QJsonObject step{{QStringLiteral("step"), stepKindName(s.kind)},
                             {QStringLiteral("result"), stepResultName(s.result)},
                             {QStringLiteral("summary"), s.summary},
                             {QStringLiteral("fix"), s.fix},
                             {QStringLiteral("command"), s.command},
                             {QStringLiteral("last_lines"), QJsonArray::fromStringList(s.lastLines)},
                             {QStringLiteral("duration_ms"), s.durationMs}};
            // Typed facts for scripts: never parse the (translated) summary.
            if (s.result == StepResult::Failed || s.result == StepResult::Cancelled)
                step.insert(QStringLiteral("error_kind"), QLatin1String(errorKindName(s.errorKind)));
            if (s.kind == StepKind::Images)
                step.insert(QStringLiteral("missing_images"), QJsonArray::fromStringList(s.missingImages));
            if (!s.busyPorts.isEmpty())
                step.insert(QStringLiteral("busy_ports"), QJsonArray::fromStringList(s.busyPorts));
            if (s.diagnosis != VerifyDiagnosis::None)
                step.insert(QStringLiteral("diagnosis"), verifyDiagnosisName(s.diagnosis));
            if (!s.unreachable.isEmpty())
                step.insert(QStringLiteral("unreachable"), QJsonArray::fromStringList(s.unreachable));
            if (s.kind == StepKind::MatrixProbe)
                step.insert(QStringLiteral("cells"), DayTwo::cellsToJson(s.cells));
            if (s.kind == StepKind::Drift)
                step.insert(QStringLiteral("drift"), DayTwo::driftToJson(s.drift));
            steps.append(step);
        }
        QJsonArray containers;
        for (const ContainerStatus &c : h.containers)
            containers.append(containerJson(c));
        QJsonObject host{{QStringLiteral("host"), h.target.key},
                         {QStringLiteral("address"), h.target.address},
                         {QStringLiteral("result"), stepResultName(h.result)},
                         {QStringLiteral("compose"), h.composeCommand},
                         {QStringLiteral("duration_ms"), h.durationMs},
                         {QStringLiteral("lines"), h.lineCount},
                         {QStringLiteral("steps"), steps},
                         {QStringLiteral("containers"), containers}};
        if (h.target.toyHostId) {
            host.insert(QStringLiteral("guest_party"), h.target.partyId);
            host.insert(QStringLiteral("host_party"), h.target.toyHostId);
        }
        hostList.append(host);
    }
    QJsonObject o{{QStringLiteral("id"), id},
                  {QStringLiteral("operation"), operationName(operation)},
                  {QStringLiteral("project"), projectName},
                  {QStringLiteral("project_hash"), projectHash},
                  {QStringLiteral("started_at"), startedAt.toString(Qt::ISODateWithMs)},
                  {QStringLiteral("duration_ms"), durationMs},
                  {QStringLiteral("cancelled"), cancelled},
                  {QStringLiteral("ok"), succeeded()},
                  {QStringLiteral("hosts"), hostList}};
    // The toy grid, cell by cell, for scripts: guest, host, result and the typed diagnosis.
    if (const QList<ToyCell> cells = toyGrid(); !cells.isEmpty()) {
        QJsonArray grid;
        for (const ToyCell &c : cells) {
            QJsonObject cell{{QStringLiteral("guest"), c.guest},
                             {QStringLiteral("host"), c.host},
                             {QStringLiteral("address"), c.address},
                             {QStringLiteral("result"), toyCellResultName(c.result)},
                             {QStringLiteral("summary"), c.summary},
                             {QStringLiteral("fix"), c.fix}};
            if (c.diagnosis != VerifyDiagnosis::None)
                cell.insert(QStringLiteral("diagnosis"), verifyDiagnosisName(c.diagnosis));
            if (!c.unreachable.isEmpty())
                cell.insert(QStringLiteral("unreachable"), QJsonArray::fromStringList(c.unreachable));
            grid.append(cell);
        }
        o.insert(QStringLiteral("grid"), grid);
    }
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

} // namespace FateDeployer
