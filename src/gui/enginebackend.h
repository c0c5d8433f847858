// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gui/deploybackend.h"
#include "jobs/events.h"
#include "jobs/plan.h"
#include "jobs/runner.h"
#include "render/bundle.h"
#include "util/projectlock.h"

#include <QFutureWatcher>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTemporaryDir>
#include <QThreadPool>

#include <atomic>
#include <memory>

namespace FateDeployer {

class AppSettings;
class MainWindow;
class Prompter;
class SecretStore;

/// The real deploy engine behind the window: plans from PlanBuilder, bundles from BundlePrep
/// (rendered and packed on an owned worker pool, never on the GUI thread), runs on the engine's
/// Runner over SSH, and reports through the DeployMonitor slots (docs/gui.md). Host-key and
/// password questions go to the window's GuiPrompter; every finished run is stored in the
/// HistoryStore (SQLite, written off the GUI thread). After a Deploy, the bundles of the hosts that
/// succeeded are kept in MainWindow::lastRenderDir() (the very render that was packed), so the
/// Render preview shows what changed since the last deployment of each host.
class EngineBackend : public QObject, public DeployBackend
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EngineBackend)

public:
    /// @p secrets: SSH passwords, key passphrases and the registry password (called only off
    /// the GUI thread). @p settings: hosts in parallel, timeouts, known_hosts (read per run).
    EngineBackend(MainWindow *window, AppSettings *settings, std::shared_ptr<SecretStore> secrets);
    ~EngineBackend() override;

    void attach(DeployMonitor *monitor, GuiPrompter *prompter) override;
    void preflight(const Project &project, const QList<int> &partyIds) override;
    void deploy(const Project &project, Scope scope, const QList<int> &partyIds) override;
    void retryFailed(const Project &project, const QStringList &hosts) override;
    void verify(const Project &project, int guestId, int hostId) override;
    void refreshStatus(const Project &project) override;
    void teardown(const Project &project, TeardownLevel level, const QList<int> &partyIds) override;
    void cancel() override;

    /// A run (or its bundle preparation) is in progress.
    bool isBusy() const;
    /// The engine's report of the last finished run (tests, diagnostics).
    const RunReport &lastReport() const { return m_lastReport; }
    /// History id of the last stored run; 0 until its write finished (or when it failed).
    qint64 lastHistoryId() const { return m_lastHistoryId; }

signals:
    /// The last run was stored in the HistoryStore (id 0 = failed, with the reason).
    void historyStored(qint64 id, const QString &error);
    /// After a Deploy: @p bundles (e.g. "confs-10000", "exchange") were written to the
    /// last-deployed folder; on failure @p error says why and the folder is as before.
    void deployedBundlesStored(const QStringList &bundles, const QString &error);

private:
    struct Prepared
    {
        Plan plan;
        QString error;
        RenderOutput rendered; ///< what the archives were packed from (Deploy only)
    };

    void start(const Project &project, const Selection &selection, RunSettings settings, const QString &title);
    void launch(const Prepared &prepared);
    void planRows(const Plan &plan, const Project *project);
    void onHostEvents(const QString &host, const QList<JobEvent> &events);
    void onHostFinished(const HostOutcome &outcome);
    /// Marks the images of a host's bundle on the Images page: present unless named in @p missingSummary.
    void showImagePresence(const QString &hostKey, const QString &missingSummary);
    void onFinished(const RunReport &report);
    /// Writes the bundles of the hosts that succeeded in @p report to m_lastDeployedDir (off the GUI thread).
    void storeDeployedBundles(const RunReport &report);
    QString rowFor(const QString &key) const { return m_rows.value(key, key); }
    RunSettings baseSettings(Operation op) const;

    QPointer<MainWindow> m_window;
    AppSettings *m_settings;
    std::shared_ptr<SecretStore> m_secrets;
    QPointer<DeployMonitor> m_monitor;
    std::unique_ptr<Prompter> m_prompter; ///< outlives every run (m_runner is destroyed first)
    QThreadPool m_pool;                   ///< bundle preparation and history writes
    QThreadPool m_storePool;              ///< one thread: writes of the last-deployed folder, in order
    QFutureWatcher<Prepared> m_prep;
    std::unique_ptr<QTemporaryDir> m_work; ///< bundles of the current deploy (kept for retry)
    QHash<QString, QString> m_rows;        ///< engine host key → monitor row name
    QHash<QString, int> m_stepCount;       ///< per host key: steps in the plan
    Project m_project;                     ///< the project of the current run
    QString m_projectPath;
    RenderOutput m_rendered;   ///< the bundles of the current deploy (kept for retry)
    QString m_lastDeployedDir; ///< where they go once their host succeeded; empty = untitled project
    Operation m_operation = Operation::Preflight;
    bool m_preparing = false;
    bool m_cancelRequested = false;
    std::shared_ptr<std::atomic_bool> m_prepCancel; ///< Cancel while bundles are rendered and packed
    RunReport m_lastReport;
    qint64 m_lastHistoryId = 0;
    ProjectLock m_projectLock; ///< held from the start of a deploy or teardown to its end
    Runner m_runner;           ///< last member: its destructor cancels and waits before the prompter goes
};

} // namespace FateDeployer
