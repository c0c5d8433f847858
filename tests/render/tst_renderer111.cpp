// SPDX-License-Identifier: Apache-2.0
// The KubeFATE v1.11 renderer on our own stand-in tree (tests/data/kubefate-1.11.2): every computing
// backend, exchange, serving, passwords from memory (never the project file, masked for previews), the
// layout quirks of the script's heredocs, empty folders in archives and on disk. The byte-for-byte check
// against KubeFATE's real script is tests/conformance (eras/v1.11.2.sh).
#include "archive/bundlepacker.h"
#include "bundletext.h"
#include "model/projectfile.h"
#include "model/servicesecrets.h"
#include "render/bundlewriter.h"
#include "render/renderer.h"
#include "templates/templatesource.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace FateDeployer;

namespace {

const QString Fixture = QStringLiteral(FD_TEST_DATA "/kubefate-1.11.2");

TemplateTree fixtureTree()
{
    return openFixture(Fixture);
}

/// Parties 10000, 9999[, 8888] on 10.0.0.1…; serving on each party's host when @p serving.
Project project111(int parties, bool serving)
{
    Project p = Project::example();
    p.setKubefateVersion(QStringLiteral("1.11.2"));
    p.user = QStringLiteral("fate");
    p.images.tag = QStringLiteral("1.11.2-release");
    p.parties.clear();
    const int ids[] = {10000, 9999, 8888};
    for (int i = 0; i < parties; ++i) {
        Party party;
        party.id = ids[i];
        party.host = QStringLiteral("10.0.0.%1").arg(i + 1);
        if (serving)
            party.servingHost = party.host;
        p.parties.append(party);
    }
    p.exchange.enabled = false;
    p.exchange.host.clear();
    return p;
}

ServiceSecrets secrets()
{
    return testSecrets();
}

} // namespace

class TestRenderer111 : public QObject
{
    Q_OBJECT

private slots:
    void eraDetection()
    {
        const TemplateTree t = fixtureTree();
        QCOMPARE(t.kubefateVersion, QStringLiteral("1.11.2"));
        QCOMPARE(t.root, Fixture);
        // A 1.1.0 project cannot render v1.11 templates (and the other way round): the error names the field.
        const Result<RenderOutput> wrong = Renderer::render(Project::example(), t, secrets());
        QVERIFY(!wrong.ok());
        QVERIFY2(wrong.error().startsWith(QLatin1String("templates.kubefateVersion:")), qPrintable(wrong.error()));
    }

