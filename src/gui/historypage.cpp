// SPDX-License-Identifier: Apache-2.0
#include "gui/historypage.h"

#include "gui/deploymonitor.h"
#include "gui/dialogs.h"
#include "gui/icons.h"

#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardItemModel>
#include <QTreeView>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace FateDeployer {

HistoryPage::HistoryPage(DeployMonitor *monitor, const QString &dir, QWidget *parent)
    : QWidget(parent)
    , m_monitor(monitor)
    , m_dir(dir)
    , m_model(new QStandardItemModel(this))
    , m_view(new QTreeView(this))
    , m_openLog(new QPushButton(this))
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
    buttons->addWidget(m_openLog);
    buttons->addStretch();
    layout->addLayout(buttons);
    connect(m_openLog, &QPushButton::clicked, this, &HistoryPage::openSelectedLog);
    connect(m_view, &QTreeView::activated, this, &HistoryPage::openSelectedLog);
    connect(m_monitor, &DeployMonitor::runningChanged, this, [this](bool running) {
        if (running) {
            m_runStartMs = QDateTime::currentMSecsSinceEpoch();
            m_runStartLine = m_monitor->log()->totalLines();
        }
    });
    connect(m_monitor, &DeployMonitor::runFinished, this, &HistoryPage::onRunFinished);
    load();
    retranslate();
}

HistoryPage::~HistoryPage() = default;

QString HistoryPage::logPath(const QString &id) const
{
    return QDir(m_dir).filePath(id + QStringLiteral(".log"));
}

void HistoryPage::load()
{
    QFile file(QDir(m_dir).filePath(QStringLiteral("runs.json")));
    if (!file.open(QIODevice::ReadOnly))
        return;
    const QJsonArray array = QJsonDocument::fromJson(file.readAll()).array();
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        RunRecord r;
        r.id = o.value(QLatin1String("id")).toString();
        r.started = QDateTime::fromString(o.value(QLatin1String("started")).toString(), Qt::ISODateWithMs);
        r.finished = QDateTime::fromString(o.value(QLatin1String("finished")).toString(), Qt::ISODateWithMs);
        r.title = o.value(QLatin1String("title")).toString();
        r.project = o.value(QLatin1String("project")).toString();
        r.ok = o.value(QLatin1String("ok")).toBool();
        r.summary = o.value(QLatin1String("summary")).toString();
        for (const QJsonValue &h : o.value(QLatin1String("failedHosts")).toArray())
            r.failedHosts.append(h.toString());
        if (!r.id.isEmpty())
            m_runs.append(r);
    }
}

void HistoryPage::saveIndex()
{
    QJsonArray array;
    for (const RunRecord &r : std::as_const(m_runs)) {
        array.append(QJsonObject{{QLatin1String("id"), r.id},
                                 {QLatin1String("started"), r.started.toString(Qt::ISODateWithMs)},
                                 {QLatin1String("finished"), r.finished.toString(Qt::ISODateWithMs)},
                                 {QLatin1String("title"), r.title},
                                 {QLatin1String("project"), r.project},
                                 {QLatin1String("ok"), r.ok},
                                 {QLatin1String("summary"), r.summary},
                                 {QLatin1String("failedHosts"), QJsonArray::fromStringList(r.failedHosts)}});
    }
    QDir().mkpath(m_dir);
    QSaveFile file(QDir(m_dir).filePath(QStringLiteral("runs.json")));
    if (file.open(QIODevice::WriteOnly)) {
        file.write(QJsonDocument(array).toJson());
        file.commit();
    }
}

