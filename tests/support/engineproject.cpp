// SPDX-License-Identifier: Apache-2.0
#include "engineproject.h"

#include "jobs/bundleprep.h"

namespace FateDeployer::Testing {

Project fakeHostsProject(int parties, const QString &name)
{
    Project p;
    p.name = name;
    for (int i = 0; i < parties; ++i) {
        Party party;
        party.id = 10000 + i;
        party.host = QStringLiteral("10.0.0.%1").arg(i + 1);
        p.parties.append(party);
    }
    p.exchange.host = QStringLiteral("10.0.0.1");
    p.templates.location = QStringLiteral(FD_TEST_DATA "/kubefate-1.1.0");
    return p;
}

QStringList partyServices()
{
    return {QStringLiteral("federation"),
            QStringLiteral("proxy"),
            QStringLiteral("fateboard"),
            QStringLiteral("roll"),
            QStringLiteral("egg"),
            QStringLiteral("python"),
            QStringLiteral("meta-service"),
            QStringLiteral("mysql"),
            QStringLiteral("redis")};
}

Plan withFacts(const Project &project, Plan plan)
{
    const Result<RenderOutput> rendered = BundlePrep::render(project, QString());
    if (!rendered)
        qFatal("render: %s", qPrintable(rendered.error()));
    BundlePrep::applyFacts(rendered.value(), plan);
    return plan;
}

} // namespace FateDeployer::Testing
