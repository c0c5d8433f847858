// SPDX-License-Identifier: Apache-2.0
#include "session/runsession.h"

#include "deployed/deployedstate.h"
#include "history/historystore.h"
#include "jobs/bundleprep.h"
#include "jobs/daytwo.h"
#include "jobs/sshchannel.h"
#include "model/era.h"
#include "model/servicesecrets.h"
#include "render/bundlewriter.h"
#include "settings/secretstore.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSet>
#include <QtConcurrent>

namespace FateDeployer {

RunSession::RunSession(SessionEnvironment environment, QObject *parent)
    : QObject(parent)
    , m_env(std::move(environment))
{
    qRegisterMetaType<FateDeployer::Plan>();
    qRegisterMetaType<FateDeployer::ErrorKind>();
    m_pool.setObjectName(QStringLiteral("fd-run-session"));
    m_pool.setMaxThreadCount(2);
    m_storePool.setObjectName(QStringLiteral("fd-last-deployed"));
    m_storePool.setMaxThreadCount(1); // writes of the last-deployed folder, in order
    connect(&m_prep, &QFutureWatcher<Prepared>::finished, this, [this] { launch(m_prep.result()); });
    connect(&m_runner, &Runner::started, this, &RunSession::started);
    connect(&m_runner, &Runner::hostEvents, this, &RunSession::hostEvents);
    connect(&m_runner, &Runner::progress, this, &RunSession::progress);
    connect(&m_runner, &Runner::hostFinished, this, &RunSession::hostFinished);
    connect(&m_runner, &Runner::finished, this, &RunSession::onRunnerFinished);
}

RunSession::~RunSession()
{
    m_runner.cancel();
    m_pool.waitForDone();
    m_storePool.waitForDone();
}

void RunSession::setEnvironment(SessionEnvironment environment)
{
    if (!isBusy())
        m_env = std::move(environment);
}

Plan RunSession::plan(const RunRequest &request)
{
    Plan plan = PlanBuilder::build(request.project, request.selection, request.settings);
    DayTwo::completePlan(request.project, plan);
    return plan;
}

Status RunSession::start(const RunRequest &request)
{
    if (isBusy())
        return Error{tr("Another run is still in progress; wait for it or cancel it."), ErrorKind::Local};
    Plan plan = RunSession::plan(request);
    if (plan.jobs.isEmpty())
        return Error{tr("Nothing to do: the selection has no hosts. Add a party or select one."), ErrorKind::Local};
    if (Status locked = lockProject(request.projectPath, request.settings.operation); !locked)
        return locked;
    m_request = request;
    m_plan = plan;
    m_rendered = RenderOutput{};
    m_lastReport = RunReport{};
    m_cancelRequested = false;
    const Operation op = request.settings.operation;
    const bool deploy = op == Operation::Deploy;
    if (deploy) {
        m_work = std::make_unique<QTemporaryDir>();
        if (!m_work->isValid()) {
            m_projectLock.unlock();
            return Error{tr("Cannot create a temporary folder for the bundles: %1. Free some disk space and try "
                            "again.")
                             .arg(m_work->errorString()),
                         ErrorKind::Local};
        }
    }
    emit planned(m_plan);

    // Secrets (a keychain may block), the project hash and the bundles: all of it on the owned pool.
    m_preparing = true;
    const QString projectDir
        = request.projectPath.isEmpty() ? QString() : QFileInfo(request.projectPath).absolutePath();
    const QString workDir = deploy ? m_work->path() : QString();
    const std::shared_ptr<SecretStore> secrets = m_env.secrets;
    const bool fromEnvironment = m_env.registryPasswordFromEnvironment;
    const Project project = request.project;
    const QString projectPath = request.projectPath;
    const std::optional<ServiceSecrets> given = request.serviceSecrets;
    const QString historyDir = m_env.historyDir;
    m_prepCancel = std::make_shared<std::atomic_bool>(false);
    const std::shared_ptr<std::atomic_bool> cancel = m_prepCancel;
    auto onProgress = [this](int done, int total) {
        QMetaObject::invokeMethod(
            this, [this, done, total] { emit preparing(done, total); }, Qt::QueuedConnection);
    };
    m_prep.setFuture(QtConcurrent::run(
        &m_pool,
        [plan,
         project,
         projectPath,
         projectDir,
         workDir,
         secrets,
         given,
         fromEnvironment,
         deploy,
         op,
         onProgress,
         cancel,
         historyDir] {
            Prepared out{plan, {}, ErrorKind::Other, {}};
            if (!projectPath.isEmpty())
                out.plan.settings.projectHash = BundlePrep::projectHash(projectPath);
            if (op == Operation::Drift || op == Operation::Rollback)
                if (const Status s = loadDeployments(historyDir, projectPath, out.plan); !s) {
                    out.error = s.error();
                    out.errorKind = s.errorKind();
                    return out;
                }
            // Preflight checks the credentials too.
            const bool registry = (deploy || op == Operation::Preflight) && project.registry.usePrivate
                                  && !project.registry.uri.trimmed().isEmpty();
            if (registry && out.plan.settings.registryPassword.isEmpty()) {
                if (secrets) {
                    const auto stored = secrets->read(
                        SecretStore::registryPasswordKey(project.registry.uri, project.registry.username));
                    if (stored.ok() && stored.value())
                        out.plan.settings.registryPassword = stored.value()->toUtf8();
                }
                if (out.plan.settings.registryPassword.isEmpty() && fromEnvironment
                    && !qEnvironmentVariableIsEmpty("FD_REGISTRY_PASSWORD")) {
                    out.plan.settings.registryPassword = qgetenv("FD_REGISTRY_PASSWORD");
                    out.plan.settings.registryPasswordSource = QStringLiteral("FD_REGISTRY_PASSWORD"); // for messages
                }
            }
            // v1.11+: the services' passwords, from the secret store into memory only (BundlePrep keeps them
            // off the disk).
            ServiceSecrets serviceSecrets = given.value_or(ServiceSecrets{});
            if (deploy && !given && eraHasEngine(kubefateEra(project.templates.kubefateVersion)) && secrets) {
                const Result<ServiceSecrets> loaded = ServiceSecrets::load(*secrets, project);
                if (!loaded) {
                    out.error = loaded.error();
                    out.errorKind = ErrorKind::Local;
                    return out;
                }
                serviceSecrets = loaded.value();
            }
            if (deploy) {
                if (const Status s = BundlePrep::prepare(project,
                                                         projectDir,
                                                         workDir,
                                                         out.plan,
                                                         &out.rendered,
                                                         onProgress,
                                                         cancel.get(),
                                                         serviceSecrets);
                    !s) {
                    out.error = s.error();
                    out.errorKind = s.errorKind() == ErrorKind::Other ? ErrorKind::Local : s.errorKind();
                }
            } else if ((op == Operation::Preflight && !plan.settings.registryOnly) || op == Operation::Status) {
                // Ports and images to check, services to expect: facts of the rendered bundles. Preflight
                // needs them; status without templates still lists what runs.
                const Result<RenderOutput> rendered = BundlePrep::render(project, projectDir);
                if (rendered)
                    BundlePrep::applyFacts(rendered.value(), out.plan);
                else if (op == Operation::Preflight) {
                    out.error = rendered.error();
                    out.errorKind = rendered.errorKind();
                }
            }
            return out;
        }));
    return {};
}

void RunSession::launch(const Prepared &prepared)
{
    m_preparing = false;
    if (m_cancelRequested) { // before the error: a cancelled packing fails with "cancelled"
        abort(tr("cancelled before any host was contacted"), ErrorKind::Cancelled);
        return;
    }
    if (!prepared.error.isEmpty()) {
        abort(m_request.settings.operation == Operation::Deploy
                  ? tr("Preparing the bundles failed: %1").arg(prepared.error)
                  : tr("Rendering the bundles failed: %1").arg(prepared.error),
              prepared.errorKind);
        return;
    }
    m_plan = prepared.plan;
    m_rendered = prepared.rendered;
    for (HostJob &job : m_plan.jobs)
        job.bundle.restartServices = m_request.restartOnly.value(job.target.key);
    SshChannelOptions ssh = SshChannelOptions::forProject(m_request.project, m_request.projectPath);
    if (!m_env.knownHostsFile.isEmpty())
        ssh.knownHostsFile = m_env.knownHostsFile;
    else if (ssh.knownHostsFile.isEmpty())
        ssh.knownHostsFile = m_env.fallbackKnownHostsFile;
    ssh.hostKeyPolicy = m_env.hostKeyPolicy;
    ssh.sshConfigFile = m_env.sshConfigFile;
    if (m_env.connectTimeoutSeconds > 0)
        ssh.connectTimeoutSeconds = m_env.connectTimeoutSeconds;
    ssh.prompter = m_env.prompter;
    ssh.secrets = m_env.secrets.get();
    m_runner.setChannelFactory(m_env.channelFactory ? m_env.channelFactory : sshChannelFactory(ssh));
    if (!m_runner.start(m_plan))
        abort(tr("The engine could not start the run; run the operation again."), ErrorKind::Local);
}

Status RunSession::lockProject(const QString &projectPath, Operation op)
{
    // Only runs that change the hosts exclude each other; an untitled project has no file to lock.
    if (projectPath.isEmpty() || (op != Operation::Deploy && op != Operation::Teardown && op != Operation::Rollback))
        return {};
    if (Status s = m_projectLock.lock(projectPath); !s)
        return Error{s.error(), ErrorKind::Local};
    return {};
}

void RunSession::abort(const QString &message, ErrorKind kind)
{
    m_projectLock.unlock();
    m_work.reset(); // nothing to retry: no bundle of this run stays on disk
    emit aborted(message, kind);
}

Status RunSession::retryFailed()
{
    if (isBusy())
        return Error{tr("Another run is still in progress; wait for it or cancel it."), ErrorKind::Local};
    const QStringList failed = failedHosts();
    Plan again = m_plan;
    again.jobs.clear();
    for (const HostJob &job : std::as_const(m_plan.jobs))
        if (failed.contains(job.target.key))
            again.jobs.append(job);
    if (again.jobs.isEmpty())
        return Error{tr("No host failed in the last run; nothing to retry."), ErrorKind::Local};
    DayTwo::completePlan(m_request.project, again); // a matrix retry meets on a fresh board
    if (Status locked = lockProject(m_request.projectPath, again.settings.operation); !locked)
        return locked;
    m_plan = again;
    m_cancelRequested = false;
    emit planned(m_plan);
    if (!m_runner.start(m_plan)) {
        m_projectLock.unlock();
        return Error{tr("The engine could not start the retry; run the whole operation again."), ErrorKind::Local};
    }
    return {};
}

void RunSession::cancel()
{
    if (m_preparing) {
        m_cancelRequested = true; // launch() ends the run instead of starting it
        if (m_prepCancel)
            m_prepCancel->store(true); // packing stops at its next file
        return;
    }
    if (m_runner.isRunning())
        m_runner.cancel();
}

void RunSession::onRunnerFinished(const RunReport &report)
{
    m_lastReport = report;
    m_projectLock.unlock(); // the hosts are done; history and last-deployed bundles are this process's own
    if (report.operation == Operation::Deploy)
        storeDeployedBundles(report);
    storeHistory(report);
}

void RunSession::storeHistory(RunReport report)
{
    if (!m_env.storeHistory) {
        emit stored(0, QString());
        emit finished(report);
        return;
    }
    // SQLite on the pool, one store per write (a store is used from one thread only).
    m_finishing = true;
    const QString dir = m_env.historyDir;
    // What each host now runs, before finished(): a plan or drift check right after sees it.
    const QString stateDir = deployedStateDir(m_env, m_request.projectPath);
    QList<Bundle> deployed;
    QStringList rolledBack;                          ///< bundles whose previous deployment came back
    QList<QPair<QString, DeployedTarget>> forgotten; ///< bundle, the host it was torn down on
    QHash<QString, DeployedTarget> targets;
    for (const HostOutcome &h : std::as_const(report.hosts)) {
        if (!h.succeeded())
            continue;
        for (const HostJob &job : std::as_const(m_plan.jobs)) {
            if (job.target.key != h.target.key)
                continue;
            if (report.operation == Operation::Deploy) {
                if (const Bundle *b = m_rendered.bundle(job.bundle.name)) {
                    deployed.append(*b);
                    targets.insert(
                        b->name,
                        DeployedTarget{
                            job.target.address, job.target.port, job.target.user, job.target.ssh, job.target.baseDir});
                }
            } else if (report.operation == Operation::Rollback) {
                rolledBack.append(job.bundle.name);
            } else if (report.operation == Operation::Teardown
                       && m_plan.settings.teardownLevel != TeardownLevel::Stop) {
                forgotten.append(
                    {job.bundle.name,
                     DeployedTarget{
                         job.target.address, job.target.port, job.target.user, job.target.ssh, job.target.baseDir}});
            }
        }
    }
    const QByteArray registryPassword = m_plan.settings.registryPassword;
    const QString projectHash = m_plan.settings.projectHash;
    const QString runId = m_plan.settings.runId;
    const QString legacyDir = stateDir.isEmpty()
                                  ? QString()
                                  : DeployedState::legacyBaselineDir(dir.isEmpty() ? HistoryStore::defaultDir() : dir,
                                                                     m_request.projectPath);
    QtConcurrent::run(
        &m_pool,
        [report,
         dir,
         stateDir,
         legacyDir,
         deployed,
         rolledBack,
         forgotten,
         targets,
         registryPassword,
         projectHash,
         runId]() -> QPair<qint64, QString> {
            QString stateError;
            if (!stateDir.isEmpty()) {
                const DeployedState state(stateDir);
                // What an older build kept for drift first, so that this run's record builds on it.
                Status s = state.adoptLegacyBaseline(legacyDir);
                const auto mask = [registryPassword](const QByteArray &text) {
                    QByteArray out = text;
                    if (!registryPassword.isEmpty())
                        out.replace(registryPassword, QByteArrayLiteral("********"));
                    return out;
                };
                if (s && !deployed.isEmpty())
                    s = state.record(deployed, projectHash, mask, targets, runId);
                for (const QString &bundle : rolledBack)
                    if (s)
                        s = state.rollBack(bundle);
                // A record names the host the bundle runs on now: the old host of a party that moved is torn
                // down after its new host was deployed, and that record stays.
                const Result<QList<DeployedBundle>> recorded
                    = forgotten.isEmpty() ? QList<DeployedBundle>() : state.load();
                for (const auto &[bundle, target] : forgotten) {
                    bool elsewhere = false;
                    if (recorded)
                        for (const DeployedBundle &d : recorded.value())
                            elsewhere = elsewhere
                                        || (d.name == bundle && !d.target.address.isEmpty()
                                            && (d.target.address.compare(target.address, Qt::CaseInsensitive) != 0
                                                || d.target.baseDir != target.baseDir));
                    if (s && !elsewhere)
                        s = state.forget(bundle);
                }
                if (!s)
                    stateError = s.error();
            }
            HistoryStore store(dir);
            if (!store.status())
                return {0, store.status().error()};
            const Result<qint64> id = store.add(report);
            if (!stateError.isEmpty())
                return {id ? id.value() : 0, tr("The record of what was deployed was not written: %1").arg(stateError)};
            return id ? QPair<qint64, QString>{id.value(), {}} : QPair<qint64, QString>{0, id.error()};
        })
        .then(this, [this, report](const QPair<qint64, QString> &result) mutable {
            m_finishing = false;
            report.id = result.first;
            m_lastReport.id = result.first;
            emit stored(result.first, result.second);
            emit finished(report);
        });
}

Result<ChangePlan> RunSession::changePlan(const Project &project,
                                          const QString &projectPath,
                                          const SessionEnvironment &env,
                                          QList<DeployedBundle> *deployed)
{
    const QString dir = deployedStateDir(env, projectPath);
    if (dir.isEmpty())
        return Error{tr("Save the project first: what was deployed is recorded per project file."), ErrorKind::Local};
    const Result<RenderOutput> rendered = BundlePrep::render(project, QFileInfo(projectPath).absolutePath());
    if (!rendered)
        return Error{tr("Rendering the bundles failed: %1").arg(rendered.error()), rendered.errorKind()};
    const DeployedState state(dir);
    const Result<QList<DeployedBundle>> was = state.load();
    if (!was)
        return Error{was.error(), was.errorKind()};
    if (deployed)
        *deployed = was.value();
    return ChangePlanner::build(ChangePlanner::ownBundles(rendered.value(), project), was.value(), state);
}

RunRequest RunSession::removalRequest(const RunRequest &base, const QList<HostRemoval> &removals)
{
    RunRequest removal = base;
    removal.restartOnly.clear();
    removal.deployedBundlesDir.clear();
    removal.selection = {};
    removal.settings.operation = Operation::Teardown;
    removal.settings.teardownLevel = TeardownLevel::Remove;
    removal.project.parties.clear();
    removal.project.exchange.enabled = false;
    for (const HostRemoval &r : removals) {
        if (r.kind == Bundle::Kind::Exchange) {
            removal.project.exchange.enabled = true;
            removal.project.exchange.external = false;
            removal.project.exchange.host = r.target.address;
            removal.project.exchange.ssh = r.target.ssh;
            removal.project.exchange.dir = r.target.baseDir;
            removal.selection.exchange = true;
        } else {
            Party p = Party::make(r.partyId, r.target.address);
            p.ssh = r.target.ssh;
            p.dir = r.target.baseDir;
            removal.project.parties.append(p);
            removal.selection.parties.append(r.partyId);
        }
    }
    return removal;
}

QString RunSession::deployedStateDir(const SessionEnvironment &env, const QString &projectPath)
{
    if (projectPath.isEmpty() || !env.storeHistory)
        return {};
    return DeployedState::dirFor(env.historyDir.isEmpty() ? HistoryStore::defaultDir() : env.historyDir, projectPath);
}

namespace {

/// Drift's view of a deployment: the hashes of its files but those under the folders its containers write
/// (@p dataPaths adds the project's own, for records of older builds that did not keep them).
DeployedManifest manifestOf(const DeployedBundle &b, const QStringList &dataPaths)
{
    DeployedManifest m;
    m.bundle = b.name;
    m.composeFile = b.composeFile;
    m.services = b.services;
    m.images = b.images;
    m.dataPaths = b.dataPaths;
    for (const QString &d : dataPaths)
        if (!m.dataPaths.contains(d))
            m.dataPaths.append(d);
    m.deployedAt = b.deployedAt.toString(Qt::ISODate);
    m.runId = b.runId;
    for (const DeployedFile &f : b.files) {
        bool underData = false;
        for (const QString &d : std::as_const(m.dataPaths))
            underData = underData || f.path == d || f.path.startsWith(d + QLatin1Char('/'));
        if (!underData)
            m.files.insert(f.path, QString::fromLatin1(f.sha256));
    }
    return m;
}

} // namespace

Status RunSession::loadDeployments(const QString &historyDir, const QString &projectPath, Plan &plan)
{
    if (projectPath.isEmpty())
        return {}; // an untitled project has no deployments of its own
    // Read here, on the preparing pool.
    const QString base = historyDir.isEmpty() ? HistoryStore::defaultDir() : historyDir;
    const DeployedState state(DeployedState::dirFor(base, projectPath));
    if (Status s = state.adoptLegacyBaseline(DeployedState::legacyBaselineDir(base, projectPath)); !s)
        return s;
    const Result<QList<DeployedBundle>> last = state.load();
    if (!last)
        return Error{last.error(), last.errorKind()};
    auto input = std::make_shared<DayTwoInput>();
    if (plan.settings.dayTwo)
        *input = *plan.settings.dayTwo;
    for (HostJob &job : plan.jobs) {
        for (const DeployedBundle &b : last.value()) {
            if (b.name != job.bundle.name)
                continue;
            input->current.insert(job.target.key, manifestOf(b, job.bundle.dataPaths));
            const Result<DeployedBundle> previous = state.previous(b.name);
            if (!previous)
                return Error{previous.error(), previous.errorKind()};
            if (previous.value().name.isEmpty())
                continue;
            const DeployedManifest before = manifestOf(previous.value(), job.bundle.dataPaths);
            input->previous.insert(job.target.key, before);
            if (plan.settings.operation == Operation::Rollback) {
                // Waiting until running expects the services of the bundle that comes back.
                job.bundle.services = before.services;
                job.bundle.images = before.images;
                job.bundle.dataPaths = before.dataPaths;
            }
        }
    }
    plan.settings.dayTwo = input;
    return {};
}

void RunSession::storeDeployedBundles(const RunReport &report)
{
    if (m_request.deployedBundlesDir.isEmpty() || m_rendered.bundles.isEmpty())
        return;
    // Only the bundles whose host succeeded: the others keep what was deployed there before.
    QSet<QString> names;
    for (const HostOutcome &h : report.hosts)
        if (h.succeeded())
            for (const HostJob &job : std::as_const(m_plan.jobs))
                if (job.target.key == h.target.key)
                    names.insert(job.bundle.name);
    RenderOutput deployed = m_rendered;
    deployed.bundles.removeIf([&names](const Bundle &b) { return !names.contains(b.name); });
    if (deployed.bundles.isEmpty())
        return;
    QStringList bundles;
    for (const Bundle &b : std::as_const(deployed.bundles))
        bundles.append(b.name);
    const QString dir = m_request.deployedBundlesDir;
    QtConcurrent::run(&m_storePool, [deployed, dir] {
        return BundleWriter::writeTree(deployed, dir);
    }).then(this, [this, bundles](const Status &status) {
        emit deployedBundlesStored(status ? bundles : QStringList(), status ? QString() : status.error());
    });
}

} // namespace FateDeployer
