// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDialog>
#include <QStringList>

class QFileSystemModel;
class QLabel;
class QPlainTextEdit;
class QTreeView;

namespace FateDeployer {

/// A unified line diff ("-old", "+new", " same") of two texts; empty when equal.
QStringList lineDiff(const QStringList &before, const QStringList &after, int context = 3);

/// Render preview: the bundles of a render output folder as a file tree, a read-only view of
/// the chosen file, and what changed against the bundle last deployed to that host (a copy
/// the engine keeps; a missing copy means "first deployment").
class PreviewDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreviewDialog)

public:
    /// @p bundleRoot: folder with one sub-folder per host bundle; @p deployedRoot: same layout
    /// for the last deployed bundles (may not exist).
    PreviewDialog(const QString &bundleRoot, const QString &deployedRoot, QWidget *parent = nullptr);
    ~PreviewDialog() override;

    void showFile(const QString &path);
    QString shownText() const;
    QString diffText() const;

private:
    QString m_bundleRoot;
    QString m_deployedRoot;
    QFileSystemModel *m_model;
    QTreeView *m_tree;
    QPlainTextEdit *m_file;
    QPlainTextEdit *m_diff;
    QLabel *m_status;
};

} // namespace FateDeployer
