// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jobs/plan.h"
#include "render/bundle.h"
#include "util/result.h"

#include <QString>

#include <atomic>

namespace FateDeployer {

/// Renders a project's bundles (render module) and packs each as <outDir>/<name>.tar.gz
/// (deterministic, paths start with "<name>/"), then points the plan's deploy jobs at them.
/// projectDir resolves relative template paths. Blocking: call it off the GUI thread.
/// @p rendered (optional) receives the render the archives were packed from (e.g. to keep the
/// deployed bundles on disk for the next Render preview). @p cancel (optional, e.g. SignalGuard::flag())
/// stops packing at the next file and makes prepare() fail with "cancelled".
class BundlePrep
{
public:
    static Status prepare(const Project &project,
                          const QString &projectDir,
                          const QString &outDir,
                          Plan &plan,
                          RenderOutput *rendered = nullptr,
                          const std::atomic_bool *cancel = nullptr);
    /// sha256 of the project file's bytes (stored with every run in the history).
    static QString projectHash(const QString &projectPath);
};

} // namespace FateDeployer
