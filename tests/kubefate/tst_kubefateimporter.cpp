// SPDX-License-Identifier: Apache-2.0
#include "kubefate/kubefateimporter.h"
#include "model/projectfile.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace FateDeployer;

namespace {
const QString configs = QStringLiteral(FD_TEST_DATA "/kubefate-configs");

bool anyContains(const QStringList &list, const QString &text)
{
    return std::any_of(list.cbegin(), list.cend(), [&](const QString &s) { return s.contains(text); });
}

const QByteArray env11 = "PREFIX=federatedai\nTHIRDPARTYPREFIX=\nTAG=1.1-release\nBASE_TAG=1.1-release\n"
                         "BUILDER_TAG=1.1-release\n";
} // namespace

class TestKubefateImporter : public QObject
{
    Q_OBJECT

private slots:
    void bombsInEveryImportedFileNameFileLineAndLimit()
    {
        // The same limits guard docker-configuration.sh, parties.conf and the .env read before them.
        QByteArray bomb = "a0=\"" + QByteArray(30000, 'x') + "\"\n";
        for (int level = 1; level <= 6; ++level) {
            bomb += 'a' + QByteArray::number(level) + "=\"";
            for (int i = 0; i < 10; ++i)
                bomb += "$a" + QByteArray::number(level - 1);
            bomb += "\"\n";
        }
        const QByteArray config = "user=fate\ndir=/data/projects/fate\npartylist=(10000 9999)\n"
                                  "partyiplist=(192.168.7.1 192.168.7.2)\nexchangeip=192.168.7.1\n";
        KubefateImporter importer;
        Result<Project> r = importer.importData(config, QStringLiteral("docker-configuration.sh"), bomb);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().startsWith(QLatin1String(".env:2: the value of a1 expands to 270001 characters")),
                 qPrintable(r.error()));
        QVERIFY2(r.error().contains(QLatin1String("(at most 262144 are accepted)")), qPrintable(r.error()));
        r = importer.importData(bomb + config, QStringLiteral("parties.conf"));
        QVERIFY(!r.ok());
        QVERIFY2(r.error().startsWith(QLatin1String("parties.conf:2: the value of a1 expands to 270001 characters")),
                 qPrintable(r.error()));
        r = importer.importData(config + bomb, QStringLiteral("docker-configuration.sh"));
        QVERIFY(!r.ok());
        QVERIFY2(r.error().startsWith(QLatin1String("docker-configuration.sh:7: the value of a1")),
                 qPrintable(r.error()));
    }

    void kubefate110Fixture()
    {
        KubefateImporter importer;
        const Result<Project> p
            = importer.importFiles(configs + QStringLiteral("/1.1.0/docker-deploy/docker-configuration.sh"));
        QVERIFY2(p.ok(), qPrintable(p.error()));
        QCOMPARE(importer.format(), KubefateFormat::DockerConfiguration);
        QCOMPARE(QDir::cleanPath(importer.envPath()), QDir::cleanPath(configs + QStringLiteral("/1.1.0/.env")));
        QVERIFY2(importer.warnings().isEmpty(), qPrintable(importer.warnings().join(QLatin1Char('\n'))));
        // The seed's federation, exactly.
        Project expected = Project::example();
        expected.name.clear();
        expected.verification = {};
        expected.templates.location.clear(); // the version's default download, not a chosen address
        QCOMPARE(p.value(), expected);
    }

    void kubefate1112Fixture()
    {
        KubefateImporter importer;
        const Result<Project> p = importer.importFiles(configs + QStringLiteral("/v1.11/parties.conf"));
        QVERIFY2(p.ok(), qPrintable(p.error()));
        QCOMPARE(importer.format(), KubefateFormat::PartiesConf);
        const Project &v = p.value();
        QCOMPARE(v.templates.kubefateVersion, QStringLiteral("1.11.2"));
        QCOMPARE(v.user, QStringLiteral("fate"));
        QCOMPARE(v.sshPort, 2222);
        QCOMPARE(v.parties.size(), 3);
        QCOMPARE(v.parties.at(2).id, 8888);
        QCOMPARE(v.parties.at(2).host, QStringLiteral("fate-c.example.org"));
        QVERIFY(v.exchange.enabled);
        QCOMPARE(v.exchange.host, QStringLiteral("192.168.1.10"));
        QVERIFY(v.registry.usePrivate);
        QCOMPARE(v.registry.uri, QStringLiteral("harbor.example.org/fate"));
        QCOMPARE(v.images.prefix, QStringLiteral("federatedai"));
        QCOMPARE(v.images.tag, QStringLiteral("1.11.2-release"));
        // Serving hosts are taken over; the changed password is reported, its value never, and it is
        // kept in memory for the keychain only.
        QCOMPARE(v.parties.at(0).servingHost, QStringLiteral("192.168.1.1"));
        QCOMPARE(v.parties.at(2).servingHost, QStringLiteral("fate-c.example.org"));
        QCOMPARE(importer.warnings().size(), 1);
        QVERIFY2(
            importer.warnings().at(0).contains(QLatin1String(
                "parties.conf:25: mysql_password is a password: never stored in the project, only in the keychain")),
            qPrintable(importer.warnings().at(0)));
        QVERIFY(!anyContains(importer.warnings(), QStringLiteral("s3cret")));
        QCOMPARE(importer.secrets().mysqlPassword, QStringLiteral("s3cret-Pa55"));
        QCOMPARE(importer.secrets().fateboardPassword, QStringLiteral("admin"));
        QVERIFY(!ProjectFile::toJson(v).contains("s3cret"));
    }

    void kubefate200Fixture()
    {
        KubefateImporter importer;
        const Result<Project> p = importer.importFiles(configs + QStringLiteral("/v2.0/parties.conf"));
        QVERIFY2(p.ok(), qPrintable(p.error()));
        const Project &v = p.value();
        QCOMPARE(v.templates.kubefateVersion, QStringLiteral("2.0.0"));
        QVERIFY(!v.exchange.enabled);
        QCOMPARE(v.images.tag, QStringLiteral("2.0.0-release"));
        QCOMPARE(v.images.prefix, QStringLiteral("federatedai"));
        QVERIFY(!v.registry.usePrivate);
        QVERIFY2(importer.warnings().isEmpty(), qPrintable(importer.warnings().join(QLatin1Char('\n'))));
    }

    void versionDetection_data()
    {
        QTest::addColumn<QByteArray>("config");
        QTest::addColumn<QByteArray>("env");
        QTest::addColumn<QString>("version");
        const QByteArray old = "user=fate\ndir=/data/projects/fate\npartylist=(1 2)\npartyiplist=(10.0.0.1 10.0.0.2)\n";
        const QByteArray neu
            = "user=fate\ndir=/data/projects/fate\nparty_list=(1 2)\nparty_ip_list=(10.0.0.1 10.0.0.2)\n";
        QTest::newRow("1.1.0") << (old + "exchangeip=10.0.0.1\n") << env11 << QStringLiteral("1.1.0");
        QTest::newRow("1.4.5") << (old + "servingiplist=(10.0.0.1 10.0.0.2)\nexchangeip=\n")
                               << QByteArray("RegistryURI=\nTAG=1.4.5-release\nSERVING_TAG=2.0.0-release\n")
                               << QStringLiteral("1.4.5");
        QTest::newRow("1.4.0 with PREFIX")
            << (old + "servingiplist=(10.0.0.1 10.0.0.2)\n")
            << QByteArray("PREFIX=federatedai\nRegistryURI=\nTAG=1.4.0-release\nSERVING_TAG=1.2.4-release\n")
            << QStringLiteral("1.4.0");
        QTest::newRow("1.11.2") << neu << QByteArray("RegistryURI=\nTAG=1.11.2-release\nSSH_PORT=22\n")
                                << QStringLiteral("1.11.2");
        QTest::newRow("2.0.0 by federation")
            << (neu + "federation=OSX\n") << QByteArray("TAG=2.0.0-release\n") << QStringLiteral("2.0.0");
        QTest::newRow("2.0.0 by KubeFATE_Version")
            << neu << QByteArray("KubeFATE_Version=v2.0.0-release\nFATEFlow_IMAGE_TAG=2.0.0-release\n")
            << QStringLiteral("2.0.0");
    }

    void versionDetection()
    {
        QFETCH(QByteArray, config);
        QFETCH(QByteArray, env);
        QFETCH(QString, version);
        KubefateImporter importer;
        const Result<Project> p = importer.importData(config, QStringLiteral("c"), env);
        QVERIFY2(p.ok(), qPrintable(p.error()));
        QCOMPARE(p->templates.kubefateVersion, version);
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("config");
        QTest::addColumn<QString>("message");
        const QByteArray head = "user=root\ndir=/data/projects/fate\n";
        QTest::newRow("empty") << QByteArray()
                               << QStringLiteral("c.sh: has no variable assignments (is the file empty?)");
        QTest::newRow("only comments") << QByteArray("# nothing\n")
                                       << QStringLiteral("c.sh: has no variable assignments");
        QTest::newRow("not kubefate") << QByteArray("a=1\n")
                                      << QStringLiteral("c.sh: sets neither partylist nor party_list");
        QTest::newRow("mixed names") << (head + "partylist=(1)\nparty_list=(1)\n")
                                     << QStringLiteral("c.sh: mixes partylist");
        QTest::newRow("invalid host")
            << (head
                + "partylist=(10000 9999)\npartyiplist=(192.168.7.1 192.168.7.300)\nexchangeip=${partyiplist[0]}\n")
            << QStringLiteral("c.sh:4: partyiplist[1] (parties[1].host): \"192.168.7.300\" is not a valid IPv4 address "
                              "or host name");
        QTest::newRow("length mismatch")
            << (head + "partylist=(10000 9999)\npartyiplist=(192.168.7.1)\nexchangeip=192.168.7.1\n")
            << QStringLiteral("c.sh:3: partylist: has 2 party id(s) but partyiplist (line 4) has 1 host(s)");
        QTest::newRow("bad id") << (head
                                    + "partylist=(10000 x9)\npartyiplist=(10.0.0.1 10.0.0.2)\nexchangeip=10.0.0.1\n")
                                << QStringLiteral("c.sh:3: partylist[1]: \"x9\" is not a party id");
        QTest::newRow("leading zero") << (head + "partylist=(010)\npartyiplist=(10.0.0.1)\nexchangeip=10.0.0.1\n")
                                      << QStringLiteral("c.sh:3: partylist[0]: \"010\" is not a party id");
        QTest::newRow("duplicate id")
            << (head + "partylist=(1 1)\npartyiplist=(10.0.0.1 10.0.0.2)\nexchangeip=10.0.0.1\n")
            << QStringLiteral("c.sh:3: partylist[1] (parties[1].id): 1 is already used by parties[0]");
        QTest::newRow("empty list") << (head + "partylist=()\npartyiplist=()\nexchangeip=10.0.0.1\n")
                                    << QStringLiteral("c.sh:3: partylist: is empty; add at least one party id");
        QTest::newRow("no exchange in 1.1.0")
            << (head + "partylist=(1)\npartyiplist=(10.0.0.1)\n")
            << QStringLiteral("c.sh: exchangeip is not set; KubeFATE 1.1.0 always deploys");
        QTest::newRow("missing user") << QByteArray(
            "dir=/d\npartylist=(1)\npartyiplist=(10.0.0.1)\nexchangeip=10.0.0.1\n")
                                      << QStringLiteral("c.sh: user is not set");
        QTest::newRow("bad user") << QByteArray("user='root;rm -rf /'\ndir=/d\npartylist=(1)\npartyiplist=(10.0.0.1)\n"
                                                "exchangeip=10.0.0.1\n")
                                  << QStringLiteral(
                                         "c.sh:1: user (deploy.user): \"root;rm -rf /\" is not a valid user name");
        QTest::newRow("relative dir") << QByteArray("user=root\ndir=fate\npartylist=(1)\npartyiplist=(10.0.0.1)\n"
                                                    "exchangeip=10.0.0.1\n")
                                      << QStringLiteral(
                                             "c.sh:2: dir (deploy.baseDir): \"fate\" is not an absolute path");
        QTest::newRow("unspecified host")
            << (head + "partylist=(10000)\npartyiplist=(0.0.0.0)\nexchangeip=${partyiplist[0]}\n")
            << QStringLiteral("c.sh:4: partyiplist[0] (parties[0].host): \"0.0.0.0\" is "
                              "not the address of a host");
        QTest::newRow("dynamic") << (head + "partylist=($(seq 2))\n")
                                 << QStringLiteral("c.sh:3: command substitution $(...) is not allowed");
        QTest::newRow("bad computing")
            << QByteArray("user=fate\ndir=/d\nparty_list=(1)\nparty_ip_list=(10.0.0.1)\ncomputing=Flink\n")
            << QStringLiteral("c.sh:5: computing (engine.computing): \"Flink\" is not one of Eggroll, Spark, "
                              "Spark_local (KubeFATE 1.11.2)");
        QTest::newRow("eggroll combination")
            << QByteArray("user=fate\ndir=/"
                          "d\nparty_list=(1)\nparty_ip_list=(10.0.0.1)\ncomputing=Eggroll\nfederation=Pulsar\n")
            << QStringLiteral("c.sh:6: federation (engine.federation): \"Pulsar\" is not possible with computing "
                              "Eggroll; choose Eggroll");
        QTest::newRow("spark storage")
            << QByteArray("user=fate\ndir=/d\nparty_list=(1)\nparty_ip_list=(10.0.0.1)\ncomputing=Spark\n"
                          "federation=RabbitMQ\nstorage=LocalFS\n")
            << QStringLiteral("c.sh:7: storage (engine.storage): \"LocalFS\" is not possible with computing Spark; "
                              "choose HDFS");
        QTest::newRow("cores") << QByteArray(
            "user=fate\ndir=/d\nparty_list=(1)\nparty_ip_list=(10.0.0.1)\ncompute_core=many\n")
                               << QStringLiteral("c.sh:5: compute_core: \"many\" is not a whole number");
        QTest::newRow("serving list length")
            << QByteArray("user=fate\ndir=/d\nparty_list=(1 2)\nparty_ip_list=(10.0.0.1 10.0.0.2)\n"
                          "serving_ip_list=(10.0.0.1)\n")
            << QStringLiteral("c.sh:5: serving_ip_list: has 1 host(s) for 2 parties");
    }

    void errors()
    {
        QFETCH(QByteArray, config);
        QFETCH(QString, message);
        KubefateImporter importer;
        const Result<Project> p = importer.importData(config, QStringLiteral("c.sh"), env11, QStringLiteral(".env"));
        QVERIFY(!p.ok());
        QVERIFY2(p.error().startsWith(message), qPrintable(p.error()));
    }

    void envErrorsNameTheEnvFile()
    {
        KubefateImporter importer;
        const QByteArray config = "user=fate\ndir=/d\nparty_list=(1)\nparty_ip_list=(10.0.0.1)\n";
        Result<Project> p = importer.importData(config, QStringLiteral("c"), QByteArray("SSH_PORT=$(echo 22)\n"));
        QVERIFY(!p.ok());
        QVERIFY2(p.error().startsWith(QLatin1String(".env:1: command substitution")), qPrintable(p.error()));
        p = importer.importData(config, QStringLiteral("c"), QByteArray("TAG=1.11.2-release\nSSH_PORT=70000\n"));
        QVERIFY(!p.ok());
        QCOMPARE(p.error(),
                 QStringLiteral(".env:2: SSH_PORT (deploy.sshPort): 70000 is not a port number between 1 and 65535"));
        p = importer.importData(config, QStringLiteral("c"), QByteArray("RegistryURI=https://harbor.x/fate\n"));
        QVERIFY(!p.ok());
        QVERIFY2(p.error().startsWith(QLatin1String(".env:1: RegistryURI (registry.uri): \"https://harbor.x/fate\": "
                                                    "write the registry address without a scheme")),
                 qPrintable(p.error()));
        p = importer.importData(config,
                                QStringLiteral("c"),
                                QByteArray("KubeFATE_Version=v2.1.0-release\nFATEFlow_IMAGE_TAG=2.1.0-release\n"));
        QVERIFY(!p.ok());
        QVERIFY2(p.error().startsWith(QLatin1String(".env:1: KubeFATE_Version (templates.kubefateVersion): KubeFATE "
                                                    "\"2.1.0\" is not supported yet")),
                 qPrintable(p.error()));
    }

    void warningsForIgnoredAndUnknownVariables()
    {
        KubefateImporter importer;
        const QByteArray config = "user=fate\ndir=/d\nparty_list=(1 2)\nparty_ip_list=(10.0.0.1 10.0.0.2)\n"
                                  "computing=Spark\nfederation=Pulsar\nstorage=HDFS\nfoo=bar\n"
                                  "fateboard_password=hunter2\nmysql_user=fate\n";
        const Result<Project> p
            = importer.importData(config, QStringLiteral("c"), QByteArray("TAG=1.11.2-release\nX=1\n"));
        QVERIFY2(p.ok(), qPrintable(p.error()));
        const QStringList &w = importer.warnings();
        QCOMPARE(p->engine.computing, QStringLiteral("Spark"));
        QCOMPARE(p->engine.federation, QStringLiteral("Pulsar"));
        QCOMPARE(p->engine.storage, QStringLiteral("HDFS"));
        QVERIFY(!anyContains(w, QStringLiteral("computing")));
        QVERIFY(anyContains(w, QStringLiteral("c:8: ignored: foo (not a KubeFATE variable)")));
        QVERIFY(anyContains(
            w,
            QStringLiteral(
                "c:9: fateboard_password is a password: never stored in the project, only in the keychain")));
        QCOMPARE(importer.secrets().fateboardPassword, QStringLiteral("hunter2"));
        QVERIFY(anyContains(w, QStringLiteral(".env:2: ignored: X (not a KubeFATE 1.11.2 .env variable)")));
        QVERIFY(!anyContains(w, QStringLiteral("mysql_user"))); // KubeFATE's default: nothing lost
        QVERIFY(!anyContains(w, QStringLiteral("hunter2")));
    }

    void thirdPartyPrefixBecomesTheRegistry()
    {
        KubefateImporter importer;
        const QByteArray config = "user=root\ndir=/d\npartylist=(1)\npartyiplist=(10.0.0.1)\nexchangeip=10.0.0.1\n";
        Result<Project> p = importer.importData(
            config,
            QStringLiteral("c"),
            QByteArray("PREFIX=federatedai\nTHIRDPARTYPREFIX=reg.local:5000/federatedai\nTAG=1.1-release\n"));
        QVERIFY2(p.ok(), qPrintable(p.error()));
        QVERIFY(p->registry.usePrivate);
        QCOMPARE(p->registry.uri, QStringLiteral("reg.local:5000"));
    }

    void missingImageVariablesAreReported()
    {
        KubefateImporter importer;
        const QByteArray config = "user=root\ndir=/d\npartylist=(1)\npartyiplist=(10.0.0.1)\nexchangeip=10.0.0.1\n";
        const Result<Project> p = importer.importData(config, QStringLiteral("c"), QByteArray("# nothing\n"));
        QVERIFY2(p.ok(), qPrintable(p.error()));
        QCOMPARE(importer.warnings(),
                 (QStringList{QStringLiteral(".env: has no variable assignments; image settings keep their defaults"),
                              QStringLiteral(".env: PREFIX is not set; using federatedai"),
                              QStringLiteral(".env: TAG is not set; using 1.1-release")}));
    }

    void mutatedConfigurationsNeverCrash()
    {
        const QByteArray bases[] = {
            "user=root\ndir=/data/projects/fate\npartylist=(10000 9999)\npartyiplist=(192.168.7.1 192.168.7.2)\n"
            "exchangeip=${partyiplist[0]}\n",
            "user=fate\ndir=/d\nparty_list=(1 2)\nparty_ip_list=(10.0.0.1 h.example)\nserving_ip_list=()\n"
            "computing=Eggroll\nfederation=Eggroll\nstorage=Eggroll\nexchangeip=\n",
        };
        const QByteArray alphabet = QByteArrayLiteral("0123456789 .:()$[]{}'\"_=\nxX-");
        QRandomGenerator random(7);
        int ok = 0;
        for (const QByteArray &base : bases) {
            for (int round = 0; round < 1500; ++round) {
                QByteArray text = base;
                for (int e = 0; e < 1 + int(random.bounded(3)); ++e) {
                    const int at = int(random.bounded(int(text.size())));
                    if (random.bounded(2))
                        text[at] = alphabet.at(int(random.bounded(int(alphabet.size()))));
                    else
                        text.insert(at, alphabet.at(int(random.bounded(int(alphabet.size())))));
                }
                KubefateImporter importer;
                const Result<Project> p = importer.importData(text, QStringLiteral("c"), env11);
                if (p.ok())
                    ++ok;
                else
                    QVERIFY2(!p.error().isEmpty(), text.constData());
            }
        }
        QVERIFY(ok > 0);
    }

    void fileProblemsAreClearErrors()
    {
        QTemporaryDir dir;
        auto write = [&](const QString &name, const QByteArray &data) {
            QFile f(dir.filePath(name));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(data);
        };
        write(QStringLiteral("empty.sh"), {});
        write(QStringLiteral("big.sh"), QByteArray("user=") + QByteArray(10 * 1024 * 1024, 'a') + '\n');
        write(QStringLiteral("binary.sh"),
              QByteArray("\x7f"
                         "ELF\x02\x01\x01\0\0\0",
                         10));
        KubefateImporter importer;
        Result<Project> p = importer.importFiles(dir.filePath(QStringLiteral("empty.sh")));
        QVERIFY(!p.ok());
        QVERIFY2(p.error().contains(QLatin1String("empty.sh: has no variable assignments")), qPrintable(p.error()));
        QVERIFY(anyContains(importer.warnings(), QStringLiteral("no .env found")));
        p = importer.importFiles(dir.filePath(QStringLiteral("big.sh")));
        QVERIFY(!p.ok());
        QVERIFY2(p.error().contains(QLatin1String("big.sh: the file is larger than 1024 KiB")), qPrintable(p.error()));
        p = importer.importFiles(dir.filePath(QStringLiteral("binary.sh")));
        QVERIFY(!p.ok());
        QVERIFY2(p.error().contains(QLatin1String("binary.sh:1: contains")), qPrintable(p.error()));
        p = importer.importFiles(dir.filePath(QStringLiteral("missing.sh")));
        QVERIFY(!p.ok());
        QVERIFY2(p.error().contains(QLatin1String("cannot read the file")), qPrintable(p.error()));
    }
};

QTEST_GUILESS_MAIN(TestKubefateImporter)
#include "tst_kubefateimporter.moc"
