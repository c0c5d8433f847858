// SPDX-License-Identifier: Apache-2.0
#include "gui/previewdialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileSystemModel>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTabWidget>
#include <QTreeView>
#include <QVBoxLayout>

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
QStringList readLines(const QString &path, bool *exists)
{
    QFile file(path);
    *exists = file.open(QIODevice::ReadOnly);
    if (!*exists)
        return {};
    return QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
}
} // namespace

PreviewDialog::PreviewDialog(const QString &bundleRoot, const QString &deployedRoot, QWidget *parent)
    : QDialog(parent)
    , m_bundleRoot(bundleRoot)
    , m_deployedRoot(deployedRoot)
    , m_model(new QFileSystemModel(this))
    , m_tree(new QTreeView(this))
    , m_file(new QPlainTextEdit(this))
    , m_diff(new QPlainTextEdit(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("previewDialog"));
    setWindowTitle(tr("Render preview"));
    setAttribute(Qt::WA_DeleteOnClose);
    auto *layout = new QVBoxLayout(this);
    auto *splitter = new QSplitter(this);
    m_model->setReadOnly(true);
    m_model->setRootPath(bundleRoot);
    m_tree->setModel(m_model);
    m_tree->setRootIndex(m_model->index(bundleRoot));
    for (int c = 1; c < m_model->columnCount(); ++c)
        m_tree->hideColumn(c);
    m_tree->header()->hide();
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
    layout->addWidget(m_status);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &index) {
        if (!m_model->isDir(index))
            showFile(m_model->filePath(index));
    });
    m_status->setText(tr("Bundles in %1").arg(QDir::toNativeSeparators(bundleRoot)));
    resize(1000, 650);
}

PreviewDialog::~PreviewDialog() = default;

void PreviewDialog::showFile(const QString &path)
{
    bool exists = false;
    const QStringList lines = readLines(path, &exists);
    m_file->setPlainText(lines.join(QLatin1Char('\n')));
    const QString relative = QDir(m_bundleRoot).relativeFilePath(path);
    bool deployedExists = false;
    const QStringList deployed = readLines(QDir(m_deployedRoot).filePath(relative), &deployedExists);
    if (!deployedExists) {
        m_diff->setPlainText(tr("%1 was not part of the last deployment: the whole file is new.").arg(relative));
    } else {
        const QStringList diff = lineDiff(deployed, lines);
        m_diff->setPlainText(diff.isEmpty() ? tr("%1 is unchanged since the last deployment.").arg(relative)
                                            : diff.join(QLatin1Char('\n')));
    }
    m_status->setText(relative);
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
