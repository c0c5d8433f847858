// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "remote/canceltoken.h"
#include "remote/shellcommand.h"

#include <QHash>
#include <QJsonArray>
#include <QList>
#include <QMap>
#include <QMutex>
#include <QString>
#include <QStringList>
#include <QWaitCondition>

#include <memory>

namespace FateDeployer {

struct Project;
struct Plan;
struct ToyPair;
enum class Operation;

/// Day-two operations (issue 16): the connectivity matrix, drift and rollback. Kept apart from the
/// deploy steps so they stay small: types, the plan additions, their remote commands and parsers.

/// One cell of the connectivity matrix: can @c from reach @c to at address:port, seen from the source host.
struct MatrixCell
{
    enum class Result { Ok, Refused, Timeout, Unreachable, InUse, NoTool, NotChecked };
    QString from; ///< host key of the source ("party-10000", "exchange")
    QString to;   ///< host key of the target
    QString address;
    int port = 0;
    Result result = Result::NotChecked;
    QString fix; ///< translated, empty when ok
};
QString matrixResultName(MatrixCell::Result result);  ///< stable id: "ok", "refused", "timeout", …
QString matrixResultTitle(MatrixCell::Result result); ///< translated word
std::optional<MatrixCell::Result> matrixResultFromName(const QString &name);

/// One difference between a host and what was last deployed there.
struct DriftEntry
{
    enum class Kind {
        Added,
        Changed,
        Missing,
        ContainerUnexpected,
        ContainerMissing,
        ContainerNotRunning,
        ContainerImage
    };
    Kind kind = Kind::Changed;
    QString item;   ///< a file path relative to the bundle, or a container name/service
    QString detail; ///< e.g. the image found, the state found
};
QString driftKindName(DriftEntry::Kind kind);  ///< stable id: "added", "changed", …
QString driftKindTitle(DriftEntry::Kind kind); ///< translated
std::optional<DriftEntry::Kind> driftKindFromName(const QString &name);

/// The drift of one host as a run found it (for views).
struct HostDrift
{
    QString host; ///< host key
    QString address;
    bool checked = false; ///< the drift step ran to a verdict (drifted or not)
    QString summary;      ///< translated
    QList<DriftEntry> entries;
};

/// What was deployed to one host: the bundle's files by sha256 and what its containers should be.
struct DeployedManifest
{
    QString bundle;
    QString composeFile;
    QStringList services;
    QStringList images;
    QStringList dataPaths;        ///< folders the containers write: not compared
    QMap<QString, QString> files; ///< path relative to the bundle → sha256 (hex)
    QString deployedAt;           ///< ISO time
    QString runId;

    bool isEmpty() const { return bundle.isEmpty(); }
    QJsonObject toJson() const;
    static DeployedManifest fromJson(const QJsonObject &o);
};

/// A path of the federation the matrix checks: from one host to another's address and port.
struct MatrixPath
{
    QString from;
    QString to;
    QString address;
    int port = 0;
};

/// Shared by the jobs of one matrix run (they run in parallel threads): a target's probes wait until its
/// listener is up (or it could not be opened), and its listener stays until every probe into it is done.
class MatrixBoard
{
public:
    enum class Target { Pending, Listening, Served, InUse, Failed };
    explicit MatrixBoard(const QList<MatrixPath> &paths);

