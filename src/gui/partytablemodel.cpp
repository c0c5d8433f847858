// SPDX-License-Identifier: Apache-2.0
#include "gui/partytablemodel.h"

#include "gui/projectdocument.h"

#include <algorithm>

namespace FateDeployer {

namespace {
const char *const columnFields[] = {".id",
                                    ".host",
                                    ".ssh.user",
                                    ".ssh.port",
                                    ".ssh.auth",
                                    ".ssh.identityFile",
                                    ".ssh.jumpHost",
                                    ".dir",
                                    ".notes",
                                    ".reachableAddress",
                                    ".external",
                                    ".servingHost"};
} // namespace

QString PartyTableModel::authLabel(AuthMethod method)
{
    switch (method) {
    case AuthMethod::Default:
        return tr("Automatic", "SSH authentication method: try agent, keys, password in turn");
    case AuthMethod::Agent:
        return tr("SSH agent");
    case AuthMethod::PublicKey:
        return tr("Key file");
    case AuthMethod::Password:
        return tr("Password");
    case AuthMethod::KeyboardInteractive:
        return tr("Keyboard-interactive");
    }
    return {};
}

PartyTableModel::PartyTableModel(ProjectDocument *document, QObject *parent)
    : QAbstractTableModel(parent)
    , m_document(document)
    , m_rows(int(document->project().parties.size()))
{
    connect(m_document, &ProjectDocument::changed, this, &PartyTableModel::sync);
}

PartyTableModel::~PartyTableModel() = default;

void PartyTableModel::setLook(const ItemLook &look)
{
    m_look = look;
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void PartyTableModel::sync()
{
    // Undo/redo can add or remove rows anywhere; the row count tells structural changes apart
    // from value changes so that the view keeps its selection while the user types.
    const int rows = int(m_document->project().parties.size());
    if (rows > m_rows) {
        beginInsertRows({}, m_rows, rows - 1);
        m_rows = rows;
        endInsertRows();
    } else if (rows < m_rows) {
        beginRemoveRows({}, rows, m_rows - 1);
        m_rows = rows;
        endRemoveRows();
    }
    if (m_rows > 0)
        emit dataChanged(index(0, 0), index(m_rows - 1, ColumnCount - 1));
}

int PartyTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int PartyTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString PartyTableModel::fieldPath(int row, int column)
{
    return QStringLiteral("parties[%1]").arg(row) + QLatin1String(columnFields[column]);
}

QList<ValidationIssue> PartyTableModel::cellIssues(int row, int column) const
{
    const QString field = fieldPath(row, column);
    QList<ValidationIssue> out;
    for (const ValidationIssue &issue : m_document->issues()) {
        if (issue.field == field)
            out.append(issue);
    }
    return out;
}

QVariant PartyTableModel::data(const QModelIndex &index, int role) const
{
    const auto &parties = m_document->project().parties;
    if (!index.isValid() || index.row() >= parties.size())
        return {};
    const Party &party = parties.at(index.row());
    const Project &project = m_document->project();
    const int column = index.column();

    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case IdColumn:
            return party.id;
        case HostColumn:
            return party.host;
        case UserColumn:
            return party.ssh.user.isEmpty() ? tr("%1 (default)").arg(project.user) : party.ssh.user;
        case PortColumn:
            return party.ssh.port ? QString::number(*party.ssh.port) : tr("%1 (default)").arg(project.sshPort);
        case AuthColumn:
            return authLabel(party.ssh.auth);
        case KeyFileColumn:
            return party.ssh.identityFile.isEmpty() ? tr("(agent or ~/.ssh keys)") : party.ssh.identityFile;
        case JumpColumn:
            return party.ssh.jumpHost.isEmpty() ? tr("(direct)") : party.ssh.jumpHost;
        case DirColumn:
            return party.dir.isEmpty() ? tr("%1 (default)").arg(project.baseDir) : party.dir;
        case NotesColumn:
            return party.notes;
        case ReachableColumn:
            return party.reachableAddress.isEmpty() && !party.reachablePort
                       ? tr("%1 (the host)").arg(party.host)
                       : QStringLiteral("%1:%2").arg(Project::routeAddress(party)).arg(Project::routePort(party));
        case ExternalColumn:
            return party.external ? tr("another team") : tr("this project");
        case ServingColumn:
            return party.servingHost.isEmpty() ? tr("(no serving)") : party.servingHost;
        }
        break;
    case Qt::CheckStateRole:
        if (column == ExternalColumn)
            return party.external ? Qt::Checked : Qt::Unchecked;
        break;
    case Qt::EditRole:
        switch (column) {
        case IdColumn:
            return party.id;
        case HostColumn:
            return party.host;
        case UserColumn:
            return party.ssh.user;
        case PortColumn:
            return party.ssh.port ? QString::number(*party.ssh.port) : QString();
        case AuthColumn:
            return authMethodToString(party.ssh.auth);
        case KeyFileColumn:
            return party.ssh.identityFile;
        case JumpColumn:
            return party.ssh.jumpHost;
        case DirColumn:
            return party.dir;
        case NotesColumn:
            return party.notes;
        case ReachableColumn:
            return party.reachableAddress;
        case ExternalColumn:
            return party.external;
        case ServingColumn:
            return party.servingHost;
        }
        break;
    case Qt::ForegroundRole:
        if ((column == UserColumn && party.ssh.user.isEmpty()) || (column == PortColumn && !party.ssh.port)
            || (column == DirColumn && party.dir.isEmpty())
            || (column == KeyFileColumn && party.ssh.identityFile.isEmpty())
            || (column == JumpColumn && party.ssh.jumpHost.isEmpty())
            || (column == ReachableColumn && party.reachableAddress.isEmpty())
            || (column == ServingColumn && party.servingHost.isEmpty()))
            return ItemLook::value(m_look.disabled);
        break;
    case Qt::DecorationRole:
    case Qt::ToolTipRole:
    case IssuesRole:
    case SeverityRole: {
        const QList<ValidationIssue> issues = cellIssues(index.row(), column);
        if (issues.isEmpty()) {
            if (role == Qt::ToolTipRole && column == AuthColumn)
                return tr("How to log in; passwords and passphrases are asked when needed and kept in the "
                          "system keychain only.");
            return {};
        }
        const bool error = Validator::hasErrors(issues);
        if (role == Qt::DecorationRole)
            return error ? m_look.errorIcon : m_look.warningIcon;
        if (role == SeverityRole)
            return int(error ? ValidationIssue::Severity::Error : ValidationIssue::Severity::Warning);
        QStringList messages;
        for (const ValidationIssue &issue : issues)
            messages.append(issue.message);
        if (role == IssuesRole)
            return messages;
        return messages.join(QLatin1Char('\n'));
    }
    case FieldRole:
        return fieldPath(index.row(), column);
    case Qt::TextAlignmentRole:
        if (column == IdColumn || column == PortColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

bool PartyTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || index.row() >= m_document->project().parties.size())
        return false;
    const int row = index.row();
    if (index.column() == ExternalColumn && (role == Qt::CheckStateRole || role == Qt::EditRole)) {
        const bool external = role == Qt::CheckStateRole ? value.toInt() == Qt::Checked : value.toBool();
        m_document->edit(external ? tr("Mark party as another team's") : tr("Mark party as this project's"),
                         [row, external](Project &p) { p.parties[row].external = external; });
        return true;
    }
    if (role != Qt::EditRole)
        return false;
    const QString text = value.toString().trimmed();
    std::function<void(Party &)> change;
    QString label;
    switch (index.column()) {
    case IdColumn: {
        bool ok = false;
        const int id = text.toInt(&ok);
        if (!ok)
            return false;
        change = [id](Party &p) { p.id = id; };
        label = tr("Change party id");
        break;
    }
    case HostColumn:
        change = [text](Party &p) { p.host = text; };
        label = tr("Change host of party");
        break;
    case UserColumn:
        change = [text](Party &p) { p.ssh.user = text; };
        label = tr("Change SSH user");
        break;
    case PortColumn: {
        if (text.isEmpty()) {
            change = [](Party &p) { p.ssh.port.reset(); };
        } else {
            bool ok = false;
            const int port = text.toInt(&ok);
            if (!ok)
                return false;
            change = [port](Party &p) { p.ssh.port = port; };
        }
        label = tr("Change SSH port");
        break;
    }
    case AuthColumn: {
        const auto method = authMethodFromString(value.toString());
        if (!method)
            return false;
        change = [m = *method](Party &p) { p.ssh.auth = m; };
        label = tr("Change SSH login method");
        break;
    }
    case KeyFileColumn:
        change = [text](Party &p) { p.ssh.identityFile = text; };
        label = tr("Change SSH key file");
        break;
    case JumpColumn:
        change = [text](Party &p) { p.ssh.jumpHost = text; };
        label = tr("Change jump host");
        break;
    case DirColumn:
        change = [text](Party &p) { p.dir = text; };
        label = tr("Change deployment directory");
        break;
    case NotesColumn:
        change = [v = value.toString()](Party &p) { p.notes = v; };
        label = tr("Change notes");
        break;
    case ReachableColumn:
        change = [text](Party &p) { p.reachableAddress = text; };
        label = tr("Change reachable address");
        break;
    case ServingColumn:
        change = [text](Party &p) { p.servingHost = text; };
        label = tr("Change serving host");
        break;
    default:
        return false;
    }
    m_document->edit(label, [row, change](Project &p) { change(p.parties[row]); });
    return true;
}

QVariant PartyTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
    if (role == Qt::DisplayRole) {
        switch (section) {
        case IdColumn:
            return tr("Party ID");
        case HostColumn:
            return tr("Host");
        case UserColumn:
            return tr("SSH user");
        case PortColumn:
            return tr("SSH port");
        case AuthColumn:
            return tr("Login", "SSH authentication method column");
        case KeyFileColumn:
            return tr("Key file", "SSH private key file column");
        case JumpColumn:
            return tr("Jump host", "SSH ProxyJump column");
        case DirColumn:
            return tr("Directory", "deployment directory on the run host");
        case NotesColumn:
            return tr("Notes");
        case ReachableColumn:
            return tr("Reached at", "address the exchange and other parties use for this party");
        case ExternalColumn:
            return tr("Deployed by");
        case ServingColumn:
            return tr("Serving host", "host of the party's FATE-Serving bundle");
        }
    } else if (role == Qt::ToolTipRole) {
        switch (section) {
        case IdColumn:
            return tr("The party (organisation) id, a positive whole number unique in the federation");
        case HostColumn:
            return tr("The run host: IPv4/IPv6 address or DNS name reachable over SSH from this machine");
        case KeyFileColumn:
            return tr("The SSH private key for this host (e.g. ~/.ssh/id_ed25519); empty tries the agent and the "
                      "default keys");
        case JumpColumn:
            return tr("Reach the host through a jump host: [user@]host[:port]; several separated by commas are "
                      "passed in order (the first is reached directly)");
        case DirColumn:
            return tr("Where FATE is installed on the run host; empty uses the project default");
        case ReachableColumn:
            return tr("The address the exchange and the other parties reach this party at, when it differs from "
                      "the SSH host (NAT, public address); route tables use it. Say why in the notes");
        case ExternalColumn:
            return tr("Checked: another team deploys this party; this project never connects to it and only "
                      "lists it in the route tables (\"my parties only\")");
        case ServingColumn:
            return tr("Where the party's FATE-Serving runs (KubeFATE v1.11.2 and later); empty deploys no serving. "
                      "Serving joins the party's training network, so it runs on the party's host");
        default:
            break;
        }
    }
    return {};
}

