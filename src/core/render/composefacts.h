// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "render/bundle.h"
#include "util/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>

namespace FateDeployer {

/// Reads services, images, published ports and written folders from a compose file. Only the
/// compose subset the KubeFATE templates use (block mappings and lists, short and long port syntax,
/// ${VAR}, ${VAR:-default} and $VAR from the bundle's .env); not a general YAML parser.
class ComposeFacts
{
    Q_DECLARE_TR_FUNCTIONS(FateDeployer::ComposeFacts)

public:
    /// @p bundleFiles: the bundle's file paths, to tell shipped folders from folders the containers write.
    static BundleFacts
    parse(const QByteArray &compose, const QHash<QString, QString> &environment, const QStringList &bundleFiles = {});
    /// KEY=VALUE lines of a .env file.
    static QHash<QString, QString> parseEnv(const QByteArray &env);
    /// The facts of a rendered bundle (its compose file and .env).
    static Result<BundleFacts> of(const Bundle &bundle);
};

} // namespace FateDeployer
