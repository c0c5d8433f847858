// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "util/result.h"

namespace FateDeployer {

/// Unpacks an untrusted .tar(.gz|.bz2|.xz) or .zip with libarchive into destDir (which must not
/// exist yet; it is created). Rejects, with an error naming the entry: absolute paths, ".."
/// components, symbolic or hard links pointing outside the tree, device/FIFO/socket entries, and
/// damaged or truncated data. On error destDir is removed again. Blocking: run off the GUI thread.
class SafeExtract
{
public:
    static Status extract(const QString &archivePath, const QString &destDir);
};

} // namespace FateDeployer
