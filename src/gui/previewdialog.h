// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/project.h"
#include "model/servicesecrets.h"
#include "render/bundle.h"
#include "render/preview.h"

#include <QDialog>
#include <QStringList>

#include <memory>

class QLabel;
class QPlainTextEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace FateDeployer {

/// A unified line diff ("-old", "+new", " same", "@@" between hunks) of two texts; empty when equal.
QStringList lineDiff(const QStringList &before, const QStringList &after, int context = 3);

/// Render preview: renders the project off the GUI thread (templates → bundles), lists every
/// bundle as a file tree marked New/Changed/Unchanged against the last render kept on disk,
/// shows a file read-only and what changed in it since then.
class PreviewDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreviewDialog)

public:
    /// @p baseDir: folder relative template paths are resolved from (the project file's folder);
    /// @p lastRenderDir: bundles of the last deployment (BundleWriter::writeTree layout), may not exist.
    /// @p secrets: where the services' passwords are (v1.11+); they are read off the GUI thread, rendered
    /// into the bundles and shown masked ("********") in the file and change views.
    PreviewDialog(const Project &project,
                  const QString &baseDir,
                  const QString &lastRenderDir,
                  QWidget *parent = nullptr,
                  std::shared_ptr<SecretStore> secrets = {});
    ~PreviewDialog() override;

    bool isReady() const { return m_ready; }
    QString statusText() const;
    /// Shows @p path of bundle @p bundle (e.g. "confs-10000", "confs/egg/conf/egg.properties").
    bool showFile(const QString &bundle, const QString &path);
    QString shownText() const;
    QString diffText() const;
    QTreeWidget *tree() const { return m_tree; }

signals:
    /// Once, from the event loop (never during the constructor): the bundles are shown, or why not.
    void ready(bool ok);

private:
    void startRender(const Project &project,
                     const QString &baseDir,
                     const QString &lastRenderDir,
                     const std::shared_ptr<SecretStore> &secrets);
    void fill(const RenderOutput &output, const QList<BundlePreview> &previews);

    QString m_lastRenderDir;
    RenderOutput m_output;
    ServiceSecrets m_serviceSecrets; ///< masked wherever file text is shown
    bool m_ready = false;
    QTreeWidget *m_tree;
    QPlainTextEdit *m_file;
    QPlainTextEdit *m_diff;
    QLabel *m_status;
};

} // namespace FateDeployer
