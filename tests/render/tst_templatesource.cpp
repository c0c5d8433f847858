// SPDX-License-Identifier: Apache-2.0
#include "archive/safeextract.h"
#include "render/templatesource.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <sys/sysmacros.h>

#include <archive.h>
#include <archive_entry.h>

using namespace FateDeployer;

namespace {

const QString Fixture = QStringLiteral(FD_TEST_DATA "/kubefate-1.1.0");

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// Snapshot of the cache folder: names (recursively), to prove failures leave it as it was.
QStringList cacheListing()
{
    QStringList names;
    QDirIterator it(TemplateSources::cacheDir(),
                    QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        names << it.next();
    names.sort();
    return names;
}

/// Writes a tar.gz or zip with libarchive; each entry: path, type, content or link target.
struct Entry
{
    QByteArray path;
    mode_t type = AE_IFREG;
    QByteArray data; ///< content, or link target for symlinks / hard links
    bool hardlink = false;
    int perm = 0644;
};

bool writeArchive(const QString &path, const QList<Entry> &entries, bool zip = false)
{
    archive *a = archive_write_new();
    if (zip) {
        archive_write_set_format_zip(a);
    } else {
        archive_write_set_format_pax_restricted(a);
        archive_write_add_filter_gzip(a);
    }
    if (archive_write_open_filename(a, QFile::encodeName(path).constData()) != ARCHIVE_OK)
        return false;
    for (const Entry &e : entries) {
        archive_entry *entry = archive_entry_new();
        archive_entry_set_pathname(entry, e.path.constData());
        archive_entry_set_perm(entry, mode_t(e.perm));
        if (e.hardlink) {
            archive_entry_set_filetype(entry, AE_IFREG);
            archive_entry_set_hardlink(entry, e.data.constData());
            archive_entry_set_size(entry, 0);
        } else {
            archive_entry_set_filetype(entry, e.type);
            if (e.type == AE_IFLNK)
                archive_entry_set_symlink(entry, e.data.constData());
            if (e.type == AE_IFCHR)
                archive_entry_set_rdev(entry, makedev(1, 3));
            archive_entry_set_size(entry, e.type == AE_IFREG ? e.data.size() : 0);
        }
        archive_write_header(a, entry);
        if (e.type == AE_IFREG && !e.hardlink)
            archive_write_data(a, e.data.constData(), size_t(e.data.size()));
        archive_entry_free(entry);
    }
    const bool ok = archive_write_close(a) == ARCHIVE_OK;
    archive_write_free(a);
    return ok;
}

QList<Entry> fixtureEntries(const QByteArray &top)
{
    QList<Entry> entries;
    QDirIterator it(Fixture, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const int perm = QFileInfo(path).permissions().testFlag(QFileDevice::ExeOwner) ? 0755 : 0644;
        entries.append({top + QDir(Fixture).relativeFilePath(path).toUtf8(), AE_IFREG, readAll(path), false, perm});
    }
    return entries;
}

/// A tiny HTTP/1.1 server on 127.0.0.1 serving canned responses by path.
class HttpServer : public QTcpServer
{
public:
    QByteArray archive;
    int requests = 0;

    HttpServer()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, s, [this, s] { onData(s); });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
        listen(QHostAddress::LocalHost);
    }
    QUrl url(const QString &path) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(serverPort()).arg(path));
    }

private:
    void onData(QTcpSocket *s)
    {
        QByteArray &buf = m_buffers[s];
        buf += s->readAll();
        if (!buf.contains("\r\n\r\n"))
            return;
        ++requests;
        const QByteArray path = buf.split(' ').value(1);
        buf.clear();
        auto reply = [s](const QByteArray &status,
                         const QByteArray &type,
                         const QByteArray &body,
                         const QByteArray &extra = {}) {
            s->write("HTTP/1.1 " + status + "\r\nContent-Type: " + type + "\r\nContent-Length: "
                     + QByteArray::number(body.size()) + "\r\n" + extra + "Connection: close\r\n\r\n" + body);
            s->disconnectFromHost();
        };
        if (path == "/KubeFATE/1.1.0.tar.gz" || path == "/good.tar.gz")
            reply("200 OK", "application/gzip", archive);
        else if (path == "/redirect")
            reply("302 Found",
                  "text/plain",
                  "moved",
                  "Location: " + url(QStringLiteral("/good.tar.gz")).toEncoded() + "\r\n");
        else if (path == "/html")
            reply("200 OK", "text/html; charset=utf-8", "<!DOCTYPE html><html><body>Sign in</body></html>");
        else if (path == "/stall")
            s->write("HTTP/1.1 200 OK\r\nContent-Type: application/gzip\r\nContent-Length: 100000\r\n\r\n"
                     + archive.left(1000)); // then nothing
        else
            reply("404 Not Found", "text/plain", "not found");
    }
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

} // namespace

