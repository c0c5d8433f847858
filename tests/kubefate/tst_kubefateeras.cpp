// SPDX-License-Identifier: Apache-2.0
// parties.conf + .env of the v1.11.2 and v2.0.0 eras: import into the era's model fields, export with
// the same values, and update in place byte for byte. The upstream test reads KubeFATE's own example
// files from FD_KUBEFATE_SRC (a git dir with tags, or a checkout) and is skipped visibly without it.
#include "kubefate/bashconfig.h"
#include "kubefate/kubefateexporter.h"
#include "kubefate/kubefateimporter.h"
#include "model/era.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace FateDeployer;

namespace {

const QString fixtureDir = QStringLiteral(FD_TEST_DATA "/kubefate-configs/v1.11.2-spark");

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

QList<KubefateFile> fixtureFiles()
{
    return {{QStringLiteral("parties.conf"), readFile(fixtureDir + QStringLiteral("/parties.conf"))},
            {QStringLiteral(".env"), readFile(fixtureDir + QStringLiteral("/.env"))}};
}

/// The lines that differ between two texts of the same number of lines.
QStringList changedLines(const QByteArray &a, const QByteArray &b)
{
    const QList<QByteArray> la = a.split('\n');
    const QList<QByteArray> lb = b.split('\n');
    if (la.size() != lb.size())
        return {QStringLiteral("line counts differ: %1 vs %2").arg(la.size()).arg(lb.size())};
    QStringList out;
    for (qsizetype i = 0; i < la.size(); ++i) {
        if (la.at(i) != lb.at(i))
            out << QString::fromUtf8(lb.at(i));
    }
    return out;
}

/// Every variable of `files` as "name=v1 v2" (what bash would see, via our reader), .env first.
QMap<QString, QString> valuesOf(const QList<KubefateFile> &files)
{
    QMap<QString, QString> out;
    const Result<BashConfig> env = BashConfig::parse(files.at(1).content, files.at(1).name);
    if (!env)
        return {{QStringLiteral("error"), env.error()}};
    const Result<BashConfig> conf = BashConfig::parse(files.at(0).content, files.at(0).name, env->variables());
    if (!conf)
        return {{QStringLiteral("error"), conf.error()}};
    for (const BashVariable &v : env->variables())
        out.insert(QStringLiteral(".env:") + v.name, v.values.join(QLatin1Char(' ')));
    for (const BashVariable &v : conf->variables()) {
        if (v.line > 0)
            out.insert(v.name, v.values.join(QLatin1Char(' ')));
    }
    return out;
}

/// KubeFATE's own docker-deploy/{parties.conf,.env} of `tag`, from a git dir or a checkout.
std::optional<QList<KubefateFile>> upstreamFiles(const QString &src, const QString &tag, QString *why)
{
    QList<KubefateFile> files;
    for (const QString &name : {QStringLiteral("parties.conf"), QStringLiteral(".env")}) {
        QProcess git;
        git.start(QStringLiteral("git"),
                  {QStringLiteral("-C"), src, QStringLiteral("show"), tag + QStringLiteral(":docker-deploy/") + name});
        if (git.waitForFinished(30000) && git.exitStatus() == QProcess::NormalExit && git.exitCode() == 0) {
            files.append({name, git.readAllStandardOutput()});
            continue;
        }
        *why = QStringLiteral("git -C %1 show %2:docker-deploy/%3 failed: %4")
                   .arg(src, tag, name, QString::fromUtf8(git.readAllStandardError()).trimmed());
        return std::nullopt;
    }
    return files;
}

} // namespace

