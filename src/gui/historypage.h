// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "history/historystore.h"

#include <QWidget>

class QStandardItemModel;
class QTreeView;
class QPushButton;
class QLabel;

namespace FateDeployer {

class DeployMonitor;

/// Past runs: the engine's HistoryStore (SQLite), the same one the CLI writes, so runs from the
/// command line and from the window are listed alike. Reads happen off the GUI thread; the list is
/// refreshed when a run was stored, when the page is shown and on request. "Open log" shows the
/// stored report with every host's full log.
class HistoryPage : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryPage)

public:
    /// @p historyDir: empty = HistoryStore::defaultDir() (FD_HISTORY_DIR or the app's data folder).
    explicit HistoryPage(DeployMonitor *monitor, const QString &historyDir = {}, QWidget *parent = nullptr);
    ~HistoryPage() override;

    /// The runs as last read, newest first.
    QList<HistoryEntry> runs() const { return m_runs; }
    QTreeView *view() const { return m_view; }
    /// Reads the list again (asynchronously; refreshed() follows).
    void refresh();
    /// Opens the stored report and full log of run @p id in a viewer (read off the GUI thread).
    void openLog(qint64 id);

signals:
    void refreshed();
    /// The viewer of run @p id shows @p text (the report and every host's log).
    void logOpened(qint64 id, const QString &text);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void rebuild();
    void retranslate();
    void openSelectedLog();

    QString m_dir;
    QList<HistoryEntry> m_runs;
    QString m_error;
    int m_generation = 0; ///< answers of older reads are dropped
    QStandardItemModel *m_model;
    QTreeView *m_view;
    QPushButton *m_openLog;
    QPushButton *m_refresh;
    QLabel *m_empty;
};

} // namespace FateDeployer