    void listenDone(const QString &target, Target state);
    /// Waits until the target's listen step is done, cancel or @p timeoutMs; Pending after a time-out.
    Target waitListen(const QString &target, const CancelToken &cancel, int timeoutMs);
    void probesDone(const QString &from);
    /// Waits until every probe into @p target is done (cancel or time-out end it too).
    void waitProbes(const QString &target, const CancelToken &cancel, int timeoutMs);
    /// The job of @p host ended (also after a failed connect): nothing waits for it any more.
    void jobFinished(const QString &host);

private:
    QMutex m_mutex;
    QWaitCondition m_changed;
    QHash<QString, Target> m_listen;
    QSet<QString> m_probed; ///< sources whose probes are done
    QList<MatrixPath> m_paths;
};

/// What the day-two steps need beyond the plan: shared by every job of a run (read only, but the board).
struct DayTwoInput
{
    QList<MatrixPath> paths;                   ///< matrix
    QHash<QString, int> listenPorts;           ///< matrix: host key → the port its listener opens
    std::shared_ptr<MatrixBoard> board;        ///< matrix
    int listenerSeconds = 120;                 ///< matrix: a listener ends on its own after this
    bool listenerInDocker = false;             ///< matrix: skip the host's own tools (FD_MATRIX_LISTENER=docker)
    QHash<QString, DeployedManifest> current;  ///< drift: host key → last deployment
    QHash<QString, DeployedManifest> previous; ///< rollback: host key → the deployment before
};

namespace DayTwo {

bool isDayTwo(Operation op);
/// The federation's real paths: every party → exchange:port and exchange → every party:9370 (with an
/// exchange), else every ordered pair of parties. Sources are hosts this project deploys (not external).
QList<MatrixPath> matrixPaths(const Project &project);
/// Adds what a day-two plan needs (paths, board, ports; enough hosts in parallel for the matrix's waits).
void completePlan(const Project &project, Plan &plan);

/// The toy grid's default: every ordered pair of parties (guest ≠ host) whose guest this project deploys (the toy
/// example runs on the guest's host); the host may be another team's party. Through the exchange when there is
/// one, as the route tables send it.
QList<ToyPair> allToyPairs(const Project &project);
/// How many toy examples may run at once on one guest, per era. 1.1–1.4: fate_flow runs MAX_CONCURRENT_JOB_RUN
/// (5) jobs of its initiator at once and queues the rest, and a host party does not limit them, so 5.
/// v1.11/v2.0: jobs wait until every party of the job has the job's cores (1.11's toy asks task_cores 2, 2.0's
/// job_cores 4, of compute_core per party), and a party is guest of its own cells and host of the others' cells:
/// the cores of a party divided among all parties, at least 1 (serialised per guest).
int toyJobsPerGuest(const Project &project);

/// The fix in words for a cell that is not ok.
QString matrixFix(const MatrixCell &cell, const QString &targetLabel);

/// Starts a listener on the port (python, nc or busybox on the host, else a container from an image already
/// there, on the host's network); prints `@@fd-listener <tool> <pid|container>` once it listens, `@@fd-inuse`
/// when something else holds the port, exit 3 when no way worked.
ShellCommand startListener(int port, int seconds, const QString &name, bool dockerOnly);
/// Stops what startListener started (a process id or a container name given as "docker:<name>").
ShellCommand stopListener(const QString &handle);
/// Prints one of ok / refused / timeout / unreachable / notool for a TCP connect to address:port.
ShellCommand tcpConnect(const QString &address, int port, int seconds);
MatrixCell::Result parseConnect(const QString &output);

/// sha256sum of every file of <base>/<bundle> except below the data paths; `@@fd-nobundle` when missing.
ShellCommand bundleHashes(const QString &baseDir, const QString &bundle, const QStringList &dataPaths);
/// path → sha256 from bundleHashes' output; *missing when the folder does not exist.
QMap<QString, QString> parseHashes(const QString &output, bool *missingBundle);
/// name|image|status|service of every container of the compose project.
ShellCommand projectContainers(const QString &project);
QList<DriftEntry> compare(const DeployedManifest &deployed,
                          const QMap<QString, QString> &files,
                          bool bundleMissing,
                          const QString &containersOutput);

/// Exit 4 (with the reason on stderr) when <base>/<bundle>.previous does not exist.
constexpr int NoPrevious = 4;
ShellCommand previousExists(const QString &baseDir, const QString &bundle);
/// Swaps <bundle> and <bundle>.previous (data paths move with the running deployment); never interrupted.
ShellCommand swapBack(const QString &baseDir, const QString &bundle, const QStringList &dataPaths);

QJsonArray cellsToJson(const QList<MatrixCell> &cells);
QJsonArray driftToJson(const QList<DriftEntry> &entries);

} // namespace DayTwo

} // namespace FateDeployer
