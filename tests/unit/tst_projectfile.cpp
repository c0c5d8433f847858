// SPDX-License-Identifier: Apache-2.0
#include "model/projectfile.h"
#include "model/validation.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace FateDeployer;

class TestProjectFile : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip()
    {
        Project p = Project::example();
        p.parties[1].ssh.port = 2222;
        p.parties[1].ssh.auth = AuthMethod::Password;
        p.parties[1].notes = QStringLiteral("机房 B \"quoted\"");
        p.registry.usePrivate = true;
        p.registry.uri = QStringLiteral("harbor.example.com/fate");
        p.registry.username = QStringLiteral("admin");
        const Result<Project> back = ProjectFile::fromJson(ProjectFile::toJson(p));
        QVERIFY2(back.ok(), qPrintable(back.error()));
        QCOMPARE(back.value(), p);
        // Stable: serialising twice gives the same bytes.
        QCOMPARE(ProjectFile::toJson(back.value()), ProjectFile::toJson(p));
    }

    void exampleValidatesClean()
    {
        const QList<ValidationIssue> issues = Validator::validate(Project::example());
        QVERIFY2(issues.isEmpty(), qPrintable(issues.value(0).toString()));
    }

    void bundledExampleMatchesModel()
    {
        const Result<Project> p
            = ProjectFile::load(QStringLiteral(FD_SOURCE_DIR "/resources/examples/two-party.fdproj"));
        QVERIFY2(p.ok(), qPrintable(p.error()));
        QCOMPARE(p.value(), Project::example());
    }

    void newerFormatIsRefused()
    {
        const Result<Project> p = ProjectFile::fromJson(R"({"formatVersion": 99, "name": "x"})");
        QVERIFY(!p.ok());
        QVERIFY2(p.error().contains(QLatin1String("format version 99")), qPrintable(p.error()));
    }

    void typeErrorsNameTheField()
    {
        const Result<Project> p = ProjectFile::fromJson(R"({"formatVersion": 1, "parties": [{"id": 1, "host": 5}]})");
        QVERIFY(!p.ok());
        QVERIFY2(p.error().startsWith(QLatin1String("parties[0].host:")), qPrintable(p.error()));
    }

    void saveIsAtomic()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.fdproj"));
        QVERIFY(ProjectFile::save(Project::example(), path).ok());
        // Saving into a missing directory fails and leaves nothing behind.
        const QString bad = dir.filePath(QStringLiteral("missing/p.fdproj"));
        QVERIFY(!ProjectFile::save(Project::example(), bad).ok());
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("p.fdproj")});
    }

    void hostValidationMessage()
    {
        Project p = Project::example();
        p.parties[1].host = QStringLiteral("192.168.7.300");
        const QList<ValidationIssue> issues = Validator::validate(p);
        QCOMPARE(issues.size(), 1);
        QCOMPARE(issues.first().toString(),
                 QStringLiteral("parties[1].host: \"192.168.7.300\" is not a valid IPv4 address or host name"));
    }
};

QTEST_GUILESS_MAIN(TestProjectFile)
#include "tst_projectfile.moc"
