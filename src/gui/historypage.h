// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>
#include <QWidget>

class QStandardItemModel;
class QTreeView;
class QPushButton;
class QLabel;

namespace FateDeployer {

class DeployMonitor;

/// One finished run as the History page lists it.
struct RunRecord
{
    QString id; ///< "20261129-201503-123", also the log file's base name
    QDateTime started;
    QDateTime finished;
    QString title;
    QString project;
    bool ok = false;
    QString summary;
    QStringList failedHosts;
};

/// Past runs: a JSON index plus one log file per run under @p dir (the app's data folder).
/// When a run finishes, the monitor's log lines of that run are written off the GUI thread.
class HistoryPage : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryPage)

public:
    HistoryPage(DeployMonitor *monitor, const QString &dir, QWidget *parent = nullptr);
    ~HistoryPage() override;

    QList<RunRecord> runs() const { return m_runs; }
    QString logPath(const QString &id) const;
    void setProjectName(const QString &name) { m_projectName = name; }
    QTreeView *view() const { return m_view; }

signals:
    void recorded(const FateDeployer::RunRecord &record);

protected:
    void changeEvent(QEvent *event) override;

private:
    void load();
    void saveIndex();
    void rebuild();
    void retranslate();
    void openSelectedLog();
    void onRunFinished(bool ok, const QString &title, const QString &summary);

    DeployMonitor *m_monitor;
    QString m_dir;
    QString m_projectName;
    QList<RunRecord> m_runs;
    qint64 m_runStartMs = 0;
    qint64 m_runStartLine = 0;
    QStandardItemModel *m_model;
    QTreeView *m_view;
    QPushButton *m_openLog;
    QLabel *m_empty;
};

} // namespace FateDeployer
