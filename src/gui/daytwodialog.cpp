// SPDX-License-Identifier: Apache-2.0
#include "gui/daytwodialog.h"

#include "gui/deploybackend.h"
#include "gui/deploymonitor.h"
#include "gui/icons.h"
#include "gui/mainwindow.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace FateDeployer {

namespace {

QString hostLabel(const QString &key)
{
    return key.startsWith(QLatin1String("party-")) ? DayTwoDialog::tr("party %1").arg(key.mid(6))
                                                   : DayTwoDialog::tr("exchange");
}

/// Why a cell of the toy grid failed, in words (VerifyDiagnosis has stable ids only).
QString diagnosisTitle(VerifyDiagnosis d)
{
    switch (d) {
    case VerifyDiagnosis::Unreachable:
        return DayTwoDialog::tr("route or port unreachable");
    case VerifyDiagnosis::MysqlNotReady:
        return DayTwoDialog::tr("MySQL not ready");
    case VerifyDiagnosis::NotRunning:
        return DayTwoDialog::tr("not running or unhealthy");
    case VerifyDiagnosis::Timeout:
        return DayTwoDialog::tr("timeout");
    case VerifyDiagnosis::TimeExceeded:
        return DayTwoDialog::tr("job running time exceeded");
    case VerifyDiagnosis::NoSuccessLine:
        return DayTwoDialog::tr("no success line");
    case VerifyDiagnosis::None:
        break;
    }
    return QString();
}

QColor tint(const QColor &c, const QColor &base)
{
    const qreal k = 0.3;
    return QColor::fromRgbF(base.redF() + (c.redF() - base.redF()) * k,
                            base.greenF() + (c.greenF() - base.greenF()) * k,
                            base.blueF() + (c.blueF() - base.blueF()) * k);
}

} // namespace

DayTwoDialog::DayTwoDialog(MainWindow *window)
    : QDialog(window)
    , m_window(window)
    , m_tabs(new QTabWidget(this))
    , m_matrixIntro(new QLabel(this))
    , m_matrix(new QTableWidget(this))
    , m_fixes(new QPlainTextEdit(this))
    , m_checkMatrix(new QPushButton(this))
    , m_gridIntro(new QLabel(this))
    , m_grid(new QTableWidget(this))
    , m_gridDetails(new QPlainTextEdit(this))
    , m_checkGrid(new QPushButton(this))
    , m_driftIntro(new QLabel(this))
    , m_drift(new QTableWidget(this))
    , m_checkDrift(new QPushButton(this))
    , m_rollback(new QPushButton(this))
{
    setObjectName(QStringLiteral("dayTwoDialog"));
    m_matrix->setObjectName(QStringLiteral("matrixTable"));
    m_drift->setObjectName(QStringLiteral("driftTable"));
    m_fixes->setObjectName(QStringLiteral("matrixFixes"));
    m_rollback->setObjectName(QStringLiteral("rollbackButton"));
    m_grid->setObjectName(QStringLiteral("toyGridTable"));
    m_gridDetails->setObjectName(QStringLiteral("toyGridDetails"));
    m_checkGrid->setObjectName(QStringLiteral("toyGridButton"));
    m_gridIntro->setWordWrap(true);
    m_gridDetails->setReadOnly(true);
    m_grid->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_grid->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_matrixIntro->setWordWrap(true);
    m_driftIntro->setWordWrap(true);
    m_fixes->setReadOnly(true);
    m_matrix->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_drift->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_drift->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_drift->setSelectionMode(QAbstractItemView::SingleSelection);
    m_drift->setColumnCount(4);
    m_drift->horizontalHeader()->setStretchLastSection(true);
    m_drift->verticalHeader()->hide();
    m_matrix->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);

    auto *connectivity = new QWidget(this);
    auto *c = new QVBoxLayout(connectivity);
    c->addWidget(m_matrixIntro);
    c->addWidget(m_matrix, 2);
    c->addWidget(m_fixes, 1);
    auto *cb = new QHBoxLayout;
    cb->addStretch();
    cb->addWidget(m_checkMatrix);
    c->addLayout(cb);
    auto *grid = new QWidget(this);
    auto *g = new QVBoxLayout(grid);
    g->addWidget(m_gridIntro);
    g->addWidget(m_grid, 2);
    g->addWidget(m_gridDetails, 1);
    auto *gb = new QHBoxLayout;
    gb->addStretch();
    gb->addWidget(m_checkGrid);
    g->addLayout(gb);
    auto *drift = new QWidget(this);
    auto *d = new QVBoxLayout(drift);
    d->addWidget(m_driftIntro);
    d->addWidget(m_drift);
    auto *db = new QHBoxLayout;
    db->addWidget(m_rollback);
    db->addStretch();
    db->addWidget(m_checkDrift);
    d->addLayout(db);
    m_tabs->addTab(connectivity, QString());
    m_tabs->addTab(grid, QString());
    m_tabs->addTab(drift, QString());
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    resize(820, 520);

    connect(m_checkMatrix, &QPushButton::clicked, this, &DayTwoDialog::checkConnectivity);
    connect(m_checkDrift, &QPushButton::clicked, this, &DayTwoDialog::checkDrift);
    connect(m_checkGrid, &QPushButton::clicked, this, &DayTwoDialog::checkToyGrid);
    connect(m_rollback, &QPushButton::clicked, this, &DayTwoDialog::rollbackSelected);
    connect(m_drift, &QTableWidget::itemSelectionChanged, this, [this] {
        m_rollback->setEnabled(!m_drift->selectedItems().isEmpty());
    });
    connect(window->monitor(), &DeployMonitor::matrixChecked, this, &DayTwoDialog::setMatrix);
    connect(window->monitor(), &DeployMonitor::driftChecked, this, &DayTwoDialog::setDrift);
    connect(window->monitor(), &DeployMonitor::toyGridChecked, this, &DayTwoDialog::setToyGrid);
    connect(window->monitor(), &DeployMonitor::runningChanged, this, [this](bool running) {
        m_checkMatrix->setEnabled(!running);
        m_checkDrift->setEnabled(!running);
        m_checkGrid->setEnabled(!running);
        m_rollback->setEnabled(!running && !m_drift->selectedItems().isEmpty());
    });
    m_rollback->setEnabled(false);
    retranslate();
}

