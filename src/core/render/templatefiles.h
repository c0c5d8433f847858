// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "render/bundle.h"
#include "templates/templatesource.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QHash>

class QFileInfo;

namespace FateDeployer {

/// What every era's renderer does with its template tree: reads files, lists the folders it copies
/// (each once per render, since every party copies the same ones), and puts verbatim, edited and
/// generated files into a bundle. One instance per render; not thread-safe (the renderer is not).
class TemplateFiles
{
    Q_DECLARE_TR_FUNCTIONS(FateDeployer::TemplateFiles)

public:
    explicit TemplateFiles(const TemplateTree &tree)
        : m_tree(tree)
    {}

    /// @p path relative to the tree's root, for messages.
    QString display(const QString &path) const;
    /// "template file F has no "KEY" to set …": the error for a placeholder or key the template lacks.
    Error missingKey(const QString &file, const QString &key) const;
    Result<QByteArray> read(const QString &path) const;
    /// Adds every file under @p srcDir as a verbatim copy at destPrefix + relative path. topLevelGlob:
    /// like the scripts' `cp -r dir/*`, which skips hidden entries directly in dir (deeper ones are copied).
    Status addTree(Bundle &bundle, const QString &srcDir, const QString &destPrefix, bool topLevelGlob) const;
    /// Replaces the content of the bundle's file @p dest, which a copied folder must have brought
    /// (else an error naming @p src, the template it should have come from).
    Status replaceContent(Bundle &bundle, const QString &src, const QString &dest, const QByteArray &content) const;
    /// Sets the content of @p dest, adding the file when the bundle has none; a new file gets the mode
    /// of @p src (its template, when there is one) or 0644.
    static void setContent(Bundle &bundle, const QString &dest, const QByteArray &content, const QString &src);
    /// The last step of every bundle: files in byte order of their UTF-8 paths (what tar and the hosts
    /// see), empty folders sorted, and the facts of its compose file recorded.
    static Status finish(Bundle &bundle);

    static int modeOf(const QFileInfo &info);

private:
    const TemplateTree &m_tree;
    mutable QHash<QString, QList<BundleFile>> m_listings;
};

/// A text split into lines that keep their terminators, so untouched lines stay byte-identical.
QList<QByteArray> splitLines(const QByteArray &text);
QByteArray joinLines(const QList<QByteArray> &lines);

} // namespace FateDeployer
