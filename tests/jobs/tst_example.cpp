// SPDX-License-Identifier: Apache-2.0
// The bundled example (resources/examples/two-party.fdproj), as a new user meets it: offline without
// templates it validates with a clear problem and its fix; a URL template source is downloaded when
// render needs it (from a loopback HTTP server of this test, never the internet) and its sha256 is
// recorded and shown; pointed at a template tree it deploys to the sandbox.
#include "clirun.h"
#include "model/project.h"
#include "model/projectfile.h"
#include "sandboxfixture.h"
#include "sandboxids.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace FateDeployer;
using namespace FateDeployer::Testing;

namespace {

QString example()
{
    return QStringLiteral(FD_SOURCE_DIR "/resources/examples/two-party.fdproj");
}

} // namespace

class TestExample : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_cache; // FD_TEMPLATE_CACHE: starts empty, so nothing is "downloaded" before

    /// Runs the CLI while this thread's event loop keeps serving (the loopback HTTP server lives here).
    CliRun run(const QStringList &args, int timeoutMs = 1200000)
    {
        CliOptions options;
        options.historyDir = m_dir.filePath(QStringLiteral("history"));
        options.env.insert(QStringLiteral("FD_TEMPLATE_CACHE"), m_cache);
        // Loopback only: no proxy may take the request elsewhere.
        options.unset = {QStringLiteral("http_proxy"),
                         QStringLiteral("https_proxy"),
                         QStringLiteral("HTTP_PROXY"),
                         QStringLiteral("HTTPS_PROXY"),
                         QStringLiteral("all_proxy"),
                         QStringLiteral("ALL_PROXY")};
        options.timeoutMs = timeoutMs;
        options.keepEventLoopRunning = true;
        return runCli(args, options);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_cache = m_dir.filePath(QStringLiteral("template-cache"));
    }

    void offlineWithoutTemplatesSaysWhatToChoose()
    {
        // As shipped: KubeFATE's own 1.1.0 download, not in the (empty) cache. validate reads no network.
        CliRun r = run({QStringLiteral("validate"), example()});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("the KubeFATE 1.1.0 templates are not downloaded yet"))
                     && r.out.contains(QStringLiteral("offline, choose a KubeFATE folder or release archive instead"))
                     && r.out.contains(QStringLiteral("github.com/FederatedAI/KubeFATE")),
                 qPrintable(r.all()));
        // A folder source left empty: a problem with its fix, not a silent pass and a failing deploy.
        Result<Project> p = ProjectFile::load(example());
        QVERIFY(p.ok());
        p->templates.kind = TemplateSource::Kind::Folder;
        p->templates.location.clear();
        const QString path = m_dir.filePath(QStringLiteral("empty-folder.fdproj"));
        QVERIFY(ProjectFile::save(p.value(), path).ok());
        r = run({QStringLiteral("validate"), path});
        QVERIFY2(r.out.contains(QStringLiteral("templates.location: no KubeFATE templates chosen: choose a KubeFATE "
                                               "folder or release archive, or download tag 1.1.0")),
                 qPrintable(r.all()));
    }

    void urlSourceIsDownloadedWhenRenderNeedsIt()
    {
        // The test's template tree as a GitHub-style tag archive, served on loopback.
        const QString archive = m_dir.filePath(QStringLiteral("1.1.0.tar.gz"));
        QProcess tar;
        tar.start(QStringLiteral("tar"),
                  {QStringLiteral("-czf"),
                   archive,
                   QStringLiteral("-C"),
                   QStringLiteral(FD_TEST_DATA),
                   QStringLiteral("kubefate-1.1.0")});
        QVERIFY(tar.waitForFinished(60000) && tar.exitCode() == 0);
        QFile f(archive);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray body = f.readAll();
        const QString sha = QString::fromLatin1(QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex());
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        int requests = 0;
        connect(&server, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket *s = server.nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, s, [s, &body, &requests] {
                    if (!s->readAll().contains("\r\n\r\n"))
                        return; // the request is one small packet in practice; wait for its end
                    ++requests;
                    s->write("HTTP/1.0 200 OK\r\nContent-Type: application/gzip\r\nContent-Length: "
                             + QByteArray::number(body.size()) + "\r\n\r\n" + body);
                    s->disconnectFromHost();
                });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
        Result<Project> p = ProjectFile::load(example());
        QVERIFY(p.ok());
        const QString url = QStringLiteral("http://127.0.0.1:%1/1.1.0.tar.gz").arg(server.serverPort());
        p->templates.location = url;
        const QString path = m_dir.filePath(QStringLiteral("url.fdproj"));
        QVERIFY(ProjectFile::save(p.value(), path).ok());

        CliRun r
            = run({QStringLiteral("render"), path, QStringLiteral("--out"), m_dir.filePath(QStringLiteral("out"))});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        QCOMPARE(requests, 1);
        QVERIFY2(r.err.contains(QStringLiteral("downloading %1").arg(url)), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("sha256 %1 recorded").arg(sha)), qPrintable(r.err));
        QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("out/confs-10000/docker-compose.yml"))));
        // Shown again later, and not downloaded twice.
        r = run({QStringLiteral("validate"), path});
        QVERIFY2(r.out.contains(QStringLiteral("templates: %1, sha256 %2 (downloaded)").arg(url, sha)),
                 qPrintable(r.all()));
        r = run({QStringLiteral("render"), path, QStringLiteral("--out"), m_dir.filePath(QStringLiteral("out2"))});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(requests, 1);
    }

    void deploysToTheSandboxFromATree()
    {
        QString why;
        if (!SandboxFixture::canRun(&why))
            QSKIP(qPrintable(why));
        SandboxFixture sb(SandboxId::Example);
        QString error;
        QVERIFY2(sb.start(2, &error), qPrintable(error));
        // The example as shipped, only its hosts and keys changed and its templates pointed at a tree.
        Result<Project> p = ProjectFile::load(example());
        QVERIFY(p.ok());
        p->templates.kind = TemplateSource::Kind::Folder;
        p->templates.location = QStringLiteral(FD_TEST_DATA "/kubefate-1.1.0");
        p->parties[0].host = sb.hostIp(1);
        p->parties[1].host = sb.hostIp(2);
        for (Party &party : p->parties)
            party.ssh.identityFile = sb.clientKeyPath();
        p->exchange.host = sb.hostIp(1);
        p->exchange.ssh.identityFile = sb.clientKeyPath();
        const QString path = m_dir.filePath(QStringLiteral("tree.fdproj"));
        QVERIFY(ProjectFile::save(p.value(), path).ok());
        const QStringList ssh{QStringLiteral("--known-hosts"),
                              sb.knownHostsPath(),
                              QStringLiteral("--ssh-config"),
                              QStringLiteral("none")};
        CliRun r = run(QStringList{QStringLiteral("validate"), path});
        QVERIFY2(r.exitCode == 0 && !r.all().contains(QStringLiteral("templates.location")), qPrintable(r.all()));
        r = run(QStringList{QStringLiteral("deploy"), path} + ssh);
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        r = run(QStringList{QStringLiteral("verify"), path} + ssh);
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        r = run(QStringList{QStringLiteral("teardown"),
                            path,
                            QStringLiteral("--level"),
                            QStringLiteral("remove"),
                            QStringLiteral("--yes")}
                + ssh);
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
    }
};

QTEST_GUILESS_MAIN(TestExample)
#include "tst_example.moc"
