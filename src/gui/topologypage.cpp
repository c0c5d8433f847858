// SPDX-License-Identifier: Apache-2.0
#include "gui/topologypage.h"

#include "ui_topologypage.h"

#include "federation/federationfile.h"
#include "gui/engineform.h"
#include "gui/federationtransfer.h"
#include "gui/federationview.h"
#include "gui/formbinding.h"
#include "gui/icons.h"
#include "gui/partytablemodel.h"
#include "gui/projectdocument.h"
#include "model/era.h"

#include <QAction>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QRegularExpression>
#include <QStyledItemDelegate>

namespace FateDeployer {

namespace {

/// Edits the login column with a combo of the auth methods.
class AuthDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        if (index.column() != PartyTableModel::AuthColumn)
            return QStyledItemDelegate::createEditor(parent, option, index);
        auto *combo = new QComboBox(parent);
        const AuthMethod methods[] = {AuthMethod::Default,
                                      AuthMethod::Agent,
                                      AuthMethod::PublicKey,
                                      AuthMethod::Password,
                                      AuthMethod::KeyboardInteractive};
        for (AuthMethod m : methods)
            combo->addItem(PartyTableModel::authLabel(m), authMethodToString(m));
        return combo;
    }
    void setEditorData(QWidget *editor, const QModelIndex &index) const override
    {
        if (auto *combo = qobject_cast<QComboBox *>(editor)) {
            combo->setCurrentIndex(qMax(0, combo->findData(index.data(Qt::EditRole))));
            return;
        }
        QStyledItemDelegate::setEditorData(editor, index);
    }
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override
    {
        if (auto *combo = qobject_cast<QComboBox *>(editor)) {
            model->setData(index, combo->currentData(), Qt::EditRole);
            return;
        }
        QStyledItemDelegate::setModelData(editor, model, index);
    }
};

/// "parties[2].ssh.user" → (2, "ssh.user")
std::pair<int, QString> splitPartyField(const QString &field)
{
    static const QRegularExpression re(QStringLiteral("^parties\\[(\\d+)\\]\\.?(.*)$"));
    const auto m = re.match(field);
    if (!m.hasMatch())
        return {-1, {}};
    return {m.captured(1).toInt(), m.captured(2)};
}

} // namespace

