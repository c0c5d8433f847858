// SPDX-License-Identifier: Apache-2.0
#include "kubefate/kubefateexporter.h"
#include "kubefate/kubefateimporter.h"
#include "model/era.h"
#include "model/validation.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace FateDeployer;

namespace {

/// Valid values that need quoting: they must survive bash and our reader unchanged.
Project hostileButValid(const QString &version)
{
    Project p = Project::example();
    p.name = QStringLiteral("evil\nrm -rf / # \"name\"");
    p.setKubefateVersion(version);
    p.user = QStringLiteral("fate_admin-1");
    p.baseDir = QStringLiteral("/data/it's \"fate\" $HOME `id` ; rm -rf / & ${x} (a) *?");
    p.parties = {Party::make(10000, QStringLiteral("fd00::1")),
                 Party::make(9999, QStringLiteral("fate-b.example.org")),
                 Party::make(2147483647, QStringLiteral("10.1.2.3"))};
    p.exchange.host = QStringLiteral("10.1.2.4");
    p.images.tag = QStringLiteral("v1.1_rc-2.x");
    p.images.baseTag = version == QLatin1String("1.1.0") ? QStringLiteral("base-7") : p.images.tag;
    p.images.builderTag = version == QLatin1String("1.1.0") ? QStringLiteral("builder-8") : p.images.tag;
    p.images.prefix = QStringLiteral("my.org/fate__x");
    p.registry.usePrivate = true;
    p.registry.uri = QStringLiteral("harbor.example.com:8443/fate-prod");
    p.sshPort = 2222;
    p.verification = {};
    if (eraHasEngine(kubefateEra(version))) {
        // Every era field away from KubeFATE's defaults, so the round trip covers them.
        p.engine = {QStringLiteral("Spark"),
                    QStringLiteral("RabbitMQ"),
                    QStringLiteral("HDFS"),
                    QStringLiteral("ALL"),
                    QStringLiteral("GPU"),
                    7,
                    3,
                    QStringLiteral("hdfs://nn-1.example.org:8020/fate")};
        p.mysql = {QStringLiteral("fd00::7"),
                   QStringLiteral("flow_1"),
                   QStringLiteral("db_2"),
                   QStringLiteral("America/Argentina/Buenos_Aires")};
        p.logins = {QStringLiteral("ops@example.org"), QStringLiteral("serving.admin-1")};
        p.images.servingTag = QStringLiteral("2.1.6_rc-1");
        p.parties[0].servingHost = QStringLiteral("fd00::11");
        p.parties[1].servingHost = QStringLiteral("serving-b.example.org");
        p.parties[2].servingHost = QStringLiteral("10.1.2.33");
    }
    return p;
}

/// What bash itself reads from a file (env -i: nothing inherited).
QStringList bashValues(const QString &file, const QStringList &expressions)
{
    QProcess bash;
    QStringList script{QStringLiteral("set -eu; source \"$1\"")};
    for (const QString &e : expressions)
        script << QStringLiteral("printf '%s\\n' \"%1\"").arg(e);
    bash.start(QStringLiteral("/usr/bin/env"),
               {QStringLiteral("-i"),
                QStringLiteral("bash"),
                QStringLiteral("--noprofile"),
                QStringLiteral("--norc"),
                QStringLiteral("-c"),
                script.join(QLatin1Char(';')),
                QStringLiteral("bash"),
                file});
    if (!bash.waitForFinished(10000) || bash.exitCode() != 0)
        return {QStringLiteral("bash failed: ") + QString::fromUtf8(bash.readAllStandardError())};
    QStringList lines = QString::fromUtf8(bash.readAllStandardOutput()).split(QLatin1Char('\n'));
    lines.removeLast();
    return lines;
}

Result<Project> reimport(const QList<KubefateFile> &files, KubefateImporter &importer)
{
    return importer.importData(files.at(0).content, files.at(0).name, files.at(1).content, files.at(1).name);
}

} // namespace

