// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringList>

namespace FateDeployer {

class MainWindow;

/// Saves a PNG of every page of @p window into @p dir as "<prefix>-<page>.png" (welcome,
/// topology, images, deploy, history). Returns the files written.
QStringList saveScreenshots(MainWindow *window, const QString &dir, const QString &prefix);

} // namespace FateDeployer