class TestKubefateEras : public QObject
{
    Q_OBJECT

private slots:
    void fixtureImportsEveryEraField()
    {
        KubefateImporter importer;
        const Result<Project> p = importer.importFiles(fixtureDir + QStringLiteral("/parties.conf"));
        QVERIFY2(p.ok(), qPrintable(p.error()));
        QCOMPARE(p->templates.kubefateVersion, QStringLiteral("1.11.2"));
        QCOMPARE(p->engine.computing, QStringLiteral("Spark"));
        QCOMPARE(p->engine.federation, QStringLiteral("Pulsar"));
        QCOMPARE(p->engine.storage, QStringLiteral("HDFS"));
        QCOMPARE(p->engine.algorithm, QStringLiteral("NN"));
        QCOMPARE(p->engine.device, QStringLiteral("GPU"));
        QCOMPARE(p->engine.computeCore, 32);
        QCOMPARE(p->engine.gpuCount, 2);
        QCOMPARE(p->engine.nameNode, QStringLiteral("hdfs://nn.example.org:8020"));
        QCOMPARE(p->mysql.host, QStringLiteral("db.example.org"));
        QCOMPARE(p->mysql.user, QStringLiteral("fl0w"));
        QCOMPARE(p->mysql.database, QStringLiteral("flow_db"));
        QCOMPARE(p->mysql.serverTimezone, QStringLiteral("Asia/Shanghai"));
        QCOMPARE(p->logins.fateboardUser, QStringLiteral("board-admin"));
        QCOMPARE(p->logins.servingAdminUser, QStringLiteral("serving@example.org"));
        QCOMPARE(p->images.servingTag, QStringLiteral("2.1.5-release"));
        QCOMPARE(p->sshPort, 2200);
        QCOMPARE(p->parties.size(), 3);
        QCOMPARE(p->parties.at(1).servingHost, QStringLiteral("10.7.1.2"));
        QCOMPARE(p->exchange.host, QStringLiteral("10.7.0.9"));
        // Passwords: in memory for the keychain, never in the project or a message.
        QCOMPARE(importer.secrets().mysqlPassword, QStringLiteral("fixture pass $1"));
        QCOMPARE(importer.secrets().notebookHashedPassword, QStringLiteral("sha1:fixture:0123"));
        for (const QString &w : importer.warnings())
            QVERIFY2(!w.contains(QLatin1String("fixture pass")) && !w.contains(QLatin1String("fixture-")),
                     qPrintable(w));
    }

    void updateInPlaceIsByteForByte()
    {
        const QList<KubefateFile> base = fixtureFiles();
        KubefateImporter importer;
        const Result<Project> p
            = importer.importData(base.at(0).content, base.at(0).name, base.at(1).content, base.at(1).name);
        QVERIFY2(p.ok(), qPrintable(p.error()));
        KubefateExporter exporter;
        // Without secrets the file's own password lines stay; every other line is unchanged too.
        Result<QList<KubefateFile>> out = exporter.renderOnto(p.value(), KubefateFormat::PartiesConf, base);
        QVERIFY2(out.ok(), qPrintable(out.error()));
        QCOMPARE(out->at(0).content, base.at(0).content);
        QCOMPARE(out->at(1).content, base.at(1).content);

        // A changed value rewrites exactly its line (here one with a trailing comment).
        Project changed = p.value();
        changed.engine.computeCore = 12;
        changed.engine.computing = QStringLiteral("Spark_local");
        changed.engine.storage = QStringLiteral("LocalFS");
        changed.parties[2].servingHost = QStringLiteral("10.7.1.33");
        changed.images.tag = QStringLiteral("1.11.1-release");
        out = exporter.renderOnto(changed, KubefateFormat::PartiesConf, base);
        QVERIFY2(out.ok(), qPrintable(out.error()));
        QCOMPARE(changedLines(base.at(0).content, out->at(0).content),
                 (QStringList{QStringLiteral("serving_ip_list=(10.7.1.1 10.7.1.2 10.7.1.33)"),
                              QStringLiteral("computing=Spark_local"),
                              QStringLiteral("storage=LocalFS"),
                              QStringLiteral("compute_core=12")}));
        QCOMPARE(changedLines(base.at(1).content, out->at(1).content),
                 QStringList{QStringLiteral("TAG=1.11.1-release")});
        // The result reads back as the changed project.
        KubefateImporter again;
        const Result<Project> back
            = again.importData(out->at(0).content, out->at(0).name, out->at(1).content, out->at(1).name);
        QVERIFY2(back.ok(), qPrintable(back.error()));
        QCOMPARE(back.value(), KubefateExporter::representable(changed));

        // With secrets (from the keychain) the password lines carry them.
        ServiceSecrets secrets = importer.secrets();
        secrets.mysqlPassword = QStringLiteral("new pass");
        out = exporter.renderOnto(p.value(), KubefateFormat::PartiesConf, base, &secrets);
        QVERIFY2(out.ok(), qPrintable(out.error()));
        QCOMPARE(changedLines(base.at(0).content, out->at(0).content),
                 QStringList{QStringLiteral("mysql_password='new pass'")});
        // A password the keychain does not hold leaves the file's own line alone (never KubeFATE's default).
        ServiceSecrets onlyBoard;
        onlyBoard.fateboardPassword = QStringLiteral("board2");
        out = exporter.renderOnto(p.value(), KubefateFormat::PartiesConf, base, &onlyBoard);
        QVERIFY2(out.ok(), qPrintable(out.error()));
        QCOMPARE(changedLines(base.at(0).content, out->at(0).content),
                 QStringList{QStringLiteral("fateboard_password=board2")});
    }

