// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QAbstractListModel>
#include <QColor>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QMutex>
#include <QSortFilterProxyModel>

#include <deque>

namespace FateDeployer {

/// One line of deployment output, as the engine reports it.
struct LogLine
{
    enum class Severity : quint8 { Debug, Info, Warning, Error };
    enum class Channel : quint8 { Stdout, Stderr, Deployer };

    qint64 timeMs = 0; ///< ms since the epoch (UTC)
    QString host;      ///< run host as written in the project; empty = the deployer itself
    QString text;      ///< one line, without the newline
    Severity severity = Severity::Info;
    Channel channel = Channel::Stdout;
};
using LogBatch = QList<LogLine>;

/// Thread-safe inbox between producers (job threads) and the GUI: producers append whole
/// batches under a short lock; the GUI takes everything at its own pace (one swap). This is
/// what keeps eight chatty hosts from flooding the event loop with queued signals.
class LogInbox
{
public:
    void post(LogBatch batch);
    /// Everything posted since the last take; empty when nothing came.
    LogBatch take();
    /// True when a take() is due; lets the producer skip waking the GUI for every batch.
    bool isEmpty() const;

private:
    mutable QMutex m_mutex;
    LogBatch m_pending;
};

/// The merged live log: a bounded ring buffer exposed as a list model. Appends arrive in
/// batches (one beginInsertRows per batch); when the cap is reached the oldest rows are
/// removed in one beginRemoveRows, so memory stays flat however long the run.
class LogModel : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogModel)

public:
    enum Role { HostRole = Qt::UserRole + 1, SeverityRole, ChannelRole, TimeRole, TextRole, HostColorRole };
    static constexpr int DefaultCapacity = 200000;

    explicit LogModel(QObject *parent = nullptr);
    ~LogModel() override;

    int capacity() const { return m_capacity; }
    void setCapacity(int capacity);
    /// Lines received since clear(), including those that fell out of the buffer.
    qint64 totalLines() const { return m_total; }
    qint64 droppedLines() const { return m_total - qint64(m_lines.size()); }
    const LogLine &line(int row) const { return m_lines[std::size_t(row)]; }
    QStringList hosts() const { return m_hosts; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// "12:03:04.125  192.168.7.1  text" – what copy and save write.
    static QString format(const LogLine &line);
    /// A colour per host, distinct and readable on the current palette.
    static QColor hostColor(const QString &host);

public slots:
    void append(const FateDeployer::LogBatch &batch);
    void clear();

signals:
    void hostAdded(const QString &host);
    /// After each appended batch; the raw console listens to this.
    void batchAppended(const FateDeployer::LogBatch &batch);

private:
    std::deque<LogLine> m_lines;
    QStringList m_hosts;
    int m_capacity = DefaultCapacity;
    qint64 m_total = 0;
};

/// Filters the merged log by host and minimum severity.
class LogFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogFilterModel)

public:
    explicit LogFilterModel(QObject *parent = nullptr);
    ~LogFilterModel() override;

    QString host() const { return m_host; }
    void setHost(const QString &host); ///< empty = all hosts
    LogLine::Severity minimumSeverity() const { return m_minSeverity; }
    void setMinimumSeverity(LogLine::Severity severity);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_host;
    LogLine::Severity m_minSeverity = LogLine::Severity::Debug;
};

} // namespace FateDeployer

Q_DECLARE_METATYPE(FateDeployer::LogLine)
Q_DECLARE_METATYPE(FateDeployer::LogBatch)
