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

QString hostFactName(HostFact fact)
{
    switch (fact) {
    case HostFact::Docker:
        return QStringLiteral("docker");
    case HostFact::Compose:
        return QStringLiteral("compose");
    case HostFact::ComposeV1:
        return QStringLiteral("compose-v1");
    case HostFact::ComposeV2:
        return QStringLiteral("compose-v2");
    case HostFact::Disk:
        return QStringLiteral("disk");
    case HostFact::Ports:
        return QStringLiteral("ports");
    case HostFact::Arch:
        return QStringLiteral("arch");
    }
    return QString();
}

ShellCommand factCommand(HostFact fact, const QString &baseDir)
{
    switch (fact) {
    case HostFact::Docker:
        return dockerServerVersion();
    case HostFact::Compose:
        return composeProbe();
    case HostFact::ComposeV1:
        return composeVersion(ComposeFlavor::V1Standalone);
    case HostFact::ComposeV2:
        return composeVersion(ComposeFlavor::V2Plugin);
    case HostFact::Disk:
        return diskFree(baseDir);
    case HostFact::Ports:
        return listeningPorts();
    case HostFact::Arch:
        return machineArch();
    }
    return ShellCommand();
}

ShellCommand
hostFacts(const QList<HostFact> &facts, const QString &baseDir, const QString &knownCompose, const QString &knownDocker)
{
    QStringList names;
    for (HostFact f : facts)
        names.append(hostFactName(f));
    // Each fact runs as its own command would (factCommand), stdin closed, its stdout streamed (awk 1 ends
    // a last line without newline) and kept in $o, its exit status in $s; stderr goes through a temporary
    // file so stdout stays apart.
    return script(R"sh(b=$1; w=,${2#facts=},; rf=$3; rv=$4
t=$(mktemp 2>/dev/null) || t=/tmp/.fd-facts-$$
trap 'rm -f "$t" "$t.s" "$t.o"' EXIT
f() { n=$1; shift; echo "@@fd-fact $n"
  { "$@" 2>"$t" </dev/null; echo $? >"$t.s"; } | awk 1 | tee "$t.o"
  s=$(cat "$t.s"); o=$(cat "$t.o"); echo "@@fd-fact-end $n $s"
  if [ -s "$t" ]; then echo '@@fd-fact-stderr'; cat "$t"; fi; return 0; }
has() { case $w in *",$1,"*) return 0;; esac; return 1; }
cprobe() { if command -v docker-compose >/dev/null 2>&1; then echo v1
  elif [ "$rf" = v2 ] && [ -n "$rv" ] && [ "$dv" = "$rv" ]; then echo v2
  elif docker compose version >/dev/null 2>&1; then echo v2; fi; }
disk() { d=$b; while [ ! -d "$d" ]; do d=$(dirname "$d"); done; df -Pk "$d"; }
ports() { if command -v ss >/dev/null 2>&1; then ss -ltn
  elif command -v netstat >/dev/null 2>&1; then netstat -ltn
  else cat /proc/net/tcp /proc/net/tcp6 2>/dev/null; fi; }
dv=
if has docker; then f docker docker version --format '{{.Server.Version}}'; [ "$s" = 0 ] && dv=$o; fi
if has compose; then f compose cprobe; fi
if has compose-v1; then f compose-v1 docker-compose version --short; [ "$s" = 0 ] || f compose-v2 docker compose version --short
elif has compose-v2; then f compose-v2 docker compose version --short; fi
if has disk; then f disk disk; fi
if has ports; then f ports ports; fi
if has arch; then f arch uname -m; fi
exit 0)sh",
                  {baseDir, QStringLiteral("facts=") + names.join(QLatin1Char(',')), knownCompose, knownDocker});
}

ShellCommand images()
{
    return ShellCommand(u"docker").args({u"images", u"--format", u"{{.Repository}}:{{.Tag}}"});
}

