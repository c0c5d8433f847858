// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QWidget>

#include <memory>

class QAction;
class QLabel;

namespace Ui {
class TopologyPage;
}

namespace FateDeployer {

class EngineForm;
class FederationView;
class SecretStore;
class HostStatusBoard;
class PartyTableModel;
class ProjectDocument;

/// Topology page: the party table with inline editing and validation, the exchange and
/// project-default forms, the list of problems, and the federation picture (selection synced).
class TopologyPage : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TopologyPage)

public:
    TopologyPage(ProjectDocument *document, HostStatusBoard *status, QWidget *parent = nullptr);
    ~TopologyPage() override;

    PartyTableModel *partyModel() const { return m_model; }
    FederationView *federationView() const { return m_picture; }
    /// The era's engine fields and service passwords (hidden in eras without them).
    EngineForm *engineForm() const { return m_engine; }
    /// Where the service passwords typed on this page go (the keychain).
    void setSecretStore(std::shared_ptr<SecretStore> store);
    /// Row of the current party, or -1.
    int currentRow() const;
    void selectRow(int row);
    /// Ids of the selected parties (the current one when nothing is selected).
    QList<int> selectedPartyIds() const;
    /// The party table's context menu: the window's own actions (one state and shortcut for each).
    void setPartyActions(const QList<QAction *> &actions);

public slots:
    void addParty();
    void duplicateParty();
    void removeSelectedParties();

signals:
    void currentHostChanged(const QString &host);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void refreshIssues();
    void updateButtons();
    void updateFederation();
    void updateEraColumns();

    std::unique_ptr<Ui::TopologyPage> m_ui;
    ProjectDocument *m_document;
    PartyTableModel *m_model;
    FederationView *m_picture;
    EngineForm *m_engine;
    QLabel *m_federation; ///< the federation file's revision and fingerprint, large (issue 17)
};

} // namespace FateDeployer
