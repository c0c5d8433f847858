// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>

namespace FateDeployer {

/// Line diffs for previews (the change plan): the unified format `diff -u` prints.
class TextDiff
{
public:
    /// A unified diff of @p before and @p after with @p context lines around each change, headed
    /// "--- a/NAME" / "+++ b/NAME"; empty when the texts are equal.
    static QString unified(const QByteArray &before, const QByteArray &after, const QString &name, int context = 3);
};

} // namespace FateDeployer
