// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "util/result.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

class QLockFile;

namespace FateDeployer {

/// Keeps one process of this machine from running a project while another one (the window or the CLI)
/// runs it: a QLockFile `.<file>.lock` next to the project file (in the temporary folder when that folder
/// is read-only). A lock left by a process that is gone is taken over by QLockFile itself.
class ProjectLock
{
    Q_DECLARE_TR_FUNCTIONS(FateDeployer::ProjectLock)

public:
    ProjectLock();
    ~ProjectLock();
    ProjectLock(const ProjectLock &) = delete;
    ProjectLock &operator=(const ProjectLock &) = delete;

    /// Takes the lock of `projectPath` (releasing any held before); the error names the process that holds it.
    Status lock(const QString &projectPath);
    void unlock();
    bool isLocked() const;

    /// Where the lock file of `projectPath` lives.
    static QString lockFilePath(const QString &projectPath);

private:
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace FateDeployer
