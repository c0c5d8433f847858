// SPDX-License-Identifier: Apache-2.0
#include "gui/deploypage.h"

#include "ui_deploypage.h"

#include "gui/deploymonitor.h"
#include "gui/dialogs.h"
#include "gui/icons.h"
#include "gui/logmodel.h"
#include "gui/projectdocument.h"

#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHeaderView>
#include <QPainter>
#include <QPointer>
#include <QSaveFile>
#include <QScrollBar>
#include <QShortcut>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTextStream>
#include <QtConcurrent>

namespace FateDeployer {

namespace {

/// Only the item's panel (background, selection, focus): the delegates draw their own text.
void paintBackground(QPainter *p, const QStyleOptionViewItem &opt)
{
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, p, widget);
}

/// Paints a host's steps as a row of segments: done green, failed red, running blue with its
/// progress, pending hollow, skipped grey.
class StepsDelegate : public QStyledItemDelegate
{
public:
    StepsDelegate(HostRunModel *model, QObject *parent)
        : QStyledItemDelegate(parent)
        , m_model(model)
    {}

    void paint(QPainter *p, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        if (index.column() != HostRunModel::StepsColumn) {
            QStyledItemDelegate::paint(p, option, index);
            return;
        }
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        opt.text.clear();
        paintBackground(p, opt);
        const HostRun &run = m_model->runs().at(index.row());
        const int n = int(run.steps.size());
        if (n == 0)
            return;
        p->save();
        p->setRenderHint(QPainter::Antialiasing);
        const QRectF area
            = QRectF(option.rect).adjusted(4, option.rect.height() * 0.3, -4, -option.rect.height() * 0.3);
        const qreal gap = 3;
        const qreal w = (area.width() - gap * (n - 1)) / n;
        const QPalette &pal = option.palette;
        for (int i = 0; i < n; ++i) {
            const StepState &s = run.steps.at(i);
            const QRectF seg(area.x() + i * (w + gap), area.y(), w, area.height());
            QColor fill;
            switch (s.state) {
            case StepState::State::Done:
                fill = Icons::statusColor(Icons::Glyph::Ok);
                break;
            case StepState::State::Failed:
                fill = Icons::statusColor(Icons::Glyph::Error);
                break;
            case StepState::State::Running:
                fill = Icons::statusColor(Icons::Glyph::Running);
                break;
            case StepState::State::Skipped:
                fill = pal.color(QPalette::Mid);
                break;
            case StepState::State::Pending:
                break;
            }
            p->setPen(QPen(pal.color(QPalette::Mid), 1));
            p->setBrush(Qt::NoBrush);
            p->drawRoundedRect(seg, 2, 2);
            if (!fill.isValid())
                continue;
            QRectF filled = seg;
            if (s.state == StepState::State::Running) {
                // Determinate progress fills the segment; indeterminate shows a lighter full bar.
                if (s.total > 0)
                    filled.setWidth(seg.width() * qBound(0.0, double(s.done) / double(s.total), 1.0));
                else
                    fill.setAlpha(120);
            }
            p->setPen(Qt::NoPen);
            p->setBrush(fill);
            p->drawRoundedRect(filled, 2, 2);
        }
        p->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize s = QStyledItemDelegate::sizeHint(option, index);
        if (index.column() == HostRunModel::StepsColumn)
            s.setWidth(qMax(s.width(), 260));
        return s;
    }

private:
    HostRunModel *m_model;
};

/// Log rows: time dimmed, host in its colour, text in the severity colour. Uniform height.
class LogDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *p, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        opt.text.clear();
        paintBackground(p, opt);
        const bool selected = option.state & QStyle::State_Selected;
        const QPalette &pal = option.palette;
        const QColor normal = pal.color(selected ? QPalette::HighlightedText : QPalette::Text);
        const QFontMetrics fm(option.font);
        QRect r = option.rect.adjusted(4, 0, -4, 0);
        p->save();
        p->setFont(option.font);
        const qint64 ms = index.data(LogModel::TimeRole).toLongLong();
        const QString time = QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("HH:mm:ss.zzz"));
        p->setPen(selected ? normal : pal.color(QPalette::PlaceholderText));
        p->drawText(r, Qt::AlignVCenter | Qt::AlignLeft, time);
        r.setLeft(r.left() + fm.horizontalAdvance(QStringLiteral("00:00:00.000  ")));
        const QString host = index.data(LogModel::HostRole).toString();
        const int hostWidth = fm.horizontalAdvance(QStringLiteral("255.255.255.255  "));
        p->setPen(selected ? normal : index.data(LogModel::HostColorRole).value<QColor>());
        p->drawText(QRect(r.left(), r.top(), hostWidth, r.height()),
                    Qt::AlignVCenter | Qt::AlignLeft,
                    fm.elidedText(
                        host.isEmpty() ? LogModel::tr("deployer", "the deployer program itself as a log source") : host,
                        Qt::ElideMiddle,
                        hostWidth - 8));
        r.setLeft(r.left() + hostWidth);
        const QVariant fg = index.data(Qt::ForegroundRole);
        p->setPen(selected || !fg.isValid() ? normal : fg.value<QColor>());
        p->drawText(r, Qt::AlignVCenter | Qt::AlignLeft, index.data(LogModel::TextRole).toString());
        p->restore();
    }
};

} // namespace

