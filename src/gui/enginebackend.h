// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gui/deploybackend.h"
#include "jobs/events.h"
#include "jobs/plan.h"
#include "session/runsession.h"
#include "templates/templatesource.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <memory>

namespace FateDeployer {

class AppSettings;
class Prompter;
class SecretStore;

/// The window's side of the engine: every operation is a RunSession (src/core/session, the same
/// code path as the CLI: secrets, plan, bundles on the session's pool, Runner, HistoryStore); this
/// class only maps the session's events to the DeployMonitor's slots (docs/gui.md). It knows no
/// window and no page: the project file and the last-deployed folder are passed in
/// (setProjectFile), image presence and stored runs go out through the monitor's signals.
class EngineBackend : public QObject, public DeployBackend
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EngineBackend)

public:
    /// @p secrets: SSH passwords, key passphrases and the registry password (read only off the GUI
    /// thread). @p settings: hosts in parallel, timeouts, known_hosts (read per run).
    EngineBackend(AppSettings *settings, std::shared_ptr<SecretStore> secrets, QObject *parent = nullptr);
    ~EngineBackend() override;

    void attach(DeployMonitor *monitor, GuiPrompter *prompter) override;
    void setProjectFile(const QString &path, const QString &deployedBundlesDir) override;
    void preflight(const Project &project, const QList<int> &partyIds) override;
    void deploy(const Project &project, Scope scope, const QList<int> &partyIds) override;
    void retryFailed(const Project &project, const QStringList &hosts) override;
    void verify(const Project &project, int guestId, int hostId) override;
    void refreshStatus(const Project &project) override;
    void teardown(const Project &project, TeardownLevel level, const QList<int> &partyIds) override;
    void cancel() override;
    void applyChanges(const Project &project,
                      const QList<int> &partyIds,
                      bool exchange,
                      const QHash<QString, QStringList> &restartOnly,
                      const QList<HostRemoval> &removals = {}) override;
    bool canTestRegistryLogin() const override { return true; }
    void testRegistryLogin(const Project &project) override;
    void checkConnectivity(const Project &project) override;
    void checkDrift(const Project &project) override;
    void checkToyGrid(const Project &project) override;
    void rollback(const Project &project, const QList<int> &partyIds) override;

    /// A run (or its template download, or its bundle preparation) is in progress.
    bool isBusy() const { return m_session.isBusy() || m_download; }
    /// The engine's report of the last finished run (tests, diagnostics).
    const RunReport &lastReport() const { return m_session.lastReport(); }
    /// History id of the last stored run; 0 until its write finished (or when it failed).
    qint64 lastHistoryId() const { return m_lastHistoryId; }
    RunSession *session() { return &m_session; }

signals:
    /// The last run was stored in the HistoryStore (id 0 = failed, with the reason).
    void historyStored(qint64 id, const QString &error);
    /// After a Deploy: @p bundles (e.g. "confs-10000", "exchange") were written to the
    /// last-deployed folder; on failure @p error says why and the folder is as before.
    void deployedBundlesStored(const QStringList &bundles, const QString &error);

private:
    void start(const Project &project,
               const Selection &selection,
               RunSettings settings,
               const QString &title,
               const QHash<QString, QStringList> &restartOnly = {});
    /// A URL template source not in the cache yet: downloads it (a row "KubeFATE templates" with byte
    /// progress; Cancel stops it), records and shows its sha256, then starts the run.
    void downloadThenStart(const RunRequest &request);
    SessionEnvironment environment() const;
    void planRows(const Plan &plan);
    void onHostEvents(const QString &host, const QList<JobEvent> &events);
    void onHostFinished(const HostOutcome &outcome);
    /// Marks the images of a host's bundle: present unless listed in @p missing.
    void showImagePresence(const QString &hostKey, const QStringList &missing);
    void onAborted(const QString &message);
    void onFinished(const RunReport &report);
    /// Apply's teardown of the hosts that left (m_afterApply), after its deploy succeeded.
    void startRemoval();
    QString rowFor(const QString &key) const { return m_rows.value(key, key); }
    const HostJob *jobFor(const QString &key) const;
    RunSettings baseSettings(Operation op) const;

    AppSettings *m_settings;
    std::shared_ptr<SecretStore> m_secrets;
    QPointer<DeployMonitor> m_monitor;
    std::unique_ptr<Prompter> m_prompter; ///< outlives every run (m_session is destroyed first)
    QHash<QString, QString> m_rows;       ///< engine host key → monitor row name
    QSet<QString> m_partyHosts;           ///< addresses of the current project's parties
    QString m_projectPath;
    QString m_deployedBundlesDir;
    QPointer<TemplateDownloader> m_download; ///< while a run waits for its templates
    qint64 m_lastHistoryId = 0;
    qint64 m_runStartMs = 0; ///< wall clock of the runner's start: log lines are stamped from it
    /// Apply's second run (teardown of the hosts that left), started when its deploy succeeded.
    std::optional<RunRequest> m_afterApply;
    RunSession m_session; ///< last member: its destructor cancels and waits before the prompter goes
};

} // namespace FateDeployer
