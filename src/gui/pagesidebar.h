// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QListWidget>

namespace FateDeployer {

/// The main window's page list: Topology, Images & registry, Deploy, History (Welcome has no entry).
class PageSidebar : public QListWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PageSidebar)

public:
    explicit PageSidebar(QWidget *parent = nullptr);

    /// Marks @p row (0 = Topology) as current without emitting rowRequested; -1 clears it.
    void showRow(int row);
    void retranslate();

signals:
    /// The user picked @p row (0 = Topology).
    void rowRequested(int row);
};

} // namespace FateDeployer