ShellCommand registryProbe(const QString &registryHost, bool credentialsOnStdin)
{
    // Probes /v2/ the way this host's Docker would reach the registry: an insecure registry (listed in
    // the daemon's insecure-registries, or on loopback) is tried over HTTPS without verification, then
    // plain HTTP; any other only over HTTPS, trusting /etc/docker/certs.d/<registry>/ca.crt when it
    // exists. Prints key lines for Parsers::registryProbe:
    //   docker secure|insecure      reach <scheme|none> <http code> <curl exit>
    //   stored yes|no               (the user's ~/.docker/config.json has an entry for the registry)
    //   auth given|stored <code>    /v2/ with the credentials from stdin, else with the stored login
    // Credentials arrive as a curl config on stdin ($2 = 1) and the stored login is fed to curl the
    // same way (printf is a builtin), so no secret is ever on a command line of the host.
    return script(R"sh(r=$1; sec=secure
if docker info --format '{{range $k, $v := .RegistryConfig.IndexConfigs}}{{$k}} {{$v.Secure}}{{println}}{{end}}' \
  </dev/null 2>/dev/null | grep -qxF "$r false"; then sec=insecure; fi
case $r in localhost|localhost:*|127.*) sec=insecure;; esac
echo "docker $sec"
if ! command -v curl >/dev/null 2>&1; then echo 'reach nocurl 000 0'; exit 0; fi
ca=/etc/docker/certs.d/$r/ca.crt
get() {
  if [ $sec = insecure ]; then curl -sk -o /dev/null -m 10 -w '%{http_code}' "$@"
  elif [ -r "$ca" ]; then curl -s --cacert "$ca" -o /dev/null -m 10 -w '%{http_code}' "$@"
  else curl -s -o /dev/null -m 10 -w '%{http_code}' "$@"; fi
}
if [ $sec = insecure ]; then schemes='https http'; else schemes=https; fi
s=none; c=000; e=0
for t in $schemes; do
  c=$(get "$t://$r/v2/" </dev/null); e=$?
  if [ -n "$c" ] && [ "$c" != 000 ]; then s=$t; break; fi
done
echo "reach $s ${c:-000} $e"
[ $s = none ] && exit 0
cfg=$HOME/.docker/config.json; a=; st=no
if [ -r "$cfg" ] && tr -d ' \t\n\r' <"$cfg" | grep -qF "\"$r\":{"; then
  st=yes
  a=$(tr -d ' \t\n\r' <"$cfg" | sed -n "s/.*\"$r\":{\"auth\":\"\([A-Za-z0-9+\/=]*\)\".*/\1/p")
fi
echo "stored $st"
if [ "$2" = 1 ]; then echo "auth given $(get -K - "$s://$r/v2/")"
elif [ -n "$a" ]; then echo "auth stored $(printf 'header = "Authorization: Basic %s"\n' "$a" | get -K - "$s://$r/v2/")"
fi
exit 0)sh",
                  {registryHost, credentialsOnStdin ? QStringLiteral("1") : QStringLiteral("0")});
}

ShellCommand registryLoginStored(const QString &registryHost)
{
    // Exit 0 when the user's ~/.docker/config.json already has an entry for the registry (a login the
    // admin made on the host, or a credential helper's entry): then deploy does not log in again.
    return script(R"sh(cfg=$HOME/.docker/config.json
[ -r "$cfg" ] && tr -d ' \t\n\r' <"$cfg" | grep -qF "\"$1\":{")sh",
                  {registryHost});
}

QByteArray curlUserConfig(const QString &user, const QByteArray &password)
{
    QByteArray value = user.toUtf8() + ':' + password;
    value.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n").replace('\r', "\\r");
    return "user = \"" + value + "\"\n";
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
    // The compose front end (a Python program for docker-compose 1.x: seconds of CPU on a small host)
    // runs only when a container of the project exists; a first deploy needs one cheap `docker ps`.
    return script(FD_COMPOSE_PRELUDE
                  "d=$1/$p; f=$2; i=$(ids -a); [ -n \"$i\" ] || exit 0; "
                  "if [ -f \"$d/$f\" ]; then (cd \"$d\" && dc -f \"$f\" down --timeout 10) || exit $?; fi; "
                  "i=$(ids -a); if [ -n \"$i\" ]; then docker rm -f $i; fi",
                  {flavorArg(flavor), bundle, baseDir, composeFile});
}

