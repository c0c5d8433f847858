// SPDX-License-Identifier: Apache-2.0
#include "settings/secretstore.h"
#include "util/tr.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QMutexLocker>
#include <QThread>

#include <qt6keychain/keychain.h>

#include <chrono>
#include <future>

namespace FateDeployer {

namespace {

constexpr auto KeychainTimeout = std::chrono::seconds(60); // the OS may show an unlock dialog

} // namespace

QString SecretStore::sshPasswordKey(const QString &user, const QString &host, int port)
{
    return QStringLiteral("ssh-password:%1@%2:%3").arg(user, host).arg(port);
}

QString SecretStore::keyPassphraseKey(const QString &privateKeyFile)
{
    return QStringLiteral("ssh-key-passphrase:%1").arg(privateKeyFile);
}

QString SecretStore::registryPasswordKey(const QString &registryUri, const QString &username)
{
    return QStringLiteral("registry-password:%1@%2").arg(username, registryUri);
}

// ---- KeychainSecretStore ----

struct KeychainSecretStore::Private
{
    QString service;
    QThread thread;
    QObject *worker = nullptr; ///< lives in `thread`; QtKeychain jobs run there

    struct Outcome
    {
        QKeychain::Error error = QKeychain::NoError;
        QString errorString;
        QString text;
    };

    /// Starts a job on the worker thread and waits for it.
    template<typename MakeJob>
    std::optional<Outcome> run(MakeJob makeJob)
    {
        auto promise = std::make_shared<std::promise<Outcome>>();
        std::future<Outcome> future = promise->get_future();
        QMetaObject::invokeMethod(
            worker,
            [this, promise, makeJob]() {
                QKeychain::Job *job = makeJob(worker);
                job->setAutoDelete(true);
                QObject::connect(job, &QKeychain::Job::finished, worker, [promise](QKeychain::Job *j) {
                    Outcome o;
                    o.error = j->error();
                    o.errorString = j->errorString();
                    if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(j))
                        o.text = read->textData();
                    promise->set_value(o);
                });
                job->start();
            },
            Qt::QueuedConnection);
        if (future.wait_for(KeychainTimeout) != std::future_status::ready)
            return std::nullopt;
        return future.get();
    }
};

KeychainSecretStore::KeychainSecretStore(const QString &service)
    : d(std::make_unique<Private>())
{
    d->service = service;
    d->worker = new QObject;
    d->worker->moveToThread(&d->thread);
    QObject::connect(&d->thread, &QThread::finished, d->worker, &QObject::deleteLater);
    d->thread.setObjectName(QStringLiteral("keychain"));
    d->thread.start();
}

KeychainSecretStore::~KeychainSecretStore()
{
    d->thread.quit();
    d->thread.wait();
}

Result<std::optional<QString>> KeychainSecretStore::read(const QString &key)
{
    const QString service = d->service;
    auto outcome = d->run([service, key](QObject *parent) {
        auto *job = new QKeychain::ReadPasswordJob(service, parent);
        job->setKey(key);
        return static_cast<QKeychain::Job *>(job);
    });
    if (!outcome)
        return Error{tr("The keychain did not answer within a minute; the secret for %1 could not be read.").arg(key)};
    if (outcome->error == QKeychain::EntryNotFound)
        return std::optional<QString>();
    if (outcome->error != QKeychain::NoError)
        return Error{tr("Could not read %1 from the keychain: %2").arg(key, outcome->errorString)};
    return std::optional<QString>(outcome->text);
}

Status KeychainSecretStore::write(const QString &key, const QString &secret)
{
    const QString service = d->service;
    auto outcome = d->run([service, key, secret](QObject *parent) {
        auto *job = new QKeychain::WritePasswordJob(service, parent);
        job->setKey(key);
        job->setTextData(secret);
        return static_cast<QKeychain::Job *>(job);
    });
    if (!outcome)
        return Error{tr("The keychain did not answer within a minute; %1 was not stored.").arg(key)};
    if (outcome->error != QKeychain::NoError)
        return Error{tr("Could not store %1 in the keychain: %2").arg(key, outcome->errorString)};
    return {};
}

Status KeychainSecretStore::remove(const QString &key)
{
    const QString service = d->service;
    auto outcome = d->run([service, key](QObject *parent) {
        auto *job = new QKeychain::DeletePasswordJob(service, parent);
        job->setKey(key);
        return static_cast<QKeychain::Job *>(job);
    });
    if (!outcome)
        return Error{tr("The keychain did not answer within a minute; %1 was not removed.").arg(key)};
    if (outcome->error != QKeychain::NoError && outcome->error != QKeychain::EntryNotFound)
        return Error{tr("Could not remove %1 from the keychain: %2").arg(key, outcome->errorString)};
    return {};
}

// ---- MemorySecretStore ----

Result<std::optional<QString>> MemorySecretStore::read(const QString &key)
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_secrets.constFind(key);
    if (it == m_secrets.cend())
        return std::optional<QString>();
    return std::optional<QString>(*it);
}

Status MemorySecretStore::write(const QString &key, const QString &secret)
{
    QMutexLocker lock(&m_mutex);
    m_secrets.insert(key, secret);
    ++m_writes;
    return {};
}

Status MemorySecretStore::remove(const QString &key)
{
    QMutexLocker lock(&m_mutex);
    m_secrets.remove(key);
    return {};
}

int MemorySecretStore::writeCount() const
{
    QMutexLocker lock(&m_mutex);
    return m_writes;
}

} // namespace FateDeployer
