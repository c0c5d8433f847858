// SPDX-License-Identifier: Apache-2.0
#include "render/preview.h"
#include "util/sha256.h"
#include "util/tr.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QHash>
#include <QSet>

namespace FateDeployer {

namespace {

Result<QByteArray> hashFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{tr("cannot read %1: %2").arg(path, file.errorString())};
    Sha256 hash; // OpenSSL: the preview hashes every template file and, against the last render, every copy of it
    if (!hash.addData(&file))
        return Error{tr("cannot read %1: %2").arg(path, file.errorString())};
    return hash.result().toHex();
}

} // namespace

int BundlePreview::changedCount() const
{
    int n = int(removed.size());
    for (const PreviewEntry &e : entries)
        if (e.change != PreviewEntry::Change::Unchanged)
            ++n;
    return n;
}

Result<QList<BundlePreview>> Preview::build(const RenderOutput &output, const QString &lastRenderDir)
{
    QList<BundlePreview> previews;
    QHash<QString, QByteArray> sourceHashes;      // verbatim files are shared by bundles: hash once
    QHash<QString, QSet<QByteArray>> partyHashes; // path → distinct hashes over party bundles
    QHash<QString, int> partyCount;
    int parties = 0;
    for (const Bundle &b : output.bundles) {
        BundlePreview p;
        p.name = b.name;
        p.host = b.host;
        p.remotePath = b.remotePath();
        if (b.kind == Bundle::Kind::Party)
            ++parties;
        QSet<QString> present;
        for (const BundleFile &f : b.files) {
            PreviewEntry e;
            e.path = f.path;
            e.size = f.size;
            e.mode = f.mode;
            if (f.isVerbatim()) {
                auto it = sourceHashes.constFind(f.sourcePath);
                if (it == sourceHashes.constEnd()) {
                    Result<QByteArray> h = hashFile(f.sourcePath);
                    if (!h)
                        return Error{h.error()};
                    it = sourceHashes.insert(f.sourcePath, h.value());
                }
                e.sha256 = it.value();
            } else {
                e.sha256 = Sha256::hash(f.content).toHex();
            }
            if (b.kind == Bundle::Kind::Party) {
                partyHashes[f.path].insert(e.sha256);
                ++partyCount[f.path];
            }
            if (!lastRenderDir.isEmpty()) {
                const QString old = lastRenderDir + QLatin1Char('/') + b.name + QLatin1Char('/') + f.path;
                if (QFile::exists(old)) {
                    QFile oldFile(old);
                    bool same = false;
                    if (oldFile.size() == f.size) {
                        Result<QByteArray> h = hashFile(old);
                        same = h.ok() && h.value() == e.sha256;
                    }
                    e.change = same ? PreviewEntry::Change::Unchanged : PreviewEntry::Change::Changed;
                }
            }
            present.insert(f.path);
            p.totalSize += f.size;
            p.entries.append(e);
        }
        Sha256 digest;
        for (const PreviewEntry &e : p.entries)
            digest.addData(QByteArray(QByteArray::number(e.mode, 8) + ' ' + e.sha256 + ' ' + e.path.toUtf8() + '\n'));
        p.digest = digest.result().toHex();
        if (!lastRenderDir.isEmpty()) {
            const QString oldRoot = lastRenderDir + QLatin1Char('/') + b.name;
            QDirIterator it(oldRoot, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
            const QDir base(oldRoot);
            while (it.hasNext()) {
                const QString rel = base.relativeFilePath(it.next());
                if (!present.contains(rel))
                    p.removed.append(rel);
            }
            p.removed.sort();
        }
        previews.append(p);
    }
    for (qsizetype i = 0; i < previews.size(); ++i) {
        if (output.bundles.at(i).kind != Bundle::Kind::Party)
            continue;
        for (PreviewEntry &e : previews[i].entries)
            e.differsBetweenParties = partyHashes.value(e.path).size() > 1 || partyCount.value(e.path) != parties;
    }
    return previews;
}

} // namespace FateDeployer
