// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/project.h"
#include "model/validation.h"
#include "util/result.h"

#include <QObject>
#include <QUndoStack>

#include <functional>

namespace FateDeployer {

/// The open project as a document: the Project value, its file path, undo/redo and the
/// dirty state. Every page edits through edit() so that each change is one undo step and
/// every view hears changed().
class ProjectDocument : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProjectDocument)

public:
    explicit ProjectDocument(QObject *parent = nullptr);
    ~ProjectDocument() override;

    const Project &project() const { return m_project; }
    QString filePath() const { return m_path; }
    bool isOpen() const { return m_open; }
    bool isDirty() const { return m_open && !m_undo.isClean(); }
    QUndoStack *undoStack() { return &m_undo; }
    /// Validation of the current project, recomputed once per change.
    const QList<ValidationIssue> &issues() const { return m_issues; }
    /// Issues whose field path equals @p field or starts with "@p field." / "@p field[".
    QList<ValidationIssue> issuesFor(const QString &field) const;

    /// Replaces the document (new/open/import): clears undo history, marks clean unless @p dirty.
    void reset(const Project &project, const QString &path, bool dirty = false);
    void close();

    /// Applies @p mutate to a copy of the project and pushes it as one undo step named @p text.
    /// Edits with the same non-empty @p mergeKey in a row collapse into one step (typing).
    /// Returns false when the mutation changed nothing.
    bool edit(const QString &text, const std::function<void(Project &)> &mutate, const QString &mergeKey = {});

    /// Ends the current run of merged edits (the user left the field).
    void endMerge() { ++m_mergeGeneration; }

    Status save(const QString &path = {});

signals:
    /// The project value changed (edit, undo, redo, reset).
    void changed();
    /// A new document replaced the old one (open/new/close): views reset their selection.
    void documentReset();
    void dirtyChanged(bool dirty);
    void filePathChanged(const QString &path);

private:
    friend class ProjectEditCommand;
    void apply(const Project &project);

    Project m_project;
    QString m_path;
    bool m_open = false;
    QUndoStack m_undo;
    QList<ValidationIssue> m_issues;
    int m_mergeGeneration = 0;
};

} // namespace FateDeployer
