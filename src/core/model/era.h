// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

namespace FateDeployer {

struct EngineSettings;

/// The generations of KubeFATE's docker-deploy that differ in what a project can say (spec §1).
/// The project names a KubeFATE release (templates.kubefateVersion); the era follows from it.
enum class KubefateEra {
    V1_1,  ///< 1.1.0: docker-configuration.sh, no engine choice
    V1_4,  ///< v1.4.x: parties.conf, Eggroll only
    V1_11, ///< v1.11.x: engine matrix (Eggroll | Spark | Spark_local), serving hosts, MySQL and logins
    V2_0,  ///< v2.0.x: as v1.11 with OSX federation and STANDALONE computing
};

KubefateEra kubefateEra(const QString &kubefateVersion);

/// Whether the era's parties.conf has the engine matrix, MySQL settings and service logins.
bool eraHasEngine(KubefateEra era);
/// Whether the era renders a serving bundle per party (serving_ip_list).
bool eraHasServing(KubefateEra era);

/// Whether the era's bundles include an exchange (when the project enables one) for @p federation: 1.x eras
/// always; v1.11 only with the Eggroll federation (with a broker no party routes to it); never v2.0, whose OSX
/// route tables have no default route and whose tag's exchange cannot start (docs/render.md).
bool eraRendersExchange(KubefateEra era, const QString &federation);

/// The values KubeFATE's CheckConfig of the era accepts (`ALL` also in v1.11, where upstream rejects
/// it by mistake although its generator handles it).
QStringList computingChoices(KubefateEra era);
QStringList federationChoices(KubefateEra era, const QString &computing);
QStringList storageChoices(KubefateEra era, const QString &computing);
QStringList algorithmChoices(KubefateEra era);
QStringList deviceChoices(KubefateEra era);

/// The engine settings of the era's example parties.conf.
EngineSettings engineDefaults(KubefateEra era);

} // namespace FateDeployer
