// SPDX-License-Identifier: Apache-2.0
// The KubeFATE v2.0 renderer on our own stand-in tree (tests/data/kubefate-2.0.0): Eggroll with OSX,
// Spark with RabbitMQ or Pulsar, STANDALONE; the per-image .env variables, the registry fix (one slash,
// every image), no exchange, serving, passwords from memory and masked for previews. The byte-for-byte
// check against KubeFATE's real script is tests/conformance (eras/v2.0.0.sh).
#include "bundletext.h"
#include "model/servicesecrets.h"
#include "render/bundlewriter.h"
#include "render/renderer.h"
#include "templates/templatesource.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace FateDeployer;

namespace {

const QString Fixture = QStringLiteral(FD_TEST_DATA "/kubefate-2.0.0");

TemplateTree tree20()
{
    return openFixture(Fixture);
}

/// Parties 10000, 9999[, 8888] on 10.0.0.1…; serving on each party's host when @p serving; engines as
/// given (federation OSX unless Spark picks a broker).
Project project20(int parties, bool serving, const QString &computing = QStringLiteral("Eggroll"))
{
    Project p = Project::example();
    p.setKubefateVersion(QStringLiteral("2.0.0"));
    p.images.tag = QStringLiteral("2.0.0-release");
    p.parties.clear();
    for (int i = 0; i < parties; ++i) {
        Party party;
        party.id = QList<int>{10000, 9999, 8888}.at(i);
        party.host = QStringLiteral("10.0.0.%1").arg(i + 1);
        party.servingHost = serving ? party.host : QString();
        p.parties.append(party);
    }
    p.exchange.enabled = false;
    p.engine.computing = computing;
    p.engine.federation = computing == QLatin1String("Spark") ? QStringLiteral("RabbitMQ") : QStringLiteral("OSX");
    p.engine.storage = computing == QLatin1String("Spark")        ? QStringLiteral("HDFS")
                       : computing == QLatin1String("STANDALONE") ? QStringLiteral("STANDALONE")
                                                                  : QStringLiteral("Eggroll");
    p.engine.computeCore = 8;
    return p;
}

ServiceSecrets secrets20()
{
    return testSecrets();
}

Result<RenderOutput> render20(const Project &p)
{
    return Renderer::render(p, tree20(), secrets20());
}

} // namespace

class TestRenderer20 : public QObject
{
    Q_OBJECT

private slots:
    void eraDetection()
    {
        QCOMPARE(tree20().kubefateVersion, QStringLiteral("2.0.0"));
        Project p = project20(2, false);
        p.setKubefateVersion(QStringLiteral("1.11.2"));
        const Result<RenderOutput> wrong = Renderer::render(p, tree20(), secrets20());
        QVERIFY2(wrong.error().startsWith(QLatin1String("templates.kubefateVersion:")), qPrintable(wrong.error()));
    }

