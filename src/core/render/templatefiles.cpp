// SPDX-License-Identifier: Apache-2.0
#include "render/templatefiles.h"

#include "render/composefacts.h"
#include "util/tr.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace FateDeployer {

QString TemplateFiles::display(const QString &path) const
{
    return QDir(m_tree.root).relativeFilePath(path);
}

Error TemplateFiles::missingKey(const QString &file, const QString &key) const
{
    return Error{tr("template file %1 has no \"%2\" to set; the KubeFATE %3 templates look damaged or edited, "
                    "restore that file from the release")
                     .arg(display(file), key, m_tree.kubefateVersion)};
}

Result<QByteArray> TemplateFiles::read(const QString &path) const
{
    QFile file(path);
    if (!file.exists())
        return Error{tr("template file %1 is missing from %2; the KubeFATE %3 templates are incomplete")
                         .arg(display(path), m_tree.root, m_tree.kubefateVersion)};
    if (!file.open(QIODevice::ReadOnly))
        return Error{tr("cannot read template file %1: %2").arg(path, file.errorString())};
    return file.readAll();
}

Status TemplateFiles::addTree(Bundle &bundle, const QString &srcDir, const QString &destPrefix, bool topLevelGlob) const
{
    const QString listingKey = srcDir + QLatin1Char('\n') + destPrefix + (topLevelGlob ? u'g' : u'a');
    if (auto it = m_listings.constFind(listingKey); it != m_listings.constEnd()) {
        bundle.files.append(it.value());
        return {};
    }
    if (!QFileInfo(srcDir).isDir())
        return Error{tr("template folder %1 is missing from %2; the KubeFATE %3 templates are incomplete")
                         .arg(display(srcDir), m_tree.root, m_tree.kubefateVersion)};
    QDirIterator it(srcDir, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    const QDir base(srcDir);
    QList<BundleFile> listing;
    while (it.hasNext()) {
        it.next();
        const QFileInfo info = it.fileInfo();
        const QString rel = base.relativeFilePath(info.filePath());
        if (topLevelGlob && rel.startsWith(QLatin1Char('.')))
            continue;
        BundleFile f;
        f.path = destPrefix + rel;
        f.sourcePath = info.absoluteFilePath();
        f.mode = modeOf(info);
        f.size = info.size();
        listing.append(f);
    }
    m_listings.insert(listingKey, listing);
    bundle.files.append(listing);
    return {};
}

Status
TemplateFiles::replaceContent(Bundle &bundle, const QString &src, const QString &dest, const QByteArray &content) const
{
    for (BundleFile &f : bundle.files) {
        if (f.path == dest) {
            f.sourcePath.clear();
            f.content = content;
            f.size = content.size();
            return {};
        }
    }
    return Error{tr("template file %1 is missing from %2; the KubeFATE %3 templates are incomplete")
                     .arg(display(src), m_tree.root, m_tree.kubefateVersion)};
}

void TemplateFiles::setContent(Bundle &bundle, const QString &dest, const QByteArray &content, const QString &src)
{
    for (BundleFile &f : bundle.files) {
        if (f.path == dest) {
            f.sourcePath.clear();
            f.content = content;
            f.size = content.size();
            return;
        }
    }
    BundleFile f;
    f.path = dest;
    f.content = content;
    f.size = content.size();
    const QFileInfo info(src);
    f.mode = !src.isEmpty() && info.exists() ? modeOf(info) : 0644;
    bundle.files.append(f);
}

Status TemplateFiles::finish(Bundle &bundle)
{
    // Each path converted once.
    QList<std::pair<QByteArray, qsizetype>> order;
    order.reserve(bundle.files.size());
    for (qsizetype i = 0; i < bundle.files.size(); ++i)
        order.append({bundle.files.at(i).path.toUtf8(), i});
    std::sort(order.begin(), order.end());
    QList<BundleFile> sorted;
    sorted.reserve(bundle.files.size());
    for (const auto &[path, index] : order)
        sorted.append(std::move(bundle.files[index]));
    bundle.files = std::move(sorted);
    bundle.emptyDirs.sort();
    // What the hosts will run, from the compose file just written (preflight, status, Images page).
    Result<BundleFacts> facts = ComposeFacts::of(bundle);
    if (!facts)
        return Error{facts.error()};
    bundle.facts = std::move(facts).value();
    return {};
}

int TemplateFiles::modeOf(const QFileInfo &info)
{
    return (info.permissions() & QFileDevice::ExeOwner) ? 0755 : 0644;
}

QList<QByteArray> splitLines(const QByteArray &text)
{
    QList<QByteArray> lines;
    qsizetype start = 0;
    while (start < text.size()) {
        const qsizetype nl = text.indexOf('\n', start);
        if (nl < 0) {
            lines.append(text.mid(start));
            break;
        }
        lines.append(text.mid(start, nl - start + 1));
        start = nl + 1;
    }
    return lines;
}

QByteArray joinLines(const QList<QByteArray> &lines)
{
    QByteArray out;
    for (const QByteArray &l : lines)
        out += l;
    return out;
}

} // namespace FateDeployer
