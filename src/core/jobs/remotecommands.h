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

/// The facts a job asks of a host before it changes anything, all in one round trip (issue 14).
enum class HostFact {
    Docker,    ///< dockerServerVersion()
    Compose,   ///< composeProbe() (deploy, teardown, status: which front end, not its version)
    ComposeV1, ///< composeVersion(V1Standalone) (preflight); ComposeV2 is asked only when it fails
    ComposeV2, ///< composeVersion(V2Plugin)
    Disk,      ///< diskFree(baseDir)
    Ports,     ///< listeningPorts()
    Arch,      ///< machineArch()
};
QString hostFactName(HostFact fact); ///< "docker", "compose", "compose-v1", … (the section names)
/// The single command a fact stands for (what it runs on the host, for logs, failures and fallbacks).
ShellCommand factCommand(HostFact fact, const QString &baseDir);
/// One POSIX sh script asking every fact of @p facts (ComposeV2 only after a failed ComposeV1). Output,
/// parsed by Parsers::hostFacts: per fact `@@fd-fact <name>`, its stdout as it comes, `@@fd-fact-end
/// <name> <exit status>`, and when it wrote to stderr `@@fd-fact-stderr` and that. With @p knownCompose ("v1"/"v2")
/// remembered for this host at Docker version @p knownDocker, the probe trusts a remembered v2 while the Docker version
/// is the same (docker-compose on the PATH still wins: `command -v` costs nothing), sparing `docker compose version`.
ShellCommand hostFacts(const QList<HostFact> &facts,
                       const QString &baseDir,
                       const QString &knownCompose = {},
                       const QString &knownDocker = {});

ShellCommand images();
/// GET /v2/ as the host's Docker would (scheme, CA), then with credentials: a curl config on stdin
/// (`user = "name:password"`, see curlUserConfig) when credentialsOnStdin, else the host's stored login.
ShellCommand registryProbe(const QString &registryHost, bool credentialsOnStdin);
/// Exit 0 when the host's ~/.docker/config.json already holds a login for the registry.
ShellCommand registryLoginStored(const QString &registryHost);
/// `user = "name:password"` for curl's -K, quoted as curl's config syntax wants (for stdin only).
QByteArray curlUserConfig(const QString &user, const QByteArray &password);
ShellCommand registryLogin(const QString &registryHost, const QString &user); ///< password on stdin
/// Creates a private (0700) folder for DOCKER_CONFIG under $TMPDIR or /tmp and prints its path.
ShellCommand makeDockerConfigDir();
ShellCommand loadImages(); ///< archive on stdin
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
/// `compose restart` of some services of a running deployment (the change plan's "only route tables changed").
ShellCommand composeRestart(ComposeFlavor flavor,
                            const QString &baseDir,
                            const QString &bundle,
                            const QString &composeFile,
                            const QStringList &services);
ShellCommand composeUp(ComposeFlavor flavor, const QString &baseDir, const QString &bundle, const QString &composeFile);
ShellCommand
composeStop(ComposeFlavor flavor, const QString &baseDir, const QString &bundle, const QString &composeFile);
ShellCommand
composeDown(ComposeFlavor flavor, const QString &baseDir, const QString &bundle, const QString &composeFile);
/// Teardown level remove: the named volumes of the compose project <bundle> (by compose's project label), then
/// our folders of the bundle under @p baseDir. Run after `down`.
ShellCommand removeDeployment(const QString &baseDir, const QString &bundle);
/// Exit status of acquireLock/breakLock when another run holds the lock; it then prints `age=<s>` and the
/// holder's `key=value` lines.
constexpr int LockHeld = 75;
/// Atomic `mkdir` of <base>/.fd-lock-<bundle> holding `owner` (key=value lines) plus `from=` (the SSH client
/// address the host saw). 0 = taken, LockHeld = held by another run, else the reason is on stderr.
ShellCommand acquireLock(const QString &baseDir, const QString &bundle, const QString &owner);
/// Takes over a stale lock, only if it is still held by run `staleRunId`.
ShellCommand breakLock(const QString &baseDir, const QString &bundle, const QString &staleRunId, const QString &owner);
/// Removes the lock only if run `runId` holds it.
ShellCommand releaseLock(const QString &baseDir, const QString &bundle, const QString &runId);
ShellCommand inspectProject(const QString &project);
/// The project's containers as `docker ps` lists them (Parsers::psFormat, Docker 18.09 templates): no
/// inspect, no compose front end. WaitStable polls this and inspects only to read restart counts.
ShellCommand listProject(const QString &project);
ShellCommand toyExample(const QString &guestProject, int guestId, int hostId);
/// v1.7+ eras: `flow test toy` in the guest's client container; exit 3 when none runs.
ShellCommand flowTestToy(const QString &guestProject, int guestId, int hostId, int timeoutSeconds);
/// docker volume rm -f of the named volumes (redeploy of a v1.11 training bundle).
ShellCommand removeVolumes(const QStringList &volumes);
ShellCommand tcpProbe(const QString &host, int port);
ShellCommand containerLogsTail(const QString &project, const QString &service, int lines);

} // namespace RemoteCommands

} // namespace FateDeployer
