// SPDX-License-Identifier: Apache-2.0
// Files through the real window: save/open round trip, the unsaved-changes question on quit,
// autosave recovery, recent files, and the KubeFATE import entry point.
#include "guitest.h"

#include "gui/dialogs.h"
#include "gui/projectdocument.h"
#include "kubefate/kubefateimporter.h"
#include "model/era.h"
#include "model/projectfile.h"
#include "model/servicesecrets.h"
#include "settings/secretstore.h"

#include "gui/language.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>

using namespace FateDeployer;

class TestGuiFiles : public QObject
{
    Q_OBJECT

private:
    Testing::WindowFixture f;

private slots:
    void init() { f.create(); }
    void cleanup() { f.destroy(); }

    void welcomeThenExampleThenSaveOpenRoundTrip()
    {
        QCOMPARE(f.window->currentPage(), MainWindow::Page::Welcome);
        QVERIFY(!f.window->action(QStringLiteral("actionSave"))->isEnabled());
        f.window->action(QStringLiteral("actionNewExample"))->trigger();
        QCOMPARE(f.window->currentPage(), MainWindow::Page::Topology);
        QCOMPARE(f.window->project(), Project::example());
        QVERIFY(f.window->document()->isDirty()); // never saved yet

        f.window->document()->edit(QStringLiteral("test"), [](Project &p) {
            p.parties[1].notes = QStringLiteral("备注: host team B");
            p.parties[1].ssh.port = 2222;
            p.registry.usePrivate = true;
            p.registry.uri = QStringLiteral("harbor.example.com/fate");
        });
        const Project edited = f.window->project();
        const QString path = f.dir.filePath(QStringLiteral("fed.fdproj"));
        Dialogs::setNextFileName(path);
        f.window->action(QStringLiteral("actionSave"))->trigger(); // untitled → Save As
        QTRY_VERIFY(!f.window->document()->isDirty());
        QCOMPARE(f.window->document()->filePath(), path);
        QVERIFY(f.window->windowTitle().contains(QLatin1String("fed.fdproj")));
        QVERIFY(!f.window->isWindowModified());
        QCOMPARE(f.settings->recentFiles().value(0), path);

        // Reopen in a fresh window: the same project comes back.
        f.destroy();
        f.create();
        QVERIFY(f.window->openProject(path));
        QCOMPARE(f.window->project(), edited);
        QCOMPARE(f.window->document()->issues(), Validator::validate(edited));
        QVERIFY(!f.window->document()->isDirty());
        // And the file on disk is what ProjectFile writes (no secret field exists to leak).
        QVERIFY(!ProjectFile::toJson(edited).contains("password"));
    }

