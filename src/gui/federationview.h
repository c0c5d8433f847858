// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jobs/daytwo.h"

#include <QHash>
#include <QWidget>

namespace FateDeployer {

class ProjectDocument;
class HostStatusBoard;

/// A picture of the federation: the exchange in the middle, the parties around it, a line
/// for each party's route through the exchange, each node coloured by its host's last known
/// status. Clicking a party selects it (selectedRowChanged); setSelectedRow() follows the table.
class FederationView : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FederationView)

public:
    FederationView(ProjectDocument *document, HostStatusBoard *status, QWidget *parent = nullptr);
    ~FederationView() override;

    int selectedRow() const { return m_selected; }
    void setSelectedRow(int row);
    /// Node centre of party @p row (-1 = exchange) in widget coordinates; for tests and tooltips.
    QPointF nodeCenter(int row) const;
    /// The text under (or above) party @p row's node: its host, and its serving host where the era has one.
    QStringList nodeLabel(int row) const;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    /// The connectivity matrix's cells: each party's route line is green when every path between it and the
    /// exchange (or, without one, the other parties) is ok, red otherwise; empty = plain lines again.
    void setPathResults(const QList<FateDeployer::MatrixCell> &cells);
    /// Per party id: true = every checked path ok, false = one failed; parties not checked are absent.
    const QHash<int, bool> &pathResults() const { return m_paths; }

signals:
    void selectedRowChanged(int row);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    int rowAt(const QPointF &pos) const;
    qreal nodeRadius() const;

    ProjectDocument *m_document;
    HostStatusBoard *m_status;
    int m_selected = -1;
    QHash<int, bool> m_paths;
};

} // namespace FateDeployer