class TestKubefateExporter : public QObject
{
    Q_OBJECT

private slots:
    void dockerConfigurationContent()
    {
        KubefateExporter exporter;
        const Result<QList<KubefateFile>> files
            = exporter.render(Project::example(), KubefateFormat::DockerConfiguration);
        QVERIFY2(files.ok(), qPrintable(files.error()));
        QCOMPARE(files->size(), 2);
        QCOMPARE(files->at(0).name, QStringLiteral("docker-configuration.sh"));
        QCOMPARE(files->at(1).name, QStringLiteral(".env"));
        const QByteArray config = files->at(0).content;
        QVERIFY(config.contains("\nuser=root\ndir=/data/projects/fate\npartylist=(10000 9999)\n"
                                "partyiplist=(192.168.7.1 192.168.7.2)\nexchangeip=192.168.7.1\n"));
        const QByteArray env = files->at(1).content;
        QVERIFY(env.endsWith("PREFIX=federatedai\nTHIRDPARTYPREFIX=\nTAG=1.1-release\nBASE_TAG=1.1-release\n"
                             "BUILDER_TAG=1.1-release\n"));
        QVERIFY2(exporter.warnings().isEmpty(), qPrintable(exporter.warnings().join(QLatin1Char('\n'))));
    }

    void partiesConfContent()
    {
        Project p = Project::example();
        p.setKubefateVersion(QStringLiteral("1.4.5"));
        KubefateExporter exporter;
        Result<QList<KubefateFile>> files = exporter.render(p, KubefateFormat::PartiesConf);
        QVERIFY2(files.ok(), qPrintable(files.error()));
        QCOMPARE(files->at(0).name, QStringLiteral("parties.conf"));
        QVERIFY(files->at(0).content.contains("\npartylist=(10000 9999)\npartyiplist=(192.168.7.1 192.168.7.2)\n"));
        QVERIFY(files->at(0).content.contains("\nservingiplist=(192.168.7.1 192.168.7.2)\nexchangeip=192.168.7.1\n"));
        // v1.4.5's exchange compose file needs PREFIX although its .env dropped it.
        QVERIFY(files->at(1).content.contains("\nPREFIX=federatedai\nRegistryURI=\nTAG=1.1-release\n"));

        p.setKubefateVersion(QStringLiteral("1.11.2"));
        p.exchange.enabled = false;
        p.sshPort = 2222;
        files = exporter.render(p, KubefateFormat::PartiesConf);
        QVERIFY2(files.ok(), qPrintable(files.error()));
        QVERIFY(files->at(0).content.contains("\nparty_list=(10000 9999)\nparty_ip_list=(192.168.7.1 192.168.7.2)\n"));
        QVERIFY(files->at(0).content.contains("\nserving_ip_list=()\n"));
        QVERIFY(files->at(0).content.contains("\nexchangeip=\n"));
        QVERIFY(files->at(1).content.contains("SSH_PORT=2222\n"));

        p.setKubefateVersion(QStringLiteral("2.0.0"));
        p.images.prefix = QStringLiteral("mirror.local/fed");
        p.images.tag = QStringLiteral("2.0.0-release");
        files = exporter.render(p, KubefateFormat::PartiesConf);
        QVERIFY2(files.ok(), qPrintable(files.error()));
        QVERIFY(files->at(0).content.contains("\nfederation=OSX\n"));
        QVERIFY(files->at(1).content.contains(
            "\nFATEFlow_IMAGE=mirror.local/fed/fateflow\nFATEFlow_IMAGE_TAG=2.0.0-release\n"));
        QVERIFY(files->at(1).content.contains("\nKubeFATE_Version=v2.0.0-release\n"));
        QVERIFY(!files->at(1).content.contains("\nTAG="));
    }

    void roundTripIsIdentity_data()
    {
        QTest::addColumn<QString>("version");
        for (const QString &v : Validator::knownKubefateVersions())
            QTest::newRow(qPrintable(v)) << v;
    }

