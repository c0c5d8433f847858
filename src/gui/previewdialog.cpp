// SPDX-License-Identifier: Apache-2.0
#include "gui/previewdialog.h"

#include "gui/icons.h"
#include "model/era.h"
#include "render/renderer.h"
#include "templates/templatesource.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPointer>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <vector>

namespace FateDeployer {

QStringList lineDiff(const QStringList &a, const QStringList &b, int context)
{
    if (a == b)
        return {};
    const int n = int(a.size());
    const int m = int(b.size());
    if (qint64(n) * m > 16'000'000) // bundle files are small; refuse quadratic work on huge ones
        return {QStringLiteral("@@ %1 → %2 lines (too large to compare line by line) @@").arg(n).arg(m)};
    // LCS table from the end, then walk forward emitting -, + and context lines.
    std::vector<int> lcs(std::size_t(n + 1) * std::size_t(m + 1), 0);
    auto at = [&](int i, int j) -> int & { return lcs[std::size_t(i) * std::size_t(m + 1) + std::size_t(j)]; };
    for (int i = n - 1; i >= 0; --i)
        for (int j = m - 1; j >= 0; --j)
            at(i, j) = a.at(i) == b.at(j) ? at(i + 1, j + 1) + 1 : qMax(at(i + 1, j), at(i, j + 1));
    struct Op
    {
        char kind;
        QString text;
    };
    QList<Op> ops;
    int i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a.at(i) == b.at(j)) {
            ops.append({' ', a.at(i)});
            ++i;
            ++j;
        } else if (j < m && (i == n || at(i, j + 1) >= at(i + 1, j))) {
            ops.append({'+', b.at(j++)});
        } else {
            ops.append({'-', a.at(i++)});
        }
    }
    // Keep only changes and `context` lines around them.
    QStringList out;
    const int count = int(ops.size());
    std::vector<bool> keep(std::size_t(count), false);
    for (int k = 0; k < count; ++k) {
        if (ops.at(k).kind == ' ')
            continue;
        for (int c = qMax(0, k - context); c <= qMin(count - 1, k + context); ++c)
            keep[std::size_t(c)] = true;
    }
    bool gap = false;
    for (int k = 0; k < count; ++k) {
        if (!keep[std::size_t(k)]) {
            gap = true;
            continue;
        }
        if (gap || out.isEmpty())
            out.append(QStringLiteral("@@"));
        gap = false;
        out.append(QLatin1Char(ops.at(k).kind) + ops.at(k).text);
    }
    return out;
}

namespace {
struct RenderResult
{
    QString error;
    RenderOutput output;
    QList<BundlePreview> previews;
    ServiceSecrets secrets;
};

RenderResult renderAndCompare(const Project &project,
                              const QString &baseDir,
                              const QString &lastRenderDir,
                              const std::shared_ptr<SecretStore> &store)
{
    ServiceSecrets secrets;
    if (store && eraHasEngine(kubefateEra(project.templates.kubefateVersion))) {
        Result<ServiceSecrets> loaded = ServiceSecrets::load(*store, project);
        if (!loaded)
            return {loaded.error(), {}, {}, {}};
        secrets = loaded.value();
    }
    Result<TemplateTree> tree
        = project.templates.kind == TemplateSource::Kind::Url
              ? TemplateSources::cachedUrl(TemplateSources::downloadUrl(project.templates), project.templates.sha256)
              : TemplateSources::open(project.templates, baseDir);
    if (!tree)
        return {tree.error(), {}, {}, {}};
    Result<RenderOutput> output = Renderer::render(project, tree.value(), secrets);
    if (!output)
        return {output.error(), {}, {}, {}};
    Result<QList<BundlePreview>> previews = Preview::build(output.value(), lastRenderDir);
    if (!previews)
        return {previews.error(), {}, {}, {}};
    return {{}, output.value(), previews.value(), secrets};
}

QString changeLabel(PreviewEntry::Change change)
{
    switch (change) {
    case PreviewEntry::Change::New:
        return PreviewDialog::tr("new", "file state in the render preview");
    case PreviewEntry::Change::Changed:
        return PreviewDialog::tr("changed", "file state in the render preview");
    case PreviewEntry::Change::Unchanged:
        return {};
    }
    return {};
}
} // namespace

PreviewDialog::PreviewDialog(const Project &project,
                             const QString &baseDir,
                             const QString &lastRenderDir,
                             QWidget *parent,
                             std::shared_ptr<SecretStore> secrets)
    : QDialog(parent)
    , m_lastRenderDir(lastRenderDir)
    , m_tree(new QTreeWidget(this))
    , m_file(new QPlainTextEdit(this))
    , m_diff(new QPlainTextEdit(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("previewDialog"));
    setWindowTitle(tr("Render preview"));
    setAttribute(Qt::WA_DeleteOnClose);
    auto *layout = new QVBoxLayout(this);
    auto *splitter = new QSplitter(this);
    m_tree->setHeaderLabels({tr("Bundle / file"), tr("Since last deployment"), tr("Size")});
    m_tree->setUniformRowHeights(true);
    splitter->addWidget(m_tree);
    auto *tabs = new QTabWidget(this);
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (QPlainTextEdit *edit : {m_file, m_diff}) {
        edit->setReadOnly(true);
        edit->setUndoRedoEnabled(false);
        edit->setLineWrapMode(QPlainTextEdit::NoWrap);
        edit->setFont(mono);
    }
    tabs->addTab(m_file, tr("File"));
    tabs->addTab(m_diff, tr("Changes since last deployment"));
    splitter->addWidget(tabs);
    splitter->setStretchFactor(1, 3);
    layout->addWidget(splitter);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item && item->parent())
            showFile(item->parent()->data(0, Qt::UserRole).toString(), item->data(0, Qt::UserRole).toString());
    });
    m_status->setText(tr("Rendering the bundles…"));
    resize(1100, 700);

    // Reading templates and hashing every file is disk work: a worker thread does it, started from the event
    // loop (a render ready before then() attaches runs its continuation at once: `ready` must not come before
    // the constructor returned).
    QTimer::singleShot(0, this, [this, project, baseDir, lastRenderDir, secrets] {
        startRender(project, baseDir, lastRenderDir, secrets);
    });
}