DeployPage::DeployPage(ProjectDocument *document, DeployMonitor *monitor, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::DeployPage>())
    , m_document(document)
    , m_monitor(monitor)
    , m_filter(new LogFilterModel(this))
{
    m_ui->setupUi(this);
    m_ui->splitter->setStretchFactor(0, 1);
    m_ui->splitter->setStretchFactor(1, 3);

    // Host rows.
    QTableView *hosts = m_ui->hostTable;
    hosts->setModel(m_monitor->hosts());
    hosts->setItemDelegate(new StepsDelegate(m_monitor->hosts(), hosts));
    hosts->verticalHeader()->setVisible(false);
    hosts->horizontalHeader()->setSectionResizeMode(HostRunModel::HostColumn, QHeaderView::ResizeToContents);
    hosts->horizontalHeader()->setSectionResizeMode(HostRunModel::StepsColumn, QHeaderView::Interactive);
    hosts->horizontalHeader()->setSectionResizeMode(HostRunModel::StatusColumn, QHeaderView::Stretch);
    hosts->horizontalHeader()->setSectionResizeMode(HostRunModel::ElapsedColumn, QHeaderView::ResizeToContents);
    hosts->setColumnWidth(HostRunModel::StepsColumn, 280);
    connect(hosts->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        if (current.isValid())
            showConsoleFor(m_monitor->hosts()->runs().at(current.row()).host);
    });

    // Merged log.
    m_filter->setSourceModel(m_monitor->log());
    // A table of one column with fixed row heights, not a QListView: a list view lays out every row
    // again whenever rows are added (a third of the GUI thread's time at 100 000 rows in bench/logview);
    // a table's rows are sections of a fixed-size header.
    QTableView *view = m_ui->logView;
    view->setModel(m_filter);
    view->setItemDelegate(new LogDelegate(view));
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    view->setFont(mono);
    view->horizontalHeader()->hide();
    view->verticalHeader()->hide();
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setMinimumSectionSize(1);
    view->verticalHeader()->setDefaultSectionSize(QFontMetrics(mono).height() + 4);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->viewport()->installEventFilter(this);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &DeployPage::fitLogColumn);
    m_ui->console->setFont(mono);
    m_ui->console->setMaximumBlockCount(20000);

    connect(m_monitor->log(), &LogModel::hostAdded, this, [this](const QString &host) {
        m_ui->hostFilter->addItem(host, host);
        m_ui->consoleHost->addItem(host, host);
    });
    connect(m_ui->hostFilter, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setHost(m_ui->hostFilter->currentData().toString());
        if (isFollowing())
            m_ui->logView->scrollToBottom();
    });
    connect(m_ui->severityFilter, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setMinimumSeverity(LogEntry::Severity(m_ui->severityFilter->currentData().toInt()));
        if (isFollowing())
            m_ui->logView->scrollToBottom();
    });

    // Follow-tail: stays at the bottom while following; the user scrolling up turns it off,
    // scrolling back to the bottom (or ticking the box) turns it on again.
    QScrollBar *bar = view->verticalScrollBar();
    // While output floods in, the view and its scroll bar repaint at every tick. Opaque, they spare the
    // widgets behind them (tab, splitter, page, window) a repaint each time: large fills that Qt 6.4
    // splits over its thread pool and waits for (bench/logview).
    m_ui->logTab->setAutoFillBackground(true);
    bar->setAttribute(Qt::WA_OpaquePaintEvent);
    connect(bar, &QScrollBar::rangeChanged, this, [this, bar](int, int max) {
        if (m_ui->followCheck->isChecked()) {
            m_autoScrolling = true;
            bar->setValue(max);
            m_autoScrolling = false;
        }
    });
    connect(bar, &QScrollBar::valueChanged, this, [this, bar](int value) {
        if (m_autoScrolling)
            return;
        const bool atBottom = value >= bar->maximum();
        if (atBottom != m_ui->followCheck->isChecked()) {
            const QSignalBlocker blocker(m_ui->followCheck);
            m_ui->followCheck->setChecked(atBottom);
        }
    });
    connect(m_ui->followCheck, &QCheckBox::toggled, this, [this](bool on) {
        if (on)
            m_ui->logView->scrollToBottom();
    });

    // Search.
    auto *findShortcut = new QShortcut(QKeySequence::Find, this, this, &DeployPage::focusSearch);
    findShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(m_ui->searchEdit, &QLineEdit::returnPressed, this, [this] {
        const bool back = QGuiApplication::keyboardModifiers() & Qt::ShiftModifier;
        find(m_ui->searchEdit->text(), back);
    });
    connect(m_ui->findNextButton, &QToolButton::clicked, this, [this] { find(m_ui->searchEdit->text(), false); });
    connect(m_ui->findPrevButton, &QToolButton::clicked, this, [this] { find(m_ui->searchEdit->text(), true); });
    auto *nextShortcut = new QShortcut(QKeySequence::FindNext, this, this, [this] { find(m_ui->searchEdit->text()); });
    nextShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    auto *prevShortcut
        = new QShortcut(QKeySequence::FindPrevious, this, this, [this] { find(m_ui->searchEdit->text(), true); });
    prevShortcut->setContext(Qt::WidgetWithChildrenShortcut);

    // Copy and save.
    m_ui->copyButton->setShortcut(QKeySequence::Copy);
    connect(m_ui->copyButton, &QToolButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(selectedLogText());
    });
    connect(m_ui->saveButton, &QToolButton::clicked, this, &DeployPage::saveLog);

    // Raw console: coalesce appends of the shown host every 50 ms.
    m_consoleTimer.setInterval(50);
    m_consoleTimer.setSingleShot(true);
    connect(&m_consoleTimer, &QTimer::timeout, this, &DeployPage::flushConsole);
    connect(m_monitor->log(), &LogModel::batchAppended, this, [this](const LogBatch &batch) {
        const QString host = m_ui->consoleHost->currentData().toString();
        if (host.isEmpty())
            return;
        for (const LogEntry &l : batch) {
            if (l.host == host && l.channel != LogEntry::Channel::Deployer)
                m_consolePending.append(l.text);
        }
        // A flood must not grow the queue without bound: only the console's capacity can be shown.
        if (m_consolePending.size() > 20000)
            m_consolePending.erase(m_consolePending.begin(), m_consolePending.end() - 20000);
        if (!m_consolePending.isEmpty() && !m_consoleTimer.isActive())
            m_consoleTimer.start();
    });
    connect(m_monitor->log(), &QAbstractItemModel::modelReset, this, &DeployPage::refillConsole);
    connect(m_ui->consoleHost, &QComboBox::currentIndexChanged, this, &DeployPage::refillConsole);

    // Containers.
    m_ui->containerTable->setModel(m_monitor->containers());
    m_ui->containerTable->horizontalHeader()->setStretchLastSection(true);
    m_ui->containerTable->verticalHeader()->setVisible(false);
    connect(m_monitor->containers(), &QAbstractItemModel::modelReset, this, &DeployPage::updateStats);
    connect(m_ui->refreshButton, &QPushButton::clicked, this, &DeployPage::refreshStatusRequested);

    // Verify.
    connect(m_ui->verifyButton, &QPushButton::clicked, this, [this] {
        m_ui->verifyResult->setText(tr("Running the toy example…"));
        m_ui->verifyIcon->setPixmap(Icons::icon(Icons::Glyph::Running).pixmap(24, 24));
        m_ui->verifyDetails->clear();
        emit verifyRequested(m_ui->guestCombo->currentData().toInt(), m_ui->hostPartyCombo->currentData().toInt());
    });
    connect(m_monitor,
            &DeployMonitor::verifyFinished,
            this,
            [this](bool ok, const QString &summary, const QString &details) {
                m_ui->verifyIcon->setPixmap(Icons::icon(ok ? Icons::Glyph::Ok : Icons::Glyph::Error).pixmap(24, 24));
                m_ui->verifyResult->setText(summary);
                m_ui->verifyDetails->setPlainText(details);
                m_ui->tabs->setCurrentWidget(m_ui->verifyTab);
            });
    connect(m_document, &ProjectDocument::changed, this, &DeployPage::fillPartyCombos);

    // Run controls.
    m_ui->cancelButton->setIcon(Icons::icon(Icons::Glyph::Cancel));
    m_ui->retryButton->setIcon(Icons::icon(Icons::Glyph::Retry));
    connect(m_ui->cancelButton, &QPushButton::clicked, this, &DeployPage::cancelRequested);
    connect(m_ui->retryButton, &QPushButton::clicked, this, [this] {
        emit retryFailedRequested(m_monitor->hosts()->failedHosts());
    });
    connect(m_monitor, &DeployMonitor::runningChanged, this, &DeployPage::updateRunState);
    connect(m_monitor->hosts(), &QAbstractItemModel::dataChanged, this, &DeployPage::updateRunState);
    connect(m_monitor->hosts(), &QAbstractItemModel::modelReset, this, &DeployPage::updateRunState);

    m_statsTimer.setInterval(500);
    connect(&m_statsTimer, &QTimer::timeout, this, &DeployPage::updateStats);
    m_statsTimer.start();

    retranslate();
    fillPartyCombos();
    updateRunState();
}