TopologyPage::TopologyPage(ProjectDocument *document, HostStatusBoard *status, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::TopologyPage>())
    , m_document(document)
    , m_model(new PartyTableModel(document, this))
    , m_picture(new FederationView(document, status, this))
    , m_engine(new EngineForm(document, this))
{
    m_ui->setupUi(this);
    m_picture->setObjectName(QStringLiteral("federationView"));
    m_ui->pictureLayout->addWidget(m_picture);
    // The fingerprint teams compare by phone: under the picture whenever the project has a federation file.
    m_federation = new QLabel(this);
    m_federation->setObjectName(QStringLiteral("federationFingerprint"));
    m_federation->setTextFormat(Qt::RichText);
    m_federation->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_federation->setAlignment(Qt::AlignCenter);
    m_ui->pictureLayout->addWidget(m_federation);
    // The era's fields under the picture: the picture scales, the table keeps its width.
    m_ui->pictureLayout->addWidget(m_engine);
    // The table needs its seven columns readable; the picture scales to whatever is left.
    m_ui->splitter->setStretchFactor(0, 2);
    m_ui->splitter->setStretchFactor(1, 1);

    QTableView *table = m_ui->partyTable;
    m_model->setLook(Icons::itemLook());
    table->setModel(m_model);
    table->setItemDelegate(new AuthDelegate(table));
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    table->horizontalHeader()->setStretchLastSection(true);
    table->verticalHeader()->setVisible(false);
    table->setColumnWidth(PartyTableModel::IdColumn, 80);
    table->setColumnWidth(PartyTableModel::HostColumn, 150);
    table->setColumnWidth(PartyTableModel::UserColumn, 110);
    table->setColumnWidth(PartyTableModel::PortColumn, 80);
    table->setColumnWidth(PartyTableModel::AuthColumn, 110);
    table->setColumnWidth(PartyTableModel::KeyFileColumn, 160);
    table->setColumnWidth(PartyTableModel::JumpColumn, 140);
    table->setColumnWidth(PartyTableModel::DirColumn, 180);
    table->setColumnWidth(PartyTableModel::ServingColumn, 150);
    // The serving host belongs next to the party's host (the model keeps it last, so older columns keep
    // their numbers); it is hidden in eras without FATE-Serving.
    table->horizontalHeader()->moveSection(PartyTableModel::ServingColumn, PartyTableModel::HostColumn + 1);

    m_ui->addPartyButton->setIcon(Icons::icon(Icons::Glyph::Add));
    m_ui->duplicatePartyButton->setIcon(Icons::icon(Icons::Glyph::Duplicate));
    m_ui->removePartyButton->setIcon(Icons::icon(Icons::Glyph::Remove));
    connect(m_ui->addPartyButton, &QToolButton::clicked, this, &TopologyPage::addParty);
    connect(m_ui->duplicatePartyButton, &QToolButton::clicked, this, &TopologyPage::duplicateParty);
    connect(m_ui->removePartyButton, &QToolButton::clicked, this, &TopologyPage::removeSelectedParties);

    connect(table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        const int row = current.isValid() ? current.row() : -1;
        m_picture->setSelectedRow(row);
        updateButtons();
        const auto &parties = m_document->project().parties;
        emit currentHostChanged(row >= 0 && row < parties.size() ? parties.at(row).host : QString());
    });
    connect(m_picture, &FederationView::selectedRowChanged, this, [this](int row) {
        if (row != currentRow())
            selectRow(row);
    });

    using FormBinding::lineEdit;
    ProjectDocument *doc = m_document;
    FormBinding::checkBox(
        m_ui->exchangeEnabled,
        doc,
        QStringLiteral("exchange.enabled"),
        tr("Toggle exchange"),
        [](const Project &p) { return p.exchange.enabled; },
        [](Project &p, bool on) { p.exchange.enabled = on; });
    lineEdit(
        m_ui->exchangeHost,
        doc,
        QStringLiteral("exchange.host"),
        tr("Change exchange host"),
        [](const Project &p) { return p.exchange.host; },
        [](Project &p, const QString &v) { p.exchange.host = v; });
    FormBinding::spinBox(
        m_ui->exchangePort,
        doc,
        QStringLiteral("exchange.port"),
        tr("Change exchange port"),
        [](const Project &p) { return p.exchange.port; },
        [](Project &p, int v) { p.exchange.port = v; });
    lineEdit(
        m_ui->exchangeUser,
        doc,
        QStringLiteral("exchange.ssh.user"),
        tr("Change exchange SSH user"),
        [](const Project &p) { return p.exchange.ssh.user; },
        [](Project &p, const QString &v) { p.exchange.ssh.user = v; });
    lineEdit(
        m_ui->exchangeKeyFile,
        doc,
        QStringLiteral("exchange.ssh.identityFile"),
        tr("Change exchange SSH key file"),
        [](const Project &p) { return p.exchange.ssh.identityFile; },
        [](Project &p, const QString &v) { p.exchange.ssh.identityFile = v; });
    lineEdit(
        m_ui->exchangeJumpHost,
        doc,
        QStringLiteral("exchange.ssh.jumpHost"),
        tr("Change exchange jump host"),
        [](const Project &p) { return p.exchange.ssh.jumpHost; },
        [](Project &p, const QString &v) { p.exchange.ssh.jumpHost = v; });
    lineEdit(
        m_ui->exchangeDir,
        doc,
        QStringLiteral("exchange.dir"),
        tr("Change exchange directory"),
        [](const Project &p) { return p.exchange.dir; },
        [](Project &p, const QString &v) { p.exchange.dir = v; });
    lineEdit(
        m_ui->projectName,
        doc,
        QStringLiteral("name"),
        tr("Rename project"),
        [](const Project &p) { return p.name; },
        [](Project &p, const QString &v) { p.name = v; });
    lineEdit(
        m_ui->defaultUser,
        doc,
        QStringLiteral("deploy.user"),
        tr("Change default SSH user"),
        [](const Project &p) { return p.user; },
        [](Project &p, const QString &v) { p.user = v; });
    FormBinding::spinBox(
        m_ui->defaultPort,
        doc,
        QStringLiteral("deploy.sshPort"),
        tr("Change default SSH port"),
        [](const Project &p) { return p.sshPort; },
        [](Project &p, int v) { p.sshPort = v; });
    lineEdit(
        m_ui->baseDir,
        doc,
        QStringLiteral("deploy.baseDir"),
        tr("Change base directory"),
        [](const Project &p) { return p.baseDir; },
        [](Project &p, const QString &v) { p.baseDir = v; });

    connect(m_document, &ProjectDocument::changed, this, &TopologyPage::refreshIssues);
    connect(m_document, &ProjectDocument::changed, this, &TopologyPage::updateButtons);
    connect(m_document, &ProjectDocument::changed, this, &TopologyPage::updateFederation);
    connect(m_document, &ProjectDocument::changed, this, &TopologyPage::updateEraColumns);
    connect(m_ui->issueList, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        const QString field = item->data(Qt::UserRole).toString();
        const auto [row, rest] = splitPartyField(field);
        if (row >= 0) {
            int column = PartyTableModel::IdColumn;
            for (int c = 0; c < PartyTableModel::ColumnCount; ++c) {
                if (PartyTableModel::fieldPath(row, c) == field)
                    column = c;
            }
            m_ui->partyTable->setCurrentIndex(m_model->index(row, column));
            m_ui->partyTable->setFocus();
            return;
        }
        for (QWidget *w : findChildren<QWidget *>()) {
            if (w->property("fd_field").toString() == field) {
                w->setFocus();
                return;
            }
        }
    });
    retranslate();
    refreshIssues();
    updateButtons();
    updateEraColumns();
}