    // Eggroll with OSX: files, folders, compose facts, .env, and each file the script edits or writes.
    void eggrollOsx()
    {
        const Result<RenderOutput> out = render20(project20(2, false));
        QVERIFY2(out.ok(), qPrintable(out.error()));
        QCOMPARE(names(out.value()), (QStringList{QStringLiteral("confs-10000"), QStringLiteral("confs-9999")}));
        const Bundle &b = out->bundles.first();
        QCOMPARE(paths(b),
                 (QStringList{QStringLiteral(".env"),
                              QStringLiteral("confs/eggroll/conf/applicationContext-proxy.xml"),
                              QStringLiteral("confs/eggroll/conf/eggroll.properties"),
                              QStringLiteral("confs/eggroll/conf/log4j2.properties"),
                              QStringLiteral("confs/eggroll/conf/node-extend-env.properties"),
                              QStringLiteral("confs/eggroll/conf/route_table.json"),
                              QStringLiteral("confs/eggroll/conf/whitelist.json"),
                              QStringLiteral("confs/fate_flow/conf/pulsar_route_table.yaml"),
                              QStringLiteral("confs/fate_flow/conf/rabbitmq_route_table.yaml"),
                              QStringLiteral("confs/fate_flow/conf/service_conf.yaml"),
                              QStringLiteral("confs/fateboard/conf/application.properties"),
                              QStringLiteral("confs/fateboard/conf/ssh.properties"),
                              QStringLiteral("confs/mysql/init/create-eggroll-meta-tables.sql"),
                              QStringLiteral("confs/mysql/init/insert-node.sql"),
                              QStringLiteral("confs/osx/conf/broker.properties"),
                              QStringLiteral("confs/osx/conf/route_table.json"),
                              QStringLiteral("docker-compose.yml")}));
        QCOMPARE(b.emptyDirs,
                 (QStringList{QStringLiteral("shared_dir/data"),
                              QStringLiteral("shared_dir/examples"),
                              QStringLiteral("shared_dir/fate")}));
        // The Eggroll route table is copied unchanged (OSX routes now).
        QVERIFY(b.file(QStringLiteral("confs/eggroll/conf/route_table.json"))->isVerbatim());
        QCOMPARE(b.facts.services.first(), QStringLiteral("osx"));
        QVERIFY(!b.facts.services.contains(QStringLiteral("rollsite")));
        QCOMPARE(b.facts.images,
                 (QStringList{QStringLiteral("federatedai/osx:2.0.0-release"),
                              QStringLiteral("federatedai/fateboard:2.0.0-release"),
                              QStringLiteral("federatedai/eggroll:2.0.0-release"),
                              QStringLiteral("federatedai/fateflow:2.0.0-release"),
                              QStringLiteral("federatedai/client:2.0.0-release"),
                              QStringLiteral("mysql:8.0.28")}));
        QCOMPARE(b.facts.ports, (QList<int>{8080, 9360, 9370, 9380, 20000}));

        // .env: the template's (no final newline) with the notebook password on a line of its own.
        const QByteArray env = text(&b, QStringLiteral(".env"));
        QVERIFY(
            env.endsWith("Spark_Worker_IMAGE_TAG=\"2.0.0-release\"\nNOTEBOOK_HASHED_PASSWORD=sha1:abc:notebookhash\n"));
        QVERIFY(env.startsWith("RegistryURI=\nSERVING_TAG=2.1.6-release\nSSH_PORT=22\n"));

        const QByteArray egg = text(&b, QStringLiteral("confs/eggroll/conf/eggroll.properties"));
        QVERIFY(egg.contains("nodemanager.host=nodemanager\neggroll.resourcemanager.nodemanager.port=4671\n"));
        QVERIFY(egg.contains("jdbc.password=db#pw&1\n"));
        QVERIFY(egg.contains("eggroll.session.processors.per.node=8\n"));
        QVERIFY(!egg.contains('<'));

        const QByteArray conf = text(&b, QStringLiteral("confs/fate_flow/conf/service_conf.yaml"));
        QVERIFY(conf.startsWith("party_id: \"10000\"\n"));
        QVERIFY(conf.contains("  proxy_name: osx\n"));
        QVERIFY(conf.contains("    name: 'fate_flow'\n    user: 'fate'\n    passwd: 'db#pw&1'\n    host: 'mysql'\n"));
        QVERIFY(conf.contains("  computing: eggroll\n  federation: osx\n  storage: eggroll\n"));
        QVERIFY(conf.contains("    cores: 32\n    nodes: 1\n"));

        QCOMPARE(text(&b, QStringLiteral("confs/osx/conf/broker.properties")),
                 QByteArray("# Fixture broker.properties (FATE Deployer tests): the keys KubeFATE v2.0.0's generator "
                            "edits.\ngrpc.port= 9370\nself.party=10000\ndeploy.mode=standalone\n"));
        // v2.0 appends to a new file: no blank first line.
        QCOMPARE(text(&b, QStringLiteral("confs/mysql/init/insert-node.sql")),
                 QByteArray("CREATE DATABASE IF NOT EXISTS fate_flow;\nCREATE DATABASE IF NOT EXISTS fate_flow;\n"
                            "CREATE USER 'fate'@'%' IDENTIFIED BY 'db#pw&1';\nGRANT ALL ON *.* TO 'fate'@'%';\n"
                            "USE `fate_flow`;\nshow tables;\n"));
        QVERIFY(text(&b, QStringLiteral("docker-compose.yml"))
                    .contains("      device: /data/projects/fate/confs-10000/shared_dir/fate\n"));
    }

