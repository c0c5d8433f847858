// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/project.h"

#include <QObject>
#include <QTimer>

#include <functional>

class QMenu;
class QWidget;

namespace FateDeployer {

class AppSettings;
class ProjectDocument;

/// The file lifecycle of the open project, beside ProjectDocument: new, open, save (atomic, through
/// QSaveFile), save as, export a copy, recent files, close — each behind the unsaved-changes
/// question — and the autosave copy with its recovery after a crash. Questions and file choices go
/// through Dialogs (non-modal; tests answer through its seams), parented to @p dialogParent.
class ProjectController : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProjectController)

public:
    ProjectController(ProjectDocument *document, AppSettings *settings, QWidget *dialogParent);
    ~ProjectController() override;

    ProjectDocument *document() const { return m_document; }
    /// The message of the last failed open/save/import/export ("" after a success).
    QString lastError() const { return m_lastError; }
    /// Records @p message as lastError() and shows it under @p title.
    void reportError(const QString &title, const QString &message);

    /// Window title: "name (file)[*]", or "Welcome" with no project.
    QString title() const;
    /// Folder relative template paths are resolved from: the project file's, else the working directory.
    QString projectDir() const;
    /// Where unsaved work of @p projectPath ("" = untitled) is autosaved.
    QString autosavePath(const QString &projectPath) const;
    /// Where the bundles of the last deployment of this project are kept (render preview diff).
    QString lastRenderDir() const;

    bool openProject(const QString &path);
    /// Replaces the document (new, import, recovery); @p path "" = untitled.
    void load(const Project &project, const QString &path, bool dirty);
    /// Runs @p then once the document has no unsaved changes (after Save/Discard), or never (Cancel).
    void ifChangesHandled(const std::function<void()> &then);
    /// Closing the window: true when it may close now; otherwise asks, and calls @p closeAgain
    /// once the changes are saved or discarded.
    bool mayClose(const std::function<void()> &closeAgain);
    /// Offers the autosaved copy of @p projectPath ("" = untitled) when it is newer than the file.
    void offerRecovery(const QString &projectPath);
    /// Fills @p menu with the recent files (each behind the unsaved-changes question).
    void fillRecentMenu(QMenu *menu);

public slots:
    void newProject();
    void newFromExample();
    void open();
    void save();
    void saveAs();
    void exportCopy();
    void closeProject();
    void autosaveNow();

signals:
    /// A project replaced the document (opened, created, imported or recovered).
    void loaded();
    void statusMessage(const QString &text);

private:
    void saveTo(const QString &path, const std::function<void()> &then = {});
    void applySettings();

    ProjectDocument *m_document;
    AppSettings *m_settings;
    QWidget *m_parent;
    QTimer m_autosave;
    QString m_lastError;
    bool m_closing = false;
};

} // namespace FateDeployer