    // Eggroll, two parties, no exchange, no serving: the bundle set, files, folders and placement.
    void eggrollBundles()
    {
        const Result<RenderOutput> out = Renderer::render(project111(2, false), fixtureTree(), secrets());
        QVERIFY2(out.ok(), qPrintable(out.error()));
        QCOMPARE(names(out.value()), (QStringList{QStringLiteral("confs-10000"), QStringLiteral("confs-9999")}));
        const Bundle &b = out->bundles.first();
        QCOMPARE(b.host, QStringLiteral("10.0.0.1"));
        QCOMPARE(b.remotePath(), QStringLiteral("/data/projects/fate/confs-10000"));
        QCOMPARE(paths(b),
                 (QStringList{
                     QStringLiteral(".env"),
                     QStringLiteral("confs/eggroll/conf/applicationContext-proxy.xml"),
                     QStringLiteral("confs/eggroll/conf/eggroll.properties"),
                     QStringLiteral("confs/eggroll/conf/log4j2.properties"),
                     QStringLiteral("confs/eggroll/conf/route_table.json"),
                     QStringLiteral("confs/eggroll/conf/whitelist.json"),
                     QStringLiteral("confs/fate_flow/conf/pulsar_route_table.yaml"),
                     QStringLiteral("confs/fate_flow/conf/rabbitmq_route_table.yaml"),
                     QStringLiteral("confs/fate_flow/conf/service_conf.yaml"),
                     QStringLiteral("confs/fateboard/conf/application.properties"),
                     QStringLiteral("confs/fateboard/conf/ssh.properties"),
                     QStringLiteral("confs/mysql/init/create-eggroll-meta-tables.sql"),
                     QStringLiteral("confs/mysql/init/insert-node.sql"),
                     QStringLiteral("docker-compose.yml"),
                 }));
        QCOMPARE(b.emptyDirs,
                 (QStringList{QStringLiteral("shared_dir/data"),
                              QStringLiteral("shared_dir/examples"),
                              QStringLiteral("shared_dir/federatedml")}));
        // The broker route tables stay the templates' with Eggroll (mounted, unused).
        QVERIFY(b.file(QStringLiteral("confs/fate_flow/conf/pulsar_route_table.yaml"))->isVerbatim());

        const QByteArray compose = text(&b, QStringLiteral("docker-compose.yml"));
        QVERIFY(compose.contains("      device: /data/projects/fate/confs-10000/shared_dir/examples\n"));
        QVERIFY(!compose.contains("<path-to-host-dir>"));
        // No serving host: the script's empty address, kept (nothing uses it without serving).
        QVERIFY(compose.contains("FATE_SERVING_HOST: \":8059\""));
        QCOMPARE(b.facts.services,
                 (QStringList{QStringLiteral("rollsite"),
                              QStringLiteral("fateboard"),
                              QStringLiteral("clustermanager"),
                              QStringLiteral("nodemanager"),
                              QStringLiteral("fateflow"),
                              QStringLiteral("client"),
                              QStringLiteral("mysql")}));
        QCOMPARE(b.facts.images,
                 (QStringList{QStringLiteral("federatedai/eggroll:1.11.2-release"),
                              QStringLiteral("federatedai/fateboard:1.11.2-release"),
                              QStringLiteral("federatedai/fateflow:1.11.2-release"),
                              QStringLiteral("federatedai/client:1.11.2-release"),
                              QStringLiteral("mysql:8.0.28")}));
        QCOMPARE(b.facts.ports, (QList<int>{8080, 9360, 9370, 9380, 20000}));

        const QByteArray egg = text(&b, QStringLiteral("confs/eggroll/conf/eggroll.properties"));
        QVERIFY(egg.contains("jdbc.url=jdbc:mysql://mysql:3306/fate_flow?useSSL=false&serverTimezone=UTC&"
                             "characterEncoding=utf8&allowPublicKeyRetrieval=true\n"));
        QVERIFY(egg.contains("process.tag=10000\n"));
        QVERIFY(egg.contains("eggroll.rollsite.party.id=10000\n"));
        QVERIFY(egg.contains("eggroll.session.processors.per.node=16\n"));
        QVERIFY(egg.contains("egg_frame.classpath=conf/:lib/*\n"));
        QVERIFY(!egg.contains('<'));

        const QByteArray conf = text(&b, QStringLiteral("confs/fate_flow/conf/service_conf.yaml"));
        QVERIFY(conf.startsWith("# Fixture service_conf.yaml (FATE Deployer tests): the keys KubeFATE v1.11.2's "
                                "generator edits.\nparty_id: 10000\n"));
        QVERIFY(conf.contains("  proxy: rollsite \n"));
        QVERIFY(conf.contains("  name: 'fate_flow'\n  user: 'fate'\n  passwd: 'db#pw&1'\n  host: 'mysql'\n"));
        QVERIFY(conf.contains("    cores_per_node: 16\n    nodes: 1\n"));
        QCOMPARE(conf.count("nodes: 1\n"), 3);
        QVERIFY(conf.contains("    - :8000\n"));
        QVERIFY(conf.contains("  computing: eggroll\n  federation: eggroll\n  storage: eggroll\n"));

        QCOMPARE(text(&b, QStringLiteral("confs/mysql/init/insert-node.sql")),
                 QByteArray("\nCREATE DATABASE IF NOT EXISTS fate_flow;\nCREATE DATABASE IF NOT EXISTS fate_flow;\n"
                            "CREATE USER 'fate'@'%' IDENTIFIED BY 'db#pw&1';\nGRANT ALL ON *.* TO 'fate'@'%';\n"
                            "USE `fate_flow`;\nshow tables;\n"));
        QVERIFY(
            text(&b, QStringLiteral("confs/mysql/init/create-eggroll-meta-tables.sql")).contains("USE `fate_flow`;"));
        const QByteArray board = text(&b, QStringLiteral("confs/fateboard/conf/application.properties"));
        QVERIFY(board.startsWith("server.port=8080\nfateflow.url=http://fateflow:9380\nfateflow.url-list=\n"));
        QVERIFY(board.contains("login.username=admin\nserver.board.login.password=board-secret-7\n"));
        QVERIFY(text(&b, QStringLiteral(".env"))
                    .endsWith("SSH_PORT=22\n\n# Stand-in .env of the fixture: image registry, FATE tag, serving "
                              "tag, SSH port.\nNOTEBOOK_HASHED_PASSWORD=sha1:abc:notebookhash\n"));
        QVERIFY(out->missingSecrets.isEmpty());
    }