    // The OSX route table byte for byte as the script's heredoc leaves it (tabs, blank lines, the space
    // before a tab, `self_party`), and no default route: an exchange is never rendered.
    void osxRouteTableAndNoExchange()
    {
        Project p = project20(3, false);
        p.exchange.enabled = true;
        p.exchange.host = QStringLiteral("10.0.0.100");
        const Result<RenderOutput> out = render20(p);
        QVERIFY2(out.ok(), qPrintable(out.error()));
        QVERIFY(!out->bundle(QStringLiteral("confs-exchange")));
        QCOMPARE(out->bundles.size(), 3);
        const QByteArray other = "\n\t\t\"%1\": {\n\t\t\t\"default\": [{\n\t\t \t\t\"ip\": \"%2\",\n"
                                 "\t\t\t\t\"port\": 9370\n\t\t\t    }]\n\t\t},\n\t\n";
        QByteArray expected = "{\n  \"route_table\":\n  {\n\t\t";
        expected += QString::fromLatin1(other).arg(10000).arg(QStringLiteral("10.0.0.1")).toLatin1();
        expected += QString::fromLatin1(other).arg(8888).arg(QStringLiteral("10.0.0.3")).toLatin1().chopped(1);
        expected += "\n\t\t\"9999\": {\n\t\t\t\"fateflow\": [{\n\t\t\t\t\"ip\": \"fateflow\",\n\t\t\t\t\"port\": 9360\n"
                    "\t\t\t}]\n\t\t}\n  },\n\t\"self_party\":[\n\t\t\"9999\"\n\t],\n  \"permission\":\n  {\n"
                    "    \"default_allow\": true\n  }\n}\n";
        const QByteArray route
            = text(out->bundle(QStringLiteral("confs-9999")), QStringLiteral("confs/osx/conf/route_table.json"));
        QCOMPARE(route, expected);
        QVERIFY(!route.contains("10.0.0.100"));
    }

    void sparkBrokers_data()
    {
        QTest::addColumn<QString>("federation");
        QTest::newRow("RabbitMQ") << QStringLiteral("RabbitMQ");
        QTest::newRow("Pulsar") << QStringLiteral("Pulsar");
    }

    void sparkBrokers()
    {
        QFETCH(QString, federation);
        Project p = project20(2, true, QStringLiteral("Spark"));
        p.engine.federation = federation;
        p.engine.computeCore = 6;
        const Result<RenderOutput> out = render20(p);
        QVERIFY2(out.ok(), qPrintable(out.error()));
        const Bundle *b = out->bundle(QStringLiteral("confs-9999"));
        const bool rabbit = federation == QLatin1String("RabbitMQ");
        const QStringList files = paths(*b);
        QVERIFY(files.contains(QStringLiteral("confs/hadoop/core-site.xml")));
        QCOMPARE(files.contains(QStringLiteral("confs/rabbitmq/enabled_plugins")), rabbit);
        QCOMPARE(files.contains(QStringLiteral("confs/pulsar/standalone.conf")), !rabbit);
        // OSX's folder comes with public/: its party id is set, its route table stays the template's.
        QVERIFY(text(b, QStringLiteral("confs/osx/conf/broker.properties")).contains("\nself.party=9999\n"));
        QVERIFY(b->file(QStringLiteral("confs/osx/conf/route_table.json"))->isVerbatim());
        QVERIFY(b->facts.services.contains(rabbit ? QStringLiteral("rabbitmq") : QStringLiteral("pulsar")));
        QVERIFY(!b->facts.services.contains(rabbit ? QStringLiteral("pulsar") : QStringLiteral("rabbitmq")));
        QVERIFY(b->facts.images.contains(QStringLiteral("federatedai/fateflow-spark:2.0.0-release")));
        QVERIFY(b->facts.images.contains(QStringLiteral("federatedai/spark-worker:2.0.0-release")));
        QVERIFY(b->facts.images.contains(QStringLiteral("federatedai/hadoop-namenode:2.0.0-hadoop3.2.1-java8")));
        const QByteArray conf = text(b, QStringLiteral("confs/fate_flow/conf/service_conf.yaml"));
        QVERIFY(conf.startsWith("party_id: \"9999\"\n"));
        QVERIFY(conf.contains("  proxy_name: nginx\n"));
        QVERIFY(conf.contains(rabbit ? "  computing: spark\n  federation: rabbitmq\n  storage: hdfs\n"
                                     : "  computing: spark\n  federation: pulsar\n  storage: hdfs\n"));
        QVERIFY(
            text(b, QStringLiteral("confs/spark/spark-defaults.conf")).endsWith("spark.cores.max                   6"));
        const QByteArray table = text(b,
                                      rabbit ? QStringLiteral("confs/fate_flow/conf/rabbitmq_route_table.yaml")
                                             : QStringLiteral("confs/fate_flow/conf/pulsar_route_table.yaml"));
        QCOMPARE(table,
                 // `$(…)` drops the blank line after the last other party.
                 rabbit
                     ? QByteArray("10000:\n    host: 10.0.0.1\n    port: 5672\n9999:\n    host: rabbitmq\n"
                                  "    port: 5672\n")
                     : QByteArray("10000:\n    host: 10.0.0.1\n    port: 6650\n    sslPort: 6651\n    proxy: ''\n"
                                  "9999:\n    host: pulsar\n    port: 6650\n    sslPort: 6651\n    proxy: \"\"\n\n"));
        QVERIFY(text(b, QStringLiteral("confs/nginx/route_table.yaml")).contains("    - host: 10.0.0.1 \n"));
    }

