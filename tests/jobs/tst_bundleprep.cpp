// SPDX-License-Identifier: Apache-2.0
// BundlePrep for a v1.11 deploy (no hosts): the services' passwords reach the jobs in memory only; the render,
// its cache and the archives on disk carry markers; every bundle of a host gets its facts and archive.
#include "jobs/bundleprep.h"
#include "model/project.h"
#include "secretscan.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace FateDeployer;
using FateDeployer::Testing::filesUnder;

namespace {

const QString MysqlPassword = QStringLiteral("db-pw-3e1f77");
const QString BoardPassword = QStringLiteral("board-pw-9a0c12");
const QString AdminPassword = QStringLiteral("admin-pw-55b7d4");

Project project111()
{
    Project p = Project::example();
    p.setKubefateVersion(QStringLiteral("1.11.2"));
    p.templates.kind = TemplateSource::Kind::Folder;
    p.templates.location = QStringLiteral(FD_TEST_DATA "/kubefate-1.11.2");
    p.images.tag = QStringLiteral("1.11.2-release");
    p.parties.clear();
    for (int i = 0; i < 2; ++i) {
        Party party;
        party.id = i == 0 ? 10000 : 9999;
        party.host = QStringLiteral("10.0.0.%1").arg(i + 1);
        p.parties.append(party);
    }
    p.parties[0].servingHost = p.parties[0].host;
    p.exchange.enabled = true;
    p.exchange.host = QStringLiteral("10.0.0.3");
    return p;
}

ServiceSecrets secrets()
{
    ServiceSecrets s;
    s.mysqlPassword = MysqlPassword;
    s.fateboardPassword = BoardPassword;
    s.servingAdminPassword = AdminPassword;
    return s;
}

} // namespace

class TestBundlePrep : public QObject
{
    Q_OBJECT

    QTemporaryDir m_cache;

private slots:
    void initTestCase()
    {
        QVERIFY(m_cache.isValid());
        qputenv("XDG_CACHE_HOME", QFile::encodeName(m_cache.path())); // the bundle cache lives here
    }

    void passwordsStayInMemory()
    {
        const Project p = project111();
        RunSettings settings;
        settings.operation = Operation::Deploy;
        Plan plan = PlanBuilder::build(p, {}, settings);
        QCOMPARE(plan.jobs.size(), 3);
        // Party 10000's serving bundle goes with its training bundle; the exchange has the era's name.
        QCOMPARE(plan.jobs.at(0).moreBundles.size(), 1);
        QCOMPARE(plan.jobs.at(0).moreBundles.first().name, QStringLiteral("serving-10000"));
        QVERIFY(plan.jobs.at(1).moreBundles.isEmpty());
        QCOMPARE(plan.jobs.at(2).bundle.name, QStringLiteral("confs-exchange"));

        QTemporaryDir out;
        RenderOutput rendered;
        const Status s = BundlePrep::prepare(p, QString(), out.path(), plan, &rendered, {}, nullptr, secrets());
        QVERIFY2(s, qPrintable(s.error()));

        // On disk (archives, bundle cache) and in the kept render: markers, no password.
        QHash<QString, QByteArray> disk = filesUnder(out.path());
        disk.insert(filesUnder(m_cache.path()));
        QVERIFY(disk.size() >= 4);
        bool marker = false;
        for (auto it = disk.cbegin(); it != disk.cend(); ++it) {
            for (const QString &secret : {MysqlPassword, BoardPassword, AdminPassword})
                QVERIFY2(!it.value().contains(secret.toUtf8()), qPrintable(it.key() + QStringLiteral(": ") + secret));
            marker = marker || it.value().contains("@@fd-secret:mysql_password@@");
        }
        QVERIFY(marker);
        for (const Bundle &b : std::as_const(rendered.bundles))
            for (const BundleFile &f : b.files)
                QVERIFY2(!f.content.contains(MysqlPassword.toUtf8()), qPrintable(f.path));

        // In memory: the files that carry them, filled, per bundle.
        const HostJob &party = plan.jobs.at(0);
        QVERIFY(QFile::exists(party.bundle.archivePath));
        QVERIFY(QFile::exists(party.moreBundles.first().archivePath));
        QStringList paths;
        for (const BundleFile &f : party.bundle.secretFiles) {
            paths.append(f.path);
            QVERIFY2(!f.content.contains("@@fd-secret"), qPrintable(f.path));
        }
        QVERIFY2(paths.contains(QStringLiteral("confs/fate_flow/conf/service_conf.yaml")),
                 qPrintable(paths.join(QLatin1Char(' '))));
        const BundleFile *serviceConf = nullptr;
        for (const BundleFile &f : party.bundle.secretFiles)
            if (f.path == QLatin1String("confs/fate_flow/conf/service_conf.yaml"))
                serviceConf = &f;
        QVERIFY(serviceConf->content.contains(MysqlPassword.toUtf8()));
        bool admin = false;
        for (const BundleFile &f : party.moreBundles.first().secretFiles)
            admin = admin || f.content.contains(AdminPassword.toUtf8());
        QVERIFY(admin);
        QVERIFY(plan.jobs.at(2).bundle.secretFiles.isEmpty()); // the exchange has no password
        // Facts of both bundles; the training bundle renews the volumes docker_deploy.sh means to.
        QVERIFY(party.bundle.services.contains(QStringLiteral("fateflow")));
        QVERIFY(party.moreBundles.first().ports.contains(8350));
        QCOMPARE(party.bundle.volumesToRemove,
                 QStringList({QStringLiteral("confs-10000_shared_dir_examples"),
                              QStringLiteral("confs-10000_shared_dir_federatedml"),
                              QStringLiteral("confs-10000_download_dir"),
                              QStringLiteral("confs-10000_fate_flow_logs")}));
        QVERIFY(party.moreBundles.first().volumesToRemove.isEmpty());
    }

