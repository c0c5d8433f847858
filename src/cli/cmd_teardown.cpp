// SPDX-License-Identifier: Apache-2.0
#include "cli/cliapp.h"
#include "jobs/plan.h"

namespace FateDeployer {

int cliTeardown(CliContext &context)
{
    return cliEngineCommand(Operation::Teardown, context);
}

} // namespace FateDeployer
