// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jobs/parsers.h"
#include "remote/shellcommand.h"

#include <QString>
#include <QStringList>

namespace FateDeployer {

/// Every remote command of the engine, in one place. POSIX sh only (CentOS 7: coreutils 8.22, GNU tar
/// 1.26, Docker 18.09, docker-compose 1.24). Values are quoted by the remote module's ShellCommand.
namespace RemoteCommands {

ShellCommand dockerServerVersion();
ShellCommand composeVersion(ComposeFlavor flavor);
ShellCommand composeProbe();               ///< prints v1 (docker-compose on PATH), v2 (plugin) or nothing
ShellCommand diskFree(const QString &dir); ///< df -Pk of the deepest existing ancestor of dir
ShellCommand listeningPorts();             ///< ss, else netstat, else /proc/net/tcp{,6}
ShellCommand projectContainerIds(const QString &project, bool runningOnly);
ShellCommand machineArch();
ShellCommand images();
/// GET /v2/ as the host's Docker would (scheme, CA), then with credentials: a curl config on stdin
/// (`user = "name:password"`, see curlUserConfig) when credentialsOnStdin, else the host's stored login.
ShellCommand registryProbe(const QString &registryHost, bool credentialsOnStdin);
/// Exit 0 when the host's ~/.docker/config.json already holds a login for the registry.
ShellCommand registryLoginStored(const QString &registryHost);
/// `user = "name:password"` for curl's -K, quoted as curl's config syntax wants (for stdin only).
QByteArray curlUserConfig(const QString &user, const QByteArray &password);
ShellCommand registryLogin(const QString &registryHost, const QString &user); ///< password on stdin
ShellCommand loadImages();                                                    ///< archive on stdin
ShellCommand pullImage(const QString &image);
ShellCommand makeDir(const QString &dir);
ShellCommand unpackToStaging(const QString &staging); ///< tar.gz on stdin
ShellCommand removeStaleStaging(const QString &baseDir, const QString &bundle);
ShellCommand removePath(const QString &path); ///< only ever called with our own staging folder
/// Brings the project down before a new deployment, only when one of its containers exists.
ShellCommand
composeDownIfPresent(ComposeFlavor flavor, const QString &baseDir, const QString &bundle, const QString &composeFile);
/// compose down whatever runs (teardown): also removes the project's networks.
ShellCommand
composeDownAll(ComposeFlavor flavor, const QString &baseDir, const QString &bundle, const QString &composeFile);
ShellCommand
swapFolders(const QString &baseDir, const QString &bundle, const QString &staging, const QStringList &dataPaths);
ShellCommand composeUp(ComposeFlavor flavor, const QString &baseDir, const QString &bundle, const QString &composeFile);
ShellCommand
composeStop(ComposeFlavor flavor, const QString &baseDir, const QString &bundle, const QString &composeFile);
ShellCommand
composeDown(ComposeFlavor flavor, const QString &baseDir, const QString &bundle, const QString &composeFile);
ShellCommand removeDeployment(const QString &baseDir, const QString &bundle);
ShellCommand inspectProject(const QString &project);
ShellCommand toyExample(const QString &guestProject, int guestId, int hostId);
ShellCommand tcpProbe(const QString &host, int port);
ShellCommand containerLogsTail(const QString &project, const QString &service, int lines);

} // namespace RemoteCommands

} // namespace FateDeployer
