// SPDX-License-Identifier: Apache-2.0
// Verify's diagnosis probes where the route tables send the traffic: a party's reachable address and port
// (Project::routeAddress/routePort), not its SSH host at 9370. On the sandbox, with nothing deployed: the
// toy example cannot run, and what the diagnosis names depends only on which ports answer from the guest.
#include "clisandbox.h"
#include "model/projectfile.h"
#include "sandboxids.h"
#include "sandboxproject.h"

#include <QJsonArray>
#include <QTest>

using namespace FateDeployer;
using namespace FateDeployer::Testing;

class TestVerifyRoute : public QObject
{
    Q_OBJECT

    CliSandbox m_cli;

    /// The verify step of the guest (party 10000 on host 1) of a --json run.
    QJsonObject verifyStep(const Project &project)
    {
        const QString path = saveProject(project, m_cli.path(QString()));
        const CliRun r = m_cli.run({QStringLiteral("verify"),
                                    path,
                                    QStringLiteral("--json"),
                                    QStringLiteral("--timeout"),
                                    QStringLiteral("30")},
                                   true,
                                   300000);
        if (r.exitCode != 1)
            qWarning("verify: exit %d\n%s", r.exitCode, qPrintable(r.all()));
        for (const QJsonValue &h : r.json().value(QStringLiteral("hosts")).toArray())
            if (h[QLatin1String("host")].toString() == QLatin1String("party-10000"))
                return h[QLatin1String("steps")].toArray().last().toObject();
        qWarning("no party-10000 in the report:\n%s", qPrintable(r.all()));
        return {};
    }

    /// Parties 10000 (host 1, the guest) and 9999 (host 2), the exchange on host 1; every route points at
    /// a port that answers (each host's sshd, 22) unless the test says otherwise.
    Project project()
    {
        Project p = sandboxProject(m_cli.sandbox(), QStringLiteral("route"), {{10000, 1}, {9999, 2}}, 1);
        for (Party &party : p.parties)
            party.reachablePort = 22;
        p.exchange.reachablePort = 22;
        return p;
    }

private slots:
    void initTestCase()
    {
        QString skip, error;
        if (!m_cli.start("FD_SANDBOX_ID_VERIFY_ROUTE", SandboxId::VerifyRoute, 2, &skip, &error)) {
            QVERIFY2(skip.isEmpty(), qPrintable(error));
            QSKIP(qPrintable(skip));
        }
    }

    void cleanupTestCase() { m_cli.stop(); }

    void reachablePortsThatAnswerAreNotBlamed()
    {
        // Nothing listens on 9370 anywhere: probing the SSH hosts' 9370 would call both parties unreachable.
        const QJsonObject verify = verifyStep(project());
        QCOMPARE(verify.value(QStringLiteral("result")).toString(), QStringLiteral("failed"));
        QVERIFY2(verify.value(QStringLiteral("diagnosis")).toString() != QLatin1String("unreachable"),
                 qPrintable(verify.value(QStringLiteral("summary")).toString()));
        QVERIFY(verify.value(QStringLiteral("unreachable")).toArray().isEmpty());
        QVERIFY2(verify.value(QStringLiteral("summary")).toString().contains(QLatin1String("not running")),
                 qPrintable(verify.value(QStringLiteral("summary")).toString()));
    }

    void aClosedReachablePortIsNamed()
    {
        // Party 9999 is reached on another address's closed port: that address and port are named.
        Project p = project();
        p.parties[1].reachableAddress = m_cli.sandbox().hostIp(1);
        p.parties[1].reachablePort = 30091;
        p.parties[1].notes = QStringLiteral("reached through host 1 (port forward)");
        const QJsonObject verify = verifyStep(p);
        QCOMPARE(verify.value(QStringLiteral("diagnosis")).toString(), QStringLiteral("unreachable"));
        const QJsonArray unreachable = verify.value(QStringLiteral("unreachable")).toArray();
        QCOMPARE(unreachable.size(), 1);
        QCOMPARE(unreachable.first().toString(), m_cli.sandbox().hostIp(1) + QStringLiteral(":30091"));
        QVERIFY(!verify.value(QStringLiteral("summary")).toString().contains(QLatin1String(":9370")));
    }
};

QTEST_GUILESS_MAIN(TestVerifyRoute)
#include "tst_verify_route.moc"
