// SPDX-License-Identifier: Apache-2.0
#include "history/historystore.h"
#include "util/tr.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVariant>

namespace FateDeployer {

namespace {

QAtomicInteger<int> connectionCounter;

Error sqlError(const QString &what, const QSqlError &e)
{
    return Error{tr("history database: %1: %2").arg(what, e.text())};
}

} // namespace

QString HistoryStore::defaultDir()
{
    const QByteArray env = qgetenv("FD_HISTORY_DIR");
    if (!env.isEmpty())
        return QString::fromLocal8Bit(env);
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

HistoryStore::HistoryStore(const QString &dir)
{
    const QString base = dir.isEmpty() ? defaultDir() : dir;
    if (!QDir().mkpath(base)) {
        m_status = Error{tr("cannot create the history folder %1; check its permissions").arg(base)};
        return;
    }
    m_path = QDir(base).filePath(QStringLiteral("history.sqlite"));
    m_connection = QStringLiteral("fd-history-%1").arg(connectionCounter.fetchAndAddRelaxed(1));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(m_path);
    if (!db.open()) {
        m_status = sqlError(m_path, db.lastError());
        return;
    }
    QSqlQuery q(db);
    const char *schema[] = {
        "PRAGMA journal_mode=WAL",
        "CREATE TABLE IF NOT EXISTS runs (id INTEGER PRIMARY KEY AUTOINCREMENT, started_at TEXT NOT NULL, "
        "duration_ms INTEGER, operation TEXT NOT NULL, project_name TEXT, project_hash TEXT, ok INTEGER, "
        "cancelled INTEGER, report_json TEXT, report_text TEXT)",
        "CREATE TABLE IF NOT EXISTS hosts (run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, "
        "host_key TEXT NOT NULL, address TEXT, result TEXT, log TEXT, PRIMARY KEY (run_id, host_key))",
        "CREATE INDEX IF NOT EXISTS runs_project ON runs(project_name, id)",
    };
    for (const char *statement : schema)
        if (!q.exec(QString::fromLatin1(statement))) {
            m_status = sqlError(tr("schema"), q.lastError());
            return;
        }
}

HistoryStore::~HistoryStore()
{
    if (!m_connection.isEmpty()) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connection, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connection);
    }
}

Result<qint64> HistoryStore::add(const RunReport &report)
{
    if (!m_status)
        return Error{m_status.error()};
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    db.transaction();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO runs (started_at, duration_ms, operation, project_name, project_hash, ok, "
                             "cancelled, report_json, report_text) VALUES (?,?,?,?,?,?,?,?,?)"));
    q.addBindValue(report.startedAt.toUTC().toString(Qt::ISODateWithMs));
    q.addBindValue(report.durationMs);
    q.addBindValue(operationName(report.operation));
    q.addBindValue(report.projectName);
    q.addBindValue(report.projectHash);
    q.addBindValue(report.succeeded() ? 1 : 0);
    q.addBindValue(report.cancelled ? 1 : 0);
    q.addBindValue(QString::fromUtf8(report.toJson()));
    q.addBindValue(report.toText());
    if (!q.exec()) {
        db.rollback();
        return sqlError(tr("store run"), q.lastError());
    }
    const qint64 id = q.lastInsertId().toLongLong();
    for (const HostOutcome &h : report.hosts) {
        QSqlQuery hq(db);
        hq.prepare(QStringLiteral("INSERT INTO hosts (run_id, host_key, address, result, log) VALUES (?,?,?,?,?)"));
        hq.addBindValue(id);
        hq.addBindValue(h.target.key);
        hq.addBindValue(h.target.address);
        hq.addBindValue(stepResultName(h.result));
        // The full log: from the runner's spool file when there is one (memory holds only its tail).
        QString log = report.logs.value(h.target.key);
        if (const QString spooled = report.logFiles.value(h.target.key); !spooled.isEmpty()) {
            QFile file(spooled);
            if (file.open(QIODevice::ReadOnly))
                log = QString::fromUtf8(file.readAll());
        }
        hq.addBindValue(log);
        if (!hq.exec()) {
            db.rollback();
            return sqlError(tr("store host %1").arg(h.target.key), hq.lastError());
        }
    }
    if (!db.commit())
        return sqlError(tr("commit"), db.lastError());
    return id;
}

