// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/project.h"
#include "util/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace FateDeployer {

/// What one party tells the others about itself: a small versioned JSON file with no secret and no SSH
/// setting — where the exchange and the other parties reach its proxy, and which versions it runs.
struct PartyCard
{
    Q_DECLARE_TR_FUNCTIONS(FateDeployer::PartyCard)

public:
    static constexpr int FormatVersion = 1;
    static constexpr qint64 MaxFileSize = 64 * 1024; ///< real cards are a few hundred bytes
    static constexpr int MaxContactLength = 256;
    static constexpr int MaxNoteLength = 4096;

    int partyId = 0;
    QString address; ///< reachable address (Project::routeAddress)
    int port = Party::DefaultProxyPort;
    QString kubefateVersion;
    QString fateVersion; ///< the image tag the party runs
    QString contact;
    QString note;

    bool operator==(const PartyCard &) const = default;

    /// The card of one party of a project (its reachable address, the project's versions).
    static Result<PartyCard> fromProject(const Project &project, int partyId);
    QByteArray toJson() const;
    /// Strict: unknown fields, wrong types, oversized text and invalid addresses are refused, by field name.
    static Result<PartyCard> fromJson(const QByteArray &json);
    static Result<PartyCard> load(const QString &path);
    Status save(const QString &path) const;

    /// Adds the card's party to a project (as another team's) or updates its address, port, contact and
    /// note. Returns the project as it would be; warnings (e.g. another KubeFATE version) go to warnings.
    Project applyTo(const Project &project, QStringList *warnings = nullptr) const;
};

} // namespace FateDeployer
