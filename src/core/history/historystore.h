// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jobs/events.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

namespace FateDeployer {

/// One stored run, as listed.
struct HistoryEntry
{
    qint64 id = 0;
    QDateTime startedAt;
    qint64 durationMs = 0;
    QString operation; ///< "deploy", ...
    QString projectName;
    QString projectHash;
    bool ok = false;
    bool cancelled = false;
    QStringList hosts;       ///< host keys
    QStringList failedHosts; ///< host keys that did not succeed
};

/// Every run, stored in an SQLite database (Qt SQL) under the user's data dir:
/// when, project hash, what was run, per-host step results and full logs. Use from one thread.
class HistoryStore
{
    Q_DECLARE_TR_FUNCTIONS(FateDeployer::HistoryStore)

public:
    /// Opens (creating if needed) `<dir>/history.sqlite`; dir empty = defaultDir().
    explicit HistoryStore(const QString &dir = {});
    ~HistoryStore();
    HistoryStore(const HistoryStore &) = delete;
    HistoryStore &operator=(const HistoryStore &) = delete;

    /// QStandardPaths::AppDataLocation, or the FD_HISTORY_DIR environment variable when set (tests, CI).
    static QString defaultDir();

    Status status() const { return m_status; }
    QString path() const { return m_path; }

    /// Stores a finished run; returns its id.
    Result<qint64> add(const RunReport &report);
    /// Newest first; project empty = all projects.
    Result<QList<HistoryEntry>> list(int limit = 50, const QString &projectName = {}) const;
    /// The stored report: JSON (with steps and containers) or text, followed by the full logs when asked.
    Result<QByteArray> exportJson(qint64 id) const;
    Result<QString> exportText(qint64 id, bool withLogs = true) const;
    Result<QString> log(qint64 id, const QString &hostKey) const;

private:
    QString m_connection;
    QString m_path;
    Status m_status;
};

} // namespace FateDeployer
