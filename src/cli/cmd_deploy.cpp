// SPDX-License-Identifier: Apache-2.0
#include "cli/cliapp.h"
#include "jobs/plan.h"

namespace FateDeployer {

int cliDeploy(CliContext &context)
{
    return cliEngineCommand(Operation::Deploy, context);
}

} // namespace FateDeployer