Q_DECLARE_METATYPE(QList<Entry>)

class TestTemplateSource : public QObject
{
    Q_OBJECT

    QTemporaryDir m_cache;
    QTemporaryDir m_work;
    QString m_good;

private slots:
    void initTestCase()
    {
        QVERIFY(m_cache.isValid());
        qputenv("FD_TEMPLATE_CACHE", m_cache.filePath(QStringLiteral("cache")).toLocal8Bit());
        // The release archive as GitHub serves it: one top folder, made by GNU tar.
        QDir().mkpath(m_work.filePath(QStringLiteral("src")));
        QProcess cp;
        cp.start(QStringLiteral("cp"),
                 {QStringLiteral("-a"), Fixture, m_work.filePath(QStringLiteral("src/KubeFATE-1.1.0"))});
        QVERIFY(cp.waitForFinished() && cp.exitCode() == 0);
        m_good = m_work.filePath(QStringLiteral("KubeFATE-1.1.0.tar.gz"));
        QProcess tar;
        tar.start(QStringLiteral("tar"),
                  {QStringLiteral("-czf"),
                   m_good,
                   QStringLiteral("-C"),
                   m_work.filePath(QStringLiteral("src")),
                   QStringLiteral("KubeFATE-1.1.0")});
        QVERIFY(tar.waitForFinished() && tar.exitCode() == 0);
    }

    void folder()
    {
        const Result<TemplateTree> t = TemplateSources::openFolder(Fixture);
        QVERIFY2(t.ok(), qPrintable(t.error()));
        QCOMPARE(t->kubefateVersion, QStringLiteral("1.1.0"));
        QCOMPARE(t->deployDir(), QDir(Fixture).absolutePath() + QStringLiteral("/docker-deploy"));
    }

    void archiveIntoCache()
    {
        const QString sha = TemplateSources::sha256OfFile(m_good);
        const Result<TemplateTree> t = TemplateSources::openArchive(m_good, sha.toUpper());
        QVERIFY2(t.ok(), qPrintable(t.error()));
        QCOMPARE(t->root, TemplateSources::cacheDir() + QLatin1Char('/') + sha + QStringLiteral("/KubeFATE-1.1.0"));
        QCOMPARE(readAll(t->root + QStringLiteral("/.env")), readAll(Fixture + QStringLiteral("/.env")));
        QVERIFY(QFileInfo(t->deployDir()
                          + QStringLiteral("/federatedml_examples/federatedml-1.x-examples/hetero_linear_regression/"
                                           "test_hetero_linr_train_job_conf.json"))
                    .permissions()
                    .testFlag(QFileDevice::ExeOwner));
        // Second open reuses the cache.
        const QStringList before = cacheListing();
        QVERIFY(TemplateSources::openArchive(m_good).ok());
        QCOMPARE(cacheListing(), before);
        // Project-level resolution, relative to the project folder.
        TemplateSource src;
        src.kind = TemplateSource::Kind::Archive;
        src.location = QStringLiteral("KubeFATE-1.1.0.tar.gz");
        QCOMPARE(TemplateSources::open(src, m_work.path())->root, t->root);
    }

    void zipArchive()
    {
        const QString zip = m_work.filePath(QStringLiteral("kubefate.zip"));
        QVERIFY(writeArchive(zip, fixtureEntries("KubeFATE-1.1.0/"), true));
        const Result<TemplateTree> t = TemplateSources::openArchive(zip);
        QVERIFY2(t.ok(), qPrintable(t.error()));
        QVERIFY(t->root.endsWith(QLatin1String("/KubeFATE-1.1.0")));
        QVERIFY(QFileInfo(t->deployDir()
                          + QStringLiteral("/federatedml_examples/federatedml-1.x-examples/hetero_linear_regression/"
                                           "test_hetero_linr_train_job_conf.json"))
                    .permissions()
                    .testFlag(QFileDevice::ExeOwner));
    }