Result<QList<HistoryEntry>> HistoryStore::list(int limit, const QString &projectName) const
{
    if (!m_status)
        return Error{m_status.error()};
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery q(db);
    const QString select = QStringLiteral("SELECT id, started_at, duration_ms, operation, project_name, project_hash, "
                                          "ok, cancelled FROM runs ");
    if (projectName.isEmpty()) {
        q.prepare(select + QStringLiteral("ORDER BY id DESC LIMIT ?"));
    } else {
        q.prepare(select + QStringLiteral("WHERE project_name = ? ORDER BY id DESC LIMIT ?"));
        q.addBindValue(projectName);
    }
    q.addBindValue(limit);
    if (!q.exec())
        return sqlError(tr("list runs"), q.lastError());
    QList<HistoryEntry> entries;
    while (q.next()) {
        HistoryEntry e;
        e.id = q.value(0).toLongLong();
        e.startedAt = QDateTime::fromString(q.value(1).toString(), Qt::ISODateWithMs);
        e.durationMs = q.value(2).toLongLong();
        e.operation = q.value(3).toString();
        e.projectName = q.value(4).toString();
        e.projectHash = q.value(5).toString();
        e.ok = q.value(6).toInt() != 0;
        e.cancelled = q.value(7).toInt() != 0;
        entries.append(e);
    }
    for (HistoryEntry &e : entries) {
        QSqlQuery hq(db);
        hq.prepare(QStringLiteral("SELECT host_key, result FROM hosts WHERE run_id = ? ORDER BY rowid"));
        hq.addBindValue(e.id);
        if (!hq.exec())
            return sqlError(tr("list hosts"), hq.lastError());
        while (hq.next()) {
            e.hosts.append(hq.value(0).toString());
            const QString r = hq.value(1).toString();
            if (r != QLatin1String("ok") && r != QLatin1String("warning"))
                e.failedHosts.append(hq.value(0).toString());
        }
    }
    return entries;
}

Result<QByteArray> HistoryStore::exportJson(qint64 id) const
{
    if (!m_status)
        return Error{m_status.error()};
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT report_json FROM runs WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return sqlError(tr("read run"), q.lastError());
    if (!q.next())
        return Error{tr("no run %1 in the history; list the runs with \"history\"").arg(id)};
    QJsonObject o = QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
    o.insert(QStringLiteral("id"), id);
    QJsonObject logs;
    QSqlQuery hq(QSqlDatabase::database(m_connection));
    hq.prepare(QStringLiteral("SELECT host_key, log FROM hosts WHERE run_id = ? ORDER BY rowid"));
    hq.addBindValue(id);
    if (hq.exec())
        while (hq.next())
            logs.insert(hq.value(0).toString(), hq.value(1).toString());
    o.insert(QStringLiteral("logs"), logs);
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

Result<QString> HistoryStore::exportText(qint64 id, bool withLogs) const
{
    if (!m_status)
        return Error{m_status.error()};
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT report_text FROM runs WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return sqlError(tr("read run"), q.lastError());
    if (!q.next())
        return Error{tr("no run %1 in the history; list the runs with \"history\"").arg(id)};
    QString text = tr("Run %1").arg(id) + QLatin1Char('\n') + q.value(0).toString();
    if (withLogs) {
        QSqlQuery hq(QSqlDatabase::database(m_connection));
        hq.prepare(QStringLiteral("SELECT host_key, log FROM hosts WHERE run_id = ? ORDER BY rowid"));
        hq.addBindValue(id);
        if (hq.exec())
            while (hq.next())
                text += QStringLiteral("\n---- %1 ----\n").arg(hq.value(0).toString()) + hq.value(1).toString();
    }
    return text;
}

Result<QString> HistoryStore::log(qint64 id, const QString &hostKey) const
{
    if (!m_status)
        return Error{m_status.error()};
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT log FROM hosts WHERE run_id = ? AND host_key = ?"));
    q.addBindValue(id);
    q.addBindValue(hostKey);
    if (!q.exec())
        return sqlError(tr("read log"), q.lastError());
    if (!q.next())
        return Error{tr("no log of %1 in run %2").arg(hostKey).arg(id)};
    return q.value(0).toString();
}

} // namespace FateDeployer