void HistoryPage::onRunFinished(bool ok, const QString &title, const QString &summary)
{
    RunRecord r;
    r.started = QDateTime::fromMSecsSinceEpoch(m_runStartMs ? m_runStartMs : QDateTime::currentMSecsSinceEpoch());
    r.finished = QDateTime::currentDateTime();
    r.id = r.started.toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"));
    r.title = title;
    r.project = m_projectName;
    r.ok = ok;
    r.summary = summary;
    r.failedHosts = m_monitor->hosts()->failedHosts();
    // The lines of this run still in the buffer; older ones may have been dropped from view
    // on very long runs (the count says so in the file).
    const LogModel *log = m_monitor->log();
    const qint64 firstKept = log->totalLines() - log->rowCount();
    const int from = int(qMax<qint64>(0, m_runStartLine - firstKept));
    QStringList lines;
    lines.reserve(log->rowCount() - from);
    if (m_runStartLine < firstKept)
        lines.append(tr("[%n earlier line(s) of this run were dropped from the live view]",
                        nullptr,
                        int(firstKept - m_runStartLine)));
    for (int row = from; row < log->rowCount(); ++row)
        lines.append(LogModel::format(log->line(row)));
    const QString path = logPath(r.id);
    QDir().mkpath(m_dir);
    (void)QtConcurrent::run([lines, path] {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
            return;
        for (const QString &line : lines) {
            file.write(line.toUtf8());
            file.write("\n");
        }
        file.commit();
    });
    m_runs.prepend(r);
    saveIndex();
    rebuild();
    emit recorded(r);
}

void HistoryPage::rebuild()
{
    m_model->clear();
    m_model->setHorizontalHeaderLabels({tr("Started"), tr("Action"), tr("Project"), tr("Result"), tr("Duration")});
    for (const RunRecord &r : std::as_const(m_runs)) {
        QList<QStandardItem *> row;
        auto *started = new QStandardItem(QLocale().toString(r.started, QLocale::ShortFormat));
        started->setData(r.id, Qt::UserRole);
        row << started << new QStandardItem(r.title) << new QStandardItem(r.project);
        auto *result = new QStandardItem(Icons::icon(r.ok ? Icons::Glyph::Ok : Icons::Glyph::Error), r.summary);
        if (!r.failedHosts.isEmpty())
            result->setToolTip(tr("Failed hosts: %1").arg(r.failedHosts.join(QLatin1String(", "))));
        row << result << new QStandardItem(formatDuration(r.started.msecsTo(r.finished)));
        m_model->appendRow(row);
    }
    m_view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->header()->setStretchLastSection(true);
    m_empty->setVisible(m_runs.isEmpty());
    m_openLog->setEnabled(!m_runs.isEmpty());
}

void HistoryPage::openSelectedLog()
{
    const QModelIndex current = m_view->currentIndex();
    const QModelIndex index = current.isValid() ? current.siblingAtColumn(0) : m_model->index(0, 0);
    if (!index.isValid())
        return;
    const QString id = index.data(Qt::UserRole).toString();
    const QString path = logPath(id);
    QFile file(path);
    if (!file.exists()) {
        Dialogs::showError(this,
                           tr("Log not found"),
                           tr("The log of run %1 is not in %2 any more. It may have been deleted.").arg(id, m_dir));
        return;
    }
    // A run log is at most a few tens of MB; reading it is quick, painting it is QPlainTextEdit's job.
    auto *viewer = new QPlainTextEdit;
    viewer->setAttribute(Qt::WA_DeleteOnClose);
    viewer->setObjectName(QStringLiteral("runLogViewer"));
    viewer->setReadOnly(true);
    viewer->setUndoRedoEnabled(false);
    viewer->setLineWrapMode(QPlainTextEdit::NoWrap);
    viewer->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    viewer->setWindowTitle(tr("Run log %1").arg(id));
    if (file.open(QIODevice::ReadOnly | QIODevice::Text))
        viewer->setPlainText(QString::fromUtf8(file.readAll()));
    viewer->resize(900, 600);
    viewer->show();
}

void HistoryPage::retranslate()
{
    m_openLog->setText(tr("&Open log"));
    m_empty->setText(tr("No runs yet. Deployments, checks and verifications appear here with their log when they "
                        "finish."));
    rebuild();
}

void HistoryPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace FateDeployer
