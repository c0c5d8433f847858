// SPDX-License-Identifier: Apache-2.0
// SecretStore: the in-memory store used by tests and --no-keychain, the canonical key names, and the QtKeychain
// store against a real Secret Service: a private D-Bus session bus with gnome-keyring-daemon (keyring files in a
// temporary HOME) started by the test when both programs are installed; skipped otherwise.
#include "settings/secretstore.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace FateDeployer;

class TestSecretStore : public QObject
{
    Q_OBJECT

private slots:
    void memoryStore()
    {
        MemorySecretStore store;
        QCOMPARE(store.read(QStringLiteral("k")).value(), std::optional<QString>());
        QVERIFY(store.write(QStringLiteral("k"), QStringLiteral("s3cret")).ok());
        QCOMPARE(store.read(QStringLiteral("k")).value(), std::optional<QString>(QStringLiteral("s3cret")));
        QVERIFY(store.remove(QStringLiteral("k")).ok());
        QVERIFY(store.remove(QStringLiteral("k")).ok());
        QCOMPARE(store.read(QStringLiteral("k")).value(), std::optional<QString>());
        QCOMPARE(store.writeCount(), 1);
    }

    void keyNames()
    {
        QCOMPARE(SecretStore::sshPasswordKey(QStringLiteral("fate"), QStringLiteral("10.0.0.1"), 22),
                 QStringLiteral("ssh-password:fate@10.0.0.1:22"));
        QCOMPARE(SecretStore::keyPassphraseKey(QStringLiteral("/home/a/.ssh/id_ed25519")),
                 QStringLiteral("ssh-key-passphrase:/home/a/.ssh/id_ed25519"));
        QCOMPARE(SecretStore::registryPasswordKey(QStringLiteral("harbor.example.com/fate"), QStringLiteral("bot")),
                 QStringLiteral("registry-password:bot@harbor.example.com/fate"));
    }

    void initTestCase()
    {
        const QString dbus = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
        const QString keyring = QStandardPaths::findExecutable(QStringLiteral("gnome-keyring-daemon"));
        if (dbus.isEmpty() || keyring.isEmpty() || !m_home.isValid())
            return;
        QProcess bus;
        bus.start(dbus,
                  {QStringLiteral("--session"),
                   QStringLiteral("--fork"),
                   QStringLiteral("--print-address=1"),
                   QStringLiteral("--print-pid=1")});
        if (!bus.waitForFinished(10000) || bus.exitCode() != 0)
            return;
        const QList<QByteArray> lines = bus.readAllStandardOutput().trimmed().split('\n');
        if (lines.size() < 2)
            return;
        m_busPid = lines.at(1).trimmed().toLongLong();
        qputenv("DBUS_SESSION_BUS_ADDRESS", lines.at(0).trimmed());
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), m_home.path());
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_home.path());
        m_keyring.setProcessEnvironment(env);
        m_keyring.start(
            keyring,
            {QStringLiteral("--foreground"), QStringLiteral("--unlock"), QStringLiteral("--components=secrets")});
        if (!m_keyring.waitForStarted(10000))
            return;
        m_keyring.write("test-keyring-password");
        m_keyring.closeWriteChannel();
        QTest::qWait(500); // let it claim org.freedesktop.secrets on the bus
    }

    void cleanupTestCase()
    {
        if (m_keyring.state() != QProcess::NotRunning) {
            m_keyring.terminate();
            m_keyring.waitForFinished(5000);
        }
        if (m_busPid > 0)
            ::kill(pid_t(m_busPid), SIGTERM);
    }

    void keychainStore()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("no D-Bus session bus (install dbus-daemon and gnome-keyring to run this test)");
        KeychainSecretStore store(QStringLiteral("FATE Deployer tests"));
        const QString key = QStringLiteral("tst_secretstore");
        const Status written = store.write(key, QStringLiteral("v"));
        if (!written)
            QSKIP(qPrintable(u"keychain refused: " + written.error()));
        QCOMPARE(store.read(key).value(), std::optional<QString>(QStringLiteral("v")));
        QVERIFY(store.write(key, QStringLiteral("v2 ü")).ok());
        QCOMPARE(store.read(key).value(), std::optional<QString>(QStringLiteral("v2 ü")));
        QVERIFY(store.remove(key).ok());
        QCOMPARE(store.read(key).value(), std::optional<QString>());
        QVERIFY(store.remove(key).ok()); // removing a missing key is fine
    }

private:
    QTemporaryDir m_home;
    QProcess m_keyring;
    qint64 m_busPid = 0;
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