Qt::ItemFlags PartyTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    if (index.column() == ExternalColumn)
        return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsUserCheckable;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable;
}

int PartyTableModel::addParty()
{
    const Party party = m_document->project().newParty();
    m_document->edit(tr("Add party"), [party](Project &p) { p.parties.append(party); });
    return int(m_document->project().parties.size()) - 1;
}

int PartyTableModel::duplicateParty(int row)
{
    const Project &project = m_document->project();
    if (row < 0 || row >= project.parties.size())
        return -1;
    int id = 0;
    for (const Party &p : project.parties)
        id = std::max(id, p.id + 1);
    m_document->edit(tr("Duplicate party"), [row, id](Project &p) {
        Party copy = p.parties.at(row);
        copy.id = id;
        copy.host.clear(); // two parties on one host clash (ports 9370, 8080, …): make the user choose
        p.parties.insert(row + 1, copy);
    });
    return row + 1;
}

void PartyTableModel::removeParties(QList<int> rows)
{
    std::sort(rows.begin(), rows.end(), std::greater<>());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    if (rows.isEmpty())
        return;
    m_document->edit(tr("Remove %n party(s)", nullptr, int(rows.size())), [rows](Project &p) {
        for (int row : rows) {
            if (row >= 0 && row < p.parties.size()) {
                const int id = p.parties.at(row).id;
                p.parties.removeAt(row);
                if (p.verification.guestId == id)
                    p.verification.guestId = 0;
                if (p.verification.hostId == id)
                    p.verification.hostId = 0;
            }
        }
    });
}

} // namespace FateDeployer