    // STANDALONE: the slim compose file, no backend folder, fate-flow computes and stores itself; only OSX.
    void standalone()
    {
        Project p = project20(2, false, QStringLiteral("STANDALONE"));
        p.engine.algorithm = QStringLiteral("ALL");
        p.engine.device = QStringLiteral("IPCL");
        const Result<RenderOutput> out = render20(p);
        QVERIFY2(out.ok(), qPrintable(out.error()));
        const Bundle &b = out->bundles.first();
        for (const QString &f : paths(b))
            QVERIFY2(!f.startsWith(QLatin1String("confs/eggroll/")) && !f.startsWith(QLatin1String("confs/spark/"))
                         && !f.startsWith(QLatin1String("confs/nginx/")),
                     qPrintable(f));
        QVERIFY(!b.file(QStringLiteral("confs/mysql/init/create-eggroll-meta-tables.sql")));
        QCOMPARE(b.facts.services,
                 (QStringList{QStringLiteral("fateboard"),
                              QStringLiteral("fateflow"),
                              QStringLiteral("mysql"),
                              QStringLiteral("osx"),
                              QStringLiteral("client")}));
        // STANDALONE images carry no suffix (the script edits only Eggroll's and Spark's).
        QVERIFY(b.facts.images.contains(QStringLiteral("federatedai/fateflow:2.0.0-release")));
        const QByteArray conf = text(&b, QStringLiteral("confs/fate_flow/conf/service_conf.yaml"));
        QVERIFY(conf.contains("  computing: standalone\n  federation: osx\n  storage: standalone\n"));
        QVERIFY(
            text(&b, QStringLiteral("confs/osx/conf/route_table.json")).contains("\"self_party\":[\n\t\t\"10000\""));

        p.engine.federation = QStringLiteral("Pulsar");
        const Result<RenderOutput> pulsar = render20(p);
        QVERIFY(!pulsar.ok());
        QVERIFY2(pulsar.error().startsWith(QLatin1String("engine.federation:")), qPrintable(pulsar.error()));
    }

    void imageSuffixAndGpu()
    {
        Project p = project20(2, false);
        p.engine.algorithm = QStringLiteral("NN");
        p.engine.device = QStringLiteral("GPU");
        p.engine.gpuCount = 2;
        const Result<RenderOutput> out = render20(p);
        QVERIFY2(out.ok(), qPrintable(out.error()));
        const Bundle &b = out->bundles.first();
        QVERIFY(b.facts.images.contains(QStringLiteral("federatedai/fateflow-nn-gpu:2.0.0-release")));
        QVERIFY(b.facts.images.contains(QStringLiteral("federatedai/eggroll-nn-gpu:2.0.0-release")));
        QVERIFY(text(&b, QStringLiteral("docker-compose.yml"))
                    .contains("    deploy:\n      resources:\n        reservations:\n          devices:\n"
                              "          - driver: nvidia\n            count: 2\n            capabilities: [gpu]\n"
                              "    command:\n"));
    }

    // The project's image prefix and tag reach every FATE image variable; the brokers' and Hadoop's
    // own tags stay; an unchanged project leaves the template's lines as they are.
    void imageVariables()
    {
        Project p = project20(2, false, QStringLiteral("Spark"));
        p.images.prefix = QStringLiteral("myorg");
        p.images.tag = QStringLiteral("2.0.1-release");
        const Result<RenderOutput> out = render20(p);
        QVERIFY2(out.ok(), qPrintable(out.error()));
        const Bundle &b = out->bundles.first();
        const QByteArray env = text(&b, QStringLiteral(".env"));
        QVERIFY(env.contains("\nFATEFlow_IMAGE=\"myorg/fateflow\"\nFATEFlow_IMAGE_TAG=\"2.0.1-release\"\n"));
        QVERIFY(env.contains("\nMySQL_IMAGE=\"mysql\"\nMySQL_IMAGE_TAG=\"8.0.28\"\n"));
        QVERIFY(env.contains("\nRabbitMQ_IMAGE=\"myorg/rabbitmq\"\nRabbitMQ_IMAGE_TAG=\"3.8.3-management\"\n"));
        QVERIFY(b.facts.images.contains(QStringLiteral("myorg/fateflow-spark:2.0.1-release")));
        QVERIFY(b.facts.images.contains(QStringLiteral("myorg/hadoop-datanode:2.0.0-hadoop3.2.1-java8")));
        // Serving keeps its own tag variable.
        QVERIFY(!names(out.value()).contains(QStringLiteral("serving-10000")));
    }

