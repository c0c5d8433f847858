// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "deployed/changeplan.h"
#include "jobs/events.h"
#include "jobs/hostchannel.h"
#include "jobs/plan.h"
#include "jobs/runner.h"
#include "model/servicesecrets.h"
#include "remote/sshendpoint.h"
#include "render/bundle.h"
#include "util/projectlock.h"
#include "util/result.h"

#include <QFutureWatcher>
#include <QHash>
#include <QObject>
#include <QTemporaryDir>
#include <QThreadPool>

#include <atomic>
#include <memory>
#include <optional>

namespace FateDeployer {

class Prompter;
class SecretStore;

/// What one run does: a copy of the project, which hosts, and how.
struct RunRequest
{
    Project project;
    QString projectPath;  ///< the .fdproj file (relative templates and known_hosts, history hash); empty = untitled
    Selection selection;  ///< empty = every party and the exchange
    RunSettings settings; ///< operation, teardown level, hosts in parallel, timeouts, pull, image archives
    /// After a deploy, the bundles of the hosts that succeeded are written here (the Render preview
    /// compares with them); empty = not kept.
    QString deployedBundlesDir;
    /// Deploy of a change plan (apply): host key → the services to restart instead of a full down/up, for the
    /// hosts where only route tables changed (ChangePlan's HostChange::restartServices).
    QHash<QString, QStringList> restartOnly;
    /// v1.11+: the services' passwords for this run (e.g. the CLI's --secrets-from); unset = read them from
    /// the environment's secret store (ServiceSecrets::load). Memory only.
    std::optional<ServiceSecrets> serviceSecrets;
};

/// Where secrets and answers come from and how SSH connects: the same for every run of a session.
struct SessionEnvironment
{
    /// SSH passwords, passphrases, registry password, the services' passwords of v1.11+ eras (ServiceSecrets::keyFor);
    /// read off the GUI thread.
    std::shared_ptr<SecretStore> secrets;
    Prompter *prompter = nullptr; ///< host keys and passwords; must outlive the session
    HostKeyPolicy hostKeyPolicy = HostKeyPolicy::Ask;
    QString knownHostsFile;         ///< overrides the project's known_hosts; empty = the project's
    QString fallbackKnownHostsFile; ///< used when neither is set; empty = ~/.ssh/known_hosts
    QString sshConfigFile;          ///< empty = ~/.ssh/config, "none" = no config
    int connectTimeoutSeconds = 0;  ///< 0 = the SSH default
    /// FD_REGISTRY_PASSWORD is read when the secret store has no registry password.
    bool registryPasswordFromEnvironment = true;
    /// Every finished run goes to the HistoryStore; a deploy also records, per host that succeeded, what it
    /// deployed (DeployedState under the history folder: deployedStateDir()), and a teardown (down or
    /// remove) forgets it. The change plan and drift compare with that record.
    bool storeHistory = true;
    QString historyDir;            ///< empty = HistoryStore::defaultDir()
    ChannelFactory channelFactory; ///< empty = SSH; tests pass fakes
};

/**
 * One run of the engine, the same for the CLI and the window: secret look-up (keychain, then
 * FD_REGISTRY_PASSWORD) → plan → bundles (rendered and packed on the session's own pool, with
 * progress) → Runner → HistoryStore. Front ends only map its events to their views. It owns cancel
 * and retry of the failed hosts (the host set comes from the last report, not from a view).
 *
 * Deploy and teardown of a saved project hold its ProjectLock from start() to finished()/aborted(): the
 * window and the CLI (or two windows) never change the same project's hosts at once; the hosts' own locks
 * (JobInterpreter) keep runs from different machines apart. cancel() works from the first instant: while
 * the bundles are prepared it stops the packing at its next file.
 *
 * Signal order of a run: planned, [preparing…], started, hostEvents/progress/hostFinished…,
 * [deployedBundlesStored], stored, finished. A run that ends before any host is contacted
 * (preparation failed, cancelled while preparing) emits aborted instead of started…finished.
 * Lives in (and signals to) the thread that created it; nothing in it blocks that thread.
 */
class RunSession : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunSession)

