// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jobs/daytwo.h"
#include "jobs/parsers.h"
#include "jobs/plan.h"
#include "util/result.h"
#include "util/sharedvalue.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace FateDeployer {

enum class StepResult { Pending, Running, Ok, Warning, Failed, Skipped, Cancelled };
QString stepResultName(StepResult result);  ///< stable id: "ok", "failed", ...
QString stepResultTitle(StepResult result); ///< translated word for people: "ok", "FAILED", ...
QString formatSeconds(qint64 ms);           ///< translated "12.3 s"

enum class OutputStream { Stdout, Stderr, Info };

/// One line of remote output (or an engine note), numbered per host without gaps from 1.
struct LogLine
{
    QString host;
    OutputStream stream = OutputStream::Stdout;
    qint64 sequence = 0;
    qint64 msecsSinceStart = 0;
    QString text;
};

/// Why the toy example failed, as found by the verify step's diagnosis.
enum class VerifyDiagnosis {
    None,          ///< passed, or not a verify step
    Unreachable,   ///< a party or the exchange port cannot be reached from the guest (StepOutcome::unreachable)
    MysqlNotReady, ///< mysql or python of the guest not running
    NotRunning,    ///< the guest party is not deployed / has no python container
    Timeout,       ///< no answer within the verify timeout
    TimeExceeded,  ///< FATE's "job running time exceeded"
    NoSuccessLine, ///< finished without FATE's success line
};
QString verifyDiagnosisName(VerifyDiagnosis diagnosis); ///< stable id: "unreachable", ...

/// The outcome of one step: what happened, what to do, and the evidence. Front ends read the typed
/// fields (missing images, error kind, diagnosis); the sentences are for people only.
struct StepOutcome
{
    StepKind kind = StepKind::Connect;
    StepResult result = StepResult::Pending;
    QString summary;       ///< translated, one line: "Docker 20.10.24", "port 9370 is used by another program"
    QString fix;           ///< translated, empty when nothing to do
    QString command;       ///< the failing remote command (secrets never appear in commands)
    QStringList lastLines; ///< last output lines of the failing command
    qint64 durationMs = 0;
    ErrorKind errorKind = ErrorKind::Other; ///< for Failed/Cancelled: what kind of failure
    QStringList missingImages;              ///< Images: the bundle's images the host lacks (others are present)
    QStringList busyPorts;                  ///< Ports: published ports held by another program
    VerifyDiagnosis diagnosis = VerifyDiagnosis::None; ///< Verify
    QStringList unreachable;                           ///< Verify, Unreachable: "address:port" entries
    QList<MatrixCell> cells;                           ///< MatrixProbe: one per path from this host
    QList<DriftEntry> drift;                           ///< Drift: every difference found
};

/// Everything one host job produced.
struct HostOutcome
{
    HostTarget target;
    StepResult result = StepResult::Pending; ///< Ok, Warning, Failed or Cancelled
    QList<StepOutcome> steps;
    QList<ContainerStatus> containers; ///< filled by Status and WaitStable
    QString composeCommand;            ///< "docker compose" / "docker-compose" when known
    QString verifyOutput;              ///< toy example output
    qint64 durationMs = 0;
    qint64 lineCount = 0;

    bool succeeded() const { return result == StepResult::Ok || result == StepResult::Warning; }
    const StepOutcome *failedStep() const;
};

/// One batched event: a step started/finished, an output line, or progress.
struct JobEvent
{
    enum class Type { StepStarted, StepFinished, Output, Progress, StepProgress, HostFinished };
    Type type = Type::Output;
    QString host;
    int stepIndex = -1; ///< StepStarted/StepFinished/Progress
    int stepCount = 0;
    SharedValue<StepOutcome> step;    ///< StepStarted (kind only), StepFinished
    LogLine line;                     ///< Output
    SharedValue<HostOutcome> outcome; ///< HostFinished
    qint64 done = 0;                  ///< StepProgress: bytes (or items) so far
    qint64 total = 0;                 ///< StepProgress: 0 = unknown
    QString progressText;             ///< StepProgress: translated, e.g. "3 of 9 layers, 120 MB of 200 MB"
};

/// One cell of the toy grid (verify of several pairs): the toy example with @c guest as guest and @c host as
/// host, as its job ended.
struct ToyCell
{
    enum class Result { Pass, Fail, NotRun };
    int guest = 0;
    int host = 0;
    QString address; ///< the guest's host, where the toy example ran
    Result result = Result::NotRun;
    VerifyDiagnosis diagnosis = VerifyDiagnosis::None; ///< Fail: why (None when the job failed before the toy)
    QString summary;                                   ///< translated: the toy step's, or the step that failed
    QString fix;                                       ///< translated, empty when passed
    QStringList unreachable;                           ///< Unreachable: "address:port" as the guest's host saw it
};
QString toyCellResultName(ToyCell::Result result);  ///< stable id: "pass", "fail", "not-run"
QString toyCellResultTitle(ToyCell::Result result); ///< translated

/// A finished (or cancelled) run.
struct RunReport
{
    Q_DECLARE_TR_FUNCTIONS(FateDeployer::RunReport)

public:
    qint64 id = 0; ///< history id, 0 when not stored
    Operation operation = Operation::Preflight;
    QString projectName;
    QString projectHash;
    QDateTime startedAt;
    qint64 durationMs = 0;
    bool cancelled = false;
    QList<HostOutcome> hosts;
    QMap<QString, QString> logs;     ///< host key → the log's last lines (numbered), bounded in memory
    QMap<QString, QString> logFiles; ///< host key → the full log on disk, while the runner keeps it

    bool succeeded() const;
    QStringList failedHostKeys() const;
    /// A plain-text report: per host, per step, with the failures' fixes and last lines.
    QString toText() const;
    QByteArray toJson() const;
    /// The toy grid's cells (hosts whose target names a pair, HostTarget::toyHostId), in plan order.
    QList<ToyCell> toyGrid() const;
};

} // namespace FateDeployer

Q_DECLARE_METATYPE(FateDeployer::JobEvent)
Q_DECLARE_METATYPE(FateDeployer::HostOutcome)
Q_DECLARE_METATYPE(FateDeployer::RunReport)