    void openingABrokenFileSaysWhy()
    {
        const QString path = f.dir.filePath(QStringLiteral("broken.fdproj"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{ not json");
        file.close();
        QVERIFY(!f.window->openProject(path));
        QVERIFY(!f.window->lastError().isEmpty());
        QCOMPARE(Dialogs::lastMessage(), f.window->lastError());
        QCOMPARE(f.window->currentPage(), MainWindow::Page::Welcome);
    }

    void quitAsksAboutUnsavedChanges()
    {
        QVERIFY(f.window->openProject(f.examplePath()));
        f.window->document()->edit(QStringLiteral("test"), [](Project &p) { p.name = QStringLiteral("changed"); });
        QVERIFY(f.window->document()->isDirty());

        Dialogs::setNextAnswer(QMessageBox::Cancel);
        QVERIFY(!f.window->close());
        QTest::qWait(20); // the answer arrives on the next turn of the event loop
        QVERIFY(f.window->isVisible());
        QVERIFY(Dialogs::lastMessage().contains(QLatin1String("changed")));

        Dialogs::setNextAnswer(QMessageBox::Discard);
        f.window->close();
        QTRY_VERIFY(!f.window->isVisible());
        // Discarding did not touch the file.
        QCOMPARE(ProjectFile::load(f.examplePath())->name, Project::example().name);
    }

    void saveBeforeQuitWritesTheFile()
    {
        const QString path = f.dir.filePath(QStringLiteral("quit.fdproj"));
        QVERIFY(ProjectFile::save(Project::example(), path));
        QVERIFY(f.window->openProject(path));
        f.window->document()->edit(QStringLiteral("test"),
                                   [](Project &p) { p.name = QStringLiteral("saved on quit"); });
        Dialogs::setNextAnswer(QMessageBox::Save);
        f.window->close();
        QTRY_VERIFY(!f.window->isVisible());
        QCOMPARE(ProjectFile::load(path)->name, QStringLiteral("saved on quit"));
    }

    void autosaveIsOfferedBackAfterACrash()
    {
        const QString path = f.dir.filePath(QStringLiteral("crash.fdproj"));
        QVERIFY(ProjectFile::save(Project::example(), path));
        QVERIFY(f.window->openProject(path));
        f.window->document()->edit(QStringLiteral("test"),
                                   [](Project &p) { p.parties[0].host = QStringLiteral("10.1.1.1"); });
        QTest::qWait(1100); // file times have 1 s resolution on some file systems
        f.window->autosaveNow();
        QVERIFY(QFile::exists(f.window->autosavePath(path)));
        // "Crash": the window goes away without the close prompt.
        f.window.reset();

        f.window = std::make_unique<MainWindow>(f.settings.get());
        f.window->show();
        Dialogs::setNextAnswer(QMessageBox::Yes);
        QVERIFY(f.window->openProject(path));
        QTRY_COMPARE(f.window->project().parties.at(0).host, QStringLiteral("10.1.1.1"));
        QVERIFY(f.window->document()->isDirty());
        QCOMPARE(f.window->document()->filePath(), QFileInfo(path).absoluteFilePath());
        QVERIFY(Dialogs::lastMessage().contains(QLatin1String("crash.fdproj")));
    }

    void recentFilesMenuOpensProjects()
    {
        const QString path = f.dir.filePath(QStringLiteral("recent.fdproj"));
        QVERIFY(ProjectFile::save(Project::example(), path));
        f.settings->addRecentFile(path);
        QAction *recent = nullptr;
        for (QMenu *m : f.window->findChildren<QMenu *>()) {
            for (QAction *a : m->actions()) {
                if (a->statusTip() == QFileInfo(path).absoluteFilePath())
                    recent = a;
            }
        }
        QVERIFY2(recent, "the recent file is not in any menu");
        recent->trigger();
        QTRY_COMPARE(f.window->document()->filePath(), QFileInfo(path).absoluteFilePath());
    }

    void exportWritesAProjectWithoutSecrets()
    {
        QVERIFY(f.window->openProject(f.examplePath()));
        const QString path = f.dir.filePath(QStringLiteral("shared.fdproj"));
        Dialogs::setNextFileName(path);
        f.window->action(QStringLiteral("actionExportProject"))->trigger();
        QTRY_VERIFY(QFile::exists(path));
        QCOMPARE(ProjectFile::load(path).value(), f.window->project());
    }

    void importAndExportKubefateConfiguration()
    {
        const QString config
            = QStringLiteral(FD_TEST_DATA "/kubefate-configs/1.1.0/docker-deploy/docker-configuration.sh");
        Dialogs::setNextAnswer(QMessageBox::Ok); // the summary of what was imported
        Dialogs::setNextFileName(config);
        f.window->action(QStringLiteral("actionImport"))->trigger();
        QTRY_VERIFY2(f.window->document()->isOpen(), qPrintable(Dialogs::lastMessage()));
        QCOMPARE(f.window->currentPage(), MainWindow::Page::Topology);
        QCOMPARE(f.window->project().parties.size(), 2);
        QCOMPARE(f.window->project().parties.at(0).id, 10000);
        QCOMPARE(f.window->project().parties.at(1).host, QStringLiteral("192.168.7.2"));
        QCOMPARE(f.window->project().exchange.host, QStringLiteral("192.168.7.1"));
        QVERIFY(f.window->document()->isDirty()); // imported, not saved yet
        QVERIFY(f.window->document()->filePath().isEmpty());
        QTRY_VERIFY(Dialogs::lastMessage().contains(QLatin1String("docker-configuration.sh")));

        // And back out as KubeFATE files that import to the same topology.
        const QString out = f.dir.filePath(QStringLiteral("kubefate-out"));
        Dialogs::setNextAnswer(QMessageBox::Ok);
        Dialogs::setNextFileName(out);
        f.window->action(QStringLiteral("actionExportKubefate"))->trigger();
        QTRY_VERIFY(QFile::exists(out + QStringLiteral("/docker-configuration.sh")));
        KubefateImporter again;
        Result<Project> reread
            = again.importFiles(out + QStringLiteral("/docker-configuration.sh"), out + QStringLiteral("/.env"));
        QVERIFY2(reread.ok(), qPrintable(reread.error()));
        QCOMPARE(reread->parties, f.window->project().parties);
    }

    void exportClusterYamlForKubernetes()
    {
        // KubeFATE 1.1.0 (the example) has no cluster.yaml: a clear error and nothing written.
        QVERIFY(f.window->openProject(f.examplePath()));
        const QString out = f.dir.filePath(QStringLiteral("k8s"));
        Dialogs::setNextAnswer(QMessageBox::Ok);
        Dialogs::setNextFileName(out);
        f.window->action(QStringLiteral("actionExportClusterYaml"))->trigger();
        QTRY_VERIFY2(Dialogs::lastMessage().contains(QLatin1String("not available")),
                     qPrintable(Dialogs::lastMessage()));
        QVERIFY(!QFileInfo::exists(out));

        Project project = f.window->project();
        project.templates.kubefateVersion = QStringLiteral("1.11.2");
        project.engine = engineDefaults(KubefateEra::V1_11);
        const QString path = f.dir.filePath(QStringLiteral("k8s.fdproj"));
        QVERIFY(ProjectFile::save(project, path).ok());
        QVERIFY(f.window->openProject(path));
        Dialogs::setNextAnswer(QMessageBox::Ok);
        Dialogs::setNextFileName(out);
        f.window->action(QStringLiteral("actionExportClusterYaml"))->trigger();
        QTRY_VERIFY2(Dialogs::lastMessage().contains(QLatin1String("kubefate cluster install")),
                     qPrintable(Dialogs::lastMessage()));
        const QString party = out + QStringLiteral("/party-%1/cluster.yaml").arg(project.parties.first().id);
        QFile file(party);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("chartVersion: \"v1.11.2\""));
        file.close();
        QVERIFY(QFile::exists(out + QStringLiteral("/party-exchange/rollsite.yaml")));

        // Again into the same folder: the window asks first, and Cancel keeps the files as they are.
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("edited by hand\n");
        file.close();
        Dialogs::setNextAnswer(QMessageBox::Cancel);
        Dialogs::setNextFileName(out);
        f.window->action(QStringLiteral("actionExportClusterYaml"))->trigger();
        QTRY_VERIFY2(Dialogs::lastMessage().contains(QLatin1String("Overwrite")), qPrintable(Dialogs::lastMessage()));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("edited by hand\n"));
        file.close();
        // Yes overwrites.
        Dialogs::setNextAnswer(QMessageBox::Yes);
        Dialogs::setNextFileName(out);
        f.window->action(QStringLiteral("actionExportClusterYaml"))->trigger();
        const auto content = [&] {
            QFile again(party);
            return again.open(QIODevice::ReadOnly) ? again.readAll() : QByteArray();
        };
        QTRY_VERIFY(content().startsWith("name: \"fate-"));
    }

    void importedPasswordsGoToTheKeychainOnly()
    {
        auto store = std::make_shared<MemorySecretStore>();
        f.window->setSecretStore(store);
        const QString config = QStringLiteral(FD_TEST_DATA "/kubefate-configs/v1.11.2-spark/parties.conf");
        Dialogs::setNextAnswer(QMessageBox::Ok);
        Dialogs::setNextFileName(config);
        f.window->action(QStringLiteral("actionImport"))->trigger();
        QTRY_VERIFY2(f.window->document()->isOpen(), qPrintable(Dialogs::lastMessage()));
        QCOMPARE(f.window->project().engine.computing, QStringLiteral("Spark"));
        QCOMPARE(f.window->project().parties.at(2).servingHost, QStringLiteral("10.7.1.3"));
        QTRY_COMPARE(store->writeCount(), 4);
        const Result<ServiceSecrets> stored = ServiceSecrets::load(*store, f.window->project());
        QVERIFY2(stored.ok(), qPrintable(stored.error()));
        QCOMPARE(stored->mysqlPassword, QStringLiteral("fixture pass $1"));
        QCOMPARE(stored->notebookHashedPassword, QStringLiteral("sha1:fixture:0123"));
        QVERIFY(!Dialogs::lastMessage().contains(QLatin1String("fixture")));
        const QString path = f.dir.filePath(QStringLiteral("imported.fdproj"));
        QVERIFY(ProjectFile::save(f.window->project(), path).ok());
        QFile saved(path);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QVERIFY(!saved.readAll().contains("fixture"));

        // Exporting into a folder that holds KubeFATE's files updates them in place: byte for byte here.
        const QString out = f.dir.filePath(QStringLiteral("docker-deploy"));
        QVERIFY(QDir().mkpath(out));
        for (const char *name : {"parties.conf", ".env"})
            QVERIFY(QFile::copy(QStringLiteral(FD_TEST_DATA "/kubefate-configs/v1.11.2-spark/") + QLatin1String(name),
                                out + QLatin1Char('/') + QLatin1String(name)));
        Dialogs::setNextAnswer(QMessageBox::Ok);
        Dialogs::setNextFileName(out);
        f.window->action(QStringLiteral("actionExportKubefate"))->trigger();
        QTRY_VERIFY2(Dialogs::lastMessage().contains(QLatin1String("only changed values were rewritten")),
                     qPrintable(Dialogs::lastMessage()));
        for (const char *name : {"parties.conf", ".env"}) {
            QFile a(QStringLiteral(FD_TEST_DATA "/kubefate-configs/v1.11.2-spark/") + QLatin1String(name));
            QFile b(out + QLatin1Char('/') + QLatin1String(name));
            QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
            QCOMPARE(b.readAll(), a.readAll());
        }
    }

    void languageSwitchesAtRuntime()
    {
        const QString qtZh = QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qt_zh_CN.qm");
        if (!QFile::exists(qtZh))
            QSKIP("Qt's own zh_CN catalogue (qt6-translations-l10n) is not installed; it is what this test observes.");
        QVERIFY(f.window->openProject(f.examplePath()));
        f.window->action(QStringLiteral("actionSettings"))->trigger();
        auto *dialog = f.window->findChild<QDialog *>(QStringLiteral("settingsDialog"));
        QVERIFY(dialog && dialog->isVisible());
        auto *buttons = dialog->findChild<QDialogButtonBox *>();
        QCOMPARE(buttons->button(QDialogButtonBox::Cancel)->text(), QStringLiteral("Cancel"));
        f.window->action(QStringLiteral("actionLanguageChinese"))->trigger();
        QCOMPARE(f.settings->language(), QStringLiteral("zh_CN"));
        QCOMPARE(Language::current(), QStringLiteral("zh_CN"));
        // Widgets retranslate on QEvent::LanguageChange, without a restart.
        QTRY_VERIFY(buttons->button(QDialogButtonBox::Cancel)->text().contains(QStringLiteral("取消")));
        QVERIFY(f.window->action(QStringLiteral("actionLanguageChinese"))->isChecked());
        f.window->action(QStringLiteral("actionLanguageEnglish"))->trigger();
        QTRY_COMPARE(buttons->button(QDialogButtonBox::Cancel)->text(), QStringLiteral("Cancel"));
        QCOMPARE(Language::current(), QStringLiteral("en"));
        dialog->close();
    }

    void registryPasswordGoesToTheKeychainOnly()
    {
        auto store = std::make_shared<MemorySecretStore>();
        f.window->setSecretStore(store);
        QVERIFY(f.window->openProject(f.examplePath()));
        f.window->showPage(MainWindow::Page::Images);
        auto *password = f.window->findChild<QLineEdit *>(QStringLiteral("registryPassword"));
        QVERIFY(!password->isEnabled()); // Docker Hub: nothing to store
        f.window->document()->edit(QStringLiteral("registry"), [](Project &p) {
            p.registry.usePrivate = true;
            p.registry.uri = QStringLiteral("harbor.example.com/fate");
            p.registry.username = QStringLiteral("deployer");
        });
        QVERIFY(password->isEnabled());
        QTRY_VERIFY(password->placeholderText().contains(QLatin1String("type it")));
        password->setFocus();
        QTest::keyClicks(password, QStringLiteral("h@rb0r pw"));
        QTest::keyClick(password, Qt::Key_Return);
        QVERIFY(password->text().isEmpty()); // not left in the widget
        const QString key
            = SecretStore::registryPasswordKey(QStringLiteral("harbor.example.com/fate"), QStringLiteral("deployer"));
        QTRY_COMPARE(store->read(key).value().value_or(QString()), QStringLiteral("h@rb0r pw"));
        QTRY_VERIFY(password->placeholderText().contains(QLatin1String("stored")));
        // And never in the project file.
        const QString path = f.dir.filePath(QStringLiteral("registry.fdproj"));
        QVERIFY(f.window->document()->save(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains("h@rb0r"));
    }

    void undoBackToSavedStateIsClean()
    {
        QVERIFY(f.window->openProject(f.examplePath()));
        QSignalSpy dirty(f.window->document(), &ProjectDocument::dirtyChanged);
        f.window->document()->edit(QStringLiteral("a"), [](Project &p) { p.sshPort = 2200; });
        QVERIFY(f.window->isWindowModified());
        f.window->action(QStringLiteral("actionUndo"))->trigger();
        QVERIFY(!f.window->isWindowModified());
        QCOMPARE(dirty.count(), 2);
    }
};

QTEST_MAIN(TestGuiFiles)
#include "tst_gui_files.moc"
