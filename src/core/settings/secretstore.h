// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "util/result.h"

#include <QCoreApplication>
#include <QHash>
#include <QMutex>
#include <QString>

#include <memory>
#include <optional>

namespace FateDeployer {

/// Where remembered secrets live (SSH passwords, key passphrases, registry passwords). Never in project files.
///
/// All functions are synchronous and thread-safe; they may wait for the OS keychain (D-Bus), so call them from a
/// job or worker thread, never from the GUI thread.
class SecretStore
{
public:
    virtual ~SecretStore() = default;

    /// The stored secret, std::nullopt if none is stored, or an Error if the keychain is unavailable/refused.
    virtual Result<std::optional<QString>> read(const QString &key) = 0;
    virtual Status write(const QString &key, const QString &secret) = 0;
    /// Removing a key that is not stored is not an error.
    virtual Status remove(const QString &key) = 0;

    /// Canonical keys, so every module stores the same thing under the same name.
    static QString sshPasswordKey(const QString &user, const QString &host, int port);
    static QString keyPassphraseKey(const QString &privateKeyFile); ///< absolute, canonical path
    static QString registryPasswordKey(const QString &registryUri, const QString &username);
};

/// The OS keychain through QtKeychain (Secret Service / KWallet on Linux). Service name "FATE Deployer".
/// QtKeychain jobs need an event loop; this store runs them on its own internal thread.
class KeychainSecretStore : public SecretStore
{
    Q_DECLARE_TR_FUNCTIONS(FateDeployer::KeychainSecretStore)

public:
    explicit KeychainSecretStore(const QString &service = QStringLiteral("FATE Deployer"));
    ~KeychainSecretStore() override;

    Result<std::optional<QString>> read(const QString &key) override;
    Status write(const QString &key, const QString &secret) override;
    Status remove(const QString &key) override;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

/// In memory only (tests; the CLI's --no-keychain). Thread-safe.
class MemorySecretStore : public SecretStore
{
public:
    Result<std::optional<QString>> read(const QString &key) override;
    Status write(const QString &key, const QString &secret) override;
    Status remove(const QString &key) override;

    int writeCount() const; ///< for tests: how many writes happened

private:
    mutable QMutex m_mutex;
    QHash<QString, QString> m_secrets;
    int m_writes = 0;
};

} // namespace FateDeployer