TopologyPage::~TopologyPage() = default;

int TopologyPage::currentRow() const
{
    const QModelIndex current = m_ui->partyTable->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void TopologyPage::selectRow(int row)
{
    if (row < 0 || row >= m_model->rowCount()) {
        m_ui->partyTable->clearSelection();
        m_ui->partyTable->setCurrentIndex({});
        return;
    }
    m_ui->partyTable->selectRow(row);
    m_ui->partyTable->setCurrentIndex(m_model->index(row, PartyTableModel::IdColumn));
}

void TopologyPage::setPartyActions(const QList<QAction *> &actions)
{
    m_ui->partyTable->addActions(actions);
    m_ui->partyTable->setContextMenuPolicy(Qt::ActionsContextMenu);
}

QList<int> TopologyPage::selectedPartyIds() const
{
    QList<int> ids;
    const auto &parties = m_document->project().parties;
    for (const QModelIndex &index : m_ui->partyTable->selectionModel()->selectedRows()) {
        if (index.row() < parties.size())
            ids.append(parties.at(index.row()).id);
    }
    if (ids.isEmpty() && currentRow() >= 0 && currentRow() < parties.size())
        ids.append(parties.at(currentRow()).id);
    return ids;
}

void TopologyPage::addParty()
{
    const int row = m_model->addParty();
    selectRow(row);
    // Straight into the host cell: the id has a sensible default, the host never does.
    m_ui->partyTable->setCurrentIndex(m_model->index(row, PartyTableModel::HostColumn));
    m_ui->partyTable->edit(m_model->index(row, PartyTableModel::HostColumn));
}

void TopologyPage::duplicateParty()
{
    const int row = m_model->duplicateParty(currentRow());
    if (row >= 0)
        selectRow(row);
}

void TopologyPage::removeSelectedParties()
{
    QList<int> rows;
    for (const QModelIndex &index : m_ui->partyTable->selectionModel()->selectedRows())
        rows.append(index.row());
    if (rows.isEmpty() && currentRow() >= 0)
        rows.append(currentRow());
    m_model->removeParties(rows);
}

void TopologyPage::refreshIssues()
{
    m_ui->issueList->clear();
    for (const ValidationIssue &issue : m_document->issues()) {
        auto *item = new QListWidgetItem(Icons::icon(issue.severity == ValidationIssue::Severity::Error
                                                         ? Icons::Glyph::Error
                                                         : Icons::Glyph::Warning),
                                         issue.toString(),
                                         m_ui->issueList);
        item->setData(Qt::UserRole, issue.field);
        item->setToolTip(tr("Press Enter or double-click to go to the field."));
    }
    const int errors = int(std::count_if(m_document->issues().cbegin(), m_document->issues().cend(), [](const auto &i) {
        return i.severity == ValidationIssue::Severity::Error;
    }));
    const int warnings = int(m_document->issues().size()) - errors;
    m_ui->issueList->setVisible(!m_document->issues().isEmpty());
    const Project &p = m_document->project();
    m_ui->exchangeUser->setPlaceholderText(tr("%1 (default)").arg(p.user));
    m_ui->exchangeDir->setPlaceholderText(tr("%1 (default)").arg(p.baseDir));
    m_ui->exchangeKeyFile->setPlaceholderText(tr("agent or ~/.ssh keys"));
    m_ui->exchangeJumpHost->setPlaceholderText(tr("direct; or [user@]host[:port], several separated by commas"));
    if (m_document->issues().isEmpty())
        m_ui->issuesLabel->setText(tr("No problems found."));
    else
        m_ui->issuesLabel->setText(tr("Problems: %n error(s)", nullptr, errors) + QStringLiteral(" · ")
                                   + tr("%n warning(s)", nullptr, warnings));
}

void TopologyPage::setSecretStore(std::shared_ptr<SecretStore> store)
{
    m_engine->setSecretStore(std::move(store));
}

void TopologyPage::updateEraColumns()
{
    m_ui->partyTable->setColumnHidden(PartyTableModel::ServingColumn,
                                      !eraHasServing(kubefateEra(m_document->project().templates.kubefateVersion)));
}

void TopologyPage::updateButtons()
{
    const bool open = m_document->isOpen();
    m_ui->addPartyButton->setEnabled(open);
    m_ui->duplicatePartyButton->setEnabled(open && currentRow() >= 0);
    m_ui->removePartyButton->setEnabled(open && currentRow() >= 0);
}

void TopologyPage::retranslate()
{
    m_ui->addPartyButton->setText(tr("&Add"));
    m_ui->addPartyButton->setToolTip(tr("Add a party (Ctrl+Shift+N)"));
    m_ui->addPartyButton->setShortcut(QKeySequence(tr("Ctrl+Shift+N")));
    m_ui->duplicatePartyButton->setText(tr("D&uplicate"));
    m_ui->duplicatePartyButton->setToolTip(tr("Copy the selected party's settings into a new party"));
    m_ui->removePartyButton->setText(tr("&Remove"));
    m_ui->removePartyButton->setToolTip(tr("Remove the selected parties"));
    m_federation->setToolTip(tr("Compare it with the coordinator's by phone or chat: the same fingerprint is the "
                                "same federation file"));
    refreshIssues();
    updateFederation();
}

void TopologyPage::updateFederation()
{
    const FederationState &federation = m_document->project().federation;
    m_federation->setVisible(federation.revision > 0);
    if (federation.revision > 0)
        m_federation->setText(tr("Federation file, revision %1; fingerprint:").arg(federation.revision)
                              + FederationTransfer::fingerprintHtml(FederationFile::fingerprintOf(federation.sha256)));
}

void TopologyPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    if (event->type() == QEvent::PaletteChange)
        m_model->setLook(Icons::itemLook());
    QWidget::changeEvent(event);
}

} // namespace FateDeployer