DayTwoDialog::~DayTwoDialog() = default;

DayTwoDialog *DayTwoDialog::showFor(MainWindow *window, Tab tab)
{
    auto *dialog = window->findChild<DayTwoDialog *>(QStringLiteral("dayTwoDialog"));
    if (!dialog)
        dialog = new DayTwoDialog(window);
    dialog->m_tabs->setCurrentIndex(tab == Tab::Connectivity ? 0 : tab == Tab::ToyGrid ? 1 : 2);
    dialog->show();
    dialog->raise();
    return dialog;
}

void DayTwoDialog::checkConnectivity()
{
    if (DeployBackend *b = m_window->deployBackend(); b && !m_window->monitor()->isRunning())
        b->checkConnectivity(m_window->project());
}

void DayTwoDialog::checkDrift()
{
    if (DeployBackend *b = m_window->deployBackend(); b && !m_window->monitor()->isRunning())
        b->checkDrift(m_window->project());
}

void DayTwoDialog::checkToyGrid()
{
    if (DeployBackend *b = m_window->deployBackend(); b && !m_window->monitor()->isRunning())
        b->checkToyGrid(m_window->project());
}

void DayTwoDialog::rollbackSelected()
{
    const QList<QTableWidgetItem *> selected = m_drift->selectedItems();
    if (selected.isEmpty())
        return;
    const QString key = m_drift->item(selected.first()->row(), 0)->data(Qt::UserRole).toString();
    const int party = key.startsWith(QLatin1String("party-")) ? key.mid(6).toInt() : 0;
    auto *box = new QMessageBox(QMessageBox::Question,
                                tr("Roll back"),
                                tr("Put the previous bundle of %1 back in place and restart it? The current one is "
                                   "kept as the previous bundle.")
                                    .arg(hostLabel(key)),
                                QMessageBox::Yes | QMessageBox::Cancel,
                                this);
    box->setObjectName(QStringLiteral("rollbackQuestion"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, party](int result) {
        if (result != QMessageBox::Yes)
            return;
        if (DeployBackend *b = m_window->deployBackend(); b && !m_window->monitor()->isRunning())
            b->rollback(m_window->project(), {party});
    });
    box->open(); // not exec(): no nested event loop
}

