// SPDX-License-Identifier: Apache-2.0
// 24 sandbox hosts through a pool of 8, over real SSH: every host succeeds and every output line
// reaches the listener exactly once, numbered without gaps (the exchange bundle is deployed on each).
#include "jobs/bundleprep.h"
#include "jobs/runner.h"
#include "jobs/sshchannel.h"
#include "sandboxfixture.h"
#include "sandboxids.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace FateDeployer;
using FateDeployer::Testing::SandboxFixture;
namespace SandboxId = FateDeployer::Testing::SandboxId;

class TestScale : public QObject
{
    Q_OBJECT

    std::unique_ptr<SandboxFixture> m_sb;
    static constexpr int Hosts = 24;

    Plan planFor(Operation op, const QString &bundleDir)
    {
        Project project;
        project.name = QStringLiteral("scale");
        project.templates.location = QStringLiteral(FD_TEST_DATA "/kubefate-1.1.0");
        Party party;
        party.id = 10000;
        party.host = m_sb->hostIp(1);
        project.parties.append(party);
        project.exchange.host = m_sb->hostIp(1);
        RunSettings s;
        s.operation = op;
        s.maxParallelHosts = 8;
        s.stableSeconds = 2;
        s.teardownLevel = TeardownLevel::Remove;
        Selection exchangeOnly;
        exchangeOnly.exchange = true;
        Plan one = PlanBuilder::build(project, exchangeOnly, s);
        if (op == Operation::Deploy) {
            const Status st = BundlePrep::prepare(project, QString(), bundleDir, one);
            if (!st)
                qWarning() << st.error();
        }
        Plan plan = one;
        plan.jobs.clear();
        for (int i = 1; i <= Hosts; ++i) {
            HostJob job = one.jobs.first();
            job.target.key = QStringLiteral("h%1").arg(i);
            job.target.address = m_sb->hostIp(i);
            job.target.ssh.identityFile = m_sb->clientKeyPath();
            plan.jobs.append(job);
        }
        return plan;
    }

    RunReport run(const Plan &plan, QHash<QString, QList<qint64>> *sequences)
    {
        Runner runner;
        SshChannelOptions ssh;
        ssh.hostKeyPolicy = HostKeyPolicy::Refuse;
        ssh.knownHostsFile = m_sb->knownHostsPath();
        ssh.sshConfigFile = QStringLiteral("none");
        runner.setChannelFactory(sshChannelFactory(ssh));
        connect(&runner, &Runner::hostEvents, this, [sequences](const QString &host, const QList<JobEvent> &events) {
            for (const JobEvent &e : events)
                if (e.type == JobEvent::Type::Output)
                    (*sequences)[host].append(e.line.sequence);
        });
        QSignalSpy done(&runner, &Runner::finished);
        if (!runner.start(plan))
            return {};
        if (!done.wait(600000))
            return {};
        return done.first().first().value<RunReport>();
    }

private slots:
    void initTestCase()
    {
        QString why;
        if (!SandboxFixture::canRun(&why))
            QSKIP(qPrintable(why));
        const int id = SandboxFixture::instanceFromEnv("FD_SANDBOX_ID_SCALE", SandboxId::Scale);
        m_sb = std::make_unique<SandboxFixture>(id);
        QString error;
        QVERIFY2(m_sb->start(Hosts, &error), qPrintable(error));
    }

    void cleanupTestCase()
    {
        if (m_sb)
            m_sb->stop();
    }

    void twentyFourHostsPoolOfEight()
    {
        QTemporaryDir bundles;
        for (Operation op : {Operation::Deploy, Operation::Teardown}) {
            QHash<QString, QList<qint64>> sequences;
            const RunReport report = run(planFor(op, bundles.path()), &sequences);
            QVERIFY2(report.succeeded(), qPrintable(report.toText()));
            QCOMPARE(report.hosts.size(), Hosts);
            for (const HostOutcome &h : report.hosts) {
                const QList<qint64> seq = sequences.value(h.target.key);
                QVERIFY(h.lineCount > 0);
                // Every line exactly once, in order, numbered 1..n without gaps.
                QCOMPARE(qint64(seq.size()), h.lineCount);
                for (int i = 0; i < seq.size(); ++i)
                    QCOMPARE(seq.at(i), qint64(i + 1));
                // The stored log holds the same lines.
                const QString log = report.logs.value(h.target.key);
                QVERIFY(log.contains(QStringLiteral("\n%1 ").arg(h.lineCount)));
                if (op == Operation::Deploy) {
                    QCOMPARE(h.containers.size(), 1);
                    QCOMPARE(h.containers.first().state, QStringLiteral("running"));
                }
            }
        }
        for (int i : {1, 12, 24})
            QCOMPARE(QString::fromUtf8(m_sb->runOnHost(i, QStringLiteral("docker ps -aq | wc -l")).out).trimmed(),
                     QStringLiteral("0"));
    }
};

QTEST_GUILESS_MAIN(TestScale)
#include "tst_scale.moc"
