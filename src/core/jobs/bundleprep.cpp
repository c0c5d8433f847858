// SPDX-License-Identifier: Apache-2.0
#include "jobs/bundleprep.h"

#include "archive/bundlecache.h"
#include "archive/bundlepacker.h"
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

void BundlePrep::applyFacts(const RenderOutput &rendered, Plan &plan)
{
    for (HostJob &job : plan.jobs) {
        const Bundle *b = rendered.bundle(job.bundle.name);
        if (!b)
            continue;
        job.bundle.composeFile = b->composeFile;
        job.bundle.unpackedBytes = b->totalSize();
        job.bundle.images = b->facts.images;
        job.bundle.ports = b->facts.ports;
        job.bundle.services = b->facts.services;
        job.bundle.dataPaths = b->facts.dataPaths;
    }
}

Status BundlePrep::prepare(const Project &project,
                           const QString &projectDir,
                           const QString &outDir,
                           Plan &plan,
                           RenderOutput *rendered,
                           const std::function<void(int done, int total)> &progress,
                           const std::atomic_bool *cancel)
{
    const auto stopped = [cancel] { return cancel && cancel->load(); };
    if (stopped())
        return Error{tr("cancelled before rendering"), ErrorKind::Cancelled};
    const Result<TemplateTree> tree = openTemplates(project, projectDir);
    if (!tree)
        return Error{tree.error(), tree.errorKind()};
    // An unchanged federation is neither rendered nor packed again (docs/render.md, "Bundle cache").
    BundleCache packed;
    const Result<RenderOutput> output = packed.render(project, tree.value(), nullptr, cancel);
    if (!output)
        return Error{output.error(), output.errorKind()};
    // v1.11+: the bundles carry the services' passwords; never ship them empty. (The deploy path does not
    // hand ServiceSecrets to the renderer yet, so these eras stop here.)
    if (!output->missingSecrets.isEmpty())
        return Error{tr("the passwords %1 are not set: the bundles would carry them empty; set them first")
                         .arg(output->missingSecrets.join(QStringLiteral(", "))),
                     ErrorKind::Local};
    if (stopped())
        return Error{tr("cancelled after rendering, before packing"), ErrorKind::Cancelled};
    if (!QDir().mkpath(outDir))
        return Error{tr("cannot create the folder %1 for the bundles").arg(outDir), ErrorKind::Local};
    PackCache cache;
    const int total = int(plan.jobs.size());
    int done = 0;
    if (progress)
        progress(done, total);
    for (HostJob &job : plan.jobs) {
        const Bundle *b = output->bundle(job.bundle.name);
        if (!b)
            return Error{tr("the render produced no bundle %1 (is the party or the exchange in the project?)")
                             .arg(job.bundle.name),
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
        job.bundle.archivePath = path;
        if (progress)
            progress(++done, total);
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
