// SPDX-License-Identifier: Apache-2.0
#include "gui/historypage.h"

#include "gui/deploymonitor.h"
#include "gui/dialogs.h"
#include "gui/icons.h"
#include "jobs/plan.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTreeView>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace FateDeployer {

HistoryPage::HistoryPage(DeployMonitor *monitor, const QString &historyDir, QWidget *parent)
    : QWidget(parent)
    , m_dir(historyDir)
    , m_model(new QStandardItemModel(this))
    , m_view(new QTreeView(this))
    , m_openLog(new QPushButton(this))
    , m_refresh(new QPushButton(this))
    , m_empty(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    m_empty->setWordWrap(true);
    layout->addWidget(m_empty);
    m_view->setObjectName(QStringLiteral("historyView"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_view);
    auto *buttons = new QHBoxLayout;
    m_openLog->setObjectName(QStringLiteral("openLogButton"));
    m_refresh->setObjectName(QStringLiteral("refreshHistoryButton"));
    buttons->addWidget(m_openLog);
    buttons->addWidget(m_refresh);
    buttons->addStretch();
    layout->addLayout(buttons);
    connect(m_openLog, &QPushButton::clicked, this, &HistoryPage::openSelectedLog);
    connect(m_refresh, &QPushButton::clicked, this, &HistoryPage::refresh);
    connect(m_view, &QTreeView::activated, this, &HistoryPage::openSelectedLog);
    if (monitor)
        connect(monitor, &DeployMonitor::runStored, this, &HistoryPage::refresh);
    retranslate();
    refresh();
}

HistoryPage::~HistoryPage() = default;

void HistoryPage::refresh()
{
    // SQLite off the GUI thread; one store per read (a store is used from one thread only).
    const int generation = ++m_generation;
    QPointer<HistoryPage> self(this);
    QtConcurrent::run([dir = m_dir] {
        HistoryStore store(dir);
        if (!store.status())
            return Result<QList<HistoryEntry>>(Error{store.status().error()});
        return store.list(500);
    }).then(this, [self, generation](const Result<QList<HistoryEntry>> &runs) {
        if (!self || generation != self->m_generation)
            return;
        self->m_runs = runs ? runs.value() : QList<HistoryEntry>();
        self->m_error = runs ? QString() : runs.error();
        self->rebuild();
        emit self->refreshed();
    });
}

void HistoryPage::rebuild()
{
    m_model->clear();
    m_model->setHorizontalHeaderLabels(
        {tr("Started"), tr("Action"), tr("Project"), tr("Result"), tr("Duration"), tr("Hosts")});
    for (const HistoryEntry &r : std::as_const(m_runs)) {
        QList<QStandardItem *> row;
        auto *started = new QStandardItem(QLocale().toString(r.startedAt.toLocalTime(), QLocale::ShortFormat));
        started->setData(r.id, Qt::UserRole);
        const std::optional<Operation> op = operationFromName(r.operation);
        row << started << new QStandardItem(op ? operationTitle(*op) : r.operation) << new QStandardItem(r.projectName);
        const QString result = r.ok          ? tr("succeeded")
                               : r.cancelled ? tr("cancelled")
                                             : tr("failed on %1").arg(r.failedHosts.join(QLatin1String(", ")));
        auto *resultItem = new QStandardItem(Icons::icon(r.ok ? Icons::Glyph::Ok : Icons::Glyph::Error), result);
        if (!r.failedHosts.isEmpty())
            resultItem->setToolTip(tr("Failed hosts: %1").arg(r.failedHosts.join(QLatin1String(", "))));
        row << resultItem << new QStandardItem(formatDuration(r.durationMs))
            << new QStandardItem(r.hosts.join(QLatin1String(", ")));
        m_model->appendRow(row);
    }
    m_view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->header()->setStretchLastSection(true);
    m_empty->setVisible(m_runs.isEmpty());
    m_empty->setText(m_error.isEmpty() ? tr("No runs yet. Deployments, checks and verifications, from the window "
                                            "and from fate-deployer-cli, appear here with their log when they "
                                            "finish.")
                                       : tr("The history cannot be read: %1").arg(m_error));
    m_openLog->setEnabled(!m_runs.isEmpty());
}

void HistoryPage::openSelectedLog()
{
    const QModelIndex current = m_view->currentIndex();
    const QModelIndex index = current.isValid() ? current.siblingAtColumn(0) : m_model->index(0, 0);
    if (index.isValid())
        openLog(index.data(Qt::UserRole).toLongLong());
}

void HistoryPage::openLog(qint64 id)
{
    QPointer<HistoryPage> self(this);
    QtConcurrent::run([dir = m_dir, id] {
        HistoryStore store(dir);
        if (!store.status())
            return Result<QString>(Error{store.status().error()});
        return store.exportText(id, true);
    }).then(this, [self, id](const Result<QString> &text) {
        if (!self)
            return;
        if (!text) {
            Dialogs::showError(self,
                               tr("Log not found"),
                               tr("The log of run %1 cannot be read from the history: %2").arg(id).arg(text.error()));
            return;
        }
        // A run log is at most a few tens of MB; painting it is QPlainTextEdit's job.
        auto *viewer = new QPlainTextEdit;
        viewer->setAttribute(Qt::WA_DeleteOnClose);
        viewer->setObjectName(QStringLiteral("runLogViewer"));
        viewer->setReadOnly(true);
        viewer->setUndoRedoEnabled(false);
        viewer->setLineWrapMode(QPlainTextEdit::NoWrap);
        viewer->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        viewer->setWindowTitle(tr("Run log %1").arg(id));
        viewer->setPlainText(text.value());
        viewer->resize(900, 600);
        viewer->show();
        emit self->logOpened(id, text.value());
    });
}

void HistoryPage::retranslate()
{
    m_openLog->setText(tr("&Open log"));
    m_refresh->setText(tr("&Refresh"));
    rebuild();
}

void HistoryPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void HistoryPage::showEvent(QShowEvent *event)
{
    refresh(); // runs of the CLI since the last look
    QWidget::showEvent(event);
}

} // namespace FateDeployer
