// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jobs/daytwo.h"
#include "jobs/events.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableWidget;

namespace FateDeployer {

class MainWindow;

/// Day two (issue 16): the connectivity matrix (source × target, each cell with its fix), the toy grid (guest ×
/// host, each cell passed or failed with the diagnosis) and the drift of every host against the last deployment,
/// with rollback of the selected host to its previous bundle.
/// Not modal; the runs show on the Deploy page like every other run, their results arrive here through the
/// DeployMonitor (matrixChecked, toyGridChecked, driftChecked).
class DayTwoDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DayTwoDialog)

public:
    enum class Tab { Connectivity, ToyGrid, Drift };
    explicit DayTwoDialog(MainWindow *window);
    ~DayTwoDialog() override;

    /// The window's dialog (made on first use), shown on @p tab.
    static DayTwoDialog *showFor(MainWindow *window, Tab tab);

    void setMatrix(const QList<FateDeployer::MatrixCell> &cells);
    void setDrift(const QList<FateDeployer::HostDrift> &hosts);
    void setToyGrid(const QList<FateDeployer::ToyCell> &cells);
    QTableWidget *matrixTable() const { return m_matrix; }
    QTableWidget *toyGridTable() const { return m_grid; }
    QPlainTextEdit *toyGridDetails() const { return m_gridDetails; }
    QTableWidget *driftTable() const { return m_drift; }
    QTabWidget *tabs() const { return m_tabs; }

public slots:
    void checkConnectivity();
    void checkDrift();
    void checkToyGrid();
    /// Asks (not modal), then rolls back the host of the selected drift row.
    void rollbackSelected();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void fillMatrix();
    void fillDrift();
    void fillToyGrid();

    MainWindow *m_window;
    QTabWidget *m_tabs;
    QLabel *m_matrixIntro;
    QTableWidget *m_matrix;
    QPlainTextEdit *m_fixes;
    QPushButton *m_checkMatrix;
    QLabel *m_gridIntro;
    QTableWidget *m_grid;
    QPlainTextEdit *m_gridDetails;
    QPushButton *m_checkGrid;
    QLabel *m_driftIntro;
    QTableWidget *m_drift;
    QPushButton *m_checkDrift;
    QPushButton *m_rollback;
    QList<MatrixCell> m_cells;
    QList<HostDrift> m_hosts;
    QList<ToyCell> m_toyCells;
};

} // namespace FateDeployer
