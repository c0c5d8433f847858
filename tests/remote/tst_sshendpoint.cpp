// SPDX-License-Identifier: Apache-2.0
#include "remote/sshendpoint.h"

#include <QTest>

using namespace FateDeployer;

class TestSshEndpoint : public QObject
{
    Q_OBJECT

private slots:
    void fromProject()
    {
        Project p = Project::example();
        p.user = QStringLiteral("deploy");
        p.sshPort = 2200;
        QVERIFY(p.parties.size() >= 2);
        p.parties[0].host = QStringLiteral("10.0.0.1");
        p.parties[1].host = QStringLiteral("10.0.0.2");
        p.parties[1].ssh.user = QStringLiteral("root");
        p.parties[1].ssh.port = 22;
        p.parties[1].ssh.identityFile = QStringLiteral("~/.ssh/fate");
        p.parties[1].ssh.auth = AuthMethod::Password;
        p.parties[1].ssh.jumpHost = QStringLiteral("bastion");
        const SshEndpoint a = SshEndpoint::forParty(p, p.parties[0], QStringLiteral("/p/known_hosts"));
        QCOMPARE(a.host, QStringLiteral("10.0.0.1"));
        QCOMPARE(a.user, QStringLiteral("deploy"));
        QCOMPARE(a.port, 2200);
        QCOMPARE(a.knownHostsFile, QStringLiteral("/p/known_hosts"));
        QCOMPARE(a.displayName(), QStringLiteral("deploy@10.0.0.1:2200"));
        QVERIFY(SshEndpoint::forParty(p, p.parties[1]).knownHostsFile.isEmpty());
        p.knownHostsFile = QStringLiteral("/project/known_hosts");
        QCOMPARE(SshEndpoint::forExchange(p).knownHostsFile, QStringLiteral("/project/known_hosts"));
        const SshEndpoint b = SshEndpoint::forParty(p, p.parties[1]);
        QCOMPARE(b.knownHostsFile, QStringLiteral("/project/known_hosts"));
        QCOMPARE(b.user, QStringLiteral("root"));
        QCOMPARE(b.port, 22);
        QCOMPARE(b.identityFile, QStringLiteral("~/.ssh/fate"));
        QCOMPARE(b.auth, AuthMethod::Password);
        auto jump = b.jumpEndpoint();
        QVERIFY(jump.ok());
        QCOMPARE(jump->host, QStringLiteral("bastion"));
        QCOMPARE(jump->user, QStringLiteral("root")); // inherited when the spec names none
        QCOMPARE(jump->port, 0);
        QVERIFY(jump->jumpHost.isEmpty());
        // A chain, in OpenSSH's order (the first hop first): the last hop is reached through the others.
        p.parties[1].ssh.jumpHost = QStringLiteral("ops@outer:2222,inner,last");
        auto chain = SshEndpoint::forParty(p, p.parties[1]).jumpEndpoint();
        QVERIFY2(chain.ok(), qPrintable(chain.error()));
        QCOMPARE(chain->host, QStringLiteral("last"));
        QCOMPARE(chain->jumpHost, QStringLiteral("ops@outer:2222,inner"));
        auto second = chain->jumpEndpoint();
        QVERIFY(second.ok());
        QCOMPARE(second->host, QStringLiteral("inner"));
        QCOMPARE(second->jumpHost, QStringLiteral("ops@outer:2222"));
        auto first = second->jumpEndpoint();
        QVERIFY(first.ok());
        QCOMPARE(first->host, QStringLiteral("outer"));
        QCOMPARE(first->user, QStringLiteral("ops"));
        QCOMPARE(first->port, 2222);
        QVERIFY(first->jumpHost.isEmpty());
        p.parties[1].ssh.jumpHost = QStringLiteral("a,,b");
        QVERIFY(!SshEndpoint::forParty(p, p.parties[1]).jumpEndpoint().ok());
        p.exchange.host = QStringLiteral("10.0.0.9");
        QCOMPARE(SshEndpoint::forExchange(p).host, QStringLiteral("10.0.0.9"));
    }

    void parseHostSpec_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::newRow("host") << "jump" << true << ""
                              << "jump" << 0;
        QTest::newRow("user host port") << "ops@10.1.2.3:2222" << true << "ops"
                                        << "10.1.2.3" << 2222;
        QTest::newRow("ipv6") << "[fe80::1]:22" << true << ""
                              << "fe80::1" << 22;
        QTest::newRow("bare ipv6") << "fe80::1" << true << ""
                                   << "fe80::1" << 0;
        QTest::newRow("bad port") << "h:99999" << false << ""
                                  << "" << 0;
        QTest::newRow("empty port") << "h:" << false << ""
                                    << "" << 0;
        QTest::newRow("empty user") << "@h" << false << ""
                                    << "" << 0;
        QTest::newRow("empty") << "" << false << ""
                               << "" << 0;
        QTest::newRow("space") << "a b" << false << ""
                               << "" << 0;
    }
    void parseHostSpec()
    {
        QFETCH(QString, spec);
        QFETCH(bool, ok);
        QFETCH(QString, user);
        QFETCH(QString, host);
        QFETCH(int, port);
        const auto r = SshEndpoint::parseHostSpec(spec);
        QCOMPARE(r.ok(), ok);
        if (!ok) {
            QVERIFY(!r.error().isEmpty());
            return;
        }
        QCOMPARE(r->user, user);
        QCOMPARE(r->host, host);
        QCOMPARE(r->port, port);
    }
};

QTEST_GUILESS_MAIN(TestSshEndpoint)
#include "tst_sshendpoint.moc"