    void freshExportCarriesTheSameValues()
    {
        const QList<KubefateFile> base = fixtureFiles();
        KubefateImporter importer;
        const Result<Project> p
            = importer.importData(base.at(0).content, base.at(0).name, base.at(1).content, base.at(1).name);
        QVERIFY2(p.ok(), qPrintable(p.error()));
        KubefateExporter exporter;
        const ServiceSecrets secrets = importer.secrets();
        const Result<QList<KubefateFile>> fresh = exporter.render(p.value(), KubefateFormat::PartiesConf, &secrets);
        QVERIFY2(fresh.ok(), qPrintable(fresh.error()));
        QMap<QString, QString> ours = valuesOf(fresh.value());
        QCOMPARE(ours.take(QStringLiteral(".env:KubeFATE_Version")), QStringLiteral("v1.11.2-release"));
        QCOMPARE(ours, valuesOf(base));
        // Without secrets: KubeFATE's public defaults, never the file's.
        const Result<QList<KubefateFile>> plain = exporter.render(p.value(), KubefateFormat::PartiesConf);
        QVERIFY2(plain.ok(), qPrintable(plain.error()));
        QVERIFY(!plain->at(0).content.contains("fixture"));
        QVERIFY(plain->at(0).content.contains("\nmysql_password=fate_dev\n"));
    }

