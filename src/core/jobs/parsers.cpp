// SPDX-License-Identifier: Apache-2.0
#include "jobs/parsers.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace FateDeployer {

namespace {

QStringList nonEmptyLines(const QString &output)
{
    QStringList lines;
    for (const QString &line : output.split(QLatin1Char('\n'))) {
        const QString t = line.trimmed();
        if (!t.isEmpty())
            lines.append(t);
    }
    return lines;
}

QStringList fields(const QString &line)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    return line.split(space, Qt::SkipEmptyParts);
}

/// "0.0.0.0:9370", "[::]:9370", "*:22", ":::22", "127.0.0.53%lo:53" → port.
std::optional<int> portOfAddress(const QString &address)
{
    const qsizetype colon = address.lastIndexOf(QLatin1Char(':'));
    if (colon < 0)
        return std::nullopt;
    bool ok = false;
    const int port = address.mid(colon + 1).toInt(&ok);
    if (!ok || port <= 0 || port > 65535)
        return std::nullopt;
    return port;
}

} // namespace

std::optional<Version> Version::parse(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("(\\d+(?:\\.\\d+)*)"));
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    Version v;
    for (const QString &part : m.captured(1).split(QLatin1Char('.')))
        v.parts.append(part.toInt());
    return v;
}

QString Version::toString() const
{
    QStringList out;
    for (int p : parts)
        out.append(QString::number(p));
    return out.join(QLatin1Char('.'));
}

int Version::compare(const Version &other) const
{
    const qsizetype n = std::max(parts.size(), other.parts.size());
    for (qsizetype i = 0; i < n; ++i) {
        const int a = i < parts.size() ? parts.at(i) : 0;
        const int b = i < other.parts.size() ? other.parts.at(i) : 0;
        if (a != b)
            return a < b ? -1 : 1;
    }
    return 0;
}

namespace Parsers {

QHash<QString, FactOutput> hostFacts(const QString &output)
{
    QHash<QString, FactOutput> facts;
    QString current; // the section being read; empty before the first one
    QString last;    // the section that ended last (its stderr follows the end line)
    bool inStderr = false;
    QString text = output;
    if (text.endsWith(QLatin1Char('\n')))
        text.chop(1);
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("@@fd-fact "))) {
            const QStringList parts = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
            current = parts.size() == 2 ? parts.at(1) : QString();
            if (!current.isEmpty())
                facts.insert(current, FactOutput{});
            inStderr = false;
        } else if (line.startsWith(QLatin1String("@@fd-fact-end "))) {
            const QStringList parts = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
            bool ok = false;
            const int status = parts.size() == 3 ? parts.at(2).toInt(&ok) : -1;
            if (ok && parts.at(1) == current)
                facts[current].exitStatus = status;
            else // a broken section is no answer: its step asks again on its own
                facts.remove(current);
            current.clear(); // its stderr follows: kept under the last section's name
            last = parts.size() == 3 ? parts.at(1) : QString();
        } else if (line == QLatin1String("@@fd-fact-stderr")) {
            inStderr = true;
            current = last;
        } else if (!current.isEmpty() && facts.contains(current)) {
            FactOutput &f = facts[current];
            (inStderr ? f.stderrText : f.stdoutText) += line + QLatin1Char('\n');
        }
    }
    facts.removeIf([](const auto &it) { return it.value().exitStatus < 0; }); // never ended: cut off
    return facts;
}

std::optional<Version> dockerServerVersion(const QString &output)
{
    // The only line we asked for; anything else (a warning first) is skipped.
    for (const QString &line : nonEmptyLines(output)) {
        static const QRegularExpression re(QStringLiteral("^v?\\d+\\.\\d+"));
        if (re.match(line).hasMatch())
            return Version::parse(line);
    }
    return std::nullopt;
}

std::optional<Version> composeVersion(const QString &output)
{
    for (const QString &line : nonEmptyLines(output)) {
        static const QRegularExpression re(QStringLiteral("^v?\\d+\\.\\d+"));
        if (re.match(line).hasMatch())
            return Version::parse(line);
    }
    return std::nullopt;
}

