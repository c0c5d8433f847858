// SPDX-License-Identifier: Apache-2.0
#include "jobs/remotecommands.h"

#include "jobs/parsers.h"

namespace FateDeployer::RemoteCommands {

namespace {

/// `sh -c '<script>' fd ARG...`: the script is a compile-time literal, every value reaches it as a
/// quoted positional parameter ($1, $2, ...), so no value is ever parsed as shell text.
template<std::size_t N>
ShellCommand script(const char (&text)[N], const QStringList &args = {})
{
    return ShellCommand(u"sh").arg(u"-c").arg(QString::fromUtf8(text, N - 1)).arg(u"fd").args(args);
}

QString flavorArg(ComposeFlavor flavor)
{
    return flavor == ComposeFlavor::V2Plugin ? QStringLiteral("v2") : QStringLiteral("v1");
}

// $1 = v1|v2, then the project name: dc runs compose for that project; ids lists its containers.
#define FD_COMPOSE_PRELUDE                                                                                             \
    "c=$1; p=$2; shift 2; "                                                                                            \
    "dc() { if [ \"$c\" = v2 ]; then docker compose -p \"$p\" \"$@\"; else docker-compose -p \"$p\" \"$@\"; fi; }; "   \
    "ids() { docker ps $1 -q --filter \"label=com.docker.compose.project=$p\"; }; "

} // namespace

ShellCommand dockerServerVersion()
{
    return ShellCommand(u"docker").args({u"version", u"--format", u"{{.Server.Version}}"});
}

ShellCommand composeVersion(ComposeFlavor flavor)
{
    return flavor == ComposeFlavor::V2Plugin ? ShellCommand(u"docker").args({u"compose", u"version", u"--short"})
                                             : ShellCommand(u"docker-compose").args({u"version", u"--short"});
}

ShellCommand composeProbe()
{
    return script("if command -v docker-compose >/dev/null 2>&1; then echo v1; "
                  "elif docker compose version >/dev/null 2>&1; then echo v2; fi");
}

ShellCommand diskFree(const QString &dir)
{
    return script("d=$1; while [ ! -d \"$d\" ]; do d=$(dirname \"$d\"); done; df -Pk \"$d\"", {dir});
}

ShellCommand listeningPorts()
{
    return script("if command -v ss >/dev/null 2>&1; then ss -ltn; "
                  "elif command -v netstat >/dev/null 2>&1; then netstat -ltn; "
                  "else cat /proc/net/tcp /proc/net/tcp6 2>/dev/null; fi");
}

ShellCommand projectContainerIds(const QString &project, bool runningOnly)
{
    ShellCommand c(u"docker");
    c.arg(u"ps");
    if (!runningOnly)
        c.arg(u"-a");
    return c.args({u"-q", u"--filter"}).arg(QStringLiteral("label=com.docker.compose.project=") + project);
}

ShellCommand machineArch()
{
    return ShellCommand(u"uname").arg(u"-m");
}

ShellCommand images()
{
    return ShellCommand(u"docker").args({u"images", u"--format", u"{{.Repository}}:{{.Tag}}"});
}

ShellCommand registryProbe(const QString &registryHost)
{
    // Any HTTP answer (200, 401) means reachable; 000 means no connection. HTTPS first, then plain HTTP
    // (an intranet registry in the hosts' insecure-registries). Prints "<scheme> <code>".
    return script("for s in https http; do u=\"$s://$1/v2/\"; if command -v curl >/dev/null 2>&1; then "
                  "c=$(curl -sk -o /dev/null -m 10 -w '%{http_code}' \"$u\" 2>/dev/null); "
                  "else wget -q -T 10 --no-check-certificate -O /dev/null \"$u\" >/dev/null 2>&1; w=$?; "
                  "if [ $w -eq 0 ] || [ $w -eq 6 ] || [ $w -eq 8 ]; then c=200; else c=000; fi; fi; "
                  "if [ -n \"$c\" ] && [ \"$c\" != 000 ]; then echo \"$s $c\"; exit 0; fi; done; echo 'none 000'",
                  {registryHost});
}

ShellCommand registryLogin(const QString &registryHost, const QString &user)
{
    return ShellCommand(u"docker").args({u"login", u"--username"}).arg(user).arg(u"--password-stdin").arg(registryHost);
}

ShellCommand makeDockerConfigDir()
{
    return script(
        "umask 077; d=$(mktemp -d \"${TMPDIR:-/tmp}/fd-docker-config-XXXXXX\") && chmod 700 \"$d\" && echo \"$d\"");
}

ShellCommand loadImages()
{
    return ShellCommand(u"docker").arg(u"load");
}

ShellCommand pullImage(const QString &image)
{
    return ShellCommand(u"docker").arg(u"pull").arg(image);
}

ShellCommand makeDir(const QString &dir)
{
    return ShellCommand(u"mkdir").arg(u"-p").arg(dir);
}

ShellCommand unpackToStaging(const QString &staging)
{
    return script("mkdir -p \"$1\" && tar -xzf - -C \"$1\"", {staging});
}

ShellCommand removeStaleStaging(const QString &baseDir, const QString &bundle)
{
    // Only folders we name ourselves (<base>/.fd-staging-<bundle>-<stamp>); an interrupted swap is undone.
    return script("cd \"$1\" 2>/dev/null || exit 0; b=$2; "
                  "for s in ./.fd-staging-\"$b\"-*; do if [ -d \"$s\" ]; then rm -rf \"$s\"; fi; done; "
                  "if [ ! -d \"$b\" ] && [ -d \"$b.previous\" ]; then mv \"$b.previous\" \"$b\"; fi; exit 0",
                  {baseDir, bundle});
}

ShellCommand removePath(const QString &p)
{
    return ShellCommand(u"rm").arg(u"-rf").arg(p);
}

ShellCommand
composeDownIfPresent(ComposeFlavor flavor, const QString &baseDir, const QString &bundle, const QString &composeFile)
{
    return script(FD_COMPOSE_PRELUDE
                  "d=$1/$p; f=$2; "
                  "if [ -f \"$d/$f\" ]; then (cd \"$d\" && dc -f \"$f\" down --timeout 10) || exit $?; fi; "
                  "i=$(ids -a); if [ -n \"$i\" ]; then docker rm -f $i; fi",
                  {flavorArg(flavor), bundle, baseDir, composeFile});
}

ShellCommand
swapFolders(const QString &baseDir, const QString &bundle, const QString &staging, const QStringList &dataPaths)
{
    // $1 base, $2 bundle, $3 staging, $4... data paths the containers write: they move on with the
    // deployment instead of being deleted with an old copy. Two renames inside one short command
    // that is never interrupted; an interrupted earlier swap is undone first.
    return script("set -e; cd \"$1\"; b=$2; s=$3; shift 3; n=\"$s/$b\"; [ -d \"$n\" ]; "
                  "if [ ! -d \"$b\" ] && [ -d \"$b.previous\" ]; then mv \"$b.previous\" \"$b\"; fi; "
                  "if [ -d \"$b\" ]; then "
                  "for x in \"$@\"; do if [ -e \"$b/$x\" ]; then rm -rf \"$n/$x\"; mkdir -p \"$(dirname \"$n/$x\")\"; "
                  "mv \"$b/$x\" \"$n/$x\"; fi; done; "
                  "if [ -e \"$b.previous\" ]; then rm -rf \"$b.previous\" 2>/dev/null || mv \"$b.previous\" "
                  "\"./.fd-trash-$b-$$\"; fi; "
                  "mv \"$b\" \"$b.previous\"; fi; mv \"$n\" \"$b\"; rmdir \"$s\"",
                  QStringList{baseDir, bundle, staging} + dataPaths);
}

ShellCommand composeUp(ComposeFlavor flavor, const QString &baseDir, const QString &bundle, const QString &composeFile)
{
    return script(FD_COMPOSE_PRELUDE "cd \"$1/$p\" && dc -f \"$2\" up -d",
                  {flavorArg(flavor), bundle, baseDir, composeFile});
}

ShellCommand
composeStop(ComposeFlavor flavor, const QString &baseDir, const QString &bundle, const QString &composeFile)
{
    return script(FD_COMPOSE_PRELUDE "d=$1/$p; f=$2; "
                                     "if [ -f \"$d/$f\" ]; then cd \"$d\" && dc -f \"$f\" stop --timeout 10; "
                                     "else i=$(ids); if [ -n \"$i\" ]; then docker stop $i; fi; fi",
                  {flavorArg(flavor), bundle, baseDir, composeFile});
}

ShellCommand
composeDown(ComposeFlavor flavor, const QString &baseDir, const QString &bundle, const QString &composeFile)
{
    return composeDownIfPresent(flavor, baseDir, bundle, composeFile);
}

ShellCommand removeDeployment(const QString &baseDir, const QString &bundle)
{
    // Our names only: <bundle>, <bundle>.previous, .fd-staging-<bundle>-*, .fd-trash-<bundle>-*.
    return script("cd \"$1\" 2>/dev/null || exit 0; b=$2; "
                  "rm -rf \"./$b\" \"./$b.previous\" ./.fd-staging-\"$b\"-* ./.fd-trash-\"$b\"-*",
                  {baseDir, bundle});
}

// $1 base dir, $2 bundle, then the owner text: the lock folder's mkdir is atomic, so of two runs exactly one
// gets it. A second mkdir without 2>/dev/null shows the real reason (read-only, permission) when the lock
// folder does not exist.
#define FD_LOCK_PRELUDE                                                                                                \
    "l=\"$1/.fd-lock-$2\"; "                                                                                           \
    "take() { if mkdir \"$l\" 2>/dev/null || { [ ! -d \"$l\" ] && mkdir \"$l\"; }; then "                              \
    "printf '%s\\nfrom=%s\\n' \"$1\" \"${SSH_CLIENT%% *}\" >\"$l/owner\" && exit 0; rm -rf \"$l\"; exit 3; fi; }; "    \
    "held() { [ -d \"$l\" ] || exit 3; "                                                                               \
    "echo \"age=$(( $(date +%s) - $(stat -c %Y \"$l\" 2>/dev/null || date +%s) ))\"; cat \"$l/owner\" 2>/dev/null; "   \
    "exit 75; }; "

ShellCommand acquireLock(const QString &baseDir, const QString &bundle, const QString &owner)
{
    return script(FD_LOCK_PRELUDE "mkdir -p \"$1\" || exit 3; take \"$3\"; held", {baseDir, bundle, owner});
}

ShellCommand breakLock(const QString &baseDir, const QString &bundle, const QString &staleRunId, const QString &owner)
{
    // Moved aside first (atomic), so a run that takes the lock at the same moment is never removed.
    return script(FD_LOCK_PRELUDE "grep -qxF \"run=$3\" \"$l/owner\" 2>/dev/null || { take \"$4\"; held; }; "
                                  "t=\"$l.broken-$$\"; mv \"$l\" \"$t\" || held; rm -rf \"$t\"; take \"$4\"; held",
                  {baseDir, bundle, staleRunId, owner});
}

ShellCommand releaseLock(const QString &baseDir, const QString &bundle, const QString &runId)
{
    return script("l=\"$1/.fd-lock-$2\"; if grep -qxF \"run=$3\" \"$l/owner\" 2>/dev/null; then rm -rf \"$l\"; fi",
                  {baseDir, bundle, runId});
}

ShellCommand inspectProject(const QString &project)
{
    return script("i=$(docker ps -aq --filter \"label=com.docker.compose.project=$1\"); "
                  "if [ -n \"$i\" ]; then docker inspect --format \"$2\" $i; fi",
                  {project, Parsers::inspectFormat()});
}

ShellCommand toyExample(const QString &guestProject, int guestId, int hostId)
{
    return script("c=$(docker ps -q --filter \"label=com.docker.compose.project=$1\" "
                  "--filter label=com.docker.compose.service=python | head -n 1); "
                  "if [ -z \"$c\" ]; then echo 'no running python container' >&2; exit 3; fi; "
                  "exec docker exec \"$c\" sh -c '. /data/projects/python/venv/bin/activate && "
                  "cd /data/projects/fate/python/examples/toy_example && python run_toy_example.py \"$0\" \"$1\" 1' "
                  "\"$2\" \"$3\"",
                  {guestProject, QString::number(guestId), QString::number(hostId)});
}

ShellCommand tcpProbe(const QString &host, int port)
{
    // exit 0 reachable, 2 no probe tool, else unreachable
    return script("if command -v bash >/dev/null 2>&1 && command -v timeout >/dev/null 2>&1; then "
                  "timeout 5 bash -c 'exec 3<>\"/dev/tcp/$0/$1\"' \"$1\" \"$2\"; "
                  "elif command -v nc >/dev/null 2>&1; then nc -z -w 5 \"$1\" \"$2\"; else exit 2; fi",
                  {host, QString::number(port)});
}

ShellCommand containerLogsTail(const QString &project, const QString &service, int lines)
{
    return script("c=$(docker ps -aq --filter \"label=com.docker.compose.project=$1\" "
                  "--filter \"label=com.docker.compose.service=$2\" | head -n 1); "
                  "if [ -n \"$c\" ]; then docker logs --tail \"$3\" \"$c\" 2>&1; fi",
                  {project, service, QString::number(lines)});
}

} // namespace FateDeployer::RemoteCommands