DeployPage::~DeployPage() = default;

QTableView *DeployPage::logView() const
{
    return m_ui->logView;
}

bool DeployPage::isFollowing() const
{
    return m_ui->followCheck->isChecked();
}

void DeployPage::focusSearch()
{
    m_ui->tabs->setCurrentWidget(m_ui->logTab);
    m_ui->searchEdit->setFocus(Qt::ShortcutFocusReason);
    m_ui->searchEdit->selectAll();
}

bool DeployPage::find(const QString &text, bool backwards)
{
    if (text.isEmpty())
        return false;
    const int rows = m_filter->rowCount();
    if (rows == 0)
        return false;
    const QModelIndex current = m_ui->logView->currentIndex();
    int start = current.isValid() ? current.row() : (backwards ? rows : -1);
    for (int step = 1; step <= rows; ++step) {
        const int row = ((start + (backwards ? -step : step)) % rows + rows) % rows;
        const QModelIndex index = m_filter->index(row, 0);
        if (index.data(LogModel::TextRole).toString().contains(text, Qt::CaseInsensitive)
            || index.data(LogModel::HostRole).toString().contains(text, Qt::CaseInsensitive)) {
            // Finding something means the user wants to look at it: stop following.
            m_ui->followCheck->setChecked(false);
            m_ui->logView->setCurrentIndex(index);
            m_ui->logView->scrollTo(index, QAbstractItemView::PositionAtCenter);
            m_ui->searchEdit->setStyleSheet({});
            return true;
        }
    }
    m_ui->searchEdit->setStyleSheet(QStringLiteral("color: %1").arg(Icons::statusColor(Icons::Glyph::Error).name()));
    return false;
}

