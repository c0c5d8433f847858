// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QTimer>
#include <QWidget>

#include <memory>

namespace Ui {
class DeployPage;
}

class QTableView;

namespace FateDeployer {

class DeployMonitor;
class LogFilterModel;
class ProjectDocument;

/// Deploy page: host rows with step segments, the merged log (filter, search, copy, save,
/// follow-tail), the raw console of one host, container status and the verify panel. It only
/// shows what the DeployMonitor holds and forwards the user's requests as signals.
class DeployPage : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeployPage)

public:
    DeployPage(ProjectDocument *document, DeployMonitor *monitor, QWidget *parent = nullptr);
    ~DeployPage() override;

    LogFilterModel *logFilter() const { return m_filter; }
    QTableView *logView() const;
    bool isFollowing() const;
    /// Selects the next (or previous) log row containing @p text; false when none.
    bool find(const QString &text, bool backwards = false);
    void focusSearch();
    /// Plain text of the selected log rows (what Copy puts on the clipboard).
    QString selectedLogText() const;
    void showConsoleFor(const QString &host);
    QString consoleText() const;

signals:
    void cancelRequested();
    void retryFailedRequested(const QStringList &hosts);
    void refreshStatusRequested();
    void verifyRequested(int guestId, int hostId);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslate();
    void updateRunState();
    void updateStats();
    void fitLogColumn();
    void refillConsole();
    void flushConsole();
    void fillPartyCombos();
    void saveLog();

    std::unique_ptr<Ui::DeployPage> m_ui;
    ProjectDocument *m_document;
    DeployMonitor *m_monitor;
    LogFilterModel *m_filter;
    QTimer m_consoleTimer;
    QStringList m_consolePending;
    QTimer m_statsTimer;
    bool m_autoScrolling = false;
};

} // namespace FateDeployer
