// SPDX-License-Identifier: Apache-2.0
// Deploys pulling from a real registry (Debian's docker-registry, distribution 2.8, started by
// `sandbox registry --big`): plain HTTP + htpasswd auth, TLS with the sandbox's test CA + auth, and an
// anonymous read-only one; then a 120 MB pull over a link limited with tc tbf, longer than the
// inactivity timeout, which passes because it makes progress. Through the fate-deployer-cli binary.
#include "clirun.h"
#include "registryvariants.h"
#include "sandboxids.h"
#include "sandboxproject.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace FateDeployer;
using namespace FateDeployer::Testing;

class TestRegistry : public QObject
{
    Q_OBJECT

    std::unique_ptr<SandboxFixture> m_sb;
    QTemporaryDir m_dir;
    QHash<QString, QString> m_reg; // FD_SB_REGISTRY_* of the instance

    QString writeProject(const QString &name,
                         const QString &uri,
                         const QString &prefix,
                         const QString &user,
                         const QStringList &dockerHubImages = {})
    {
        Project p = sandboxProject(*m_sb, name, {{10000, 1}, {9999, 2}}, 1);
        p.images.prefix = prefix;
        p.registry.usePrivate = true;
        p.registry.uri = uri;
        p.registry.username = user;
        p.registry.dockerHubImages = dockerHubImages;
        p.verification.timeoutSeconds = 120;
        return saveProject(p, m_dir.path());
    }

    CliRun run(const QStringList &args, const QByteArray &registryPassword = {})
    {
        CliOptions options;
        options.historyDir = m_dir.filePath(QStringLiteral("history"));
        options.unset = {QStringLiteral("FD_REGISTRY_PASSWORD")};
        if (!registryPassword.isEmpty())
            options.env.insert(QStringLiteral("FD_REGISTRY_PASSWORD"), QString::fromUtf8(registryPassword));
        options.timeoutMs = 1800000;
        return runCli(args + sandboxSshArgs(*m_sb), options);
    }

    QString onHost(int i, const QString &cmd) { return Testing::onHost(*m_sb, i, cmd); }

    /// Removes every image that came from the registry, so the next deploy must pull.
    void forgetRegistryImages()
    {
        const QString ip = m_reg.value(QStringLiteral("FD_SB_REGISTRY_HTTP")).section(QLatin1Char(':'), 0, 0);
        for (int host : {1, 2})
            m_sb->runOnHost(host,
                            QStringLiteral("docker ps -aq | xargs -r docker rm -f >/dev/null; "
                                           "docker images --format '{{.Repository}}:{{.Tag}}' | grep '^%1:' | "
                                           "xargs -r docker rmi -f >/dev/null; docker logout %1:5000 >/dev/null 2>&1; "
                                           "docker logout %1:5443 >/dev/null 2>&1; true")
                                .arg(ip));
    }

private slots:
    void initTestCase()
    {
        QString why;
        if (!SandboxFixture::canRun(&why))
            QSKIP(qPrintable(why));
        QVERIFY(m_dir.isValid());
        m_sb = std::make_unique<SandboxFixture>(
            SandboxFixture::instanceFromEnv("FD_SANDBOX_ID_REGISTRY", SandboxId::Registry));
        QString error;
        QVERIFY2(m_sb->start(2, &error), qPrintable(error));
        const auto reg = m_sb->runSandbox({QStringLiteral("registry"), QStringLiteral("--big")}, 1200000);
        QVERIFY2(reg.ok(), reg.err.constData());
        const auto env = m_sb->runSandbox({QStringLiteral("env")});
        static const QRegularExpression line(QStringLiteral("^export (FD_SB_REGISTRY_[A-Z_]+)='([^']*)'$"),
                                             QRegularExpression::MultilineOption);
        for (auto it = line.globalMatch(QString::fromUtf8(env.out)); it.hasNext();) {
            const auto m = it.next();
            m_reg.insert(m.captured(1), m.captured(2));
        }
        QVERIFY2(m_reg.contains(QStringLiteral("FD_SB_REGISTRY_TLS")), env.out.constData());
    }

    void cleanupTestCase()
    {
        if (m_sb)
            m_sb->stop();
    }

    void deployStatusVerifyFromEachRegistry_data() { Testing::addRegistryVariants(); }

