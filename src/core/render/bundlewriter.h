// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "render/bundle.h"
#include "util/result.h"

#include <QCoreApplication>

namespace FateDeployer {

/// Writes bundles to a local folder exactly as the hosts receive them: outDir/<bundle name>/...
/// Everything is first written into a temporary folder inside outDir, then each bundle folder is
/// swapped in by rename; on any error outDir is left as it was (no half-written bundle).
class BundleWriter
{
    Q_DECLARE_TR_FUNCTIONS(FateDeployer::BundleWriter)

public:
    static Status writeTree(const RenderOutput &output, const QString &outDir);
};

} // namespace FateDeployer