    void roundTripIsIdentity()
    {
        QFETCH(QString, version);
        const KubefateFormat format = kubefateFormatForVersion(version);
        // The example (with the version) and a hostile-but-valid project.
        Project plain = Project::example();
        plain.setKubefateVersion(version);
        if (version.startsWith(QLatin1String("2."))) {
            plain.exchange.enabled = false;
            plain.exchange.host.clear();
        }
        for (Project p : {plain, hostileButValid(version)}) {
            if (version.startsWith(QLatin1String("2."))) {
                p.exchange.enabled = false;
            }
            KubefateExporter exporter;
            const Result<QList<KubefateFile>> files = exporter.render(p, format);
            QVERIFY2(files.ok(), qPrintable(files.error()));
            KubefateImporter importer;
            const Result<Project> back = reimport(files.value(), importer);
            QVERIFY2(back.ok(), qPrintable(back.error()));
            QCOMPARE(back.value(), KubefateExporter::representable(p));
            QCOMPARE(importer.format(), format);
            // Exporting the re-imported project gives the same files (apart from the header naming the project).
            KubefateExporter again;
            Project named = back.value();
            named.name = p.name;
            const Result<QList<KubefateFile>> files2 = again.render(named, format);
            QVERIFY(files2.ok());
            QCOMPARE(files2->at(0).content, files->at(0).content);
            QCOMPARE(files2->at(1).content, files->at(1).content);
        }
    }

    void bashReadsTheSameValues_data() { roundTripIsIdentity_data(); }

    void bashReadsTheSameValues()
    {
        QFETCH(QString, version);
        if (QStandardPaths::findExecutable(QStringLiteral("bash")).isEmpty())
            QSKIP("bash is not installed");
        Project p = hostileButValid(version);
        if (version.startsWith(QLatin1String("2.")))
            p.exchange.enabled = false;
        const KubefateFormat format = kubefateFormatForVersion(version);
        KubefateExporter exporter;
        QTemporaryDir dir;
        QVERIFY(exporter.write(p, format, dir.path(), false).ok());
        const QString config = dir.filePath(kubefateConfigFileName(format));
        const bool oldNames = version == QLatin1String("1.1.0") || version.startsWith(QLatin1String("1.4."));
        const QString ids = oldNames ? QStringLiteral("partylist") : QStringLiteral("party_list");
        const QString ips = oldNames ? QStringLiteral("partyiplist") : QStringLiteral("party_ip_list");
        const QStringList values = bashValues(config,
                                              {QStringLiteral("$user"),
                                               QStringLiteral("$dir"),
                                               QStringLiteral("${%1[*]}").arg(ids),
                                               QStringLiteral("${#%1[@]}").arg(ips),
                                               QStringLiteral("${%1[0]}").arg(ips),
                                               QStringLiteral("${%1[1]}").arg(ips),
                                               QStringLiteral("$exchangeip")});
        QCOMPARE(values,
                 (QStringList{p.user,
                              p.baseDir,
                              QStringLiteral("10000 9999 2147483647"),
                              QStringLiteral("3"),
                              QStringLiteral("fd00::1"),
                              QStringLiteral("fate-b.example.org"),
                              p.exchange.enabled ? p.exchange.host : QString()}));
        // The .env is sourced by the scripts too, and read by docker-compose: plain KEY=value lines.
        const QStringList env
            = bashValues(dir.filePath(QStringLiteral(".env")), {QStringLiteral("${RegistryURI-}${THIRDPARTYPREFIX-}")});
        QCOMPARE(env.size(), 1);
        QVERIFY2(env.first().startsWith(p.registry.uri), qPrintable(env.first()));
        QFile envFile(dir.filePath(QStringLiteral(".env")));
        QVERIFY(envFile.open(QIODevice::ReadOnly));
        for (const QByteArray &line : envFile.readAll().split('\n'))
            QVERIFY2(line.isEmpty() || line.startsWith('#') || !line.contains('\''), line.constData());
    }

    void lossyFieldsAreReported()
    {
        Project p = Project::example();
        p.parties[1].ssh.port = 2200;
        p.parties[0].dir = QStringLiteral("/srv/fate");
        p.exchange.port = 9400;
        p.sshPort = 2022;
        KubefateExporter exporter;
        QVERIFY(exporter.render(p, KubefateFormat::DockerConfiguration).ok());
        const QStringList &w = exporter.warnings();
        QCOMPARE(w.size(), 4);
        QVERIFY(w.at(0).startsWith(QLatin1String("deploy.sshPort: KubeFATE 1.1.0 always connects to port 22")));
        QVERIFY(w.at(1).startsWith(QLatin1String("parties[0].dir: ")));
        QVERIFY(w.at(2).startsWith(QLatin1String("parties[1].ssh: ")));
        QVERIFY(
            w.at(3).startsWith(QLatin1String("exchange.port: KubeFATE always publishes the exchange on port 9371")));
    }