    void missingPasswordRefused()
    {
        const Project p = project111();
        RunSettings settings;
        settings.operation = Operation::Deploy;
        Plan plan = PlanBuilder::build(p, {}, settings);
        ServiceSecrets partial = secrets();
        partial.fateboardPassword.clear();
        QTemporaryDir out;
        const Status s = BundlePrep::prepare(p, QString(), out.path(), plan, nullptr, {}, nullptr, partial);
        QVERIFY(!s);
        QVERIFY2(s.error().contains(QStringLiteral("fateboard_password")), qPrintable(s.error()));
    }

    void servingOnAnotherHostRefused()
    {
        Project p = project111();
        p.parties[0].servingHost = QStringLiteral("10.0.0.9");
        RunSettings settings;
        settings.operation = Operation::Deploy;
        Plan plan = PlanBuilder::build(p, {}, settings);
        QVERIFY(plan.jobs.at(0).moreBundles.isEmpty());
        QTemporaryDir out;
        const Status s = BundlePrep::prepare(p, QString(), out.path(), plan, nullptr, {}, nullptr, secrets());
        QVERIFY(!s);
        QVERIFY2(s.error().contains(QStringLiteral("serving host")), qPrintable(s.error()));
    }

    // v2.0: an exchange the project still enables gets no job (its era renders none, so nothing could be
    // deployed there) and no verify probe; the training bundle renews v2.0's volume names.
    void v20HasNoExchangeJobAndRenewsItsVolumes()
    {
        Project p = project111();
        p.setKubefateVersion(QStringLiteral("2.0.0"));
        p.templates.location = QStringLiteral(FD_TEST_DATA "/kubefate-2.0.0");
        p.images.tag = QStringLiteral("2.0.0-release");
        p.parties[0].servingHost.clear();
        QCOMPARE(p.engine.federation, QStringLiteral("OSX"));
        QVERIFY(p.exchange.enabled);
        RunSettings settings;
        settings.operation = Operation::Deploy;
        Plan plan = PlanBuilder::build(p, {}, settings);
        QCOMPARE(plan.jobs.size(), 2);
        QCOMPARE(plan.jobs.at(0).target.key, QStringLiteral("party-10000"));
        QCOMPARE(plan.jobs.at(1).target.key, QStringLiteral("party-9999"));
        QVERIFY(plan.settings.exchangeAddress.isEmpty());
        settings.operation = Operation::Verify;
        QVERIFY(PlanBuilder::build(p, {}, settings).settings.exchangeAddress.isEmpty());

        QTemporaryDir out;
        const Status s = BundlePrep::prepare(p, QString(), out.path(), plan, nullptr, {}, nullptr, secrets());
        QVERIFY2(s, qPrintable(s.error()));
        QCOMPARE(plan.jobs.at(1).bundle.volumesToRemove,
                 QStringList({QStringLiteral("confs-9999_shared_dir_examples"),
                              QStringLiteral("confs-9999_shared_dir_fate"),
                              QStringLiteral("confs-9999_download_dir"),
                              QStringLiteral("confs-9999_fate_flow_logs")}));
        QVERIFY(plan.jobs.at(1).bundle.services.contains(QStringLiteral("osx")));
        QVERIFY(plan.jobs.at(1).bundle.ports.contains(9370));

        // v1.11 with a broker federation renders no exchange either: no job for it.
        Project spark = project111();
        spark.parties[0].servingHost.clear();
        spark.engine.computing = QStringLiteral("Spark");
        spark.engine.federation = QStringLiteral("RabbitMQ");
        spark.engine.storage = QStringLiteral("HDFS");
        settings.operation = Operation::Deploy;
        QCOMPARE(PlanBuilder::build(spark, {}, settings).jobs.size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestBundlePrep)
#include "tst_bundleprep.moc"
