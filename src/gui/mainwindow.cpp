// SPDX-License-Identifier: Apache-2.0
#include "gui/mainwindow.h"

#include "gui/appsettings.h"
#include "gui/deploybackend.h"
#include "gui/deploymonitor.h"
#include "gui/deploypage.h"
#include "gui/federationview.h"
#include "gui/historypage.h"
#include "gui/hoststatus.h"
#include "gui/icons.h"
#include "gui/imagespage.h"
#include "gui/language.h"
#include "gui/mainactions.h"
#include "gui/pagesidebar.h"
#include "gui/projectdocument.h"
#include "gui/prompter.h"
#include "gui/topologypage.h"
#include "gui/welcomepage.h"

#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>

namespace FateDeployer {

MainWindow::MainWindow(AppSettings *settings, QWidget *parent)
    : QMainWindow(parent)
    , m_settings(settings ? settings : new AppSettings(this))
    , m_document(new ProjectDocument(this))
    , m_files(new ProjectController(m_document, m_settings, this))
    , m_statusBoard(new HostStatusBoard(this))
    , m_monitor(new DeployMonitor(m_statusBoard, this))
    , m_prompter(new GuiPrompter(this))
    , m_sidebar(new PageSidebar(this))
    , m_stack(new QStackedWidget(this))
    , m_welcome(new WelcomePage(this))
    , m_topology(new TopologyPage(m_document, m_statusBoard, this))
    , m_images(new ImagesPage(m_document, this))
    , m_deploy(new DeployPage(m_document, m_monitor, this))
    , m_history(new HistoryPage(m_monitor, QString(), this))
    , m_hostLabel(new QLabel(this))
    , m_runLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    m_monitor->log()->setCapacity(m_settings->logCapacity());
    m_monitor->log()->setLook(Icons::itemLook());
    const std::pair<QWidget *, const char *> pages[] = {{m_welcome, "welcomePage"},
                                                        {m_topology, "topologyPage"},
                                                        {m_images, "imagesPage"},
                                                        {m_deploy, "deployPage"},
                                                        {m_history, "historyPage"}};
    for (const auto &[page, name] : pages) {
        page->setObjectName(QLatin1String(name));
        m_stack->addWidget(page);
    }
    connect(m_sidebar, &PageSidebar::rowRequested, this, [this](int row) {
        if (m_document->isOpen())
            m_stack->setCurrentIndex(row + 1);
    });
    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_sidebar);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);
    statusBar()->addWidget(m_hostLabel, 1);
    statusBar()->addPermanentWidget(m_runLabel);

    // Menus, toolbar and shortcuts: all from the action table.
    QToolBar *toolbar = addToolBar(QString());
    toolbar->setObjectName(QStringLiteral("mainToolbar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->setIconSize(QSize(18, 18));
    const QHash<QString, QAction *> supplied{
        {QStringLiteral("actionUndo"), m_document->undoStack()->createUndoAction(this)},
        {QStringLiteral("actionRedo"), m_document->undoStack()->createRedoAction(this)},
        {QStringLiteral("actionShowToolbar"), toolbar->toggleViewAction()}};
    m_actions = new ActionTable(mainWindowActions(), this, supplied, menuBar(), toolbar);
    m_topology->setPartyActions({action(QStringLiteral("actionAddParty")),
                                 action(QStringLiteral("actionDuplicateParty")),
                                 action(QStringLiteral("actionRemoveParty")),
                                 action(QStringLiteral("actionExportCard"))});

    // Document and files → window.
    connect(m_document, &ProjectDocument::changed, this, &MainWindow::refresh);
    connect(m_document, &ProjectDocument::dirtyChanged, this, &MainWindow::refresh);
    connect(m_document, &ProjectDocument::filePathChanged, this, &MainWindow::refresh);
    connect(m_document, &ProjectDocument::filePathChanged, this, [this](const QString &path) {
        if (m_backend)
            m_backend->setProjectFile(path, lastRenderDir());
    });
    connect(m_monitor, &DeployMonitor::imagePresence, m_images, &ImagesPage::setImagePresence);
    connect(m_monitor, &DeployMonitor::registryChecked, m_images, &ImagesPage::addLoginResult);
    connect(m_monitor, &DeployMonitor::matrixChecked, m_topology->federationView(), &FederationView::setPathResults);
    connect(m_monitor, &DeployMonitor::runFinished, m_images, [this](bool ok, const QString &, const QString &summary) {
        m_images->setLoginTestFinished(ok, summary);
    });
    connect(m_document, &ProjectDocument::documentReset, this, [this] {
        m_statusBoard->clear();
        if (!m_document->isOpen())
            showPage(Page::Welcome);
        else if (currentPage() == Page::Welcome)
            showPage(Page::Topology);
    });
    connect(m_files, &ProjectController::loaded, this, [this] { showPage(Page::Topology); });
    connect(m_files, &ProjectController::statusMessage, this, [this](const QString &text) {
        statusBar()->showMessage(text, 4000);
    });
    connect(m_settings, &AppSettings::recentFilesChanged, this, &MainWindow::updateRecent);

    // Pages → files, back end and window.
    connect(m_topology, &TopologyPage::currentHostChanged, this, [this](const QString &host) {
        m_hostLabel->setText(host.isEmpty() ? QString() : tr("Selected host: %1").arg(host));
        refresh(); // "Deploy selected parties" follows the selection
    });
    connect(m_welcome, &WelcomePage::exampleRequested, m_files, &ProjectController::newFromExample);
    connect(m_welcome, &WelcomePage::openRequested, m_files, &ProjectController::open);
    connect(m_welcome, &WelcomePage::newRequested, m_files, &ProjectController::newProject);
    connect(m_welcome, &WelcomePage::importRequested, action(QStringLiteral("actionImport")), &QAction::trigger);
    connect(m_welcome, &WelcomePage::recentRequested, m_files, &ProjectController::openProject);
    connect(m_monitor, &DeployMonitor::runningChanged, this, [this](bool running) {
        refresh();
        if (running)
            showPage(Page::Deploy);
    });
    connect(
        m_monitor, &DeployMonitor::runFinished, this, [this](bool ok, const QString &title, const QString &summary) {
            m_lastRun = tr("Last run: %1 — %2").arg(title, summary);
            m_runLabel->setText(m_lastRun);
            const auto glyph = ok ? Icons::Glyph::Ok : Icons::Glyph::Error;
            m_runLabel->setStyleSheet(QStringLiteral("color: %1").arg(Icons::statusColor(glyph).name()));
        });

    // Settings.
    connect(m_settings, &AppSettings::languageChanged, this, [](const QString &lang) { Language::apply(lang); });
    connect(
        m_settings, &AppSettings::changed, this, [this] { m_monitor->log()->setCapacity(m_settings->logCapacity()); });

    resize(1280, 820);
    if (!m_settings->windowGeometry().isEmpty())
        restoreGeometry(m_settings->windowGeometry());
    if (!m_settings->windowState().isEmpty())
        restoreState(m_settings->windowState());
    retranslate();
    showPage(Page::Welcome);
    // Unsaved work of an untitled project from a crashed session.
    QTimer::singleShot(0, this, [this] {
        if (!m_document->isOpen())
            m_files->offerRecovery({});
    });
}

MainWindow::~MainWindow()
{
    m_prompter->cancelAll();
    if (m_backend)
        m_backend->cancel();
}

const Project &MainWindow::project() const
{
    return m_document->project();
}

void MainWindow::setDeployBackend(DeployBackend *backend)
{
    m_backend = backend;
    delete m_backendLinks; // drops the connections made for the previous back end
    m_backendLinks = new QObject(this);
    if (m_backend) {
        m_backend->attach(m_monitor, m_prompter);
        m_backend->setProjectFile(m_document->filePath(), lastRenderDir());
        QObject *links = m_backendLinks;
        connect(m_images, &ImagesPage::checkImagesRequested, links, [this] {
            if (!m_monitor->isRunning()) {
                m_backend->preflight(project(), {}); // its Images step lists what each host has and lacks
                showPage(Page::Deploy);
            }
        });
        connect(m_images, &ImagesPage::testLoginRequested, links, [this] {
            if (m_monitor->isRunning() || !m_backend->canTestRegistryLogin()) {
                m_images->setLoginTestFinished(false, tr("another run is in progress"));
                return;
            }
            m_backend->testRegistryLogin(project()); // results: monitor rows and registryChecked
        });
        connect(m_deploy, &DeployPage::cancelRequested, links, [this] { m_backend->cancel(); });
        connect(m_deploy, &DeployPage::retryFailedRequested, links, [this](const QStringList &hosts) {
            if (!hosts.isEmpty())
                m_backend->retryFailed(project(), hosts);
        });
        connect(m_deploy, &DeployPage::refreshStatusRequested, links, [this] { m_backend->refreshStatus(project()); });
        connect(m_deploy, &DeployPage::verifyRequested, links, [this](int guest, int host) {
            m_backend->verify(project(), guest, host);
        });
    }
    refresh();
}

void MainWindow::setSecretStore(std::shared_ptr<SecretStore> store)
{
    m_secrets = store;
    m_images->setSecretStore(std::move(store));
}

MainWindow::Page MainWindow::currentPage() const
{
    return Page(m_stack->currentIndex());
}

void MainWindow::showPage(Page page)
{
    if (page != Page::Welcome && !m_document->isOpen())
        page = Page::Welcome;
    m_stack->setCurrentIndex(int(page));
    m_sidebar->showRow(page == Page::Welcome ? -1 : int(page) - 1);
}

void MainWindow::retranslate()
{
    m_actions->retranslate();
    m_sidebar->retranslate();
    for (QAction *a : m_actions->menu(QStringLiteral("settings/language"))->actions())
        a->setChecked(a->data().toString() == m_settings->language());
    if (!m_lastRun.isEmpty())
        m_runLabel->setText(m_lastRun);
    updateRecent();
    refresh();
}

void MainWindow::updateRecent()
{
    m_files->fillRecentMenu(m_actions->menu(QStringLiteral("file/recent")));
    m_welcome->setRecentFiles(m_settings->recentFiles());
}

void MainWindow::refresh()
{
    setWindowTitle(m_files->title());
    setWindowModified(m_document->isDirty());
    WindowState state;
    state.open = m_document->isOpen();
    state.valid = state.open && !Validator::hasErrors(m_document->issues());
    state.engine = m_backend != nullptr;
    state.running = m_monitor->isRunning();
    state.selection = !m_topology->selectedPartyIds().isEmpty();
    state.failed = !m_monitor->hosts()->failedHosts().isEmpty();
    m_actions->update(state);
    m_images->setCapabilities(state.engine && state.open && !state.running && m_backend->canTestRegistryLogin(),
                              state.engine && state.open);
    m_sidebar->setVisible(state.open);
    m_welcome->setImportAvailable(true);
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    if (event->type() == QEvent::PaletteChange)
        m_monitor->log()->setLook(Icons::itemLook());
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_files->mayClose([this] { close(); }))
        return event->ignore();
    m_settings->setWindowGeometry(saveGeometry());
    m_settings->setWindowState(saveState());
    if (m_backend && m_monitor->isRunning())
        m_backend->cancel();
    m_prompter->cancelAll();
    event->accept();
}

} // namespace FateDeployer