    void checksumMismatch()
    {
        const QStringList before = cacheListing();
        const Result<TemplateTree> t = TemplateSources::openArchive(m_good, QString(64, QLatin1Char('0')));
        QVERIFY(!t.ok());
        QVERIFY2(t.error().contains(QLatin1String("sha256")), qPrintable(t.error()));
        QCOMPARE(cacheListing(), before);
    }

    void hostileArchives_data()
    {
        QTest::addColumn<QList<Entry>>("entries");
        QTest::addColumn<QString>("mention");
        const QList<Entry> good = fixtureEntries("k/");
        QTest::newRow("dot-dot") << (good + QList<Entry>{{"k/../../evil.txt", AE_IFREG, "x"}}) << QStringLiteral("..");
        QTest::newRow("absolute") << (QList<Entry>{{"/tmp/fd-evil-abs.txt", AE_IFREG, "x"}} + good)
                                  << QStringLiteral("/tmp/fd-evil-abs.txt");
        QTest::newRow("symlink outside") << (good + QList<Entry>{{"k/docker-deploy/out", AE_IFLNK, "../../../etc"}})
                                         << QStringLiteral("symbolic link");
        QTest::newRow("absolute symlink")
            << (good + QList<Entry>{{"k/passwd", AE_IFLNK, "/etc/passwd"}}) << QStringLiteral("symbolic link");
        QTest::newRow("hard link outside")
            << (good + QList<Entry>{{"k/passwd", AE_IFREG, "/etc/passwd", true}}) << QStringLiteral("hard link");
        QTest::newRow("device") << (good + QList<Entry>{{"k/null", AE_IFCHR, {}}}) << QStringLiteral("device");
        QTest::newRow("write through link")
            << (good + QList<Entry>{{"k/d", AE_IFLNK, "docker-deploy"}, {"k/d/x.txt", AE_IFREG, "x"}})
            << QStringLiteral("link");
    }

    void hostileArchives()
    {
        QFETCH(QList<Entry>, entries);
        QFETCH(QString, mention);
        const QString path = m_work.filePath(QStringLiteral("hostile-%1.tar.gz")
                                                 .arg(QString::fromLatin1(QTest::currentDataTag()))
                                                 .replace(QLatin1Char(' '), QLatin1Char('_')));
        QVERIFY(writeArchive(path, entries));
        const QStringList before = cacheListing();
        const Result<TemplateTree> t = TemplateSources::openArchive(path);
        QVERIFY(!t.ok());
        QVERIFY2(t.error().contains(mention), qPrintable(t.error()));
        QVERIFY2(t.error().contains(QLatin1String("unsafe")), qPrintable(t.error()));
        QCOMPARE(cacheListing(), before);
        QVERIFY(!QFile::exists(QStringLiteral("/tmp/fd-evil-abs.txt")));
        QVERIFY(!QFile::exists(m_cache.filePath(QStringLiteral("evil.txt"))));
    }

