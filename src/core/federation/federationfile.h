// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/project.h"
#include "util/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace FateDeployer {

/// One party as the federation file lists it: where it is reached, who runs it.
struct FederationParty
{
    int id = 0;
    QString address;
    int port = Party::DefaultProxyPort;
    QString contact;
    QString note;

    bool operator==(const FederationParty &) const = default;
};

/// Which hosts a team deploys itself when it imports a federation file ("my parties only").
struct Ownership
{
    QList<int> parties;
    bool exchange = false;
};

/// The coordinator's file for every team of a federation: everything a party needs to render its own
/// bundle (versions, images, engines, the exchange and every party's reachable address), a revision, and
/// a sha256 over a canonical form (compact JSON, sorted keys, parties sorted by id) that the teams compare
/// as a short fingerprint. No secret and no SSH setting is in it.
struct FederationFile
{
    Q_DECLARE_TR_FUNCTIONS(FateDeployer::FederationFile)

public:
    static constexpr int FormatVersion = 1;
    static constexpr qint64 MaxFileSize = 4 * 1024 * 1024;
    static constexpr int MaxParties = 1000;

    int revision = 1;
    QString name;
    QString kubefateVersion;
    ImageSettings images;
    std::optional<EngineSettings> engine; ///< computing, federation, storage (eras with an engine)
    bool exchangeEnabled = true;
    QString exchangeAddress;
    int exchangePort = 9371;        ///< where the parties reach the exchange
    int exchangeListenPort = 9371;  ///< the port the exchange publishes on its host
    QList<FederationParty> parties; ///< sorted by id

    bool operator==(const FederationFile &) const = default;

    /// The federation of a project, at the project's revision (1 for the first export).
    static FederationFile fromProject(const Project &project);
    /// What `federation export` writes: the project's revision when its content is what was last exported,
    /// else the next revision.
    static FederationFile forExport(const Project &project);

    QByteArray canonicalJson() const;
    QString sha256() const; ///< hex, of canonicalJson()
    /// The sha256's first 32 hex digits in groups of 4, for reading out over the phone.
    QString fingerprint() const;
    static QString fingerprintOf(const QString &sha256);

    QByteArray toJson() const;
    /// Strict (see PartyCard::fromJson); the checksum in the file must match its content.
    static Result<FederationFile> fromJson(const QByteArray &json);
    static Result<FederationFile> load(const QString &path);
    Status save(const QString &path) const;

    /// The project with the federation filled in: versions, images, engines, the exchange and every party.
    /// Own hosts keep their SSH address and settings (the file's address becomes their reachable address
    /// when it differs); the others become external. Secrets are never touched. Without ownership, a host
    /// the project already has keeps its own/external state and new ones are external.
    Project applyTo(const Project &project, const std::optional<Ownership> &ownership = std::nullopt) const;
};

/// Every difference that matters to a federation between two projects, one line each, translated:
/// parties added and removed, addresses and ports changed, versions, images, ownership, revision.
QStringList describeFederationChanges(const Project &before, const Project &after);

} // namespace FateDeployer
