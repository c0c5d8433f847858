// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gui/itemlook.h"
#include "jobs/events.h"

#include <QAbstractListModel>
#include <QAbstractProxyModel>
#include <QColor>
#include <QDateTime>
#include <QList>
#include <QMetaType>

#include <deque>

namespace FateDeployer {

/// One line of deployment output, as the engine reports it.
struct LogEntry
{
    enum class Severity : quint8 { Debug, Info, Warning, Error };
    enum class Channel : quint8 { Stdout, Stderr, Deployer };

    qint64 timeMs = 0; ///< ms since the epoch (UTC)
    QString host;      ///< run host as written in the project; empty = the deployer itself
    QString text;      ///< one line, without the newline
    Severity severity = Severity::Info;
    Channel channel = Channel::Stdout;
};
using LogBatch = QList<LogEntry>;

/// An engine output line as a log row: @p row names the host on the deploy page, @p epochStartMs is
/// when the run started (LogLine times are relative to it). Stdout → Info, stderr → Warning, the
/// engine's own notes → Debug on the Deployer channel. EngineBackend and bench/logview both map
/// the Runner's batched events with it, so the benchmark measures the production path.
LogEntry logEntryFromLine(const LogLine &line, const QString &row, qint64 epochStartMs);

/// The merged live log: a bounded ring buffer exposed as a list model. Appends arrive in
/// batches (one beginInsertRows per batch); when the cap is reached the oldest rows are
/// removed in one beginRemoveRows, so memory stays flat however long the run.
class LogModel : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogModel)

public:
    enum Role { HostRole = Qt::UserRole + 1, SeverityRole, ChannelRole, TimeRole, TextRole, HostColorRole };
    static constexpr int DefaultCapacity = 100000;

    explicit LogModel(QObject *parent = nullptr);
    ~LogModel() override;

    int capacity() const { return m_capacity; }
    void setCapacity(int capacity);
    /// Lines received since clear(), including those that fell out of the buffer.
    qint64 totalLines() const { return m_firstSeq + qint64(m_lines.size()); }
    qint64 droppedLines() const { return m_firstSeq; }
    /// Length in characters of the longest text appended since the last clear() (views size their column by it).
    int longestText() const { return m_longestText; }
    /// Sequence number of row 0; row r has sequence firstSequence() + r.
    qint64 firstSequence() const { return m_firstSeq; }
    const LogEntry &line(int row) const { return m_lines[std::size_t(row)]; }
    QStringList hosts() const { return m_hosts; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// "12:03:04.125  192.168.7.1  text" – what copy and save write.
    static QString format(const LogEntry &line);
    /// A colour per host, distinct and readable on the look's background.
    QColor hostColor(const QString &host) const;
    /// Colours for severities and hosts (the owning widget passes Icons::itemLook()).
    void setLook(const ItemLook &look) { m_look = look; }

public slots:
    void append(const FateDeployer::LogBatch &batch);
    void clear();

signals:
    void hostAdded(const QString &host);
    /// After each appended batch; the raw console listens to this.
    void batchAppended(const FateDeployer::LogBatch &batch);

private:
    void dropOldest(int count);

    std::deque<LogEntry> m_lines;
    QStringList m_hosts;
    int m_capacity = DefaultCapacity;
    qint64 m_firstSeq = 0;
    int m_longestText = 0;
    ItemLook m_look;
};

/// Filters the merged log by host and minimum severity. A ring-aware proxy: it keeps the
/// sequence numbers of accepted lines, so appends and the removal of the oldest lines cost
/// only the lines concerned (QSortFilterProxyModel re-maps every row on each front removal,
/// which stalls the GUI for seconds at 200k rows).
class LogFilterModel : public QAbstractProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogFilterModel)

public:
    explicit LogFilterModel(QObject *parent = nullptr);
    ~LogFilterModel() override;

    void setSourceModel(QAbstractItemModel *model) override;
    QString host() const { return m_host; }
    void setHost(const QString &host); ///< empty = all hosts
    LogEntry::Severity minimumSeverity() const { return m_minSeverity; }
    void setMinimumSeverity(LogEntry::Severity severity);
    bool accepts(const LogEntry &line) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;

private:
    void rebuild();
    void onRowsInserted(const QModelIndex &parent, int first, int last);
    void onRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last);

    LogModel *m_log = nullptr;
    std::deque<qint64> m_seqs; ///< accepted lines, ascending
    QString m_host;
    LogEntry::Severity m_minSeverity = LogEntry::Severity::Debug;
};

} // namespace FateDeployer

Q_DECLARE_METATYPE(FateDeployer::LogEntry)
Q_DECLARE_METATYPE(FateDeployer::LogBatch)