    // The party route table byte for byte as the script's heredoc leaves it: tabs, blank lines, a space
    // before a tab, the rollsite port as a string without an exchange, the exchange's port with one.
    void eggrollRouteTables()
    {
        const Result<RenderOutput> out = Renderer::render(project111(3, false), fixtureTree(), secrets());
        QVERIFY(out.ok());
        const QByteArray expected = "{\n\t\"route_table\": {\n\t\t\"default\": {\n\t\t\t\"default\": [\n\t\t\t\t{\n"
                                    " \n\t\t\t\t\"ip\": \"rollsite\",\n\t\t\t\t\"port\": \"9370\"\n\t\n"
                                    "\t\t\t\t}\n\t\t\t]\n\t\t},\n"
                                    "\n\t\t\"10000\": {\n\t\t\t\"default\": [{\n\t\t \t\t\"ip\": \"10.0.0.1\",\n"
                                    "\t\t\t\t\"port\": 9370\n\t\t\t    }]\n\t\t},\n\t\n"
                                    "\n\t\t\"8888\": {\n\t\t\t\"default\": [{\n\t\t \t\t\"ip\": \"10.0.0.3\",\n"
                                    "\t\t\t\t\"port\": 9370\n\t\t\t    }]\n\t\t},\n\t\n"
                                    "\t\t\"9999\": {\n\t\t\t\"default\": [{\n\t\t\t\t\"ip\": \"rollsite\",\n"
                                    "\t\t\t\t\"port\": 9370\n\t\t\t}],\n\t\t\t\"fateflow\": [{\n\t\t\t\t\"ip\": "
                                    "\"fateflow\",\n\t\t\t\t\"port\": 9360\n\t\t\t}]\n\t\t}\n\t},\n"
                                    "\t\"permission\": {\n\t\t\"default_allow\": true\n\t}\n}\n";
        QCOMPARE(text(out->bundle(QStringLiteral("confs-9999")), QStringLiteral("confs/eggroll/conf/route_table.json")),
                 expected);

        Project p = project111(2, false);
        p.exchange.enabled = true;
        p.exchange.host = QStringLiteral("10.0.0.100");
        p.exchange.port = 9400;
        const Result<RenderOutput> x = Renderer::render(p, fixtureTree(), secrets());
        QVERIFY(x.ok());
        QVERIFY(text(x->bundle(QStringLiteral("confs-10000")), QStringLiteral("confs/eggroll/conf/route_table.json"))
                    .contains("\t\t\t\t{\n\n\t\t\t\t\"ip\": \"10.0.0.100\",\n\t\t\t\t\"port\": 9400\n\t\n\t\t\t\t}\n"));
    }

