// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace FateDeployer {

/// One file of a bundle, as the host receives it. Either generated/edited content held in memory,
/// or a verbatim copy streamed from the template tree (sourcePath) so big example data never sits
/// in memory.
struct BundleFile
{
    QString path;       ///< relative to the bundle folder, '/'-separated, e.g. "confs/egg/conf/egg.properties"
    QByteArray content; ///< used when sourcePath is empty
    QString sourcePath; ///< absolute path of a verbatim template file; empty = use content
    int mode = 0644;    ///< permission bits (0755 for executables)
    qint64 size = 0;    ///< bytes (content size or source file size at render time)

    bool isVerbatim() const { return !sourcePath.isEmpty(); }
    /// Reads the bytes (from content or from disk); for previews and tests, not for packing.
    Result<QByteArray> bytes() const;
};

/// What a bundle runs, read from its rendered compose file (and .env): the facts preflight, status
/// and the Images page use, whatever the KubeFATE era of the templates.
struct BundleFacts
{
    QStringList services;  ///< compose services, file order
    QStringList images;    ///< image of each service, variables expanded, no duplicates
    QList<int> ports;      ///< host ports published ("9370:9370" → 9370), ascending
    QStringList dataPaths; ///< bind-mounted folders the bundle ships empty: the containers write them
};

/// A folder shipped to one host and unpacked there under targetDir: "confs-<id>", "exchange" (1.1.0),
/// "confs-exchange" or "serving-<id>" (v1.11).
struct Bundle
{
    enum class Kind { Party, Exchange, Serving };
    Kind kind = Kind::Party;
    QString name;            ///< folder name and tar path prefix: "confs-10000" or "exchange"
    int partyId = 0;         ///< 0 for the exchange
    QString host;            ///< SSH target host of this bundle
    QString targetDir;       ///< remote base dir; the bundle lands in targetDir + '/' + name
    QString composeFile;     ///< "docker-compose.yml" or "docker-compose-exchange.yml"
    QList<BundleFile> files; ///< sorted by path (byte order), no directories
    /// Folders shipped empty (sorted, relative, '/'-separated): v1.11's compose files bind-mount them as
    /// volume devices, which Docker refuses when the folder does not exist on the host.
    QStringList emptyDirs;
    BundleFacts facts; ///< from the compose file, recorded by the renderer

    /// A bundle with no files yet: who it is for and where it goes (what every renderer sets first).
    static Bundle make(Kind kind,
                       const QString &name,
                       int partyId,
                       const QString &host,
                       const QString &targetDir,
                       const QString &composeFile = QStringLiteral("docker-compose.yml"));

    QString remotePath() const { return targetDir + QLatin1Char('/') + name; }
    const BundleFile *file(const QString &path) const;
    qint64 totalSize() const;
};

/// Everything a render produced: one bundle per party (project order), then the exchange; v1.11 adds a
/// serving bundle per party that has a serving host, after the exchange.
struct RenderOutput
{
    QString templateRoot;    ///< the template tree it came from
    QString kubefateVersion; ///< era detected, e.g. "1.1.0"
    QList<Bundle> bundles;
    /// parties.conf names of the passwords the bundles need but the render was not given (v1.11:
    /// "mysql_password", …); they are rendered empty, so a deploy must refuse while this is not empty.
    QStringList missingSecrets;

    const Bundle *bundle(const QString &name) const;
};

} // namespace FateDeployer
