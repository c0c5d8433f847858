// SPDX-License-Identifier: Apache-2.0
// A DeployBackend that plays a scripted run through the same DeployMonitor slots and
// GuiPrompter calls the engine adapter uses: per host "Connect" → "Upload bundle" → "Start
// containers", output from a worker thread delivered to the monitor, one host that can be made to fail,
// a host-key question before the first connection.
#pragma once

#include "gui/deploybackend.h"
#include "gui/deploymonitor.h"
#include "gui/prompter.h"
#include "history/historystore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QPointer>
#include <QThread>
#include <QTimer>

namespace FateDeployer::Testing {

class ScriptedBackend : public QObject, public DeployBackend
{
public:
    QString failHost;        ///< this host fails at "Start containers" (first attempt only)
    bool askHostKey = false; ///< ask a host-key question before connecting
    bool hostKeyAnswer = false;
    int deployCalls = 0;
    QStringList retriedHosts;
    QList<int> lastPartyIds;
    bool cancelled = false;
    int verifyGuest = 0, verifyHost = 0;

    void attach(DeployMonitor *monitor, GuiPrompter *prompter) override
    {
        m_monitor = monitor;
        m_prompter = prompter;
    }
    void preflight(const Project &project, const QList<int> &) override { run(project, hostsOf(project), true); }
    void deploy(const Project &project, Scope, const QList<int> &partyIds) override
    {
        ++deployCalls;
        lastPartyIds = partyIds;
        run(project, hostsOf(project), false);
    }
    void retryFailed(const Project &project, const QStringList &hosts) override
    {
        retriedHosts = hosts;
        failHost.clear();
        run(project, hosts, false);
    }
    void verify(const Project &, int guestId, int hostId) override
    {
        verifyGuest = guestId;
        verifyHost = hostId;
        QTimer::singleShot(10, m_monitor, [this, guestId, hostId] {
            m_monitor->onVerifyFinished(true,
                                        QStringLiteral("toy example between %1 and %2 passed").arg(guestId).arg(hostId),
                                        QStringLiteral("success to calculate secure_sum, it is 2000.0"));
        });
    }
    void refreshStatus(const Project &project) override
    {
        for (const QString &host : hostsOf(project)) {
            m_monitor->onContainerStatus(host,
                                         {{host,
                                           QStringLiteral("confs-10000_python_1"),
                                           QStringLiteral("federatedai/python:1.1-release"),
                                           QStringLiteral("running"),
                                           QStringLiteral("Up 2 minutes")},
                                          {host,
                                           QStringLiteral("confs-10000_mysql_1"),
                                           QStringLiteral("mysql:8"),
                                           QStringLiteral("running"),
                                           QStringLiteral("Up 2 minutes")}});
        }
    }
    void teardown(const Project &, TeardownLevel level, const QList<int> &) override { lastTeardown = int(level); }
    void cancel() override
    {
        cancelled = true;
        if (m_monitor && m_monitor->isRunning())
            m_monitor->onRunFinished(false, QStringLiteral("cancelled"));
    }
    int lastTeardown = -1;

private:
    static QStringList hostsOf(const Project &p)
    {
        QStringList hosts;
        for (const Party &party : p.parties)
            hosts.append(party.host);
        if (p.exchange.enabled && !hosts.contains(p.exchange.host))
            hosts.append(p.exchange.host);
        return hosts;
    }

    void run(const Project &project, const QStringList &hosts, bool preflightOnly)
    {
        cancelled = false;
        m_projectName = project.name;
        m_operation = preflightOnly ? Operation::Preflight : Operation::Deploy;
        m_started = QDateTime::currentDateTimeUtc();
        m_logs.clear();
        m_monitor->onRunStarted(preflightOnly ? QStringLiteral("Preflight check") : QStringLiteral("Deploy"));
        const QStringList steps = preflightOnly ? QStringList{QStringLiteral("Connect"), QStringLiteral("Check Docker")}
                                                : QStringList{QStringLiteral("Connect"),
                                                              QStringLiteral("Upload bundle"),
                                                              QStringLiteral("Start containers")};
        for (const QString &host : hosts)
            m_monitor->onHostPlanned(host, QString(), steps);
        auto go = [this, hosts, steps] { playSteps(hosts, steps, 0); };
        if (askHostKey && !hosts.isEmpty()) {
            m_prompter->askHostKey({hosts.first(),
                                    22,
                                    QStringLiteral("ssh-ed25519"),
                                    QStringLiteral("SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU"),
                                    false},
                                   [this, go](bool trust) {
                                       hostKeyAnswer = trust;
                                       if (trust) {
                                           go();
                                       } else {
                                           m_monitor->onStepFinished(m_monitorHost(),
                                                                     QStringLiteral("Connect"),
                                                                     false,
                                                                     QStringLiteral("host key not trusted"));
                                           m_monitor->onRunFinished(false, QStringLiteral("host key refused"));
                                       }
                                   });
            m_firstHost = hosts.first();
            return;
        }
        go();
    }
    QString m_monitorHost() const { return m_firstHost; }