    void bashReadsWhatWeWrite()
    {
        // KubeFATE sources .env, then parties.conf; bash must see exactly the values (a password with "$1").
        if (QStandardPaths::findExecutable(QStringLiteral("bash")).isEmpty())
            QSKIP("bash is not installed");
        const QList<KubefateFile> base = fixtureFiles();
        KubefateImporter importer;
        const Result<Project> p
            = importer.importData(base.at(0).content, base.at(0).name, base.at(1).content, base.at(1).name);
        QVERIFY2(p.ok(), qPrintable(p.error()));
        const ServiceSecrets secrets = importer.secrets();
        KubefateExporter exporter;
        QTemporaryDir dir;
        QVERIFY(exporter.write(p.value(), KubefateFormat::PartiesConf, dir.path(), false, &secrets).ok());
        const QStringList names = {QStringLiteral("computing"),
                                   QStringLiteral("federation"),
                                   QStringLiteral("storage"),
                                   QStringLiteral("algorithm"),
                                   QStringLiteral("device"),
                                   QStringLiteral("compute_core"),
                                   QStringLiteral("gpu_count"),
                                   QStringLiteral("name_node"),
                                   QStringLiteral("mysql_ip"),
                                   QStringLiteral("mysql_user"),
                                   QStringLiteral("mysql_db"),
                                   QStringLiteral("serverTimezone"),
                                   QStringLiteral("mysql_password"),
                                   QStringLiteral("fateboard_username"),
                                   QStringLiteral("fateboard_password"),
                                   QStringLiteral("serving_admin_username"),
                                   QStringLiteral("serving_admin_password"),
                                   QStringLiteral("notebook_hashed_password"),
                                   QStringLiteral("SERVING_TAG"),
                                   QStringLiteral("SSH_PORT")};
        QStringList script{QStringLiteral("set -eu; source \"$1/.env\"; source \"$1/parties.conf\"")};
        for (const QString &n : names)
            script << QStringLiteral("printf '%s\\n' \"$%1\"").arg(n);
        script << QStringLiteral("printf '%s\\n' \"${serving_ip_list[*]}\"");
        QProcess bash;
        bash.start(QStringLiteral("/usr/bin/env"),
                   {QStringLiteral("-i"),
                    QStringLiteral("bash"),
                    QStringLiteral("--noprofile"),
                    QStringLiteral("--norc"),
                    QStringLiteral("-c"),
                    script.join(QLatin1Char(';')),
                    QStringLiteral("bash"),
                    dir.path()});
        QVERIFY(bash.waitForFinished(10000));
        QVERIFY2(bash.exitCode() == 0, bash.readAllStandardError().constData());
        QStringList seen = QString::fromUtf8(bash.readAllStandardOutput()).split(QLatin1Char('\n'));
        seen.removeLast();
        const QMap<QString, QString> theirs = valuesOf(base);
        QStringList expected;
        for (const QString &n : names)
            expected << theirs.value(theirs.contains(n) ? n : QStringLiteral(".env:") + n);
        expected << theirs.value(QStringLiteral("serving_ip_list"));
        QCOMPARE(seen, expected);
        QVERIFY(seen.contains(QStringLiteral("fixture pass $1")));
    }

    void updateRefusesWhatItCannotRewriteAlone()
    {
        QList<KubefateFile> base = fixtureFiles();
        base[0].content.replace("computing=Spark\n", "computing=Spark; federation=Pulsar\n");
        KubefateImporter importer;
        Result<Project> p
            = importer.importData(base.at(0).content, base.at(0).name, base.at(1).content, base.at(1).name);
        QVERIFY2(p.ok(), qPrintable(p.error()));
        p->engine.computing = QStringLiteral("Spark_local");
        p->engine.storage = QStringLiteral("LocalFS");
        KubefateExporter exporter;
        const Result<QList<KubefateFile>> out = exporter.renderOnto(p.value(), KubefateFormat::PartiesConf, base);
        QVERIFY(!out.ok());
        QVERIFY2(out.error().startsWith(QLatin1String("parties.conf:12: computing shares its line")),
                 qPrintable(out.error()));
    }

    void updateRefusesFilesOfAnotherRelease()
    {
        // A v1.4 parties.conf in the folder: updating it with v1.11 names would leave a mix behind.
        const QList<KubefateFile> base
            = {{QStringLiteral("parties.conf"),
                "user=fate\ndir=/data/projects/fate\npartylist=(10000 9999)\npartyiplist=(10.7.0.1 10.7.0.2)\n"
                "servingiplist=(10.7.0.1 10.7.0.2)\nexchangeip=\n"},
               {QStringLiteral(".env"), "RegistryURI=\nTAG=1.4.5-release\nSERVING_TAG=2.0.0-release\n"}};
        KubefateImporter importer;
        const Result<Project> p = importer.importFiles(fixtureDir + QStringLiteral("/parties.conf"));
        QVERIFY2(p.ok(), qPrintable(p.error()));
        KubefateExporter exporter;
        const Result<QList<KubefateFile>> out = exporter.renderOnto(p.value(), KubefateFormat::PartiesConf, base);
        QVERIFY(!out.ok());
        QVERIFY2(out.error().startsWith(QLatin1String("the files in the folder do not read back as the project")),
                 qPrintable(out.error()));
    }