public:
    explicit RunSession(SessionEnvironment environment, QObject *parent = nullptr);
    ~RunSession() override; ///< cancels and waits for the jobs and the pool

    /// Replaces the environment for the next run (ignored while busy).
    void setEnvironment(SessionEnvironment environment);
    const SessionEnvironment &environment() const { return m_env; }

    /// Where the deployed state of @p projectPath is kept for @p env (empty for an untitled project).
    static QString deployedStateDir(const SessionEnvironment &env, const QString &projectPath);

    /// The change plan of @p project (its own hosts) against what @p env's deployed state records; @p deployed
    /// receives that record. Renders the project: blocking, call it off the GUI thread.
    static Result<ChangePlan> changePlan(const Project &project,
                                         const QString &projectPath,
                                         const SessionEnvironment &env,
                                         QList<DeployedBundle> *deployed = nullptr);

    /// Apply's second run: a teardown (level remove) of @p removals (ChangePlan::removals), each host reached as it
    /// was deployed; the rest (jobs, timeouts, project path for the record) from @p base.
    static RunRequest removalRequest(const RunRequest &base, const QList<HostRemoval> &removals);

    /// The plan a request gives (hosts, steps), without running anything (confirmations, dry runs).
    static Plan plan(const RunRequest &request);

    /// Starts a run; an error when one is active, the selection has no hosts or another process runs this
    /// project's deploy or teardown (the error names it); nothing is emitted then.
    Status start(const RunRequest &request);
    /// Runs the hosts of the last run that failed or were cancelled, with the same plan and bundles.
    Status retryFailed();
    /// Every host stops promptly (remote processes killed); finished() or aborted() follows.
    void cancel();

    bool isBusy() const { return m_preparing || m_runner.isRunning() || m_finishing; }
    /// Host keys of the last run that did not succeed (what retryFailed() runs).
    QStringList failedHosts() const { return m_lastReport.failedHostKeys(); }
    const Plan &currentPlan() const { return m_plan; }
    const RunRequest &request() const { return m_request; }
    const RunReport &lastReport() const { return m_lastReport; }

signals:
    /// The hosts and steps of the run about to start (also for a retry: only the retried hosts).
    void planned(const FateDeployer::Plan &plan);
    /// Bundle preparation: @p done of @p total bundles rendered and packed.
    void preparing(int done, int total);
    void started(int hostCount, int totalSteps);
    void hostEvents(const QString &host, const QList<FateDeployer::JobEvent> &events);
    void progress(int finishedSteps, int totalSteps);
    void hostFinished(const FateDeployer::HostOutcome &outcome);
    /// The run ended before any host was contacted; @p kind Cancelled after cancel().
    void aborted(const QString &message, FateDeployer::ErrorKind kind);
    /// After a deploy with RunRequest::deployedBundlesDir: bundles written there (error: why not).
    void deployedBundlesStored(const QStringList &bundles, const QString &error);
    /// The run is in the history as @p id (0 = not stored: @p error says why, empty when disabled).
    void stored(qint64 id, const QString &error);
    /// The run is over; report.id is its history id.
    void finished(const FateDeployer::RunReport &report);

private:
    struct Prepared
    {
        Plan plan;
        QString error;
        ErrorKind errorKind = ErrorKind::Other;
        RenderOutput rendered;
    };

    void launch(const Prepared &prepared);
    void onRunnerFinished(const RunReport &report);
    void storeDeployedBundles(const RunReport &report);
    /// Day two: the last and the previous deployment per host from the deployed state into the plan (drift
    /// compares with the last, rollback brings back the previous).
    static Status loadDeployments(const QString &historyDir, const QString &projectPath, Plan &plan);
    void storeHistory(RunReport report);
    Status lockProject(const QString &projectPath, Operation op);
    void abort(const QString &message, ErrorKind kind);

    SessionEnvironment m_env;
    QThreadPool m_pool;      ///< bundle preparation, secrets, history writes
    QThreadPool m_storePool; ///< one thread: writes of the last-deployed bundles, in order
    QFutureWatcher<Prepared> m_prep;
    std::unique_ptr<QTemporaryDir> m_work; ///< bundles of the current deploy (kept for retry)
    RunRequest m_request;
    Plan m_plan;
    RenderOutput m_rendered;
    RunReport m_lastReport;
    bool m_preparing = false;
    bool m_finishing = false;
    bool m_cancelRequested = false;
    std::shared_ptr<std::atomic_bool> m_prepCancel; ///< read by the preparing worker (packing stops)
    ProjectLock m_projectLock;                      ///< held by a deploy or teardown until it ends
    Runner m_runner;                                ///< last: its destructor cancels and waits before the rest goes
};

} // namespace FateDeployer

Q_DECLARE_METATYPE(FateDeployer::ErrorKind)
