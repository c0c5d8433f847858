// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jobs/parsers.h"

#include <QString>

namespace FateDeployer {

/// What the engine remembers about a host between runs, so that a deploy asks it less: the compose
/// front end and the Docker version it was found with (a new Docker version makes the front end unknown
/// again). No secrets. One small file, `host-state.tsv`, beside the run history (FD_HISTORY_DIR, else the
/// application's data folder); FD_HOST_STATE=off keeps nothing. Thread-safe.
class HostState
{
public:
    struct Entry
    {
        QString dockerVersion;
        ComposeFlavor compose = ComposeFlavor::None;
    };
    static QString path(); ///< empty = disabled
    /// @p hostId "user@address:port"; an unknown host gives an empty entry.
    static Entry load(const QString &hostId);
    /// Written only when it differs from what is stored.
    static void save(const QString &hostId, const Entry &entry);
};

} // namespace FateDeployer
