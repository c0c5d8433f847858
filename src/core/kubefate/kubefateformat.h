// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace FateDeployer {

/// The two shapes of KubeFATE's docker-deploy input.
enum class KubefateFormat {
    DockerConfiguration, ///< KubeFATE 1.1.0: docker-deploy/docker-configuration.sh + repo-root .env
    PartiesConf,         ///< KubeFATE v1.4 … v2.0: docker-deploy/parties.conf + docker-deploy/.env
};

/// "docker-configuration" or "parties-conf" (the CLI's --format values).
QString kubefateFormatName(KubefateFormat format);
std::optional<KubefateFormat> kubefateFormatFromName(const QString &name);
/// The format a KubeFATE release reads.
KubefateFormat kubefateFormatForVersion(const QString &kubefateVersion);
/// The configuration file's name: "docker-configuration.sh" or "parties.conf".
QString kubefateConfigFileName(KubefateFormat format);

} // namespace FateDeployer
