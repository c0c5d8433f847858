// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jobs/parsers.h"

#include <QString>
#include <QStringList>

namespace FateDeployer {

/// Every remote command of the engine, in one place. POSIX sh only (CentOS 7: coreutils 8.22, GNU tar
/// 1.26, Docker 18.09, docker-compose 1.24). Values are quoted by the remote module's ShellCommand.
namespace RemoteCommands {

QString dockerServerVersion();
QString composeVersion(ComposeFlavor flavor);
QString diskFree(const QString &dir); ///< df -Pk of the deepest existing ancestor of dir
QString listeningPorts();             ///< ss, else netstat, else /proc/net/tcp{,6}
QString projectContainerIds(const QString &project, bool runningOnly);
QString machineArch();
QString images();
QString registryProbe(const QString &registryHost);
QString registryLogin(const QString &registryHost, const QString &user); ///< password on stdin
QString loadImages();                                                     ///< archive on stdin
QString pullImage(const QString &image);
QString makeDir(const QString &dir);
QString unpackToStaging(const QString &staging); ///< tar.gz on stdin
QString removeStaleStaging(const QString &baseDir, const QString &bundle);
QString removePath(const QString &path); ///< only ever called with our own staging folder
QString composeDownIfPresent(ComposeFlavor flavor, const QString &baseDir, const QString &bundle,
                             const QString &composeFile);
QString swapFolders(const QString &baseDir, const QString &bundle, const QString &staging,
                    const QStringList &dataPaths);
QString composeUp(ComposeFlavor flavor, const QString &baseDir, const QString &bundle, const QString &composeFile);
QString composeStop(ComposeFlavor flavor, const QString &baseDir, const QString &bundle,
                    const QString &composeFile);
QString composeDown(ComposeFlavor flavor, const QString &baseDir, const QString &bundle,
                    const QString &composeFile);
QString removeDeployment(const QString &baseDir, const QString &bundle);
QString inspectProject(const QString &project);
QString toyExample(const QString &guestProject, int guestId, int hostId);
QString tcpProbe(const QString &host, int port);
QString containerLogsTail(const QString &project, const QString &service, int lines);

} // namespace RemoteCommands

} // namespace FateDeployer
