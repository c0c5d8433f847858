// SPDX-License-Identifier: Apache-2.0
#include "gui/changeplandialog.h"

#include "session/runsession.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSplitter>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace FateDeployer {

namespace {

QString fileChangeTitle(const FileChange &f)
{
    switch (f.kind) {
    case FileChange::Kind::Added:
        return ChangePlanDialog::tr("added", "file in the change plan");
    case FileChange::Kind::Removed:
        return ChangePlanDialog::tr("removed", "file in the change plan");
    case FileChange::Kind::Changed:
        break;
    }
    if (f.secretOnly)
        return ChangePlanDialog::tr("a secret value changed", "file in the change plan");
    if (f.binary)
        return ChangePlanDialog::tr("changed (binary)", "file in the change plan");
    return ChangePlanDialog::tr("changed", "file in the change plan");
}

} // namespace

ChangePlanDialog::ChangePlanDialog(const Project &project, const QString &projectPath, QWidget *parent)
    : QDialog(parent)
    , m_tree(new QTreeWidget(this))
    , m_diff(new QPlainTextEdit(this))
    , m_status(new QLabel(this))
    , m_apply(nullptr)
{
    setObjectName(QStringLiteral("changePlanDialog"));
    setWindowTitle(tr("Change plan"));
    setAttribute(Qt::WA_DeleteOnClose);
    auto *layout = new QVBoxLayout(this);
    auto *splitter = new QSplitter(this);
    m_tree->setObjectName(QStringLiteral("changePlanHosts"));
    m_tree->setHeaderLabels({tr("Host / file"), tr("Address"), tr("Since the last deployment")});
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    splitter->addWidget(m_tree);
    m_diff->setObjectName(QStringLiteral("changePlanDiff"));
    m_diff->setReadOnly(true);
    m_diff->setUndoRedoEnabled(false);
    m_diff->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_diff->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_diff->setPlaceholderText(tr("Choose a changed file to see its diff (secrets are masked)."));
    splitter->addWidget(m_diff);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({480, 620}); // the state column must show whole
    layout->addWidget(splitter, 1);
    m_status->setObjectName(QStringLiteral("changePlanStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_apply = buttons->addButton(tr("&Apply"), QDialogButtonBox::AcceptRole);
    m_apply->setObjectName(QStringLiteral("changePlanApply"));
    m_apply->setToolTip(tr("Deploy only the changed and new hosts, then remove the hosts of parties that left"));
    m_apply->setEnabled(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_apply, &QPushButton::clicked, this, &ChangePlanDialog::requestApply);
    layout->addWidget(buttons);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item && item->parent() && !item->data(0, ReasonRole).toBool())
            showFile(item->parent()->data(0, Qt::UserRole).toString(), item->data(0, Qt::UserRole).toString());
    });
    m_status->setText(tr("Rendering the project and comparing it with the last deployment…"));
    resize(1100, 650);

    // Rendering and hashing read the templates: a worker thread does it, started from the event loop. A plan
    // that is ready before then() attaches runs its continuation at once, in this thread: started here, `ready`
    // could come before the constructor returned, when nobody can have connected to it yet.
    QTimer::singleShot(0, this, [this, project, projectPath] { startPlanning(project, projectPath); });
}

void ChangePlanDialog::startPlanning(const Project &project, const QString &projectPath)
{
    QPointer<ChangePlanDialog> self(this);
    using Planned = QPair<Result<ChangePlan>, QList<DeployedBundle>>;
    QtConcurrent::run([project, projectPath] {
        QList<DeployedBundle> deployed;
        Result<ChangePlan> plan = RunSession::changePlan(project, projectPath, {}, &deployed);
        return Planned{plan, deployed};
    }).then(this, [self](const Planned &planned) {
        if (!self)
            return;
        self->m_ready = true;
        if (!planned.first) {
            self->m_status->setText(tr("Cannot make the change plan: %1").arg(planned.first.error()));
            emit self->ready(false);
            return;
        }
        self->fill(planned.first.value(), planned.second);
        emit self->ready(true);
    });
}

