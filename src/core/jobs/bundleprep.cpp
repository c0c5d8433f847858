// SPDX-License-Identifier: Apache-2.0
#include "jobs/bundleprep.h"

#include "archive/bundlecache.h"
#include "archive/bundlepacker.h"
#include "model/era.h"
#include "render/renderer.h"
#include "templates/templatesource.h"
#include "util/tr.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>

namespace FateDeployer {

namespace {

// lupdate: the tr() calls of this file belong to the context below.
/* TRANSLATOR FateDeployer::BundlePrep */
constexpr Tr tr{"FateDeployer::BundlePrep"};

} // namespace

Result<TemplateTree> BundlePrep::openTemplates(const Project &project, const QString &projectDir)
{
    Result<TemplateTree> tree
        = project.templates.kind == TemplateSource::Kind::Url
              ? TemplateSources::cachedUrl(TemplateSources::downloadUrl(project.templates), project.templates.sha256)
              : TemplateSources::open(project.templates, projectDir);
    if (!tree)
        return Error{project.templates.kind == TemplateSource::Kind::Url
                         ? tr("%1 (download the templates first: fate-deployer-cli render)").arg(tree.error())
                         : tree.error(),
                     ErrorKind::Local};
    return tree;
}

Result<RenderOutput> BundlePrep::render(const Project &project, const QString &projectDir)
{
    const Result<TemplateTree> tree = openTemplates(project, projectDir);
    if (!tree)
        return Error{tree.error(), tree.errorKind()};
    Result<RenderOutput> output = Renderer::render(project, tree.value());
    if (!output)
        return Error{output.error(), ErrorKind::Local};
    return output;
}

namespace {

void copyFacts(const Bundle &b, const QString &kubefateVersion, HostBundle &to)
{
    to.composeFile = b.composeFile;
    to.unpackedBytes = b.totalSize();
    to.images = b.facts.images;
    to.ports = b.facts.ports;
    to.services = b.facts.services;
    to.dataPaths = b.facts.dataPaths;
    to.volumesToRemove.clear();
    // docker_deploy.sh (v1.11, v2.0) removes these named volumes of the training bundle before `up`, so the
    // examples, federatedml (v2.0: fate), download and log volumes come fresh from the new images; it misspells
    // one (`sdownload_dir`), so the download volume was never removed: the real names here.
    if (b.kind == Bundle::Kind::Party && eraHasEngine(kubefateEra(kubefateVersion))) {
        const QByteArray compose = b.file(b.composeFile) ? b.file(b.composeFile)->content : QByteArray();
        for (const char *volume :
             {"shared_dir_examples", "shared_dir_federatedml", "shared_dir_fate", "download_dir", "fate_flow_logs"})
            if (compose.contains(QByteArray(QByteArray("\n  ") + volume + ':'))) // declared by this compose file
                to.volumesToRemove.append(b.name + QLatin1Char('_') + QLatin1String(volume));
    }
}

} // namespace

void BundlePrep::applyFacts(const RenderOutput &rendered, Plan &plan)
{
    for (HostJob &job : plan.jobs) {
        if (const Bundle *b = rendered.bundle(job.bundle.name))
            copyFacts(*b, plan.settings.kubefateVersion, job.bundle);
        for (HostBundle &more : job.moreBundles)
            if (const Bundle *b = rendered.bundle(more.name))
                copyFacts(*b, plan.settings.kubefateVersion, more);
    }
}

QList<BundleFile> BundlePrep::secretFiles(const Bundle &bundle, const ServiceSecrets &secrets)
{
    QList<BundleFile> files;
    for (const BundleFile &f : bundle.files) {
        if (f.isVerbatim() || !ServiceSecrets::hasMarker(f.content))
            continue;
        BundleFile filled = f;
        filled.content = secrets.fill(f.content);
        filled.size = filled.content.size();
        files.append(filled);
    }
    return files;
}

Status BundlePrep::prepare(const Project &project,
                           const QString &projectDir,
                           const QString &outDir,
                           Plan &plan,
                           RenderOutput *rendered,
                           const std::function<void(int done, int total)> &progress,
                           const std::atomic_bool *cancel,
                           const ServiceSecrets &secrets)
{
    const auto stopped = [cancel] { return cancel && cancel->load(); };
    if (stopped())
        return Error{tr("cancelled before rendering"), ErrorKind::Cancelled};
    const Result<TemplateTree> tree = openTemplates(project, projectDir);
    if (!tree)
        return Error{tree.error(), tree.errorKind()};
    // An unchanged federation is neither rendered nor packed again (docs/render.md, "Bundle cache").
    BundleCache packed;
    // Rendered with markers where the passwords go: the render, its cache and the archives hold none.
    const Result<RenderOutput> output = packed.render(project, tree.value(), nullptr, cancel, secrets.markers());
    if (!output)
        return Error{output.error(), output.errorKind()};
    // v1.11+: the bundles carry the services' passwords; never ship them empty.
    if (!output->missingSecrets.isEmpty())
        return Error{tr("the passwords %1 are not set: the bundles would carry them empty; set them first")
                         .arg(output->missingSecrets.join(QStringLiteral(", "))),
                     ErrorKind::Local};
    // A serving bundle on a host of its own would need its party's training network there (it joins it).
    for (const Party &party : project.parties)
        if (!party.servingHost.isEmpty() && output->bundle(QStringLiteral("serving-%1").arg(party.id))
            && party.servingHost.compare(party.host, Qt::CaseInsensitive) != 0)
            return Error{tr("party %1: a serving host other than the party's host (%2) is not supported yet; "
                            "FATE-Serving joins the party's training network, so set the party's host as its "
                            "serving host")
                             .arg(party.id)
                             .arg(party.host),
                         ErrorKind::Local};
    if (stopped())
        return Error{tr("cancelled after rendering, before packing"), ErrorKind::Cancelled};
    if (!QDir().mkpath(outDir))
        return Error{tr("cannot create the folder %1 for the bundles").arg(outDir), ErrorKind::Local};
    PackCache cache;
    int total = 0;
    for (const HostJob &job : std::as_const(plan.jobs))
        total += int(job.bundles().size());
    int done = 0;
    if (progress)
        progress(done, total);
    for (HostJob &job : plan.jobs) {
        QList<HostBundle *> targets{&job.bundle};
        for (HostBundle &more : job.moreBundles)
            targets.append(&more);
        for (HostBundle *hb : std::as_const(targets)) {
            const Bundle *b = output->bundle(hb->name);
            if (!b)
                return Error{
                    tr("the render produced no bundle %1 (is the party or the exchange in the project?)").arg(hb->name),
                    ErrorKind::Local};
            const QString path = QDir(outDir).filePath(b->name + QStringLiteral(".tar.gz"));
            if (!QFile::exists(path)) {
                const Result<QString> key
                    = packed.isEnabled() ? packed.key(*b, cache.level(), cancel) : Result<QString>(QString());
                if (!key)
                    return Error{key.error(), stopped() ? ErrorKind::Cancelled : ErrorKind::Local};
                if (key->isEmpty() || !packed.fetch(key.value(), path)) {
                    if (Status s = BundlePacker::packToFile(*b, cache, path, {}, cancel); !s)
                        return Error{s.error(), stopped() ? ErrorKind::Cancelled : ErrorKind::Local};
                    if (!key->isEmpty())
                        packed.store(key.value(), path);
                }
            }
            hb->archivePath = path;
            hb->secretFiles = secretFiles(*b, secrets);
            if (progress)
                progress(++done, total);
        }
    }
    applyFacts(output.value(), plan);
    if (rendered)
        *rendered = output.value();
    return {};
}

QString BundlePrep::projectHash(const QString &projectPath)
{
    QFile f(projectPath);
    if (!f.open(QIODevice::ReadOnly))
        return QString();
    return QString::fromLatin1(QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex());
}

} // namespace FateDeployer