    void archiveLimitsNameTheEntryAndTheLimit()
    {
        // Default limits: depth and path length; small limits for size and count, so the test stays fast.
        const QString deepPath = m_work.filePath(QStringLiteral("deep.tar.gz"));
        QByteArray deep = "k";
        for (int i = 0; i < 33; ++i)
            deep += "/d";
        QVERIFY(writeArchive(deepPath, {{deep, AE_IFREG, "x"}}));
        const QString out = m_work.filePath(QStringLiteral("limits-out"));
        Status s = SafeExtract::extract(deepPath, out);
        QVERIFY(!s.ok());
        QVERIFY2(s.error().contains(QLatin1String("is 34 folders deep (at most 32 are accepted)")),
                 qPrintable(s.error()));
        QVERIFY(!QFileInfo::exists(out));

        const QString longPath = m_work.filePath(QStringLiteral("long.tar.gz"));
        QVERIFY(writeArchive(longPath, {{"k/" + QByteArray(1100, 'n'), AE_IFREG, "x"}}));
        s = SafeExtract::extract(longPath, out);
        QVERIFY(!s.ok());
        QVERIFY2(s.error().contains(QLatin1String("has a path of 1102 characters (at most 1024 are accepted)")),
                 qPrintable(s.error()));

        // A compression bomb: 8 MiB of zeros in a few kB, against a 4 MiB limit; nothing is left behind.
        const QString bombPath = m_work.filePath(QStringLiteral("bomb.tar.gz"));
        QVERIFY(writeArchive(bombPath, {{"k/a", AE_IFREG, "small"}, {"k/zeros", AE_IFREG, QByteArray(8 << 20, '\0')}}));
        QVERIFY(QFileInfo(bombPath).size() < 64 * 1024);
        SafeExtract::Limits small;
        small.maxTotalBytes = 4 << 20;
        s = SafeExtract::extract(bombPath, out, small);
        QVERIFY(!s.ok());
        QVERIFY2(s.error().contains(QLatin1String("unpacks to more than 4 MiB (the limit) at entry \"k/zeros\"")),
                 qPrintable(s.error()));
        QVERIFY(!QFileInfo::exists(out));

        // Hard links copy data: ten links to a 1 MiB file cost 11 MiB.
        QList<Entry> links{{"k/big", AE_IFREG, QByteArray(1 << 20, 'b')}};
        for (int i = 0; i < 10; ++i)
            links.append({"k/link" + QByteArray::number(i), AE_IFREG, "k/big", true});
        const QString linkPath = m_work.filePath(QStringLiteral("links.tar.gz"));
        QVERIFY(writeArchive(linkPath, links));
        s = SafeExtract::extract(linkPath, out, small);
        QVERIFY(!s.ok());
        QVERIFY2(s.error().contains(QLatin1String("at entry \"k/link3\"")), qPrintable(s.error()));

        QList<Entry> many;
        for (int i = 0; i < 101; ++i)
            many.append({"k/f" + QByteArray::number(i), AE_IFREG, "x"});
        const QString manyPath = m_work.filePath(QStringLiteral("many.tar.gz"));
        QVERIFY(writeArchive(manyPath, many));
        SafeExtract::Limits few;
        few.maxEntries = 100;
        s = SafeExtract::extract(manyPath, out, few);
        QVERIFY(!s.ok());
        QVERIFY2(s.error().contains(QLatin1String("has more than 100 entries (the limit)")), qPrintable(s.error()));
        // Within the limits the same archive unpacks.
        few.maxEntries = 101;
        QVERIFY2(SafeExtract::extract(manyPath, out, few).ok(), "101 entries within a limit of 101");
        QCOMPARE(QDir(out + QStringLiteral("/k")).entryList(QDir::Files).size(), 101);
    }

