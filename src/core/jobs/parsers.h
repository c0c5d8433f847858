// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace FateDeployer {

/// A dotted version such as "18.09.7" or "1.24.1"; compares numerically part by part.
struct Version
{
    QList<int> parts;

    static std::optional<Version> parse(const QString &text);
    QString toString() const;
    int compare(const Version &other) const;
    bool operator<(const Version &o) const { return compare(o) < 0; }
    bool operator>=(const Version &o) const { return compare(o) >= 0; }
};

/// Which compose front end a host has; remembered per host.
enum class ComposeFlavor { None, V2Plugin, V1Standalone };

/// Free space of one file system as `df -Pk` reports it.
struct DiskFree
{
    qint64 totalKiB = 0;
    qint64 availableKiB = 0;
    QString mountPoint;
};

/// One container of a compose project, as `docker inspect` reports it.
struct ContainerStatus
{
    QString id;
    QString name;
    QString service;
    QString state;  ///< running, restarting, exited, created, paused, dead
    QString health; ///< empty when the image has no health check
    int restartCount = 0;
    QString image;
    QString ports; ///< "9370/tcp->0.0.0.0:9370, 8080/tcp->0.0.0.0:8080"
    QString startedAt;
    qint64 uptimeSeconds = -1; ///< -1 when not running

    bool operator==(const ContainerStatus &) const = default;
};

/// What RemoteCommands::registryProbe found on one host.
struct RegistryProbe
{
    bool insecure = false; ///< the host's Docker treats the registry as insecure (HTTP allowed)
    bool noCurl = false;   ///< the host has no curl: nothing could be probed
    QString scheme;        ///< "https" or "http"; empty = not reachable
    int code = 0;          ///< HTTP status of an anonymous GET /v2/ (0 = no connection)
    int curlExit = 0;      ///< curl's exit status of the last attempt (60 = certificate not trusted)
    bool stored = false;   ///< ~/.docker/config.json on the host has an entry for the registry
    QString authWith;      ///< "given" (the project's credentials), "stored" (the host's login) or empty
    int authCode = 0;      ///< HTTP status of GET /v2/ with those credentials

    bool reachable() const { return !scheme.isEmpty() && code > 0; }
};

/// Parsers of what the remote tools print. All tolerate the output of CentOS 7 era tools
/// (Docker 18.09, docker-compose 1.24, iproute2 3.10, net-tools netstat) and of current ones.
/// Follows `docker pull` output (Docker 18.09 and later print the same layer lines) and sums up its
/// progress: "<layer>: Downloading [==>   ]  12.3MB/200MB" (with a terminal; the bar is left out on narrow
/// ones), "Pull complete", "Already exists"... Terminal escapes and carriage returns are handled.
class DockerPullProgress
{
public:
    /// Feeds one output line. Returns the lines worth logging: everything except byte counters and
    /// repeats of a layer's status (a terminal redraw prints every layer again).
    QStringList feed(const QString &line);
    int layers() const { return int(m_layers.size()); }
    int layersDone() const;
    qint64 bytesDone() const;
    qint64 bytesTotal() const; ///< of the layers whose size is known so far
    bool changed() { return std::exchange(m_changed, false); }

private:
    struct Layer
    {
        QString status;
        qint64 current = 0;
        qint64 total = 0;
        bool downloaded = false;
        bool done = false;
    };
    QList<QPair<QString, Layer>> m_layers; // in order of appearance
    bool m_changed = false;
    Layer &layer(const QString &id);
};

/// "12.3 MB" (decimal units, as Docker prints them).
QString humanBytes(qint64 bytes);

namespace Parsers {

/// `docker version --format '{{.Server.Version}}'`, e.g. "18.09.7" or "20.10.24+dfsg1".
std::optional<Version> dockerServerVersion(const QString &output);
/// One fact of RemoteCommands::hostFacts: what its command printed and its exit status.
struct FactOutput
{
    int exitStatus = -1;
    QString stdoutText;
    QString stderrText;
};
/// The sections of RemoteCommands::hostFacts' output, by fact name; lines outside sections (a login
/// banner, a profile's noise) are ignored, a section without its end line is left out.
QHash<QString, FactOutput> hostFacts(const QString &output);
/// `docker compose version --short` ("2.20.2" or "v2.20.2") or `docker-compose version --short` ("1.24.1").
std::optional<Version> composeVersion(const QString &output);
/// `df -Pk PATH`: the last data line (long device names may wrap in non -P mode; -P never wraps).
std::optional<DiskFree> dfPk(const QString &output);
/// Listening TCP ports from `ss -ltn`, `netstat -ltn` or the raw /proc/net/tcp{,6} tables.
QList<int> listeningTcpPorts(const QString &output);
/// `uname -m`.
QString machineArch(const QString &output);
/// `docker images --format '{{.Repository}}:{{.Tag}}'` → set of "repo:tag".
QStringList imageList(const QString &output);
/// Lines of the inspect template below, tab separated.
/// `docker ps --format` template for psStates (fields Docker 18.09 already has).
QString psFormat();
/// One line of psFormat: the service and whether `docker ps` shows it up (Status "Up …", not unhealthy,
/// not paused; a health check still starting counts as up, as in WaitStable's inspect).
struct PsState
{
    QString name;
    QString service;
    bool up = false;
};
QList<PsState> psStates(const QString &output);
QList<ContainerStatus> containerStatuses(const QString &output, qint64 nowEpochSeconds);
/// The `docker inspect --format` template whose output containerStatuses() reads.
QString inspectFormat();
/// True when toy-example output holds FATE's success line.
bool toySucceeded(const QString &output);
/// `flow test toy` (FATE 1.7+): the job reported `toy test job <id> is success` and the guest's log check
/// printed FATE's success line.
bool flowToySucceeded(const QString &output);
/// `flow test toy` of FATE 2.0's client: it prints only the job's status lines, so the one success line is
/// `toy test job <id> is success` (a line of its own; `is running`, `is failed` or `timeout...` are not).
bool flowToyJobSucceeded(const QString &output);
/// The key lines of RemoteCommands::registryProbe.
RegistryProbe registryProbe(const QString &output);

} // namespace Parsers

QString composeFlavorToString(ComposeFlavor flavor);
ComposeFlavor composeFlavorFromString(const QString &text);

} // namespace FateDeployer
