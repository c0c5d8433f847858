// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "kubefate/bashconfig.h"
#include "kubefate/kubefateformat.h"
#include "model/project.h"
#include "model/servicesecrets.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QHash>
#include <QStringList>

#include <optional>

namespace FateDeployer {

/// Reads KubeFATE's docker-deploy configuration (docker-configuration.sh or parties.conf, plus .env)
/// into a Project without running a shell. The format and KubeFATE release are detected from the
/// variables present. The result is validated; validation errors name the file, line and variable.
/// Passwords in the files are never imported.
class KubefateImporter
{
    Q_DECLARE_TR_FUNCTIONS(FateDeployer::KubefateImporter)

public:
    /// `envPath` empty: looks for `.env` next to the configuration, then (for docker-configuration.sh)
    /// in the folder above it, as KubeFATE 1.1.0 keeps it in the repository root.
    Result<Project> importFiles(const QString &configPath, const QString &envPath = {});
    /// Same on data in memory; `env` unset = no .env.
    Result<Project> importData(const QByteArray &config,
                               const QString &configName,
                               const std::optional<QByteArray> &env = std::nullopt,
                               const QString &envName = QStringLiteral(".env"));

    /// What was accepted but not taken over ("ignored: X", defaults used, validation warnings).
    const QStringList &warnings() const { return m_warnings; }
    KubefateFormat format() const { return m_format; }
    /// The .env that was read (empty if none).
    QString envPath() const { return m_envPath; }
    /// The passwords the file held (v1.11+ eras): for the keychain, never the project.
    const ServiceSecrets &secrets() const { return m_secrets; }

private:
    Result<Project> importParsed(const BashConfig &config, const BashConfig *env);
    /// v1.11+: engine matrix, MySQL, logins, serving hosts and (into m_secrets) passwords.
    void importEngine(
        const BashConfig &cfg, Project &p, QHash<QString, QString> &origin, QStringList &used, QStringList &errors);

    QStringList m_warnings;
    KubefateFormat m_format = KubefateFormat::DockerConfiguration;
    QString m_envPath;
    ServiceSecrets m_secrets;
};

} // namespace FateDeployer
