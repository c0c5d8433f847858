// SPDX-License-Identifier: Apache-2.0
#include "templates/templatesource.h"

#include "templates/safeextract.h"
#include "util/sha256.h"
#include "util/tr.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QUuid>
#include <QtConcurrent/QtConcurrentRun>

namespace FateDeployer {

namespace {

bool isFile(const QString &dir, const char *rel)
{
    return QFileInfo(dir + QLatin1Char('/') + QLatin1String(rel)).isFile();
}

bool isDir(const QString &dir, const char *rel)
{
    return QFileInfo(dir + QLatin1Char('/') + QLatin1String(rel)).isDir();
}

/// The value of the first line of docker-deploy/.env that starts with @p prefix ("TAG=1.11." gives
/// "1.11.2-release"; "KubeFATE_Version=v2.0." gives "v2.0.0-release"); empty when there is none.
QByteArray envValue(const QString &root, const QByteArray &prefix)
{
    QFile env(root + QStringLiteral("/docker-deploy/.env"));
    if (!env.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray &line : env.readAll().split('\n')) {
        const QByteArray t = line.trimmed();
        if (t.startsWith(prefix))
            return t.mid(prefix.indexOf('=') + 1);
    }
    return {};
}

/// The era of a KubeFATE root folder from its layout (spec §1); empty when it is none.
QString eraOf(const QString &root)
{
    if (!isDir(root, "docker-deploy"))
        return {};
    if (isFile(root, "docker-deploy/docker-configuration.sh") && isFile(root, "docker-deploy/docker-auto-deploy.sh")) {
        if (isDir(root, "docker-deploy/docker-example-dir-tree") && isFile(root, ".env"))
            return QStringLiteral("1.1.0");
        return QStringLiteral("1.0.x");
    }
    if (isFile(root, "docker-deploy/parties.conf") || isFile(root, "docker-deploy/generate_config.sh")) {
        if (isFile(root, "docker-deploy/hosts-setup.sh")) {
            // v2.0.x: `KubeFATE_Version=v2.0.<n>-release` in docker-deploy/.env and OSX's templates.
            if (isFile(root, "docker-deploy/training_template/public/osx/conf/broker.properties")
                && isDir(root, "docker-deploy/serving_template/docker-serving")) {
                if (const QByteArray v = envValue(root, "KubeFATE_Version=v2.0."); !v.isEmpty())
                    return QString::fromLatin1(v.mid(1)).section(QLatin1Char('-'), 0, 0);
            }
            return QStringLiteral("v2.0");
        }
        if (isFile(root, "docker-deploy/test.sh")) {
            // v1.11.x: the layout of v1.9 – v1.11 (training_template/backends, serving-admin) with a 1.11 TAG.
            if (isFile(root, "docker-deploy/training_template/backends/eggroll/conf/eggroll.properties")
                && isDir(root, "docker-deploy/serving_template/docker-serving")) {
                if (const QByteArray v = envValue(root, "TAG=1.11."); !v.isEmpty())
                    return QString::fromLatin1(v).section(QLatin1Char('-'), 0, 0);
            }
            return QStringLiteral("v1.5–v1.11");
        }
        if (isFile(root, "docker-deploy/.env"))
            return QStringLiteral("v1.4");
        return QStringLiteral("v1.1.1–v1.3");
    }
    return {};
}

QString urlIndexPath(const QUrl &url)
{
    const QByteArray key = QCryptographicHash::hash(url.toEncoded(), QCryptographicHash::Sha256).toHex();
    return TemplateSources::cacheDir() + QStringLiteral("/urls/") + QString::fromLatin1(key);
}

/// Unpacks (if needed) an archive whose sha256 is known into cacheDir/<sha>, atomically.
Result<TemplateTree> unpackToCache(const QString &archivePath, const QString &sha)
{
    const QString cache = TemplateSources::cacheDir();
    const QString final = cache + QLatin1Char('/') + sha;
    if (!QFileInfo(final).isDir()) {
        if (!QDir().mkpath(cache))
            return Error{tr("cannot create the template cache %1").arg(cache)};
        const QString tmp = cache + QStringLiteral("/.unpack-") + QUuid::createUuid().toString(QUuid::Id128);
        if (Status s = SafeExtract::extract(archivePath, tmp); !s)
            return Error{s.error()};
        // Check the era before publishing, so a wrong archive never lands in the cache.
        Result<TemplateTree> probe = TemplateSources::openFolder(tmp);
        if (!probe) {
            QDir(tmp).removeRecursively();
            return Error{probe.error().replace(tmp, archivePath)};
        }
        if (!QDir().rename(tmp, final)) {
            QDir(tmp).removeRecursively();
            if (!QFileInfo(final).isDir()) // another process may have won the race
                return Error{tr("cannot move the unpacked templates into %1").arg(final)};
        }
    }
    return TemplateSources::openFolder(final);
}

} // namespace

QString TemplateSources::cacheDir()
{
    const QByteArray env = qgetenv("FD_TEMPLATE_CACHE");
    if (!env.isEmpty())
        return QString::fromLocal8Bit(env);
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/templates");
}

QString TemplateSources::sha256OfFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("cannot read %1: %2").arg(path, file.errorString());
        return {};
    }
    Sha256 hash; // OpenSSL: a release archive is tens of MB, hashed whenever it is opened
    if (!hash.addData(&file)) {
        if (error)
            *error = tr("cannot read %1: %2").arg(path, file.errorString());
        return {};
    }
    return QString::fromLatin1(hash.result().toHex());
}

