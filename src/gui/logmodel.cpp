// SPDX-License-Identifier: Apache-2.0
#include "gui/logmodel.h"

#include "util/backgroundrelease.h"

#include <QTimeZone>

#include <iterator>
#include <utility>
#include <vector>

namespace FateDeployer {

LogEntry logEntryFromLine(const LogLine &line, const QString &row, qint64 epochStartMs)
{
    LogEntry e{
        epochStartMs + line.msecsSinceStart, row, line.text, LogEntry::Severity::Info, LogEntry::Channel::Stdout};
    if (line.stream == OutputStream::Stderr) {
        e.severity = LogEntry::Severity::Warning;
        e.channel = LogEntry::Channel::Stderr;
    } else if (line.stream == OutputStream::Info) {
        e.severity = LogEntry::Severity::Debug;
        e.channel = LogEntry::Channel::Deployer;
    }
    return e;
}

LogModel::LogModel(QObject *parent)
    : QAbstractListModel(parent)
{
    qRegisterMetaType<LogEntry>();
    qRegisterMetaType<LogBatch>();
}

LogModel::~LogModel() = default;

void LogModel::setCapacity(int capacity)
{
    m_capacity = qMax(1000, capacity);
    const int excess = int(m_lines.size()) - m_capacity;
    if (excess > 0) {
        beginRemoveRows({}, 0, excess - 1);
        dropOldest(excess);
        m_firstSeq += excess;
        endRemoveRows();
    }
}

void LogModel::dropOldest(int count)
{
    // The text of a line was allocated by a job thread: it is freed on the release thread (see
    // releaseInBackground), the moved-from rows left here own nothing.
    const auto end = m_lines.begin() + count;
    releaseInBackground(std::vector<LogEntry>(std::make_move_iterator(m_lines.begin()), std::make_move_iterator(end)));
    m_lines.erase(m_lines.begin(), end);
}

int LogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_lines.size());
}

QString LogModel::format(const LogEntry &line)
{
    const QString time = QDateTime::fromMSecsSinceEpoch(line.timeMs).toString(QStringLiteral("HH:mm:ss.zzz"));
    const QString host
        = line.host.isEmpty() ? tr("deployer", "the deployer program itself as a log source") : line.host;
    return time + QLatin1String("  ") + host + QLatin1String("  ") + line.text;
}

QColor LogModel::hostColor(const QString &host) const
{
    if (host.isEmpty())
        return m_look.muted;
    const bool dark = m_look.darkBase;
    // Golden-angle hues keep neighbouring hosts apart; lightness picked per palette for contrast.
    const int hue = int((qHash(host) % 360u) * 137u % 360u);
    return QColor::fromHsl(hue, 170, dark ? 170 : 90);
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_lines.size()))
        return {};
    const LogEntry &l = m_lines[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return format(l);
    case TextRole:
        return l.text;
    case HostRole:
        return l.host;
    case SeverityRole:
        return int(l.severity);
    case ChannelRole:
        return int(l.channel);
    case TimeRole:
        return l.timeMs;
    case HostColorRole:
        return hostColor(l.host);
    case Qt::ForegroundRole:
        if (l.severity == LogEntry::Severity::Error)
            return ItemLook::value(m_look.error);
        if (l.severity == LogEntry::Severity::Warning)
            return ItemLook::value(m_look.warning);
        if (l.severity == LogEntry::Severity::Debug)
            return ItemLook::value(m_look.muted);
        return {};
    default:
        return {};
    }
}

QHash<int, QByteArray> LogModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(HostRole, "host");
    names.insert(SeverityRole, "severity");
    names.insert(ChannelRole, "channel");
    names.insert(TimeRole, "time");
    names.insert(TextRole, "text");
    names.insert(HostColorRole, "hostColor");
    return names;
}

void LogModel::append(const LogBatch &batch)
{
    if (batch.isEmpty())
        return;
    // Only the newest `capacity` lines of an oversized batch can survive.
    const qsizetype skip = qMax<qsizetype>(0, batch.size() - m_capacity);
    const int incoming = int(batch.size() - skip);
    const int excess = int(m_lines.size()) + incoming - m_capacity;
    if (excess > 0) {
        beginRemoveRows({}, 0, excess - 1);
        dropOldest(excess);
        m_firstSeq += excess;
        endRemoveRows();
    }
    m_firstSeq += skip;
    const int first = int(m_lines.size());
    beginInsertRows({}, first, first + incoming - 1);
    const QString *lastHost = nullptr; // a batch is mostly one host: look it up once, not per line
    for (qsizetype i = skip; i < batch.size(); ++i) {
        const LogEntry &l = batch.at(i);
        if (!l.host.isEmpty() && (!lastHost || *lastHost != l.host)) {
            lastHost = &l.host;
            if (!m_hosts.contains(l.host)) {
                m_hosts.append(l.host);
                emit hostAdded(l.host);
            }
        }
        m_longestText = qMax(m_longestText, int(l.text.size()));
        m_lines.push_back(l);
    }
    endInsertRows();
    emit batchAppended(batch);
}