    void exchangeBundle()
    {
        Project p = project111(2, false);
        p.exchange.enabled = true;
        p.exchange.host = QStringLiteral("10.0.0.100");
        const Result<RenderOutput> out = Renderer::render(p, fixtureTree(), secrets());
        QVERIFY2(out.ok(), qPrintable(out.error()));
        QCOMPARE(names(out.value()),
                 (QStringList{
                     QStringLiteral("confs-10000"), QStringLiteral("confs-9999"), QStringLiteral("confs-exchange")}));
        const Bundle *x = out->bundle(QStringLiteral("confs-exchange"));
        QCOMPARE(x->kind, Bundle::Kind::Exchange);
        QCOMPARE(x->host, QStringLiteral("10.0.0.100"));
        QCOMPARE(x->remotePath(), QStringLiteral("/data/projects/fate/confs-exchange"));
        QCOMPARE(paths(*x),
                 (QStringList{QStringLiteral(".env"),
                              QStringLiteral("conf/applicationContext-proxy.xml"),
                              QStringLiteral("conf/eggroll.properties"),
                              QStringLiteral("conf/log4j2.properties"),
                              QStringLiteral("conf/route_table.json"),
                              QStringLiteral("conf/whitelist.json"),
                              QStringLiteral("docker-compose.yml")}));
        // The exchange's .env is the plain one: no notebook password there.
        QVERIFY(!text(x, QStringLiteral(".env")).contains("NOTEBOOK"));
        const QByteArray egg = text(x, QStringLiteral("conf/eggroll.properties"));
        QVERIFY(egg.contains("process.tag=exchange\n"));
        QVERIFY(egg.contains("eggroll.rollsite.coordinator=exchange\n"));
        QVERIFY(egg.contains("eggroll.rollsite.host=rollsite\neggroll.rollsite.port=9370\n"));
        const QByteArray route = text(x, QStringLiteral("conf/route_table.json"));
        QVERIFY(route.startsWith("{\n    \"route_table\": {\n        \"10000\": {\n            \"default\": [\n"
                                 "                {\n                    \"ip\": \"10.0.0.1\",\n"));
        QVERIFY(route.contains("        },\n        \"default\": {\n            \"default\": [\n                {\n"
                               "                }\n"));
        QCOMPARE(x->facts.ports, (QList<int>{9371}));
        QCOMPARE(x->facts.images, (QStringList{QStringLiteral("federatedai/eggroll:1.11.2-release")}));

        // With Spark no party routes through an exchange: it is not rendered (docs/render.md).
        p.engine.computing = QStringLiteral("Spark");
        p.engine.federation = QStringLiteral("Pulsar");
        p.engine.storage = QStringLiteral("HDFS");
        const Result<RenderOutput> spark = Renderer::render(p, fixtureTree(), secrets());
        QVERIFY2(spark.ok(), qPrintable(spark.error()));
        QVERIFY(!spark->bundle(QStringLiteral("confs-exchange")));
    }

    void sparkBackends_data()
    {
        QTest::addColumn<QString>("computing");
        QTest::addColumn<QString>("federation");
        QTest::addColumn<QString>("storage");
        QTest::newRow("Spark RabbitMQ") << "Spark"
                                        << "RabbitMQ"
                                        << "HDFS";
        QTest::newRow("Spark Pulsar") << "Spark"
                                      << "Pulsar"
                                      << "HDFS";
        QTest::newRow("Spark_local RabbitMQ") << "Spark_local"
                                              << "RabbitMQ"
                                              << "LocalFS";
        QTest::newRow("Spark_local Pulsar") << "Spark_local"
                                            << "Pulsar"
                                            << "LocalFS";
    }