Result<TemplateTree> TemplateSources::openFolder(const QString &path)
{
    const QFileInfo info(path);
    if (!info.isDir())
        return Error{tr("template folder %1 does not exist; choose the folder of a KubeFATE 1.1.0 checkout or "
                        "release")
                         .arg(path)};
    QString root = info.absoluteFilePath();
    if (info.fileName() == QLatin1String("docker-deploy") && !isDir(root, "docker-deploy"))
        root = info.absolutePath();
    QString era = eraOf(root);
    if (era.isEmpty()) {
        // A GitHub archive holds one top-level folder (KubeFATE-1.1.0/).
        const QStringList subs = QDir(root).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        if (subs.size() == 1) {
            const QString sub = root + QLatin1Char('/') + subs.first();
            era = eraOf(sub);
            if (!era.isEmpty())
                root = sub;
        }
    }
    if (era.isEmpty())
        return Error{tr("no KubeFATE templates found at %1: expected a root .env and docker-deploy/ with "
                        "docker-configuration.sh, docker-auto-deploy.sh and docker-example-dir-tree/")
                         .arg(path)};
    if (era != QLatin1String("1.1.0") && !era.startsWith(QLatin1String("1.11."))
        && !era.startsWith(QLatin1String("2.0.")))
        return Error{tr("KubeFATE %1 templates found at %2: not supported yet; FATE Deployer renders the templates "
                        "of KubeFATE 1.1.0, v1.11 and v2.0")
                         .arg(era, root)};
    return TemplateTree{root, era};
}

Result<TemplateTree> TemplateSources::openArchive(const QString &archivePath, const QString &expectedSha256)
{
    if (!QFileInfo(archivePath).isFile())
        return Error{tr("template archive %1 does not exist").arg(archivePath)};
    QString error;
    const QString sha = sha256OfFile(archivePath, &error);
    if (sha.isEmpty())
        return Error{error};
    if (!expectedSha256.isEmpty() && sha.compare(expectedSha256.trimmed(), Qt::CaseInsensitive) != 0)
        return Error{tr("template archive %1 has sha256 %2, but the project expects %3; download it again or "
                        "correct the checksum")
                         .arg(archivePath, sha, expectedSha256)};
    return unpackToCache(archivePath, sha);
}

Result<TemplateTree> TemplateSources::open(const TemplateSource &source, const QString &baseDir)
{
    QString location = source.location;
    if (source.kind != TemplateSource::Kind::Url && QFileInfo(location).isRelative() && !baseDir.isEmpty())
        location = QDir(baseDir).filePath(location);
    switch (source.kind) {
    case TemplateSource::Kind::Folder:
        return openFolder(location);
    case TemplateSource::Kind::Archive:
        return openArchive(location, source.sha256);
    case TemplateSource::Kind::Url:
        return cachedUrl(downloadUrl(source), source.sha256);
    }
    return Error{tr("unknown template source")};
}

