// SPDX-License-Identifier: Apache-2.0
#include "model/era.h"
#include "model/projectdigest.h"
#include "model/projectfile.h"
#include "model/servicesecrets.h"
#include "model/validation.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

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
        p.registry.keepLoggedIn = true;
        p.registry.dockerHubImages = {QStringLiteral("mysql"), QStringLiteral("redis")};
        const Result<Project> back = ProjectFile::fromJson(ProjectFile::toJson(p));
        QVERIFY2(back.ok(), qPrintable(back.error()));
        QCOMPARE(back.value(), p);
        QVERIFY(back.value().registry.keepLoggedIn);
        // Stable: serialising twice gives the same bytes.
        QCOMPARE(ProjectFile::toJson(back.value()), ProjectFile::toJson(p));
        // The default (log out after the run) is not written, and a file without the key reads as false.
        p.registry.keepLoggedIn = false;
        QVERIFY(!ProjectFile::toJson(p).contains("keepLoggedIn"));
        QVERIFY(!ProjectFile::fromJson(ProjectFile::toJson(p)).value().registry.keepLoggedIn);
    }

    void eraFieldsRoundTrip()
    {
        Project p = Project::example();
        p.setKubefateVersion(QStringLiteral("1.11.2"));
        p.engine.computing = QStringLiteral("Spark");
        p.engine.federation = QStringLiteral("RabbitMQ");
        p.engine.storage = QStringLiteral("HDFS");
        p.engine.algorithm = QStringLiteral("NN");
        p.engine.device = QStringLiteral("GPU");
        p.engine.computeCore = 24;
        p.engine.gpuCount = 3;
        p.engine.nameNode = QStringLiteral("hdfs://nn:8020");
        p.mysql = {QStringLiteral("db.example.org"),
                   QStringLiteral("flow"),
                   QStringLiteral("flowdb"),
                   QStringLiteral("Asia/Shanghai")};
        p.logins = {QStringLiteral("board"), QStringLiteral("servadm")};
        p.images.servingTag = QStringLiteral("2.1.5-release");
        p.parties[0].servingHost = QStringLiteral("192.168.7.11");
        const QByteArray json = ProjectFile::toJson(p);
        QVERIFY(json.contains("\"formatVersion\": 2"));
        const Result<Project> back = ProjectFile::fromJson(json);
        QVERIFY2(back.ok(), qPrintable(back.error()));
        QCOMPARE(back.value(), p);
        QCOMPARE(back->engine.computing, QStringLiteral("Spark"));
        QCOMPARE(back->parties.at(0).servingHost, QStringLiteral("192.168.7.11"));
        QCOMPARE(ProjectFile::toJson(back.value()), json);
    }

    void eraDecidesWhichFieldsAreWritten()
    {
        // A 1.1.0 project says nothing about engines, serving or MySQL it cannot have.
        const QByteArray json = ProjectFile::toJson(Project::example());
        for (const char *key : {"\"engine\"", "\"mysql\"", "\"logins\"", "servingTag", "servingHost"})
            QVERIFY2(!json.contains(key), key);
    }

    void formatOneLoadsWithTheErasDefaults()
    {
        // Format 1 files had no engine: each era gets its example parties.conf values.
        const Result<Project> v11 = ProjectFile::fromJson(
            R"({"formatVersion": 1, "templates": {"kubefateVersion": "1.11.2"}, "parties": [{"id": 1, "host": "h"}]})");
        QVERIFY2(v11.ok(), qPrintable(v11.error()));
        QCOMPARE(v11->engine, engineDefaults(KubefateEra::V1_11));
        QCOMPARE(v11->engine.federation, QStringLiteral("Eggroll"));
        QCOMPARE(v11->engine.computeCore, 16);
        const Result<Project> v20 = ProjectFile::fromJson(
            R"({"formatVersion": 1, "templates": {"kubefateVersion": "2.0.0"}, "parties": [{"id": 1, "host": "h"}]})");
        QVERIFY2(v20.ok(), qPrintable(v20.error()));
        QCOMPARE(v20->engine.federation, QStringLiteral("OSX"));
        QCOMPARE(v20->engine.computeCore, 8);
        QCOMPARE(v20->mysql, MysqlSettings{});
        // The bundled example is a format 1 file and stays readable (bundledExampleMatchesModel).
    }

    void engineTypeErrorsNameTheField()
    {
        const Result<Project> p = ProjectFile::fromJson(R"({"formatVersion": 2, "engine": {"computeCore": "many"}})");
        QVERIFY(!p.ok());
        QVERIFY2(p.error().startsWith(QLatin1String("engine.computeCore:")), qPrintable(p.error()));
    }

    void serviceSecretsNeverReachTheFile()
    {
        Project p = Project::example();
        p.setKubefateVersion(QStringLiteral("1.11.2"));
        ServiceSecrets secrets;
        secrets.mysqlPassword = QStringLiteral("my-sql-Secret");
        secrets.fateboardPassword = QStringLiteral("board-Secret");
        secrets.servingAdminPassword = QStringLiteral("serving-Secret");
        secrets.notebookHashedPassword = QStringLiteral("sha1:nb-Secret");
        MemorySecretStore store;
        QVERIFY(secrets.save(store, p).ok());
        QCOMPARE(store.writeCount(), 4);
        // Keys name the kind, the login and the federation's parties, never a value; party order does not matter.
        const QString key = ServiceSecrets::keyFor(ServiceSecrets::Kind::MysqlPassword, p);
        QCOMPARE(key, QStringLiteral("fate-mysql_password:fate@mysql/fate_flow:parties(9999,10000)"));
        Project reordered = p;
        std::swap(reordered.parties[0], reordered.parties[1]);
        const Result<ServiceSecrets> loaded = ServiceSecrets::load(store, reordered);
        QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
        QCOMPARE(loaded.value(), secrets);
        // Another login is another secret.
        Project otherLogin = p;
        otherLogin.logins.fateboardUser = QStringLiteral("ops");
        QCOMPARE(ServiceSecrets::load(store, otherLogin)->fateboardPassword, QString());
        QVERIFY(!ProjectFile::toJson(p).contains("Secret"));
        // Clearing a secret removes it from the store.
        ServiceSecrets cleared = secrets;
        cleared.notebookHashedPassword.clear();
        QVERIFY(cleared.save(store, p).ok());
        QCOMPARE(ServiceSecrets::load(store, p)->notebookHashedPassword, QString());
        QCOMPARE(secrets.maskable().first(), QStringLiteral("serving-Secret"));
    }

    void serviceSecretsAreMaskedWhole()
    {
        ServiceSecrets secrets;
        secrets.mysqlPassword = QStringLiteral("pw");
        secrets.fateboardPassword = QStringLiteral("pw-longer");
        QCOMPARE(secrets.mask(QStringLiteral("jdbc.password=pw-longer\nCREATE USER 'fate' IDENTIFIED BY 'pw';")),
                 QStringLiteral("jdbc.password=********\nCREATE USER 'fate' IDENTIFIED BY '********';"));
        QCOMPARE(ServiceSecrets().mask(QStringLiteral("nothing to hide")), QStringLiteral("nothing to hide"));
    }

    void switchingTheEraResetsTheEngine()
    {
        Project p = Project::example();
        p.setKubefateVersion(QStringLiteral("1.11.2"));
        p.engine.computing = QStringLiteral("Spark_local");
        p.setKubefateVersion(QStringLiteral("1.11.1")); // same era: kept
        QCOMPARE(p.engine.computing, QStringLiteral("Spark_local"));
        p.setKubefateVersion(QStringLiteral("2.0.0"));
        QCOMPARE(p.engine, engineDefaults(KubefateEra::V2_0));
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

    void registryWithoutDockerHubImagesLoadsAsBefore()
    {
        // Files written before registry.dockerHubImages existed pull every image from the registry.
        const Result<Project> p = ProjectFile::fromJson(
            R"({"formatVersion": 1, "registry": {"type": "private", "uri": "harbor.local/fate"}})");
        QVERIFY2(p.ok(), qPrintable(p.error()));
        QVERIFY(p->registry.dockerHubImages.isEmpty());
        QVERIFY(!ProjectFile::toJson(p.value()).contains("dockerHubImages"));
        const Result<Project> bad = ProjectFile::fromJson(
            R"({"formatVersion": 1, "registry": {"type": "private", "dockerHubImages": "mysql"}})");
        QVERIFY(!bad.ok());
        QVERIFY2(bad.error().startsWith(QLatin1String("registry.dockerHubImages:")), qPrintable(bad.error()));
        Project q = Project::example();
        q.registry.dockerHubImages = {QStringLiteral("mysql:8")};
        const QList<ValidationIssue> issues = Validator::validate(q);
        QVERIFY(!issues.isEmpty());
        QCOMPARE(issues.first().field, QStringLiteral("registry.dockerHubImages"));
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

    void truncatedFileNamesAPlaceInsideIt()
    {
        // 200 bytes of a real project file, cut in the middle: the error points at its end, not past it.
        const QByteArray truncated = ProjectFile::toJson(Project::example()).left(200);
        QCOMPARE(truncated.size(), 200);
        const Result<Project> p = ProjectFile::fromJson(truncated);
        QVERIFY(!p.ok());
        const int lines = int(truncated.count('\n')) + 1;
        const int column = int(truncated.size() - truncated.lastIndexOf('\n'));
        QVERIFY2(p.error().contains(QStringLiteral("at line %1, column %2 (byte 200 of 200)").arg(lines).arg(column)),
                 qPrintable(p.error()));
        QVERIFY2(!p.error().contains(QLatin1String("201")), qPrintable(p.error()));
    }

    void limitsNameFieldAndLimit()
    {
        Project big = Project::example();
        big.parties[0].host = QString(ProjectFile::MaxFieldLength + 1, QLatin1Char('h'));
        Result<Project> p = ProjectFile::fromJson(ProjectFile::toJson(big));
        QVERIFY(!p.ok());
        QCOMPARE(p.error(), QStringLiteral("parties[0].host: is 4097 characters long (at most 4096 are accepted)"));

        big = Project::example();
        big.parties[1].notes = QString(ProjectFile::MaxNotesLength, QLatin1Char('n')); // notes may be longer
        QVERIFY(ProjectFile::fromJson(ProjectFile::toJson(big)).ok());
        big.name = QString(5000, QLatin1Char('x'));
        p = ProjectFile::fromJson(ProjectFile::toJson(big));
        QVERIFY(!p.ok());
        QCOMPARE(p.error(), QStringLiteral("name: is 5000 characters long (at most 4096 are accepted)"));

        QByteArray many = R"({"formatVersion": 1, "parties": [)";
        for (int i = 0; i <= ProjectFile::MaxParties; ++i)
            many += QByteArray(i ? "," : "") + R"({"id": )" + QByteArray::number(i + 1) + "}";
        many += "]}";
        p = ProjectFile::fromJson(many);
        QVERIFY(!p.ok());
        QCOMPARE(p.error(), QStringLiteral("parties: 1001 parties listed (at most 1000 are accepted)"));
    }

    void oversizedFileIsRefusedWithTheLimit()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("big.fdproj"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.resize(ProjectFile::MaxFileSize + 1));
        f.close();
        const Result<Project> p = ProjectFile::load(path);
        QVERIFY(!p.ok());
        QCOMPARE(
            p.error(),
            QStringLiteral("%1: the file is 4194305 bytes long (at most 4194304 are accepted); is this the right file?")
                .arg(path));
    }

    void hugeNumbersAreRefusedNotConverted()
    {
        // Regression of fuzz_projectfile's crash (UBSan: 9.9e+81 is outside the range of long long): numbers far
        // outside int are refused before any conversion.
        for (const char *number :
             {"99000000000000000000000000000000000000000000000000000000000000000000000000000000000",
              "9.9e81",
              "-1e300",
              "1e19",
              "2147483648",
              "0.5"}) {
            const QByteArray json = R"({"formatVersion": 1, "parties": [{"id": )" + QByteArray(number) + "}]}";
            const Result<Project> p = ProjectFile::fromJson(json);
            QVERIFY2(!p.ok(), number);
            QCOMPARE(p.error(), QStringLiteral("parties[0].id: must be a whole number"));
        }
        const Result<Project> p = ProjectFile::fromJson(R"({"formatVersion": 1, "parties": [{"id": 2147483647}]})");
        QVERIFY2(p.ok(), qPrintable(p.error()));
        QCOMPARE(p->parties.first().id, 2147483647);
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

    void digestFollowsEveryField()
    {
        // The bundle cache reuses a render for an equal digest: every field must count, in every struct.
        Project base = Project::example();
        base.setKubefateVersion(QStringLiteral("1.11.2"));
        QCOMPARE(projectDigest(base).size(), 32);
        QCOMPARE(projectDigest(base), projectDigest(Project(base)));
        const QList<std::pair<const char *, std::function<void(Project &)>>> edits = {
            {"name", [](Project &p) { p.name += QLatin1Char('x'); }},
            {"templates.kubefateVersion", [](Project &p) { p.templates.kubefateVersion = QStringLiteral("2.0.0"); }},
            {"templates.kind", [](Project &p) { p.templates.kind = TemplateSource::Kind::Archive; }},
            {"templates.location", [](Project &p) { p.templates.location = QStringLiteral("/t"); }},
            {"templates.sha256", [](Project &p) { p.templates.sha256 = QStringLiteral("ab"); }},
            {"templates.mirrorBase", [](Project &p) { p.templates.mirrorBase = QStringLiteral("http://m"); }},
            {"user", [](Project &p) { p.user = QStringLiteral("fate"); }},
            {"baseDir", [](Project &p) { p.baseDir = QStringLiteral("/opt/fate"); }},
            {"sshPort", [](Project &p) { p.sshPort = 2222; }},
            {"knownHostsFile", [](Project &p) { p.knownHostsFile = QStringLiteral("/k"); }},
            {"images.prefix", [](Project &p) { p.images.prefix = QStringLiteral("mirror"); }},
            {"images.tag", [](Project &p) { p.images.tag = QStringLiteral("t"); }},
            {"images.baseTag", [](Project &p) { p.images.baseTag = QStringLiteral("t"); }},
            {"images.builderTag", [](Project &p) { p.images.builderTag = QStringLiteral("t"); }},
            {"images.servingTag", [](Project &p) { p.images.servingTag = QStringLiteral("t"); }},
            {"registry.usePrivate", [](Project &p) { p.registry.usePrivate = true; }},
            {"registry.uri", [](Project &p) { p.registry.uri = QStringLiteral("r.example/f"); }},
            {"registry.username", [](Project &p) { p.registry.username = QStringLiteral("u"); }},
            {"registry.keepLoggedIn", [](Project &p) { p.registry.keepLoggedIn = true; }},
            {"registry.dockerHubImages", [](Project &p) { p.registry.dockerHubImages = {QStringLiteral("mysql")}; }},
            {"parties added", [](Project &p) { p.parties.append(Party::make(10005, QStringLiteral("10.0.0.9"))); }},
            {"parties reordered", [](Project &p) { std::swap(p.parties[0], p.parties[1]); }},
            {"party.id", [](Project &p) { p.parties[0].id = 10009; }},
            {"party.host", [](Project &p) { p.parties[0].host = QStringLiteral("10.0.0.9"); }},
            {"party.ssh.user", [](Project &p) { p.parties[0].ssh.user = QStringLiteral("a"); }},
            {"party.ssh.port", [](Project &p) { p.parties[0].ssh.port = 22; }},
            {"party.ssh.identityFile", [](Project &p) { p.parties[0].ssh.identityFile = QStringLiteral("/id"); }},
            {"party.ssh.auth", [](Project &p) { p.parties[0].ssh.auth = AuthMethod::Password; }},
            {"party.ssh.jumpHost", [](Project &p) { p.parties[0].ssh.jumpHost = QStringLiteral("j"); }},
            {"party.dir", [](Project &p) { p.parties[0].dir = QStringLiteral("/d"); }},
            {"party.notes", [](Project &p) { p.parties[0].notes = QStringLiteral("n"); }},
            {"party.servingHost", [](Project &p) { p.parties[0].servingHost = QStringLiteral("10.0.0.8"); }},
            {"party.reachableAddress", [](Project &p) { p.parties[0].reachableAddress = QStringLiteral("1.2.3.4"); }},
            {"party.reachablePort", [](Project &p) { p.parties[0].reachablePort = 9370; }},
            {"party.external", [](Project &p) { p.parties[0].external = true; }},
            {"party.contact", [](Project &p) { p.parties[0].contact = QStringLiteral("c"); }},
            {"exchange.enabled", [](Project &p) { p.exchange.enabled = !p.exchange.enabled; }},
            {"exchange.host", [](Project &p) { p.exchange.host = QStringLiteral("10.0.0.7"); }},
            {"exchange.port", [](Project &p) { p.exchange.port = 9372; }},
            {"exchange.ssh", [](Project &p) { p.exchange.ssh.user = QStringLiteral("a"); }},
            {"exchange.dir", [](Project &p) { p.exchange.dir = QStringLiteral("/d"); }},
            {"exchange.reachableAddress", [](Project &p) { p.exchange.reachableAddress = QStringLiteral("1.2.3.4"); }},
            {"exchange.reachablePort", [](Project &p) { p.exchange.reachablePort = 9371; }},
            {"exchange.external", [](Project &p) { p.exchange.external = true; }},
            {"exchange.notes", [](Project &p) { p.exchange.notes = QStringLiteral("n"); }},
            {"verification.guestId", [](Project &p) { p.verification.guestId = 9999; }},
            {"verification.hostId", [](Project &p) { p.verification.hostId = 10000; }},
            {"verification.timeoutSeconds", [](Project &p) { p.verification.timeoutSeconds = 7; }},
            {"engine.computing", [](Project &p) { p.engine.computing = QStringLiteral("Spark"); }},
            {"engine.federation", [](Project &p) { p.engine.federation = QStringLiteral("Pulsar"); }},
            {"engine.storage", [](Project &p) { p.engine.storage = QStringLiteral("HDFS"); }},
            {"engine.algorithm", [](Project &p) { p.engine.algorithm = QStringLiteral("NN"); }},
            {"engine.device", [](Project &p) { p.engine.device = QStringLiteral("GPU"); }},
            {"engine.computeCore", [](Project &p) { p.engine.computeCore = 3; }},
            {"engine.gpuCount", [](Project &p) { p.engine.gpuCount = 2; }},
            {"engine.nameNode", [](Project &p) { p.engine.nameNode = QStringLiteral("hdfs://n:1"); }},
            {"mysql.host", [](Project &p) { p.mysql.host = QStringLiteral("db"); }},
            {"mysql.user", [](Project &p) { p.mysql.user = QStringLiteral("u"); }},
            {"mysql.database", [](Project &p) { p.mysql.database = QStringLiteral("d"); }},
            {"mysql.serverTimezone", [](Project &p) { p.mysql.serverTimezone = QStringLiteral("Asia/Shanghai"); }},
            {"logins.fateboardUser", [](Project &p) { p.logins.fateboardUser = QStringLiteral("u"); }},
            {"logins.servingAdminUser", [](Project &p) { p.logins.servingAdminUser = QStringLiteral("u"); }},
            {"federation.revision", [](Project &p) { p.federation.revision = 4; }},
            {"federation.sha256", [](Project &p) { p.federation.sha256 = QStringLiteral("ab"); }},
            // lengths are part of the bytes: text moved between neighbouring fields still differs
            {"text moved between fields",
             [](Project &p) {
                 p.images.tag = QStringLiteral("a");
                 p.images.baseTag = QStringLiteral("bc");
             }},
        };
        Project moved = base;
        moved.images.tag = QStringLiteral("ab");
        moved.images.baseTag = QStringLiteral("c");
        const QByteArray movedDigest = projectDigest(moved);
        QSet<QByteArray> seen{projectDigest(base), movedDigest};
        for (const auto &[what, edit] : edits) {
            Project p = base;
            edit(p);
            QVERIFY2(!(p == base), what);
            const QByteArray d = projectDigest(p);
            QVERIFY2(!seen.contains(d), what);
            seen.insert(d);
        }
    }
};

QTEST_GUILESS_MAIN(TestProjectFile)
#include "tst_projectfile.moc"