    void sparkBackends()
    {
        QFETCH(QString, computing);
        QFETCH(QString, federation);
        QFETCH(QString, storage);
        Project p = project111(2, true);
        p.engine.computing = computing;
        p.engine.federation = federation;
        p.engine.storage = storage;
        p.engine.computeCore = 6;
        const Result<RenderOutput> out = Renderer::render(p, fixtureTree(), secrets());
        QVERIFY2(out.ok(), qPrintable(out.error()));
        const Bundle *b = out->bundle(QStringLiteral("confs-9999"));
        const bool rabbit = federation == QLatin1String("RabbitMQ");
        const bool hdfs = computing == QLatin1String("Spark");
        const QString broker = rabbit ? QStringLiteral("rabbitmq") : QStringLiteral("pulsar");
        const QString other = rabbit ? QStringLiteral("pulsar") : QStringLiteral("rabbitmq");

        // Folders: nginx, spark, the chosen broker, hadoop only with HDFS; no eggroll, no meta tables.
        const QStringList files = paths(*b);
        QVERIFY(files.contains(QStringLiteral("confs/nginx/nginx.conf")));
        QVERIFY(files.contains(QStringLiteral("confs/spark/spark-defaults.conf")));
        QCOMPARE(files.contains(QStringLiteral("confs/hadoop/core-site.xml")), hdfs);
        QCOMPARE(files.contains(QStringLiteral("confs/rabbitmq/enabled_plugins")), rabbit);
        QCOMPARE(files.contains(QStringLiteral("confs/pulsar/standalone.conf")), !rabbit);
        QVERIFY(!files.contains(QStringLiteral("confs/eggroll/conf/eggroll.properties")));
        QVERIFY(!files.contains(QStringLiteral("confs/mysql/init/create-eggroll-meta-tables.sql")));

        // Compose: the unused broker's service is gone, the rest stays in order.
        QVERIFY(b->facts.services.contains(broker));
        QVERIFY(!b->facts.services.contains(other));
        QCOMPARE(b->facts.services.contains(QStringLiteral("namenode")), hdfs);
        QVERIFY(b->facts.images.contains(QStringLiteral("federatedai/fateflow-spark:1.11.2-release")));
        QCOMPARE(b->facts.ports.contains(5672), rabbit);
        QCOMPARE(b->facts.ports.contains(6650), !rabbit);
        QVERIFY(b->facts.ports.contains(9300));
        const QByteArray compose = text(b, QStringLiteral("docker-compose.yml"));
        QVERIFY(!compose.contains(QByteArray("  " + other.toUtf8() + ":\n")));
        QVERIFY(compose.contains("FATE_SERVING_HOST: \"10.0.0.2:8059\""));

        const QByteArray conf = text(b, QStringLiteral("confs/fate_flow/conf/service_conf.yaml"));
        QVERIFY(conf.contains("  proxy: nginx \n"));
        QVERIFY(conf.contains("  computing: spark\n"));
        QVERIFY(conf.contains(rabbit ? "  federation: RabbitMQ\n" : "  federation: pulsar\n"));
        QVERIFY(conf.contains(hdfs ? "  storage: hdfs\n" : "  storage: localfs\n"));
        QVERIFY(conf.contains("    cores_per_node: 6\n    nodes: 1\n"));
        QVERIFY(conf.contains("    - 10.0.0.2:8000\n"));

        const QByteArray sparkConf = text(b, QStringLiteral("confs/spark/spark-defaults.conf"));
        QVERIFY(sparkConf.endsWith("\nspark.cores.max                   6")); // no final newline, as the template
        QCOMPARE(sparkConf.startsWith("spark.master                      local[*]\n"), !hdfs);

        QCOMPARE(text(b, QStringLiteral("confs/nginx/route_table.yaml")),
                 QByteArray("default:\n  proxy:\n    - host: nginx\n      http_port: 9300\n      grpc_port: 9310\n"
                            "10000:\n  proxy:\n    - host: 10.0.0.1 \n      http_port: 9300\n      grpc_port: 9310\n"
                            "  fateflow:\n    - host: 10.0.0.1\n      grpc_port: 9360\n      http_port: 9380\n"
                            "9999:\n  proxy:\n    - host: nginx\n      http_port: 9300\n      grpc_port: 9310\n"
                            "  fateflow:\n    - host: fateflow\n      grpc_port: 9360\n      http_port: 9380\n"));
        const QByteArray port = rabbit ? "5672" : "6650";
        QCOMPARE(text(b, QStringLiteral("confs/fate_flow/conf/%1_route_table.yaml").arg(broker)),
                 // `$(…)` drops the blank line after the last other party (there is one other here).
                 QByteArray("10000:\n    host: 10.0.0.1\n    port: " + port + "\n9999:\n    host: " + broker.toUtf8()
                            + "\n    port: " + port + "\n"));
        // The other broker's table stays the template's.
        QVERIFY(b->file(QStringLiteral("confs/fate_flow/conf/%1_route_table.yaml").arg(other))->isVerbatim());
        QVERIFY(!text(b, QStringLiteral("confs/mysql/init/insert-node.sql")).contains("USE `"));
    }

