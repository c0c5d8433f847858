// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jobs/plan.h"
#include "model/servicesecrets.h"
#include "render/bundle.h"
#include "templates/templatesource.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QString>

#include <atomic>
#include <functional>

namespace FateDeployer {

/// Renders a project's bundles (render module) and packs each as <outDir>/<name>.tar.gz
/// (deterministic, paths start with "<name>/"), then points the plan's deploy jobs at them.
/// projectDir resolves relative template paths. Blocking: call it off the GUI thread.
/// @p rendered (optional) receives the render the archives were packed from (e.g. to keep the
/// deployed bundles on disk for the next Render preview). @p cancel (optional, set from another thread
/// or a signal handler) stops after rendering or packing at the next file; prepare() then fails with
/// ErrorKind::Cancelled.
///
/// Service passwords (v1.11+, @p secrets) never reach the local disk: the render, the render cache, the
/// archives and @p rendered carry markers (ServiceSecrets::markers) where a password goes; the files with
/// markers are filled in memory into each job's HostBundle::secretFiles, which Upload unpacks on the host
/// over the archive's copies. A deploy whose bundles need a password that is not set is refused.
/// Besides the facts, the jobs get the era's volumes to remove on redeploy (volumesToRemove).
class BundlePrep
{
    Q_DECLARE_TR_FUNCTIONS(FateDeployer::BundlePrep)

public:
    /// @p progress (optional, called from the calling thread): bundles packed so far of the total.
    static Status prepare(const Project &project,
                          const QString &projectDir,
                          const QString &outDir,
                          Plan &plan,
                          RenderOutput *rendered = nullptr,
                          const std::function<void(int done, int total)> &progress = {},
                          const std::atomic_bool *cancel = nullptr,
                          const ServiceSecrets &secrets = {});
    /// Renders the project's bundles from its templates (no packing). Blocking.
    static Result<RenderOutput> render(const Project &project, const QString &projectDir);
    /// Copies each bundle's facts (images, ports, services, written folders, compose file) into the
    /// plan's jobs: what preflight checks and status expects comes from the rendered compose files.
    static void applyFacts(const RenderOutput &rendered, Plan &plan);
    /// sha256 of the project file's bytes (stored with every run in the history).
    static QString projectHash(const QString &projectPath);
    /// The files of @p bundle that carry markers, filled with @p secrets (memory only).
    static QList<BundleFile> secretFiles(const Bundle &bundle, const ServiceSecrets &secrets);

private:
    static Result<TemplateTree> openTemplates(const Project &project, const QString &projectDir);
};

} // namespace FateDeployer
