// SPDX-License-Identifier: Apache-2.0
#include "cli/cliapp.h"
#include "jobs/plan.h"

namespace FateDeployer {

int cliVerify(CliContext &context)
{
    return cliEngineCommand(Operation::Verify, context);
}

} // namespace FateDeployer