    void servingBundles()
    {
        Project p = project111(3, true);
        p.parties[2].servingHost.clear(); // 8888 has no serving
        p.parties[1].servingHost = QStringLiteral("10.0.0.12");
        p.logins.servingAdminUser = QStringLiteral("ops");
        const Result<RenderOutput> out = Renderer::render(p, fixtureTree(), secrets());
        QVERIFY2(out.ok(), qPrintable(out.error()));
        QCOMPARE(names(out.value()),
                 (QStringList{QStringLiteral("confs-10000"),
                              QStringLiteral("confs-9999"),
                              QStringLiteral("confs-8888"),
                              QStringLiteral("serving-10000"),
                              QStringLiteral("serving-9999")}));
        const Bundle *s = out->bundle(QStringLiteral("serving-9999"));
        QCOMPARE(s->kind, Bundle::Kind::Serving);
        QCOMPARE(s->host, QStringLiteral("10.0.0.12"));
        QCOMPARE(s->remotePath(), QStringLiteral("/data/projects/fate/serving-9999"));
        QCOMPARE(s->emptyDirs, QStringList{QStringLiteral("data")});
        const QByteArray compose = text(s, QStringLiteral("docker-compose.yml"));
        QVERIFY(compose.contains("      name: confs-9999_fate-network\n"));
        QVERIFY(compose.contains("      device: serving-9999/data/server\n"));
        QCOMPARE(s->facts.ports, (QList<int>{2181, 8000, 8059, 8350, 8869}));
        QVERIFY(s->facts.images.contains(QStringLiteral("federatedai/serving-server:2.1.6-release")));
        QVERIFY(s->facts.images.contains(QStringLiteral("bitnami/zookeeper:3.7.0")));
        QVERIFY(text(s, QStringLiteral("confs/serving-admin/conf/application.properties"))
                    .endsWith("admin.username=ops\nadmin.password=admin-secret-9\n"));
        // Models come from the party's training host, not the serving host.
        QVERIFY(text(s, QStringLiteral("confs/serving-server/conf/serving-server.properties"))
                    .contains("model.transfer.url=http://10.0.0.2:9380/v1/model/transfer\n"));
        QVERIFY(
            text(s, QStringLiteral("confs/serving-proxy/conf/application.properties")).contains("coordinator=9999\n"));
        QVERIFY(!text(s, QStringLiteral(".env")).contains("NOTEBOOK"));
        // Route table: the serving parties only (8888 has none), own proxy and server, catch-all.
        const QByteArray route = text(s, QStringLiteral("confs/serving-proxy/conf/route_table.json"));
        QCOMPARE(route,
                 QByteArray("{\n    \"route_table\": {\n"
                            "        \"10000\": {\n            \"default\": [\n                {\n"
                            "                    \"ip\": \"10.0.0.1\",\n                    \"port\": 8869\n"
                            "                }\n            ]\n        },\n"
                            "        \"9999\": {\n            \"default\": [\n                {\n"
                            "                    \"ip\": \"serving-proxy\",\n                    \"port\": 8059\n"
                            "                }\n            ],\n            \"serving\": [\n                {\n"
                            "                    \"ip\": \"serving-server\",\n                    \"port\": 8000\n"
                            "                }\n            ]\n        },\n"
                            "        \"default\": {\n            \"default\": [\n                {\n"
                            "                    \"ip\": \"serving-proxy\",\n                    \"port\": 8869\n"
                            "                }\n            ]\n        }\n    },\n"
                            "    \"permission\": {\n        \"default_allow\": true\n    }\n}\n"));
        // The training bundles name their serving host (or nothing).
        QVERIFY(text(out->bundle(QStringLiteral("confs-9999")), QStringLiteral("docker-compose.yml"))
                    .contains("FATE_SERVING_HOST: \"10.0.0.12:8059\""));
        QVERIFY(text(out->bundle(QStringLiteral("confs-8888")), QStringLiteral("docker-compose.yml"))
                    .contains("FATE_SERVING_HOST: \":8059\""));
    }

    void imageSuffixAndGpu()
    {
        Project p = project111(2, false);
        p.engine.algorithm = QStringLiteral("NN");
        p.engine.device = QStringLiteral("GPU");
        p.engine.gpuCount = 2;
        const Result<RenderOutput> out = Renderer::render(p, fixtureTree(), secrets());
        QVERIFY2(out.ok(), qPrintable(out.error()));
        const Bundle &b = out->bundles.first();
        QVERIFY(b.facts.images.contains(QStringLiteral("federatedai/fateflow-nn-gpu:1.11.2-release")));
        QVERIFY(b.facts.images.contains(QStringLiteral("federatedai/eggroll-nn-gpu:1.11.2-release")));
        QVERIFY(text(&b, QStringLiteral("docker-compose.yml")).contains("      start_period: 40s\n")
                == false); // the fixture has none: only ours below
        QVERIFY(text(&b, QStringLiteral("docker-compose.yml"))
                    .contains("      interval: 5s\n    deploy:\n      resources:\n        reservations:\n"
                              "          devices:\n          - driver: nvidia\n            count: 2\n"
                              "            capabilities: [gpu]\n    command:\n    - \"/bin/bash\"\n"));
        p.engine.device = QStringLiteral("IPCL");
        p.engine.algorithm = QStringLiteral("ALL"); // accepted (upstream's check rejects it by mistake)
        const Result<RenderOutput> ipcl = Renderer::render(p, fixtureTree(), secrets());
        QVERIFY2(ipcl.ok(), qPrintable(ipcl.error()));
        QVERIFY(ipcl->bundles.first().facts.images.contains(
            QStringLiteral("federatedai/fateflow-all-ipcl:1.11.2-release")));
    }

