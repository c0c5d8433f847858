// SPDX-License-Identifier: Apache-2.0
// SecretStore: the in-memory store used by tests and --no-keychain, the canonical key names, and the QtKeychain
// store where a Secret Service is reachable (skipped otherwise: CI machines have no desktop session).
#include "settings/secretstore.h"

#include <QTest>

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

    void keychainStore()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("no D-Bus session bus, so no Secret Service to talk to");
        KeychainSecretStore store(QStringLiteral("FATE Deployer tests"));
        const QString key = QStringLiteral("tst_secretstore");
        const Status written = store.write(key, QStringLiteral("v"));
        if (!written)
            QSKIP(qPrintable(u"keychain refused: " + written.error()));
        QCOMPARE(store.read(key).value(), std::optional<QString>(QStringLiteral("v")));
        QVERIFY(store.remove(key).ok());
        QCOMPARE(store.read(key).value(), std::optional<QString>());
    }
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