QString DeployPage::selectedLogText() const
{
    QModelIndexList rows = m_ui->logView->selectionModel()->selectedIndexes();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QStringList lines;
    for (const QModelIndex &index : std::as_const(rows))
        lines.append(index.data(Qt::DisplayRole).toString());
    return lines.join(QLatin1Char('\n'));
}

void DeployPage::saveLog()
{
    // Copy the visible lines now; the write happens off the GUI thread.
    QStringList lines;
    lines.reserve(m_filter->rowCount());
    for (int row = 0; row < m_filter->rowCount(); ++row)
        lines.append(m_filter->index(row, 0).data(Qt::DisplayRole).toString());
    QPointer<DeployPage> self(this);
    Dialogs::saveFile(
        this,
        tr("Save log"),
        QStringLiteral("deploy.log"),
        tr("Log files (*.log *.txt)"),
        QStringLiteral("log"),
        [self, lines](const QString &path) {
            if (path.isEmpty() || !self)
                return;
            auto future = QtConcurrent::run([lines, path]() -> QString {
                QSaveFile file(path);
                if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
                    return file.errorString();
                for (const QString &line : lines) {
                    file.write(line.toUtf8());
                    file.write("\n");
                }
                return file.commit() ? QString() : file.errorString();
            });
            future.then(self.data(), [self, path](const QString &error) {
                if (self && !error.isEmpty())
                    Dialogs::showError(
                        self,
                        tr("Cannot save log"),
                        tr("The log could not be written to %1: %2. Choose another folder.").arg(path, error));
            });
        });
}