    void truncatedGzip()
    {
        const QByteArray good = readAll(m_good);
        const QString path = m_work.filePath(QStringLiteral("truncated.tar.gz"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(good.left(good.size() * 2 / 3));
        f.close();
        const QStringList before = cacheListing();
        const Result<TemplateTree> t = TemplateSources::openArchive(path);
        QVERIFY(!t.ok());
        QVERIFY2(t.error().contains(QLatin1String("truncated")), qPrintable(t.error()));
        QCOMPARE(cacheListing(), before);
    }

    void wrongEraArchive()
    {
        const QString path = m_work.filePath(QStringLiteral("v14.tar.gz"));
        QVERIFY(writeArchive(path,
                             {{"KubeFATE-1.4.5/docker-deploy/parties.conf", AE_IFREG, "partylist=(1)\n"},
                              {"KubeFATE-1.4.5/docker-deploy/generate_config.sh", AE_IFREG, "#!/bin/sh\n"},
                              {"KubeFATE-1.4.5/docker-deploy/.env", AE_IFREG, "RegistryURI=\n"}}));
        const QStringList before = cacheListing();
        const Result<TemplateTree> t = TemplateSources::openArchive(path);
        QVERIFY(!t.ok());
        QVERIFY2(t.error().contains(QLatin1String("KubeFATE v1.4 templates found at")), qPrintable(t.error()));
        QVERIFY2(t.error().contains(path), qPrintable(t.error()));
        QCOMPARE(cacheListing(), before);
    }

    void downloadUrl()
    {
        TemplateSource s;
        s.kind = TemplateSource::Kind::Url;
        QCOMPARE(TemplateSources::downloadUrl(s).toString(),
                 QStringLiteral("https://github.com/FederatedAI/KubeFATE/archive/refs/tags/1.1.0.tar.gz"));
        s.mirrorBase = QStringLiteral("http://mirror.example/kubefate/");
        QCOMPARE(TemplateSources::downloadUrl(s).toString(),
                 QStringLiteral("http://mirror.example/kubefate/1.1.0.tar.gz"));
        s.location = QStringLiteral("http://x.example/a.zip");
        QCOMPARE(TemplateSources::downloadUrl(s).toString(), s.location);
    }

    void download_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("sha");
        QTest::addColumn<QString>("error"); ///< empty = success
        QTest::newRow("mirror base") << QStringLiteral("/KubeFATE/1.1.0.tar.gz") << QString() << QString();
        QTest::newRow("redirect") << QStringLiteral("/redirect") << QStringLiteral("good") << QString();
        QTest::newRow("404") << QStringLiteral("/nope.tar.gz") << QString() << QStringLiteral("404");
        QTest::newRow("html") << QStringLiteral("/html") << QString() << QStringLiteral("web page");
        QTest::newRow("timeout") << QStringLiteral("/stall") << QString() << QStringLiteral("timed out");
        QTest::newRow("checksum") << QStringLiteral("/good.tar.gz") << QString(64, QLatin1Char('a'))
                                  << QStringLiteral("sha256");
    }

    void download()
    {
        QFETCH(QString, path);
        QFETCH(QString, sha);
        QFETCH(QString, error);
        QDir(TemplateSources::cacheDir()).removeRecursively();
        HttpServer server;
        QVERIFY(server.isListening());
        server.archive = readAll(m_good);
        if (sha == QLatin1String("good"))
            sha = TemplateSources::sha256OfFile(m_good);
        TemplateSource source;
        source.kind = TemplateSource::Kind::Url;
        source.mirrorBase = server.url(QStringLiteral("/KubeFATE")).toString();
        const QUrl url
            = path.startsWith(QLatin1String("/KubeFATE")) ? TemplateSources::downloadUrl(source) : server.url(path);
        QCOMPARE(url, server.url(path));
        const QStringList before = cacheListing();

        TemplateDownloader dl;
        dl.setTimeout(1500);
        QSignalSpy done(&dl, &TemplateDownloader::finished);
        QSignalSpy failed(&dl, &TemplateDownloader::failed);
        QSignalSpy progress(&dl, &TemplateDownloader::progress);
        dl.start(url, sha);
        QVERIFY(dl.isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(done.size() + failed.size() == 1, 15000);
        QVERIFY(!dl.isRunning());
        if (error.isEmpty()) {
            QVERIFY2(done.size() == 1, qPrintable(failed.value(0).value(0).toString()));
            const TemplateTree tree = done.first().first().value<TemplateTree>();
            QCOMPARE(tree.kubefateVersion, QStringLiteral("1.1.0"));
            QVERIFY(!progress.isEmpty());
            // Later renders find it without the network.
            const Result<TemplateTree> cached = TemplateSources::cachedUrl(url);
            QVERIFY2(cached.ok(), qPrintable(cached.error()));
            QCOMPARE(cached->root, tree.root);
            QVERIFY(!QDir(TemplateSources::cacheDir())
                         .entryList({QStringLiteral(".download-*")}, QDir::Files | QDir::Hidden)
                         .size());
        } else {
            QCOMPARE(failed.size(), 1);
            const QString message = failed.first().first().toString();
            QVERIFY2(message.contains(error), qPrintable(message));
            QCOMPARE(cacheListing(), before);
            QVERIFY(!TemplateSources::cachedUrl(url).ok());
        }
    }

    void cancelLeavesCacheAlone()
    {
        QDir(TemplateSources::cacheDir()).removeRecursively();
        HttpServer server;
        server.archive = readAll(m_good);
        const QStringList before = cacheListing();
        TemplateDownloader dl;
        dl.setTimeout(30000);
        QSignalSpy failed(&dl, &TemplateDownloader::failed);
        dl.start(server.url(QStringLiteral("/stall")));
        // Cancel mid-transfer: the request was answered and part of the body is in flight.
        QTRY_COMPARE_WITH_TIMEOUT(server.requests, 1, 5000);
        QTest::qWait(300);
        QVERIFY(dl.isRunning());
        dl.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 5000);
        QVERIFY2(failed.first().first().toString().contains(QLatin1String("cancelled")),
                 qPrintable(failed.first().first().toString()));
        QCOMPARE(cacheListing(), before);
    }
};

QTEST_GUILESS_MAIN(TestTemplateSource)
#include "tst_templatesource.moc"
