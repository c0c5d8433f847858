// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jobs/events.h"
#include "jobs/hostchannel.h"
#include "jobs/plan.h"
#include "jobs/remotecommands.h"

#include <QCoreApplication>
#include <QHash>

#include <functional>
#include <memory>
#include <optional>

namespace FateDeployer {

/// Receives what a job does, from the job's thread. Implementations must be thread-safe.
class JobEventSink
{
public:
    virtual ~JobEventSink() = default;
    virtual void stepStarted(const QString &host, int index, int count, StepKind kind) = 0;
    virtual void stepFinished(const QString &host, int index, int count, const StepOutcome &outcome) = 0;
    /// Numbers the line; returns its sequence number.
    virtual qint64 output(const QString &host, OutputStream stream, const QString &text) = 0;
    /// Progress inside the running step (bytes of a pull, an upload, an image load).
    virtual void stepProgress(const QString &host, int index, int count, qint64 done, qint64 total, const QString &text)
    {
        Q_UNUSED(host)
        Q_UNUSED(index)
        Q_UNUSED(count)
        Q_UNUSED(done)
        Q_UNUSED(total)
        Q_UNUSED(text)
    }
};

/// Runs one host job step by step: the only place where step kinds have behaviour.
class JobInterpreter
{
    Q_DECLARE_TR_FUNCTIONS(FateDeployer::JobInterpreter)

public:
    JobInterpreter(const HostJob &job, const RunSettings &settings, JobEventSink &sink, const CancelToken &cancel);
    ~JobInterpreter();

    HostOutcome run(const ChannelFactory &factory);

    /// Compose front end remembered per host ("user@address:port"), shared by all runs of the process.
    static ComposeFlavor rememberedCompose(const QString &hostId);
    static void rememberCompose(const QString &hostId, ComposeFlavor flavor);

private:
    struct Exec;
    StepOutcome runStep(StepKind kind);
    CommandResult exec(const ShellCommand &command, const CommandRequest &base = {}, bool cancellable = true);
    StepOutcome ok(const QString &summary) const;
    StepOutcome warn(const QString &summary, const QString &fix) const;
    StepOutcome fail(const QString &summary,
                     const QString &fix,
                     const ShellCommand &command = {},
                     const CommandResult &result = {}) const;
    StepOutcome failExec(const QString &what,
                         const ShellCommand &command,
                         const CommandResult &result,
                         const QString &fix = {}) const;
    bool cancelled() const { return m_cancel.isCancelled(); }
    void note(const QString &text);
    void progress(qint64 done, qint64 total, const QString &text);
    /// stdin progress of an upload/load as step progress: bytes, total, rate.
    std::function<void(qint64)> transferProgress(qint64 total, const QString &what);
    QString hostId() const;
    ComposeFlavor composeFlavor();
    /// Asks the host every fact the job's steps need in one round trip (RemoteCommands::hostFacts).
    void askFacts();
    /// A fact as its own command's result: from askFacts() (logged as if it ran alone), else run alone.
    CommandResult fact(RemoteCommands::HostFact fact);

    StepOutcome connect(const ChannelFactory &factory);
    std::optional<StepOutcome> takeLock();
    void releaseLock();
    StepOutcome dockerVersion();
    StepOutcome composeVersion();
    StepOutcome diskSpace();
    StepOutcome ports();
    StepOutcome arch();
    StepOutcome images();
    StepOutcome registry();
    StepOutcome registryLogin();
    StepOutcome loadImages();
    StepOutcome pullImages();
    StepOutcome makeDir();
    /// Runs @p one for each of the host's bundles (HostJob::bundles(), reversed for what takes a deployment
    /// down), stopping at the first failure; one bundle's outcome as it is, several joined.
    StepOutcome eachBundle(const std::function<StepOutcome(const HostBundle &)> &one, bool reverse = false);
    QStringList allImages() const; ///< of every bundle of the host, no duplicates
    QList<int> allPorts() const;   ///< of every bundle of the host, ascending
    /// The era deploys with the Docker Compose plugin (`docker compose`, v1.11+).
    bool pluginEra() const;
    StepOutcome pluginComposeVersion();
    StepOutcome uploadOne(const HostBundle &b);
    StepOutcome stopOldOne(const HostBundle &b);
    StepOutcome swapOne(const HostBundle &b);
    StepOutcome upOne(const HostBundle &b);
    StepOutcome waitStableOne(const HostBundle &b);
    StepOutcome statusOne(const HostBundle &b);
    StepOutcome verify();
    StepOutcome verifyFlowToy();
    /// The pair this job verifies: its own in a toy grid (HostTarget::toyHostId), else the run's.
    int toyGuestId() const { return m_job.target.toyHostId ? m_job.target.partyId : m_settings.guestId; }
    int toyHostId() const { return m_job.target.toyHostId ? m_job.target.toyHostId : m_settings.hostId; }
    StepOutcome teardownOne(StepKind kind, const HostBundle &b);
    // Day-two steps (interpreterdaytwo.cpp).
    StepOutcome matrixListen();
    StepOutcome matrixProbe();
    StepOutcome matrixCleanup();
    StepOutcome drift();
    StepOutcome rollbackSwap();
    void dayTwoJobFinished();
    QString verifyDiagnosis(
        const QString &output, bool timedOut, QString *fix, VerifyDiagnosis *kind, QStringList *unreachable);

    const HostJob &m_job;
    const RunSettings &m_settings;
    JobEventSink &m_sink;
    CancelToken m_cancel;
    std::unique_ptr<HostChannel> m_channel;
    HostOutcome m_outcome;
    StepKind m_current = StepKind::Connect;
    int m_currentIndex = 0;
    QStringList m_tail;                ///< last lines of the current command
    QHash<QString, QString> m_staging; ///< bundle name → its staging folder on the host, until swapped
    bool m_locked = false;             ///< this job holds <base>/.fd-lock-<bundle>
    bool m_lost = false;               ///< the connection died: clean-up waits for the next run
    QString m_dockerConfig;            ///< private DOCKER_CONFIG of this run on the host (registry credentials), if any
    ComposeFlavor m_compose = ComposeFlavor::None;
    bool m_factsAsked = false;
    QHash<QString, Parsers::FactOutput> m_facts; ///< by RemoteCommands::hostFactName
    QString m_dockerVersion;                     ///< as the host reported it, for HostState
    QString m_listener;                          ///< matrix: the test listener on this host (pid or docker:name)
};

} // namespace FateDeployer
