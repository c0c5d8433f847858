// SPDX-License-Identifier: Apache-2.0
#include "jobs/bundleprep.h"

#include "archive/bundlepacker.h"
#include "render/renderer.h"
#include "render/templatesource.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>

namespace FateDeployer {

namespace {

// lupdate: the tr() calls of this file belong to the context below.
/* TRANSLATOR FateDeployer::BundlePrep */
QString tr(const char *text)
{
    return QCoreApplication::translate("FateDeployer::BundlePrep", text);
}

} // namespace

Status BundlePrep::prepare(const Project &project,
                           const QString &projectDir,
                           const QString &outDir,
                           Plan &plan,
                           RenderOutput *rendered,
                           const std::atomic_bool *cancel)
{
    const auto stopped = [cancel] { return cancel && cancel->load(); };
    Result<TemplateTree> tree
        = project.templates.kind == TemplateSource::Kind::Url
              ? TemplateSources::cachedUrl(TemplateSources::downloadUrl(project.templates), project.templates.sha256)
              : TemplateSources::open(project.templates, projectDir);
    if (!tree)
        return Error{project.templates.kind == TemplateSource::Kind::Url
                         ? tr("%1 (download the templates first: fate-deployer-cli render)").arg(tree.error())
                         : tree.error()};
    if (stopped())
        return Error{tr("cancelled before rendering")};
    const Result<RenderOutput> output = Renderer::render(project, tree.value());
    if (!output)
        return Error{output.error()};
    if (stopped())
        return Error{tr("cancelled after rendering, before packing")};
    if (!QDir().mkpath(outDir))
        return Error{tr("cannot create the folder %1 for the bundles").arg(outDir)};
    PackCache cache;
    for (HostJob &job : plan.jobs) {
        const Bundle *b = output->bundle(job.bundle.name);
        if (!b)
            return Error{tr("the render produced no bundle %1 (is the party or the exchange in the project?)")
                             .arg(job.bundle.name)};
        const QString path = QDir(outDir).filePath(b->name + QStringLiteral(".tar.gz"));
        if (!QFile::exists(path))
            if (Status s = BundlePacker::packToFile(*b, cache, path, {}, cancel); !s)
                return s;
        job.bundle.archivePath = path;
        job.bundle.unpackedBytes = b->totalSize();
        job.bundle.composeFile = b->composeFile;
    }
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
