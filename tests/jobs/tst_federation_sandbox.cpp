// SPDX-License-Identifier: Apache-2.0
// Issue 17, first "Done when": two teams on the sandbox, each with its own project, SSH key and known_hosts,
// sharing only party cards and the federation file. Team A: party 10000 and the exchange on host 1 (the
// coordinator); team B: party 9999 on host 2. Both deploy their own host; the toy example passes across the
// exchange. Then team B moves to another reachable address: new card, new federation revision with a new
// fingerprint; the change plans show what that changes (the exchange's route table; team B's own bundle does not
// name its reachable address) and apply restarts only the exchange service. Before that (issue 16), a third party
// joins a deployed two-party federation and leaves again: only its host and the exchange change.
#include "clisandbox.h"
#include "federation/federationfile.h"
#include "model/projectfile.h"
#include "sandboxids.h"
#include "sandboxproject.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace FateDeployer;
using namespace FateDeployer::Testing;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestFederationSandbox : public QObject
{
    Q_OBJECT

    CliSandbox m_cli;

    QString teamDir(const char *team) const { return m_cli.path(QLatin1String(team)); }

    /// The CLI as one team runs it: its own known_hosts, no ssh config, its own history.
    CliRun run(const char *team, const QStringList &args, bool ssh = true)
    {
        CliOptions options = m_cli.options(1200000);
        options.historyDir = QDir(teamDir(team)).filePath(QStringLiteral("history"));
        QStringList all = args;
        if (ssh)
            all << QStringLiteral("--known-hosts") << QDir(teamDir(team)).filePath(QStringLiteral("known_hosts"))
                << QStringLiteral("--ssh-config") << QStringLiteral("none");
        return runCli(all, options);
    }

    static QString hostState(const QJsonObject &plan, const QString &key)
    {
        for (const QJsonValue &h : plan.value(QStringLiteral("hosts")).toArray())
            if (h[QLatin1String("host")].toString() == key)
                return h[QLatin1String("state")].toString();
        return QStringLiteral("(absent)");
    }

private slots:
    void initTestCase()
    {
        QString skip, error;
        if (!m_cli.start("FD_SANDBOX_ID_FEDERATION", SandboxId::Federation, 3, &skip, &error)) {
            QVERIFY2(skip.isEmpty(), qPrintable(error));
            QSKIP(qPrintable(skip));
        }
    }

    void cleanupTestCase() { m_cli.stop(); }

    /// Issue 16: a third party joins a deployed two-party federation, then leaves again. Only the new host and
    /// the exchange change; the other parties' containers are never restarted.
    void thirdPartyChangesOnlyTheNewHostAndTheExchange()
    {
        const QString project = m_cli.writeProject(QStringLiteral("grow"), {{10000, 1}, {9999, 2}}, 1);
        CliRun r = m_cli.run({QStringLiteral("deploy"), project});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        r = m_cli.run({QStringLiteral("plan"), project}, false);
        QVERIFY2(r.exitCode == 0 && r.out.count(QStringLiteral(": unchanged")) == 3, qPrintable(r.all()));

        Project p = ProjectFile::load(project).value();
        p.parties.append(Party::make(8888, m_cli.sandbox().hostIp(3)));
        p.parties.last().ssh.identityFile = m_cli.sandbox().clientKeyPath();
        p.verification.hostId = 8888;
        QVERIFY(ProjectFile::save(p, project).ok());
        r = m_cli.run({QStringLiteral("plan"), project, QStringLiteral("--json")}, false);
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        const QJsonObject plan = r.json();
        QCOMPARE(hostState(plan, QStringLiteral("party-8888")), QStringLiteral("new"));
        QCOMPARE(hostState(plan, QStringLiteral("party-10000")), QStringLiteral("unchanged"));
        QCOMPARE(hostState(plan, QStringLiteral("party-9999")), QStringLiteral("unchanged"));
        QCOMPARE(hostState(plan, QStringLiteral("exchange")), QStringLiteral("changed"));

        const QString p10000 = m_cli.startTimes(1, QStringLiteral("confs-10000"));
        const QString p9999 = m_cli.startTimes(2, QStringLiteral("confs-9999"));
        const QString exchange = m_cli.startTimes(1, QStringLiteral("exchange"));
        QVERIFY(!p10000.isEmpty() && !p9999.isEmpty());
        r = m_cli.run({QStringLiteral("apply"), project});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        QCOMPARE(m_cli.startTimes(1, QStringLiteral("confs-10000")), p10000);
        QCOMPARE(m_cli.startTimes(2, QStringLiteral("confs-9999")), p9999);
        QVERIFY(m_cli.startTimes(1, QStringLiteral("exchange")) != exchange);
        QVERIFY(!m_cli.containers(3, QStringLiteral("confs-8888")).isEmpty());
        r = m_cli.run({QStringLiteral("verify"), project});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));

        // 8888 leaves: its host is torn down (confirmed), the exchange forgets its route, the others stay up.
        p.parties.removeLast();
        p.verification.hostId = 9999;
        QVERIFY(ProjectFile::save(p, project).ok());
        r = m_cli.run({QStringLiteral("plan"), project, QStringLiteral("--json")}, false);
        QCOMPARE(hostState(r.json(), QStringLiteral("party-8888")), QStringLiteral("removed"));
        r = m_cli.run({QStringLiteral("apply"), project});
        QVERIFY2(r.exitCode == 2 && r.err.contains(QStringLiteral("--yes")), qPrintable(r.all()));
        QVERIFY(!m_cli.containers(3, QStringLiteral("confs-8888")).isEmpty());
        r = m_cli.run({QStringLiteral("apply"), project, QStringLiteral("--yes")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        QVERIFY(m_cli.containers(3, QStringLiteral("confs-8888")).isEmpty());
        QCOMPARE(m_cli.onHost(3, QStringLiteral("ls -A /data/projects/fate")), QString());
        QCOMPARE(m_cli.startTimes(1, QStringLiteral("confs-10000")), p10000);
        QCOMPARE(m_cli.startTimes(2, QStringLiteral("confs-9999")), p9999);
        r = m_cli.run({QStringLiteral("apply"), project});
        QVERIFY2(r.exitCode == 0 && r.out.contains(QStringLiteral("Nothing to apply")), qPrintable(r.all()));

        r = m_cli.run({QStringLiteral("teardown"),
                       project,
                       QStringLiteral("--level"),
                       QStringLiteral("remove"),
                       QStringLiteral("--yes")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
    }

    void twoTeamsShareOnlyFiles()
    {
        // Each team: its own folder, key and known_hosts with only its own host in it.
        const QByteArray known = readAll(m_cli.sandbox().knownHostsPath());
        for (const auto &[team, host] : {std::pair{"a", 1}, std::pair{"b", 2}}) {
            QVERIFY(QDir().mkpath(teamDir(team)));
            QByteArray own;
            for (const QByteArray &line : known.split('\n'))
                if (line.startsWith(QByteArray(m_cli.sandbox().hostIp(host).toUtf8() + ' ')))
                    own += line + '\n';
            QVERIFY2(!own.isEmpty(), "no known_hosts line for the team's host");
            QFile f(QDir(teamDir(team)).filePath(QStringLiteral("known_hosts")));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(own);
        }
        // Team B's own key, authorised on host 2 only.
        const QString keyB = QDir(teamDir("b")).filePath(QStringLiteral("id_teamb"));
        QProcess keygen;
        keygen.start(QStringLiteral("ssh-keygen"),
                     {QStringLiteral("-q"),
                      QStringLiteral("-t"),
                      QStringLiteral("ed25519"),
                      QStringLiteral("-N"),
                      QString(),
                      QStringLiteral("-f"),
                      keyB});
        QVERIFY(keygen.waitForFinished(30000) && keygen.exitCode() == 0);
        const QString pub = QString::fromUtf8(readAll(keyB + QStringLiteral(".pub"))).trimmed();
        QVERIFY(m_cli.sandbox().runOnHost(2, QStringLiteral("echo '%1' >> /root/.ssh/authorized_keys").arg(pub)).ok());

        // Team A (coordinator): party 10000 and the exchange on host 1.
        Project a = sandboxProject(m_cli.sandbox(), QStringLiteral("team-a"), {{10000, 1}}, 1);
        a.verification = {};
        a.verification.timeoutSeconds = 60;
        const QString projectA = saveProject(a, teamDir("a"));
        // Team B: party 9999 on host 2, its own key.
        Project b = sandboxProject(m_cli.sandbox(), QStringLiteral("team-b"), {{9999, 2}}, 2);
        b.parties[0].ssh.identityFile = keyB;
        b.exchange = {};
        b.verification = {};
        b.verification.timeoutSeconds = 60;
        const QString projectB = saveProject(b, teamDir("b"));
        QVERIFY(!projectA.isEmpty() && !projectB.isEmpty());

        // B → A: the card. A → everyone: the federation file. Only these files travel.
        const QString shared = m_cli.path(QStringLiteral("shared"));
        QVERIFY(QDir().mkpath(shared));
        const QString cardB = shared + QStringLiteral("/9999.card.json");
        CliRun r = run("b",
                       {QStringLiteral("card"),
                        QStringLiteral("export"),
                        projectB,
                        QStringLiteral("--party"),
                        QStringLiteral("9999"),
                        QStringLiteral("-o"),
                        cardB},
                       false);
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        r = run("a", {QStringLiteral("card"), QStringLiteral("import"), projectA, cardB}, false);
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        const QString fed1 = shared + QStringLiteral("/federation-1.json");
        r = run(
            "a", {QStringLiteral("federation"), QStringLiteral("export"), projectA, QStringLiteral("-o"), fed1}, false);
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        const FederationFile f1 = FederationFile::load(fed1).value();
        r = run("b",
                {QStringLiteral("federation"),
                 QStringLiteral("import"),
                 projectB,
                 fed1,
                 QStringLiteral("--yes"),
                 QStringLiteral("--expect-fingerprint"),
                 f1.fingerprint()},
                false);
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        for (const QString &file : {cardB, fed1})
            QVERIFY2(!readAll(file).contains("id_teamb") && !readAll(file).contains("fd-sandbox"), qPrintable(file));

        // Each team deploys its own hosts: A touches host 1 only, B host 2 only (its known_hosts knows no other).
        r = run("a", {QStringLiteral("deploy"), projectA});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        r = run("b", {QStringLiteral("deploy"), projectB});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        QVERIFY(!m_cli.containers(1, QStringLiteral("confs-10000")).isEmpty());
        QVERIFY(!m_cli.containers(1, QStringLiteral("exchange")).isEmpty());
        QVERIFY(!m_cli.containers(2, QStringLiteral("confs-9999")).isEmpty());
        QVERIFY(m_cli.containers(2, QStringLiteral("exchange")).isEmpty());
        QVERIFY(m_cli.containers(1, QStringLiteral("confs-9999")).isEmpty());

        // The toy example across the exchange, from each side.
        r = run("a", {QStringLiteral("verify"), projectA});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        r = run("b", {QStringLiteral("verify"), projectB});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));

        // Team B moves: host 2 gets a second address, which becomes its reachable one.
        const QString oldIp = m_cli.sandbox().hostIp(2);
        const QString newIp = oldIp.left(oldIp.lastIndexOf(QLatin1Char('.'))) + QStringLiteral(".200");
        QVERIFY(m_cli.sandbox()
                    .runOnHost(2,
                               QStringLiteral("ip addr add %1/24 dev $(ip -o -4 addr show | awk '/ %2\\// {print $2}')")
                                   .arg(newIp, oldIp))
                    .ok());
        Project b2 = ProjectFile::load(projectB).value();
        for (Party &party : b2.parties)
            if (party.id == 9999) {
                party.reachableAddress = newIp;
                party.notes = QStringLiteral("second address of host 2");
            }
        QVERIFY(ProjectFile::save(b2, projectB).ok());
        r = run("b",
                {QStringLiteral("card"),
                 QStringLiteral("export"),
                 projectB,
                 QStringLiteral("--party"),
                 QStringLiteral("9999"),
                 QStringLiteral("-o"),
                 cardB},
                false);
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        r = run("a", {QStringLiteral("card"), QStringLiteral("import"), projectA, cardB}, false);
        QVERIFY2(r.out.contains(QStringLiteral("party 9999 address: %1:9370 → %2:9370").arg(oldIp, newIp)),
                 qPrintable(r.all()));
        const QString fed2 = shared + QStringLiteral("/federation-2.json");
        r = run(
            "a", {QStringLiteral("federation"), QStringLiteral("export"), projectA, QStringLiteral("-o"), fed2}, false);
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        const FederationFile f2 = FederationFile::load(fed2).value();
        QCOMPARE(f2.revision, 2);
        QVERIFY(f2.fingerprint() != f1.fingerprint());
        QVERIFY2(r.out.contains(f2.fingerprint()), qPrintable(r.out));
        r = run("b", {QStringLiteral("federation"), QStringLiteral("diff"), projectB, fed2}, false);
        QVERIFY2(r.exitCode == 0 && r.out.contains(QStringLiteral("revision 1 → 2"))
                     && r.out.contains(f2.fingerprint()),
                 qPrintable(r.all()));
        r = run("b",
                {QStringLiteral("federation"), QStringLiteral("import"), projectB, fed2, QStringLiteral("--yes")},
                false);
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));

        // What changed: the exchange's bundle (its route to 9999), not party 10000's.
        const QString before = m_cli.path(QStringLiteral("render-1"));
        const QString after = m_cli.path(QStringLiteral("render-2"));
        Project a1 = ProjectFile::load(projectA).value();
        a1.parties[1].host = oldIp; // the project as it was at revision 1
        const QString projectA1 = saveProject(
            [&] {
                Project p = a1;
                p.name = QStringLiteral("team-a-rev1");
                return p;
            }(),
            teamDir("a"));
        QVERIFY2(run("a", {QStringLiteral("render"), projectA1, QStringLiteral("--out"), before}, false).exitCode == 0,
                 "render of revision 1");
        QVERIFY2(run("a", {QStringLiteral("render"), projectA, QStringLiteral("--out"), after}, false).exitCode == 0,
                 "render of revision 2");
        QCOMPARE(readAll(after + QStringLiteral("/confs-10000/confs/proxy/conf/route_table.json")),
                 readAll(before + QStringLiteral("/confs-10000/confs/proxy/conf/route_table.json")));
        QVERIFY(readAll(after + QStringLiteral("/exchange/conf/route_table.json")).contains(newIp.toUtf8()));

        // The change plan of each team: A's exchange has a new route table (restart of the exchange service, no
        // down/up), party 10000 is unchanged; B's own bundle does not name its reachable address (1.1.0 routes
        // through the exchange), so B has nothing to apply.
        r = run("a", {QStringLiteral("plan"), projectA, QStringLiteral("--json")}, false);
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        QCOMPARE(hostState(r.json(), QStringLiteral("party-10000")), QStringLiteral("unchanged"));
        QCOMPARE(hostState(r.json(), QStringLiteral("exchange")), QStringLiteral("changed"));
        QVERIFY2(r.out.contains(QStringLiteral("conf/route_table.json")) && r.out.contains(newIp), qPrintable(r.out));
        r = run("b", {QStringLiteral("plan"), projectB, QStringLiteral("--json")}, false);
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        QCOMPARE(hostState(r.json(), QStringLiteral("party-9999")), QStringLiteral("unchanged"));
        QVERIFY2(!r.out.contains(QStringLiteral("\"exchange\"")), qPrintable(r.out)); // not team B's host

        // Apply: only the exchange host changes (its service restarted with the new table); nothing else restarts.
        const QString party10000 = m_cli.startTimes(1, QStringLiteral("confs-10000"));
        const QString exchange = m_cli.startTimes(1, QStringLiteral("exchange"));
        const QString party9999 = m_cli.startTimes(2, QStringLiteral("confs-9999"));
        r = run("a", {QStringLiteral("apply"), projectA});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        QVERIFY2(r.out.contains(QStringLiteral("exchange restarted (new route table)")), qPrintable(r.out));
        QVERIFY2(!r.out.contains(QStringLiteral("party-10000:")), qPrintable(r.out));
        r = run("b", {QStringLiteral("apply"), projectB});
        QVERIFY2(r.exitCode == 0 && r.out.contains(QStringLiteral("Nothing to apply")), qPrintable(r.all()));
        QCOMPARE(m_cli.startTimes(1, QStringLiteral("confs-10000")), party10000);
        QCOMPARE(m_cli.startTimes(2, QStringLiteral("confs-9999")), party9999);
        const QString exchangeNow = m_cli.startTimes(1, QStringLiteral("exchange"));
        QVERIFY2(exchangeNow != exchange && !exchangeNow.isEmpty(), qPrintable(exchangeNow));
        QVERIFY(
            m_cli.onHost(1, QStringLiteral("cat /data/projects/fate/exchange/conf/route_table.json")).contains(newIp));
        // The toy example crosses the exchange to 9999's new address.
        r = run("a", {QStringLiteral("verify"), projectA});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        r = run("a", {QStringLiteral("plan"), projectA}, false);
        QVERIFY2(r.exitCode == 0 && r.out.count(QStringLiteral(": unchanged")) == 2, qPrintable(r.all()));
    }
};

QTEST_GUILESS_MAIN(TestFederationSandbox)
#include "tst_federation_sandbox.moc"
