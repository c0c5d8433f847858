// SPDX-License-Identifier: Apache-2.0
// The window and a URL template source that is not downloaded yet: the Images page offers the
// download instead of listing images (then lists them per host, with the recorded sha256), and a run
// that needs the templates downloads them first as a row with progress, then starts. Served by a
// QTcpServer on loopback from a tar.gz built here; the hosts are loopback addresses on a closed port.
#include "gui/deploymonitor.h"
#include "gui/enginebackend.h"
#include "gui/imagespage.h"
#include "gui/projectdocument.h"
#include "guitest.h"
#include "model/projectfile.h"
#include "settings/secretstore.h"

#include <QAction>
#include <QCryptographicHash>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTreeWidget>

using namespace FateDeployer;
using namespace FateDeployer::Testing;

class TestGuiTemplates : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QTcpServer m_server;
    QByteArray m_body;
    QString m_sha;
    int m_requests = 0;
    bool m_stall = false; ///< send the headers and half the body, then nothing
    WindowFixture f;
    EngineBackend *m_backend = nullptr;

    QString url(const QString &path) const
    {
        return QStringLiteral("http://127.0.0.1:%1/%2").arg(m_server.serverPort()).arg(path);
    }

    QString openProject(const QString &templateUrl)
    {
        Project p = Project::example();
        p.templates.kind = TemplateSource::Kind::Url;
        p.templates.location = templateUrl;
        // Loopback hosts on a closed port: the run after the download fails at connect, at once.
        p.sshPort = 1;
        p.parties[0].host = QStringLiteral("127.0.0.2");
        p.parties[1].host = QStringLiteral("127.0.0.3");
        p.exchange.host = QStringLiteral("127.0.0.2");
        const QString path = m_dir.filePath(QStringLiteral("url-%1.fdproj").arg(m_requests));
        if (!ProjectFile::save(p, path).ok() || !f.window->openProject(path))
            return {};
        return path;
    }

    const HostRun *row(const QString &host) const
    {
        for (const HostRun &r : f.window->monitor()->hosts()->runs())
            if (r.host == host)
                return &r;
        return nullptr;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("FD_TEMPLATE_CACHE", m_dir.filePath(QStringLiteral("cache")).toUtf8());
        qputenv("FD_HISTORY_DIR", m_dir.filePath(QStringLiteral("history")).toUtf8());
        const QString archive = m_dir.filePath(QStringLiteral("1.1.0.tar.gz"));
        QProcess tar;
        tar.start(QStringLiteral("tar"),
                  {QStringLiteral("-czf"),
                   archive,
                   QStringLiteral("-C"),
                   QStringLiteral(FD_TEST_DATA),
                   QStringLiteral("kubefate-1.1.0")});
        QVERIFY(tar.waitForFinished(60000) && tar.exitCode() == 0);
        QFile file(archive);
        QVERIFY(file.open(QIODevice::ReadOnly));
        m_body = file.readAll();
        m_sha = QString::fromLatin1(QCryptographicHash::hash(m_body, QCryptographicHash::Sha256).toHex());
        QVERIFY(m_server.listen(QHostAddress::LocalHost, 0));
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, s, [this, s] {
                    if (!s->readAll().contains("\r\n\r\n"))
                        return;
                    ++m_requests;
                    const QByteArray head = "HTTP/1.0 200 OK\r\nContent-Type: application/gzip\r\nContent-Length: "
                                            + QByteArray::number(m_body.size()) + "\r\n\r\n";
                    if (m_stall) {
                        s->write(head + m_body.left(m_body.size() / 2)); // and then silence
                        return;
                    }
                    s->write(head + m_body);
                    s->disconnectFromHost();
                });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
        f.create();
        m_backend = new EngineBackend(f.settings.get(), std::make_shared<MemorySecretStore>(), f.window.get());
        f.window->setDeployBackend(m_backend);
    }

    void imagesPageOffersTheDownload()
    {
        QVERIFY(!openProject(url(QStringLiteral("a/1.1.0.tar.gz"))).isEmpty());
        f.window->showPage(MainWindow::Page::Images);
        auto *tree = f.window->imagesPage()->findChild<QTreeWidget *>(QStringLiteral("imageTree"));
        QVERIFY(tree);
        QPushButton *download = nullptr;
        QTRY_VERIFY((download = tree->findChild<QPushButton *>(QStringLiteral("downloadTemplatesButton"))) != nullptr);
        QCOMPARE(tree->topLevelItemCount(), 1);
        QCOMPARE(m_requests, 0); // nothing is fetched without the user's word
        download->click();
        // Then the images of every host: two parties and the exchange, full references.
        QTRY_VERIFY_WITH_TIMEOUT(tree->topLevelItemCount() == 3, 60000);
        QCOMPARE(m_requests, 1);
        QStringList images;
        for (int j = 0; j < tree->topLevelItem(0)->childCount(); ++j)
            images.append(tree->topLevelItem(0)->child(j)->text(0));
        QVERIFY2(images.contains(QStringLiteral("federatedai/python:1.1-release")), qPrintable(images.join(u' ')));
        QVERIFY(images.contains(QStringLiteral("mysql:8")));
        auto *status = f.window->imagesPage()->findChild<QLabel *>(QStringLiteral("fetchStatus"));
        QVERIFY(status);
        QVERIFY2(status->text().contains(QStringLiteral("sha256 %1 recorded").arg(m_sha)), qPrintable(status->text()));
    }

    void aRunDownloadsTheTemplatesFirst()
    {
        const int before = m_requests;
        QVERIFY(!openProject(url(QStringLiteral("b/1.1.0.tar.gz"))).isEmpty());
        QAction *preflight = f.window->action(QStringLiteral("actionPreflight"));
        QVERIFY(preflight && preflight->isEnabled());
        preflight->trigger();
        QVERIFY(f.window->monitor()->isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(!f.window->monitor()->isRunning(), 120000);
        QCOMPARE(m_requests, before + 1);
        const HostRun *templates = row(EngineBackend::tr("KubeFATE templates"));
        QVERIFY(templates);
        QCOMPARE(templates->overall(), StepState::State::Done);
        QVERIFY2(templates->steps.first().message.contains(QStringLiteral("sha256 %1 recorded").arg(m_sha)),
                 qPrintable(templates->steps.first().message));
        QCOMPARE(templates->steps.first().total, qint64(m_body.size())); // byte progress was reported
        // Then the preflight itself ran: the hosts (a closed port on loopback) fail at connect.
        const HostRun *host = row(QStringLiteral("127.0.0.3"));
        QVERIFY(host);
        QCOMPARE(host->steps.first().state, StepState::State::Failed);
        // A second run reads the cache.
        preflight->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!f.window->monitor()->isRunning(), 120000);
        QCOMPARE(m_requests, before + 1);
        QVERIFY(!row(EngineBackend::tr("KubeFATE templates")));
    }

    void cancelStopsTheDownload()
    {
        m_stall = true;
        QVERIFY(!openProject(url(QStringLiteral("c/1.1.0.tar.gz"))).isEmpty());
        const int before = m_requests;
        f.window->action(QStringLiteral("actionDeployAll"))->trigger();
        QVERIFY(f.window->monitor()->isRunning());
        // The server got the request and sent half the archive, then went silent: the run waits in the download.
        QTRY_VERIFY_WITH_TIMEOUT(m_requests > before, 60000);
        const HostRun *downloading = row(EngineBackend::tr("KubeFATE templates"));
        QVERIFY(downloading);
        QCOMPARE(downloading->overall(), StepState::State::Running);
        QVERIFY(m_backend->isBusy());
        f.window->action(QStringLiteral("actionCancel"))->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!f.window->monitor()->isRunning(), 60000);
        QCOMPARE(row(EngineBackend::tr("KubeFATE templates"))->overall(), StepState::State::Failed);
        QVERIFY(!m_backend->isBusy());
        QVERIFY(!row(QStringLiteral("127.0.0.3"))); // no host was contacted
        m_stall = false;
    }

    void cleanupTestCase() { f.destroy(); }
};

QTEST_MAIN(TestGuiTemplates)
#include "tst_gui_templates.moc"
