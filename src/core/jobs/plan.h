// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/project.h"
#include "render/bundle.h"

#include <QCoreApplication>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <memory>

namespace FateDeployer {

struct DayTwoInput;

/// What a run does on every selected host.
enum class Operation { Preflight, Deploy, Status, Verify, Teardown, Matrix, Drift, Rollback };

/// How far a teardown goes; each level includes the previous ones.
enum class TeardownLevel { Stop, Down, Remove };

/// The steps the interpreter knows. A host job is a list of these; all behaviour lives in the interpreter.
enum class StepKind {
    Connect,        ///< connect, authenticate, check the host key
    DockerVersion,  ///< docker server version >= 18 and the user may run docker
    ComposeVersion, ///< `docker compose` or `docker-compose` >= 1.24, remembered per host
    DiskSpace,      ///< free space under the deploy dir for the bundle, with margin
    Ports,          ///< published ports free unless held by our own deployment
    Arch,           ///< CPU architecture (FATE 1.1 images are amd64)
    Images,         ///< which images are present and which are missing
    Registry,       ///< private registry reachable (HTTP answer from /v2/)
    RegistryLogin,  ///< docker login with the password on stdin
    LoadImages,     ///< stream `docker save` archives into `docker load`
    PullImages,     ///< docker pull of the bundle's images
    MakeDir,        ///< mkdir -p of the base dir
    Upload,         ///< stream the bundle into a staging folder beside the current one
    StopOld,        ///< compose down of the running deployment, if any
    Swap,           ///< atomic folder swap, previous kept as <bundle>.previous
    Up,             ///< compose up -d
    WaitStable,     ///< every service running, restart counts unchanged for a while
    Status,         ///< per-container state
    Verify,         ///< toy example from the guest's python container
    Stop,           ///< compose stop
    Down,           ///< compose down
    RemoveFolder,   ///< remove our deployment folders (never anything else)
    MatrixListen,   ///< matrix: a short-lived listener on the host's inbound port (nothing listens yet)
    MatrixProbe,    ///< matrix: TCP connects from this host to its paths' targets
    MatrixCleanup,  ///< matrix: the listener goes once every probe into this host is done
    Drift,          ///< bundle files (sha256) and containers against the last deployment
    RollbackSwap,   ///< <bundle>.previous back in place (the current one becomes .previous)
};

QString stepKindName(StepKind kind);  ///< stable id, e.g. "upload" (JSON, history)
QString stepKindTitle(StepKind kind); ///< translated title for people
QString operationName(Operation op);  ///< stable id, e.g. "deploy"
QString operationTitle(Operation op); ///< translated
std::optional<Operation> operationFromName(const QString &name);

struct Step
{
    StepKind kind = StepKind::Connect;
    bool continueOnFailure = false; ///< preflight checks report every check, not only the first failure
};

/// A compose project on a host: `confs-<id>` or `exchange`. The folder name is the project name.
/// images, ports, services and dataPaths are facts of the rendered bundle (BundlePrep::applyFacts),
/// empty until the bundle was rendered.
struct HostBundle
{
    QString name;             ///< confs-10000, exchange
    QString composeFile;      ///< docker-compose.yml, docker-compose-exchange.yml
    QString archivePath;      ///< local tar.gz (entries start with "<name>/"), for Upload
    qint64 unpackedBytes = 0; ///< for the disk-space check
    QStringList images;       ///< images the compose file uses, fully expanded
    QList<int> ports;         ///< host ports the compose file publishes
    QStringList services;     ///< expected compose services
    QStringList dataPaths;    ///< folders containers write, relative to the bundle; carried over on swap
    /// Deploy of a change plan where only route tables changed (deployed/changeplan.h): the running containers
    /// stay up (no down), the folders are swapped and only these services restart. Empty = a full down/up.
    QStringList restartServices;
    /// Named volumes removed after the old deployment is down and before the new one starts (v1.11:
    /// what docker_deploy.sh means to remove, with the real volume names), e.g. "confs-10000_download_dir".
    QStringList volumesToRemove;
    /// v1.11+: the files of the archive that carry service passwords, with the real values. The archive
    /// (and every local copy of the render) holds markers there instead; these are held in memory only and
    /// unpacked over the archive's copies on the host (BundlePrep::prepare, Upload).
    QList<BundleFile> secretFiles;
};

/// Where and as whom a job connects.
struct HostTarget
{
    QString key;   ///< stable job key: "party-10000" or "exchange"
    QString label; ///< for people: "party 10000 (10.0.0.1)"
    QString address;
    int port = 22;
    QString user;
    SshOverrides ssh;
    int partyId = 0; ///< 0 for the exchange
    QString baseDir; ///< remote base dir, e.g. /data/projects/fate
    /// Toy grid (verify of several pairs): the host party of this job's pair; partyId is its guest. 0 otherwise.
    int toyHostId = 0;
};

/// One ordered pair of the toy grid: the toy example with @c guest as guest (it runs on the guest's host) and
/// @c host as host party.
struct ToyPair
{
    int guest = 0;
    int host = 0;

