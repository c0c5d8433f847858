// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gui/actiontable.h"

#include <span>

namespace FateDeployer {

/// The main window's menus and actions, in menu-bar order: every text, tip, shortcut, icon,
/// menu place, toolbar place, enabling rule and handler is written once, here.
std::span<const ActionSpec> mainWindowActions();

} // namespace FateDeployer
