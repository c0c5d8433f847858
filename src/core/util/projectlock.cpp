// SPDX-License-Identifier: Apache-2.0
#include "util/projectlock.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QLockFile>

namespace FateDeployer {

ProjectLock::ProjectLock() = default;

ProjectLock::~ProjectLock() = default;

QString ProjectLock::lockFilePath(const QString &projectPath)
{
    // Next to the project, so the window and a root shell agree whatever their environment (XDG_RUNTIME_DIR,
    // TMPDIR); a read-only project folder falls back to the temporary folder, named by the canonical path.
    const QFileInfo info(projectPath);
    const QString canonical = info.exists() ? info.canonicalFilePath() : info.absoluteFilePath();
    const QFileInfo folder(QFileInfo(canonical).absolutePath());
    if (folder.isDir() && folder.isWritable())
        return folder.absoluteFilePath() + QStringLiteral("/.") + QFileInfo(canonical).fileName()
               + QStringLiteral(".lock");
    const QByteArray hash = QCryptographicHash::hash(canonical.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    return QDir::tempPath() + QStringLiteral("/fate-deployer-project-") + QString::fromLatin1(hash)
           + QStringLiteral(".lock");
}

Status ProjectLock::lock(const QString &projectPath)
{
    unlock();
    const QString path = lockFilePath(projectPath);
    QDir().mkpath(QFileInfo(path).absolutePath());
    auto lock = std::make_unique<QLockFile>(path);
    lock->setStaleLockTime(0); // only a lock whose process is gone is stale, however long a run takes
    if (lock->tryLock(0)) {
        m_lock = std::move(lock);
        return {};
    }
    if (lock->error() == QLockFile::LockFailedError) {
        qint64 pid = 0;
        QString host;
        QString app;
        lock->getLockInfo(&pid, &host, &app);
        return Error{tr("%1 is already being run by %2 (process %3 on %4); wait until that run has finished or "
                        "cancel it there, then try again")
                         .arg(QDir::toNativeSeparators(projectPath),
                              app.isEmpty() ? tr("another FATE Deployer") : app,
                              QString::number(pid),
                              host)};
    }
    return Error{tr("cannot create the lock file %1 that keeps two runs of this project apart; check that the "
                    "folder is writable")
                     .arg(path)};
}

void ProjectLock::unlock()
{
    if (m_lock)
        m_lock->unlock();
    m_lock.reset();
}

bool ProjectLock::isLocked() const
{
    return m_lock && m_lock->isLocked();
}

} // namespace FateDeployer
