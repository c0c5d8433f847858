// SPDX-License-Identifier: Apache-2.0
// Test support (not product code): the Deploy page's host rows as text, for failure messages.
#pragma once

#include "gui/deploymonitor.h"

#include <QStringList>

namespace FateDeployer::Testing {

/// One line per step of every host row: host, step name, state, message.
inline QString monitorRowsText(DeployMonitor *monitor)
{
    QStringList lines;
    for (const HostRun &r : monitor->hosts()->runs())
        for (const StepState &s : r.steps)
            lines.append(QStringLiteral("%1 %2 %3 %4").arg(r.host, s.name).arg(int(s.state)).arg(s.message));
    return lines.join(QLatin1Char('\n'));
}

} // namespace FateDeployer::Testing
