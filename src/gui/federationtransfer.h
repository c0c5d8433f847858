// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QCoreApplication>
#include <QList>

namespace FateDeployer {

class ProjectController;

/// Party cards and the federation file in and out of the window (File ▸ Federation). Imports show what
/// changes — and the federation file's fingerprint, large, to compare with the coordinator — before the
/// change is made; accepted changes are one undoable edit of the open project.
class FederationTransfer
{
    Q_DECLARE_TR_FUNCTIONS(FateDeployer::FederationTransfer)

public:
    /// The card of the first selected party, else of the project's first own party.
    static void exportCard(ProjectController *files, const QList<int> &selectedPartyIds);
    static void importCard(ProjectController *files);
    /// Writes the federation file; the project takes its revision (an edit: save to keep it).
    static void exportFederation(ProjectController *files);
    static void importFederation(ProjectController *files);

    /// The fingerprint as the dialogs show it: large, bold, monospaced (rich text).
    static QString fingerprintHtml(const QString &fingerprint);
};

} // namespace FateDeployer