std::optional<DiskFree> dfPk(const QString &output)
{
    const QStringList lines = nonEmptyLines(output);
    for (qsizetype i = lines.size() - 1; i >= 0; --i) {
        const QStringList f = fields(lines.at(i));
        // Filesystem 1024-blocks Used Available Capacity Mounted-on
        if (f.size() < 6)
            continue;
        bool okTotal = false;
        bool okAvail = false;
        const qint64 total = f.at(1).toLongLong(&okTotal);
        const qint64 avail = f.at(3).toLongLong(&okAvail);
        if (!okTotal || !okAvail)
            continue;
        DiskFree d;
        d.totalKiB = total;
        d.availableKiB = avail;
        d.mountPoint = f.mid(5).join(QLatin1Char(' '));
        return d;
    }
    return std::nullopt;
}

QList<int> listeningTcpPorts(const QString &output)
{
    QSet<int> ports;
    for (const QString &line : nonEmptyLines(output)) {
        const QStringList f = fields(line);
        if (f.isEmpty())
            continue;
        const QString first = f.first();
        if (first == QLatin1String("LISTEN") && f.size() >= 4) {
            // ss -ltn: State Recv-Q Send-Q Local:Port Peer:Port
            if (const auto p = portOfAddress(f.at(3)))
                ports.insert(*p);
        } else if ((first == QLatin1String("tcp") || first == QLatin1String("tcp6")) && f.size() >= 6) {
            // netstat -ltn: Proto Recv-Q Send-Q Local Foreign State
            if (f.at(5) == QLatin1String("LISTEN"))
                if (const auto p = portOfAddress(f.at(3)))
                    ports.insert(*p);
        } else if (first.endsWith(QLatin1Char(':')) && f.size() >= 4) {
            // /proc/net/tcp: sl local_address rem_address st ...; st 0A = LISTEN, port in hex
            if (f.at(3).compare(QLatin1String("0A"), Qt::CaseInsensitive) != 0)
                continue;
            const qsizetype colon = f.at(1).lastIndexOf(QLatin1Char(':'));
            bool ok = false;
            const int port = f.at(1).mid(colon + 1).toInt(&ok, 16);
            if (colon > 0 && ok && port > 0)
                ports.insert(port);
        }
    }
    QList<int> sorted(ports.begin(), ports.end());
    std::sort(sorted.begin(), sorted.end());
    return sorted;
}

QString machineArch(const QString &output)
{
    const QStringList lines = nonEmptyLines(output);
    return lines.isEmpty() ? QString() : lines.last();
}

QStringList imageList(const QString &output)
{
    QStringList images;
    for (const QString &line : nonEmptyLines(output))
        if (!line.contains(QLatin1String("<none>")))
            images.append(line);
    images.removeDuplicates();
    images.sort();
    return images;
}

RegistryProbe registryProbe(const QString &output)
{
    RegistryProbe probe;
    for (const QString &line : nonEmptyLines(output)) {
        const QStringList f = line.simplified().split(QLatin1Char(' '));
        if (f.value(0) == QLatin1String("docker")) {
            probe.insecure = f.value(1) == QLatin1String("insecure");
        } else if (f.value(0) == QLatin1String("reach")) {
            probe.noCurl = f.value(1) == QLatin1String("nocurl");
            const bool known = f.value(1) == QLatin1String("https") || f.value(1) == QLatin1String("http");
            probe.scheme = known ? f.value(1) : QString();
            probe.code = f.value(2).toInt();
            probe.curlExit = f.value(3).toInt();
        } else if (f.value(0) == QLatin1String("stored")) {
            probe.stored = f.value(1) == QLatin1String("yes");
        } else if (f.value(0) == QLatin1String("auth")) {
            probe.authWith = f.value(1);
            probe.authCode = f.value(2).toInt();
        }
    }
    return probe;
}

QString inspectFormat()
{
    // Works whether the docker client renders the typed structure (Docker 18.09) or raw JSON maps (recent
    // clients, where a missing .State.Health is an error): the variable parts come as JSON.
    return QStringLiteral("{{.Id}}|{{.Name}}|{{index .Config.Labels \"com.docker.compose.service\"}}|"
                          "{{.RestartCount}}|{{.Config.Image}}|{{json .NetworkSettings.Ports}}|{{json .State}}");
}

QString psFormat()
{
    return QStringLiteral("{{.Names}}|{{.Label \"com.docker.compose.service\"}}|{{.Status}}");
}

