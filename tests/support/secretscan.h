// SPDX-License-Identifier: Apache-2.0
// Test support (not product code): reading every local file a run may have written, to show that no password
// reached one.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

namespace FateDeployer::Testing {

/// The bytes of every file under @p dir by path, gzip files decompressed.
QHash<QString, QByteArray> filesUnder(const QString &dir);

/// Every file under @p roots (gzip files decompressed) that holds one of @p needles, as "path: needle";
/// @p markerSeen becomes true when @p marker was in any of them (the scan read what it claims to read).
QStringList
filesHolding(const QStringList &roots, const QStringList &needles, const QByteArray &marker, bool *markerSeen);

} // namespace FateDeployer::Testing
