// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "util/authmethod.h"

#include <QList>
#include <QString>

#include <optional>

namespace FateDeployer {

QString authMethodToString(AuthMethod method);
std::optional<AuthMethod> authMethodFromString(const QString &text);

/// Per-host SSH settings; empty/unset fields fall back to the project's defaults.
struct SshOverrides
{
    QString user;
    std::optional<int> port;
    QString identityFile;
    AuthMethod auth = AuthMethod::Default;
    QString jumpHost; ///< optional "user@host:port" reached first (ProxyJump)

    bool isEmpty() const;
    bool operator==(const SshOverrides &) const = default;
};

/// One FATE party: an organisation's cluster on one run host.
struct Party
{
    int id = 0;
    QString host;
    SshOverrides ssh;
    QString dir; ///< per-host base dir; empty = Project::baseDir
    QString notes;
    /// Host of the party's FATE-Serving bundle (v1.11+); empty = no serving for this party.
    QString servingHost;
    /// Where the exchange and the other parties reach this party's proxy when that is not `host` (NAT, a
    /// public address); empty = host. `host` stays the address this computer deploys over SSH.
    QString reachableAddress;
    std::optional<int> reachablePort; ///< unset = DefaultProxyPort
    /// Deployed by another team ("my parties only"): never contacted, only listed in route tables.
    bool external = false;
    QString contact; ///< who runs the party (from its party card), optional

    static constexpr int DefaultProxyPort = 9370;

    /// A party with only its id and SSH host set (aggregate initialisation would name every field).
    static Party make(int id, const QString &host = {});

    bool operator==(const Party &) const = default;
};

/// The exchange (the federation's router). FATE 1.1 always deploys one.
struct Exchange
{
    bool enabled = true;
    QString host;
    int port = 9371;
    SshOverrides ssh;
    QString dir;                      ///< empty = Project::baseDir
    QString reachableAddress;         ///< where the parties reach it when that is not `host`; empty = host
    std::optional<int> reachablePort; ///< unset = port
    bool external = false;            ///< deployed by another team (see Party::external)
    QString notes;

    bool operator==(const Exchange &) const = default;
};

/// Where KubeFATE's templates come from; we never ship forked copies of FATE's config files.
struct TemplateSource
{
    enum class Kind { Folder, Archive, Url };
    QString kubefateVersion = QStringLiteral("1.1.0");
    Kind kind = Kind::Folder;
    QString location;   ///< folder path, archive path, or URL; empty URL = mirrorBase + version
    QString sha256;     ///< optional expected checksum of an archive or download
    QString mirrorBase; ///< optional base URL for downloads

    bool operator==(const TemplateSource &) const = default;
};

QString templateKindToString(TemplateSource::Kind kind);
std::optional<TemplateSource::Kind> templateKindFromString(const QString &text);

/// The values of KubeFATE's `.env` that select images.
struct ImageSettings
{
    QString prefix = QStringLiteral("federatedai");
    QString tag = QStringLiteral("1.1-release");
    QString baseTag = QStringLiteral("1.1-release");
    QString builderTag = QStringLiteral("1.1-release");
    QString servingTag = QStringLiteral("2.1.6-release"); ///< FATE-Serving images (v1.11+ `SERVING_TAG`)

    bool operator==(const ImageSettings &) const = default;
};

/// Docker Hub or a private registry (e.g. a Harbor project). The password lives in the keychain only.
struct RegistrySettings
{
    bool usePrivate = false;
    QString uri;      ///< e.g. "harbor.example.com/fate"
    QString username; ///< never a password
    /// false (default): a deploy's `docker login` goes to a private DOCKER_CONFIG folder of the run on each
    /// host, removed at its end; true: it goes to the host user's ~/.docker/config.json and stays there.
    bool keepLoggedIn = false;
    /// Third-party images (repository names such as "mysql", "redis") pulled from Docker Hub even with
    /// a private registry, for sites that mirror only FATE's own images. Empty = all from the registry.
    QStringList dockerHubImages;

