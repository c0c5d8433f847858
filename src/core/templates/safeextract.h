// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "util/result.h"

#include <QCoreApplication>
#include <QtGlobal>

namespace FateDeployer {

/// Unpacks an untrusted .tar(.gz|.bz2|.xz) or .zip with libarchive into destDir (which must not
/// exist yet; it is created). Rejects, with an error naming the entry: absolute paths, ".."
/// components, symbolic or hard links pointing outside the tree, device/FIFO/socket entries, and
/// damaged or truncated data, and archives over the limits below (a "zip bomb", millions of entries,
/// absurdly deep paths). On error destDir is removed again. Blocking: run off the GUI thread.
class SafeExtract
{
    Q_DECLARE_TR_FUNCTIONS(FateDeployer::SafeExtract)

public:
    /// A KubeFATE release tree has about a thousand files and a few MB; these are far above that.
    struct Limits
    {
        int maxEntries = 20000;
        qint64 maxTotalBytes = 512LL * 1024 * 1024; ///< unpacked, hard-link copies included
        int maxDepth = 32;                          ///< folders in one entry's path
        int maxPathLength = 1024;                   ///< characters of one entry's path
    };

    static Status extract(const QString &archivePath, const QString &destDir, const Limits &limits);
    static Status extract(const QString &archivePath, const QString &destDir)
    {
        return extract(archivePath, destDir, Limits());
    }
};

} // namespace FateDeployer
