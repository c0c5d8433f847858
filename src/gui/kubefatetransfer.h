// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QCoreApplication>

namespace FateDeployer {

class ProjectController;

/// KubeFATE's own configuration files in and out of the window: import makes a new, unsaved
/// project (behind the unsaved-changes question), export writes the open project for KubeFATE's
/// scripts. Both ask for the file or folder through Dialogs and summarise what was not carried over.
class KubefateTransfer
{
    Q_DECLARE_TR_FUNCTIONS(FateDeployer::KubefateTransfer)

public:
    static void importInto(ProjectController *files);
    static void exportFrom(ProjectController *files);
};

} // namespace FateDeployer
