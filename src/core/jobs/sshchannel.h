// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jobs/hostchannel.h"
#include "remote/sshendpoint.h"

namespace FateDeployer {

class Prompter;
class SecretStore;

/// How the engine's SSH channels connect (shared by all jobs of a run).
struct SshChannelOptions
{
    HostKeyPolicy hostKeyPolicy = HostKeyPolicy::Ask;
    QString knownHostsFile;       ///< empty = ~/.ssh/known_hosts
    QString sshConfigFile;        ///< empty = ~/.ssh/config
    Prompter *prompter = nullptr; ///< must outlive the run; called from job threads
    SecretStore *secrets = nullptr;
    int connectTimeoutSeconds = 15; ///< TCP connect + key exchange (GUI: Settings)

    /// The project's known_hosts file (relative paths taken from the project file's folder), policy Ask.
    static SshChannelOptions forProject(const Project &project, const QString &projectFilePath);
};

/// SSH endpoint of a job's target with the options applied.
SshEndpoint endpointFor(const HostTarget &target, const SshChannelOptions &options);

/// Channels over the remote module's SshSession: one session per job, used only in the job's thread.
ChannelFactory sshChannelFactory(const SshChannelOptions &options);

} // namespace FateDeployer