    void privateRegistry()
    {
        Project p = project111(2, true);
        p.registry.usePrivate = true;
        p.registry.uri = QStringLiteral("harbor.example.com:5000");
        p.sshPort = 2222;
        p.images.servingTag = QStringLiteral("2.1.7-release");
        const Result<RenderOutput> out = Renderer::render(p, fixtureTree(), secrets());
        QVERIFY2(out.ok(), qPrintable(out.error()));
        const Bundle &b = out->bundles.first();
        QVERIFY(text(&b, QStringLiteral(".env"))
                    .startsWith("RegistryURI=harbor.example.com:5000\nTAG=1.11.2-release\nSERVING_TAG=2.1.7-release\n"
                                "SSH_PORT=2222\n"));
        QVERIFY(b.facts.images.contains(QStringLiteral("harbor.example.com:5000/federatedai/fateflow:1.11.2-release")));
        QVERIFY(b.facts.images.contains(QStringLiteral("harbor.example.com:5000/federatedai/mysql:8.0.28")));
        for (const QString &image : b.facts.images)
            QVERIFY2(image.startsWith(QLatin1String("harbor.example.com:5000/federatedai/")), qPrintable(image));
        const Bundle *s = out->bundle(QStringLiteral("serving-10000"));
        QVERIFY(s->facts.images.contains(
            QStringLiteral("harbor.example.com:5000/federatedai/serving-proxy:2.1.7-release")));
        // A site that keeps MySQL on Docker Hub.
        p.registry.dockerHubImages = {QStringLiteral("mysql")};
        const Result<RenderOutput> hub = Renderer::render(p, fixtureTree(), secrets());
        QVERIFY(hub->bundles.first().facts.images.contains(QStringLiteral("mysql:8.0.28")));
    }

    // Passwords come from memory: in the bundles (the hosts need them), never in the project file;
    // missing ones are reported, and ServiceSecrets::mask hides them for previews.
    void secretsFromMemoryOnly()
    {
        QTemporaryDir dir;
        Project p = project111(2, true);
        const QString file = dir.filePath(QStringLiteral("p.fdproj"));
        QVERIFY(ProjectFile::save(p, file).ok());
        const Result<RenderOutput> out = Renderer::render(ProjectFile::load(file).value(), fixtureTree(), secrets());
        QVERIFY(out.ok());
        QFile saved(file);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        const QByteArray projectText = saved.readAll();
        QByteArray all;
        for (const Bundle &b : out->bundles)
            for (const BundleFile &f : b.files)
                all += f.bytes().value() + '\n';
        const ServiceSecrets s = secrets();
        for (const QString &secret : s.maskable()) {
            QVERIFY2(all.contains(secret.toUtf8()), qPrintable(secret));
            QVERIFY2(!projectText.contains(secret.toUtf8()), qPrintable(secret));
        }
        // The preview shows a file masked.
        const QString shown = s.mask(QString::fromUtf8(text(out->bundle(QStringLiteral("confs-10000")),
                                                            QStringLiteral("confs/fate_flow/conf/service_conf.yaml"))));
        QVERIFY(shown.contains(QLatin1String("passwd: '********'")));
        QVERIFY(!shown.contains(QLatin1String("db#pw&1")));

        const Result<RenderOutput> bare = Renderer::render(p, fixtureTree(), ServiceSecrets{});
        QVERIFY(bare.ok());
        QCOMPARE(bare->missingSecrets,
                 (QStringList{QStringLiteral("mysql_password"),
                              QStringLiteral("fateboard_password"),
                              QStringLiteral("serving_admin_password")}));
        p.parties[0].servingHost.clear();
        p.parties[1].servingHost.clear();
        QCOMPARE(Renderer::render(p, fixtureTree(), ServiceSecrets{})->missingSecrets.size(), 2);
    }

