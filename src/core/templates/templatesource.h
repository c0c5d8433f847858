// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/project.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;
class QTemporaryFile;
class QCryptographicHash;

namespace FateDeployer {

/// A KubeFATE template tree on disk whose era has been recognised.
struct TemplateTree
{
    QString root;            ///< folder holding the root `.env` and `docker-deploy/`
    QString kubefateVersion; ///< "1.1.0" (the only era rendered now)

    QString deployDir() const { return root + QStringLiteral("/docker-deploy"); }
};

/// Finds and opens KubeFATE templates: folders, release archives and (via TemplateDownloader) URLs.
/// All functions are synchronous and thread-safe; call the archive ones off the GUI thread.
class TemplateSources
{
    Q_DECLARE_TR_FUNCTIONS(FateDeployer::TemplateSources)

public:
    /// Recognises the era of a folder (a checkout, an unpacked release, or a folder holding a single
    /// such top-level directory as GitHub archives do). Other eras → "not supported yet" error.
    static Result<TemplateTree> openFolder(const QString &path);

    /// Unpacks a .tar.gz/.tgz/.zip release archive into the cache (keyed by its sha256) unless it is
    /// already there, then opens it. expectedSha256 (hex, optional) is checked first.
    static Result<TemplateTree> openArchive(const QString &archivePath, const QString &expectedSha256 = {});

    /// Resolves a project's template source when it is a folder or an archive (relative paths are
    /// taken relative to baseDir, normally the project file's folder). URL sources: use
    /// TemplateDownloader, or cachedUrl() for an earlier download.
    static Result<TemplateTree> open(const TemplateSource &source, const QString &baseDir = {});

    /// The URL a Url source downloads: location if set, else mirrorBase (default the GitHub tag
    /// archives of FederatedAI/KubeFATE) + "/<version>.tar.gz".
    static QUrl downloadUrl(const TemplateSource &source);

    /// A tree downloaded before from this URL (sha256 recorded in the cache index), if still cached.
    static Result<TemplateTree> cachedUrl(const QUrl &url, const QString &expectedSha256 = {});

    /// The sha256 recorded when this URL was first downloaded; empty if never.
    static QString cachedUrlSha256(const QUrl &url);

    /// `<CacheLocation>/templates`, or the FD_TEMPLATE_CACHE environment variable when set (tests).
    static QString cacheDir();

    static QString sha256OfFile(const QString &path, QString *error = nullptr);
};

/// Downloads a template archive into the cache, asynchronously (never blocks the calling thread;
/// unpacking runs on a worker thread). Follows redirects (no https→http downgrade), uses the system
/// proxy, times out when no data arrives for timeoutMs. On failure or cancel the cache is untouched.
class TemplateDownloader : public QObject
{
    Q_OBJECT
public:
    explicit TemplateDownloader(QObject *parent = nullptr);
    ~TemplateDownloader() override;

    void setTimeout(int ms) { m_timeoutMs = ms; }
    bool isRunning() const { return m_running; }

    /// Starts the download; exactly one finished() or failed() follows (also after cancel()).
    void start(const QUrl &url, const QString &expectedSha256 = {});
    void cancel();

signals:
    void progress(qint64 received, qint64 total); ///< total -1 when unknown
    void stateChanged(const QString &text);       ///< "Downloading…", "Unpacking…" (translated)
    void finished(const FateDeployer::TemplateTree &tree);
    void failed(const QString &error);

private:
    void onReadyRead();
    void onFinished();
    void fail(const QString &error);

    QNetworkAccessManager *m_nam = nullptr;
    QPointer<QNetworkReply> m_reply;
    QTemporaryFile *m_file = nullptr;
    QCryptographicHash *m_hash = nullptr;
    QUrl m_url;
    QString m_expectedSha;
    int m_timeoutMs = 60000;
    bool m_running = false;
    bool m_cancelled = false;
    bool m_writeError = false;
};

} // namespace FateDeployer

Q_DECLARE_METATYPE(FateDeployer::TemplateTree)
