// SPDX-License-Identifier: Apache-2.0
// Test support (not product code): the sandbox registry's three variants as QtTest data rows.
#pragma once

#include <QString>
#include <QTest>

namespace FateDeployer::Testing {

/// Columns "variable" (the FD_SB_REGISTRY_* variable with the registry's address) and "auth"
/// (whether it asks for the sandbox user's login); rows http+auth, tls+auth, anonymous.
inline void addRegistryVariants()
{
    QTest::addColumn<QString>("variable");
    QTest::addColumn<bool>("auth");
    QTest::newRow("http+auth") << QStringLiteral("FD_SB_REGISTRY_HTTP") << true;
    QTest::newRow("tls+auth") << QStringLiteral("FD_SB_REGISTRY_TLS") << true;
    QTest::newRow("anonymous") << QStringLiteral("FD_SB_REGISTRY_ANON") << false;
}

} // namespace FateDeployer::Testing
