// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QCoreApplication>

#include <memory>

namespace FateDeployer {

class ProjectController;
class SecretStore;

/// KubeFATE's own configuration files in and out of the window: import makes a new, unsaved
/// project (behind the unsaved-changes question), export writes the open project for KubeFATE's
/// scripts. Both ask for the file or folder through Dialogs and summarise what was not carried over.
class KubefateTransfer
{
    Q_DECLARE_TR_FUNCTIONS(FateDeployer::KubefateTransfer)

public:
    /// `secrets`: where the passwords of a v1.11+/v2.0 parties.conf go (off the GUI thread); null = dropped.
    static void importInto(ProjectController *files, std::shared_ptr<SecretStore> secrets = {});
    static void exportFrom(ProjectController *files);
    /// KubeFATE's cluster.yaml for Kubernetes (one per own party, the exchange's rollsite.yaml), written off
    /// the GUI thread; existing files are overwritten only after asking.
    static void exportClusterYaml(ProjectController *files);
};

} // namespace FateDeployer