    bool operator==(const RegistrySettings &) const = default;
};

/// The FATE engines of a party (v1.11+ parties.conf); which values exist depends on the era (model/era.h).
/// The defaults are KubeFATE v1.11.2's; engineDefaults() gives each era's.
struct EngineSettings
{
    QString computing = QStringLiteral("Eggroll");  ///< Eggroll | Spark | Spark_local (v1.11) | STANDALONE (v2.0)
    QString federation = QStringLiteral("Eggroll"); ///< Eggroll | Pulsar | RabbitMQ (v1.11); OSX (v2.0)
    QString storage = QStringLiteral("Eggroll");    ///< Eggroll | HDFS | LocalFS (v1.11) | STANDALONE (v2.0)
    QString algorithm = QStringLiteral("Basic");    ///< Basic | NN | ALL
    QString device = QStringLiteral("CPU");         ///< CPU | IPCL | GPU
    int computeCore = 16;                           ///< eggroll processors per node, spark cores, flow cores
    int gpuCount = 1;                               ///< NVIDIA devices reserved for fateflow (device GPU)
    QString nameNode = QStringLiteral("hdfs://namenode:9000"); ///< HDFS namenode (Spark)

    bool operator==(const EngineSettings &) const = default;
};

/// FATE-Flow's database (v1.11+). The password lives in the keychain only (ServiceSecrets).
struct MysqlSettings
{
    QString host = QStringLiteral("mysql"); ///< "mysql" = the bundled container
    QString user = QStringLiteral("fate");
    QString database = QStringLiteral("fate_flow");
    QString serverTimezone = QStringLiteral("UTC");

    bool operator==(const MysqlSettings &) const = default;
};

/// Login names of the web consoles (v1.11+); their passwords live in the keychain only.
struct ServiceLogins
{
    QString fateboardUser = QStringLiteral("admin");
    QString servingAdminUser = QStringLiteral("admin");

    bool operator==(const ServiceLogins &) const = default;
};

/// Which parties run the toy example, and how long to wait.
struct Verification
{
    int guestId = 0; ///< 0 = first party
    int hostId = 0;  ///< 0 = second party
    int timeoutSeconds = 120;

    bool operator==(const Verification &) const = default;
};

/// The federation file this project last exported (coordinator) or accepted (a team); 0 = none.
struct FederationState
{
    int revision = 0;
    QString sha256; ///< of the file's canonical form (federation/federationfile.h)

    bool operator==(const FederationState &) const = default;
};

/// The federation as the user describes it: the single source of truth. Holds no secret.
struct Project
{
    /// 2: engine, mysql, logins, images.servingTag, parties[].servingHost (v1.11+ eras). 1 is still read.
    /// 3: reachable addresses, external hosts, the federation state; written only by projects that use
    /// them, so other projects save byte for byte as before and older versions refuse what they would drop.
    static constexpr int CurrentFormatVersion = 3;

    QString name;
    TemplateSource templates;
    QString user = QStringLiteral("root");
    QString baseDir = QStringLiteral("/data/projects/fate");
    int sshPort = 22;
    QString knownHostsFile; ///< empty = ~/.ssh/known_hosts (shared with OpenSSH)
    ImageSettings images;
    RegistrySettings registry;
    QList<Party> parties;
    Exchange exchange;
    Verification verification;
    EngineSettings engine; ///< used by eras with eraHasEngine()
    MysqlSettings mysql;
    ServiceLogins logins;
    FederationState federation;

    bool operator==(const Project &) const = default;

    const Party *party(int id) const;
    /// The party "Add party" starts with: the next free id (10000 or above) on @p host, with the SSH settings and
    /// base dir every party of the project shares (a federation's hosts are usually reached alike), none otherwise.
    Party newParty(const QString &host = {}) const;
    /// Sets templates.kubefateVersion; when that changes the era, the engine gets the new era's defaults
    /// (an engine valid in one era is usually not in another, e.g. federation Eggroll vs OSX).
    void setKubefateVersion(const QString &version);
    /// Effective values with the project defaults applied.
    QString userFor(const SshOverrides &ssh) const;
    int portFor(const SshOverrides &ssh) const;
    QString dirFor(const Party &party) const;
    QString exchangeDir() const;
    int guestId() const;
    int hostId() const;
    /// The address and port route tables use for a party or the exchange: the reachable ones when set.
    /// The one place that picks them, for every renderer and the verify diagnosis.
    static QString routeAddress(const Party &party);
    static int routePort(const Party &party);
    QString exchangeRouteAddress() const;
    int exchangeRoutePort() const;
    /// "My parties only": some hosts are deployed by other teams.
    bool myPartiesOnly() const;

    /// The seed's two-party federation (parties 10000 and 9999, exchange on the first host).
    static Project example();
};

} // namespace FateDeployer