void LogModel::clear()
{
    beginResetModel();
    releaseInBackground(std::exchange(m_lines, {}));
    m_firstSeq = 0;
    m_longestText = 0;
    m_hosts.clear();
    endResetModel();
}

LogFilterModel::LogFilterModel(QObject *parent)
    : QAbstractProxyModel(parent)
{}

LogFilterModel::~LogFilterModel() = default;

void LogFilterModel::setSourceModel(QAbstractItemModel *model)
{
    if (m_log)
        disconnect(m_log, nullptr, this, nullptr);
    beginResetModel();
    m_log = qobject_cast<LogModel *>(model);
    Q_ASSERT(m_log || !model);
    QAbstractProxyModel::setSourceModel(model);
    if (m_log) {
        connect(m_log, &QAbstractItemModel::rowsInserted, this, &LogFilterModel::onRowsInserted);
        connect(m_log, &QAbstractItemModel::rowsAboutToBeRemoved, this, &LogFilterModel::onRowsAboutToBeRemoved);
        connect(m_log, &QAbstractItemModel::modelReset, this, &LogFilterModel::rebuild);
        connect(m_log, &QAbstractItemModel::dataChanged, this, [this] { rebuild(); });
    }
    m_seqs.clear();
    if (m_log) {
        const qint64 first = m_log->firstSequence();
        for (int row = 0; row < m_log->rowCount(); ++row) {
            if (accepts(m_log->line(row)))
                m_seqs.push_back(first + row);
        }
    }
    endResetModel();
}

bool LogFilterModel::accepts(const LogEntry &l) const
{
    if (!m_host.isEmpty() && l.host != m_host)
        return false;
    return l.severity >= m_minSeverity;
}

void LogFilterModel::rebuild()
{
    setSourceModel(m_log);
}

void LogFilterModel::setHost(const QString &host)
{
    if (host == m_host)
        return;
    m_host = host;
    rebuild();
}

void LogFilterModel::setMinimumSeverity(LogEntry::Severity severity)
{
    if (severity == m_minSeverity)
        return;
    m_minSeverity = severity;
    rebuild();
}

void LogFilterModel::onRowsInserted(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    // LogModel only appends, so accepted rows go to the end in order.
    const qint64 base = m_log->firstSequence();
    QList<qint64> accepted;
    for (int row = first; row <= last; ++row) {
        if (accepts(m_log->line(row)))
            accepted.append(base + row);
    }
    if (accepted.isEmpty())
        return;
    const int at = int(m_seqs.size());
    beginInsertRows({}, at, at + int(accepted.size()) - 1);
    m_seqs.insert(m_seqs.end(), accepted.cbegin(), accepted.cend());
    endInsertRows();
}

void LogFilterModel::onRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    // LogModel only removes its oldest rows.
    Q_ASSERT(first == 0);
    Q_UNUSED(first)
    const qint64 limit = m_log->firstSequence() + last; // last removed sequence
    int count = 0;
    for (auto it = m_seqs.cbegin(); it != m_seqs.cend() && *it <= limit; ++it)
        ++count;
    if (count == 0)
        return;
    beginRemoveRows({}, 0, count - 1);
    m_seqs.erase(m_seqs.begin(), m_seqs.begin() + count);
    endRemoveRows();
}

QModelIndex LogFilterModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || column != 0 || row < 0 || row >= int(m_seqs.size()))
        return {};
    return createIndex(row, column);
}

QModelIndex LogFilterModel::parent(const QModelIndex &) const
{
    return {};
}

int LogFilterModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_seqs.size());
}

int LogFilterModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : 1;
}

QModelIndex LogFilterModel::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!m_log || !proxyIndex.isValid() || proxyIndex.row() >= int(m_seqs.size()))
        return {};
    const qint64 row = m_seqs[std::size_t(proxyIndex.row())] - m_log->firstSequence();
    return m_log->index(int(row), 0);
}

QModelIndex LogFilterModel::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!m_log || !sourceIndex.isValid())
        return {};
    const qint64 seq = m_log->firstSequence() + sourceIndex.row();
    const auto it = std::lower_bound(m_seqs.cbegin(), m_seqs.cend(), seq);
    if (it == m_seqs.cend() || *it != seq)
        return {};
    return index(int(it - m_seqs.cbegin()), 0);
}

} // namespace FateDeployer
