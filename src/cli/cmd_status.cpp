// SPDX-License-Identifier: Apache-2.0
#include "cli/cliapp.h"
#include "jobs/plan.h"

namespace FateDeployer {

int cliStatus(CliContext &context)
{
    return cliEngineCommand(Operation::Status, context);
}

} // namespace FateDeployer
