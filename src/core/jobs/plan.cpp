// SPDX-License-Identifier: Apache-2.0
#include "jobs/plan.h"
#include "model/era.h"
#include "util/tr.h"

#include <QCoreApplication>
#include <QUuid>

namespace FateDeployer {

namespace {

struct StepName
{
    StepKind kind;
    const char *id;
    const char *title;
};

const StepName stepNames[] = {
    {StepKind::Connect, "connect", QT_TRANSLATE_NOOP("FateDeployer::Plan", "Connect")},
    {StepKind::DockerVersion, "docker", QT_TRANSLATE_NOOP("FateDeployer::Plan", "Docker")},
    {StepKind::ComposeVersion, "compose", QT_TRANSLATE_NOOP("FateDeployer::Plan", "Compose")},
    {StepKind::DiskSpace, "disk", QT_TRANSLATE_NOOP("FateDeployer::Plan", "Disk space")},
    {StepKind::Ports, "ports", QT_TRANSLATE_NOOP("FateDeployer::Plan", "Ports")},
    {StepKind::Arch, "arch", QT_TRANSLATE_NOOP("FateDeployer::Plan", "CPU architecture")},
    {StepKind::Images, "images", QT_TRANSLATE_NOOP("FateDeployer::Plan", "Images")},
    {StepKind::Registry, "registry", QT_TRANSLATE_NOOP("FateDeployer::Plan", "Registry")},
    {StepKind::RegistryLogin, "login", QT_TRANSLATE_NOOP("FateDeployer::Plan", "Registry login")},
    {StepKind::LoadImages, "load", QT_TRANSLATE_NOOP("FateDeployer::Plan", "Load images")},
    {StepKind::PullImages, "pull", QT_TRANSLATE_NOOP("FateDeployer::Plan", "Pull images")},
    {StepKind::MakeDir, "mkdir", QT_TRANSLATE_NOOP("FateDeployer::Plan", "Base directory")},
    {StepKind::Upload, "upload", QT_TRANSLATE_NOOP("FateDeployer::Plan", "Upload")},
    {StepKind::StopOld, "stop-old", QT_TRANSLATE_NOOP("FateDeployer::Plan", "Stop old deployment")},
    {StepKind::Swap, "swap", QT_TRANSLATE_NOOP("FateDeployer::Plan", "Swap folders")},
    {StepKind::Up, "up", QT_TRANSLATE_NOOP("FateDeployer::Plan", "Start")},
    {StepKind::WaitStable, "wait", QT_TRANSLATE_NOOP("FateDeployer::Plan", "Wait until running")},
    {StepKind::Status, "status", QT_TRANSLATE_NOOP("FateDeployer::Plan", "Status")},
    {StepKind::Verify, "verify", QT_TRANSLATE_NOOP("FateDeployer::Plan", "Toy example")},
    {StepKind::Stop, "stop", QT_TRANSLATE_NOOP("FateDeployer::Plan", "Stop")},
    {StepKind::Down, "down", QT_TRANSLATE_NOOP("FateDeployer::Plan", "Down")},
    {StepKind::RemoveFolder, "remove", QT_TRANSLATE_NOOP("FateDeployer::Plan", "Remove folder")},
    {StepKind::MatrixListen, "listen", QT_TRANSLATE_NOOP("FateDeployer::Plan", "Open test listener")},
    {StepKind::MatrixProbe, "probe", QT_TRANSLATE_NOOP("FateDeployer::Plan", "Connectivity")},
    {StepKind::MatrixCleanup, "listen-cleanup", QT_TRANSLATE_NOOP("FateDeployer::Plan", "Close test listener")},
    {StepKind::Drift, "drift", QT_TRANSLATE_NOOP("FateDeployer::Plan", "Drift")},
    {StepKind::RollbackSwap, "rollback-swap", QT_TRANSLATE_NOOP("FateDeployer::Plan", "Restore previous bundle")},
};

struct OperationName
{
    Operation op;
    const char *id;
    const char *title;
};

const OperationName operationNames[] = {
    {Operation::Preflight, "preflight", QT_TRANSLATE_NOOP("FateDeployer::Plan", "Preflight")},
    {Operation::Deploy, "deploy", QT_TRANSLATE_NOOP("FateDeployer::Plan", "Deploy")},
    {Operation::Status, "status", QT_TRANSLATE_NOOP("FateDeployer::Plan", "Status")},
    {Operation::Verify, "verify", QT_TRANSLATE_NOOP("FateDeployer::Plan", "Verify")},
    {Operation::Teardown, "teardown", QT_TRANSLATE_NOOP("FateDeployer::Plan", "Teardown")},
    {Operation::Matrix, "matrix", QT_TRANSLATE_NOOP("FateDeployer::Plan", "Connectivity matrix")},
    {Operation::Drift, "drift", QT_TRANSLATE_NOOP("FateDeployer::Plan", "Drift")},
    {Operation::Rollback, "rollback", QT_TRANSLATE_NOOP("FateDeployer::Plan", "Rollback")},
};

} // namespace

QString stepKindName(StepKind kind)
{
    for (const StepName &n : stepNames)
        if (n.kind == kind)
            return QString::fromLatin1(n.id);
    return QString();
}

QString stepKindTitle(StepKind kind)
{
    for (const StepName &n : stepNames)
        if (n.kind == kind)
            return QCoreApplication::translate("FateDeployer::Plan", n.title); // the QT_TRANSLATE_NOOP context
    return QString();
}

QString operationName(Operation op)
{
    for (const OperationName &n : operationNames)
        if (n.op == op)
            return QString::fromLatin1(n.id);
    return QString();
}

QString operationTitle(Operation op)
{
    for (const OperationName &n : operationNames)
        if (n.op == op)
            return QCoreApplication::translate("FateDeployer::Plan", n.title); // the QT_TRANSLATE_NOOP context
    return QString();
}

std::optional<Operation> operationFromName(const QString &name)
{
    for (const OperationName &n : operationNames)
        if (name == QLatin1String(n.id))
            return n.op;
    return std::nullopt;
}

QList<const HostBundle *> HostJob::bundles() const
{
    QList<const HostBundle *> list{&bundle};
    for (const HostBundle &b : moreBundles)
        list.append(&b);
    return list;
}

int Plan::totalSteps() const
{
    int n = 0;
    for (const HostJob &job : jobs)
        n += int(job.steps.size());
    return n;
}

QList<HostTarget> PlanBuilder::targets(const Project &project, const Selection &selection)
{
    QList<HostTarget> list;
    const bool all = !selection.explicitSelection();
    for (const Party &party : project.parties) {
        // Another team's host ("my parties only"): this project has no SSH access to it and never touches it.
        if (party.external || (!all && !selection.parties.contains(party.id)))
            continue;
        HostTarget t;
        t.key = QStringLiteral("party-%1").arg(party.id);
        t.label = tr("party %1 (%2)").arg(party.id).arg(party.host);
        t.address = party.host;
        t.port = project.portFor(party.ssh);
        t.user = project.userFor(party.ssh);
        t.ssh = party.ssh;
        t.partyId = party.id;
        t.baseDir = project.dirFor(party);
        list.append(t);
    }
    // An era whose bundles hold no exchange (v2.0; v1.11 with a broker) gets no exchange job: nothing to deploy.
    if (project.exchange.enabled && !project.exchange.external && (all || selection.exchange)
        && eraRendersExchange(kubefateEra(project.templates.kubefateVersion), project.engine.federation)) {
        HostTarget t;
        t.key = QStringLiteral("exchange");
        t.label = tr("exchange (%1)").arg(project.exchange.host);
        t.address = project.exchange.host;
        t.port = project.portFor(project.exchange.ssh);
        t.user = project.userFor(project.exchange.ssh);
        t.ssh = project.exchange.ssh;
        t.baseDir = project.exchangeDir();
        list.append(t);
    }
    return list;
}

QList<Step> PlanBuilder::steps(Operation op, const RunSettings &settings, bool exchange)
{
    Q_UNUSED(exchange)
    QList<Step> s;
    s.append({StepKind::Connect, false});
    switch (op) {
    case Operation::Preflight:
        if (settings.registryOnly) {
            s.append({StepKind::Registry, true});
            break;
        }
        for (StepKind k : {StepKind::DockerVersion,
                           StepKind::ComposeVersion,
                           StepKind::DiskSpace,
                           StepKind::Ports,
                           StepKind::Arch,
                           StepKind::Images,
                           StepKind::Registry})
            s.append({k, true});
        break;
    case Operation::Deploy:
        s.append({StepKind::DockerVersion, false});
        s.append({StepKind::ComposeVersion, false});
        s.append({StepKind::MakeDir, false});
        if (!settings.registryUri.isEmpty())
            s.append({StepKind::RegistryLogin, false});
        if (!settings.imageArchives.isEmpty())
            s.append({StepKind::LoadImages, false});
        if (settings.pull)
            s.append({StepKind::PullImages, false});
        for (StepKind k : {StepKind::Upload, StepKind::StopOld, StepKind::Swap, StepKind::Up, StepKind::WaitStable})
            s.append({k, false});
        break;
    case Operation::Status:
        s.append({StepKind::Status, false});
        break;
    case Operation::Verify:
        s.append({StepKind::Verify, false});
        break;
    case Operation::Teardown:
        if (settings.teardownLevel == TeardownLevel::Stop) {
            s.append({StepKind::Stop, false});
        } else {
            s.append({StepKind::Down, false});
            if (settings.teardownLevel == TeardownLevel::Remove)
                s.append({StepKind::RemoveFolder, false});
        }
        break;
    case Operation::Matrix:
        // Every step runs after a failed one: the listener must close and the others' waits must end.
        for (StepKind k : {StepKind::MatrixListen, StepKind::MatrixProbe, StepKind::MatrixCleanup})
            s.append({k, true});
        break;
    case Operation::Drift:
        s.append({StepKind::Drift, false});
        break;
    case Operation::Rollback:
        for (StepKind k : {StepKind::DockerVersion,
                           StepKind::ComposeVersion,
                           StepKind::RollbackSwap,
                           StepKind::Up,
                           StepKind::WaitStable})
            s.append({k, false});
        break;
    }
    return s;
}

HostBundle PlanBuilder::bundleFor(int partyId, const QString &kubefateVersion)
{
    // Folder = compose project name, so containers keep the names FATE's own scripts give them.
    HostBundle b;
    if (partyId == 0 && eraHasEngine(kubefateEra(kubefateVersion))) {
        b.name = QStringLiteral("confs-exchange");
        b.composeFile = QStringLiteral("docker-compose.yml");
    } else if (partyId == 0) {
        b.name = QStringLiteral("exchange");
        b.composeFile = QStringLiteral("docker-compose-exchange.yml");
    } else {
        b.name = QStringLiteral("confs-%1").arg(partyId);
        b.composeFile = QStringLiteral("docker-compose.yml");
    }
    return b;
}

HostBundle PlanBuilder::servingBundleFor(int partyId)
{
    HostBundle b;
    b.name = QStringLiteral("serving-%1").arg(partyId);
    b.composeFile = QStringLiteral("docker-compose.yml");
    return b;
}

Plan PlanBuilder::build(const Project &project, const Selection &selection, const RunSettings &settings)
{
    Plan plan;
    plan.settings = settings;
    plan.settings.guestId = settings.guestId ? settings.guestId : project.guestId();
    plan.settings.hostId = settings.hostId ? settings.hostId : project.hostId();
    const bool exchange
        = project.exchange.enabled
          && eraRendersExchange(kubefateEra(project.templates.kubefateVersion), project.engine.federation);
    plan.settings.exchangeAddress = exchange ? project.exchangeRouteAddress() : QString();
    plan.settings.exchangePort = project.exchangeRoutePort();
    plan.settings.projectName = project.name;
    plan.settings.kubefateVersion = project.templates.kubefateVersion;
    const bool serving = eraHasServing(kubefateEra(project.templates.kubefateVersion));
    if (plan.settings.runId.isEmpty())
        plan.settings.runId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    plan.settings.partyRoutes.clear();
    for (const Party &p : project.parties)
        plan.settings.partyRoutes.append({p.id, Project::routeAddress(p), Project::routePort(p)});
    if (plan.settings.registryUri.isEmpty() && project.registry.usePrivate) {
        plan.settings.registryUri = project.registry.uri;
        plan.settings.registryUser = project.registry.username;
        plan.settings.keepRegistryLogin = project.registry.keepLoggedIn;
    }
    QList<HostTarget> targets;
    if (settings.operation == Operation::Verify && !settings.toyPairs.isEmpty()) {
        // The toy grid: a job per pair on its guest's host (their own SSH sessions, so pairs of one guest can run
        // side by side where FATE allows: RunSettings::maxJobsPerHost).
        for (const ToyPair &pair : settings.toyPairs) {
            Selection guest;
            guest.parties = {pair.guest};
            for (HostTarget t : PlanBuilder::targets(project, guest)) {
                t.key = QStringLiteral("toy-%1-%2").arg(pair.guest).arg(pair.host);
                t.label = tr("toy example %1 → %2 (on %3)").arg(pair.guest).arg(pair.host).arg(t.address);
                t.toyHostId = pair.host;
                targets.append(t);
            }
        }
    } else if (settings.operation == Operation::Verify) {
        Selection guest;
        guest.parties = {plan.settings.guestId};
        targets = PlanBuilder::targets(project, guest);
    } else {
        targets = PlanBuilder::targets(project, selection);
    }
    for (const HostTarget &t : std::as_const(targets)) {
        HostJob job;
        job.target = t;
        job.bundle = bundleFor(t.partyId, plan.settings.kubefateVersion);
        // The party's serving bundle on its training host joins the training network: same job, after it.
        // (A serving host of its own gets no job yet: BundlePrep refuses that deploy, see there.)
        if (serving && t.partyId != 0 && settings.operation != Operation::Verify)
            for (const Party &p : project.parties)
                if (p.id == t.partyId && !p.servingHost.isEmpty()
                    && p.servingHost.compare(p.host, Qt::CaseInsensitive) == 0)
                    job.moreBundles.append(servingBundleFor(p.id));
        job.steps = steps(settings.operation, plan.settings, t.partyId == 0);
        plan.jobs.append(job);
    }
    return plan;
}

} // namespace FateDeployer