void DeployPage::showConsoleFor(const QString &host)
{
    const int index = m_ui->consoleHost->findData(host);
    if (index >= 0)
        m_ui->consoleHost->setCurrentIndex(index);
}

QString DeployPage::consoleText() const
{
    return m_ui->console->toPlainText();
}

void DeployPage::refillConsole()
{
    m_consolePending.clear();
    m_ui->console->clear();
    const QString host = m_ui->consoleHost->currentData().toString();
    if (host.isEmpty())
        return;
    const LogModel *log = m_monitor->log();
    QStringList lines;
    for (int row = qMax(0, log->rowCount() - 50000); row < log->rowCount(); ++row) {
        const LogEntry &l = log->line(row);
        if (l.host == host && l.channel != LogEntry::Channel::Deployer)
            lines.append(l.text);
    }
    if (lines.size() > 20000)
        lines.erase(lines.begin(), lines.end() - 20000);
    m_ui->console->setPlainText(lines.join(QLatin1Char('\n')));
    m_ui->console->verticalScrollBar()->setValue(m_ui->console->verticalScrollBar()->maximum());
}

void DeployPage::flushConsole()
{
    if (m_consolePending.isEmpty())
        return;
    QScrollBar *bar = m_ui->console->verticalScrollBar();
    const bool atBottom = bar->value() >= bar->maximum() - 2;
    m_ui->console->appendPlainText(m_consolePending.join(QLatin1Char('\n')));
    m_consolePending.clear();
    if (atBottom)
        bar->setValue(bar->maximum());
}

void DeployPage::fillPartyCombos()
{
    const Project &p = m_document->project();
    for (QComboBox *combo : {m_ui->guestCombo, m_ui->hostPartyCombo}) {
        const int keep = combo->currentData().toInt();
        const QSignalBlocker blocker(combo);
        combo->clear();
        for (const Party &party : p.parties)
            combo->addItem(tr("%1 on %2").arg(party.id).arg(party.host), party.id);
        const int wanted = keep ? keep : (combo == m_ui->guestCombo ? p.guestId() : p.hostId());
        combo->setCurrentIndex(qMax(0, combo->findData(wanted)));
    }
    m_ui->verifyButton->setEnabled(!p.parties.isEmpty() && !m_monitor->isRunning());
}