ShellCommand
composeDownAll(ComposeFlavor flavor, const QString &baseDir, const QString &bundle, const QString &composeFile)
{
    // Teardown: compose down also when no container is left (it removes the project's networks).
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

ShellCommand composeRestart(ComposeFlavor flavor,
                            const QString &baseDir,
                            const QString &bundle,
                            const QString &composeFile,
                            const QStringList &services)
{
    return script(FD_COMPOSE_PRELUDE "cd \"$1/$p\" && f=$2 && shift 2 && dc -f \"$f\" restart \"$@\"",
                  QStringList{flavorArg(flavor), bundle, baseDir, composeFile} + services);
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
    return composeDownAll(flavor, baseDir, bundle, composeFile);
}

ShellCommand removeDeployment(const QString &baseDir, const QString &bundle)
{
    // The named volumes compose made for the project <bundle> (its label; after `down`, none is in use), then our
    // folders only: <bundle>, <bundle>.previous, .fd-staging-<bundle>-*, .fd-trash-<bundle>-*.
    return script("b=$2; v=$(docker volume ls -q --filter \"label=com.docker.compose.project=$b\" 2>/dev/null); "
                  "if [ -n \"$v\" ]; then docker volume rm $v >/dev/null || exit $?; fi; "
                  "cd \"$1\" 2>/dev/null || exit 0; "
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

ShellCommand listProject(const QString &project)
{
    return ShellCommand(u"docker")
        .args({u"ps", u"-a", u"--filter"})
        .arg(QStringLiteral("label=com.docker.compose.project=") + project)
        .arg(u"--format")
        .arg(Parsers::psFormat());
}

ShellCommand toyExample(const QString &guestProject, int guestId, int hostId)
{
    // run_toy_example.py (1.1–1.4) makes test/ and test/log with an unguarded os.mkdir: two toy examples that
    // start or end together on one guest (the toy grid) would race; made beforehand, neither does.
    return script("c=$(docker ps -q --filter \"label=com.docker.compose.project=$1\" "
                  "--filter label=com.docker.compose.service=python | head -n 1); "
                  "if [ -z \"$c\" ]; then echo 'no running python container' >&2; exit 3; fi; "
                  "exec docker exec \"$c\" sh -c '. /data/projects/python/venv/bin/activate && "
                  "cd /data/projects/fate/python/examples/toy_example && mkdir -p test/log && "
                  "python run_toy_example.py \"$0\" \"$1\" 1' "
                  "\"$2\" \"$3\"",
                  {guestProject, QString::number(guestId), QString::number(hostId)});
}

ShellCommand flowTestToy(const QString &guestProject, int guestId, int hostId, int timeoutSeconds)
{
    // What KubeFATE's test.sh runs (v1.7+), in the guest's client container, found by its compose labels.
    return script(
        "c=$(docker ps -q --filter \"label=com.docker.compose.project=$1\" "
        "--filter label=com.docker.compose.service=client | head -n 1); "
        "if [ -z \"$c\" ]; then echo 'no running client container' >&2; exit 3; fi; "
        "exec docker exec \"$c\" flow test toy --guest-party-id \"$2\" --host-party-id \"$3\" --timeout \"$4\"",
        {guestProject, QString::number(guestId), QString::number(hostId), QString::number(timeoutSeconds)});
}

ShellCommand removeVolumes(const QStringList &volumes)
{
    // -f: a volume that does not exist (first deploy) is no error; one still in use is.
    return ShellCommand(u"docker").args({u"volume", u"rm", u"-f"}).args(volumes);
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
