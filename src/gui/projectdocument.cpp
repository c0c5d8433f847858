// SPDX-License-Identifier: Apache-2.0
#include "gui/projectdocument.h"

#include "model/projectfile.h"

#include <QFileInfo>
#include <QUndoCommand>

namespace FateDeployer {

/// One edit as two snapshots: projects are small (tens of parties), so copies are cheap and
/// undo can never drift from redo.
class ProjectEditCommand : public QUndoCommand
{
public:
    ProjectEditCommand(ProjectDocument *doc, const QString &text, Project before, Project after, int mergeId)
        : QUndoCommand(text)
        , m_doc(doc)
        , m_before(std::move(before))
        , m_after(std::move(after))
        , m_mergeId(mergeId)
    {}

    void undo() override { m_doc->apply(m_before); }
    void redo() override { m_doc->apply(m_after); }
    int id() const override { return m_mergeId; }
    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *cmd = static_cast<const ProjectEditCommand *>(other);
        if (cmd->m_mergeId != m_mergeId || m_mergeId < 0)
            return false;
        m_after = cmd->m_after;
        if (m_after == m_before)
            setObsolete(true);
        return true;
    }

private:
    ProjectDocument *m_doc;
    Project m_before;
    Project m_after;
    int m_mergeId;
};

namespace {
int mergeIdFor(const QString &key)
{
    if (key.isEmpty())
        return -1;
    return int(qHash(key) & 0x7fffffff);
}
} // namespace

ProjectDocument::ProjectDocument(QObject *parent)
    : QObject(parent)
{
    connect(&m_undo, &QUndoStack::cleanChanged, this, [this](bool clean) { emit dirtyChanged(m_open && !clean); });
}

ProjectDocument::~ProjectDocument() = default;

QList<ValidationIssue> ProjectDocument::issuesFor(const QString &field) const
{
    QList<ValidationIssue> out;
    for (const ValidationIssue &issue : m_issues) {
        if (issue.field == field || issue.field.startsWith(field + QLatin1Char('.'))
            || issue.field.startsWith(field + QLatin1Char('[')))
            out.append(issue);
    }
    return out;
}

void ProjectDocument::reset(const Project &project, const QString &path, bool dirty)
{
    const bool wasDirty = isDirty();
    m_undo.clear();
    m_project = project;
    m_open = true;
    m_issues = Validator::validate(m_project);
    if (m_path != path) {
        m_path = path;
        emit filePathChanged(m_path);
    }
    if (dirty)
        m_undo.resetClean(); // clean index -1: the stack never reaches "clean" until saved
    emit documentReset();
    emit changed();
    if (wasDirty != isDirty())
        emit dirtyChanged(isDirty());
}

void ProjectDocument::close()
{
    m_undo.clear();
    m_project = Project{};
    m_issues.clear();
    m_open = false;
    m_path.clear();
    emit filePathChanged(m_path);
    emit documentReset();
    emit changed();
    emit dirtyChanged(false);
}

bool ProjectDocument::edit(const QString &text, const std::function<void(Project &)> &mutate, const QString &mergeKey)
{
    if (!m_open)
        return false;
    Project after = m_project;
    mutate(after);
    if (after == m_project)
        return false;
    m_undo.push(new ProjectEditCommand(
        this,
        text,
        m_project,
        std::move(after),
        mergeIdFor(mergeKey.isEmpty() ? mergeKey : mergeKey + QString::number(m_mergeGeneration))));
    return true;
}

void ProjectDocument::apply(const Project &project)
{
    m_project = project;
    m_issues = Validator::validate(m_project);
    emit changed();
}

Status ProjectDocument::save(const QString &path)
{
    const QString target = path.isEmpty() ? m_path : path;
    if (target.isEmpty())
        return Error{tr("The project has no file name yet; use Save As to choose one.")};
    Status status = ProjectFile::save(m_project, target);
    if (!status)
        return status;
    const QString absolute = QFileInfo(target).absoluteFilePath();
    if (absolute != m_path) {
        m_path = absolute;
        emit filePathChanged(m_path);
    }
    m_undo.setClean();
    emit dirtyChanged(false);
    return {};
}

} // namespace FateDeployer