void DeployPage::updateRunState()
{
    const bool running = m_monitor->isRunning();
    m_ui->cancelButton->setEnabled(running);
    m_ui->retryButton->setEnabled(!running && !m_monitor->hosts()->failedHosts().isEmpty());
    m_ui->verifyButton->setEnabled(!running && !m_document->project().parties.isEmpty());
    if (!m_monitor->runTitle().isEmpty()) {
        const QStringList failed = m_monitor->hosts()->failedHosts();
        QString state;
        if (running)
            state = tr("running");
        else if (failed.isEmpty())
            state = tr("finished");
        else
            state = tr("%n host(s) failed", nullptr, int(failed.size()));
        m_ui->runTitle->setText(tr("%1 — %2").arg(m_monitor->runTitle(), state));
    }
}

bool DeployPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_ui->logView->viewport() && event->type() == QEvent::Resize)
        fitLogColumn();
    return QWidget::eventFilter(watched, event);
}

void DeployPage::fitLogColumn()
{
    // The one column is as wide as the longest line (the font is fixed-width, so the model's longest text is
    // enough to know it without measuring every line), and at least as wide as the view.
    QTableView *view = m_ui->logView;
    const QFontMetrics fm(view->font());
    const int prefix = fm.horizontalAdvance(QStringLiteral("00:00:00.000  255.255.255.255  ")) + 8;
    const int text = fm.horizontalAdvance(QLatin1Char('M')) * m_monitor->log()->longestText();
    const int width = qMax(view->viewport()->width(), prefix + text);
    if (view->horizontalHeader()->sectionSize(0) != width && m_filter->columnCount() > 0)
        view->horizontalHeader()->resizeSection(0, width);
}

void DeployPage::updateStats()
{
    fitLogColumn();
    const LogModel *log = m_monitor->log();
    QString text = tr("%n line(s)", nullptr, int(qMin<qint64>(log->totalLines(), INT_MAX)));
    if (log->droppedLines() > 0)
        text += QLatin1String(" · ")
                + tr("oldest %n line(s) dropped from view; the saved run log keeps everything",
                     nullptr,
                     int(qMin<qint64>(log->droppedLines(), INT_MAX)));
    if (m_ui->logStats->text() != text)
        m_ui->logStats->setText(text);
    const ContainerModel *c = m_monitor->containers();
    m_ui->containersSummary->setText(
        tr("%1 of %n container(s) running", nullptr, c->rowCount()).arg(c->runningCount()));
}

void DeployPage::retranslate()
{
    const QString host = m_ui->hostFilter->currentData().toString();
    {
        const QSignalBlocker blocker(m_ui->hostFilter);
        if (m_ui->hostFilter->count() == 0)
            m_ui->hostFilter->addItem(QString(), QString());
        m_ui->hostFilter->setItemText(0, tr("All hosts"));
    }
    {
        const QSignalBlocker blocker(m_ui->consoleHost);
        if (m_ui->consoleHost->count() == 0)
            m_ui->consoleHost->addItem(QString(), QString());
        m_ui->consoleHost->setItemText(0, tr("(choose a host)"));
    }
    const int severity = m_ui->severityFilter->currentIndex();
    {
        const QSignalBlocker blocker(m_ui->severityFilter);
        m_ui->severityFilter->clear();
        m_ui->severityFilter->addItem(tr("Everything"), int(LogEntry::Severity::Debug));
        m_ui->severityFilter->addItem(tr("Information and above"), int(LogEntry::Severity::Info));
        m_ui->severityFilter->addItem(tr("Warnings and errors"), int(LogEntry::Severity::Warning));
        m_ui->severityFilter->addItem(tr("Errors only"), int(LogEntry::Severity::Error));
        m_ui->severityFilter->setCurrentIndex(qMax(0, severity));
    }
    m_ui->findNextButton->setToolTip(tr("Find next (F3)"));
    m_ui->findPrevButton->setToolTip(tr("Find previous (Shift+F3)"));
    m_ui->copyButton->setToolTip(tr("Copy the selected lines (Ctrl+C)"));
    m_ui->saveButton->setToolTip(tr("Save the lines shown to a file"));
    m_ui->findNextButton->setIcon(Icons::icon(Icons::Glyph::Search));
    Q_UNUSED(host)
    updateRunState();
    updateStats();
}

void DeployPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    QWidget::changeEvent(event);
}

} // namespace FateDeployer
