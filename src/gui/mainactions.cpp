// SPDX-License-Identifier: Apache-2.0
#include "gui/mainactions.h"

#include "gui/appsettings.h"
#include "gui/changeplandialog.h"
#include "gui/daytwodialog.h"
#include "gui/deploybackend.h"
#include "gui/deploymonitor.h"
#include "gui/deploypage.h"
#include "gui/federationtransfer.h"
#include "gui/helpdialogs.h"
#include "gui/kubefatetransfer.h"
#include "gui/mainwindow.h"
#include "gui/previewdialog.h"
#include "gui/projectcontroller.h"
#include "gui/projectdocument.h"
#include "gui/settingsdialog.h"
#include "gui/teardowndialog.h"
#include "gui/topologypage.h"

#include <QApplication>

namespace FateDeployer {

namespace {
using W = MainWindow;
using When = ActionSpec::When;
using G = Icons::Glyph;
using Handler = void (*)(MainWindow &, bool);

/// ActionSpec with chainable setters, so each row of the table reads as one sentence.
struct Row : ActionSpec
{
    constexpr Row key(QKeySequence::StandardKey k) const
    {
        Row r = *this;
        r.standardKey = k;
        return r;
    }
    constexpr Row key(QKeyCombination k) const
    {
        Row r = *this;
        r.keys = k.toCombined();
        return r;
    }
    constexpr Row icon(G g, const char *theme = nullptr) const
    {
        Row r = *this;
        r.glyph = quint8(g);
        r.themeIcon = theme;
        return r;
    }
    constexpr Row on(When w) const
    {
        Row r = *this;
        r.when = w;
        return r;
    }
    constexpr Row with(quint8 f, const char *value = nullptr) const
    {
        Row r = *this;
        r.flags |= f;
        r.data = value;
        return r;
    }
};

constexpr Row menu(const char *id, const char *text, const char *parent = nullptr)
{
    Row r;
    r.kind = ActionSpec::Kind::Menu;
    r.id = id;
    r.text = text;
    r.menu = parent;
    return r;
}

constexpr Row action(const char *menu, const char *id, const char *text, const char *tip, Handler handler)
{
    Row r;
    r.menu = menu;
    r.id = id;
    r.text = text;
    r.tip = tip;
    r.handler = handler;
    return r;
}

constexpr Row supplied(const char *menu, const char *id, const char *text)
{
    Row r;
    r.kind = ActionSpec::Kind::Supplied;
    r.menu = menu;
    r.id = id;
    r.text = text;
    r.when = When::Managed;
    return r;
}

void withBackend(MainWindow &w, void (*call)(MainWindow &, DeployBackend &))
{
    if (DeployBackend *backend = w.deployBackend())
        call(w, *backend);
}

// clang-format off
const ActionSpec Table[] = {
    menu("file", QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "&File")),
    action("file", "actionNew", QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "&New project"),
           QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "Start an empty project"),
           [](W &w, bool) { w.files()->newProject(); }).key(QKeySequence::New).icon(G::Add, "document-new"),
    action("file", "actionNewExample", QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "New from the &two-party example"),
           QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "Parties 10000 and 9999 with an exchange"),
           [](W &w, bool) { w.files()->newFromExample(); }),
    action("file", "actionOpen", QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "&Open…"),
           QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "Open a project file (.fdproj)"),
           [](W &w, bool) { w.files()->open(); }).key(QKeySequence::Open).icon(G::Open, "document-open")
           .with(ActionSpec::Toolbar),
    menu("file/recent", QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "Open &Recent"), "file"),
    action("file", "actionSave", QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "&Save"),
           QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "Save the project file"),
           [](W &w, bool) { w.files()->save(); }).key(QKeySequence::Save).icon(G::Save, "document-save")
           .on(When::Open).with(ActionSpec::Toolbar | ActionSpec::SeparatorBefore),
    action("file", "actionSaveAs", QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "Save &As…"), nullptr,
           [](W &w, bool) { w.files()->saveAs(); }).key(QKeySequence::SaveAs).on(When::Open),
    action("file", "actionImport", QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "&Import KubeFATE configuration…"),
           QT_TRANSLATE_NOOP("FateDeployer::MainWindow",
                             "Read KubeFATE's docker-configuration.sh or parties.conf (with its .env) into a new project"),
           [](W &w, bool) { KubefateTransfer::importInto(w.files(), w.secretStore()); }).with(ActionSpec::SeparatorBefore),
    menu("file/export", QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "&Export"), "file"),
    action("file/export", "actionExportProject", QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "&Project without secrets…"),
           QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "Save a copy to share with another team; it never contains passwords"),
           [](W &w, bool) { w.files()->exportCopy(); }).on(When::Open),
    action("file/export", "actionExportKubefate",
           QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "&KubeFATE configuration files…"),
           QT_TRANSLATE_NOOP("FateDeployer::MainWindow",
                             "Write docker-configuration.sh or parties.conf and .env for KubeFATE's own scripts"),
           [](W &w, bool) { KubefateTransfer::exportFrom(w.files()); }).on(When::Open),
    action("file/export", "actionExportClusterYaml", QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "&cluster.yaml for Kubernetes…"),
           QT_TRANSLATE_NOOP("FateDeployer::MainWindow",
                             "Write KubeFATE's cluster.yaml for each of your parties and the exchange, to move them to Kubernetes"),
           [](W &w, bool) { KubefateTransfer::exportClusterYaml(w.files()); }).on(When::Open),
    menu("file/federation", QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "Fe&deration"), "file"),
    action("file/federation", "actionExportCard", QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "Export party &card…"),
           QT_TRANSLATE_NOOP("FateDeployer::MainWindow",
                             "Write the selected party's card (reachable address, versions) for the coordinator"),
           [](W &w, bool) { FederationTransfer::exportCard(w.files(), w.topologyPage()->selectedPartyIds()); })
           .on(When::Open),
    action("file/federation", "actionImportCard", QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "&Import party card…"),
           QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "Add or update another team's party from its card"),
           [](W &w, bool) { FederationTransfer::importCard(w.files()); }).on(When::Open),
    action("file/federation", "actionExportFederation",
           QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "&Export federation file…"),
           QT_TRANSLATE_NOOP("FateDeployer::MainWindow",
                             "Write the federation file for every team, with its revision and fingerprint"),
           [](W &w, bool) { FederationTransfer::exportFederation(w.files()); })
           .on(When::Open).with(ActionSpec::SeparatorBefore),
    action("file/federation", "actionImportFederation",
           QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "Im&port federation file…"),
           QT_TRANSLATE_NOOP("FateDeployer::MainWindow",
                             "Take the coordinator's federation file into this project, after showing what changes"),
           [](W &w, bool) { FederationTransfer::importFederation(w.files()); }).on(When::Open),
    action("file", "actionClose", QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "&Close project"), nullptr,
           [](W &w, bool) { w.files()->closeProject(); }).key(QKeySequence::Close).on(When::Open)
           .with(ActionSpec::SeparatorBefore),
    action("file", "actionQuit", QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "&Quit"), nullptr,
           [](W &w, bool) { w.close(); }).key(QKeySequence::Quit),

    menu("edit", QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "&Edit")),
    supplied("edit", "actionUndo", QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "&Undo"))
        .key(QKeySequence::Undo).with(ActionSpec::Toolbar),
    supplied("edit", "actionRedo", QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "&Redo"))
        .key(QKeySequence::Redo).with(ActionSpec::Toolbar),
    action("edit", "actionAddParty", QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "&Add party"), nullptr,
           [](W &w, bool) { w.showPage(W::Page::Topology); w.topologyPage()->addParty(); })
           .key(Qt::CTRL | Qt::SHIFT | Qt::Key_N).icon(G::Add).on(When::Open).with(ActionSpec::SeparatorBefore),
    action("edit", "actionDuplicateParty", QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "&Duplicate party"), nullptr,
           [](W &w, bool) { w.topologyPage()->duplicateParty(); })
           .key(Qt::CTRL | Qt::Key_D).icon(G::Duplicate).on(When::Open),
    action("edit", "actionRemoveParty", QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "&Remove party"), nullptr,
           [](W &w, bool) { w.topologyPage()->removeSelectedParties(); })
           .key(Qt::CTRL | Qt::Key_Delete).icon(G::Remove).on(When::Open),
    action("edit", "actionFind", QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "&Find in log…"), nullptr,
           [](W &w, bool) { w.showPage(W::Page::Deploy); w.deployPage()->focusSearch(); })
           .key(QKeySequence::Find).icon(G::Search).with(ActionSpec::SeparatorBefore),

    menu("deploy", QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "&Deploy")),
    action("deploy", "actionPreflight", QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "&Preflight check"),
           QT_TRANSLATE_NOOP("FateDeployer::MainWindow",
                             "Check every host before touching anything: SSH, Docker, Compose, ports, disk"),
           [](W &w, bool) { withBackend(w, [](W &win, DeployBackend &b) { b.preflight(win.project(), {}); }); })
           .key(Qt::CTRL | Qt::Key_P).icon(G::Preflight).on(When::Ready).with(ActionSpec::Toolbar),
    action("deploy", "actionDeployAll", QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "&Deploy all"),
           QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "Deploy every party and the exchange"),
           [](W &w, bool) {
               withBackend(w, [](W &win, DeployBackend &b) { b.deploy(win.project(), DeployBackend::Scope::All, {}); });
           }).key(Qt::CTRL | Qt::Key_R).icon(G::Deploy).on(When::Ready).with(ActionSpec::Toolbar),
    action("deploy", "actionDeploySelected", QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "Deploy &selected parties"),
           QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "Deploy only the parties selected in the topology"),
           [](W &w, bool) {
               withBackend(w, [](W &win, DeployBackend &b) {
                   b.deploy(win.project(), DeployBackend::Scope::SelectedParties, win.topologyPage()->selectedPartyIds());
               });
           }).key(Qt::CTRL | Qt::SHIFT | Qt::Key_R).on(When::ReadySelection),
    action("deploy", "actionDeployExchange", QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "Deploy the &exchange"),
           nullptr,
           [](W &w, bool) {
               withBackend(w, [](W &win, DeployBackend &b) { b.deploy(win.project(), DeployBackend::Scope::Exchange, {}); });
           }).on(When::Ready),
    action("deploy", "actionVerify", QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "&Verify deployment"),
           QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "Run the toy example between two parties"),
           [](W &w, bool) {
               withBackend(w, [](W &win, DeployBackend &b) {
                   b.verify(win.project(), win.project().guestId(), win.project().hostId());
               });
           }).key(Qt::CTRL | Qt::Key_T).icon(G::Verify).on(When::Ready).with(ActionSpec::Toolbar),
    action("deploy", "actionRefreshStatus", QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "Refresh &status"),
           QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "Ask every host for its container status"),
           [](W &w, bool) { withBackend(w, [](W &win, DeployBackend &b) { b.refreshStatus(win.project()); }); })
           .key(QKeySequence::Refresh).icon(G::Refresh).on(When::EngineIdle).with(ActionSpec::Toolbar),
    action("deploy", "actionConnectivity", QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "Connectivity &matrix…"),
           QT_TRANSLATE_NOOP("FateDeployer::MainWindow",
                             "Check every path of the federation from its source host, before or after deploying"),
           [](W &w, bool) { DayTwoDialog::showFor(&w, DayTwoDialog::Tab::Connectivity)->checkConnectivity(); })
           .on(When::Ready),
    action("deploy", "actionToyGrid", QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "Toy &grid…"),
           QT_TRANSLATE_NOOP("FateDeployer::MainWindow",
                             "Run the toy example between every ordered pair of parties, each on its guest's host"),
           [](W &w, bool) { DayTwoDialog::showFor(&w, DayTwoDialog::Tab::ToyGrid)->checkToyGrid(); })
           .on(When::Ready),
    action("deploy", "actionDrift", QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "D&rift and rollback…"),
           QT_TRANSLATE_NOOP("FateDeployer::MainWindow",
                             "Compare the hosts' files and containers with the last deployment"),
           [](W &w, bool) { DayTwoDialog::showFor(&w, DayTwoDialog::Tab::Drift)->checkDrift(); })
           .on(When::Ready),
    action("deploy", "actionCancel", QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "&Cancel"),
           QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "Stop the running deployment"),
           [](W &w, bool) { withBackend(w, [](W &, DeployBackend &b) { b.cancel(); }); })
           .key(Qt::CTRL | Qt::Key_Period).icon(G::Cancel).on(When::Running)
           .with(ActionSpec::Toolbar | ActionSpec::SeparatorBefore),
    action("deploy", "actionRetryFailed", QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "&Retry failed hosts"),
           QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "Rerun the plan for the hosts that failed, only them"),
           [](W &w, bool) {
               withBackend(w, [](W &win, DeployBackend &b) {
                   b.retryFailed(win.project(), win.monitor()->hosts()->failedHosts());
               });
           }).key(Qt::CTRL | Qt::SHIFT | Qt::Key_F5).icon(G::Retry).on(When::Failed).with(ActionSpec::Toolbar),
    action("deploy", "actionTeardown", QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "&Delete deployment…"),
           QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "Stop and remove FATE on the hosts"),
           [](W &w, bool) { TeardownDialog::ask(&w); }).on(When::Ready).with(ActionSpec::SeparatorBefore),

    menu("view", QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "&View")),
    action("view", "actionShowTopology", QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "&Topology"), nullptr,
           [](W &w, bool) { w.showPage(W::Page::Topology); }).key(Qt::CTRL | Qt::Key_1).on(When::Open),
    action("view", "actionShowImages", QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "&Images && registry"), nullptr,
           [](W &w, bool) { w.showPage(W::Page::Images); }).key(Qt::CTRL | Qt::Key_2).on(When::Open),
    action("view", "actionShowDeploy", QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "&Deploy"), nullptr,
           [](W &w, bool) { w.showPage(W::Page::Deploy); }).key(Qt::CTRL | Qt::Key_3).on(When::Open),
    action("view", "actionShowHistory", QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "&History"), nullptr,
           [](W &w, bool) { w.showPage(W::Page::History); }).key(Qt::CTRL | Qt::Key_4).on(When::Open),
    action("view", "actionPreview", QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "Render &preview…"),
           QT_TRANSLATE_NOOP("FateDeployer::MainWindow",
                             "Browse rendered bundles and what changed since the last deployment"),
           [](W &w, bool) {
               (new PreviewDialog(w.project(), w.files()->projectDir(), w.files()->lastRenderDir(), &w, w.secretStore()))
                   ->open();
           }).with(ActionSpec::SeparatorBefore),
    action("view", "actionChangePlan", QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "&Change plan…"),
           QT_TRANSLATE_NOOP("FateDeployer::MainWindow",
                             "What applying the project changes on each host since the last deployment, and Apply"),
           [](W &w, bool) {
               auto *dialog = new ChangePlanDialog(w.project(), w.document()->filePath(), &w);
               QObject::connect(dialog, &ChangePlanDialog::applyRequested, &w,
                                [&w](const QList<int> &parties, bool exchange, const QHash<QString, QStringList> &restart,
                                     const QList<HostRemoval> &removals) {
                                    if (DeployBackend *backend = w.deployBackend()) {
                                        w.showPage(W::Page::Deploy);
                                        backend->applyChanges(w.project(), parties, exchange, restart, removals);
                                    }
                                });
               dialog->open();
           }).on(When::Open),
    action("view", "actionFullScreen", QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "&Full screen"), nullptr,
           [](W &w, bool on) { w.setWindowState(w.windowState().setFlag(Qt::WindowFullScreen, on)); })
           .key(QKeySequence::FullScreen).with(ActionSpec::Checkable),
    supplied("view", "actionShowToolbar", QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "Main toolbar")),

    menu("settings", QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "&Settings")),
    action("settings", "actionSettings", QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "&Preferences…"), nullptr,
           [](W &w, bool) { (new SettingsDialog(w.settings(), &w))->open(); }).key(QKeySequence::Preferences),
    menu("settings/language", QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "&Language"), "settings"),
    action("settings/language", "actionLanguageSystem", QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "&System language"),
           nullptr, [](W &w, bool) { w.settings()->setLanguage(QString()); }).with(ActionSpec::Exclusive, ""),
    action("settings/language", "actionLanguageEnglish", "English", nullptr,
           [](W &w, bool) { w.settings()->setLanguage(QStringLiteral("en")); })
           .with(ActionSpec::Exclusive | ActionSpec::Untranslated, "en"),
    action("settings/language", "actionLanguageChinese", "简体中文", nullptr,
           [](W &w, bool) { w.settings()->setLanguage(QStringLiteral("zh_CN")); })
           .with(ActionSpec::Exclusive | ActionSpec::Untranslated, "zh_CN"),

    menu("help", QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "&Help")),
    action("help", "actionShortcuts", QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "&Keyboard shortcuts"), nullptr,
           [](W &w, bool) { HelpDialogs::showShortcuts(&w, w.actions()->topMenus()); }).key(QKeySequence::HelpContents),
    menu("settings/language", nullptr, "help"),
    action("help", "actionAbout", QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "&About FATE Deployer"), nullptr,
           [](W &w, bool) { HelpDialogs::showAbout(&w); }).with(ActionSpec::SeparatorBefore),
    action("help", "actionAboutQt", QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "About &Qt"), nullptr,
           [](W &, bool) { QApplication::aboutQt(); }),
};
// clang-format on
} // namespace

std::span<const ActionSpec> mainWindowActions()
{
    return Table;
}

} // namespace FateDeployer
