// SPDX-License-Identifier: Apache-2.0
#include "gui/logmodel.h"

#include "gui/icons.h"

#include <QGuiApplication>
#include <QMutexLocker>
#include <QPalette>
#include <QTimeZone>

namespace FateDeployer {

void LogInbox::post(LogBatch batch)
{
    QMutexLocker lock(&m_mutex);
    if (m_pending.isEmpty())
        m_pending = std::move(batch);
    else
        m_pending.append(std::move(batch));
}

LogBatch LogInbox::take()
{
    LogBatch out;
    QMutexLocker lock(&m_mutex);
    out.swap(m_pending);
    return out;
}

bool LogInbox::isEmpty() const
{
    QMutexLocker lock(&m_mutex);
    return m_pending.isEmpty();
}

LogModel::LogModel(QObject *parent)
    : QAbstractListModel(parent)
{
    qRegisterMetaType<LogLine>();
    qRegisterMetaType<LogBatch>();
}

LogModel::~LogModel() = default;

void LogModel::setCapacity(int capacity)
{
    m_capacity = qMax(1000, capacity);
    const int excess = int(m_lines.size()) - m_capacity;
    if (excess > 0) {
        beginRemoveRows({}, 0, excess - 1);
        m_lines.erase(m_lines.begin(), m_lines.begin() + excess);
        endRemoveRows();
    }
}

int LogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_lines.size());
}

QString LogModel::format(const LogLine &line)
{
    const QString time = QDateTime::fromMSecsSinceEpoch(line.timeMs).toString(QStringLiteral("HH:mm:ss.zzz"));
    const QString host
        = line.host.isEmpty() ? tr("deployer", "the deployer program itself as a log source") : line.host;
    return time + QLatin1String("  ") + host + QLatin1String("  ") + line.text;
}

QColor LogModel::hostColor(const QString &host)
{
    if (host.isEmpty())
        return QGuiApplication::palette().color(QPalette::PlaceholderText);
    const bool dark = QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
    // Golden-angle hues keep neighbouring hosts apart; lightness picked per palette for contrast.
    const int hue = int((qHash(host) % 360u) * 137u % 360u);
    return QColor::fromHsl(hue, 170, dark ? 170 : 90);
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_lines.size()))
        return {};
    const LogLine &l = m_lines[std::size_t(index.row())];
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
        if (l.severity == LogLine::Severity::Error)
            return Icons::statusColor(Icons::Glyph::Error);
        if (l.severity == LogLine::Severity::Warning)
            return Icons::statusColor(Icons::Glyph::Warning);
        if (l.severity == LogLine::Severity::Debug)
            return QGuiApplication::palette().color(QPalette::PlaceholderText);
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
    m_total += batch.size();
    // Only the newest `capacity` lines of an oversized batch can survive.
    const qsizetype skip = qMax<qsizetype>(0, batch.size() - m_capacity);
    const int incoming = int(batch.size() - skip);
    const int excess = int(m_lines.size()) + incoming - m_capacity;
    if (excess > 0) {
        beginRemoveRows({}, 0, excess - 1);
        m_lines.erase(m_lines.begin(), m_lines.begin() + excess);
        endRemoveRows();
    }
    const int first = int(m_lines.size());
    beginInsertRows({}, first, first + incoming - 1);
    for (qsizetype i = skip; i < batch.size(); ++i) {
        const LogLine &l = batch.at(i);
        if (!l.host.isEmpty() && !m_hosts.contains(l.host)) {
            m_hosts.append(l.host);
            emit hostAdded(l.host);
        }
        m_lines.push_back(l);
    }
    endInsertRows();
    emit batchAppended(batch);
}

void LogModel::clear()
{
    beginResetModel();
    m_lines.clear();
    m_lines.shrink_to_fit();
    m_total = 0;
    m_hosts.clear();
    endResetModel();
}

LogFilterModel::LogFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(false); // appends are filtered as they arrive; no re-sort of 200k rows
}

LogFilterModel::~LogFilterModel() = default;

void LogFilterModel::setHost(const QString &host)
{
    if (host == m_host)
        return;
    m_host = host;
    invalidateRowsFilter();
}

void LogFilterModel::setMinimumSeverity(LogLine::Severity severity)
{
    if (severity == m_minSeverity)
        return;
    m_minSeverity = severity;
    invalidateRowsFilter();
}

bool LogFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid())
        return false;
    const auto *model = static_cast<const LogModel *>(sourceModel());
    const LogLine &l = model->line(sourceRow);
    if (!m_host.isEmpty() && l.host != m_host)
        return false;
    return l.severity >= m_minSeverity;
}

} // namespace FateDeployer
