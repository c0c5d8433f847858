// SPDX-License-Identifier: Apache-2.0
#include "clirun.h"
#include "engineproject.h"
#include "sandboxproject.h"

#include "model/projectfile.h"

#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace FateDeployer;
using namespace FateDeployer::Testing;

// The real CLI under a Chinese locale prints its reports in Chinese: the texts asked for with one context
// and filed by lupdate under another (issue 12 item 8) came out in English. Each check names a text that
// did; the same command under C prints the English source, so the Chinese comes from the catalogue.
class TestCliChinese : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_port = -1; ///< the closed SSH port of the last loopbackProject()

    CliRun run(const QStringList &args, bool chinese = true)
    {
        CliOptions o;
        const QString locale = chinese ? QStringLiteral("zh_CN.UTF-8") : QStringLiteral("C.UTF-8");
        o.env = {{QStringLiteral("LC_ALL"), locale},
                 {QStringLiteral("LANG"), locale},
                 {QStringLiteral("LANGUAGE"), chinese ? QStringLiteral("zh_CN") : QStringLiteral("C")},
                 {QStringLiteral("HOME"), m_dir.path()},
                 {QStringLiteral("XDG_CACHE_HOME"), m_dir.filePath(QStringLiteral("cache"))},
                 {QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data"))}};
        o.historyDir = m_dir.filePath(QStringLiteral("history"));
        o.timeoutMs = 120000;
        return runCli(args, o);
    }

    /// A port on 127.0.0.1 that nobody listens on (bound, then released).
    static int closedLoopbackPort()
    {
        QTcpServer server;
        if (!server.listen(QHostAddress::LocalHost, 0))
            return -1;
        const int port = server.serverPort();
        server.close();
        return port;
    }

    /// Two parties and an exchange on 127.0.0.1, SSH on a closed port; local KubeFATE 1.1.0 templates.
    QString loopbackProject(const QString &name)
    {
        Project p = fakeHostsProject(2, name);
        const int port = closedLoopbackPort();
        m_port = port;
        for (Party &party : p.parties) {
            party.host = QStringLiteral("127.0.0.1");
            party.ssh.port = port;
        }
        p.exchange.host = QStringLiteral("127.0.0.1");
        p.exchange.ssh.port = port;
        QDir(m_dir.path()).mkpath(name);
        return saveProject(p, m_dir.filePath(name));
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void renderHelp()
    {
        const CliRun zh = run({QStringLiteral("render"), QStringLiteral("--help")});
        QVERIFY2(zh.exitCode == 0, qPrintable(zh.all()));
        QVERIFY2(zh.out.contains(QStringLiteral("渲染项目的部署包（confs-<id>/ 和 exchange/）。")), qPrintable(zh.out));
        QVERIFY2(zh.out.contains(QStringLiteral("同时写出 DIR/<bundle>.tar.gz")), qPrintable(zh.out));
        const CliRun en = run({QStringLiteral("render"), QStringLiteral("--help")}, false);
        QVERIFY2(en.out.contains(QLatin1String("also write DIR/<bundle>.tar.gz")), qPrintable(en.out));
    }

    void preflightReportsConnectionRefused()
    {
        // Loopback only: SSH to a port of 127.0.0.1 that nobody listens on is refused at once.
        const QString project = loopbackProject(QStringLiteral("refused"));
        const QString knownHosts = m_dir.filePath(QStringLiteral("known_hosts"));
        const QStringList args = {QStringLiteral("preflight"),
                                  project,
                                  QStringLiteral("--no-keychain"),
                                  QStringLiteral("--no-history"),
                                  QStringLiteral("--ssh-config"),
                                  QStringLiteral("none"),
                                  QStringLiteral("--known-hosts"),
                                  knownHosts};
        const CliRun zh = run(args);
        QVERIFY2(zh.exitCode != 0, qPrintable(zh.all()));
        // SshSession's error, and preflight's report from the CLI's free functions (FateDeployer::Cli at run
        // time on main, "FateDeployer" in the catalogue).
        QVERIFY2(zh.all().contains(QStringLiteral("127.0.0.1:%1 拒绝了 SSH 连接（").arg(m_port)), qPrintable(zh.all()));
        QVERIFY2(zh.all().contains(QStringLiteral("部署前检查：项目“refused”，3 台主机")), qPrintable(zh.all()));
        QVERIFY2(zh.all().contains(QStringLiteral("[失败] 连接")), qPrintable(zh.all()));
        QVERIFY2(!zh.all().contains(QLatin1String("refused the SSH connection")), qPrintable(zh.all()));
        const CliRun en = run(args, false);
        QVERIFY2(en.all().contains(QLatin1String("refused the SSH connection (")), qPrintable(en.all()));
    }

    void planReport()
    {
        const QString project = loopbackProject(QStringLiteral("plan"));
        const CliRun zh = run({QStringLiteral("plan"), project});
        QVERIFY2(zh.exitCode == 0, qPrintable(zh.all()));
        QVERIFY2(zh.out.contains(QStringLiteral("本部署机尚未部署过此项目：所有主机均为新增。")), qPrintable(zh.out));
        const CliRun help = run({QStringLiteral("plan"), QStringLiteral("--help")});
        QVERIFY2(help.out.contains(QStringLiteral("输出每个变更文件的统一格式差异（unified diff）")),
                 qPrintable(help.out));
        QVERIFY2(help.out.contains(QStringLiteral(".fdproj 项目文件")), qPrintable(help.out));
    }

    void federationDiff()
    {
        const QString a = loopbackProject(QStringLiteral("fed-a"));
        const QString fed = m_dir.filePath(QStringLiteral("federation.json"));
        CliRun r = run({QStringLiteral("federation"), QStringLiteral("export"), a, QStringLiteral("-o"), fed});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        // Team B's copy uses another image tag: the diff names the change in Chinese.
        Project b = ProjectFile::load(a).value();
        b.images.tag = QStringLiteral("9.9.9-release");
        QDir(m_dir.path()).mkpath(QStringLiteral("fed-b"));
        const QString bPath = saveProject(b, m_dir.filePath(QStringLiteral("fed-b")));
        r = run({QStringLiteral("federation"), QStringLiteral("diff"), bPath, fed});
        QVERIFY2(r.all().contains(QStringLiteral("镜像标签")), qPrintable(r.all()));
        QVERIFY2(!r.all().contains(QLatin1String("image tag")), qPrintable(r.all()));
        const CliRun usage = run({QStringLiteral("federation"), QStringLiteral("diff")});
        QVERIFY2(usage.all().contains(QStringLiteral("用法：fate-deployer-cli federation diff PROJECT FILE")),
                 qPrintable(usage.all()));
    }
};

QTEST_GUILESS_MAIN(TestCliChinese)
#include "tst_cli_zh.moc"
