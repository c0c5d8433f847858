// SPDX-License-Identifier: Apache-2.0
// The interpreter's day-two steps (issue 16): connectivity matrix, drift, rollback. Kept apart from the
// deploy steps in interpreter.cpp; same class, same helpers.
#include "jobs/daytwo.h"
#include "jobs/interpreter.h"
#include "jobs/remotecommands.h"
#include "util/tr.h"

#include <QThread>

namespace FateDeployer {

namespace {

constexpr int ListenWaitMs = 90 * 1000; ///< a probe waits this long for its target's listener
constexpr int ProbeSeconds = 5;         ///< one TCP connect

} // namespace

void JobInterpreter::dayTwoJobFinished()
{
    if (m_settings.dayTwo && m_settings.dayTwo->board)
        m_settings.dayTwo->board->jobFinished(m_job.target.key);
}

StepOutcome JobInterpreter::matrixListen()
{
    const DayTwoInput *in = m_settings.dayTwo.get();
    if (!in || !in->board)
        return fail(tr("no matrix in this run"), QString());
    MatrixBoard &board = *in->board;
    const int port = in->listenPorts.value(m_job.target.key);
    const QString name = QStringLiteral("fd-matrix-%1-%2").arg(m_job.bundle.name).arg(port);
    const ShellCommand cmd = DayTwo::startListener(port, in->listenerSeconds, name, in->listenerInDocker);
    CommandRequest rq;
    rq.timeoutSeconds = 120;
    const CommandResult r = exec(cmd, rq);
    if (r.stdoutText.contains(QLatin1String("@@fd-inuse"))) {
        // Ours after a deploy: the probes reach the real service. Another program: the cells say so.
        const CommandResult o = exec(RemoteCommands::projectContainerIds(m_job.bundle.name, true));
        if (o.ok() && !o.stdoutText.trimmed().isEmpty()) {
            board.listenDone(m_job.target.key, MatrixBoard::Target::Served);
            return ok(tr("port %1 is served by our deployment %2").arg(port).arg(m_job.bundle.name));
        }
        board.listenDone(m_job.target.key, MatrixBoard::Target::InUse);
        StepOutcome o2 = fail(tr("port %1 is already in use by another program").arg(port),
                              tr("Stop the program that listens on the port (ss -ltnp shows it) or move it; FATE "
                                 "needs this port on this host."),
                              cmd,
                              r);
        o2.busyPorts = {QString::number(port)};
        return o2;
    }
    const int at = r.stdoutText.indexOf(QLatin1String("@@fd-listener "));
    if (!r.ok() || at < 0) {
        board.listenDone(m_job.target.key, MatrixBoard::Target::Failed);
        return failExec(tr("cannot open a test listener on port %1").arg(port),
                        cmd,
                        r,
                        tr("The host needs python, nc or busybox, or Docker with an image holding one of them; "
                           "install one, or load FATE's images first."));
    }
    const QStringList words = r.stdoutText.mid(at).section(QLatin1Char('\n'), 0, 0).split(QLatin1Char(' '));
    m_listener = words.value(2);
    board.listenDone(m_job.target.key, MatrixBoard::Target::Listening);
    return ok(tr("test listener on port %1 (%2) for %3 s").arg(port).arg(words.value(1)).arg(in->listenerSeconds));
}

StepOutcome JobInterpreter::matrixProbe()
{
    const DayTwoInput *in = m_settings.dayTwo.get();
    if (!in || !in->board)
        return fail(tr("no matrix in this run"), QString());
    auto labelOf = [](const QString &key) {
        return key.startsWith(QLatin1String("party-")) ? tr("party %1").arg(key.mid(6)) : tr("the exchange");
    };
    QList<MatrixCell> cells;
    int bad = 0;
    for (const MatrixPath &path : in->paths) {
        if (path.from != m_job.target.key)
            continue;
        if (cancelled())
            break;
        MatrixCell cell{path.from, path.to, path.address, path.port, MatrixCell::Result::NotChecked, QString()};
        const MatrixBoard::Target target = in->board->waitListen(path.to, m_cancel, ListenWaitMs);
        if (target == MatrixBoard::Target::InUse) {
            cell.result = MatrixCell::Result::InUse;
        } else {
            const ShellCommand cmd = DayTwo::tcpConnect(path.address, path.port, ProbeSeconds);
            CommandRequest rq;
            rq.timeoutSeconds = ProbeSeconds + 30;
            // An nc listener takes one connection at a time and restarts in between: a refusal from a host
            // whose test listener is up is asked twice more (a firewall's reset stays a refusal).
            for (int attempt = 0; attempt < 3 && !cancelled(); ++attempt) {
                if (attempt > 0)
                    QThread::msleep(1000);
                const CommandResult r = exec(cmd, rq);
                cell.result = r.ok() ? DayTwo::parseConnect(r.stdoutText) : MatrixCell::Result::NotChecked;
                if (cell.result != MatrixCell::Result::Refused || target != MatrixBoard::Target::Listening)
                    break;
            }
            // Refused while the target could not open its listener says nothing about the network.
            if (cell.result == MatrixCell::Result::Refused && target != MatrixBoard::Target::Listening
                && target != MatrixBoard::Target::Served)
                cell.result = MatrixCell::Result::NotChecked;
        }
        cell.fix = DayTwo::matrixFix(cell, labelOf(path.to));
        note(QStringLiteral("%1 → %2 %3:%4 %5")
                 .arg(labelOf(path.from), labelOf(path.to), path.address)
                 .arg(path.port)
                 .arg(matrixResultName(cell.result)));
        if (cell.result != MatrixCell::Result::Ok)
            ++bad;
        cells.append(cell);
    }
    in->board->probesDone(m_job.target.key);
    StepOutcome o = bad == 0 ? ok(tr("%n path(s) reachable", nullptr, int(cells.size())))
                             : fail(tr("%1 of %2 path(s) not reachable").arg(bad).arg(cells.size()),
                                    tr("See the matrix: each cell names the fix."));
    if (cancelled() && o.result == StepResult::Failed)
        o.result = StepResult::Cancelled;
    o.cells = cells;
    return o;
}

StepOutcome JobInterpreter::matrixCleanup()
{
    const DayTwoInput *in = m_settings.dayTwo.get();
    if (!in || !in->board)
        return fail(tr("no matrix in this run"), QString());
    // The listener stays until every probe into this host is done (or the run is cancelled).
    in->board->waitProbes(m_job.target.key, m_cancel, ListenWaitMs + 60 * 1000);
    if (m_listener.isEmpty())
        return ok(tr("no test listener to close"));
    const ShellCommand cmd = DayTwo::stopListener(m_listener);
    CommandRequest rq;
    rq.timeoutSeconds = 60;
    const CommandResult r = exec(cmd, rq, false);
    if (!r.ok())
        return failExec(tr("cannot close the test listener %1").arg(m_listener),
                        cmd,
                        r,
                        tr("It ends on its own after %1 s.").arg(in->listenerSeconds));
    m_listener.clear();
    return ok(tr("test listener closed"));
}

StepOutcome JobInterpreter::drift()
{
    const DayTwoInput *in = m_settings.dayTwo.get();
    const DeployedManifest deployed = in ? in->current.value(m_job.target.key) : DeployedManifest();
    if (deployed.isEmpty())
        return fail(tr("no deployment of %1 recorded on this computer").arg(m_job.bundle.name),
                    tr("Drift compares a host with what this computer deployed there last; deploy first."));
    const ShellCommand hashes = DayTwo::bundleHashes(m_job.target.baseDir, deployed.bundle, deployed.dataPaths);
    CommandRequest rq;
    rq.quiet = true;
    const CommandResult h = exec(hashes, rq);
    if (!h.ok())
        return failExec(tr("cannot read the files of %1").arg(deployed.bundle), hashes, h);
    bool missing = false;
    const QMap<QString, QString> files = DayTwo::parseHashes(h.stdoutText, &missing);
    const ShellCommand list = DayTwo::projectContainers(deployed.bundle);
    const CommandResult c = exec(list, rq);
    if (!c.ok())
        return failExec(tr("cannot list the containers of %1").arg(deployed.bundle), list, c);
    const QList<DriftEntry> entries = DayTwo::compare(deployed, files, missing, c.stdoutText);
    for (const DriftEntry &e : entries)
        note(QStringLiteral("%1: %2 %3").arg(driftKindTitle(e.kind), e.item, e.detail).trimmed());
    if (entries.isEmpty())
        return ok(tr("no drift: %n file(s) and the containers as deployed %1", nullptr, int(deployed.files.size()))
                      .arg(deployed.deployedAt));
    StepOutcome o
        = fail(tr("%n difference(s) from the deployment of %1", nullptr, int(entries.size())).arg(deployed.deployedAt),
               tr("Deploy again to put the deployed files and containers back, or keep the change in the "
                  "project and deploy it."));
    o.drift = entries;
    return o;
}

StepOutcome JobInterpreter::rollbackSwap()
{
    const ShellCommand check = DayTwo::previousExists(m_job.target.baseDir, m_job.bundle.name);
    const CommandResult c = exec(check);
    if (c.exitStatus == DayTwo::NoPrevious)
        return fail(tr("no previous bundle of %1 on this host: nothing to roll back to").arg(m_job.bundle.name),
                    tr("A previous bundle is kept from the second deployment on; deploy the configuration you want "
                       "instead."),
                    check,
                    c);
    if (!c.ok())
        return failExec(tr("cannot look for the previous bundle"), check, c);
    const ComposeFlavor flavor = composeFlavor();
    if (flavor == ComposeFlavor::None)
        return fail(tr("no compose available"), tr("Install docker-compose 1.24 or later."));
    const ShellCommand down = RemoteCommands::composeDownIfPresent(
        flavor, m_job.target.baseDir, m_job.bundle.name, m_job.bundle.composeFile);
    const CommandResult d = exec(down);
    if (!d.ok())
        return failExec(tr("cannot bring the running %1 down").arg(m_job.bundle.name), down, d);
    const ShellCommand swap = DayTwo::swapBack(m_job.target.baseDir, m_job.bundle.name, m_job.bundle.dataPaths);
    CommandRequest rq;
    rq.timeoutSeconds = 120;
    // Never interrupted, like the deploy's swap: the host holds both folders under their names.
    const CommandResult s = exec(swap, rq, false);
    if (!s.ok())
        return failExec(tr("restoring %1.previous failed").arg(m_job.bundle.name), swap, s);
    return ok(tr("%1.previous is %1 again; the replaced one is kept as %1.previous").arg(m_job.bundle.name));
}

} // namespace FateDeployer
