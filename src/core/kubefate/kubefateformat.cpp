// SPDX-License-Identifier: Apache-2.0
#include "kubefate/kubefateformat.h"

namespace FateDeployer {

QString kubefateFormatName(KubefateFormat format)
{
    return format == KubefateFormat::DockerConfiguration ? QStringLiteral("docker-configuration")
                                                         : QStringLiteral("parties-conf");
}

std::optional<KubefateFormat> kubefateFormatFromName(const QString &name)
{
    if (name == QLatin1String("docker-configuration"))
        return KubefateFormat::DockerConfiguration;
    if (name == QLatin1String("parties-conf"))
        return KubefateFormat::PartiesConf;
    return std::nullopt;
}

KubefateFormat kubefateFormatForVersion(const QString &kubefateVersion)
{
    return kubefateVersion == QLatin1String("1.1.0") ? KubefateFormat::DockerConfiguration
                                                     : KubefateFormat::PartiesConf;
}

QString kubefateConfigFileName(KubefateFormat format)
{
    return format == KubefateFormat::DockerConfiguration ? QStringLiteral("docker-configuration.sh")
                                                         : QStringLiteral("parties.conf");
}

} // namespace FateDeployer
