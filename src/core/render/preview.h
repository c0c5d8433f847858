// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "render/bundle.h"
#include "util/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace FateDeployer {

/// One file of a bundle in the preview.
struct PreviewEntry
{
    enum class Change { New, Changed, Unchanged }; ///< versus the last render kept on disk
    QString path;
    qint64 size = 0;
    QByteArray sha256; ///< hex
    int mode = 0644;
    bool differsBetweenParties = false; ///< party bundles: not the same bytes in every party bundle
    Change change = Change::New;
};

struct BundlePreview
{
    QString name;
    QString host;
    QString remotePath;
    QList<PreviewEntry> entries; ///< sorted by path
    QStringList removed;         ///< files of the last render that are gone now
    qint64 totalSize = 0;
    QByteArray digest; ///< hex sha256 over "mode sha256 path\n" of every entry: one value per bundle content

    int changedCount() const; ///< New + Changed entries + removed
};

/// Builds the preview listings: hashes every file (streaming), compares party bundles with each
/// other and with lastRenderDir/<bundle>/ (the last render kept on disk; empty = none). Reads the
/// big example files, so call it off the GUI thread.
class Preview
{
public:
    static Result<QList<BundlePreview>> build(const RenderOutput &output, const QString &lastRenderDir = {});
};

} // namespace FateDeployer
