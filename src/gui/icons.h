// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gui/itemlook.h"

#include <QColor>
#include <QIcon>

namespace FateDeployer {

/// The application's icons. Qt SVG is not in our Debian dependency set, so icons are drawn
/// as vector paths by a QIconEngine: sharp at every device-pixel ratio, and drawn in the
/// palette's text colour so they follow light and dark themes. Desktop theme icons are
/// preferred where a freedesktop name exists.
namespace Icons {
enum class Glyph {
    Topology,
    Images,
    Deploy,
    History,
    Ok,
    Error,
    Warning,
    Running,
    Pending,
    Add,
    Duplicate,
    Remove,
    Cancel,
    Retry,
    Refresh,
    Verify,
    Preflight,
    Search,
    Open,
    Save,
};

QIcon icon(Glyph glyph);
/// @p themeName is tried first (e.g. "document-open"), the drawn glyph is the fallback.
QIcon themed(const char *themeName, Glyph fallback);
/// Status colours that stay readable on light and dark backgrounds.
QColor statusColor(Glyph status);
/// The look of item models under the application's current palette.
ItemLook itemLook();
} // namespace Icons

} // namespace FateDeployer
