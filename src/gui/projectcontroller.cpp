// SPDX-License-Identifier: Apache-2.0
#include "gui/projectcontroller.h"

#include "gui/appsettings.h"
#include "gui/dialogs.h"
#include "gui/projectdocument.h"
#include "model/projectfile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QMenu>
#include <QStandardPaths>
#include <QWidget>

namespace FateDeployer {

namespace {
QString dataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

QString projectFilter()
{
    return ProjectController::tr("FATE Deployer projects (%1)").arg(QStringLiteral("*.fdproj"));
}
} // namespace

ProjectController::ProjectController(ProjectDocument *document, AppSettings *settings, QWidget *dialogParent)
    : QObject(dialogParent)
    , m_document(document)
    , m_settings(settings)
    , m_parent(dialogParent)
{
    connect(&m_autosave, &QTimer::timeout, this, &ProjectController::autosaveNow);
    connect(m_settings, &AppSettings::changed, this, &ProjectController::applySettings);
    applySettings();
}

ProjectController::~ProjectController() = default;

void ProjectController::applySettings()
{
    const int seconds = m_settings->autosaveIntervalSeconds();
    if (seconds > 0)
        m_autosave.start(seconds * 1000);
    else
        m_autosave.stop();
}

void ProjectController::reportError(const QString &title, const QString &message)
{
    m_lastError = message;
    Dialogs::showError(m_parent, title, message);
}

QString ProjectController::title() const
{
    if (!m_document->isOpen())
        return tr("Welcome");
    const Project &p = m_document->project();
    const QString name = p.name.isEmpty() ? tr("Untitled project") : p.name;
    const QString file
        = m_document->filePath().isEmpty() ? tr("not saved yet") : QFileInfo(m_document->filePath()).fileName();
    return tr("%1 (%2)[*]", "window title: project name (file name); [*] marks unsaved changes").arg(name, file);
}

QString ProjectController::projectDir() const
{
    return m_document->filePath().isEmpty() ? QDir::currentPath() : QFileInfo(m_document->filePath()).path();
}

QString ProjectController::lastRenderDir() const
{
    // One folder per project file; the engine writes the bundles there after a deployment
    // (BundleWriter::writeTree, see docs/render.md).
    const QByteArray key
        = QCryptographicHash::hash(m_document->filePath().toUtf8(), QCryptographicHash::Sha1).toHex().left(16);
    return QDir(dataDir()).filePath(QStringLiteral("renders/") + QString::fromLatin1(key));
}

QString ProjectController::autosavePath(const QString &projectPath) const
{
    const QByteArray key
        = projectPath.isEmpty()
              ? QByteArrayLiteral("untitled")
              : QCryptographicHash::hash(QFileInfo(projectPath).absoluteFilePath().toUtf8(), QCryptographicHash::Sha1)
                    .toHex()
                    .left(16);
    return QDir(dataDir()).filePath(QStringLiteral("autosave/") + QString::fromLatin1(key) + QStringLiteral(".fdproj"));
}

void ProjectController::load(const Project &project, const QString &path, bool dirty)
{
    m_document->reset(project, path.isEmpty() ? QString() : QFileInfo(path).absoluteFilePath(), dirty);
    if (!path.isEmpty())
        m_settings->addRecentFile(path);
    emit loaded();
}

bool ProjectController::openProject(const QString &path)
{
    Result<Project> loaded = ProjectFile::load(path);
    if (!loaded) {
        reportError(tr("Cannot open project"), loaded.error());
        return false;
    }
    m_lastError.clear();
    load(loaded.value(), path, false);
    offerRecovery(m_document->filePath());
    return true;
}

void ProjectController::ifChangesHandled(const std::function<void()> &then)
{
    if (!m_document->isDirty()) {
        then();
        return;
    }
    const QString name = m_document->project().name;
    Dialogs::ask(
        m_parent,
        QMessageBox::Question,
        tr("Unsaved changes"),
        tr("“%1” has changes that are not saved. Save them first?").arg(name.isEmpty() ? tr("Untitled project") : name),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel,
        QMessageBox::Save,
        [this, then](QMessageBox::StandardButton answer) {
            if (answer == QMessageBox::Save) {
                if (m_document->filePath().isEmpty()) {
                    Dialogs::saveFile(m_parent,
                                      tr("Save project"),
                                      QStringLiteral("federation.fdproj"),
                                      projectFilter(),
                                      QStringLiteral("fdproj"),
                                      [this, then](const QString &path) {
                                          if (!path.isEmpty())
                                              saveTo(path, then);
                                      });
                } else {
                    saveTo(m_document->filePath(), then);
                }
            } else if (answer == QMessageBox::Discard) {
                QFile::remove(autosavePath(m_document->filePath()));
                then();
            }
        });
}

bool ProjectController::mayClose(const std::function<void()> &closeAgain)
{
    if (m_closing || !m_document->isDirty())
        return true;
    ifChangesHandled([this, closeAgain] {
        m_closing = true;
        closeAgain();
    });
    return false;
}

void ProjectController::newProject()
{
    ifChangesHandled([this] {
        Project p;
        p.name = tr("New federation");
        load(p, {}, true);
    });
}

void ProjectController::newFromExample()
{
    ifChangesHandled([this] { load(Project::example(), {}, true); });
}

void ProjectController::open()
{
    ifChangesHandled([this] {
        Dialogs::openFile(m_parent, tr("Open project"), projectFilter(), [this](const QString &path) {
            if (!path.isEmpty())
                openProject(path);
        });
    });
}

void ProjectController::saveTo(const QString &path, const std::function<void()> &then)
{
    const QString oldAutosave = autosavePath(m_document->filePath());
    Status status = m_document->save(path);
    if (!status) {
        reportError(tr("Cannot save project"), status.error());
        return;
    }
    QFile::remove(oldAutosave);
    QFile::remove(autosavePath(m_document->filePath()));
    m_settings->addRecentFile(m_document->filePath());
    emit statusMessage(tr("Saved %1").arg(QDir::toNativeSeparators(m_document->filePath())));
    if (then)
        then();
}

void ProjectController::save()
{
    if (!m_document->isOpen())
        return;
    if (m_document->filePath().isEmpty())
        saveAs();
    else
        saveTo(m_document->filePath());
}

void ProjectController::saveAs()
{
    if (!m_document->isOpen())
        return;
    const QString suggested
        = m_document->filePath().isEmpty() ? QStringLiteral("federation.fdproj") : m_document->filePath();
    Dialogs::saveFile(m_parent,
                      tr("Save project as"),
                      suggested,
                      projectFilter(),
                      QStringLiteral("fdproj"),
                      [this](const QString &path) {
                          if (!path.isEmpty())
                              saveTo(path);
                      });
}

void ProjectController::exportCopy()
{
    // The project format holds no secret by construction, so a copy is safe to hand over.
    Dialogs::saveFile(m_parent,
                      tr("Export project without secrets"),
                      QStringLiteral("federation-shared.fdproj"),
                      projectFilter(),
                      QStringLiteral("fdproj"),
                      [this](const QString &path) {
                          if (path.isEmpty())
                              return;
                          Status status = ProjectFile::save(m_document->project(), path);
                          if (!status)
                              reportError(tr("Cannot export project"), status.error());
                          else
                              emit statusMessage(tr("Exported to %1").arg(QDir::toNativeSeparators(path)));
                      });
}

void ProjectController::closeProject()
{
    ifChangesHandled([this] {
        QFile::remove(autosavePath(m_document->filePath()));
        m_document->close();
    });
}

void ProjectController::autosaveNow()
{
    if (!m_document->isDirty())
        return;
    const QString path = autosavePath(m_document->filePath());
    QDir().mkpath(QFileInfo(path).path());
    // Small JSON through QSaveFile; a failure only costs the recovery copy, so it is not reported.
    (void)ProjectFile::save(m_document->project(), path);
}

void ProjectController::offerRecovery(const QString &projectPath)
{
    const QString path = autosavePath(projectPath);
    const QFileInfo autosave(path);
    if (!autosave.exists())
        return;
    if (!projectPath.isEmpty() && QFileInfo(projectPath).lastModified() >= autosave.lastModified()) {
        QFile::remove(path); // older than the saved file: nothing to recover
        return;
    }
    Dialogs::ask(m_parent,
                 QMessageBox::Question,
                 tr("Recover unsaved changes"),
                 tr("FATE Deployer closed without saving changes to %1 (autosaved %2). Recover them?")
                     .arg(projectPath.isEmpty() ? tr("an untitled project") : QFileInfo(projectPath).fileName(),
                          QLocale().toString(autosave.lastModified(), QLocale::ShortFormat)),
                 QMessageBox::Yes | QMessageBox::Discard,
                 QMessageBox::Yes,
                 [this, path, projectPath](QMessageBox::StandardButton answer) {
                     if (answer != QMessageBox::Yes) {
                         QFile::remove(path);
                         return;
                     }
                     Result<Project> loaded = ProjectFile::load(path);
                     if (!loaded) {
                         Dialogs::showError(m_parent, tr("Cannot recover"), loaded.error());
                         return;
                     }
                     load(loaded.value(), projectPath, true);
                 });
}

void ProjectController::fillRecentMenu(QMenu *menu)
{
    menu->clear();
    const QStringList files = m_settings->recentFiles();
    for (int i = 0; i < files.size(); ++i) {
        const QString file = files.at(i);
        QAction *a = menu->addAction(tr("&%1 %2").arg(i + 1).arg(QFileInfo(file).fileName()), this, [this, file] {
            ifChangesHandled([this, file] {
                if (!openProject(file))
                    m_settings->removeRecentFile(file);
            });
        });
        a->setToolTip(file);
        a->setStatusTip(file);
    }
    menu->setEnabled(!files.isEmpty());
}

} // namespace FateDeployer
