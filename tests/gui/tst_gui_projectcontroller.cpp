// SPDX-License-Identifier: Apache-2.0
// ProjectController without a window: saving is atomic (a write that fails half-way leaves the old
// file byte for byte), the unsaved-changes question gates every replacement of the document, and
// the autosave copy comes back after a crash (or goes away when it is older than the file).
#include "gui/appsettings.h"
#include "gui/dialogs.h"
#include "gui/projectcontroller.h"
#include "gui/projectdocument.h"
#include "model/projectfile.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWidget>

#include <csignal>
#include <sys/resource.h>

using namespace FateDeployer;

class TestGuiProjectController : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<QWidget> m_parent;
    ProjectDocument *m_document = nullptr;
    ProjectController *m_files = nullptr;

    void createController()
    {
        m_parent = std::make_unique<QWidget>();
        m_document = new ProjectDocument(m_parent.get());
        m_files = new ProjectController(m_document, m_settings.get(), m_parent.get());
    }
    QString path(const char *name) const { return m_dir.filePath(QLatin1String(name)); }
    static QByteArray read(const QString &file)
    {
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private slots:
    void init()
    {
        QStandardPaths::setTestModeEnabled(true);
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).removeRecursively();
        m_settings = std::make_unique<AppSettings>(m_dir.filePath(QStringLiteral("settings.ini")));
        createController();
    }
    void cleanup()
    {
        m_parent.reset();
        m_settings.reset();
    }

    void saveIsAtomic()
    {
        const QString file = path("atomic.fdproj");
        QVERIFY(ProjectFile::save(Project::example(), file));
        const QByteArray before = read(file);
        QVERIFY(m_files->openProject(file));
        m_document->edit(QStringLiteral("grow"), [](Project &p) {
            p.parties[0].notes = QString(20000, QLatin1Char('x')); // far past the limit below
        });
        // The file system refuses to let this process grow a file past 4 KiB, as a full disk would.
        std::signal(SIGXFSZ, SIG_IGN);
        rlimit old{};
        QCOMPARE(getrlimit(RLIMIT_FSIZE, &old), 0);
        rlimit small = old;
        small.rlim_cur = 4096;
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &small), 0);
        m_files->save();
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &old), 0);
        QVERIFY(!m_files->lastError().isEmpty());
        QCOMPARE(Dialogs::lastMessage(), m_files->lastError());
        QCOMPARE(read(file), before); // never truncated, never half-written
        QVERIFY(m_document->isDirty());
        QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral("atomic*")}, QDir::Files),
                 QStringList{QStringLiteral("atomic.fdproj")}); // no temporary left behind
        // With room again the same save goes through.
        m_files->save();
        QVERIFY(!m_document->isDirty());
        QCOMPARE(ProjectFile::load(file)->parties.at(0).notes.size(), 20000);
    }

    void unsavedChangesAreAskedAbout()
    {
        m_files->newFromExample(); // untitled and dirty
        QVERIFY(m_document->isDirty());
        int ran = 0;
        // Cancel: nothing happens.
        Dialogs::setNextAnswer(QMessageBox::Cancel);
        m_files->ifChangesHandled([&ran] { ++ran; });
        QTest::qWait(20);
        QCOMPARE(ran, 0);
        QVERIFY(Dialogs::lastMessage().contains(Project::example().name));
        // Save on an untitled project: asks for a file, saves, then goes on.
        Dialogs::setNextAnswer(QMessageBox::Save);
        Dialogs::setNextFileName(path("asked.fdproj"));
        m_files->ifChangesHandled([&ran] { ++ran; });
        QTRY_COMPARE(ran, 1);
        QVERIFY(!m_document->isDirty());
        QCOMPARE(ProjectFile::load(path("asked.fdproj")).value(), Project::example());
        // Clean: no question at all.
        m_files->ifChangesHandled([&ran] { ++ran; });
        QCOMPARE(ran, 2);
        // Discard: goes on and drops the autosave copy.
        m_document->edit(QStringLiteral("x"), [](Project &p) { p.name = QStringLiteral("edited"); });
        m_files->autosaveNow();
        const QString autosave = m_files->autosavePath(m_document->filePath());
        QVERIFY(QFile::exists(autosave));
        Dialogs::setNextAnswer(QMessageBox::Discard);
        QSignalSpy loaded(m_files, &ProjectController::loaded);
        m_files->newProject();
        QTRY_COMPARE(loaded.count(), 1);
        QVERIFY(!QFile::exists(autosave));
        QVERIFY(m_document->filePath().isEmpty());
        QCOMPARE(ProjectFile::load(path("asked.fdproj"))->name, Project::example().name); // file untouched
        // Closing the window: refused while the question is open, then closes after Discard.
        int closes = 0;
        Dialogs::setNextAnswer(QMessageBox::Discard);
        QVERIFY(!m_files->mayClose([&closes] { ++closes; }));
        QTRY_COMPARE(closes, 1);
        QVERIFY(m_files->mayClose([] {}));
    }

    void autosaveIsRecoveredAfterACrash()
    {
        const QString file = path("crash.fdproj");
        QVERIFY(ProjectFile::save(Project::example(), file));
        QVERIFY(m_files->openProject(file));
        m_document->edit(QStringLiteral("x"), [](Project &p) { p.parties[0].host = QStringLiteral("10.1.1.1"); });
        QTest::qWait(1100); // file times have 1 s resolution on some file systems
        m_files->autosaveNow();
        const QString autosave = m_files->autosavePath(file);
        QVERIFY(QFile::exists(autosave));

        // "Crash": document and controller go away without any prompt.
        createController();
        Dialogs::setNextAnswer(QMessageBox::Yes);
        QVERIFY(m_files->openProject(file));
        QTRY_COMPARE(m_document->project().parties.at(0).host, QStringLiteral("10.1.1.1"));
        QVERIFY(m_document->isDirty());
        QCOMPARE(m_document->filePath(), QFileInfo(file).absoluteFilePath());
        QVERIFY(Dialogs::lastMessage().contains(QLatin1String("crash.fdproj")));

        // Saved afterwards: the copy is gone; an autosave older than the file is dropped unasked.
        m_files->save();
        QVERIFY(!QFile::exists(autosave));
        QVERIFY(ProjectFile::save(Project::example(), autosave));
        QTest::qWait(1100);
        QVERIFY(ProjectFile::save(Project::example(), file));
        createController();
        QVERIFY(m_files->openProject(file));
        QVERIFY(!QFile::exists(autosave));
        QVERIFY(!m_document->isDirty());

        // Untitled work is recovered too.
        m_document->reset(Project::example(), {}, true);
        m_files->autosaveNow();
        QVERIFY(QFile::exists(m_files->autosavePath({})));
        createController();
        Dialogs::setNextAnswer(QMessageBox::Yes);
        m_files->offerRecovery({});
        QTRY_VERIFY(m_document->isOpen());
        QCOMPARE(m_document->project(), Project::example());
        QVERIFY(m_document->filePath().isEmpty());
    }
};

QTEST_MAIN(TestGuiProjectController)
#include "tst_gui_projectcontroller.moc"