void ChangePlanDialog::requestApply()
{
    QHash<QString, QStringList> restartOnly;
    for (const HostChange &h : std::as_const(m_plan.hosts))
        if (h.onlyRoutes())
            restartOnly.insert(h.key, h.restartServices);
    const QList<int> parties = m_plan.partiesToDeploy();
    const bool exchange = m_plan.exchangeToDeploy();
    if (m_removals.isEmpty()) {
        emit applyRequested(parties, exchange, restartOnly, {});
        accept();
        return;
    }
    // Removing a host deletes its deployment folders: asked for explicitly, naming every host.
    QStringList hosts;
    for (const HostRemoval &r : std::as_const(m_removals))
        hosts.append(r.moved ? tr("%1 — the old host of a party that moved").arg(r.label()) : r.label());
    auto *box = new QMessageBox(QMessageBox::Warning,
                                tr("Remove hosts"),
                                tr("Apply deploys the changed and new hosts first. When that succeeded, it tears down "
                                   "these hosts and deletes their deployment folders:\n\n%1\n\nGo on?")
                                    .arg(hosts.join(QLatin1Char('\n'))),
                                QMessageBox::Yes | QMessageBox::Cancel,
                                this);
    box->setObjectName(QStringLiteral("applyRemovalQuestion"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, parties, exchange, restartOnly](int result) {
        if (result != QMessageBox::Yes)
            return;
        emit applyRequested(parties, exchange, restartOnly, m_removals);
        accept();
    });
    box->open(); // not exec(): no nested event loop
}

void ChangePlanDialog::fill(const ChangePlan &plan, const QList<DeployedBundle> &deployed)
{
    m_plan = plan;
    m_unknownRemovals.clear();
    m_removals = plan.removals(deployed, &m_unknownRemovals);
    m_tree->clear();
    int changed = 0;
    int removed = 0;
    for (const HostChange &h : plan.hosts) {
        auto *host = new QTreeWidgetItem(m_tree, {h.key, h.host, ChangePlan::stateTitle(h.state)});
        host->setData(0, Qt::UserRole, h.key);
        if (h.onlyRoutes())
            host->setText(2,
                          tr("%1: only route tables, restarts %2")
                              .arg(ChangePlan::stateTitle(h.state), h.restartServices.join(QStringLiteral(", "))));
        if (h.state == HostChange::State::Changed || h.state == HostChange::State::New)
            ++changed;
        if (h.state == HostChange::State::Removed)
            ++removed;
        if (h.state != HostChange::State::Unchanged) {
            QFont bold = host->font(0);
            bold.setBold(true);
            for (int c = 0; c < 3; ++c)
                host->setFont(c, bold);
        }
        // Why first (what the change means: a route added, a move), then the files with their diffs.
        for (const QString &reason : h.reasons) {
            auto *why = new QTreeWidgetItem(host, {tr("Why: %1").arg(reason)});
            why->setData(0, ReasonRole, true);
            why->setFirstColumnSpanned(true);
            why->setFlags(Qt::ItemIsEnabled);
            QFont italic = why->font(0);
            italic.setItalic(true);
            why->setFont(0, italic);
        }
        for (const FileChange &f : h.files) {
            auto *file = new QTreeWidgetItem(host, {f.path, QString(), fileChangeTitle(f)});
            file->setData(0, Qt::UserRole, f.path);
        }
        host->setExpanded(host->childCount() > 0);
    }
    QString status;
    if (plan.nothingDeployed)
        status = tr("Nothing of this project was deployed from this computer yet: every host is new.");
    else if (!plan.hasChanges())
        status = tr("Every host runs what the project describes: nothing to apply.");
    else
        status = tr("%n host(s) to deploy.", nullptr, changed);
    if (!m_removals.isEmpty())
        status += QLatin1Char(' ')
                  + tr("Apply then removes %n host(s) (parties that left, old hosts of parties that moved), after "
                       "asking.",
                       nullptr,
                       int(m_removals.size()));
    if (!m_unknownRemovals.isEmpty())
        status += QLatin1Char(' ')
                  + tr("How %1 was reached is not recorded: tear it down from a project that still lists it.")
                        .arg(m_unknownRemovals.join(QStringLiteral(", ")));
    Q_UNUSED(removed)
    m_status->setText(status);
    m_apply->setEnabled(changed > 0 || !m_removals.isEmpty());
}

bool ChangePlanDialog::selectFile(const QString &hostKey, const QString &path)
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *host = m_tree->topLevelItem(i);
        if (host->data(0, Qt::UserRole).toString() != hostKey)
            continue;
        for (int j = 0; j < host->childCount(); ++j)
            if (host->child(j)->data(0, Qt::UserRole).toString() == path) {
                m_tree->setCurrentItem(host->child(j));
                return true;
            }
    }
    return false;
}

void ChangePlanDialog::showFile(const QString &hostKey, const QString &path)
{
    const HostChange *h = m_plan.host(hostKey);
    if (!h)
        return;
    for (const FileChange &f : h->files) {
        if (f.path != path)
            continue;
        if (!f.diff.isEmpty())
            m_diff->setPlainText(f.diff);
        else if (f.secretOnly)
            m_diff->setPlainText(tr("Only a secret value changed in %1; secrets are never shown.").arg(path));
        else
            m_diff->setPlainText(tr("%1 is binary or too big to compare line by line.").arg(path));
        return;
    }
}

} // namespace FateDeployer
