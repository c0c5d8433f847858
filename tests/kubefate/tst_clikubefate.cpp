// SPDX-License-Identifier: Apache-2.0
// The import, export and validate commands of the built fate-deployer-cli, run as a user would.
#include "kubefate/bashconfig.h"
#include "kubefate/kubefateimporter.h"
#include "model/projectfile.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace FateDeployer;

namespace {

const QString configs = QStringLiteral(FD_TEST_DATA "/kubefate-configs");

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

Run cli(const QStringList &args, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(FD_BIN_DIR "/fate-deployer-cli"), args);
    Run run;
    if (!process.waitForFinished(30000)) {
        run.err = QStringLiteral("did not finish: ") + process.errorString();
        return run;
    }
    run.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("cannot read ") + path.toUtf8();
}

void writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QCOMPARE(f.write(data), data.size());
}

QStringList entries(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

} // namespace

class TestCliKubefate : public QObject
{
    Q_OBJECT

private slots:
    void expansionBombImportFailsFastWithTheLimit()
    {
        // Issue 18: 60 KB whose variables repeat the previous one ten times, six levels deep. It used to
        // allocate until std::bad_alloc (exit 134 after 27 s).
        QTemporaryDir dir;
        QByteArray bomb = "a0=\"" + QByteArray(5000, 'x') + "\"\n";
        for (int level = 1; level <= 6; ++level) {
            bomb += 'a' + QByteArray::number(level) + "=\"";
            for (int i = 0; i < 10; ++i)
                bomb += "$a" + QByteArray::number(level - 1);
            bomb += "\"\n";
        }
        while (bomb.size() < 60 * 1024)
            bomb += "# padding\n";
        const QString config = dir.filePath(QStringLiteral("docker-configuration.sh"));
        writeFile(config, bomb);
        QElapsedTimer timer;
        timer.start();
        const Run r = cli({QStringLiteral("import"),
                           QStringLiteral("--kubefate-config"),
                           config,
                           QStringLiteral("-o"),
                           dir.filePath(QStringLiteral("p.fdproj"))});
        const qint64 ms = timer.elapsed();
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(config + QStringLiteral(":3: the value of a2 expands to")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("(at most 262144 are accepted)")), qPrintable(r.err));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("p.fdproj"))));
        // The parser alone takes milliseconds (tst_bashconfig asserts < 1 s); this bounds the whole process.
        QVERIFY2(ms < 5000, qPrintable(QString::number(ms)));
    }

    void import110ExportBackIsEqualInMeaning()
    {
        QTemporaryDir dir;
        const QString original = configs + QStringLiteral("/1.1.0/docker-deploy/docker-configuration.sh");
        const QString project = dir.filePath(QStringLiteral("fed.fdproj"));
        Run r = cli(
            {QStringLiteral("import"), QStringLiteral("--kubefate-config"), original, QStringLiteral("-o"), project});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QLatin1String("imported 2 party(s) for KubeFATE 1.1.0")), qPrintable(r.out));
        QCOMPARE(r.err, QString());
        const Result<Project> imported = ProjectFile::load(project);
        QVERIFY(imported.ok());
        QCOMPARE(imported->name, QStringLiteral("fed"));

        r = cli({QStringLiteral("validate"), project});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QLatin1String(": valid")));

        const QString out = dir.filePath(QStringLiteral("out"));
        r = cli({QStringLiteral("export"),
                 QStringLiteral("--format"),
                 QStringLiteral("docker-configuration"),
                 project,
                 QStringLiteral("-o"),
                 out});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(entries(out), (QStringList{QStringLiteral(".env"), QStringLiteral("docker-configuration.sh")}));

        // Equal in meaning: every variable KubeFATE uses has the same value in the original and the export.
        const Result<BashConfig> envA = BashConfig::parseFile(configs + QStringLiteral("/1.1.0/.env"));
        const Result<BashConfig> envB = BashConfig::parseFile(out + QStringLiteral("/.env"));
        QVERIFY(envA.ok() && envB.ok());
        const Result<BashConfig> a = BashConfig::parseFile(original, envA->variables());
        const Result<BashConfig> b
            = BashConfig::parseFile(out + QStringLiteral("/docker-configuration.sh"), envB->variables());
        QVERIFY2(a.ok() && b.ok(), qPrintable(a.error() + b.error()));
        for (const char *name : {"user", "dir", "partylist", "partyiplist", "exchangeip"})
            QCOMPARE(b->variable(QLatin1String(name))->values, a->variable(QLatin1String(name))->values);
        for (const char *name : {"PREFIX", "THIRDPARTYPREFIX", "TAG", "BASE_TAG", "BUILDER_TAG"})
            QCOMPARE(envB->variable(QLatin1String(name))->values, envA->variable(QLatin1String(name))->values);

        // Re-import gives the same model.
        const QString again = dir.filePath(QStringLiteral("again.fdproj"));
        r = cli({QStringLiteral("import"),
                 QStringLiteral("--kubefate-config"),
                 out + QStringLiteral("/docker-configuration.sh"),
                 QStringLiteral("--name"),
                 QStringLiteral("fed"),
                 QStringLiteral("-o"),
                 again});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(ProjectFile::load(again).value(), imported.value());
    }

    void importOfEveryFixture_data()
    {
        QTest::addColumn<QString>("config");
        QTest::addColumn<QString>("format");
        QTest::newRow("v1.11") << QStringLiteral("v1.11/parties.conf") << QStringLiteral("parties-conf");
        QTest::newRow("v2.0") << QStringLiteral("v2.0/parties.conf") << QStringLiteral("parties-conf");
        QTest::newRow("v1.11.2 spark") << QStringLiteral("v1.11.2-spark/parties.conf")
                                       << QStringLiteral("parties-conf");
    }

    void exportUpdateKeepsTheLayout()
    {
        QTemporaryDir dir;
        const QString fixture = configs + QStringLiteral("/v1.11.2-spark/");
        for (const char *name : {"parties.conf", ".env"})
            QVERIFY(QFile::copy(fixture + QLatin1String(name), dir.filePath(QLatin1String(name))));
        const QString project = dir.filePath(QStringLiteral("p.fdproj"));
        Run r = cli({QStringLiteral("import"),
                     QStringLiteral("--kubefate-config"),
                     dir.filePath(QStringLiteral("parties.conf")),
                     QStringLiteral("-o"),
                     project});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(!readAll(project).contains("fixture pass"));
        // Without --update an existing folder is refused; with it the files come back byte for byte.
        r = cli({QStringLiteral("export"),
                 QStringLiteral("--format"),
                 QStringLiteral("parties-conf"),
                 project,
                 QStringLiteral("-o"),
                 dir.path()});
        QCOMPARE(r.code, 1);
        r = cli({QStringLiteral("export"),
                 QStringLiteral("--format"),
                 QStringLiteral("parties-conf"),
                 project,
                 QStringLiteral("-o"),
                 dir.path(),
                 QStringLiteral("--update")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        for (const char *name : {"parties.conf", ".env"})
            QCOMPARE(readAll(dir.filePath(QLatin1String(name))), readAll(fixture + QLatin1String(name)));
    }

    void secretsNeedTheKeychain()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("p.fdproj"));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        const Run r = cli({QStringLiteral("import"),
                           QStringLiteral("--kubefate-config"),
                           configs + QStringLiteral("/v1.11.2-spark/parties.conf"),
                           QStringLiteral("-o"),
                           project,
                           QStringLiteral("--store-secrets")},
                          env);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("--store-secrets needs the keychain")), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(project));
    }

    void importOfEveryFixture()
    {
        QFETCH(QString, config);
        QFETCH(QString, format);
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("p.fdproj"));
        Run r = cli({QStringLiteral("import"),
                     QStringLiteral("--kubefate-config"),
                     configs + QLatin1Char('/') + config,
                     QStringLiteral("-o"),
                     project});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = cli(
            {QStringLiteral("export"), QStringLiteral("--format"), format, project, QStringLiteral("-o"), dir.path()});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        KubefateImporter importer;
        Result<Project> back = importer.importFiles(dir.filePath(QStringLiteral("parties.conf")));
        QVERIFY2(back.ok(), qPrintable(back.error()));
        back.value().name = QStringLiteral("p");
        QCOMPARE(back.value(), ProjectFile::load(project).value());
    }

    void hostileInputFailsAndWritesNothing_data()
    {
        QTest::addColumn<QByteArray>("config");
        QTest::addColumn<QString>("message");
        const QByteArray head = "user=root\ndir=/data/projects/fate\n";
        QTest::newRow("command substitution") << (head + "partylist=($(cat /etc/hostname))\n")
                                              << QStringLiteral("docker-configuration.sh:3: command substitution");
        QTest::newRow("backticks") << (head + "partylist=(`id -u`)\n")
                                   << QStringLiteral("docker-configuration.sh:3: command substitution with backticks");
        QTest::newRow("semicolon") << (head + "partylist=(1); touch /tmp/pwned\n")
                                   << QStringLiteral("docker-configuration.sh:3: \"touch\" would run a command");
        QTest::newRow("quote in value")
            << (head + "partylist=(1)\npartyiplist=(\"10.0.0.1\\\"; id\")\nexchangeip=10.0.0.1\n")
            << QStringLiteral(
                   "docker-configuration.sh:4: partyiplist[0] (parties[0].host): \"10.0.0.1\"; id\" is not a valid");
        QTest::newRow("newline") << (head + "partylist=(1)\npartyiplist=('10.0.0.1\nid')\n")
                                 << QStringLiteral("docker-configuration.sh:4: a line break inside quotes");
        QTest::newRow("binary") << QByteArray("user=root\0\x01\x02", 12)
                                << QStringLiteral("docker-configuration.sh:1: contains a NUL byte");
        QTest::newRow("empty") << QByteArray()
                               << QStringLiteral("docker-configuration.sh: has no variable assignments");
        QTest::newRow("10 MB line") << (QByteArray("user=") + QByteArray(10 * 1024 * 1024, 'r'))
                                    << QStringLiteral("docker-configuration.sh: the file is larger than 1024 KiB");
    }

    void hostileInputFailsAndWritesNothing()
    {
        QFETCH(QByteArray, config);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("docker-configuration.sh"));
        writeFile(file, config);
        writeFile(dir.filePath(QStringLiteral(".env")), "PREFIX=federatedai\nTAG=1.1-release\n");
        const QString project = dir.filePath(QStringLiteral("p.fdproj"));
        const Run r
            = cli({QStringLiteral("import"), QStringLiteral("--kubefate-config"), file, QStringLiteral("-o"), project});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(!QFile::exists(project));
        QCOMPARE(entries(dir.path()), (QStringList{QStringLiteral(".env"), QStringLiteral("docker-configuration.sh")}));
    }

    void hostileProjectIsNotExported_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::newRow("command substitution") << QStringLiteral("user") << QStringLiteral("$(id)");
        QTest::newRow("backticks") << QStringLiteral("host") << QStringLiteral("`id`");
        QTest::newRow("semicolon") << QStringLiteral("host") << QStringLiteral("10.0.0.1;reboot");
        QTest::newRow("quote") << QStringLiteral("tag") << QStringLiteral("1.1'\"");
        QTest::newRow("newline") << QStringLiteral("dir") << QStringLiteral("/data\nrm -rf /");
    }

    void hostileProjectIsNotExported()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        Project p = Project::example();
        if (field == QLatin1String("user"))
            p.user = value;
        else if (field == QLatin1String("host"))
            p.parties[0].host = value;
        else if (field == QLatin1String("tag"))
            p.images.tag = value;
        else
            p.baseDir = value;
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("p.fdproj"));
        QVERIFY(ProjectFile::save(p, project).ok());
        const QString out = dir.filePath(QStringLiteral("out"));
        const Run r = cli({QStringLiteral("export"),
                           QStringLiteral("--format"),
                           QStringLiteral("docker-configuration"),
                           project,
                           QStringLiteral("-o"),
                           out});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("the project has errors; fix them before exporting")), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(out));
    }

    void usageErrorsExitWith2()
    {
        QCOMPARE(cli({QStringLiteral("import")}).code, 2);
        QCOMPARE(cli({QStringLiteral("import"), QStringLiteral("--kubefate-config"), QStringLiteral("x")}).code, 2);
        QCOMPARE(cli({QStringLiteral("import"), QStringLiteral("--bogus")}).code, 2);
        QCOMPARE(
            cli({QStringLiteral("export"), QStringLiteral("p.fdproj"), QStringLiteral("-o"), QStringLiteral("d")}).code,
            2);
        const Run r = cli({QStringLiteral("export"),
                           QStringLiteral("--format"),
                           QStringLiteral("yaml"),
                           QStringLiteral("p.fdproj"),
                           QStringLiteral("-o"),
                           QStringLiteral("d")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QLatin1String("unknown format \"yaml\"")), qPrintable(r.err));
        QCOMPARE(cli({QStringLiteral("validate")}).code, 2);
        QCOMPARE(cli({QStringLiteral("import"), QStringLiteral("--help")}).code, 0);
    }

    void exportRefusesToOverwriteAndWrongFormat()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("p.fdproj"));
        QVERIFY(ProjectFile::save(Project::example(), project).ok());
        const QString out = dir.filePath(QStringLiteral("out"));
        const QStringList args{QStringLiteral("export"),
                               QStringLiteral("--format"),
                               QStringLiteral("docker-configuration"),
                               project,
                               QStringLiteral("-o"),
                               out};
        QCOMPARE(cli(args).code, 0);
        Run r = cli(args);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("already exists; nothing was written (use --force to overwrite)")),
                 qPrintable(r.err));
        QCOMPARE(cli(args + QStringList{QStringLiteral("--force")}).code, 0);

        r = cli({QStringLiteral("export"),
                 QStringLiteral("--format"),
                 QStringLiteral("parties-conf"),
                 project,
                 QStringLiteral("-o"),
                 dir.filePath(QStringLiteral("other"))});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("KubeFATE 1.1.0 reads docker-configuration.sh, not parties.conf")),
                 qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("other"))));

        // import refuses to overwrite a project too.
        r = cli({QStringLiteral("import"),
                 QStringLiteral("--kubefate-config"),
                 out + QStringLiteral("/docker-configuration.sh"),
                 QStringLiteral("-o"),
                 project});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("already exists")), qPrintable(r.err));
    }

    void validateJson()
    {
        QTemporaryDir dir;
        Project p = Project::example();
        p.parties[1].host = QStringLiteral("192.168.7.300");
        p.parties.append(Party::make(10000, QStringLiteral("192.168.7.1")));
        const QString project = dir.filePath(QStringLiteral("bad.fdproj"));
        QVERIFY(ProjectFile::save(p, project).ok());
        Run r = cli({QStringLiteral("validate"), QStringLiteral("--json"), project});
        QCOMPARE(r.code, 1);
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("ok")).toBool(true), false);
        const QJsonArray issues = o.value(QStringLiteral("issues")).toArray();
        QVERIFY(issues.size() >= 3);
        QCOMPARE(issues.at(0).toObject().value(QStringLiteral("field")).toString(), QStringLiteral("parties[1].host"));
        QCOMPARE(issues.at(0).toObject().value(QStringLiteral("severity")).toString(), QStringLiteral("error"));
        QCOMPARE(issues.at(0).toObject().value(QStringLiteral("message")).toString(),
                 QStringLiteral("\"192.168.7.300\" is not a valid IPv4 address or host name"));
        QCOMPARE(issues.at(1).toObject().value(QStringLiteral("field")).toString(), QStringLiteral("parties[2].id"));
        QCOMPARE(issues.at(2).toObject().value(QStringLiteral("severity")).toString(), QStringLiteral("warning"));

        r = cli({QStringLiteral("validate"), project});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String(
                     "error: parties[1].host: \"192.168.7.300\" is not a valid IPv4 address or host name")),
                 qPrintable(r.err));

        writeFile(dir.filePath(QStringLiteral("junk.fdproj")), "not json");
        r = cli({QStringLiteral("validate"), QStringLiteral("--json"), dir.filePath(QStringLiteral("junk.fdproj"))});
        QCOMPARE(r.code, 1);
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("ok")).toBool(true), false);

        r = cli({QStringLiteral("validate"),
                 QStringLiteral("--json"),
                 QStringLiteral(FD_SOURCE_DIR "/resources/examples/two-party.fdproj")});
        QCOMPARE(r.code, 0);
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("ok")).toBool(false), true);
    }
};

QTEST_GUILESS_MAIN(TestCliKubefate)
#include "tst_clikubefate.moc"