    void validation()
    {
        Project p = project111(2, false);
        p.engine.computing = QStringLiteral("Spark");
        p.engine.federation = QStringLiteral("Eggroll");
        Result<RenderOutput> out = Renderer::render(p, fixtureTree(), secrets());
        QVERIFY(!out.ok());
        QVERIFY2(out.error().startsWith(QLatin1String("engine.federation:")), qPrintable(out.error()));
        p = project111(2, false);
        p.exchange.enabled = true;
        QVERIFY(Renderer::render(p, fixtureTree(), secrets()).error().startsWith(QLatin1String("exchange.host:")));
        p = project111(2, false);
        p.images.prefix = QStringLiteral("myorg");
        QVERIFY(Renderer::render(p, fixtureTree(), secrets()).error().startsWith(QLatin1String("images.prefix:")));
    }

    // A template without a placeholder the renderer must fill is an error naming file and key.
    void damagedTemplate()
    {
        QTemporaryDir dir;
        const QString root = dir.filePath(QStringLiteral("kf"));
        QVERIFY(QProcess::execute(QStringLiteral("cp"), {QStringLiteral("-r"), Fixture, root}) == 0);
        const QString props
            = root + QStringLiteral("/docker-deploy/training_template/backends/eggroll/conf/eggroll.properties");
        QFile f(props);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray t = f.readAll();
        f.close();
        t.replace("<jdbc.password>", "secret");
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(t);
        f.close();
        const Result<RenderOutput> out
            = Renderer::render(project111(2, false), TemplateSources::openFolder(root).value(), secrets());
        QVERIFY(!out.ok());
        QVERIFY2(out.error().contains(QLatin1String("eggroll.properties has no \"<jdbc.password>\"")),
                 qPrintable(out.error()));
    }

    // Empty folders reach the hosts: in the written tree and in the archive (GNU tar lists them).
    void emptyFoldersShipped()
    {
        const Result<RenderOutput> out = Renderer::render(project111(2, true), fixtureTree(), secrets());
        QVERIFY(out.ok());
        QTemporaryDir dir;
        QVERIFY(BundleWriter::writeTree(out.value(), dir.path()).ok());
        QVERIFY(QFileInfo(dir.filePath(QStringLiteral("confs-10000/shared_dir/federatedml"))).isDir());
        QVERIFY(QFileInfo(dir.filePath(QStringLiteral("serving-9999/data"))).isDir());
        PackCache cache;
        const QString archive = dir.filePath(QStringLiteral("confs-10000.tar.gz"));
        QVERIFY(BundlePacker::packToFile(out->bundles.first(), cache, archive).ok());
        QProcess tar;
        tar.start(QStringLiteral("tar"), {QStringLiteral("-tzf"), archive});
        QVERIFY(tar.waitForFinished(30000));
        const QStringList listed = QString::fromUtf8(tar.readAllStandardOutput()).split(QLatin1Char('\n'));
        for (const char *d : {"confs-10000/shared_dir/",
                              "confs-10000/shared_dir/data/",
                              "confs-10000/shared_dir/examples/",
                              "confs-10000/shared_dir/federatedml/"})
            QVERIFY2(listed.contains(QLatin1String(d)), d);
    }

    // Debian's docker-compose accepts every rendered compose file (with the bundle's .env).
    void composeFilesPassDockerCompose()
    {
        for (const QString &computing :
             {QStringLiteral("Eggroll"), QStringLiteral("Spark"), QStringLiteral("Spark_local")}) {
            Project p = project111(2, true);
            p.engine.computing = computing;
            if (computing != QLatin1String("Eggroll")) {
                p.engine.federation = QStringLiteral("Pulsar");
                p.engine.storage
                    = computing == QLatin1String("Spark") ? QStringLiteral("HDFS") : QStringLiteral("LocalFS");
            } else {
                p.exchange.enabled = true;
                p.exchange.host = QStringLiteral("10.0.0.100");
            }
            p.engine.device = QStringLiteral("GPU");
            const Result<RenderOutput> out = Renderer::render(p, fixtureTree(), secrets());
            QVERIFY2(out.ok(), qPrintable(out.error()));
            const QString error = composeConfigErrors(out.value());
            QVERIFY2(error.isEmpty(), qPrintable(computing + QLatin1Char(' ') + error));
        }
    }
};

QTEST_GUILESS_MAIN(TestRenderer111)
#include "tst_renderer111.moc"
