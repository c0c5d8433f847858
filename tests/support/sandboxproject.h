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

/// The KubeFATE v1.11.2 (Eggroll) federation of the era's sandbox tests: party 10000 on host 1 with its serving
/// bundle on the same host, party 9999 on host 2, the exchange on host 3; the era's stand-in images (tag
/// 1.11.2-release) and templates; verification 10000 → 9999 with a 120 s timeout.
Project sandboxProjectV111(const SandboxFixture &sandbox, const QString &name);

/// The KubeFATE v2.0.0 federation of the era's sandbox tests (its default engines: Eggroll, OSX, Eggroll): party
/// 10000 on host 1, party 9999 on host 2, no exchange (the era has none, docs/render.md); the era's stand-in
/// images (tag 2.0.0-release) and templates; verification 10000 → 9999 with a 120 s timeout.
Project sandboxProjectV20(const SandboxFixture &sandbox, const QString &name);

/// Saves @p project as DIR/NAME.fdproj; the path, or empty (with a test failure message) if it fails.
QString saveProject(const Project &project, const QString &dir);

/// A shell word for the container id of @p service in compose project @p project (on the host it runs on).
QString composeContainer(const QString &project, const QString &service);

/// After a v2.0.0 toy job from party 10000 to 9999 (sandboxProjectV20): empty when both OSX hops are in the
/// OSX logs (10000's default route to host 2, 9999's hand-over to its fateflow), else which one is missing.
QString osxRouteProblemV20(const SandboxFixture &sandbox);

/// The CLI options that point SSH at the sandbox only: its known_hosts and no ~/.ssh/config.
QStringList sandboxSshArgs(const SandboxFixture &sandbox);

/// Stdout of @p cmd as root on sandbox host @p host, trimmed.
QString onHost(const SandboxFixture &sandbox, int host, const QString &cmd);

} // namespace FateDeployer::Testing
