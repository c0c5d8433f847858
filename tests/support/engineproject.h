// SPDX-License-Identifier: Apache-2.0
// Test support (not product code): projects and facts for the engine's unit tests on fake hosts.
#pragma once

#include "jobs/plan.h"
#include "model/project.h"

#include <QStringList>

namespace FateDeployer::Testing {

/// @p parties parties 10000, 10001… on 10.0.0.1, 10.0.0.2…, the exchange on 10.0.0.1, the KubeFATE 1.1.0
/// test tree as templates.
Project fakeHostsProject(int parties, const QString &name = QStringLiteral("t"));

/// The services of a FATE 1.1 party's compose file, as the rendered bundle lists them.
QStringList partyServices();

/// @p plan with the facts (services, images, ports) of @p project's rendered bundles, as BundlePrep applies
/// them for a run.
Plan withFacts(const Project &project, Plan plan);

} // namespace FateDeployer::Testing
