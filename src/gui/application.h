// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace FateDeployer {

/// Composition root of the desktop application: parses arguments, installs translators,
/// opens the main window. main.cpp only calls this.
int runGuiApplication(int argc, char *argv[]);

} // namespace FateDeployer