    void refusesWrongFormatAndInvalidProjects()
    {
        KubefateExporter exporter;
        Result<QList<KubefateFile>> files = exporter.render(Project::example(), KubefateFormat::PartiesConf);
        QVERIFY(!files.ok());
        QVERIFY2(
            files.error().startsWith(QLatin1String("KubeFATE 1.1.0 reads docker-configuration.sh, not parties.conf")),
            qPrintable(files.error()));
        Project bad = Project::example();
        bad.parties[1].host = QStringLiteral("192.168.7.300");
        files = exporter.render(bad, KubefateFormat::DockerConfiguration);
        QVERIFY(!files.ok());
        QVERIFY2(files.error().contains(QLatin1String("parties[1].host: \"192.168.7.300\" is not a valid IPv4")),
                 qPrintable(files.error()));
    }

    void writeIsAllOrNothing()
    {
        QTemporaryDir dir;
        KubefateExporter exporter;
        const Project p = Project::example();
        // Into a new folder.
        const QString out = dir.filePath(QStringLiteral("new/sub"));
        QVERIFY(exporter.write(p, KubefateFormat::DockerConfiguration, out, false).ok());
        QCOMPARE(QDir(out).entryList(QDir::Files | QDir::Hidden, QDir::Name),
                 (QStringList{QStringLiteral(".env"), QStringLiteral("docker-configuration.sh")}));
        // Existing files are refused, and left as they are.
        QFile config(QDir(out).filePath(QStringLiteral("docker-configuration.sh")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("mine\n");
        config.close();
        const Status refused = exporter.write(p, KubefateFormat::DockerConfiguration, out, false);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().contains(QLatin1String("already exists; nothing was written (use --force")),
                 qPrintable(refused.error()));
        QVERIFY(config.open(QIODevice::ReadOnly));
        QCOMPARE(config.readAll(), QByteArray("mine\n"));
        config.close();
        QVERIFY(exporter.write(p, KubefateFormat::DockerConfiguration, out, true).ok());
        QVERIFY(config.open(QIODevice::ReadOnly));
        QVERIFY(config.readAll().contains("partylist=(10000 9999)"));
        config.close();

        // One file cannot be written (.env is a folder): nothing at all is written.
        const QString blocked = dir.filePath(QStringLiteral("blocked"));
        QVERIFY(QDir().mkpath(blocked + QStringLiteral("/.env")));
        const Status failed = exporter.write(p, KubefateFormat::DockerConfiguration, blocked, true);
        QVERIFY(!failed.ok());
        QCOMPARE(QDir(blocked).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot), QStringList{});
        // The target is a file.
        const Status notDir = exporter.write(p, KubefateFormat::DockerConfiguration, config.fileName(), true);
        QVERIFY(!notDir.ok());
        QVERIFY2(notDir.error().contains(QLatin1String("exists and is not a folder")), qPrintable(notDir.error()));
    }

    void shellWordQuotesWhatBashWouldInterpret()
    {
        QCOMPARE(KubefateExporter::shellWord(QStringLiteral("192.168.7.1")), QStringLiteral("192.168.7.1"));
        QCOMPARE(KubefateExporter::shellWord(QStringLiteral("/data/projects/fate")),
                 QStringLiteral("/data/projects/fate"));
        QCOMPARE(KubefateExporter::shellWord(QString()), QStringLiteral("''"));
        QCOMPARE(KubefateExporter::shellWord(QStringLiteral("a b")), QStringLiteral("'a b'"));
        QCOMPARE(KubefateExporter::shellWord(QStringLiteral("it's")), QStringLiteral("'it'\\''s'"));
        QCOMPARE(KubefateExporter::shellWord(QStringLiteral("$(id)")), QStringLiteral("'$(id)'"));
        QCOMPARE(KubefateExporter::shellWord(QStringLiteral("~/x")), QStringLiteral("'~/x'"));
    }
};

QTEST_GUILESS_MAIN(TestKubefateExporter)
#include "tst_kubefateexporter.moc"