QList<PsState> psStates(const QString &output)
{
    QList<PsState> list;
    for (const QString &line : nonEmptyLines(output)) {
        const QStringList f = line.split(QLatin1Char('|'));
        if (f.size() < 3)
            continue;
        const QString status = f.mid(2).join(QLatin1Char('|')).trimmed();
        PsState s;
        s.name = f.at(0).trimmed();
        s.service = f.at(1) == QLatin1String("<no value>") ? QString() : f.at(1).trimmed();
        s.up = status.startsWith(QLatin1String("Up ")) && !status.contains(QLatin1String("(unhealthy)"))
               && !status.contains(QLatin1String("(Paused)"));
        list.append(s);
    }
    return list;
}

QList<ContainerStatus> containerStatuses(const QString &output, qint64 nowEpochSeconds)
{
    QList<ContainerStatus> list;
    for (const QString &line : nonEmptyLines(output)) {
        const QStringList f = line.split(QLatin1Char('|'));
        if (f.size() < 7)
            continue;
        ContainerStatus c;
        c.id = f.at(0).left(12);
        c.name = f.at(1).startsWith(QLatin1Char('/')) ? f.at(1).mid(1) : f.at(1);
        c.service = f.at(2) == QLatin1String("<no value>") ? QString() : f.at(2);
        c.restartCount = f.at(3).toInt();
        c.image = f.at(4);
        const QJsonDocument ports = QJsonDocument::fromJson(f.at(5).toUtf8());
        QStringList portList;
        const QJsonObject portMap = ports.object();
        for (auto it = portMap.begin(); it != portMap.end(); ++it)
            for (const QJsonValue &binding : it.value().toArray()) {
                const QString text = QStringLiteral("%1:%2->%3")
                                         .arg(binding[QLatin1String("HostIp")].toString(),
                                              binding[QLatin1String("HostPort")].toString(),
                                              it.key());
                if (!portList.contains(text))
                    portList.append(text);
            }
        c.ports = portList.join(QStringLiteral(", "));
        // The state JSON may itself hold '|' (an error text): it is everything after the sixth separator.
        qsizetype at = 0;
        for (int i = 0; i < 6; ++i)
            at = line.indexOf(QLatin1Char('|'), at) + 1;
        const QJsonObject state = QJsonDocument::fromJson(line.mid(at).toUtf8()).object();
        c.state = state.value(QLatin1String("Status")).toString();
        c.health = state.value(QLatin1String("Health")).toObject().value(QLatin1String("Status")).toString();
        c.startedAt = state.value(QLatin1String("StartedAt")).toString();
        if (c.state == QLatin1String("running")) {
            QString stamp = c.startedAt;
            // 2026-11-29T19:50:01.123456789Z: Qt reads at most milliseconds.
            static const QRegularExpression frac(QStringLiteral("\\.\\d+"));
            stamp.remove(frac);
            const QDateTime started = QDateTime::fromString(stamp, Qt::ISODate);
            if (started.isValid())
                c.uptimeSeconds = std::max<qint64>(0, nowEpochSeconds - started.toSecsSinceEpoch());
        }
        list.append(c);
    }
    std::sort(
        list.begin(), list.end(), [](const ContainerStatus &a, const ContainerStatus &b) { return a.name < b.name; });
    return list;
}

bool toySucceeded(const QString &output)
{
    return output.contains(QLatin1String("success to calculate secure_sum"));
}

bool flowToyJobSucceeded(const QString &output)
{
    static const QRegularExpression status(QStringLiteral("^toy test job \\S+ is success\\s*$"),
                                           QRegularExpression::MultilineOption);
    return status.match(output).hasMatch();
}

bool flowToySucceeded(const QString &output)
{
    return toySucceeded(output) && flowToyJobSucceeded(output);
}

} // namespace Parsers

QString composeFlavorToString(ComposeFlavor flavor)
{
    switch (flavor) {
    case ComposeFlavor::V2Plugin:
        return QStringLiteral("docker compose");
    case ComposeFlavor::V1Standalone:
        return QStringLiteral("docker-compose");
    case ComposeFlavor::None:
        break;
    }
    return QString();
}

ComposeFlavor composeFlavorFromString(const QString &text)
{
    if (text == QLatin1String("docker compose"))
        return ComposeFlavor::V2Plugin;
    if (text == QLatin1String("docker-compose"))
        return ComposeFlavor::V1Standalone;
    return ComposeFlavor::None;
}

