// SPDX-License-Identifier: Apache-2.0
// The window against a real registry (Debian's docker-registry from `sandbox registry`): for each
// variant (plain HTTP + htpasswd, TLS with the sandbox CA + htpasswd, anonymous) the Images page's
// "Test login" checks the registry from every host without a deploy, then deploy, status and verify of
// the 2-party sandbox run from the window's actions with the images pulled from that registry.
#include "gui/deploymonitor.h"
#include "gui/enginebackend.h"
#include "gui/imagespage.h"
#include "registryvariants.h"
#include "sandboxids.h"
#include "windowsandbox.h"

#include <QAction>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>

using namespace FateDeployer;
using namespace FateDeployer::Testing;

class TestGuiRegistry : public QObject
{
    Q_OBJECT

    WindowSandbox m_ws;
    QHash<QString, QString> m_reg; // FD_SB_REGISTRY_* of the instance

    MainWindow *window() const { return m_ws.window(); }
    QString onHost(int i, const QString &cmd) const { return m_ws.onHost(i, cmd); }

    void forgetRegistryImages()
    {
        const QString ip = m_reg.value(QStringLiteral("FD_SB_REGISTRY_HTTP")).section(QLatin1Char(':'), 0, 0);
        for (int host : {1, 2})
            m_ws.sandbox().runOnHost(
                host,
                QStringLiteral("docker ps -aq | xargs -r docker rm -f >/dev/null; "
                               "docker images --format '{{.Repository}}:{{.Tag}}' | grep '^%1:' | "
                               "xargs -r docker rmi -f >/dev/null; docker logout %1:5000 >/dev/null 2>&1; "
                               "docker logout %1:5443 >/dev/null 2>&1; true")
                    .arg(ip));
    }

    /// Clicks "Test login" on the Images page and returns what the page shows when the run ended.
    QString testLogin()
    {
        auto *button = window()->imagesPage()->findChild<QPushButton *>(QStringLiteral("testLoginButton"));
        auto *result = window()->imagesPage()->findChild<QLabel *>(QStringLiteral("loginResult"));
        if (!button || !result || !button->isEnabled())
            return QStringLiteral("Test login is not available");
        button->click();
        if (!QTest::qWaitFor([this] { return window()->monitor()->isRunning(); }, 10000))
            return QStringLiteral("Test login did not start a run: ") + result->text();
        if (!QTest::qWaitFor([this] { return m_ws.idle(); }, 600000))
            return QStringLiteral("Test login did not finish: ") + result->text();
        return result->text();
    }

private slots:
    void initTestCase()
    {
        QString skip, error;
        if (!m_ws.start("FD_SANDBOX_ID_GUIREG", SandboxId::GuiRegistry, 2, &skip, &error)) {
            if (!skip.isEmpty())
                QSKIP(qPrintable(skip));
            QFAIL(qPrintable(error));
        }
        const auto reg = m_ws.sandbox().runSandbox({QStringLiteral("registry")}, 1200000);
        QVERIFY2(reg.ok(), reg.err.constData());
        const auto env = m_ws.sandbox().runSandbox({QStringLiteral("env")});
        static const QRegularExpression line(QStringLiteral("^export (FD_SB_REGISTRY_[A-Z_]+)='([^']*)'$"),
                                             QRegularExpression::MultilineOption);
        for (auto it = line.globalMatch(QString::fromUtf8(env.out)); it.hasNext();) {
            const auto m = it.next();
            m_reg.insert(m.captured(1), m.captured(2));
        }
        QVERIFY2(m_reg.contains(QStringLiteral("FD_SB_REGISTRY_TLS")), env.out.constData());
        m_ws.createWindow(QStringLiteral("en")); // the test reads the page's English texts
        QVERIFY(window());
    }

    void deployStatusVerifyFromTheWindow_data() { Testing::addRegistryVariants(); }

