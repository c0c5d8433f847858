// SPDX-License-Identifier: Apache-2.0
#include "archive/bundlepacker.h"
#include "cli/cliapp.h"
#include "jobs/parsers.h"
#include "kubefate/kubefateimporter.h"
#include "model/era.h"
#include "model/projectfile.h"
#include "model/servicesecrets.h"
#include "render/bundlewriter.h"
#include "render/renderer.h"
#include "templates/templatesource.h"
#include "util/signalguard.h"
#include "util/tr.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QTimer>
#include <QUrl>

namespace FateDeployer {

Result<TemplateTree> cliTemplateTree(const TemplateSource &source, const QString &projectDir, QTextStream &err)
{
    if (source.kind != TemplateSource::Kind::Url)
        return TemplateSources::open(source, projectDir);
    const QUrl url = TemplateSources::downloadUrl(source);
    Result<TemplateTree> cached = TemplateSources::cachedUrl(url, source.sha256);
    if (cached)
        return cached;
    // Not downloaded yet: now, with progress. The CLI has no GUI, so waiting in a local loop is fine.
    err << tr("KubeFATE templates are not in the cache; downloading %1").arg(url.toString()) << '\n';
    err.flush();
    TemplateDownloader downloader;
    QEventLoop loop;
    Result<TemplateTree> result = Error{QString()};
    qint64 printed = -1;
    QObject::connect(&downloader, &TemplateDownloader::stateChanged, &loop, [&](const QString &text) {
        err << text << '\n';
        err.flush();
    });
    QObject::connect(&downloader, &TemplateDownloader::progress, &loop, [&](qint64 received, qint64 total) {
        if (received - printed < (1 << 20) && received != total)
            return; // one line per MiB is enough
        printed = received;
        err << (total > 0 ? tr("  %1 of %2").arg(humanBytes(received), humanBytes(total))
                          : tr("  %1").arg(humanBytes(received)))
            << '\n';
        err.flush();
    });
    QObject::connect(&downloader, &TemplateDownloader::finished, &loop, [&](const TemplateTree &tree) {
        result = tree;
        loop.quit();
    });
    QObject::connect(&downloader, &TemplateDownloader::failed, &loop, [&](const QString &error) {
        result = Error{error};
        loop.quit();
    });
    // Ctrl+C / SIGTERM (a SignalGuard of the command) stops the download; failed() follows and nothing is kept.
    QTimer signalPoll;
    signalPoll.setInterval(100);
    QObject::connect(&signalPoll, &QTimer::timeout, &loop, [&downloader] {
        if (SignalGuard::cancelled())
            downloader.cancel();
    });
    signalPoll.start();
    downloader.start(url, source.sha256);
    loop.exec();
    if (result) {
        err << tr("templates of %1 downloaded; sha256 %2 recorded (put it in the project's templates.sha256 to pin "
                  "it)")
                   .arg(url.toString(), TemplateSources::cachedUrlSha256(url))
            << '\n';
        err.flush();
    }
    return result;
}

int cliRender(CliContext &c)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Render the deployment bundles of a project (confs-<id>/ and exchange/)."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("PROJECT"), tr("the .fdproj file"));
    const QCommandLineOption out(QStringLiteral("out"), tr("write the bundles into DIR"), QStringLiteral("DIR"));
    const QCommandLineOption templates(QStringLiteral("templates"),
                                       tr("KubeFATE templates: a folder, a .tar.gz/.zip release or a URL "
                                          "(default: the project's template source)"),
                                       QStringLiteral("PATH|URL"));
    const QCommandLineOption archives(QStringLiteral("archives"), tr("also write DIR/<bundle>.tar.gz"));
    const QCommandLineOption secretsFrom(
        QStringLiteral("secrets-from"),
        tr("take the services' passwords (v1.11 and later) from this KubeFATE parties.conf instead of the keychain; "
           "they are used for this render only and stored nowhere"),
        QStringLiteral("FILE"));
    parser.addOption(out);
    parser.addOption(secretsFrom);
    parser.addOption(templates);
    parser.addOption(archives);
    if (const int code = parseCliOptions(parser, QStringLiteral("render"), c); code >= 0)
        return code;
    if (parser.positionalArguments().size() != 1 || !parser.isSet(out)) {
        c.err << tr("usage: fate-deployer-cli render PROJECT --out DIR [--templates PATH|URL] [--archives] "
                    "[--secrets-from PARTIES_CONF]")
              << '\n';
        return ExitUsage;
    }
    const QString projectPath = parser.positionalArguments().first();
    const Result<Project> project = ProjectFile::load(projectPath);
    if (!project) {
        c.err << project.error() << '\n';
        return ExitFailure;
    }

    TemplateSource source = project->templates;
    if (parser.isSet(templates)) {
        const QString value = parser.value(templates);
        source.sha256.clear();
        source.location = value;
        if (value.startsWith(QLatin1String("http://")) || value.startsWith(QLatin1String("https://")))
            source.kind = TemplateSource::Kind::Url;
        else if (QFileInfo(value).isDir())
            source.kind = TemplateSource::Kind::Folder;
        else
            source.kind = TemplateSource::Kind::Archive;
    }
    Result<TemplateTree> tree = cliTemplateTree(source, QFileInfo(projectPath).absolutePath(), c.err);
    if (!tree) {
        c.err << tree.error() << '\n';
        return ExitFailure;
    }
    // The passwords the bundles need (v1.11+) come from memory: a parties.conf named here, else the keychain.
    ServiceSecrets secrets;
    if (parser.isSet(secretsFrom)) {
        KubefateImporter importer;
        if (Result<Project> read = importer.importFiles(parser.value(secretsFrom)); !read) {
            c.err << read.error() << '\n';
            return ExitFailure;
        }
        secrets = importer.secrets();
    } else if (eraHasEngine(kubefateEra(project->templates.kubefateVersion))
               && !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
        KeychainSecretStore keychain;
        Result<ServiceSecrets> loaded = ServiceSecrets::load(keychain, project.value());
        if (!loaded) {
            c.err << loaded.error() << '\n';
            return ExitFailure;
        }
        secrets = loaded.value();
    }
    const Result<RenderOutput> output = Renderer::render(project.value(), tree.value(), secrets);
    if (!output) {
        c.err << output.error() << '\n';
        return ExitFailure;
    }
    for (const QString &name : output->missingSecrets)
        c.err << tr("warning: %1 is not set (keychain or --secrets-from); the bundles have it empty").arg(name) << '\n';
    const QString outDir = parser.value(out);
    if (Status s = BundleWriter::writeTree(output.value(), outDir); !s) {
        c.err << s.error() << '\n';
        return ExitFailure;
    }
    for (const Bundle &b : output->bundles)
        c.out << tr("%1: %2 files → %3:%4")
                     .arg(QDir(outDir).filePath(b.name))
                     .arg(b.files.size())
                     .arg(b.host, b.remotePath())
              << '\n';
    if (parser.isSet(archives)) {
        PackCache cache;
        for (const Bundle &b : output->bundles) {
            const QString path = QDir(outDir).filePath(b.name + QStringLiteral(".tar.gz"));
            if (Status s = BundlePacker::packToFile(b, cache, path); !s) {
                c.err << s.error() << '\n';
                return ExitFailure;
            }
            c.out << path << '\n';
        }
    }
    return ExitOk;
}

} // namespace FateDeployer