    // Difference from the script: RegistryURI with one slash (the script writes `uri//`), and every image
    // of a party's compose file from the registry (the script's reaches only OSX); MySQL may stay on Docker Hub.
    void privateRegistry()
    {
        Project p = project20(2, true);
        p.registry.usePrivate = true;
        p.registry.uri = QStringLiteral("harbor.example.com:5000");
        const Result<RenderOutput> out = render20(p);
        QVERIFY2(out.ok(), qPrintable(out.error()));
        const Bundle &b = out->bundles.first();
        QVERIFY(text(&b, QStringLiteral(".env")).startsWith("RegistryURI=harbor.example.com:5000/\n"));
        QCOMPARE(b.facts.images.size(), 6);
        for (const QString &image : b.facts.images)
            QVERIFY2(image.startsWith(QLatin1String("harbor.example.com:5000/"))
                         && !image.contains(QLatin1String("//")),
                     qPrintable(image));
        QVERIFY(b.facts.images.contains(QStringLiteral("harbor.example.com:5000/mysql:8.0.28")));
        const Bundle *s = out->bundle(QStringLiteral("serving-10000"));
        QVERIFY(text(s, QStringLiteral(".env")).startsWith("RegistryURI=harbor.example.com:5000\n"));
        QVERIFY(s->facts.images.contains(
            QStringLiteral("harbor.example.com:5000/federatedai/serving-server:2.1.6-release")));
        p.registry.dockerHubImages = {QStringLiteral("mysql")};
        p.registry.uri = QStringLiteral("harbor.example.com:5000/");
        const Result<RenderOutput> hub = render20(p);
        QVERIFY(hub->bundles.first().facts.images.contains(QStringLiteral("mysql:8.0.28")));
        QVERIFY(
            text(&hub->bundles.first(), QStringLiteral(".env")).startsWith("RegistryURI=harbor.example.com:5000/\n"));
    }

    // Passwords from memory reach the bundles; the preview masks them; missing ones are listed.
    void secretsMasked()
    {
        const ServiceSecrets s = secrets20();
        const Result<RenderOutput> out = render20(project20(2, true));
        QVERIFY(out.ok());
        const QString shown = s.mask(QString::fromUtf8(
            text(&out->bundles.first(), QStringLiteral("confs/fateboard/conf/application.properties"))));
        QVERIFY(shown.contains(QLatin1String("password=********")));
        QVERIFY(!shown.contains(s.fateboardPassword));
        QCOMPARE(Renderer::render(project20(2, true), tree20(), ServiceSecrets{})->missingSecrets,
                 (QStringList{QStringLiteral("mysql_password"),
                              QStringLiteral("fateboard_password"),
                              QStringLiteral("serving_admin_password")}));
    }

    // Debian's docker-compose accepts every rendered compose file of every backend (with its .env).
    void composeFilesPassDockerCompose()
    {
        for (const QString &computing :
             {QStringLiteral("Eggroll"), QStringLiteral("Spark"), QStringLiteral("STANDALONE")}) {
            Project p = project20(2, true, computing);
            p.engine.device = QStringLiteral("GPU");
            p.registry.usePrivate = computing == QLatin1String("Spark");
            p.registry.uri = QStringLiteral("harbor.example.com");
            const Result<RenderOutput> out = render20(p);
            QVERIFY2(out.ok(), qPrintable(out.error()));
            QList<QByteArray> images;
            const QString error = composeConfigErrors(out.value(), &images);
            QVERIFY2(error.isEmpty(), qPrintable(computing + QLatin1Char(' ') + error));
            QVERIFY(!images.isEmpty());
            // The registry's slash is not doubled (the script's "invalid reference format").
            for (const QByteArray &image : std::as_const(images))
                QVERIFY2(!image.contains("//"), image.constData());
        }
    }
};

QTEST_GUILESS_MAIN(TestRenderer20)
#include "tst_renderer20.moc"
