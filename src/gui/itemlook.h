// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QColor>
#include <QIcon>
#include <QVariant>

namespace FateDeployer {

/// The colours and icons item models show. Palettes and drawn icons need a QGuiApplication, item
/// models do not: the widgets that own a model pass these in (Icons::itemLook()), so models run
/// and are tested without one (a default look has invalid colours and null icons).
struct ItemLook
{
    QColor error;   ///< error text
    QColor warning; ///< warning text
    QColor muted;   ///< placeholders, debug lines, the deployer's own host
    QColor disabled;
    bool darkBase = false; ///< dark view background: host colours are drawn lighter
    QIcon errorIcon;
    QIcon warningIcon;

    /// @p color as a model value; none when the look leaves it unset.
    static QVariant value(const QColor &color) { return color.isValid() ? QVariant(color) : QVariant(); }
};

} // namespace FateDeployer