QUrl TemplateSources::downloadUrl(const TemplateSource &source)
{
    if (source.kind == TemplateSource::Kind::Url && !source.location.isEmpty())
        return QUrl(source.location);
    QString base = source.mirrorBase.isEmpty()
                       ? QStringLiteral("https://github.com/FederatedAI/KubeFATE/archive/refs/tags")
                       : source.mirrorBase;
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    return QUrl(base + QLatin1Char('/') + source.kubefateVersion + QStringLiteral(".tar.gz"));
}

QString TemplateSources::cachedUrlSha256(const QUrl &url)
{
    QFile index(urlIndexPath(url));
    return index.open(QIODevice::ReadOnly) ? QString::fromLatin1(index.readAll().trimmed()) : QString();
}

Result<TemplateTree> TemplateSources::cachedUrl(const QUrl &url, const QString &expectedSha256)
{
    QFile index(urlIndexPath(url));
    if (!index.open(QIODevice::ReadOnly))
        return Error{tr("the templates of %1 are not downloaded yet; download them first").arg(url.toString())};
    const QString sha = QString::fromLatin1(index.readAll().trimmed());
    if (!expectedSha256.isEmpty() && sha.compare(expectedSha256.trimmed(), Qt::CaseInsensitive) != 0)
        return Error{tr("the download of %1 has sha256 %2, but the project expects %3; download it again")
                         .arg(url.toString(), sha, expectedSha256)};
    const QString dir = cacheDir() + QLatin1Char('/') + sha;
    if (!QFileInfo(dir).isDir())
        return Error{tr("the templates of %1 are no longer in the cache; download them again").arg(url.toString())};
    return openFolder(dir);
}

// ---------------------------------------------------------------------------------------------

TemplateDownloader::TemplateDownloader(QObject *parent)
    : QObject(parent)
    , m_nam(new QNetworkAccessManager(this))
{
    m_nam->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
}

TemplateDownloader::~TemplateDownloader()
{
    if (m_reply)
        m_reply->abort();
    delete m_file;
    delete m_hash;
}

void TemplateDownloader::start(const QUrl &url, const QString &expectedSha256)
{
    if (m_running)
        return;
    m_url = url;
    m_expectedSha = expectedSha256.trimmed();
    m_cancelled = false;
    m_writeError = false;
    m_running = true;
    if (!url.isValid() || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))) {
        QMetaObject::invokeMethod(
            this, [this, url] { fail(tr("\"%1\" is not an http(s) URL").arg(url.toString())); }, Qt::QueuedConnection);
        return;
    }
    const QString cache = TemplateSources::cacheDir();
    QDir().mkpath(cache);
    delete m_file;
    m_file = new QTemporaryFile(cache + QStringLiteral("/.download-XXXXXX"));
    if (!m_file->open()) {
        QMetaObject::invokeMethod(
            this,
            [this, cache] { fail(tr("cannot write into the template cache %1").arg(cache)); },
            Qt::QueuedConnection);
        return;
    }
    delete m_hash;
    m_hash = new QCryptographicHash(QCryptographicHash::Sha256);
    // The system proxy (on Linux: http_proxy/https_proxy/no_proxy), never for loopback addresses.
    const QHostAddress address(url.host());
    QNetworkProxy proxy(QNetworkProxy::NoProxy);
    if (url.host() != QLatin1String("localhost") && !(!address.isNull() && address.isLoopback())) {
        const QList<QNetworkProxy> proxies = QNetworkProxyFactory::systemProxyForQuery(QNetworkProxyQuery(url));
        if (!proxies.isEmpty())
            proxy = proxies.first();
    }
    m_nam->setProxy(proxy);
    QNetworkRequest request(url);
    request.setTransferTimeout(m_timeoutMs);
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("FATE-Deployer"));
    m_reply = m_nam->get(request);
    connect(m_reply, &QNetworkReply::readyRead, this, &TemplateDownloader::onReadyRead);
    connect(m_reply, &QNetworkReply::downloadProgress, this, &TemplateDownloader::progress);
    connect(m_reply, &QNetworkReply::finished, this, &TemplateDownloader::onFinished);
    emit stateChanged(tr("Downloading %1…").arg(url.toString()));
}

