// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/project.h"

#include <QMainWindow>
#include <QTimer>

#include <memory>

class QAction;
class QLabel;
class QListWidget;
class QMenu;
class QStackedWidget;

namespace FateDeployer {

class AppSettings;
class SecretStore;
class DeployBackend;
class DeployMonitor;
class DeployPage;
class GuiPrompter;
class HistoryPage;
class HostStatusBoard;
class ImagesPage;
class ProjectDocument;
class TopologyPage;
class WelcomePage;

/// The main window: composes the pages, menus, toolbar and status bar and wires them to the
/// document, the deploy monitor and the deploy back end. It holds no deployment logic.
class MainWindow : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    enum class Page { Welcome, Topology, Images, Deploy, History };

    /// @p settings: null = the user's settings (owned by the window).
    explicit MainWindow(AppSettings *settings = nullptr, QWidget *parent = nullptr);
    ~MainWindow() override;

    bool openProject(const QString &path);
    const Project &project() const;
    QString lastError() const { return m_lastError; }

    ProjectDocument *document() const { return m_document; }
    DeployMonitor *monitor() const { return m_monitor; }
    GuiPrompter *prompter() const { return m_prompter; }
    HostStatusBoard *statusBoard() const { return m_statusBoard; }
    TopologyPage *topologyPage() const { return m_topology; }
    ImagesPage *imagesPage() const { return m_images; }
    DeployPage *deployPage() const { return m_deploy; }
    HistoryPage *historyPage() const { return m_history; }
    AppSettings *settings() const { return m_settings; }

    /// The engine adapter; null disables the Deploy menu (with a reason in the tooltip).
    void setDeployBackend(DeployBackend *backend);
    DeployBackend *deployBackend() const { return m_backend; }
    /// The keychain for registry passwords typed on the Images page.
    void setSecretStore(std::shared_ptr<SecretStore> store);

    Page currentPage() const;
    void showPage(Page page);
    /// Where unsaved work of @p projectPath ("" = untitled) is autosaved.
    QString autosavePath(const QString &projectPath) const;
    /// Where the bundles of the last deployment of this project are kept (render preview diff).
    QString lastRenderDir() const;

public slots:
    void newProject();
    void newFromExample();
    void open();
    void save();
    void saveAs();
    void exportProject();
    void importKubefate();
    void exportKubefate();
    void closeProject();
    void autosaveNow();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void createActions();
    void createMenus();
    void retranslate();
    void updateTitle();
    void updateActions();
    void updateRecentMenu();
    void loadProject(const Project &project, const QString &path, bool dirty);
    /// Runs @p then once the document has no unsaved changes (after Save/Discard), or never (Cancel).
    void ifChangesHandled(const std::function<void()> &then);
    void saveTo(const QString &path, const std::function<void()> &then = {});
    void offerRecovery(const QString &projectPath);
    void showShortcuts();
    void showAbout();
    void askTeardown();

    AppSettings *m_settings;
    ProjectDocument *m_document;
    HostStatusBoard *m_statusBoard;
    DeployMonitor *m_monitor;
    GuiPrompter *m_prompter;
    DeployBackend *m_backend = nullptr;

    QListWidget *m_sidebar;
    QStackedWidget *m_stack;
    WelcomePage *m_welcome;
    TopologyPage *m_topology;
    ImagesPage *m_images;
    DeployPage *m_deploy;
    HistoryPage *m_history;
    QLabel *m_hostLabel;
    QLabel *m_runLabel;
    QTimer m_autosave;
    bool m_closing = false;
    QString m_lastError;
    QString m_lastRun;

    QMenu *m_fileMenu = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_exportMenu = nullptr;
    QMenu *m_editMenu = nullptr;
    QMenu *m_deployMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_settingsMenu = nullptr;
    QMenu *m_languageMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QToolBar *m_toolbar = nullptr;
    QHash<QString, QAction *> m_actions;
    QAction *m_undo = nullptr;
    QAction *m_redo = nullptr;

public:
    /// Actions by object name ("actionSave", "actionDeployAll"…), for tests and the shortcut list.
    QAction *action(const QString &name) const { return m_actions.value(name); }
};

} // namespace FateDeployer