void DayTwoDialog::setMatrix(const QList<MatrixCell> &cells)
{
    m_cells = cells;
    fillMatrix();
}

void DayTwoDialog::setDrift(const QList<HostDrift> &hosts)
{
    m_hosts = hosts;
    fillDrift();
}

void DayTwoDialog::setToyGrid(const QList<ToyCell> &cells)
{
    m_toyCells = cells;
    fillToyGrid();
}

void DayTwoDialog::fillToyGrid()
{
    QList<int> guests, hosts;
    for (const ToyCell &c : std::as_const(m_toyCells)) {
        if (!guests.contains(c.guest))
            guests.append(c.guest);
        if (!hosts.contains(c.host))
            hosts.append(c.host);
    }
    std::sort(hosts.begin(), hosts.end());
    m_grid->clear();
    m_grid->setRowCount(int(guests.size()));
    m_grid->setColumnCount(int(hosts.size()));
    QStringList rowLabels, columnLabels;
    for (int id : std::as_const(guests))
        rowLabels.append(tr("guest %1").arg(id));
    for (int id : std::as_const(hosts))
        columnLabels.append(tr("host %1").arg(id));
    m_grid->setVerticalHeaderLabels(rowLabels);
    m_grid->setHorizontalHeaderLabels(columnLabels);
    const QColor base = palette().color(QPalette::Base);
    QStringList details;
    for (const ToyCell &c : std::as_const(m_toyCells)) {
        const QString why = diagnosisTitle(c.diagnosis);
        auto *item
            = new QTableWidgetItem(why.isEmpty() ? toyCellResultTitle(c.result)
                                                 : QStringLiteral("%1 · %2").arg(toyCellResultTitle(c.result), why));
        item->setData(Qt::UserRole, toyCellResultName(c.result));
        item->setData(Qt::UserRole + 1, verifyDiagnosisName(c.diagnosis));
        item->setTextAlignment(Qt::AlignCenter);
        const Icons::Glyph glyph = c.result == ToyCell::Result::Pass   ? Icons::Glyph::Ok
                                   : c.result == ToyCell::Result::Fail ? Icons::Glyph::Error
                                                                       : Icons::Glyph::Pending;
        item->setBackground(tint(Icons::statusColor(glyph), base));
        QString tip = c.summary;
        if (!c.fix.isEmpty())
            tip += QLatin1Char('\n') + c.fix;
        item->setToolTip(tip);
        m_grid->setItem(int(guests.indexOf(c.guest)), int(hosts.indexOf(c.host)), item);
        if (c.result != ToyCell::Result::Pass)
            details.append(tr("%1 → %2 (on %3): %4").arg(c.guest).arg(c.host).arg(c.address, tip));
    }
    m_grid->resizeRowsToContents();
    m_gridDetails->setPlainText(m_toyCells.isEmpty() ? QString()
                                : details.isEmpty()  ? tr("Every pair passed the toy example.")
                                                     : details.join(QStringLiteral("\n\n")));
}