    void writeUpdateThroughTheFolder()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        for (const KubefateFile &f : fixtureFiles()) {
            QFile out(dir.filePath(f.name));
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(f.content);
        }
        KubefateImporter importer;
        Result<Project> p = importer.importFiles(dir.filePath(QStringLiteral("parties.conf")));
        QVERIFY2(p.ok(), qPrintable(p.error()));
        p->exchange.host = QStringLiteral("10.7.0.10");
        KubefateExporter exporter;
        const Status written = exporter.write(
            p.value(), KubefateFormat::PartiesConf, dir.path(), false, nullptr, KubefateExporter::WriteMode::Update);
        QVERIFY2(written.ok(), qPrintable(written.error()));
        QCOMPARE(changedLines(fixtureFiles().at(0).content, readFile(dir.filePath(QStringLiteral("parties.conf")))),
                 QStringList{QStringLiteral("exchangeip=10.7.0.10")});
        QCOMPARE(readFile(dir.filePath(QStringLiteral(".env"))), fixtureFiles().at(1).content);
    }

    void upstreamExamplesRoundTrip_data()
    {
        QTest::addColumn<QString>("tag");
        QTest::addColumn<QString>("version");
        QTest::newRow("v1.11.2") << QStringLiteral("v1.11.2") << QStringLiteral("1.11.2");
        QTest::newRow("v2.0.0") << QStringLiteral("v2.0.0") << QStringLiteral("2.0.0");
    }

    void upstreamExamplesRoundTrip()
    {
        QFETCH(QString, tag);
        QFETCH(QString, version);
        const QString src = qEnvironmentVariable("FD_KUBEFATE_SRC");
        if (src.isEmpty())
            QSKIP("FD_KUBEFATE_SRC is not set: no KubeFATE repository to read the example parties.conf from");
        QString why;
        const std::optional<QList<KubefateFile>> base = upstreamFiles(src, tag, &why);
        QVERIFY2(base, qPrintable(why));
        KubefateImporter importer;
        const Result<Project> p
            = importer.importData(base->at(0).content, base->at(0).name, base->at(1).content, base->at(1).name);
        QVERIFY2(p.ok(), qPrintable(p.error()));
        QCOMPARE(p->templates.kubefateVersion, version);
        QCOMPARE(p->engine, engineDefaults(kubefateEra(version)));
        QCOMPARE(p->parties.size(), 2);
        QCOMPARE(p->parties.at(1).servingHost, p->parties.at(1).host);
        // Export onto KubeFATE's own files: byte for byte (the password lines are the file's own).
        KubefateExporter exporter;
        Result<QList<KubefateFile>> out = exporter.renderOnto(p.value(), KubefateFormat::PartiesConf, base.value());
        QVERIFY2(out.ok(), qPrintable(out.error()));
        QCOMPARE(out->at(0).content, base->at(0).content);
        QCOMPARE(out->at(1).content, base->at(1).content);
        // A fresh export in our layout carries the same value for every variable of KubeFATE's files.
        const ServiceSecrets secrets = importer.secrets();
        out = exporter.render(p.value(), KubefateFormat::PartiesConf, &secrets);
        QVERIFY2(out.ok(), qPrintable(out.error()));
        const QMap<QString, QString> ours = valuesOf(out.value());
        const QMap<QString, QString> theirs = valuesOf(base.value());
        QVERIFY2(!theirs.contains(QStringLiteral("error")), qPrintable(theirs.value(QStringLiteral("error"))));
        for (auto it = theirs.cbegin(); it != theirs.cend(); ++it)
            QVERIFY2(ours.value(it.key()) == it.value(),
                     qPrintable(QStringLiteral("%1: ours \"%2\", KubeFATE's \"%3\"")
                                    .arg(it.key(), ours.value(it.key()), it.value())));
    }
};

QTEST_GUILESS_MAIN(TestKubefateEras)
#include "tst_kubefateeras.moc"