void PreviewDialog::startRender(const Project &project,
                                const QString &baseDir,
                                const QString &lastRenderDir,
                                const std::shared_ptr<SecretStore> &secrets)
{
    QPointer<PreviewDialog> self(this);
    QtConcurrent::run(renderAndCompare, project, baseDir, lastRenderDir, secrets)
        .then(this, [self](const RenderResult &r) {
            if (!self)
                return;
            if (!r.error.isEmpty()) {
                self->m_status->setText(tr("Cannot render: %1").arg(r.error));
                self->m_ready = true;
                emit self->ready(false);
                return;
            }
            self->m_serviceSecrets = r.secrets;
            self->fill(r.output, r.previews);
            self->m_ready = true;
            emit self->ready(true);
        });
}

PreviewDialog::~PreviewDialog() = default;

void PreviewDialog::fill(const RenderOutput &output, const QList<BundlePreview> &previews)
{
    m_output = output;
    m_tree->clear();
    int changedBundles = 0;
    for (const BundlePreview &b : previews) {
        auto *top = new QTreeWidgetItem(m_tree);
        top->setText(0, tr("%1 → %2:%3").arg(b.name, b.host, b.remotePath));
        top->setData(0, Qt::UserRole, b.name);
        const int changed = b.changedCount();
        changedBundles += changed > 0 ? 1 : 0;
        top->setText(1, changed > 0 ? tr("%n change(s)", nullptr, changed) : tr("unchanged"));
        top->setIcon(1, Icons::icon(changed > 0 ? Icons::Glyph::Warning : Icons::Glyph::Ok));
        top->setText(2, QLocale().formattedDataSize(b.totalSize));
        for (const PreviewEntry &e : b.entries) {
            auto *item = new QTreeWidgetItem(top);
            item->setText(0, e.path);
            item->setData(0, Qt::UserRole, e.path);
            item->setText(1, changeLabel(e.change));
            item->setText(2, QLocale().formattedDataSize(e.size));
            if (e.change != PreviewEntry::Change::Unchanged)
                item->setForeground(1, Icons::statusColor(Icons::Glyph::Warning));
        }
        for (const QString &removed : b.removed) {
            auto *item = new QTreeWidgetItem(top);
            item->setText(0, removed);
            item->setText(1, tr("removed", "file state in the render preview"));
            item->setForeground(1, Icons::statusColor(Icons::Glyph::Error));
        }
    }
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(false);
    m_status->setText(tr("%n bundle(s) from %1; ", nullptr, int(previews.size())).arg(output.templateRoot)
                      + tr("%n bundle(s) differ from the last deployment.", nullptr, changedBundles));
}

QString PreviewDialog::statusText() const
{
    return m_status->text();
}

bool PreviewDialog::showFile(const QString &bundleName, const QString &path)
{
    const Bundle *bundle = m_output.bundle(bundleName);
    const BundleFile *file = bundle ? bundle->file(path) : nullptr;
    if (!file)
        return false;
    if (file->size > 4 * 1024 * 1024) {
        m_file->setPlainText(
            tr("%1 is %2; too large to show here.").arg(path, QLocale().formattedDataSize(file->size)));
        m_diff->clear();
        return true;
    }
    Result<QByteArray> bytes = file->bytes();
    if (!bytes) {
        m_file->setPlainText(bytes.error());
        return false;
    }
    // Passwords are in the bundle because the hosts need them; the screen shows them masked.
    const QString text = m_serviceSecrets.mask(QString::fromUtf8(bytes.value()));
    m_file->setPlainText(text);
    QFile last(QDir(m_lastRenderDir).filePath(bundleName + QLatin1Char('/') + path));
    if (m_lastRenderDir.isEmpty() || !last.open(QIODevice::ReadOnly)) {
        m_diff->setPlainText(tr("%1 was not part of the last deployment: the whole file is new.").arg(path));
    } else {
        // The last deployment may hold an earlier password, which the store no longer knows: a line that
        // matches a masked line of the new file around its mask is masked the same way.
        const QStringList now = text.split(QLatin1Char('\n'));
        QStringList before = m_serviceSecrets.mask(QString::fromUtf8(last.readAll())).split(QLatin1Char('\n'));
        const QString mask = QStringLiteral("********");
        for (const QString &line : now) {
            const qsizetype at = line.indexOf(mask);
            if (at < 0)
                continue;
            const QString pre = line.left(at), post = line.mid(at + mask.size());
            for (QString &old : before)
                if (old != line && old.size() > pre.size() + post.size() && old.startsWith(pre) && old.endsWith(post))
                    old = line;
        }
        const QStringList diff = lineDiff(before, now);
        m_diff->setPlainText(diff.isEmpty() ? tr("%1 is unchanged since the last deployment.").arg(path)
                                            : diff.join(QLatin1Char('\n')));
    }
    return true;
}

QString PreviewDialog::shownText() const
{
    return m_file->toPlainText();
}

QString PreviewDialog::diffText() const
{
    return m_diff->toPlainText();
}

} // namespace FateDeployer