void DayTwoDialog::fillMatrix()
{
    QStringList sources, targets;
    for (const MatrixCell &c : std::as_const(m_cells)) {
        if (!sources.contains(c.from))
            sources.append(c.from);
        if (!targets.contains(c.to))
            targets.append(c.to);
    }
    m_matrix->clear();
    m_matrix->setRowCount(int(sources.size()));
    m_matrix->setColumnCount(int(targets.size()));
    QStringList rowLabels, columnLabels;
    for (const QString &s : std::as_const(sources))
        rowLabels.append(tr("from %1").arg(hostLabel(s)));
    for (const QString &t : std::as_const(targets))
        columnLabels.append(tr("to %1").arg(hostLabel(t)));
    m_matrix->setVerticalHeaderLabels(rowLabels);
    m_matrix->setHorizontalHeaderLabels(columnLabels);
    QStringList fixes;
    const QColor base = palette().color(QPalette::Base);
    for (const MatrixCell &c : std::as_const(m_cells)) {
        auto *item = new QTableWidgetItem(
            QStringLiteral("%1 · %2:%3").arg(matrixResultTitle(c.result), c.address).arg(c.port));
        item->setData(Qt::UserRole, matrixResultName(c.result));
        item->setTextAlignment(Qt::AlignCenter);
        const bool ok = c.result == MatrixCell::Result::Ok;
        item->setBackground(tint(Icons::statusColor(ok ? Icons::Glyph::Ok : Icons::Glyph::Error), base));
        item->setToolTip(ok ? tr("reachable") : c.fix);
        m_matrix->setItem(int(sources.indexOf(c.from)), int(targets.indexOf(c.to)), item);
        if (!ok)
            fixes.append(
                tr("%1 → %2 (%3:%4): %5").arg(hostLabel(c.from), hostLabel(c.to), c.address).arg(c.port).arg(c.fix));
    }
    m_matrix->resizeRowsToContents();
    m_fixes->setPlainText(m_cells.isEmpty() ? QString()
                          : fixes.isEmpty() ? tr("Every path is reachable.")
                                            : fixes.join(QStringLiteral("\n\n")));
}

void DayTwoDialog::fillDrift()
{
    m_drift->clearContents();
    m_drift->setHorizontalHeaderLabels({tr("Host"), tr("Difference"), tr("File or container"), tr("Found")});
    int rows = 0;
    for (const HostDrift &h : std::as_const(m_hosts))
        rows += h.entries.isEmpty() ? 1 : int(h.entries.size());
    m_drift->setRowCount(rows);
    const QColor base = palette().color(QPalette::Base);
    int row = 0;
    for (const HostDrift &h : std::as_const(m_hosts)) {
        auto put = [&](const QString &what, const QString &item, const QString &found, bool ok) {
            auto *host = new QTableWidgetItem(QStringLiteral("%1 (%2)").arg(hostLabel(h.host), h.address));
            host->setData(Qt::UserRole, h.host);
            host->setToolTip(h.summary);
            m_drift->setItem(row, 0, host);
            auto *kind = new QTableWidgetItem(what);
            kind->setBackground(tint(Icons::statusColor(ok ? Icons::Glyph::Ok : Icons::Glyph::Error), base));
            m_drift->setItem(row, 1, kind);
            m_drift->setItem(row, 2, new QTableWidgetItem(item));
            m_drift->setItem(row, 3, new QTableWidgetItem(found));
            ++row;
        };
        if (h.entries.isEmpty())
            put(h.checked ? tr("no drift") : tr("not checked"), h.summary, QString(), h.checked);
        for (const DriftEntry &e : h.entries)
            put(driftKindTitle(e.kind), e.item, e.detail, false);
    }
    m_drift->resizeColumnsToContents();
}

void DayTwoDialog::retranslate()
{
    setWindowTitle(tr("Day two: connectivity, toy grid and drift"));
    m_tabs->setTabText(0, tr("Connectivity matrix"));
    m_tabs->setTabText(1, tr("Toy grid"));
    m_tabs->setTabText(2, tr("Drift"));
    m_gridIntro->setText(tr("FATE's toy example for every ordered pair of parties: a row per guest (where it runs), a "
                            "column per host. Pairs of one guest run side by side as far as its FATE allows. A "
                            "failed cell says why; hover over it or read below for the fix."));
    m_checkGrid->setText(tr("Run the toy grid"));
    m_matrixIntro->setText(tr("Every path of the federation, checked from its source host over SSH: party → "
                              "exchange and exchange → party. Before a deployment a short-lived test listener "
                              "answers on the target port."));
    m_driftIntro->setText(tr("The files of each host's bundle (sha256) and its containers, compared with what this "
                             "computer deployed there last. Roll back puts the previous bundle back in place."));
    m_checkMatrix->setText(tr("Check connectivity"));
    m_checkDrift->setText(tr("Check drift"));
    m_rollback->setText(tr("Roll back the selected host…"));
    fillMatrix();
    fillToyGrid();
    fillDrift();
}

void DayTwoDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

} // namespace FateDeployer
