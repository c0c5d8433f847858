// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gui/itemlook.h"
#include "model/project.h"

#include <QAbstractTableModel>

namespace FateDeployer {

class ProjectDocument;
struct ValidationIssue;

/// The parties of the open project as an editable table. Every edit goes through the
/// ProjectDocument (one undo step); validation issues are shown at the cell: an icon, the
/// reasons as the tooltip, and IssuesRole for tests and the issue list.
class PartyTableModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PartyTableModel)

public:
    enum Column {
        IdColumn,
        HostColumn,
        UserColumn,
        PortColumn,
        AuthColumn,
        KeyFileColumn,
        JumpColumn,
        DirColumn,
        NotesColumn,
        ReachableColumn, ///< where the others reach the party, when not at its SSH host (NAT)
        ExternalColumn,  ///< checkbox: deployed by another team ("my parties only")
        ServingColumn,   ///< the host of the party's FATE-Serving bundle (v1.11.2+), optional
        ColumnCount
    };
    enum Role { IssuesRole = Qt::UserRole + 1, SeverityRole, FieldRole };

    explicit PartyTableModel(ProjectDocument *document, QObject *parent = nullptr);
    ~PartyTableModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    /// Issue icons and the placeholder colour (the owning widget passes Icons::itemLook()).
    void setLook(const ItemLook &look);

    /// The project field path of a cell, e.g. "parties[2].ssh.user".
    static QString fieldPath(int row, int column);
    static QString authLabel(AuthMethod method);

    /// Appends a party with the next free id; returns its row.
    int addParty();
    int duplicateParty(int row);
    void removeParties(QList<int> rows);

private:
    void sync();
    QList<ValidationIssue> cellIssues(int row, int column) const;

    ProjectDocument *m_document;
    ItemLook m_look;
    int m_rows = 0;
};

} // namespace FateDeployer