    void deployStatusVerifyFromEachRegistry()
    {
        QFETCH(QString, variable);
        QFETCH(bool, auth);
        const QString uri = m_reg.value(variable);
        const QString user = auth ? m_reg.value(QStringLiteral("FD_SB_REGISTRY_USER")) : QString();
        const QByteArray password
            = auth ? m_reg.value(QStringLiteral("FD_SB_REGISTRY_PASSWORD")).toUtf8() : QByteArray();
        forgetRegistryImages();
        const QString project
            = writeProject(QStringLiteral("reg-%1").arg(QString::fromLatin1(QTest::currentDataTag()).remove(u'+')),
                           uri,
                           QStringLiteral("fate"),
                           user);
        CliRun r = run({QStringLiteral("preflight"), project});
        const QString scheme = variable.endsWith(u"TLS") ? QStringLiteral("HTTPS") : QStringLiteral("HTTP");
        QVERIFY2(r.out.contains(QStringLiteral("registry %1 answers over %2").arg(uri, scheme)), qPrintable(r.all()));
        if (auth) {
            // Preflight checks the credentials too, and says that it was they (not the address) that failed.
            QVERIFY2(r.out.contains(QStringLiteral("no password is stored for registry user %1 and this host is not "
                                                   "logged in")
                                        .arg(user)),
                     qPrintable(r.out));
            r = run({QStringLiteral("preflight"), project}, "wrong-password");
            QVERIFY2(r.out.contains(QStringLiteral("rejects the credentials of user %1").arg(user)), qPrintable(r.out));
            QVERIFY2(r.exitCode != 0, qPrintable(r.out));
            r = run({QStringLiteral("preflight"), project}, password);
            QVERIFY2(r.out.contains(QStringLiteral("the registry accepts the credentials of user %1").arg(user)),
                     qPrintable(r.out));
        } else {
            QVERIFY2(r.out.contains(QStringLiteral("anonymous pulls allowed")), qPrintable(r.out));
            // An anonymous project against a registry that wants a login: preflight says so.
            const QString strict = writeProject(QStringLiteral("anon-on-auth"),
                                                m_reg.value(QStringLiteral("FD_SB_REGISTRY_HTTP")),
                                                QStringLiteral("fate"),
                                                {});
            r = run({QStringLiteral("preflight"), strict});
            QVERIFY2(r.out.contains(QStringLiteral("asks for a login and the project names no registry user")),
                     qPrintable(r.out));
        }
        if (auth) {
            // The registry really asks for the password: without it the deploy stops at the login.
            r = run({QStringLiteral("deploy"), project, QStringLiteral("--pull")});
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.out.contains(QStringLiteral("no password stored")), qPrintable(r.all()));
        }
        r = run({QStringLiteral("deploy"), project, QStringLiteral("--pull")}, password);
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        QVERIFY2(r.out.contains(auth ? QStringLiteral("logged in to %1").arg(uri)
                                     : QStringLiteral("anonymous pulls from %1").arg(uri)),
                 qPrintable(r.out));
        for (int host : {1, 2})
            QCOMPARE(onHost(host,
                            QStringLiteral("docker ps --format '{{.Image}}' | grep -c '^%1/fate/python:1.1-release$'")
                                .arg(uri)),
                     QStringLiteral("1"));
        // Issue 18: the login of the run went to a private DOCKER_CONFIG folder that is gone now; no host keeps
        // base64(user:password) in ~/.docker/config.json or anywhere else we put it.
        if (auth) {
            for (int host : {1, 2}) {
                const QString stored
                    = onHost(host,
                             QStringLiteral("cat \"$HOME/.docker/config.json\" 2>/dev/null; "
                                            "ls -d \"${TMPDIR:-/tmp}\"/fd-docker-config-* 2>/dev/null"));
                QVERIFY2(!stored.contains(uri), qPrintable(stored));
                QVERIFY2(!stored.contains(QLatin1String("\"auth\"")), qPrintable(stored));
                QVERIFY2(!stored.contains(QLatin1String("fd-docker-config-")), qPrintable(stored));
            }
        }
        r = run({QStringLiteral("status"), project});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        r = run({QStringLiteral("verify"), project});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        r = run({QStringLiteral("teardown"),
                 project,
                 QStringLiteral("--level"),
                 QStringLiteral("remove"),
                 QStringLiteral("--yes")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
    }

    void hostAlreadyLoggedInIsNotAskedAgain()
    {
        // The admin ran docker login on the hosts; the project names the user but no password is stored.
        forgetRegistryImages();
        const QString uri = m_reg.value(QStringLiteral("FD_SB_REGISTRY_TLS"));
        const QString user = m_reg.value(QStringLiteral("FD_SB_REGISTRY_USER"));
        for (int host : {1, 2})
            QVERIFY(m_sb->runOnHost(host,
                                    QStringLiteral("printf '%s' '%1' | docker login -u '%2' --password-stdin '%3'")
                                        .arg(m_reg.value(QStringLiteral("FD_SB_REGISTRY_PASSWORD")), user, uri))
                        .ok());
        const QString project = writeProject(QStringLiteral("logged-in"), uri, QStringLiteral("fate"), user);
        CliRun r = run({QStringLiteral("preflight"), project});
        QVERIFY2(r.out.contains(QStringLiteral("this host is already logged in and the registry accepts that login")),
                 qPrintable(r.out));
        r = run({QStringLiteral("deploy"), project, QStringLiteral("--pull")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        QVERIFY2(r.out.contains(QStringLiteral("already logged in to %1 on this host").arg(uri)), qPrintable(r.out));
        QVERIFY(!r.out.contains(QStringLiteral("logged in to %1 as").arg(uri)));
        r = run({QStringLiteral("teardown"),
                 project,
                 QStringLiteral("--level"),
                 QStringLiteral("remove"),
                 QStringLiteral("--yes")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        forgetRegistryImages(); // also logs out
    }

    void thirdPartyImagesFromDockerHub()
    {
        // A registry that mirrors only FATE's images: mysql and redis keep their Docker Hub names (the
        // sandbox hosts hold them as mysql:8 and redis:5, as a site that pulled them once would).
        forgetRegistryImages();
        const QString uri = m_reg.value(QStringLiteral("FD_SB_REGISTRY_ANON"));
        const QString project = writeProject(
            QStringLiteral("hub"), uri, QStringLiteral("fate"), {}, {QStringLiteral("mysql"), QStringLiteral("redis")});
        CliRun r = run({QStringLiteral("deploy"), project, QStringLiteral("--party"), QStringLiteral("9999")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        const QString images = onHost(2, QStringLiteral("docker ps --format '{{.Image}}' | sort -u"));
        QVERIFY2(images.split(u'\n').contains(QStringLiteral("mysql:8")), qPrintable(images));
        QVERIFY2(images.split(u'\n').contains(QStringLiteral("redis:5")), qPrintable(images));
        QVERIFY2(images.contains(QStringLiteral("%1/fate/python:1.1-release").arg(uri)), qPrintable(images));
        r = run({QStringLiteral("teardown"),
                 project,
                 QStringLiteral("--party"),
                 QStringLiteral("9999"),
                 QStringLiteral("--level"),
                 QStringLiteral("remove"),
                 QStringLiteral("--yes")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
    }

    void slowPullWithProgressOutlastsTheInactivityTimeout()
    {
        // 120 MB of random bytes at 20 Mbit/s take 48 s or more; the inactivity timeout is 25 s. The pull
        // passes because Docker's byte counters keep arriving; they show as progress.
        forgetRegistryImages();
        const QString project = writeProject(
            QStringLiteral("big"), m_reg.value(QStringLiteral("FD_SB_REGISTRY_ANON")), QStringLiteral("big"), {});
        QVERIFY(m_sb->runSandbox({QStringLiteral("shape"), QStringLiteral("2"), QStringLiteral("20mbit")}).ok());
        QElapsedTimer t;
        t.start();
        CliRun r = run({QStringLiteral("deploy"),
                        project,
                        QStringLiteral("--party"),
                        QStringLiteral("9999"),
                        QStringLiteral("--pull"),
                        QStringLiteral("--inactivity-timeout"),
                        QStringLiteral("25")});
        const qint64 took = t.elapsed();
        m_sb->runSandbox({QStringLiteral("unshape"), QStringLiteral("2")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        QVERIFY2(took > 30000, qPrintable(QString::number(took)));
        static const QRegularExpression progress(
            QStringLiteral("party-9999: Pull images: image \\d+ of 9 \\(\\S+/big/python:1.1-release\\): "
                           "\\d+ of \\d+ layers, [0-9.]+ [kM]?B of 12[0-9.]+ MB"));
        QVERIFY2(progress.match(r.out).hasMatch(), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("Pull images: ok")), qPrintable(r.out));
        QCOMPARE(onHost(2, QStringLiteral("docker ps --format '{{.Image}}' | grep -c '/big/python:1.1-release$'")),
                 QStringLiteral("1"));
        r = run({QStringLiteral("teardown"),
                 project,
                 QStringLiteral("--level"),
                 QStringLiteral("remove"),
                 QStringLiteral("--yes")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
    }
};

QTEST_GUILESS_MAIN(TestRegistry)
#include "tst_registry.moc"
