// SPDX-License-Identifier: Apache-2.0
// Synthetic hosts for the log path: a HostChannel that connects at once and answers `docker pull`
// with a stream of docker-like lines, and a plan that pulls one image on N such hosts. Run by the
// engine's real Runner and JobInterpreter, the lines take the production path (job thread →
// Runner's batched hostEvents → logEntryFromLine → DeployMonitor::onOutput → LogModel → view).
// Used by tst_gui_log and bench/logview.
#pragma once

#include "gui/logmodel.h"
#include "jobs/events.h"
#include "jobs/hostchannel.h"
#include "jobs/plan.h"

#include <QStringList>

namespace FateDeployer::Testing {

class ChattyChannel : public HostChannel
{
public:
    ChattyChannel(qint64 lines, CancelToken cancel)
        : m_lines(lines)
        , m_cancel(std::move(cancel))
    {}

    Status connect() override { return {}; }

    CommandResult exec(const CommandRequest &request, const LineSink &sink) override
    {
        CommandResult result;
        result.exitStatus = 0;
        if (!request.command.toString().remove(QLatin1Char(0x27)).startsWith(QLatin1String("docker pull")))
            return result;
        // Each line costs one allocation, as when the SSH channel decodes it: a varied prefix plus
        // the line number, so no two lines share storage. Every 97th line is a stderr warning.
        QStringList prefixes;
        const char *services[] = {"federation", "proxy", "roll", "egg", "python", "mysql"};
        for (int k = 0; k < 64; ++k)
            prefixes.append(QStringLiteral("%1_1  | layer %2: Downloading [=====>      ] %3MB/512MB  #")
                                .arg(QLatin1String(services[k % 6]))
                                .arg(QString::number(quint32(k) * 2654435761u % 0xffffffu, 16))
                                .arg(k * 7 % 512));
        const QString warning
            = QStringLiteral("WARNING: The LD_LIBRARY_PATH variable is not set. Defaulting to a blank string. #");
        for (qint64 i = 0; i < m_lines; ++i) {
            if (i % 1024 == 0 && m_cancel.isCancelled()) {
                result.cancelled = true;
                return result;
            }
            if (i % 97 == 0)
                sink(OutputStream::Stderr, warning + QString::number(i));
            else
                sink(OutputStream::Stdout, prefixes.at(int(i % 64)) + QString::number(i));
        }
        return result;
    }

private:
    qint64 m_lines;
    CancelToken m_cancel;
};

inline ChannelFactory chattyChannels(qint64 linesPerHost)
{
    return [linesPerHost](const HostTarget &, const CancelToken &cancel) -> std::unique_ptr<HostChannel> {
        return std::make_unique<ChattyChannel>(linesPerHost, cancel);
    };
}

/// @p hosts hosts 192.168.7.1… that each connect and pull one image, all at once.
inline Plan chattyPlan(int hosts)
{
    Plan plan;
    plan.settings.operation = Operation::Deploy;
    plan.settings.pull = true;
    plan.settings.maxParallelHosts = hosts;
    for (int i = 0; i < hosts; ++i) {
        HostJob job;
        job.target.address = QStringLiteral("192.168.7.%1").arg(i + 1);
        job.target.key = QStringLiteral("party-%1").arg(10000 + i);
        job.target.label = job.target.address;
        job.target.user = QStringLiteral("root");
        job.bundle.images = {QStringLiteral("federatedai/python:1.1.0-release")};
        job.steps = {Step{StepKind::Connect}, Step{StepKind::PullImages}};
        plan.jobs.append(job);
    }
    return plan;
}

/// What EngineBackend does with the Runner's output events of one host: one LogBatch per batch.
inline LogBatch outputOf(const QList<JobEvent> &events, const QString &row, qint64 epochStartMs)
{
    LogBatch batch;
    batch.reserve(events.size());
    for (const JobEvent &e : events)
        if (e.type == JobEvent::Type::Output)
            batch.append(logEntryFromLine(e.line, row, epochStartMs));
    return batch;
}

} // namespace FateDeployer::Testing
