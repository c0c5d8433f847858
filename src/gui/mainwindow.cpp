// SPDX-License-Identifier: Apache-2.0
#include "gui/mainwindow.h"

#include "gui/appsettings.h"
#include "gui/deploybackend.h"
#include "gui/deploymonitor.h"
#include "gui/deploypage.h"
#include "gui/dialogs.h"
#include "gui/historypage.h"
#include "gui/hoststatus.h"
#include "gui/icons.h"
#include "gui/imagespage.h"
#include "gui/language.h"
#include "gui/partytablemodel.h"
#include "gui/previewdialog.h"
#include "gui/projectdocument.h"
#include "gui/prompter.h"
#include "gui/settingsdialog.h"
#include "gui/topologypage.h"
#include "gui/welcomepage.h"
#include "kubefate/kubefateexporter.h"
#include "kubefate/kubefateformat.h"
#include "kubefate/kubefateimporter.h"
#include "model/projectfile.h"

#include <QActionGroup>
#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QCryptographicHash>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableWidget>
#include <QToolBar>
#include <QVBoxLayout>

namespace FateDeployer {

namespace {
const QString ProjectFilter = QStringLiteral("*.fdproj");

QString dataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}
} // namespace

MainWindow::MainWindow(AppSettings *settings, QWidget *parent)
    : QMainWindow(parent)
    , m_settings(settings ? settings : new AppSettings(this))
    , m_document(new ProjectDocument(this))
    , m_statusBoard(new HostStatusBoard(this))
    , m_monitor(new DeployMonitor(m_statusBoard, this))
    , m_prompter(new GuiPrompter(this))
    , m_sidebar(new QListWidget(this))
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
    m_welcome->setObjectName(QStringLiteral("welcomePage"));
    m_topology->setObjectName(QStringLiteral("topologyPage"));
    m_images->setObjectName(QStringLiteral("imagesPage"));
    m_deploy->setObjectName(QStringLiteral("deployPage"));
    m_history->setObjectName(QStringLiteral("historyPage"));
    m_sidebar->setObjectName(QStringLiteral("sidebar"));

    // Sidebar + stacked pages; the welcome page has no sidebar entry.
    for (int i = 0; i < 4; ++i)
        new QListWidgetItem(m_sidebar);
    m_sidebar->item(0)->setIcon(Icons::icon(Icons::Glyph::Topology));
    m_sidebar->item(1)->setIcon(Icons::icon(Icons::Glyph::Images));
    m_sidebar->item(2)->setIcon(Icons::icon(Icons::Glyph::Deploy));
    m_sidebar->item(3)->setIcon(Icons::icon(Icons::Glyph::History));
    m_sidebar->setIconSize(QSize(22, 22));
    m_sidebar->setSpacing(2);
    m_sidebar->setFrameShape(QFrame::NoFrame);
    m_sidebar->setFixedWidth(190);
    m_sidebar->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Expanding);
    m_stack->addWidget(m_welcome);
    m_stack->addWidget(m_topology);
    m_stack->addWidget(m_images);
    m_stack->addWidget(m_deploy);
    m_stack->addWidget(m_history);
    connect(m_sidebar, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && m_document->isOpen())
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

    createActions();
    createMenus();

    // Document → window.
    connect(m_document, &ProjectDocument::changed, this, &MainWindow::updateTitle);
    connect(m_document, &ProjectDocument::changed, this, &MainWindow::updateActions);
    connect(m_document, &ProjectDocument::dirtyChanged, this, &MainWindow::updateTitle);
    connect(m_document, &ProjectDocument::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_document, &ProjectDocument::filePathChanged, this, [this](const QString &path) {
        if (m_backend)
            m_backend->setProjectFile(path, lastRenderDir());
    });
    connect(m_monitor, &DeployMonitor::imagePresence, m_images, &ImagesPage::setImagePresence);
    connect(m_document, &ProjectDocument::documentReset, this, [this] {
        m_statusBoard->clear();
        if (m_document->isOpen()) {
            if (currentPage() == Page::Welcome)
                showPage(Page::Topology);
        } else {
            showPage(Page::Welcome);
        }
    });
    connect(m_topology, &TopologyPage::currentHostChanged, this, [this](const QString &host) {
        m_hostLabel->setText(host.isEmpty() ? QString() : tr("Selected host: %1").arg(host));
        updateActions(); // "Deploy selected parties" follows the selection
    });

    // Welcome page.
    connect(m_welcome, &WelcomePage::exampleRequested, this, &MainWindow::newFromExample);
    connect(m_welcome, &WelcomePage::openRequested, this, &MainWindow::open);
    connect(m_welcome, &WelcomePage::newRequested, this, &MainWindow::newProject);
    connect(m_welcome, &WelcomePage::importRequested, this, [this] {
        m_actions.value(QStringLiteral("actionImport"))->trigger();
    });
    connect(m_welcome, &WelcomePage::recentRequested, this, [this](const QString &path) { openProject(path); });
    connect(m_settings, &AppSettings::recentFilesChanged, this, &MainWindow::updateRecentMenu);

    // Images page → back end: "Check images on hosts" is the engine's preflight (its Images step
    // lists what each host has and lacks, with the registry check when one is set).
    connect(m_images, &ImagesPage::checkImagesRequested, this, [this] {
        if (m_backend && !m_monitor->isRunning()) {
            m_backend->preflight(m_document->project(), {});
            showPage(Page::Deploy);
        }
    });

    // Deploy page → back end.
    connect(m_deploy, &DeployPage::cancelRequested, this, [this] {
        if (m_backend)
            m_backend->cancel();
    });
    connect(m_deploy, &DeployPage::retryFailedRequested, this, [this](const QStringList &hosts) {
        if (m_backend && !hosts.isEmpty())
            m_backend->retryFailed(m_document->project(), hosts);
    });
    connect(m_deploy, &DeployPage::refreshStatusRequested, this, [this] {
        if (m_backend)
            m_backend->refreshStatus(m_document->project());
    });
    connect(m_deploy, &DeployPage::verifyRequested, this, [this](int guest, int host) {
        if (m_backend)
            m_backend->verify(m_document->project(), guest, host);
    });
    connect(m_monitor, &DeployMonitor::runningChanged, this, &MainWindow::updateActions);
    connect(m_monitor, &DeployMonitor::runningChanged, this, [this](bool running) {
        if (running)
            showPage(Page::Deploy);
    });
    connect(
        m_monitor, &DeployMonitor::runFinished, this, [this](bool ok, const QString &title, const QString &summary) {
            m_lastRun = tr("Last run: %1 — %2").arg(title, summary);
            m_runLabel->setText(m_lastRun);
            m_runLabel->setStyleSheet(QStringLiteral("color: %1")
                                          .arg(Icons::statusColor(ok ? Icons::Glyph::Ok : Icons::Glyph::Error).name()));
        });

    // Settings.
    connect(
        m_settings, &AppSettings::languageChanged, this, [](const QString &language) { Language::apply(language); });
    connect(m_settings, &AppSettings::changed, this, [this] {
        m_monitor->log()->setCapacity(m_settings->logCapacity());
        const int seconds = m_settings->autosaveIntervalSeconds();
        if (seconds > 0)
            m_autosave.start(seconds * 1000);
        else
            m_autosave.stop();
    });
    connect(&m_autosave, &QTimer::timeout, this, &MainWindow::autosaveNow);
    if (m_settings->autosaveIntervalSeconds() > 0)
        m_autosave.start(m_settings->autosaveIntervalSeconds() * 1000);

    resize(1280, 820);
    if (!m_settings->windowGeometry().isEmpty())
        restoreGeometry(m_settings->windowGeometry());
    if (!m_settings->windowState().isEmpty())
        restoreState(m_settings->windowState());

    retranslate();
    showPage(Page::Welcome);
    updateRecentMenu();
    updateTitle();
    updateActions();
    // Unsaved work of an untitled project from a crashed session.
    QTimer::singleShot(0, this, [this] {
        if (!m_document->isOpen())
            offerRecovery({});
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

// ---- actions and menus --------------------------------------------------------------------
void MainWindow::createActions()
{
    auto make = [this](const char *name, auto slot, QKeySequence shortcut = {}, QIcon icon = {}) {
        auto *a = new QAction(this);
        a->setObjectName(QLatin1String(name));
        if (!shortcut.isEmpty())
            a->setShortcut(shortcut);
        if (!icon.isNull())
            a->setIcon(icon);
        connect(a, &QAction::triggered, this, slot);
        m_actions.insert(QLatin1String(name), a);
        return a;
    };
    using G = Icons::Glyph;
    make(
        "actionNew", [this] { newProject(); }, QKeySequence::New, Icons::themed("document-new", G::Add));
    make("actionNewExample", [this] { newFromExample(); });
    make(
        "actionOpen", [this] { open(); }, QKeySequence::Open, Icons::themed("document-open", G::Open));
    make(
        "actionSave", [this] { save(); }, QKeySequence::Save, Icons::themed("document-save", G::Save));
    make(
        "actionSaveAs", [this] { saveAs(); }, QKeySequence::SaveAs);
    make("actionImport", [this] { importKubefate(); });
    make("actionExportProject", [this] { exportProject(); });
    make("actionExportKubefate", [this] { exportKubefate(); });
    make(
        "actionClose", [this] { closeProject(); }, QKeySequence::Close);
    make(
        "actionQuit", [this] { close(); }, QKeySequence::Quit);

    m_undo = m_document->undoStack()->createUndoAction(this);
    m_undo->setObjectName(QStringLiteral("actionUndo"));
    m_undo->setShortcut(QKeySequence::Undo);
    m_redo = m_document->undoStack()->createRedoAction(this);
    m_redo->setObjectName(QStringLiteral("actionRedo"));
    m_redo->setShortcut(QKeySequence::Redo);
    m_actions.insert(m_undo->objectName(), m_undo);
    m_actions.insert(m_redo->objectName(), m_redo);
    make(
        "actionAddParty",
        [this] {
            showPage(Page::Topology);
            m_topology->addParty();
        },
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N),
        Icons::icon(G::Add));
    make(
        "actionDuplicateParty",
        [this] { m_topology->duplicateParty(); },
        QKeySequence(Qt::CTRL | Qt::Key_D),
        Icons::icon(G::Duplicate));
    make(
        "actionRemoveParty",
        [this] { m_topology->removeSelectedParties(); },
        QKeySequence(Qt::CTRL | Qt::Key_Delete),
        Icons::icon(G::Remove));

    make(
        "actionPreflight",
        [this] {
            if (m_backend)
                m_backend->preflight(project(), {});
        },
        QKeySequence(Qt::CTRL | Qt::Key_P),
        Icons::icon(G::Preflight));
    make(
        "actionDeployAll",
        [this] {
            if (m_backend)
                m_backend->deploy(project(), DeployBackend::Scope::All, {});
        },
        QKeySequence(Qt::CTRL | Qt::Key_R),
        Icons::icon(G::Deploy));
    make(
        "actionDeploySelected",
        [this] {
            const QList<int> ids = m_topology->selectedPartyIds();
            if (m_backend && !ids.isEmpty())
                m_backend->deploy(project(), DeployBackend::Scope::SelectedParties, ids);
        },
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    make("actionDeployExchange", [this] {
        if (m_backend)
            m_backend->deploy(project(), DeployBackend::Scope::Exchange, {});
    });
    make(
        "actionVerify",
        [this] {
            if (m_backend)
                m_backend->verify(project(), project().guestId(), project().hostId());
        },
        QKeySequence(Qt::CTRL | Qt::Key_T),
        Icons::icon(G::Verify));
    make(
        "actionRefreshStatus",
        [this] {
            if (m_backend)
                m_backend->refreshStatus(project());
        },
        QKeySequence::Refresh,
        Icons::icon(G::Refresh));
    make("actionTeardown", [this] { askTeardown(); });
    make(
        "actionCancel",
        [this] {
            if (m_backend)
                m_backend->cancel();
        },
        QKeySequence(Qt::CTRL | Qt::Key_Period),
        Icons::icon(G::Cancel));
    make(
        "actionRetryFailed",
        [this] {
            if (m_backend)
                m_backend->retryFailed(project(), m_monitor->hosts()->failedHosts());
        },
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F5),
        Icons::icon(G::Retry));

    const Page pages[] = {Page::Topology, Page::Images, Page::Deploy, Page::History};
    const char *pageNames[] = {"actionShowTopology", "actionShowImages", "actionShowDeploy", "actionShowHistory"};
    for (int i = 0; i < 4; ++i)
        make(
            pageNames[i], [this, page = pages[i]] { showPage(page); }, QKeySequence(Qt::CTRL | (Qt::Key_1 + i)));
    make("actionPreview", [this] {
        const QString base
            = m_document->filePath().isEmpty() ? QDir::currentPath() : QFileInfo(m_document->filePath()).path();
        auto *dialog = new PreviewDialog(project(), base, lastRenderDir(), this);
        dialog->open();
    });
    auto *fullScreen = make(
        "actionFullScreen",
        [this](bool on) {
            setWindowState(on ? windowState() | Qt::WindowFullScreen : windowState() & ~Qt::WindowFullScreen);
        },
        QKeySequence::FullScreen);
    fullScreen->setCheckable(true);
    make(
        "actionFind",
        [this] {
            showPage(Page::Deploy);
            m_deploy->focusSearch();
        },
        QKeySequence::Find,
        Icons::icon(G::Search));

    make(
        "actionSettings", [this] { (new SettingsDialog(m_settings, this))->open(); }, QKeySequence::Preferences);
    auto *languages = new QActionGroup(this);
    const char *langNames[] = {"actionLanguageSystem", "actionLanguageEnglish", "actionLanguageChinese"};
    const char *langCodes[] = {"", "en", "zh_CN"};
    for (int i = 0; i < 3; ++i) {
        QAction *a = make(langNames[i], [this, code = QLatin1String(langCodes[i])] { m_settings->setLanguage(code); });
        a->setCheckable(true);
        a->setData(QLatin1String(langCodes[i]));
        languages->addAction(a);
    }
    make(
        "actionShortcuts", [this] { showShortcuts(); }, QKeySequence::HelpContents);
    make("actionAbout", [this] { showAbout(); });
    make("actionAboutQt", [] { QApplication::aboutQt(); });
    for (QAction *a : std::as_const(m_actions))
        addAction(a); // shortcuts work even when the menu bar is hidden
}

void MainWindow::createMenus()
{
    auto act = [this](const char *name) { return m_actions.value(QLatin1String(name)); };
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->addAction(act("actionNew"));
    m_fileMenu->addAction(act("actionNewExample"));
    m_fileMenu->addAction(act("actionOpen"));
    m_recentMenu = m_fileMenu->addMenu(QString());
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(act("actionSave"));
    m_fileMenu->addAction(act("actionSaveAs"));
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(act("actionImport"));
    m_exportMenu = m_fileMenu->addMenu(QString());
    m_exportMenu->addAction(act("actionExportProject"));
    m_exportMenu->addAction(act("actionExportKubefate"));
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(act("actionClose"));
    m_fileMenu->addAction(act("actionQuit"));

    m_editMenu = menuBar()->addMenu(QString());
    m_editMenu->addAction(m_undo);
    m_editMenu->addAction(m_redo);
    m_editMenu->addSeparator();
    m_editMenu->addAction(act("actionAddParty"));
    m_editMenu->addAction(act("actionDuplicateParty"));
    m_editMenu->addAction(act("actionRemoveParty"));
    m_editMenu->addSeparator();
    m_editMenu->addAction(act("actionFind"));

    m_deployMenu = menuBar()->addMenu(QString());
    for (const char *name : {"actionPreflight",
                             "actionDeployAll",
                             "actionDeploySelected",
                             "actionDeployExchange",
                             "actionVerify",
                             "actionRefreshStatus"})
        m_deployMenu->addAction(act(name));
    m_deployMenu->addSeparator();
    m_deployMenu->addAction(act("actionCancel"));
    m_deployMenu->addAction(act("actionRetryFailed"));
    m_deployMenu->addSeparator();
    m_deployMenu->addAction(act("actionTeardown"));

    m_viewMenu = menuBar()->addMenu(QString());
    for (const char *name : {"actionShowTopology", "actionShowImages", "actionShowDeploy", "actionShowHistory"})
        m_viewMenu->addAction(act(name));
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(act("actionPreview"));
    m_viewMenu->addAction(act("actionFullScreen"));

    m_settingsMenu = menuBar()->addMenu(QString());
    m_settingsMenu->addAction(act("actionSettings"));
    m_languageMenu = m_settingsMenu->addMenu(QString());
    for (const char *name : {"actionLanguageSystem", "actionLanguageEnglish", "actionLanguageChinese"})
        m_languageMenu->addAction(act(name));

    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->addAction(act("actionShortcuts"));
    m_helpMenu->addMenu(m_languageMenu);
    m_helpMenu->addSeparator();
    m_helpMenu->addAction(act("actionAbout"));
    m_helpMenu->addAction(act("actionAboutQt"));

    m_toolbar = addToolBar(QString());
    m_toolbar->setObjectName(QStringLiteral("mainToolbar"));
    m_toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolbar->setIconSize(QSize(18, 18));
    for (const char *name : {"actionOpen", "actionSave"})
        m_toolbar->addAction(act(name));
    m_toolbar->addSeparator();
    m_toolbar->addAction(m_undo);
    m_toolbar->addAction(m_redo);
    m_toolbar->addSeparator();
    for (const char *name : {"actionPreflight",
                             "actionDeployAll",
                             "actionVerify",
                             "actionRefreshStatus",
                             "actionCancel",
                             "actionRetryFailed"})
        m_toolbar->addAction(act(name));
    m_viewMenu->addAction(m_toolbar->toggleViewAction());
}

void MainWindow::retranslate()
{
    auto set = [this](const char *name, const QString &text, const QString &tip = {}) {
        QAction *a = m_actions.value(QLatin1String(name));
        a->setText(text);
        a->setStatusTip(tip);
        a->setToolTip(tip.isEmpty() ? QString(text).remove(QLatin1Char('&')) : tip);
    };
    set("actionNew", tr("&New project"), tr("Start an empty project"));
    set("actionNewExample", tr("New from the &two-party example"), tr("Parties 10000 and 9999 with an exchange"));
    set("actionOpen", tr("&Open…"), tr("Open a project file (.fdproj)"));
    set("actionSave", tr("&Save"), tr("Save the project file"));
    set("actionSaveAs", tr("Save &As…"));
    set("actionImport",
        tr("&Import KubeFATE configuration…"),
        tr("Read KubeFATE's docker-configuration.sh or parties.conf (with its .env) into a new project"));
    set("actionExportProject",
        tr("&Project without secrets…"),
        tr("Save a copy to share with another team; it never contains passwords"));
    set("actionExportKubefate",
        tr("&KubeFATE configuration files…"),
        tr("Write docker-configuration.sh or parties.conf and .env for KubeFATE's own scripts"));
    set("actionClose", tr("&Close project"));
    set("actionQuit", tr("&Quit"));
    set("actionAddParty", tr("&Add party"));
    set("actionDuplicateParty", tr("&Duplicate party"));
    set("actionRemoveParty", tr("&Remove party"));
    set("actionFind", tr("&Find in log…"));
    const QString noEngine = tr("The deploy engine is not part of this build yet.");
    const bool engine = m_backend != nullptr;
    set("actionPreflight",
        tr("&Preflight check"),
        engine ? tr("Check every host before touching anything: SSH, Docker, Compose, ports, disk") : noEngine);
    set("actionDeployAll", tr("&Deploy all"), engine ? tr("Deploy every party and the exchange") : noEngine);
    set("actionDeploySelected",
        tr("Deploy &selected parties"),
        engine ? tr("Deploy only the parties selected in the topology") : noEngine);
    set("actionDeployExchange", tr("Deploy the &exchange"), engine ? QString() : noEngine);
    set("actionVerify", tr("&Verify deployment"), engine ? tr("Run the toy example between two parties") : noEngine);
    set("actionRefreshStatus",
        tr("Refresh &status"),
        engine ? tr("Ask every host for its container status") : noEngine);
    set("actionTeardown", tr("&Delete deployment…"), engine ? tr("Stop and remove FATE on the hosts") : noEngine);
    set("actionCancel", tr("&Cancel"), tr("Stop the running deployment"));
    set("actionRetryFailed", tr("&Retry failed hosts"), tr("Rerun the plan for the hosts that failed, only them"));
    set("actionShowTopology", tr("&Topology"));
    set("actionShowImages", tr("&Images && registry"));
    set("actionShowDeploy", tr("&Deploy"));
    set("actionShowHistory", tr("&History"));
    set("actionPreview",
        tr("Render &preview…"),
        tr("Browse rendered bundles and what changed since the last deployment"));
    set("actionFullScreen", tr("&Full screen"));
    set("actionSettings", tr("&Preferences…"));
    set("actionLanguageSystem", tr("&System language"));
    set("actionLanguageEnglish", QStringLiteral("English"));
    set("actionLanguageChinese", QStringLiteral("简体中文"));
    set("actionShortcuts", tr("&Keyboard shortcuts"));
    set("actionAbout", tr("&About FATE Deployer"));
    set("actionAboutQt", tr("About &Qt"));
    m_undo->setText(tr("&Undo"));
    m_redo->setText(tr("&Redo"));
    m_fileMenu->setTitle(tr("&File"));
    m_recentMenu->setTitle(tr("Open &Recent"));
    m_exportMenu->setTitle(tr("&Export"));
    m_editMenu->setTitle(tr("&Edit"));
    m_deployMenu->setTitle(tr("&Deploy"));
    m_viewMenu->setTitle(tr("&View"));
    m_settingsMenu->setTitle(tr("&Settings"));
    m_languageMenu->setTitle(tr("&Language"));
    m_helpMenu->setTitle(tr("&Help"));
    m_toolbar->setWindowTitle(tr("Main toolbar"));
    m_sidebar->item(0)->setText(tr("Topology"));
    m_sidebar->item(1)->setText(tr("Images & registry"));
    m_sidebar->item(2)->setText(tr("Deploy"));
    m_sidebar->item(3)->setText(tr("History"));
    for (const char *name : {"actionLanguageSystem", "actionLanguageEnglish", "actionLanguageChinese"}) {
        QAction *a = m_actions.value(QLatin1String(name));
        a->setChecked(a->data().toString() == m_settings->language());
    }
    if (!m_lastRun.isEmpty())
        m_runLabel->setText(m_lastRun);
    updateRecentMenu();
    updateTitle();
    // Toolbar labels: Qt strips "&" but not the "(&O)" mnemonic suffix of CJK translations, nor "…".
    static const QRegularExpression mnemonicSuffix(QStringLiteral("\\s*\\(&.\\)"));
    for (QAction *a : m_toolbar->actions()) {
        if (a->isSeparator())
            continue;
        QString label = a->text();
        label.remove(mnemonicSuffix);
        label.remove(QLatin1Char('&'));
        if (label.endsWith(QChar(0x2026)))
            label.chop(1);
        a->setIconText(label);
    }
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::updateTitle()
{
    QString title;
    if (!m_document->isOpen()) {
        title = tr("Welcome");
    } else {
        const QString name = project().name.isEmpty() ? tr("Untitled project") : project().name;
        const QString file
            = m_document->filePath().isEmpty() ? tr("not saved yet") : QFileInfo(m_document->filePath()).fileName();
        title = tr("%1 (%2)[*]", "window title: project name (file name); [*] marks unsaved changes").arg(name, file);
    }
    setWindowTitle(title);
    setWindowModified(m_document->isDirty());
}

void MainWindow::updateActions()
{
    const bool open = m_document->isOpen();
    const bool running = m_monitor->isRunning();
    const bool valid = open && !Validator::hasErrors(m_document->issues());
    const bool engine = m_backend != nullptr;
    auto enable = [this](const char *name, bool on) { m_actions.value(QLatin1String(name))->setEnabled(on); };
    for (const char *name : {"actionSave",
                             "actionSaveAs",
                             "actionExportProject",
                             "actionClose",
                             "actionAddParty",
                             "actionDuplicateParty",
                             "actionRemoveParty",
                             "actionShowTopology",
                             "actionShowImages",
                             "actionShowDeploy",
                             "actionShowHistory"})
        enable(name, open);
    enable("actionImport", true);
    enable("actionExportKubefate", open);
    for (const char *name :
         {"actionPreflight", "actionDeployAll", "actionDeployExchange", "actionVerify", "actionTeardown"})
        enable(name, engine && valid && !running);
    enable("actionDeploySelected", engine && valid && !running && !m_topology->selectedPartyIds().isEmpty());
    enable("actionRefreshStatus", engine && open && !running);
    enable("actionCancel", engine && running);
    enable("actionRetryFailed", engine && !running && !m_monitor->hosts()->failedHosts().isEmpty());
    m_images->setCapabilities(false, engine && open);
    m_sidebar->setVisible(open);
    m_welcome->setImportAvailable(true);
}

void MainWindow::setSecretStore(std::shared_ptr<SecretStore> store)
{
    m_images->setSecretStore(std::move(store));
}

void MainWindow::setDeployBackend(DeployBackend *backend)
{
    m_backend = backend;
    if (m_backend) {
        m_backend->attach(m_monitor, m_prompter);
        m_backend->setProjectFile(m_document->filePath(), lastRenderDir());
    }
    retranslate();
    updateActions();
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
    const QSignalBlocker blocker(m_sidebar);
    m_sidebar->setCurrentRow(page == Page::Welcome ? -1 : int(page) - 1);
}

// ---- files --------------------------------------------------------------------------------
void MainWindow::loadProject(const Project &p, const QString &path, bool dirty)
{
    m_document->reset(p, path.isEmpty() ? QString() : QFileInfo(path).absoluteFilePath(), dirty);
    if (!path.isEmpty())
        m_settings->addRecentFile(path);
    showPage(Page::Topology);
}

bool MainWindow::openProject(const QString &path)
{
    Result<Project> loaded = ProjectFile::load(path);
    if (!loaded) {
        m_lastError = loaded.error();
        Dialogs::showError(this, tr("Cannot open project"), m_lastError);
        return false;
    }
    m_lastError.clear();
    loadProject(loaded.value(), path, false);
    offerRecovery(m_document->filePath());
    return true;
}

void MainWindow::ifChangesHandled(const std::function<void()> &then)
{
    if (!m_document->isDirty()) {
        then();
        return;
    }
    Dialogs::ask(this,
                 QMessageBox::Question,
                 tr("Unsaved changes"),
                 tr("“%1” has changes that are not saved. Save them first?")
                     .arg(project().name.isEmpty() ? tr("Untitled project") : project().name),
                 QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel,
                 QMessageBox::Save,
                 [this, then](QMessageBox::StandardButton answer) {
                     if (answer == QMessageBox::Save) {
                         if (m_document->filePath().isEmpty()) {
                             Dialogs::saveFile(this,
                                               tr("Save project"),
                                               QStringLiteral("federation.fdproj"),
                                               tr("FATE Deployer projects (%1)").arg(ProjectFilter),
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

void MainWindow::newProject()
{
    ifChangesHandled([this] {
        Project p;
        p.name = tr("New federation");
        loadProject(p, {}, true);
    });
}

void MainWindow::newFromExample()
{
    ifChangesHandled([this] { loadProject(Project::example(), {}, true); });
}

void MainWindow::open()
{
    ifChangesHandled([this] {
        Dialogs::openFile(this,
                          tr("Open project"),
                          tr("FATE Deployer projects (%1)").arg(ProjectFilter),
                          [this](const QString &path) {
                              if (!path.isEmpty())
                                  openProject(path);
                          });
    });
}

void MainWindow::saveTo(const QString &path, const std::function<void()> &then)
{
    const QString oldAutosave = autosavePath(m_document->filePath());
    Status status = m_document->save(path);
    if (!status) {
        m_lastError = status.error();
        Dialogs::showError(this, tr("Cannot save project"), status.error());
        return;
    }
    QFile::remove(oldAutosave);
    QFile::remove(autosavePath(m_document->filePath()));
    m_settings->addRecentFile(m_document->filePath());
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(m_document->filePath())), 4000);
    if (then)
        then();
}

void MainWindow::save()
{
    if (!m_document->isOpen())
        return;
    if (m_document->filePath().isEmpty())
        saveAs();
    else
        saveTo(m_document->filePath());
}

void MainWindow::saveAs()
{
    if (!m_document->isOpen())
        return;
    const QString suggested
        = m_document->filePath().isEmpty() ? QStringLiteral("federation.fdproj") : m_document->filePath();
    Dialogs::saveFile(this,
                      tr("Save project as"),
                      suggested,
                      tr("FATE Deployer projects (%1)").arg(ProjectFilter),
                      QStringLiteral("fdproj"),
                      [this](const QString &path) {
                          if (!path.isEmpty())
                              saveTo(path);
                      });
}

void MainWindow::exportProject()
{
    // The project format holds no secret by construction, so a copy is safe to hand over.
    Dialogs::saveFile(this,
                      tr("Export project without secrets"),
                      QStringLiteral("federation-shared.fdproj"),
                      tr("FATE Deployer projects (%1)").arg(ProjectFilter),
                      QStringLiteral("fdproj"),
                      [this](const QString &path) {
                          if (path.isEmpty())
                              return;
                          Status status = ProjectFile::save(project(), path);
                          if (!status)
                              Dialogs::showError(this, tr("Cannot export project"), status.error());
                          else
                              statusBar()->showMessage(tr("Exported to %1").arg(QDir::toNativeSeparators(path)), 4000);
                      });
}

void MainWindow::importKubefate()
{
    ifChangesHandled([this] {
        Dialogs::openFile(
            this,
            tr("Import KubeFATE configuration"),
            tr("KubeFATE configuration (docker-configuration.sh parties.conf);;All files (*)"),
            [this](const QString &path) {
                if (path.isEmpty())
                    return;
                // Two small text files: reading them here is quicker than a thread hop.
                KubefateImporter importer;
                Result<Project> imported = importer.importFiles(path);
                if (!imported) {
                    m_lastError = imported.error();
                    Dialogs::showError(this, tr("Cannot import KubeFATE configuration"), imported.error());
                    return;
                }
                m_lastError.clear();
                Project project = imported.value();
                if (project.name.isEmpty())
                    project.name = tr("Imported from %1").arg(QFileInfo(path).fileName());
                loadProject(project, {}, true);
                QString text = tr("Imported %n party(s) from %1.", nullptr, int(project.parties.size()))
                                   .arg(QDir::toNativeSeparators(path));
                if (!importer.envPath().isEmpty())
                    text += QLatin1Char(' ')
                            + tr("Image settings from %1.").arg(QDir::toNativeSeparators(importer.envPath()));
                if (!importer.warnings().isEmpty())
                    text += QStringLiteral("\n\n") + tr("Not taken over:") + QStringLiteral("\n• ")
                            + importer.warnings().join(QStringLiteral("\n• "));
                text += QStringLiteral("\n\n") + tr("Save the project to keep it.");
                Dialogs::ask(this,
                             QMessageBox::Information,
                             tr("KubeFATE configuration imported"),
                             text,
                             QMessageBox::Ok,
                             QMessageBox::Ok,
                             [](QMessageBox::StandardButton) {});
            });
    });
}

void MainWindow::exportKubefate()
{
    Dialogs::openDirectory(this, tr("Folder for the KubeFATE files"), [this](const QString &dir) {
        if (dir.isEmpty())
            return;
        const KubefateFormat format = kubefateFormatForVersion(project().templates.kubefateVersion);
        KubefateExporter exporter;
        Status status = exporter.write(project(), format, dir, false);
        if (!status) {
            m_lastError = status.error();
            Dialogs::showError(this, tr("Cannot export KubeFATE configuration"), status.error());
            return;
        }
        QString text
            = tr("Wrote %1 and .env to %2.").arg(kubefateConfigFileName(format), QDir::toNativeSeparators(dir));
        if (!exporter.warnings().isEmpty())
            text += QStringLiteral("\n\n") + tr("KubeFATE's files cannot carry:") + QStringLiteral("\n• ")
                    + exporter.warnings().join(QStringLiteral("\n• "));
        Dialogs::ask(this,
                     QMessageBox::Information,
                     tr("KubeFATE configuration exported"),
                     text,
                     QMessageBox::Ok,
                     QMessageBox::Ok,
                     [](QMessageBox::StandardButton) {});
    });
}

void MainWindow::closeProject()
{
    ifChangesHandled([this] {
        QFile::remove(autosavePath(m_document->filePath()));
        m_document->close();
    });
}

QString MainWindow::lastRenderDir() const
{
    // One folder per project file; the engine writes the bundles there after a deployment
    // (BundleWriter::writeTree, see docs/render.md).
    const QByteArray key
        = QCryptographicHash::hash(m_document->filePath().toUtf8(), QCryptographicHash::Sha1).toHex().left(16);
    return QDir(dataDir()).filePath(QStringLiteral("renders/") + QString::fromLatin1(key));
}

QString MainWindow::autosavePath(const QString &projectPath) const
{
    const QByteArray key
        = projectPath.isEmpty()
              ? QByteArrayLiteral("untitled")
              : QCryptographicHash::hash(QFileInfo(projectPath).absoluteFilePath().toUtf8(), QCryptographicHash::Sha1)
                    .toHex()
                    .left(16);
    return QDir(dataDir()).filePath(QStringLiteral("autosave/") + QString::fromLatin1(key) + QStringLiteral(".fdproj"));
}

void MainWindow::autosaveNow()
{
    if (!m_document->isDirty())
        return;
    const QString path = autosavePath(m_document->filePath());
    QDir().mkpath(QFileInfo(path).path());
    // Small JSON through QSaveFile; a failure only costs the recovery copy, so it is not reported.
    (void)ProjectFile::save(project(), path);
}

void MainWindow::offerRecovery(const QString &projectPath)
{
    const QString path = autosavePath(projectPath);
    const QFileInfo autosave(path);
    if (!autosave.exists())
        return;
    if (!projectPath.isEmpty() && QFileInfo(projectPath).lastModified() >= autosave.lastModified()) {
        QFile::remove(path); // older than the saved file: nothing to recover
        return;
    }
    Dialogs::ask(this,
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
                         Dialogs::showError(this, tr("Cannot recover"), loaded.error());
                         return;
                     }
                     loadProject(loaded.value(), projectPath, true);
                 });
}

void MainWindow::updateRecentMenu()
{
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    const QStringList files = m_settings->recentFiles();
    for (int i = 0; i < files.size(); ++i) {
        const QString file = files.at(i);
        QAction *a
            = m_recentMenu->addAction(tr("&%1 %2").arg(i + 1).arg(QFileInfo(file).fileName()), this, [this, file] {
                  ifChangesHandled([this, file] {
                      if (!openProject(file))
                          m_settings->removeRecentFile(file);
                  });
              });
        a->setToolTip(file);
        a->setStatusTip(file);
    }
    m_recentMenu->setEnabled(!files.isEmpty());
    m_welcome->setRecentFiles(files);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_closing || !m_document->isDirty()) {
        m_settings->setWindowGeometry(saveGeometry());
        m_settings->setWindowState(saveState());
        if (m_backend && m_monitor->isRunning())
            m_backend->cancel();
        m_prompter->cancelAll();
        event->accept();
        return;
    }
    event->ignore();
    ifChangesHandled([this] {
        m_closing = true;
        close();
    });
}

// ---- dialogs ------------------------------------------------------------------------------
void MainWindow::showShortcuts()
{
    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("shortcutsDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Keyboard shortcuts"));
    auto *layout = new QVBoxLayout(dialog);
    auto *table = new QTableWidget(0, 2, dialog);
    table->setHorizontalHeaderLabels({tr("Action"), tr("Shortcut")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Built from the live actions, so the list can never disagree with the menus.
    for (QMenu *menu : {m_fileMenu, m_editMenu, m_deployMenu, m_viewMenu, m_settingsMenu, m_helpMenu}) {
        for (QAction *a : menu->actions()) {
            if (a->shortcut().isEmpty())
                continue;
            const int row = table->rowCount();
            table->insertRow(row);
            table->setItem(row, 0, new QTableWidgetItem(QString(a->text()).remove(QLatin1Char('&'))));
            table->setItem(row, 1, new QTableWidgetItem(a->shortcut().toString(QKeySequence::NativeText)));
        }
    }
    for (const auto &[what, keys] : {std::pair{tr("Search in the log"), QKeySequence(QKeySequence::Find)},
                                     std::pair{tr("Next match"), QKeySequence(QKeySequence::FindNext)},
                                     std::pair{tr("Copy selected log lines"), QKeySequence(QKeySequence::Copy)}}) {
        const int row = table->rowCount();
        table->insertRow(row);
        table->setItem(row, 0, new QTableWidgetItem(what));
        table->setItem(row, 1, new QTableWidgetItem(keys.toString(QKeySequence::NativeText)));
    }
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    layout->addWidget(table);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog->resize(480, 560);
    dialog->open();
}

void MainWindow::showAbout()
{
    auto *box = new QMessageBox(this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowTitle(tr("About FATE Deployer"));
    box->setTextFormat(Qt::RichText);
    box->setText(tr("<h3>FATE Deployer %1</h3><p>Deploys FATE federations with Docker Compose over SSH, from one "
                    "deploy machine to every run host.</p><p>Built with Qt %2. Licensed under the Apache License "
                    "2.0.</p>")
                     .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion())));
    box->open();
}

void MainWindow::askTeardown()
{
    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("teardownDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Delete deployment"));
    auto *layout = new QVBoxLayout(dialog);
    auto *intro = new QLabel(tr("How much should be removed from the hosts? This cannot be undone."), dialog);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *stop = new QRadioButton(tr("&Stop the containers (keep them and all data)"), dialog);
    auto *remove = new QRadioButton(tr("&Remove the containers and networks (keep the data directory)"), dialog);
    auto *all = new QRadioButton(tr("Remove &everything, including the deployment directory and its data"), dialog);
    stop->setChecked(true);
    layout->addWidget(stop);
    layout->addWidget(remove);
    layout->addWidget(all);
    auto *selectedOnly = new QCheckBox(tr("Only the parties selected in the topology"), dialog);
    selectedOnly->setEnabled(!m_topology->selectedPartyIds().isEmpty());
    layout->addWidget(selectedOnly);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, dialog);
    QPushButton *go = buttons->addButton(tr("&Delete deployment"), QDialogButtonBox::DestructiveRole);
    connect(go, &QPushButton::clicked, dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    layout->addWidget(buttons);
    connect(dialog, &QDialog::accepted, this, [this, stop, remove, selectedOnly] {
        if (!m_backend)
            return;
        const auto level = stop->isChecked()     ? DeployBackend::TeardownLevel::StopContainers
                           : remove->isChecked() ? DeployBackend::TeardownLevel::RemoveContainers
                                                 : DeployBackend::TeardownLevel::RemoveEverything;
        m_backend->teardown(
            project(), level, selectedOnly->isChecked() ? m_topology->selectedPartyIds() : QList<int>{});
    });
    dialog->open();
}

} // namespace FateDeployer