void TemplateDownloader::cancel()
{
    if (!m_running)
        return;
    m_cancelled = true;
    if (m_reply)
        m_reply->abort(); // finished() follows and reports the cancel
}

void TemplateDownloader::onReadyRead()
{
    if (!m_reply || m_writeError)
        return;
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status >= 300 && status < 400)
        return; // redirect body
    const QByteArray data = m_reply->readAll();
    m_hash->addData(data);
    if (m_file->write(data) != data.size()) {
        m_writeError = true;
        m_reply->abort();
    }
}

void TemplateDownloader::onFinished()
{
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->deleteLater();
    if (m_cancelled)
        return fail(tr("download of %1 cancelled").arg(m_url.toString()));
    if (m_writeError)
        return fail(
            tr("cannot write the download into %1: %2").arg(TemplateSources::cacheDir(), m_file->errorString()));
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() == QNetworkReply::OperationCanceledError || reply->error() == QNetworkReply::TimeoutError)
        return fail(tr("download of %1 timed out (no data for %2 s); check the network or proxy, or set a mirror")
                        .arg(m_url.toString())
                        .arg(m_timeoutMs / 1000));
    if (status == 404)
        return fail(tr("%1 was not found (HTTP 404); check the KubeFATE version or the mirror address")
                        .arg(reply->url().toString()));
    if (reply->error() != QNetworkReply::NoError)
        return fail(tr("download of %1 failed: %2").arg(m_url.toString(), reply->errorString()));
    const QString type = reply->header(QNetworkRequest::ContentTypeHeader).toString();
    m_file->flush();
    m_file->seek(0);
    const QByteArray head = m_file->peek(512).trimmed().toLower();
    if (type.contains(QLatin1String("text/html")) || head.startsWith("<!doctype html") || head.startsWith("<html"))
        return fail(tr("%1 returned a web page instead of an archive (a login page or a proxy error?); check "
                       "the mirror address")
                        .arg(reply->url().toString()));
    const QString sha = QString::fromLatin1(m_hash->result().toHex());
    if (!m_expectedSha.isEmpty() && sha.compare(m_expectedSha, Qt::CaseInsensitive) != 0)
        return fail(tr("the download of %1 has sha256 %2, but %3 is expected; the file was not kept")
                        .arg(m_url.toString(), sha, m_expectedSha));

    // Unpack on a worker thread; the temporary file is handed over and removed there.
    emit stateChanged(tr("Unpacking…"));
    const QString path = m_file->fileName();
    m_file->close();
    m_file->setAutoRemove(false);
    delete m_file;
    m_file = nullptr;
    const QUrl url = m_url;
    auto *watcher = new QFutureWatcher<Result<TemplateTree>>(this);
    connect(watcher, &QFutureWatcher<Result<TemplateTree>>::finished, this, [this, watcher, url, sha, path] {
        const Result<TemplateTree> tree = watcher->result();
        watcher->deleteLater();
        m_running = false;
        if (!tree) {
            emit failed(QString(tree.error()).replace(path, url.toString()));
            return;
        }
        // Remember which archive this URL gave, so later renders find it without downloading.
        QDir().mkpath(TemplateSources::cacheDir() + QStringLiteral("/urls"));
        QSaveFile index(urlIndexPath(url));
        if (index.open(QIODevice::WriteOnly)) {
            index.write(sha.toLatin1() + '\n');
            index.commit();
        }
        emit finished(tree.value());
    });
    watcher->setFuture(QtConcurrent::run([path, sha]() -> Result<TemplateTree> {
        Result<TemplateTree> tree = TemplateSources::openArchive(path, sha);
        QFile::remove(path);
        return tree;
    }));
}

void TemplateDownloader::fail(const QString &error)
{
    delete m_file; // removes the partial download
    m_file = nullptr;
    m_running = false;
    emit failed(error);
}

} // namespace FateDeployer
