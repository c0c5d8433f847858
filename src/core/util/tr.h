// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QCoreApplication>
#include <QString>

namespace FateDeployer {

/// tr() for code outside QObjects, one line per file instead of a hand-written shim:
///
///     namespace {
///     /* TRANSLATOR FateDeployer::Plan */
///     constexpr Tr tr{"FateDeployer::Plan"};
///     }
///
/// Call sites stay `tr("…")`, so lupdate files them as before: under the TRANSLATOR comment's context, or
/// under the enclosing class. Keep the two contexts the same when you add one.
struct Tr
{
    const char *context;

    QString operator()(const char *text, const char *disambiguation = nullptr, int n = -1) const
    {
        return QCoreApplication::translate(context, text, disambiguation, n);
    }
};

} // namespace FateDeployer
