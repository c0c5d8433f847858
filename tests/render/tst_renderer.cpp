// SPDX-License-Identifier: Apache-2.0
#include "render/bundlewriter.h"
#include "render/composefacts.h"
#include "render/preview.h"
#include "render/renderer.h"
#include "templates/templatesource.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace FateDeployer;

namespace {

const QString Fixture = QStringLiteral(FD_TEST_DATA "/kubefate-1.1.0");
const QString Golden = QStringLiteral(FD_TEST_DATA "/render-golden");

QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return QByteArray("<cannot read ") + path.toUtf8() + '>';
    return f.readAll();
}

void writeAll(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(data);
}

TemplateTree fixtureTree()
{
    Result<TemplateTree> t = TemplateSources::openFolder(Fixture);
    if (!t)
        qFatal("%s", qPrintable(t.error()));
    return t.value();
}

Project projectWith(int parties)
{
    Project p = Project::example();
    p.parties.clear();
    for (int i = 0; i < parties; ++i)
        p.parties.append(Party::make(10000 + i, QStringLiteral("10.0.0.%1").arg(i + 1)));
    p.exchange.host = QStringLiteral("10.0.0.100");
    return p;
}

/// Copies the fixture tree so a test can damage it.
QString copyFixture(const QTemporaryDir &dir)
{
    const QString root = dir.filePath(QStringLiteral("kubefate"));
    QDirIterator it(Fixture, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString src = it.next();
        const QString dst = root + QLatin1Char('/') + QDir(Fixture).relativeFilePath(src);
        QDir().mkpath(QFileInfo(dst).path());
        QFile::copy(src, dst);
    }
    return root;
}

QStringList manifestOf(const Bundle &b)
{
    QStringList lines;
    for (const BundleFile &f : b.files) {
        const Result<QByteArray> bytes = f.bytes();
        lines << QStringLiteral("%1 %2 %3")
                     .arg(QString::number(f.mode, 8),
                          QString::fromLatin1(
                              QCryptographicHash::hash(bytes.value(), QCryptographicHash::Sha256).toHex()),
                          f.path);
    }
    return lines;
}

} // namespace