    void deployStatusVerifyFromTheWindow()
    {
        QFETCH(QString, variable);
        QFETCH(bool, auth);
        const QString uri = m_reg.value(variable);
        const QString user = auth ? m_reg.value(QStringLiteral("FD_SB_REGISTRY_USER")) : QString();
        forgetRegistryImages();

        Project p;
        p.name = QStringLiteral("gui-reg-%1").arg(QString::fromLatin1(QTest::currentDataTag()).remove(u'+'));
        p.templates.kind = TemplateSource::Kind::Folder;
        p.templates.location = QStringLiteral(FD_SOURCE_DIR "/tests/data/kubefate-1.1.0");
        p.user = QStringLiteral("root");
        p.knownHostsFile = m_ws.sandbox().knownHostsPath();
        p.images.prefix = QStringLiteral("fate");
        p.registry.usePrivate = true;
        p.registry.uri = uri;
        p.registry.username = user;
        for (const auto &[partyId, host] : {std::pair{10000, 1}, std::pair{9999, 2}}) {
            Party party;
            party.id = partyId;
            party.host = m_ws.sandbox().hostIp(host);
            party.ssh.identityFile = m_ws.sandbox().clientKeyPath();
            p.parties.append(party);
        }
        p.exchange.host = m_ws.sandbox().hostIp(1);
        p.exchange.ssh.identityFile = m_ws.sandbox().clientKeyPath();
        p.verification.timeoutSeconds = 120;
        const QString opened = m_ws.openProject(p);
        QVERIFY2(opened.isEmpty(), qPrintable(opened));
        window()->showPage(MainWindow::Page::Images);

        const QString key = SecretStore::registryPasswordKey(uri, user);
        if (auth) {
            // Without a password and with no login on the hosts, the test names the credentials.
            m_ws.secrets()->remove(key);
            QString shown = testLogin();
            QVERIFY2(shown.count(QStringLiteral("no password is stored for registry user %1").arg(user)) == 3,
                     qPrintable(shown + QLatin1Char('\n') + m_ws.rowsText()));
            QVERIFY(m_ws.secrets()->write(key, QStringLiteral("wrong")).ok());
            shown = testLogin();
            QVERIFY2(shown.contains(QStringLiteral("rejects the credentials of user %1").arg(user)), qPrintable(shown));
            QVERIFY(m_ws.secrets()->write(key, m_reg.value(QStringLiteral("FD_SB_REGISTRY_PASSWORD"))).ok());
            shown = testLogin();
            QVERIFY2(shown.count(QStringLiteral("the registry accepts the credentials of user %1").arg(user)) == 3,
                     qPrintable(shown + QLatin1Char('\n') + m_ws.rowsText()));
        } else {
            const QString shown = testLogin();
            QVERIFY2(shown.count(QStringLiteral("anonymous pulls allowed")) == 3, qPrintable(shown));
        }
        // "Test login" only probed: nothing was deployed or pulled.
        QCOMPARE(onHost(1, QStringLiteral("docker ps -aq | wc -l")), QStringLiteral("0"));

        window()->action(QStringLiteral("actionDeployAll"))->trigger();
        QVERIFY(window()->monitor()->isRunning());
        QVERIFY(QTest::qWaitFor([this] { return m_ws.idle(); }, 1200000));
        QVERIFY2(m_ws.allHostsDone(), qPrintable(m_ws.rowsText()));
        QVERIFY2(m_ws.backend()->lastReport().succeeded(), qPrintable(m_ws.backend()->lastReport().toText()));
        for (int host : {1, 2})
            QCOMPARE(onHost(host,
                            QStringLiteral("docker ps --format '{{.Image}}' | grep -c '^%1/fate/python:1.1-release$'")
                                .arg(uri)),
                     QStringLiteral("1"));

        window()->action(QStringLiteral("actionRefreshStatus"))->trigger();
        QVERIFY(QTest::qWaitFor([this] { return m_ws.idle(); }, 600000));
        QVERIFY2(m_ws.allHostsDone(), qPrintable(m_ws.rowsText()));
        QVERIFY(window()->monitor()->containers()->runningCount(m_ws.sandbox().hostIp(2)) >= 9);

        QSignalSpy verified(window()->monitor(), &DeployMonitor::verifyFinished);
        window()->action(QStringLiteral("actionVerify"))->trigger();
        QVERIFY(QTest::qWaitFor([&verified] { return !verified.isEmpty(); }, 600000));
        QVERIFY2(verified.first().at(0).toBool(), qPrintable(verified.first().at(2).toString()));
        QVERIFY(QTest::qWaitFor([this] { return m_ws.idle(); }, 60000));
        forgetRegistryImages();
    }

    void cleanupTestCase() { m_ws.stop(); }
};

QTEST_MAIN(TestGuiRegistry)
#include "tst_gui_registry.moc"
