// SPDX-License-Identifier: Apache-2.0
#include "jobs/daytwo.h"

#include "jobs/plan.h"
#include "model/era.h"
#include "model/project.h"
#include "util/tr.h"

#include <QDeadlineTimer>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

namespace FateDeployer {

namespace {

/// `sh -c '<script>' fd ARG...`: a compile-time script, every value a quoted positional parameter.
template<std::size_t N>
ShellCommand script(const char (&text)[N], const QStringList &args = {})
{
    return ShellCommand(u"sh").arg(u"-c").arg(QString::fromUtf8(text, N - 1)).arg(u"fd").args(args);
}

// Python 2.7 (CentOS 7) and 3: accept and close connections until the lifetime ends.
const char *const pythonListener = "import socket,sys,time\n"
                                   "p=int(sys.argv[1]); end=time.time()+int(sys.argv[2])\n"
                                   "s=socket.socket(socket.AF_INET,socket.SOCK_STREAM)\n"
                                   "s.setsockopt(socket.SOL_SOCKET,socket.SO_REUSEADDR,1)\n"
                                   "s.bind(('',p)); s.listen(16); s.settimeout(1)\n"
                                   "while time.time()<end:\n"
                                   "    try:\n"
                                   "        c,a=s.accept(); c.close()\n"
                                   "    except socket.timeout:\n"
                                   "        pass\n";

// Python 2.7 and 3: one TCP connect, the errno decides between refused and the rest.
const char *const pythonConnect
    = "import socket,sys,errno\n"
      "a=sys.argv[1]; p=int(sys.argv[2]); t=float(sys.argv[3])\n"
      "try:\n"
      "    c=socket.create_connection((a,p),t); c.close(); print('ok')\n"
      "except socket.timeout:\n"
      "    print('timeout')\n"
      "except socket.error as e:\n"
      "    n=getattr(e,'errno',None)\n"
      "    print('refused' if n==errno.ECONNREFUSED else ('timeout' if n==errno.ETIMEDOUT else 'unreachable'))\n";

// The listener itself, on the host or inside a container: $1 port, $2 lifetime, $3 tool, $4 python code.
// nc listens for one connection at a time: a loop restarts it, a watchdog ends it with the lifetime.
const char *const listenerSnippet
    = "p=$1; t=$2; w=$3; PY=$4; "
      "case $w in python3|python) exec \"$w\" -c \"$PY\" \"$p\" \"$t\";; esac; "
      "c=; trap 'if [ -n \"$c\" ]; then kill \"$c\" 2>/dev/null; fi; exit 0' TERM INT; "
      "(sleep \"$t\"; kill \"$$\" 2>/dev/null) >/dev/null 2>&1 & "
      "case $w in busybox) set -- busybox nc -l -p \"$p\";; nc-bsd) set -- nc -l \"$p\";; *) set -- nc -l -p \"$p\";; "
      "esac; "
      "while :; do \"$@\" </dev/null >/dev/null 2>&1 & c=$!; wait \"$c\" || sleep 1; done";

} // namespace

namespace DayTwo {
// lupdate files the functions of this namespace under "FateDeployer::DayTwo" (see util/tr.h).
inline constexpr Tr tr{"FateDeployer::DayTwo"};

QString resultTitle(MatrixCell::Result result)
{
    switch (result) {
    case MatrixCell::Result::Ok:
        return tr("ok");
    case MatrixCell::Result::Refused:
        return tr("refused");
    case MatrixCell::Result::Timeout:
        return tr("timeout");
    case MatrixCell::Result::Unreachable:
        return tr("unreachable");
    case MatrixCell::Result::InUse:
        return tr("port in use");
    case MatrixCell::Result::NoTool:
        return tr("no probe tool");
    case MatrixCell::Result::NotChecked:
        break;
    }
    return tr("not checked");
}

QString kindTitle(DriftEntry::Kind kind)
{
    switch (kind) {
    case DriftEntry::Kind::Added:
        return tr("file added");
    case DriftEntry::Kind::Changed:
        return tr("file changed");
    case DriftEntry::Kind::Missing:
        return tr("file missing");
    case DriftEntry::Kind::ContainerUnexpected:
        return tr("unexpected container");
    case DriftEntry::Kind::ContainerMissing:
        return tr("container missing");
    case DriftEntry::Kind::ContainerNotRunning:
        return tr("container not running");
    case DriftEntry::Kind::ContainerImage:
        return tr("other image");
    }
    return QString();
}

} // namespace DayTwo

QString matrixResultName(MatrixCell::Result result)
{
    switch (result) {
    case MatrixCell::Result::Ok:
        return QStringLiteral("ok");
    case MatrixCell::Result::Refused:
        return QStringLiteral("refused");
    case MatrixCell::Result::Timeout:
        return QStringLiteral("timeout");
    case MatrixCell::Result::Unreachable:
        return QStringLiteral("unreachable");
    case MatrixCell::Result::InUse:
        return QStringLiteral("in-use");
    case MatrixCell::Result::NoTool:
        return QStringLiteral("no-tool");
    case MatrixCell::Result::NotChecked:
        break;
    }
    return QStringLiteral("not-checked");
}

QString matrixResultTitle(MatrixCell::Result result)
{
    return DayTwo::resultTitle(result);
}

std::optional<MatrixCell::Result> matrixResultFromName(const QString &name)
{
    for (auto r : {MatrixCell::Result::Ok,
                   MatrixCell::Result::Refused,
                   MatrixCell::Result::Timeout,
                   MatrixCell::Result::Unreachable,
                   MatrixCell::Result::InUse,
                   MatrixCell::Result::NoTool,
                   MatrixCell::Result::NotChecked})
        if (matrixResultName(r) == name)
            return r;
    return std::nullopt;
}

QString driftKindName(DriftEntry::Kind kind)
{
    switch (kind) {
    case DriftEntry::Kind::Added:
        return QStringLiteral("added");
    case DriftEntry::Kind::Changed:
        return QStringLiteral("changed");
    case DriftEntry::Kind::Missing:
        return QStringLiteral("missing");
    case DriftEntry::Kind::ContainerUnexpected:
        return QStringLiteral("container-unexpected");
    case DriftEntry::Kind::ContainerMissing:
        return QStringLiteral("container-missing");
    case DriftEntry::Kind::ContainerNotRunning:
        return QStringLiteral("container-not-running");
    case DriftEntry::Kind::ContainerImage:
        return QStringLiteral("container-image");
    }
    return QString();
}

QString driftKindTitle(DriftEntry::Kind kind)
{
    return DayTwo::kindTitle(kind);
}

std::optional<DriftEntry::Kind> driftKindFromName(const QString &name)
{
    for (auto k : {DriftEntry::Kind::Added,
                   DriftEntry::Kind::Changed,
                   DriftEntry::Kind::Missing,
                   DriftEntry::Kind::ContainerUnexpected,
                   DriftEntry::Kind::ContainerMissing,
                   DriftEntry::Kind::ContainerNotRunning,
                   DriftEntry::Kind::ContainerImage})
        if (driftKindName(k) == name)
            return k;
    return std::nullopt;
}

QJsonObject DeployedManifest::toJson() const
{
    QJsonObject f;
    for (auto it = files.cbegin(); it != files.cend(); ++it)
        f.insert(it.key(), it.value());
    return QJsonObject{{QStringLiteral("bundle"), bundle},
                       {QStringLiteral("compose_file"), composeFile},
                       {QStringLiteral("services"), QJsonArray::fromStringList(services)},
                       {QStringLiteral("images"), QJsonArray::fromStringList(images)},
                       {QStringLiteral("data_paths"), QJsonArray::fromStringList(dataPaths)},
                       {QStringLiteral("files"), f},
                       {QStringLiteral("deployed_at"), deployedAt},
                       {QStringLiteral("run"), runId}};
}

DeployedManifest DeployedManifest::fromJson(const QJsonObject &o)
{
    auto list = [&o](const char *key) {
        QStringList l;
        for (const QJsonValue &v : o.value(QLatin1String(key)).toArray())
            l.append(v.toString());
        return l;
    };
    DeployedManifest m;
    m.bundle = o.value(QLatin1String("bundle")).toString();
    m.composeFile = o.value(QLatin1String("compose_file")).toString();
    m.services = list("services");
    m.images = list("images");
    m.dataPaths = list("data_paths");
    const QJsonObject f = o.value(QLatin1String("files")).toObject();
    for (auto it = f.constBegin(); it != f.constEnd(); ++it)
        m.files.insert(it.key(), it.value().toString());
    m.deployedAt = o.value(QLatin1String("deployed_at")).toString();
    m.runId = o.value(QLatin1String("run")).toString();
    return m;
}

MatrixBoard::MatrixBoard(const QList<MatrixPath> &paths)
    : m_paths(paths)
{}

void MatrixBoard::listenDone(const QString &target, Target state)
{
    QMutexLocker lock(&m_mutex);
    if (m_listen.value(target, Target::Pending) == Target::Pending)
        m_listen.insert(target, state);
    m_changed.wakeAll();
}

MatrixBoard::Target MatrixBoard::waitListen(const QString &target, const CancelToken &cancel, int timeoutMs)
{
    // Only hosts this run deploys open listeners; other targets (external parties) are probed as they are.
    bool isJob = false;
    for (const MatrixPath &p : std::as_const(m_paths))
        isJob = isJob || p.from == target;
    QDeadlineTimer deadline(timeoutMs);
    QMutexLocker lock(&m_mutex);
    while (isJob && m_listen.value(target, Target::Pending) == Target::Pending && !cancel.isCancelled()
           && !deadline.hasExpired())
        m_changed.wait(&m_mutex, QDeadlineTimer(qMin<qint64>(200, deadline.remainingTime())));
    return m_listen.value(target, Target::Pending);
}

void MatrixBoard::probesDone(const QString &from)
{
    QMutexLocker lock(&m_mutex);
    m_probed.insert(from);
    m_changed.wakeAll();
}

void MatrixBoard::waitProbes(const QString &target, const CancelToken &cancel, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    QMutexLocker lock(&m_mutex);
    auto pending = [&] {
        for (const MatrixPath &p : std::as_const(m_paths))
            if (p.to == target && !m_probed.contains(p.from))
                return true;
        return false;
    };
    while (pending() && !cancel.isCancelled() && !deadline.hasExpired())
        m_changed.wait(&m_mutex, QDeadlineTimer(qMin<qint64>(200, deadline.remainingTime())));
}

void MatrixBoard::jobFinished(const QString &host)
{
    QMutexLocker lock(&m_mutex);
    if (m_listen.value(host, Target::Pending) == Target::Pending)
        m_listen.insert(host, Target::Failed);
    m_probed.insert(host);
    m_changed.wakeAll();
}

namespace DayTwo {

bool isDayTwo(Operation op)
{
    return op == Operation::Matrix || op == Operation::Drift || op == Operation::Rollback;
}

QList<MatrixPath> matrixPaths(const Project &project)
{
    QList<MatrixPath> paths;
    auto key = [](const Party &p) { return QStringLiteral("party-%1").arg(p.id); };
    if (project.exchange.enabled) {
        const QString exchange = QStringLiteral("exchange");
        for (const Party &p : project.parties) {
            if (!p.external)
                paths.append({key(p), exchange, project.exchangeRouteAddress(), project.exchangeRoutePort()});
            if (!project.exchange.external)
                paths.append({exchange, key(p), Project::routeAddress(p), Project::routePort(p)});
        }
        return paths;
    }
    for (const Party &from : project.parties)
        for (const Party &to : project.parties)
            if (from.id != to.id && !from.external)
                paths.append({key(from), key(to), Project::routeAddress(to), Project::routePort(to)});
    return paths;
}

QList<ToyPair> allToyPairs(const Project &project)
{
    QList<ToyPair> pairs;
    for (const Party &guest : project.parties) {
        if (guest.external)
            continue;
        for (const Party &host : project.parties)
            if (host.id != guest.id)
                pairs.append(ToyPair{guest.id, host.id});
    }
    return pairs;
}

int toyJobsPerGuest(const Project &project)
{
    const KubefateEra era = kubefateEra(project.templates.kubefateVersion);
    if (!eraHasEngine(era))
        return 5; // fate_flow/settings.py MAX_CONCURRENT_JOB_RUN of FATE 1.1 and 1.4
    const int jobCores = era == KubefateEra::V2_0 ? 4 : 2;
    const int parties = std::max(1, int(project.parties.size()));
    return std::max(1, std::max(1, project.engine.computeCore) / jobCores / parties);
}

void completePlan(const Project &project, Plan &plan)
{
    if (plan.settings.operation != Operation::Matrix)
        return;
    auto input = std::make_shared<DayTwoInput>();
    if (plan.settings.dayTwo)
        *input = *plan.settings.dayTwo;
    input->paths = matrixPaths(project);
    // Only paths between the selected hosts' jobs can be checked: a source outside the run probes nothing.
    QSet<QString> keys;
    for (const HostJob &job : std::as_const(plan.jobs))
        keys.insert(job.target.key);
    input->paths.removeIf([&keys](const MatrixPath &p) { return !keys.contains(p.from); });
    for (const HostJob &job : std::as_const(plan.jobs))
        input->listenPorts.insert(job.target.key, job.target.partyId ? Party::DefaultProxyPort : project.exchange.port);
    input->listenerInDocker = qEnvironmentVariable("FD_MATRIX_LISTENER") == QLatin1String("docker");
    input->board = std::make_shared<MatrixBoard>(input->paths);
    plan.settings.dayTwo = input;
    // Every job waits for the others' listeners: all of them must run at once.
    plan.settings.maxParallelHosts = qMax(plan.settings.maxParallelHosts, int(plan.jobs.size()));
}

QString matrixFix(const MatrixCell &cell, const QString &targetLabel)
{
    const QString open = tr("Open TCP port %1 on %2 for %3: on CentOS 7 `firewall-cmd --permanent --add-port=%1/tcp && "
                            "firewall-cmd --reload`, on Ubuntu `ufw allow %1/tcp`; in a cloud, allow inbound TCP %1 "
                            "in the host's security group.")
                             .arg(cell.port)
                             .arg(targetLabel, cell.from);
    switch (cell.result) {
    case MatrixCell::Result::Ok:
    case MatrixCell::Result::NotChecked:
        return QString();
    case MatrixCell::Result::Refused:
        return tr("Nothing accepted the connection at %1:%2 (no listener, or a firewall rejects it). ")
                   .arg(cell.address)
                   .arg(cell.port)
               + open;
    case MatrixCell::Result::Timeout:
        return tr("No answer from %1:%2: a firewall drops the packets on the way or on the host. ")
                   .arg(cell.address)
                   .arg(cell.port)
               + open;
    case MatrixCell::Result::Unreachable:
        return tr("%1 cannot be reached from %2 (no route or name). Check the reachable address of %3 and the "
                  "routing between the sites.")
            .arg(cell.address, cell.from, targetLabel);
    case MatrixCell::Result::InUse:
        return tr("Port %1 on %2 is held by another program (ss -ltnp shows which); stop or move it, FATE needs it.")
            .arg(cell.port)
            .arg(targetLabel);
    case MatrixCell::Result::NoTool:
        return tr("%1 has no way to make a TCP connection (python, bash with timeout, or nc); install one of them.")
            .arg(cell.from);
    }
    return QString();
}

ShellCommand startListener(int port, int seconds, const QString &name, bool dockerOnly)
{
    // $1 port, $2 lifetime, $3 container name, $4 "docker" = no host tools, $5 listener, $6 python code.
    return script(
        "p=$1; t=$2; n=$3; d=$4; L=$5; PY=$6; "
        "inuse() { "
        "if command -v ss >/dev/null 2>&1; then ss -ltn 2>/dev/null | awk '{print $4}' | grep -q \"[:.]$p\\$\"; "
        "return $?; fi; "
        "if command -v netstat >/dev/null 2>&1; then netstat -ltn 2>/dev/null | awk '{print $4}' | grep -q "
        "\"[:.]$p\\$\"; return $?; fi; "
        "h=$(printf ':%04X' \"$p\"); cat /proc/net/tcp /proc/net/tcp6 2>/dev/null | "
        "awk -v h=\"$h\" '$4==\"0A\" && substr($2, length($2)-4)==h {f=1} END {exit !f}'; }; "
        "ready() { i=0; while [ $i -lt 25 ]; do if inuse; then return 0; fi; "
        "if [ -n \"$1\" ] && ! kill -0 \"$1\" 2>/dev/null; then return 1; fi; "
        "sleep 0.2 2>/dev/null || sleep 1; i=$((i+1)); done; return 1; }; "
        "if inuse; then echo @@fd-inuse; exit 0; fi; "
        "if [ \"$d\" != docker ]; then for w in python3 python nc nc-bsd busybox; do "
        "command -v \"${w%-bsd}\" >/dev/null 2>&1 || continue; "
        "nohup sh -c \"$L\" fd-listen \"$p\" \"$t\" \"$w\" \"$PY\" >/dev/null 2>&1 </dev/null & c=$!; "
        "if ready \"$c\"; then echo \"@@fd-listener $w $c\"; exit 0; fi; kill \"$c\" 2>/dev/null; done; fi; "
        "if command -v docker >/dev/null 2>&1; then "
        "for img in $(docker images --format '{{.Repository}}:{{.Tag}}' 2>/dev/null | grep -v '<none>' | head -n 20); "
        "do "
        "w=$(docker run --rm --network none --entrypoint sh \"$img\" -c 'for w in python3 python nc busybox; do "
        "if command -v $w >/dev/null 2>&1; then echo $w; exit 0; fi; done; exit 1' 2>/dev/null) || continue; "
        "docker rm -f \"$n\" >/dev/null 2>&1; "
        "docker run -d --rm --network host --name \"$n\" --entrypoint sh \"$img\" -c \"$L\" fd-listen \"$p\" \"$t\" "
        "\"$w\" \"$PY\" >/dev/null 2>&1 || continue; "
        "if ready ''; then echo \"@@fd-listener docker:$w:$img docker:$n\"; exit 0; fi; "
        "docker rm -f \"$n\" >/dev/null 2>&1; done; fi; "
        "echo \"no way to listen on port $p: no python, nc or busybox on the host, no image with one\" >&2; exit 3",
        {QString::number(port),
         QString::number(seconds),
         name,
         dockerOnly ? QStringLiteral("docker") : QStringLiteral("host"),
         QString::fromLatin1(listenerSnippet),
         QString::fromLatin1(pythonListener)});
}

ShellCommand stopListener(const QString &handle)
{
    if (handle.startsWith(QLatin1String("docker:")))
        return script("docker rm -f \"$1\" >/dev/null 2>&1 || true", {handle.mid(7)});
    return script("kill \"$1\" 2>/dev/null || true", {handle});
}

ShellCommand tcpConnect(const QString &address, int port, int seconds)
{
    return script("a=$1; p=$2; s=$3; PY=$4; "
                  "for w in python3 python; do if command -v $w >/dev/null 2>&1; then exec $w -c \"$PY\" \"$a\" "
                  "\"$p\" \"$s\"; fi; done; "
                  "if command -v bash >/dev/null 2>&1 && command -v timeout >/dev/null 2>&1; then "
                  "e=$(timeout \"$s\" bash -c 'exec 3<>\"/dev/tcp/$0/$1\"' \"$a\" \"$p\" 2>&1); r=$?; "
                  "if [ $r -eq 0 ]; then echo ok; elif [ $r -eq 124 ]; then echo timeout; "
                  "else case $e in *refused*) echo refused;; *) echo unreachable;; esac; fi; exit 0; fi; "
                  "if command -v nc >/dev/null 2>&1; then "
                  "e=$(nc -z -w \"$s\" \"$a\" \"$p\" 2>&1 </dev/null); r=$?; "
                  "if [ $r -eq 0 ]; then echo ok; else case $e in *refused*) echo refused;; "
                  "*[Nn]o\\ route*|*nreachable*|*resolve*) echo unreachable;; *) echo timeout;; esac; fi; exit 0; fi; "
                  "echo notool",
                  {address, QString::number(port), QString::number(seconds), QString::fromLatin1(pythonConnect)});
}

MatrixCell::Result parseConnect(const QString &output)
{
    const QStringList lines = output.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    const QString word = lines.isEmpty() ? QString() : lines.last().trimmed();
    if (word == QLatin1String("ok"))
        return MatrixCell::Result::Ok;
    if (word == QLatin1String("refused"))
        return MatrixCell::Result::Refused;
    if (word == QLatin1String("timeout"))
        return MatrixCell::Result::Timeout;
    if (word == QLatin1String("unreachable"))
        return MatrixCell::Result::Unreachable;
    if (word == QLatin1String("notool"))
        return MatrixCell::Result::NoTool;
    return MatrixCell::Result::NotChecked;
}

ShellCommand bundleHashes(const QString &baseDir, const QString &bundle, const QStringList &dataPaths)
{
    // The data paths become `-path ./x -prune -o` in front of the file test: what containers write is not ours.
    return script("cd \"$1\" 2>/dev/null && [ -d \"$2\" ] || { echo @@fd-nobundle; exit 0; }; cd \"$2\" || exit 1; "
                  "shift 2; n=$#; for d in \"$@\"; do set -- \"$@\" -path \"./$d\" -prune -o; done; shift $n; "
                  "find . \"$@\" -type f -exec sha256sum {} +",
                  QStringList{baseDir, bundle} + dataPaths);
}

QMap<QString, QString> parseHashes(const QString &output, bool *missingBundle)
{
    static const QRegularExpression line(QStringLiteral("^\\\\?([0-9a-f]{64}) [ *]\\./(.+)$"));
    QMap<QString, QString> files;
    if (missingBundle)
        *missingBundle = false;
    for (const QString &l : output.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        if (l.trimmed() == QLatin1String("@@fd-nobundle")) {
            if (missingBundle)
                *missingBundle = true;
            continue;
        }
        const QRegularExpressionMatch m = line.match(l);
        if (m.hasMatch())
            files.insert(m.captured(2), m.captured(1));
    }
    return files;
}

ShellCommand projectContainers(const QString &project)
{
    return ShellCommand(u"docker")
        .args({u"ps", u"-a", u"--filter"})
        .arg(QStringLiteral("label=com.docker.compose.project=") + project)
        .arg(u"--format")
        .arg(QStringLiteral("{{.Names}}|{{.Image}}|{{.Status}}|{{.Label \"com.docker.compose.service\"}}"));
}

QList<DriftEntry> compare(const DeployedManifest &deployed,
                          const QMap<QString, QString> &files,
                          bool bundleMissing,
                          const QString &containersOutput)
{
    QList<DriftEntry> out;
    if (bundleMissing) {
        out.append({DriftEntry::Kind::Missing, deployed.bundle + QLatin1Char('/'), tr("the folder is missing")});
    } else {
        for (auto it = deployed.files.cbegin(); it != deployed.files.cend(); ++it) {
            if (!files.contains(it.key()))
                out.append({DriftEntry::Kind::Missing, it.key(), QString()});
            else if (files.value(it.key()) != it.value())
                out.append({DriftEntry::Kind::Changed, it.key(), QString()});
        }
        for (auto it = files.cbegin(); it != files.cend(); ++it)
            if (!deployed.files.contains(it.key()))
                out.append({DriftEntry::Kind::Added, it.key(), QString()});
    }
    QSet<QString> seen;
    for (const QString &l : containersOutput.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QStringList f = l.trimmed().split(QLatin1Char('|'));
        if (f.size() < 4)
            continue;
        const QString &name = f.at(0), &image = f.at(1), &status = f.at(2), &service = f.at(3);
        seen.insert(service);
        if (!deployed.services.contains(service)) {
            out.append({DriftEntry::Kind::ContainerUnexpected, name, image});
            continue;
        }
        if (!status.startsWith(QLatin1String("Up")))
            out.append({DriftEntry::Kind::ContainerNotRunning, name, status});
        if (!deployed.images.isEmpty() && !deployed.images.contains(image))
            out.append({DriftEntry::Kind::ContainerImage, name, image});
    }
    for (const QString &service : deployed.services)
        if (!seen.contains(service))
            out.append({DriftEntry::Kind::ContainerMissing, service, QString()});
    return out;
}

ShellCommand previousExists(const QString &baseDir, const QString &bundle)
{
    return script("if [ -d \"$1/$2.previous\" ]; then exit 0; fi; "
                  "echo \"no previous bundle: $1/$2.previous does not exist\" >&2; exit 4",
                  {baseDir, bundle});
}

ShellCommand swapBack(const QString &baseDir, const QString &bundle, const QStringList &dataPaths)
{
    // $1 base, $2 bundle, $3... data paths: they stay with the running deployment. Three renames; the host
    // holds both folders under their own names before and after, the current one as the new .previous.
    return script(
        "set -e; cd \"$1\"; b=$2; shift 2; [ -d \"$b.previous\" ]; t=\".fd-rollback-$b-$$\"; "
        "if [ -d \"$b\" ]; then for x in \"$@\"; do if [ -e \"$b/$x\" ]; then rm -rf \"$b.previous/$x\"; "
        "mkdir -p \"$(dirname \"$b.previous/$x\")\"; mv \"$b/$x\" \"$b.previous/$x\"; fi; done; "
        "mv \"$b\" \"$t\"; fi; mv \"$b.previous\" \"$b\"; if [ -d \"$t\" ]; then mv \"$t\" \"$b.previous\"; fi",
        QStringList{baseDir, bundle} + dataPaths);
}

QJsonArray cellsToJson(const QList<MatrixCell> &cells)
{
    QJsonArray a;
    for (const MatrixCell &c : cells)
        a.append(QJsonObject{{QStringLiteral("from"), c.from},
                             {QStringLiteral("to"), c.to},
                             {QStringLiteral("address"), c.address},
                             {QStringLiteral("port"), c.port},
                             {QStringLiteral("result"), matrixResultName(c.result)},
                             {QStringLiteral("fix"), c.fix}});
    return a;
}

QJsonArray driftToJson(const QList<DriftEntry> &entries)
{
    QJsonArray a;
    for (const DriftEntry &e : entries)
        a.append(QJsonObject{{QStringLiteral("kind"), driftKindName(e.kind)},
                             {QStringLiteral("item"), e.item},
                             {QStringLiteral("detail"), e.detail}});
    return a;
}

} // namespace DayTwo

} // namespace FateDeployer
