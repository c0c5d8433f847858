// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "deployed/changeplan.h"
#include "model/project.h"

#include <QDialog>
#include <QHash>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace FateDeployer {

/// The change plan of the project (issue 16): every host with its state since the last deployment (unchanged,
/// config files changed, new, to be removed), the diff of a chosen file (secrets masked), and Apply, which deploys
/// only the changed and new hosts (route-table-only hosts restart just the services that read them), then — after a
/// confirmation that lists them — tears down the hosts of parties that left and the old hosts of parties that moved.
class ChangePlanDialog : public QDialog
{
    Q_OBJECT

public:
    /// Set (true) on the tree's rows that say why a host changes, under the host, before its files.
    static constexpr int ReasonRole = Qt::UserRole + 1;

    /// Renders and compares on a worker thread; ready() when the plan is shown.
    ChangePlanDialog(const Project &project, const QString &projectPath, QWidget *parent = nullptr);

    bool isReady() const { return m_ready; }
    const ChangePlan &plan() const { return m_plan; }
    /// What Apply tears down after the deploy (parties that left, old hosts of moved parties).
    const QList<HostRemoval> &removals() const { return m_removals; }
    /// Selects a host (key) or one of its files and shows the file's diff.
    bool selectFile(const QString &hostKey, const QString &path);

signals:
    /// Once, from the event loop (never during the constructor): the plan is shown, or why not.
    void ready(bool ok);
    /// Apply: deploy these parties (and the exchange), restarting only @p restartOnly's services on those hosts;
    /// once that succeeded, tear down @p removals (confirmed by the user).
    void applyRequested(const QList<int> &parties,
                        bool exchange,
                        const QHash<QString, QStringList> &restartOnly,
                        const QList<FateDeployer::HostRemoval> &removals);

private:
    void startPlanning(const Project &project, const QString &projectPath);
    void fill(const ChangePlan &plan, const QList<DeployedBundle> &deployed);
    void requestApply();
    void showFile(const QString &hostKey, const QString &path);

    ChangePlan m_plan;
    QList<HostRemoval> m_removals;
    QStringList m_unknownRemovals; ///< left the project, but how their hosts were reached is not recorded
    QTreeWidget *m_tree;
    QPlainTextEdit *m_diff;
    QLabel *m_status;
    QPushButton *m_apply;
    bool m_ready = false;
};

} // namespace FateDeployer