    void playSteps(const QStringList &hosts, const QStringList &steps, int index)
    {
        if (cancelled)
            return;
        if (index >= steps.size()) {
            const bool ok = m_monitor->hosts()->failedHosts().isEmpty();
            store(hosts);
            m_monitor->onRunFinished(
                ok,
                ok ? QStringLiteral("all hosts done")
                   : QStringLiteral("%1 failed").arg(m_monitor->hosts()->failedHosts().join(QLatin1Char(' '))));
            return;
        }
        const QString step = steps.at(index);
        for (const QString &host : hosts) {
            if (m_monitor->hosts()->failedHosts().contains(host))
                continue;
            m_monitor->onStepStarted(host, step);
        }
        // Output made in a job thread and delivered to the monitor on the GUI thread, as the engine does.
        // The worker may outlive the window of a finished test: deliver through qApp and a guarded pointer
        // that is only read on the GUI thread.
        const QPointer<DeployMonitor> monitor(m_monitor);
        QThread *worker = QThread::create([monitor, hosts, step] {
            for (const QString &host : hosts) {
                LogBatch batch;
                for (int i = 0; i < 20; ++i)
                    batch.append(LogEntry{QDateTime::currentMSecsSinceEpoch(),
                                          host,
                                          QStringLiteral("%1: output %2").arg(step).arg(i),
                                          LogEntry::Severity::Info,
                                          LogEntry::Channel::Stdout});
                QMetaObject::invokeMethod(qApp, [monitor, batch] {
                    if (monitor)
                        monitor->onOutput(batch);
                });
            }
        });
        connect(worker, &QThread::finished, worker, &QObject::deleteLater);
        // Like the engine: a step is reported finished only after its output was posted.
        connect(worker, &QThread::finished, this, [this, hosts, steps, index, step] {
            QTimer::singleShot(20, this, [this, hosts, steps, index, step] { finishStep(hosts, steps, index, step); });
        });
        worker->start();
    }

    /// Like the engine: the finished run goes to the HistoryStore, and the monitor hears of it.
    void store(const QStringList &hosts)
    {
        RunReport report;
        report.operation = m_operation;
        report.projectName = m_projectName;
        report.startedAt = m_started;
        report.durationMs = m_started.msecsTo(QDateTime::currentDateTimeUtc());
        const QStringList failed = m_monitor->hosts()->failedHosts();
        for (const QString &host : hosts) {
            HostOutcome h;
            h.target.key = host;
            h.target.label = host;
            h.target.address = host;
            h.result = failed.contains(host) ? StepResult::Failed : StepResult::Ok;
            report.hosts.append(h);
            report.logs.insert(host, m_logs.value(host));
        }
        HistoryStore history;
        const Result<qint64> id = history.add(report);
        if (id)
            m_monitor->onRunStored(id.value());
    }

    void finishStep(const QStringList &hosts, const QStringList &steps, int index, const QString &step)
    {
        if (cancelled)
            return;
        {
            for (const QString &host : hosts) {
                for (int i = 0; i < 20; ++i)
                    m_logs[host]
                        += QStringLiteral("%1 O %2: output %3\n").arg(m_logs[host].count(u'\n') + 1).arg(step).arg(i);
                if (m_monitor->hosts()->failedHosts().contains(host))
                    continue;
                if (step == QLatin1String("Upload bundle"))
                    m_monitor->onStepProgress(host, step, 100, 100);
                const bool fail = host == failHost && step == QLatin1String("Start containers");
                m_monitor->onStepFinished(host,
                                          step,
                                          !fail,
                                          fail ? QStringLiteral("docker-compose up exited with 1: port 9370 is already "
                                                                "allocated; free it and retry")
                                               : QString());
            }
            playSteps(hosts, steps, index + 1);
        }
    }

    QPointer<DeployMonitor> m_monitor;
    QPointer<GuiPrompter> m_prompter;
    QString m_firstHost;
    QString m_projectName;
    Operation m_operation = Operation::Deploy;
    QDateTime m_started;
    QHash<QString, QString> m_logs;
};

} // namespace FateDeployer::Testing