    bool operator==(const ToyPair &) const = default;
};

/// Settings shared by the jobs of one run.
/// Where the route tables send a party's traffic (Project::routeAddress/routePort): what verify probes.
struct PartyRoute
{
    int id = 0;
    QString address;
    int port = Party::DefaultProxyPort;

    bool operator==(const PartyRoute &) const = default;
};

struct RunSettings
{
    Operation operation = Operation::Preflight;
    TeardownLevel teardownLevel = TeardownLevel::Down;
    int maxParallelHosts = 8;
    int stableSeconds = 6;         ///< services must stay up this long with no new restart
    int startTimeoutSeconds = 300; ///< WaitStable gives up after this
    int verifyTimeoutSeconds = 120;
    /// A remote command that prints nothing and moves no data for this long fails (never a working pull).
    int inactivityTimeoutSeconds = 900;
    int commandDeadlineSeconds = 0; ///< optional overall limit per remote command; 0 = none
    /// Preflight of the registry only (connect, reachability and login: "Test login"); renders nothing.
    bool registryOnly = false;
    int guestId = 0;
    int hostId = 0;
    /// Verify of a toy grid (CLI `verify --all-pairs` / `--pair G:H`): one job per pair, on the guest's host (key
    /// `toy-<guest>-<host>`). Empty = the one pair guestId → hostId.
    QList<ToyPair> toyPairs;
    /// At most this many jobs at once on one host (0 = no limit beyond maxParallelHosts): the toy grid's jobs on
    /// one guest, as many as its FATE runs at once (DayTwo::toyJobsPerGuest).
    int maxJobsPerHost = 0;
    QString registryUri; ///< empty = Docker Hub
    QString registryUser;
    QByteArray registryPassword; ///< from the keychain; never logged, passed on stdin only
    /// false (default): `docker login` writes into a private DOCKER_CONFIG folder on the host for this run,
    /// removed at its end, so no host keeps base64(user:password) in ~/.docker/config.json. From the project
    /// (registry.keepLoggedIn).
    bool keepRegistryLogin = false;
    QString registryPasswordSource; ///< where it came from, for messages (e.g. FD_REGISTRY_PASSWORD); empty = keychain
    QStringList imageArchives;      ///< local `docker save` files to load where images are missing
    bool pull = false;
    QString exchangeAddress; ///< for the verify diagnosis
    int exchangePort = 9371;
    QList<PartyRoute> partyRoutes; ///< for the verify diagnosis
    QString projectHash;
    QString projectName;
    /// Names this run in the host locks (<base>/.fd-lock-<bundle>) that deploy and teardown hold.
    QString runId;
    /// The project's KubeFATE release (templates.kubefateVersion): the era decides the compose front end
    /// and the Docker version the hosts need, and how verify runs.
    QString kubefateVersion;
    bool breakStaleLock = false;     ///< take over a stale lock (CLI --break-lock, the admin's decision)
    int lockStaleSeconds = 2 * 3600; ///< a lock older than this (or whose process here is gone) is stale
    /// Matrix, drift, rollback (jobs/daytwo.h): paths, the matrix board, the last deployments.
    std::shared_ptr<const DayTwoInput> dayTwo;
};

struct HostJob
{
    HostTarget target;
    HostBundle bundle; ///< the host's first bundle (training or exchange); names the host lock
    /// More bundles of the same host, deployed after `bundle` in this order and taken down before it
    /// (v1.11: `serving-<id>`, which joins the training bundle's network).
    QList<HostBundle> moreBundles;
    QList<Step> steps;

    /// bundle, then moreBundles.
    QList<const HostBundle *> bundles() const;
};

/// A run as data: one job per host, each a list of steps, all interpreted by JobInterpreter.
struct Plan
{
    RunSettings settings;
    QList<HostJob> jobs;

    int totalSteps() const;
};

/// Which hosts of a project a run selects.
struct Selection
{
    QList<int> parties;    ///< empty and !exchangeOnly = all parties
    bool exchange = false; ///< include the exchange (implied when nothing is selected)
    bool explicitSelection() const { return !parties.isEmpty() || exchange; }
};

/// Builds plans from a project. The bundles' facts and archives are filled by BundlePrep from the render.
class PlanBuilder
{
    Q_DECLARE_TR_FUNCTIONS(FateDeployer::PlanBuilder)

public:
    static QList<HostTarget> targets(const Project &project, const Selection &selection);
    static QList<Step> steps(Operation op, const RunSettings &settings, bool exchange);
    /// The bundle's folder and compose file names (our layout); partyId 0 = exchange. No facts.
    /// @p kubefateVersion picks the era's names (v1.11+: "confs-exchange").
    static HostBundle bundleFor(int partyId, const QString &kubefateVersion = {});
    /// v1.11+: the serving bundle of a party (`serving-<id>`). No facts.
    static HostBundle servingBundleFor(int partyId);
    static Plan build(const Project &project, const Selection &selection, const RunSettings &settings);
};

} // namespace FateDeployer

Q_DECLARE_METATYPE(FateDeployer::Plan)
