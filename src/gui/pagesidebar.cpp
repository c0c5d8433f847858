// SPDX-License-Identifier: Apache-2.0
#include "gui/pagesidebar.h"

#include "gui/actiontable.h"
#include "gui/icons.h"

#include <QSignalBlocker>

namespace FateDeployer {

namespace {
/// One entry per page after Welcome, in MainWindow::Page order.
const std::pair<Icons::Glyph, const char *> Pages[] = {
    {Icons::Glyph::Topology, QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "Topology")},
    {Icons::Glyph::Images, QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "Images & registry")},
    {Icons::Glyph::Deploy, QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "Deploy")},
    {Icons::Glyph::History, QT_TRANSLATE_NOOP("FateDeployer::MainWindow", "History")},
};
} // namespace

PageSidebar::PageSidebar(QWidget *parent)
    : QListWidget(parent)
{
    setObjectName(QStringLiteral("sidebar"));
    for (const auto &[glyph, text] : Pages)
        new QListWidgetItem(Icons::icon(glyph), QString(), this);
    setIconSize(QSize(22, 22));
    setSpacing(2);
    setFrameShape(QFrame::NoFrame);
    setFixedWidth(190);
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Expanding);
    connect(this, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            emit rowRequested(row);
    });
    retranslate();
}

void PageSidebar::showRow(int row)
{
    const QSignalBlocker blocker(this);
    setCurrentRow(row);
}

void PageSidebar::retranslate()
{
    for (int i = 0; i < count(); ++i)
        item(i)->setText(ActionTable::translate(Pages[i].second));
}

} // namespace FateDeployer
