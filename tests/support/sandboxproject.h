// SPDX-License-Identifier: Apache-2.0
// Test support (not product code): projects whose hosts are sandbox hosts, logged in as root with the
// sandbox's client key.
#pragma once

#include "model/project.h"
#include "sandboxfixture.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace FateDeployer::Testing {

/// Parties (id, sandbox host index) and the exchange on @p exchangeHost; the KubeFATE 1.1.0 test tree
/// as templates; verification between the first and the last party.
Project sandboxProject(const SandboxFixture &sandbox,
                       const QString &name,
                       const QList<QPair<int, int>> &parties,
                       int exchangeHost,
                       const QString &templates = QStringLiteral(FD_TEST_DATA "/kubefate-1.1.0"));

/// Saves @p project as DIR/NAME.fdproj; the path, or empty (with a test failure message) if it fails.
QString saveProject(const Project &project, const QString &dir);

/// The CLI options that point SSH at the sandbox only: its known_hosts and no ~/.ssh/config.
QStringList sandboxSshArgs(const SandboxFixture &sandbox);

/// Stdout of @p cmd as root on sandbox host @p host, trimmed.
QString onHost(const SandboxFixture &sandbox, int host, const QString &cmd);

} // namespace FateDeployer::Testing
