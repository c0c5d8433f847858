// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gui/actiontable.h"
#include "gui/projectcontroller.h"
#include "model/project.h"

#include <QMainWindow>

#include <memory>

class QLabel;
class QStackedWidget;

namespace FateDeployer {

class AppSettings;
class SecretStore;
class DeployBackend;
class DeployMonitor;
class DeployPage;
class GuiPrompter;
class HistoryPage;
class PageSidebar;
class HostStatusBoard;
class ImagesPage;
class ProjectDocument;
class TopologyPage;
class WelcomePage;

/// The main window composes: sidebar + pages, the menus and toolbar built from the action table
/// (mainactions.cpp), the status bar, and the wiring between pages, the document's controller
/// (files, autosave), the deploy monitor and the deploy back end. It holds no logic of its own.
class MainWindow : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    enum class Page { Welcome, Topology, Images, Deploy, History };

    /// @p settings: null = the user's settings (owned by the window).
    explicit MainWindow(AppSettings *settings = nullptr, QWidget *parent = nullptr);
    ~MainWindow() override;

    const Project &project() const;
    ProjectDocument *document() const { return m_document; }
    ProjectController *files() const { return m_files; }
    ActionTable *actions() const { return m_actions; }
    DeployMonitor *monitor() const { return m_monitor; }
    GuiPrompter *prompter() const { return m_prompter; }
    HostStatusBoard *statusBoard() const { return m_statusBoard; }
    TopologyPage *topologyPage() const { return m_topology; }
    ImagesPage *imagesPage() const { return m_images; }
    DeployPage *deployPage() const { return m_deploy; }
    HistoryPage *historyPage() const { return m_history; }
    AppSettings *settings() const { return m_settings; }
    /// Actions by object name ("actionSave", "actionDeployAll"…), for tests.
    QAction *action(const QString &name) const { return m_actions->action(name); }

    /// The engine adapter; null disables the Deploy menu. Every connection to it is made here.
    void setDeployBackend(DeployBackend *backend);
    DeployBackend *deployBackend() const { return m_backend; }
    /// The keychain for registry passwords typed on the Images page and imported service passwords.
    void setSecretStore(std::shared_ptr<SecretStore> store);
    std::shared_ptr<SecretStore> secretStore() const { return m_secrets; }

    Page currentPage() const;
    void showPage(Page page);

    // The file lifecycle lives in ProjectController; these forward for callers of the window.
    bool openProject(const QString &path) { return m_files->openProject(path); }
    QString lastError() const { return m_files->lastError(); }
    QString autosavePath(const QString &projectPath) const { return m_files->autosavePath(projectPath); }
    QString lastRenderDir() const { return m_files->lastRenderDir(); }
    void autosaveNow() { m_files->autosaveNow(); }

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateRecent();
    /// Title, modified mark and action states from the document, the selection and the run.
    void refresh();

    AppSettings *m_settings;
    ProjectDocument *m_document;
    ProjectController *m_files;
    HostStatusBoard *m_statusBoard;
    DeployMonitor *m_monitor;
    GuiPrompter *m_prompter;
    DeployBackend *m_backend = nullptr;
    ActionTable *m_actions = nullptr;
    QObject *m_backendLinks = nullptr; ///< context of every connection to the back end

    PageSidebar *m_sidebar;
    QStackedWidget *m_stack;
    WelcomePage *m_welcome;
    TopologyPage *m_topology;
    ImagesPage *m_images;
    DeployPage *m_deploy;
    HistoryPage *m_history;
    QLabel *m_hostLabel;
    QLabel *m_runLabel;
    QString m_lastRun;
    std::shared_ptr<SecretStore> m_secrets;
};

} // namespace FateDeployer
