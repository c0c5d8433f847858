// SPDX-License-Identifier: Apache-2.0
#include "model/era.h"

#include "model/project.h"

namespace FateDeployer {

KubefateEra kubefateEra(const QString &version)
{
    if (version.startsWith(QLatin1String("1.4.")))
        return KubefateEra::V1_4;
    if (version.startsWith(QLatin1String("1.11.")))
        return KubefateEra::V1_11;
    if (version.startsWith(QLatin1String("2.")))
        return KubefateEra::V2_0;
    return KubefateEra::V1_1;
}

bool eraHasEngine(KubefateEra era)
{
    return era == KubefateEra::V1_11 || era == KubefateEra::V2_0;
}

bool eraHasServing(KubefateEra era)
{
    return eraHasEngine(era);
}

bool eraRendersExchange(KubefateEra era, const QString &federation)
{
    switch (era) {
    case KubefateEra::V1_1:
    case KubefateEra::V1_4:
        return true;
    case KubefateEra::V1_11:
        return federation == QLatin1String("Eggroll");
    case KubefateEra::V2_0:
        break;
    }
    return false;
}

QStringList computingChoices(KubefateEra era)
{
    switch (era) {
    case KubefateEra::V1_11:
        return {QStringLiteral("Eggroll"), QStringLiteral("Spark"), QStringLiteral("Spark_local")};
    case KubefateEra::V2_0:
        return {QStringLiteral("Eggroll"), QStringLiteral("Spark"), QStringLiteral("STANDALONE")};
    case KubefateEra::V1_1:
    case KubefateEra::V1_4:
        break;
    }
    return {QStringLiteral("Eggroll")};
}

QStringList federationChoices(KubefateEra era, const QString &computing)
{
    const QStringList brokers = {QStringLiteral("Pulsar"), QStringLiteral("RabbitMQ")};
    if (era == KubefateEra::V2_0) {
        if (computing == QLatin1String("Eggroll"))
            return {QStringLiteral("OSX")};
        if (computing == QLatin1String("Spark"))
            return brokers;
        // STANDALONE: upstream's check is commented out and its generator writes a Pulsar or RabbitMQ
        // route table, but the slim compose file of v2.0.0 has both brokers commented out: only OSX runs.
        return {QStringLiteral("OSX")};
    }
    if (era == KubefateEra::V1_11 && computing != QLatin1String("Eggroll"))
        return brokers;
    return {QStringLiteral("Eggroll")};
}

QStringList storageChoices(KubefateEra era, const QString &computing)
{
    if (computing == QLatin1String("Spark"))
        return {QStringLiteral("HDFS")};
    if (era == KubefateEra::V1_11 && computing == QLatin1String("Spark_local"))
        return {QStringLiteral("LocalFS")};
    if (era == KubefateEra::V2_0 && computing == QLatin1String("STANDALONE"))
        return {QStringLiteral("STANDALONE")};
    return {QStringLiteral("Eggroll")};
}

QStringList algorithmChoices(KubefateEra era)
{
    if (!eraHasEngine(era))
        return {QStringLiteral("Basic")};
    return {QStringLiteral("Basic"), QStringLiteral("NN"), QStringLiteral("ALL")};
}

QStringList deviceChoices(KubefateEra era)
{
    if (!eraHasEngine(era))
        return {QStringLiteral("CPU")};
    return {QStringLiteral("CPU"), QStringLiteral("IPCL"), QStringLiteral("GPU")};
}

EngineSettings engineDefaults(KubefateEra era)
{
    EngineSettings e;
    if (era == KubefateEra::V2_0) {
        e.federation = QStringLiteral("OSX");
        e.computeCore = 8;
    }
    return e;
}

} // namespace FateDeployer