class TestRenderer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // Git keeps only 644/755. As in the 1.1.0 release, a few example files are executable and
        // processor-starter.sh is not: the fixture must keep both, so modes are really compared.
        QVERIFY(QFileInfo(Fixture
                          + QStringLiteral("/docker-deploy/federatedml_examples/federatedml-1.x-examples/"
                                           "hetero_linear_regression/test_hetero_linr_train_job_conf.json"))
                    .permissions()
                    .testFlag(QFileDevice::ExeOwner));
        QVERIFY(
            !QFileInfo(Fixture + QStringLiteral("/docker-deploy/docker-example-dir-tree/egg/conf/processor-starter.sh"))
                 .permissions()
                 .testFlag(QFileDevice::ExeOwner));
    }

    void goldenFile_data()
    {
        QTest::addColumn<QString>("bundle");
        QTest::addColumn<QString>("path");
        QDirIterator it(Golden, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString rel = QDir(Golden).relativeFilePath(it.next());
            if (!rel.contains(QLatin1Char('/')))
                continue; // manifests and the project file
            const QString bundle = rel.section(QLatin1Char('/'), 0, 0);
            const QString path = rel.section(QLatin1Char('/'), 1);
            QTest::newRow(qPrintable(rel)) << bundle << path;
        }
    }

    // Each edited or generated file, byte for byte (whitespace quirks included).
    void goldenFile()
    {
        QFETCH(QString, bundle);
        QFETCH(QString, path);
        const Result<RenderOutput> out = Renderer::render(Project::example(), fixtureTree());
        QVERIFY2(out.ok(), qPrintable(out.error()));
        const Bundle *b = out->bundle(bundle);
        QVERIFY(b);
        const BundleFile *f = b->file(path);
        QVERIFY2(f, qPrintable(path));
        QCOMPARE(f->bytes().value(), readAll(Golden + QLatin1Char('/') + bundle + QLatin1Char('/') + path));
    }

    // Whole trees: every path, mode and content (verbatim copies included), nothing more, nothing less.
    void goldenManifests()
    {
        const Result<RenderOutput> out = Renderer::render(Project::example(), fixtureTree());
        QVERIFY2(out.ok(), qPrintable(out.error()));
        QCOMPARE(out->bundles.size(), 3);
        for (const Bundle &b : out->bundles) {
            const QStringList expected
                = QString::fromUtf8(readAll(Golden + QLatin1Char('/') + b.name + QStringLiteral(".manifest")))
                      .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
            QCOMPARE(manifestOf(b), expected);
        }
        const Bundle &x = out->bundles.last();
        QCOMPARE(x.name, QStringLiteral("exchange"));
        QCOMPARE(x.host, QStringLiteral("192.168.7.1"));
        QCOMPARE(x.remotePath(), QStringLiteral("/data/projects/fate/exchange"));
        QCOMPARE(out->bundles.first().remotePath(), QStringLiteral("/data/projects/fate/confs-10000"));
        QCOMPARE(out->bundles.at(1).host, QStringLiteral("192.168.7.2"));
        QVERIFY(!out->bundles.first().file(QStringLiteral("confs/egg/conf/egg.properties.bak")));
    }

    void quirksSpelledOut()
    {
        const Result<RenderOutput> out = Renderer::render(Project::example(), fixtureTree());
        QVERIFY(out.ok());
        const Bundle *b = out->bundle(QStringLiteral("confs-9999"));
        const QByteArray route = b->file(QStringLiteral("confs/proxy/conf/route_table.json"))->bytes().value();
        QVERIFY(route.contains("            ]\n\t\t}\n    },\n"));
        const QByteArray server = b->file(QStringLiteral("confs/federatedml/conf/server_conf.json"))->bytes().value();
        // The script's layout (checked against KubeFATE's real output by tests/conformance): a trailing
        // space after "host" lines and most closing braces, none after "grpc.port" and federation's brace.
        QVERIFY(server.contains("\"host\": \"proxy\", \n"));
        QVERIFY(server.contains("            \"port\": 9370\n        }, \n        \"fateboard\""));
        QVERIFY(server.contains("\"grpc.port\": 9360,\n            \"http.port\": 9380\n        }, \n"));
        QVERIFY(server.contains("            \"port\": 9394\n        },\n        \"clustercomm\""));
        QCOMPARE(server.count(", \n"), 10);
        QVERIFY(b->file(QStringLiteral("confs/mysql/init/insert-node.sql"))->bytes().value().startsWith("\nINSERT"));
        const QByteArray fed = b->file(QStringLiteral("confs/federation/conf/federation.properties"))->bytes().value();
        QVERIFY(fed.endsWith("proxy.port=9370")); // no final newline, as the template
        const QByteArray egg = b->file(QStringLiteral("confs/egg/conf/egg.properties"))->bytes().value();
        QVERIFY(egg.endsWith("session.max.count=16\neggroll.computing.processor.python-path=/data/projects/fate/"
                             "python:/data/projects/fate/eggroll/python\n"));
        // redis.conf stays the template (CRLF, no final newline).
        QCOMPARE(b->file(QStringLiteral("confs/redis/conf/redis.conf"))->bytes().value(),
                 QByteArray("requirepass fate1234\r\ndatabases 50"));
        // roll.properties keeps the template's missing final newline after the edited last line.
        QVERIFY(b->file(QStringLiteral("confs/roll/conf/roll.properties"))
                    ->bytes()
                    .value()
                    .endsWith("\nmeta.service.port=8590"));
        // The exchange route table ends with the permission block, as the script writes it.
        QVERIFY(out->bundle(QStringLiteral("exchange"))
                    ->file(QStringLiteral("conf/route_table.json"))
                    ->bytes()
                    .value()
                    .endsWith("        }\n    },\n    \"permission\": {\n        \"default_allow\": true\n    }\n}\n"));
        // The exchange coordinator is the last party (spec §2.7).
        QVERIFY(out->bundle(QStringLiteral("exchange"))
                    ->file(QStringLiteral("conf/proxy.properties"))
                    ->bytes()
                    .value()
                    .contains("\ncoordinator=9999\n"));
    }

    void dataDirFollowsPartyDir()
    {
        Project p = Project::example();
        p.parties[1].dir = QStringLiteral("/srv/fate");
        const Result<RenderOutput> out = Renderer::render(p, fixtureTree());
        QVERIFY(out.ok());
        const Bundle *b = out->bundle(QStringLiteral("confs-9999"));
        QCOMPARE(b->remotePath(), QStringLiteral("/srv/fate/confs-9999"));
        QVERIFY(b->file(QStringLiteral("confs/egg/conf/egg.properties"))
                    ->bytes()
                    .value()
                    .contains("\neggroll.computing.processor.data-dir=/srv/fate/data-dir\n"));
    }

    void routeTables_data()
    {
        QTest::addColumn<int>("parties");
        QTest::newRow("1") << 1;
        QTest::newRow("2") << 2;
        QTest::newRow("3") << 3;
        QTest::newRow("10") << 10;
    }

    void routeTables()
    {
        QFETCH(int, parties);
        const Project p = projectWith(parties);
        const Result<RenderOutput> out = Renderer::render(p, fixtureTree());
        QVERIFY2(out.ok(), qPrintable(out.error()));
        QCOMPARE(out->bundles.size(), parties + 1);
        QJsonParseError error;
        const QJsonDocument exchange = QJsonDocument::fromJson(
            out->bundle(QStringLiteral("exchange"))->file(QStringLiteral("conf/route_table.json"))->bytes().value(),
            &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(exchange.object().keys(), (QStringList{QStringLiteral("permission"), QStringLiteral("route_table")}));
        QCOMPARE(exchange.object().value(u"permission").toObject().value(u"default_allow").toBool(), true);
        const QJsonObject xroutes = exchange.object().value(u"route_table").toObject();
        QCOMPARE(xroutes.size(), parties + 1);
        QCOMPARE(xroutes.value(u"default").toObject().value(u"default").toArray().first().toObject(), QJsonObject());
        for (const Party &party : p.parties) {
            const QJsonObject hop
                = xroutes.value(QString::number(party.id)).toObject().value(u"default").toArray().first().toObject();
            QCOMPARE(hop.value(u"ip").toString(), party.host);
            QCOMPARE(hop.value(u"port").toInt(), 9370);

            const Bundle *b = out->bundle(QStringLiteral("confs-%1").arg(party.id));
            const QJsonDocument doc = QJsonDocument::fromJson(
                b->file(QStringLiteral("confs/proxy/conf/route_table.json"))->bytes().value(), &error);
            QCOMPARE(error.error, QJsonParseError::NoError);
            const QJsonObject routes = doc.object().value(u"route_table").toObject();
            QCOMPARE(routes.keys(), (QStringList{QString::number(party.id), QStringLiteral("default")}));
            const QJsonObject def = routes.value(u"default").toObject().value(u"default").toArray().first().toObject();
            QCOMPARE(def.value(u"ip").toString(), p.exchange.host);
            QCOMPARE(def.value(u"port").toInt(), 9371);
            const QJsonObject own = routes.value(QString::number(party.id)).toObject();
            QCOMPARE(own.value(u"fateflow").toArray().first().toObject(),
                     (QJsonObject{{QStringLiteral("ip"), QStringLiteral("python")}, {QStringLiteral("port"), 9360}}));
            QCOMPARE(
                own.value(u"fate").toArray().first().toObject(),
                (QJsonObject{{QStringLiteral("ip"), QStringLiteral("federation")}, {QStringLiteral("port"), 9394}}));
            QCOMPARE(doc.object().value(u"permission").toObject().value(u"default_allow").toBool(), true);
        }
        // Exchange coordinator = last party id.
        QVERIFY(
            out->bundle(QStringLiteral("exchange"))
                ->file(QStringLiteral("conf/proxy.properties"))
                ->bytes()
                .value()
                .contains(QByteArray(QByteArray("\ncoordinator=") + QByteArray::number(p.parties.last().id) + '\n')));
    }

    void routeTablesUseReachableAddresses()
    {
        // Issue 17: deployed over SSH at one address, reached by the others at another (NAT, public address).
        Project p = projectWith(2);
        p.parties[1].reachableAddress = QStringLiteral("198.51.100.7");
        p.parties[1].reachablePort = 19370;
        p.parties[1].external = true; // another team's party: still in every route table
        p.exchange.reachableAddress = QStringLiteral("203.0.113.10");
        p.exchange.reachablePort = 19371;
        const Result<RenderOutput> out = Renderer::render(p, fixtureTree());
        QVERIFY2(out.ok(), qPrintable(out.error()));
        auto hop = [](const QByteArray &json, const QString &id, const QString &key) {
            return QJsonDocument::fromJson(json)
                .object()
                .value(u"route_table")
                .toObject()
                .value(id)
                .toObject()
                .value(key)
                .toArray()
                .first()
                .toObject();
        };
        const QByteArray exchange
            = out->bundle(QStringLiteral("exchange"))->file(QStringLiteral("conf/route_table.json"))->bytes().value();
        QCOMPARE(
            hop(exchange, QStringLiteral("10001"), QStringLiteral("default")),
            (QJsonObject{{QStringLiteral("ip"), QStringLiteral("198.51.100.7")}, {QStringLiteral("port"), 19370}}));
        QCOMPARE(hop(exchange, QStringLiteral("10000"), QStringLiteral("default")),
                 (QJsonObject{{QStringLiteral("ip"), QStringLiteral("10.0.0.1")}, {QStringLiteral("port"), 9370}}));
        for (const Party &party : p.parties) {
            const QByteArray route = out->bundle(QStringLiteral("confs-%1").arg(party.id))
                                         ->file(QStringLiteral("confs/proxy/conf/route_table.json"))
                                         ->bytes()
                                         .value();
            QCOMPARE(
                hop(route, QStringLiteral("default"), QStringLiteral("default")),
                (QJsonObject{{QStringLiteral("ip"), QStringLiteral("203.0.113.10")}, {QStringLiteral("port"), 19371}}));
        }
        // The exchange still listens on its own port; the NAT forwards 19371 to it.
        QVERIFY(out->bundle(QStringLiteral("exchange"))
                    ->file(QStringLiteral("docker-compose-exchange.yml"))
                    ->bytes()
                    .value()
                    .contains("9371:9370"));
    }

    // An unchanged project reproduces .env byte for byte; a changed tag or prefix is substituted in place.
    void envSubstitutedInPlace()
    {
        const QByteArray templ = readAll(Fixture + QStringLiteral("/.env"));
        Result<RenderOutput> out = Renderer::render(Project::example(), fixtureTree());
        QCOMPARE(out->bundles.first().file(QStringLiteral(".env"))->bytes().value(), templ);
        QCOMPARE(out->bundle(QStringLiteral("exchange"))->file(QStringLiteral(".env"))->bytes().value(), templ);
        QVERIFY(out->bundles.first().file(QStringLiteral(".env"))->isVerbatim()
                || out->bundles.first().file(QStringLiteral(".env"))->content == templ);

        Project p = Project::example();
        p.images.tag = QStringLiteral("1.1-custom");
        p.images.prefix = QStringLiteral("myorg");
        out = Renderer::render(p, fixtureTree());
        QVERIFY(out.ok());
        // As in the release, PREFIX is the first line and the comments follow the keys.
        QVERIFY(templ.startsWith("PREFIX=federatedai\n"));
        QByteArray expected = '\n' + templ;
        expected.replace("\nTAG=1.1-release\n", "\nTAG=1.1-custom\n")
            .replace("\nPREFIX=federatedai\n", "\nPREFIX=myorg\n");
        expected.remove(0, 1);
        QCOMPARE(out->bundles.first().file(QStringLiteral(".env"))->bytes().value(), expected);
        QVERIFY(expected.contains("\n\n# Test fixture")); // the comments survived
    }

    // The private registry covers every image of every bundle (deliberate fix of useThirdParty).
    void privateRegistryEverywhere()
    {
        Project p = Project::example();
        p.registry.usePrivate = true;
        p.registry.uri = QStringLiteral("harbor.example.com/fate");
        const Result<RenderOutput> out = Renderer::render(p, fixtureTree());
        QVERIFY2(out.ok(), qPrintable(out.error()));
        for (const Bundle &b : out->bundles) {
            const QByteArray compose = b.file(b.composeFile)->bytes().value();
            const QByteArray env = b.file(QStringLiteral(".env"))->bytes().value();
            QVERIFY(env.contains("\nTHIRDPARTYPREFIX=harbor.example.com/fate/federatedai\n"));
            QVERIFY(!compose.contains("${PREFIX}"));
            for (const QByteArray &line : compose.split('\n'))
                if (line.trimmed().startsWith("image:"))
                    QVERIFY2(line.contains("\"${THIRDPARTYPREFIX}/"), line.constData());
        }
        const QByteArray party = out->bundles.first().file(QStringLiteral("docker-compose.yml"))->bytes().value();
        QVERIFY(party.contains("image: \"${THIRDPARTYPREFIX}/mysql:8\"\n"));
        QVERIFY(party.contains("image: \"${THIRDPARTYPREFIX}/redis:5\"\n"));
        QVERIFY(party.contains("image: \"${THIRDPARTYPREFIX}/python:${TAG}\"\n"));

        // A site that mirrors only FATE's own images: mysql from Docker Hub, redis still from the registry.
        p.registry.dockerHubImages = {QStringLiteral("mysql")};
        const Result<RenderOutput> hub = Renderer::render(p, fixtureTree());
        QVERIFY2(hub.ok(), qPrintable(hub.error()));
        const QByteArray hubParty = hub->bundles.first().file(QStringLiteral("docker-compose.yml"))->bytes().value();
        QVERIFY2(hubParty.contains("image: \"mysql:8\"\n"), hubParty.constData());
        QVERIFY(hubParty.contains("image: \"${THIRDPARTYPREFIX}/redis:5\"\n"));
        QVERIFY(hubParty.contains("image: \"${THIRDPARTYPREFIX}/python:${TAG}\"\n"));
        // The full references a host pulls (what the Images page lists).
        const Result<BundleFacts> facts = ComposeFacts::of(hub->bundles.first());
        QVERIFY2(facts.ok(), qPrintable(facts.error()));
        QVERIFY2(facts->images.contains(QStringLiteral("mysql:8")), qPrintable(facts->images.join(u' ')));
        QVERIFY(facts->images.contains(QStringLiteral("harbor.example.com/fate/federatedai/redis:5")));
        p.registry.dockerHubImages.clear();

        p.registry.uri.clear();
        const Result<RenderOutput> bad = Renderer::render(p, fixtureTree());
        QVERIFY(!bad.ok());
        QVERIFY2(bad.error().contains(QLatin1String("registry.uri")), qPrintable(bad.error()));
        p.registry.usePrivate = false;
        p.images.prefix.clear();
        QVERIFY(Renderer::render(p, fixtureTree()).error().contains(QLatin1String("images.prefix")));
    }

    void exchangePortFromProject()
    {
        Project p = Project::example();
        p.exchange.port = 9471;
        const Result<RenderOutput> out = Renderer::render(p, fixtureTree());
        QVERIFY(out.ok());
        QVERIFY(out->bundle(QStringLiteral("exchange"))
                    ->file(QStringLiteral("docker-compose-exchange.yml"))
                    ->bytes()
                    .value()
                    .contains("- \"9471:9370\"\n"));
        QVERIFY(out->bundles.first()
                    .file(QStringLiteral("confs/proxy/conf/route_table.json"))
                    ->bytes()
                    .value()
                    .contains("\"port\": 9471\n"));
    }

    // The real docker-compose (Debian's package) accepts every rendered compose file.
    void composeFilesPassDockerCompose_data()
    {
        QTest::addColumn<bool>("registry");
        QTest::newRow("docker hub") << false;
        QTest::newRow("private registry") << true;
    }

    void composeFilesPassDockerCompose()
    {
        QFETCH(bool, registry);
        const QString tool = QStandardPaths::findExecutable(QStringLiteral("docker-compose"));
        QVERIFY2(!tool.isEmpty(), "docker-compose is missing: run scripts/deps.sh test");
        Project p = projectWith(3);
        p.registry.usePrivate = registry;
        p.registry.uri = QStringLiteral("harbor.example.com/fate");
        const Result<RenderOutput> out = Renderer::render(p, fixtureTree());
        QVERIFY(out.ok());
        QTemporaryDir dir;
        QVERIFY(BundleWriter::writeTree(out.value(), dir.path()).ok());
        for (const Bundle &b : out->bundles) {
            QProcess proc;
            proc.setWorkingDirectory(dir.filePath(b.name));
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.remove(QStringLiteral("PREFIX"));
            env.remove(QStringLiteral("TAG"));
            env.remove(QStringLiteral("THIRDPARTYPREFIX"));
            proc.setProcessEnvironment(env);
            proc.start(tool, {QStringLiteral("-f"), b.composeFile, QStringLiteral("config")});
            QVERIFY(proc.waitForFinished(60000));
            const QByteArray config = proc.readAllStandardOutput();
            QVERIFY2(proc.exitCode() == 0, proc.readAllStandardError().constData());
            // Every image, mysql and redis included, comes from uri/prefix/ with a private registry.
            const QByteArray prefix = registry ? "harbor.example.com/fate/federatedai/" : "";
            if (b.kind == Bundle::Kind::Party) {
                QVERIFY2(config.contains("image: federatedai/federation:1.1-release\n") != registry,
                         config.constData());
                QVERIFY2(config.contains("image: harbor.example.com/fate/federatedai/federation:1.1-release\n")
                             == registry,
                         config.constData());
                QVERIFY(config.contains(QByteArray("image: " + prefix + "mysql:8\n")));
                QVERIFY(config.contains(QByteArray("image: " + prefix + "redis:5\n")));
                QVERIFY(config.contains("fate-network"));
                QVERIFY(config.contains("fate_flow_logs"));
                QVERIFY(config.contains("restart: always"));
                QVERIFY(config.contains("published: 9370") || config.contains("9370:9370"));
            } else {
                QVERIFY(config.contains("published: 9371") || config.contains("9371:9370"));
            }
            // Services and named volumes of spec §2.8.
            for (const auto &[flag, expected] :
                 {std::pair{QStringLiteral("--services"),
                            b.kind == Bundle::Kind::Party ? QStringList{QStringLiteral("egg"),
                                                                        QStringLiteral("fateboard"),
                                                                        QStringLiteral("federation"),
                                                                        QStringLiteral("meta-service"),
                                                                        QStringLiteral("mysql"),
                                                                        QStringLiteral("proxy"),
                                                                        QStringLiteral("python"),
                                                                        QStringLiteral("redis"),
                                                                        QStringLiteral("roll")}
                                                          : QStringList{QStringLiteral("exchange")}},
                  std::pair{QStringLiteral("--volumes"),
                            b.kind == Bundle::Kind::Party ? QStringList{QStringLiteral("fate_flow_logs")}
                                                          : QStringList()}}) {
                proc.start(tool, {QStringLiteral("-f"), b.composeFile, QStringLiteral("config"), flag});
                QVERIFY(proc.waitForFinished(60000));
                QStringList names
                    = QString::fromUtf8(proc.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
                names.sort();
                QCOMPARE(names, expected);
            }
        }
    }

    void missingTemplateFileOrKey_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("remove"); ///< empty = delete the file, else the line prefix to drop
        QTest::addColumn<QString>("mention");
        const QString t = QStringLiteral("docker-deploy/docker-example-dir-tree/");
        QTest::newRow("egg.properties missing") << t + QStringLiteral("egg/conf/egg.properties") << QByteArray()
                                                << QStringLiteral("egg/conf/egg.properties");
        QTest::newRow("egg party.id") << t + QStringLiteral("egg/conf/egg.properties") << QByteArray("party.id=")
                                      << QStringLiteral("party.id");
        QTest::newRow("roll meta.service.ip") << t + QStringLiteral("roll/conf/roll.properties")
                                              << QByteArray("meta.service.ip=") << QStringLiteral("meta.service.ip");
        QTest::newRow("settings.py passwd") << t + QStringLiteral("fate_flow/conf/settings.py")
                                            << QByteArray("    'passwd'") << QStringLiteral("DATABASE['passwd']");
        QTest::newRow("settings.py WORK_MODE") << t + QStringLiteral("fate_flow/conf/settings.py")
                                               << QByteArray("WORK_MODE") << QStringLiteral("WORK_MODE");
        QTest::newRow("fateboard url") << t + QStringLiteral("fateboard/conf/application.properties")
                                       << QByteArray("fateflow.url=") << QStringLiteral("fateflow.url");
        QTest::newRow("meta jdbc.url") << t + QStringLiteral("meta-service/conf/meta-service.properties")
                                       << QByteArray("jdbc.url=") << QStringLiteral("jdbc.url");
        QTest::newRow("sql db name") << t + QStringLiteral("mysql/init/create-meta-service.sql")
                                     << QByteArray("eggroll_meta") << QStringLiteral("eggroll_meta");
        QTest::newRow("proxy route.table") << t + QStringLiteral("proxy/conf/proxy.properties")
                                           << QByteArray("route.table=") << QStringLiteral("route.table");
        QTest::newRow("federation proxy.port") << t + QStringLiteral("federation/conf/federation.properties")
                                               << QByteArray("proxy.port=") << QStringLiteral("proxy.port");
        QTest::newRow(".env TAG") << QStringLiteral(".env") << QByteArray("TAG=") << QStringLiteral("TAG");
        QTest::newRow("exchange compose") << QStringLiteral("docker-deploy/docker-compose-exchange.yml") << QByteArray()
                                          << QStringLiteral("docker-compose-exchange.yml");
        QTest::newRow("exchange port") << QStringLiteral("docker-deploy/docker-compose-exchange.yml")
                                       << QByteArray("      - \"9371") << QStringLiteral("9370");
        QTest::newRow("examples") << QStringLiteral("docker-deploy/federatedml_examples") << QByteArray()
                                  << QStringLiteral("federatedml_examples");
    }

    // Damaged templates: a clear error naming file and key, and nothing written into the output dir.
    void missingTemplateFileOrKey()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, remove);
        QFETCH(QString, mention);
        QTemporaryDir dir;
        const QString root = copyFixture(dir);
        const QString path = root + QLatin1Char('/') + file;
        if (remove.isEmpty()) {
            QVERIFY(QFileInfo(path).isDir() ? QDir(path).removeRecursively() : QFile::remove(path));
        } else {
            QByteArray text = readAll(path);
            if (remove == "eggroll_meta") {
                text.replace("eggroll_meta", "other_db");
            } else {
                QList<QByteArray> kept;
                for (const QByteArray &line : text.split('\n'))
                    if (!line.startsWith(remove))
                        kept << line;
                text = kept.join('\n');
            }
            writeAll(path, text);
        }
        const Result<TemplateTree> tree = TemplateSources::openFolder(root);
        QVERIFY2(tree.ok(), qPrintable(tree.error()));
        const Result<RenderOutput> out = Renderer::render(Project::example(), tree.value());
        QVERIFY(!out.ok());
        QVERIFY2(out.error().contains(mention), qPrintable(out.error()));
        if (!file.contains(QLatin1String("examples")))
            QVERIFY2(out.error().contains(QFileInfo(file).fileName()), qPrintable(out.error()));
    }

    // CRLF templates: untouched lines keep CRLF; a rewritten key=value line ends like the script's sed
    // leaves it (the CR is part of the replaced ".*"). .env values only change where they differ.
    void crlfTemplates()
    {
        QTemporaryDir dir;
        const QString root = copyFixture(dir);
        const QString roll = root + QStringLiteral("/docker-deploy/docker-example-dir-tree/roll/conf/roll.properties");
        writeAll(roll, "# comment\r\nparty.id=1\r\nservice.port=8011\r\nmeta.service.ip=x\r\nmeta.service.port=1\r\n");
        writeAll(root + QStringLiteral("/.env"),
                 "PREFIX=federatedai\r\nTHIRDPARTYPREFIX=\r\nTAG=old\r\nBASE_TAG=1.1-release\r\n"
                 "BUILDER_TAG=1.1-release\r\n");
        const Result<RenderOutput> out
            = Renderer::render(Project::example(), TemplateSources::openFolder(root).value());
        QVERIFY2(out.ok(), qPrintable(out.error()));
        const Bundle &b = out->bundles.first();
        QCOMPARE(b.file(QStringLiteral("confs/roll/conf/roll.properties"))->bytes().value(),
                 QByteArray("# comment\r\nparty.id=10000\nservice.port=8011\nmeta.service.ip=meta-service\n"
                            "meta.service.port=8590\n"));
        QCOMPARE(b.file(QStringLiteral(".env"))->bytes().value(),
                 QByteArray("PREFIX=federatedai\r\nTHIRDPARTYPREFIX=\r\nTAG=1.1-release\r\nBASE_TAG=1.1-release\r\n"
                            "BUILDER_TAG=1.1-release\r\n"));
    }

    void eraDetection()
    {
        QTemporaryDir dir;
        const QString root = copyFixture(dir);
        // A GitHub archive layout (one top folder) and the docker-deploy folder itself are accepted.
        QCOMPARE(TemplateSources::openFolder(dir.path())->root, root);
        QCOMPARE(TemplateSources::openFolder(root + QStringLiteral("/docker-deploy"))->root, root);

        QTemporaryDir v14;
        writeAll(v14.filePath(QStringLiteral("docker-deploy/parties.conf")), "partylist=(10000)\n");
        writeAll(v14.filePath(QStringLiteral("docker-deploy/generate_config.sh")), "#!/bin/bash\n");
        writeAll(v14.filePath(QStringLiteral("docker-deploy/.env")), "RegistryURI=\n");
        Result<TemplateTree> t = TemplateSources::openFolder(v14.path());
        QVERIFY(!t.ok());
        QVERIFY2(t.error().contains(QLatin1String("KubeFATE v1.4 templates found at")), qPrintable(t.error()));
        QVERIFY(t.error().contains(QLatin1String("not supported yet")));
        writeAll(v14.filePath(QStringLiteral("docker-deploy/hosts-setup.sh")), "#!/bin/bash\n");
        QVERIFY(TemplateSources::openFolder(v14.path()).error().contains(QLatin1String("KubeFATE v2.0")));

        QTemporaryDir empty;
        QVERIFY(TemplateSources::openFolder(empty.path()).error().contains(QLatin1String("no KubeFATE templates")));
        QVERIFY(!TemplateSources::openFolder(empty.filePath(QStringLiteral("nope"))).ok());
    }

    // The writer: complete folders swapped in, a failed render leaves a previous render untouched.
    void writerIsAtomic()
    {
        QTemporaryDir out;
        const Result<RenderOutput> first = Renderer::render(Project::example(), fixtureTree());
        QVERIFY(BundleWriter::writeTree(first.value(), out.path()).ok());
        const QString env = out.filePath(QStringLiteral("confs-10000/.env"));
        QCOMPARE(readAll(env), readAll(Fixture + QStringLiteral("/.env")));
        QVERIFY(QFileInfo(out.filePath(QStringLiteral("confs-10000/examples/federatedml-1.x-examples/"
                                                      "hetero_linear_regression/test_hetero_linr_train_job_conf.json")))
                    .permissions()
                    .testFlag(QFileDevice::ExeOwner));
        writeAll(out.filePath(QStringLiteral("confs-10000/stale.txt")), "old");

        // A bundle whose verbatim source vanished: the write fails, the previous render stays as it was.
        RenderOutput broken = first.value();
        broken.bundles[1].files[0].sourcePath = out.filePath(QStringLiteral("does-not-exist"));
        const Status s = BundleWriter::writeTree(broken, out.path());
        QVERIFY(!s.ok());
        QVERIFY(QFile::exists(out.filePath(QStringLiteral("confs-10000/stale.txt"))));
        QCOMPARE(
            QDir(out.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
            (QStringList{QStringLiteral("confs-10000"), QStringLiteral("confs-9999"), QStringLiteral("exchange")}));

        // A successful render replaces the folders entirely (stale files go).
        QVERIFY(BundleWriter::writeTree(first.value(), out.path()).ok());
        QVERIFY(!QFile::exists(out.filePath(QStringLiteral("confs-10000/stale.txt"))));
    }

    // fate-deployer-cli render: trees and archives; a damaged template tree leaves --out untouched.
    void cli()
    {
        const QString cli = QStringLiteral(FD_BIN_DIR "/fate-deployer-cli");
        QTemporaryDir out;
        QProcess p;
        p.start(cli,
                {QStringLiteral("render"),
                 QStringLiteral(FD_TEST_DATA "/render-golden/two-party.fdproj"),
                 QStringLiteral("--out"),
                 out.path(),
                 QStringLiteral("--archives")});
        QVERIFY(p.waitForFinished(60000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        QCOMPARE(QDir(out.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 (QStringList{QStringLiteral("confs-10000"),
                              QStringLiteral("confs-10000.tar.gz"),
                              QStringLiteral("confs-9999"),
                              QStringLiteral("confs-9999.tar.gz"),
                              QStringLiteral("exchange"),
                              QStringLiteral("exchange.tar.gz")}));
        QCOMPARE(readAll(out.filePath(QStringLiteral("exchange/conf/route_table.json"))),
                 readAll(Golden + QStringLiteral("/exchange/conf/route_table.json")));

        QTemporaryDir broken;
        const QString root = copyFixture(broken);
        QVERIFY(
            QFile::remove(root + QStringLiteral("/docker-deploy/docker-example-dir-tree/roll/conf/roll.properties")));
        QTemporaryDir out2;
        p.start(cli,
                {QStringLiteral("render"),
                 QStringLiteral(FD_TEST_DATA "/render-golden/two-party.fdproj"),
                 QStringLiteral("--out"),
                 out2.path(),
                 QStringLiteral("--templates"),
                 root});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 1);
        QVERIFY(QString::fromUtf8(p.readAllStandardError()).contains(QLatin1String("roll/conf/roll.properties")));
        QCOMPARE(QDir(out2.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), QStringList());

        p.start(cli, {QStringLiteral("render"), QStringLiteral(FD_TEST_DATA "/render-golden/two-party.fdproj")});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 2);
    }

    void previewListing()
    {
        const Result<RenderOutput> out = Renderer::render(Project::example(), fixtureTree());
        QTemporaryDir last;
        Result<QList<BundlePreview>> fresh = Preview::build(out.value());
        QVERIFY(fresh.ok());
        const BundlePreview &p0 = fresh->first();
        QCOMPARE(p0.name, QStringLiteral("confs-10000"));
        QCOMPARE(p0.remotePath, QStringLiteral("/data/projects/fate/confs-10000"));
        QStringList differing;
        for (const PreviewEntry &e : p0.entries) {
            QCOMPARE(e.change, PreviewEntry::Change::New);
            QCOMPARE(e.sha256.size(), 64);
            if (e.differsBetweenParties)
                differing << e.path;
        }
        // Spec §2.11: only the id-bearing files differ between parties.
        QCOMPARE(differing,
                 (QStringList{QStringLiteral("confs/egg/conf/egg.properties"),
                              QStringLiteral("confs/federation/conf/federation.properties"),
                              QStringLiteral("confs/meta-service/conf/meta-service.properties"),
                              QStringLiteral("confs/proxy/conf/proxy.properties"),
                              QStringLiteral("confs/proxy/conf/route_table.json"),
                              QStringLiteral("confs/roll/conf/roll.properties")}));

        QVERIFY(BundleWriter::writeTree(out.value(), last.path()).ok());
        writeAll(last.filePath(QStringLiteral("confs-9999/old-only.txt")), "x");
        Project p = Project::example();
        p.images.tag = QStringLiteral("1.1-hotfix");
        const Result<RenderOutput> changed = Renderer::render(p, fixtureTree());
        Result<QList<BundlePreview>> diff = Preview::build(changed.value(), last.path());
        QVERIFY(diff.ok());
        for (const BundlePreview &bp : diff.value()) {
            for (const PreviewEntry &e : bp.entries)
                QCOMPARE(e.change,
                         e.path == QLatin1String(".env") ? PreviewEntry::Change::Changed
                                                         : PreviewEntry::Change::Unchanged);
            QCOMPARE(bp.removed,
                     bp.name == QLatin1String("confs-9999") ? QStringList{QStringLiteral("old-only.txt")}
                                                            : QStringList());
        }
        QCOMPARE(diff->at(1).changedCount(), 2);
        // The digest identifies a bundle's content: same render, same digest; a changed tag, another one.
        QCOMPARE(Preview::build(out.value())->first().digest, fresh->first().digest);
        QCOMPARE(fresh->first().digest.size(), 64);
        QVERIFY(diff->first().digest != fresh->first().digest);
        QVERIFY(fresh->at(0).digest != fresh->at(1).digest);
    }
};

QTEST_GUILESS_MAIN(TestRenderer)
#include "tst_renderer.moc"