namespace {

qint64 dockerSize(const QString &number, const QString &unit)
{
    // Docker's HumanSize: decimal units (kB = 1000 B).
    static const QHash<QString, double> factor{{QStringLiteral("B"), 1.0},
                                               {QStringLiteral("kB"), 1e3},
                                               {QStringLiteral("KB"), 1e3},
                                               {QStringLiteral("MB"), 1e6},
                                               {QStringLiteral("GB"), 1e9},
                                               {QStringLiteral("TB"), 1e12}};
    return qint64(number.toDouble() * factor.value(unit, 1.0));
}

} // namespace

DockerPullProgress::Layer &DockerPullProgress::layer(const QString &id)
{
    for (auto &entry : m_layers)
        if (entry.first == id)
            return entry.second;
    m_layers.append({id, Layer{}});
    m_changed = true;
    return m_layers.last().second;
}

QStringList DockerPullProgress::feed(const QString &raw)
{
    // CSI sequences (cursor up, erase line) and other two-byte escapes of a terminal redraw.
    static const QRegularExpression escapes(QStringLiteral("\x1b(\\[[0-9;?]*[A-Za-z]|[()][0-9A-Za-z]|[=>])"));
    static const QRegularExpression layerLine(QStringLiteral("^([0-9a-f]{12}): (.*)$"));
    static const QRegularExpression bytes(
        QStringLiteral("([0-9]+(?:\\.[0-9]+)?)\\s*([kKMGT]?B)/([0-9]+(?:\\.[0-9]+)?)\\s*([kKMGT]?B)"));
    QStringList keep;
    QString text = raw;
    text.remove(escapes);
    for (QString part : text.split(QLatin1Char('\r'), Qt::SkipEmptyParts)) {
        part = part.trimmed();
        if (part.isEmpty())
            continue;
        const auto m = layerLine.match(part);
        if (!m.hasMatch()) {
            keep.append(part);
            continue;
        }
        Layer &l = layer(m.captured(1));
        const QString rest = m.captured(2);
        const QString status = rest.section(QLatin1Char(' '), 0, 0) == QLatin1String("Pulling")
                                   ? rest
                                   : rest.section(QRegularExpression(QStringLiteral("\\s+\\[|\\s+[0-9]")), 0, 0);
        const auto b = bytes.match(rest);
        if (b.hasMatch() && status == QLatin1String("Downloading")) {
            const qint64 current = dockerSize(b.captured(1), b.captured(2));
            const qint64 total = dockerSize(b.captured(3), b.captured(4));
            m_changed = m_changed || current != l.current || total != l.total;
            l.current = current;
            l.total = total;
        } else if (b.hasMatch() && status == QLatin1String("Extracting")) {
            m_changed = m_changed || !l.downloaded || l.total == 0;
            l.downloaded = true;
            if (l.total == 0)
                l.total = dockerSize(b.captured(3), b.captured(4));
        }
        if (status == QLatin1String("Download complete") || status == QLatin1String("Verifying Checksum"))
            l.downloaded = true;
        if (status == QLatin1String("Pull complete") || status == QLatin1String("Already exists")) {
            l.downloaded = true;
            l.done = true;
        }
        if (status != l.status) {
            l.status = status;
            m_changed = true;
            keep.append(QStringLiteral("%1: %2").arg(m.captured(1), status));
        }
    }
    return keep;
}

int DockerPullProgress::layersDone() const
{
    int n = 0;
    for (const auto &entry : m_layers)
        n += entry.second.done ? 1 : 0;
    return n;
}

qint64 DockerPullProgress::bytesDone() const
{
    qint64 n = 0;
    for (const auto &entry : m_layers)
        n += entry.second.downloaded ? entry.second.total : entry.second.current;
    return n;
}

qint64 DockerPullProgress::bytesTotal() const
{
    qint64 n = 0;
    for (const auto &entry : m_layers)
        n += entry.second.total;
    return n;
}

QString humanBytes(qint64 bytes)
{
    if (bytes < 1000)
        return QStringLiteral("%1 B").arg(bytes);
    const char *units[] = {"kB", "MB", "GB", "TB"};
    double v = double(bytes);
    int u = -1;
    while (v >= 1000 && u < 3) {
        v /= 1000;
        ++u;
    }
    return QStringLiteral("%1 %2").arg(v, 0, 'f', v < 10 ? 2 : 1).arg(QLatin1String(units[u]));
}

} // namespace FateDeployer
