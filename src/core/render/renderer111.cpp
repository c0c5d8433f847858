// SPDX-License-Identifier: Apache-2.0
// Native re-implementation of what KubeFATE v1.11.x's generate_config.sh renders (spec §5.1–§5.3).
// The templates carry placeholders (<jdbc.url>, <db_name>, fate-serving, …) that the script fills with
// `sed`; here each placeholder is replaced as a literal string, in the script's order, and the files the
// script writes with heredocs are generated with their exact whitespace (tabs, blank lines). The
// conformance check (tests/conformance/eras/v1.11.2.sh) compares every file with the real script's.
//
// Deliberate differences (docs/render.md, "v1.11.2"): no `.bak` files; the exchange is rendered only
// for the Eggroll federation (with Spark no party routes through it); serving bundles only for parties
// with a serving host, and serving route tables list only those; with a private registry the MySQL image
// comes from it too (the script's pattern `mysql:8"` never matches `mysql:8.0.28`); values are written
// literally (the script's sed breaks on `#`, `&` or `\` in a password).
#include "render/renderer111.h"

#include "model/era.h"
#include "render/templatefiles.h"
#include "util/tr.h"

#include <QDir>
#include <QFile>

#include <algorithm>
#include <functional>

namespace FateDeployer {

namespace {

// Internal constants of the v1.11.2 script (GenerateConfig's `eval` block).
constexpr int RollsitePort = 9370;
constexpr int ExchangeContainerPort = 9370;
constexpr int ClusterManagerPort = 4670;
constexpr int NodeManagerPort = 4671;
constexpr int FateboardPort = 8080;
constexpr int FlowGrpcPort = 9360;
constexpr int FlowHttpPort = 9380;
constexpr int NginxHttpPort = 9300;
constexpr int NginxGrpcPort = 9310;
constexpr int RabbitmqPort = 5672;
constexpr int PulsarPort = 6650;
constexpr int ServingServerPort = 8000;
constexpr int ServingProxyPort = 8059;
constexpr int ServingProxyInterPort = 8869;
constexpr auto PythonPath = "/data/projects/fate/python:/data/projects/fate/eggroll/python";
constexpr auto JavaHome = "/usr/lib/jvm/java-1.8.0-openjdk";
constexpr auto JavaClasspath = "conf/:lib/*";

QByteArray num(int n)
{
    return QByteArray::number(n);
}

QByteArray utf8(const QString &s)
{
    return s.toUtf8();
}

/// `s/needle/value/g` of the script with a needle free of regular-expression meaning: every occurrence.
/// Returns whether anything was replaced.
bool replaceAll(QByteArray &text, const QByteArray &needle, const QByteArray &value)
{
    if (!text.contains(needle))
        return false;
    text.replace(needle, value);
    return true;
}

/// `s/needle.*/value/` per line (or `s/^needle.*/value/` when @p anchored): from the first occurrence
/// of needle to the end of the line (a CR included, as `.*` takes it) becomes value.
bool replaceToEndOfLine(QByteArray &text, const QByteArray &needle, const QByteArray &value, bool anchored = false)
{
    QList<QByteArray> lines = splitLines(text);
    bool any = false;
    for (QByteArray &line : lines) {
        const bool nl = line.endsWith('\n');
        const qsizetype at = line.indexOf(needle);
        if (at < 0 || (anchored && at != 0))
            continue;
        line = line.left(at) + value + (nl ? "\n" : "");
        any = true;
    }
    if (any)
        text = joinLines(lines);
    return any;
}

/// Bash's `$(…)`: the output without its trailing newlines.
QByteArray commandSubstitution(QByteArray out)
{
    while (out.endsWith('\n'))
        out.chop(1);
    return out;
}

struct Peer
{
    int id;
    QByteArray ip;
};

/// The other parties' entries of a party route table (Eggroll's in v1.11, OSX's in v2.0: the same
/// heredoc loop), as `$(…)` leaves them: blank lines, a space before a tab, no trailing newline.
QByteArray otherParties(int self, const QList<Peer> &parties)
{
    QByteArray others;
    for (const Peer &p : parties) {
        if (p.id == self)
            continue;
        others += "\n\t\t\"" + num(p.id) + "\": {\n\t\t\t\"default\": [{\n\t\t \t\t\"ip\": \"" + p.ip
                  + "\",\n\t\t\t\t\"port\": " + num(RollsitePort) + "\n\t\t\t    }]\n\t\t},\n\t\n";
    }
    return commandSubstitution(others);
}

/// confs/eggroll/conf/route_table.json of party @p self, byte for byte as the script's heredoc writes it
/// (tabs, the blank lines its `echo`s leave, a space before a tab in other parties' "ip" lines, and the
/// rollsite port as a string in the default route when there is no exchange).
QByteArray eggrollRouteTable(int self, const QList<Peer> &parties, const QByteArray &exchangeIp, int exchangePort)
{
    QByteArray out = "{\n\t\"route_table\": {\n\t\t\"default\": {\n\t\t\t\"default\": [\n\t\t\t\t{\n";
    if (!exchangeIp.isEmpty())
        out += commandSubstitution("\n\t\t\t\t\"ip\": \"" + exchangeIp + "\",\n\t\t\t\t\"port\": " + num(exchangePort)
                                   + "\n\t\n");
    else
        out += commandSubstitution(" \n\t\t\t\t\"ip\": \"rollsite\",\n\t\t\t\t\"port\": \"" + num(RollsitePort)
                                   + "\"\n\t\n");
    out += "\n\t\t\t\t}\n\t\t\t]\n\t\t},\n";
    out += otherParties(self, parties) + '\n';
    out += "\t\t\"" + num(self)
           + "\": {\n\t\t\t\"default\": [{\n\t\t\t\t\"ip\": \"rollsite\",\n\t\t\t\t\"port\": " + num(RollsitePort)
           + "\n\t\t\t}],\n\t\t\t\"fateflow\": [{\n\t\t\t\t\"ip\": \"fateflow\",\n\t\t\t\t\"port\": "
           + num(FlowGrpcPort) + "\n\t\t\t}]\n\t\t}\n\t},\n\t\"permission\": {\n\t\t\"default_allow\": true\n\t}\n}\n";
    return out;
}

/// confs/nginx/route_table.yaml (Spark, Spark_local): nginx as the default proxy, every other party's
/// nginx and fate-flow at its host, the own fate-flow.
QByteArray nginxRouteTable(int self, const QList<Peer> &parties)
{
    const QByteArray ports
        = "      http_port: " + num(NginxHttpPort) + "\n      grpc_port: " + num(NginxGrpcPort) + "\n";
    QByteArray out = "default:\n  proxy:\n    - host: nginx\n" + ports;
    QByteArray others;
    for (const Peer &p : parties) {
        if (p.id == self)
            continue;
        // The trailing space after the proxy host is the script's.
        others += num(p.id) + ":\n  proxy:\n    - host: " + p.ip + " \n" + ports + "  fateflow:\n    - host: " + p.ip
                  + "\n      grpc_port: " + num(FlowGrpcPort) + "\n      http_port: " + num(FlowHttpPort) + "\n\n";
    }
    out += commandSubstitution(others) + '\n';
    out += num(self) + ":\n  proxy:\n    - host: nginx\n" + ports
           + "  fateflow:\n    - host: fateflow\n      grpc_port: " + num(FlowGrpcPort)
           + "\n      http_port: " + num(FlowHttpPort) + "\n";
    return out;
}

/// confs/fate_flow/conf/{rabbitmq,pulsar}_route_table.yaml: other parties' brokers at their hosts, the
/// own broker by its service name. v2.0's Pulsar table adds @p otherExtra / @p selfExtra lines to each
/// entry (`sslPort`, `proxy`) and ends with a blank line.
QByteArray brokerRouteTable(int self,
                            const QList<Peer> &parties,
                            const QByteArray &service,
                            int port,
                            const QByteArray &otherExtra = {},
                            const QByteArray &selfExtra = {})
{
    QByteArray others;
    for (const Peer &p : parties) {
        if (p.id == self)
            continue;
        others += num(p.id) + ":\n    host: " + p.ip + "\n    port: " + num(port) + "\n" + otherExtra + "\n";
    }
    return commandSubstitution(others) + '\n' + num(self) + ":\n    host: " + service + "\n    port: " + num(port)
           + "\n" + selfExtra;
}

/// confs/osx/conf/route_table.json of party @p self (v2.0), as the script's heredoc writes it: every other
/// party's OSX at its host, the own fate-flow, `self_party`; no default route, so nothing goes to an exchange.
QByteArray osxRouteTable(int self, const QList<Peer> &parties)
{
    return "{\n  \"route_table\":\n  {\n\t\t" + otherParties(self, parties) + "\n\t\t\"" + num(self)
           + "\": {\n\t\t\t\"fateflow\": [{\n\t\t\t\t\"ip\": \"fateflow\",\n\t\t\t\t\"port\": " + num(FlowGrpcPort)
           + "\n\t\t\t}]\n\t\t}\n  },\n\t\"self_party\":[\n\t\t\"" + num(self)
           + "\"\n\t],\n  \"permission\":\n  {\n    \"default_allow\": true\n  }\n}\n";
}

QByteArray jsonRoute(const QByteArray &ip, int port)
{
    return "                {\n                    \"ip\": \"" + ip + "\",\n                    \"port\": " + num(port)
           + "\n                }\n";
}

/// confs-exchange/conf/route_table.json: every party's rollsite in project order, then an empty default.
QByteArray exchangeRouteTable(const QList<Peer> &parties)
{
    QByteArray entries;
    for (const Peer &p : parties)
        entries += "        \"" + num(p.id) + "\": {\n            \"default\": [\n" + jsonRoute(p.ip, RollsitePort)
                   + "            ]\n        },\n";
    return "{\n    \"route_table\": {\n" + commandSubstitution(entries) + '\n'
           + "        \"default\": {\n            \"default\": [\n                {\n                }\n            ]\n"
             "        }\n    },\n    \"permission\": {\n        \"default_allow\": true\n    }\n}\n";
}

/// serving-<id>/confs/serving-proxy/conf/route_table.json: the own serving-proxy and serving-server,
/// other parties' serving-proxy at their serving hosts, the catch-all to the own serving-proxy.
QByteArray servingRouteTable(int self, const QList<Peer> &servingParties)
{
    QByteArray entries;
    for (const Peer &p : servingParties) {
        entries += "        \"" + num(p.id) + "\": {\n            \"default\": [\n";
        if (p.id == self)
            entries += jsonRoute("serving-proxy", ServingProxyPort) + "            ],\n            \"serving\": [\n"
                       + jsonRoute("serving-server", ServingServerPort);
        else
            entries += jsonRoute(p.ip, ServingProxyInterPort);
        entries += "            ]\n        },\n";
    }
    return "{\n    \"route_table\": {\n" + commandSubstitution(entries) + '\n'
           + "        \"default\": {\n            \"default\": [\n" + jsonRoute("serving-proxy", ServingProxyInterPort)
           + "            ]\n        }\n    },\n    \"permission\": {\n        \"default_allow\": true\n    }\n}\n";
}

class Render111
{
    Q_DECLARE_TR_FUNCTIONS(FateDeployer::Render111)

public:
    Render111(const Project &project, const TemplateTree &tree, const ServiceSecrets &secrets)
        : m_project(project)
        , m_tree(tree)
        , m_secrets(secrets)
        , m_deploy(tree.deployDir())
        , m_training(tree.deployDir() + QStringLiteral("/training_template"))
        , m_serving(tree.deployDir() + QStringLiteral("/serving_template"))
        , m_files(tree)
        , m_v2(kubefateEra(tree.kubefateVersion) == KubefateEra::V2_0)
    {}

    Result<RenderOutput> run();

private:
    Status validate() const;
    Error missing(const QString &file, const QString &key) const { return m_files.missingKey(file, key); }
    Result<QByteArray> read(const QString &path) const { return m_files.read(path); }
    Result<QByteArray> envFile(bool registrySlash = false) const;
    /// v2.0's .env: the per-image variables follow the project's image prefix and tag.
    Status setImageVariables(QList<QByteArray> &lines, const QString &path) const;
    Status addTree(Bundle &bundle, const QString &srcDir, const QString &destPrefix, bool topLevelGlob) const
    {
        return m_files.addTree(bundle, srcDir, destPrefix, topLevelGlob);
    }
    static void setContent(Bundle &bundle, const QString &dest, const QByteArray &content, const QString &src)
    {
        TemplateFiles::setContent(bundle, dest, content, src);
    }
    /// Reads the bundle's copy of @p dest (from its template), applies @p edit, keeps the result.
    Status
    edit(Bundle &bundle, const QString &dest, const std::function<Status(QByteArray &, const QString &)> &edit) const;
    Result<Bundle> party(const Party &party) const;
    Result<Bundle> exchange() const;
    Result<Bundle> serving(const Party &party) const;
    Status composeForParty(QByteArray &compose, const QString &file, const Party &party) const;
    Status useRegistry(QByteArray &compose) const;
    void registryForEveryImage(QByteArray &compose) const;

    bool spark() const { return m_project.engine.computing.startsWith(QLatin1String("Spark")); }

    const Project &m_project;
    const TemplateTree &m_tree;
    const ServiceSecrets &m_secrets;
    const QString m_deploy;
    const QString m_training;
    const QString m_serving;
    TemplateFiles m_files;
    /// v2.0.x (OSX, per-image .env variables, STANDALONE) rather than v1.11.x.
    const bool m_v2;
    QList<Peer> m_peers;
};

Status Render111::validate() const
{
    const Project &p = m_project;
    if (p.parties.isEmpty())
        return Error{tr("parties: the project has no party; add at least one")};
    QList<int> ids;
    for (const Party &party : p.parties) {
        if (party.id <= 0)
            return Error{tr("parties: party id %1 is not a positive number").arg(party.id)};
        if (ids.contains(party.id))
            return Error{tr("parties: party id %1 appears twice").arg(party.id)};
        if (party.host.isEmpty())
            return Error{tr("parties: party %1 has no host").arg(party.id)};
        ids.append(party.id);
    }
    if (p.images.tag.trimmed().isEmpty())
        return Error{tr("images.tag: the image tag is empty; enter one (default %1)")
                         .arg(m_v2 ? QStringLiteral("2.0.0-release") : QStringLiteral("1.11.2-release"))};
    if (m_v2) {
        // v2.0 names every image in .env (FATEFlow_IMAGE=<prefix>/fateflow, …): any prefix works.
        if (p.images.prefix.trimmed().isEmpty() || p.images.prefix.contains(QLatin1Char(' ')))
            return Error{tr("images.prefix: \"%1\" gives invalid image names such as \"%1/fateflow\"; enter one "
                            "(default federatedai)")
                             .arg(p.images.prefix)};
    } else if (p.images.prefix != QLatin1String("federatedai"))
        return Error{tr("images.prefix: KubeFATE v1.11 names its images federatedai/…; \"%1\" cannot be used. To pull "
                        "from elsewhere, use a private registry")
                         .arg(p.images.prefix)};
    if (p.registry.usePrivate && p.registry.uri.trimmed().isEmpty())
        return Error{tr("registry.uri: a private registry is selected but its address is empty; enter it "
                        "(e.g. harbor.example.com/fate) or use Docker Hub")};
    if (p.exchange.enabled && p.exchange.host.isEmpty())
        return Error{tr("exchange.host: the exchange is enabled but has no host; enter it or disable the exchange")};
    const KubefateEra era = m_v2 ? KubefateEra::V2_0 : KubefateEra::V1_11;
    const EngineSettings &e = p.engine;
    auto check = [](const QString &field, const QString &value, const QStringList &allowed) -> Status {
        if (allowed.contains(value))
            return {};
        return Error{tr("%1: \"%2\" is not possible here; choose one of %3").arg(field, value, allowed.join(u", "))};
    };
    for (const Status &s :
         {check(QStringLiteral("engine.computing"), e.computing, computingChoices(era)),
          check(QStringLiteral("engine.federation"), e.federation, federationChoices(era, e.computing)),
          check(QStringLiteral("engine.storage"), e.storage, storageChoices(era, e.computing)),
          check(QStringLiteral("engine.algorithm"), e.algorithm, algorithmChoices(era)),
          check(QStringLiteral("engine.device"), e.device, deviceChoices(era))})
        if (!s)
            return s;
    if (e.computeCore <= 0)
        return Error{tr("engine.computeCore: %1 is not a positive number").arg(e.computeCore)};
    if (e.device == QLatin1String("GPU") && e.gpuCount <= 0)
        return Error{tr("engine.gpuCount: %1 is not a positive number").arg(e.gpuCount)};
    return {};
}

/// Sets `key=value` on the line that assigns @p key (a CR and the quotes of a quoted value stay), only
/// where the value differs, so an unchanged project gives the template byte for byte. False: no such line.
bool setEnvLine(QList<QByteArray> &lines, const QByteArray &key, const QByteArray &value)
{
    bool found = false;
    for (QByteArray &line : lines) {
        if (!line.startsWith(QByteArray(key + '=')))
            continue;
        found = true;
        QByteArray body = line.endsWith('\n') ? line.chopped(1) : line;
        const QByteArray term = line.endsWith('\n') ? "\n" : "";
        const bool cr = body.endsWith('\r');
        if (cr)
            body.chop(1);
        QByteArray old = body.mid(key.size() + 1);
        const bool quoted = old.size() >= 2 && old.startsWith('"') && old.endsWith('"');
        if (quoted)
            old = old.mid(1, old.size() - 2);
        if (old != value)
            line = key + '=' + (quoted ? '"' + value + '"' : value) + (cr ? "\r" : "") + term;
    }
    return found;
}

/// docker-deploy/.env with the project's images, SERVING_TAG, RegistryURI and SSH_PORT (only where they
/// differ). @p registrySlash: v2.0's party compose files write `${RegistryURI}${OSX_IMAGE}`, so their
/// .env needs the registry with one trailing slash (the script writes two); serving and exchange files
/// write `${RegistryURI}/federatedai/…` and get it without.
Result<QByteArray> Render111::envFile(bool registrySlash) const
{
    const QString path = m_deploy + QStringLiteral("/.env");
    Result<QByteArray> env = read(path);
    if (!env)
        return env;
    QList<QByteArray> lines = splitLines(env.value());
    QString registry = m_project.registry.usePrivate ? m_project.registry.uri.trimmed() : QString();
    while (m_v2 && registry.endsWith(QLatin1Char('/')))
        registry.chop(1);
    if (registrySlash && !registry.isEmpty())
        registry += QLatin1Char('/');
    QList<std::pair<QByteArray, QByteArray>> values = {
        {"RegistryURI", utf8(registry)},
        {"SERVING_TAG", utf8(m_project.images.servingTag)},
        {"SSH_PORT", num(m_project.sshPort)},
    };
    if (!m_v2)
        values.insert(1, {"TAG", utf8(m_project.images.tag)});
    for (const auto &[key, value] : values)
        if (!setEnvLine(lines, key, value))
            return missing(path, QString::fromLatin1(key));
    if (m_v2)
        if (Status s = setImageVariables(lines, path); !s)
            return Error{s.error()};
    return joinLines(lines);
}

Status Render111::setImageVariables(QList<QByteArray> &lines, const QString &path) const
{
    // FATE's own images follow prefix and tag; the brokers' and Hadoop's keep their own tags (as the
    // importer and exporter read and write them); MySQL is Docker Hub's.
    const QByteArray prefix = utf8(m_project.images.prefix.trimmed()) + '/';
    const QByteArray tag = utf8(m_project.images.tag.trimmed());
    const struct
    {
        const char *variable;
        const char *image;
        bool followsTag;
    } images[] = {
        {"FATEFlow", "fateflow", true},
        {"FATEBoard", "fateboard", true},
        {"Client", "client", true},
        {"EGGRoll", "eggroll", true},
        {"OSX", "osx", true},
        {"Nginx", "nginx", true},
        {"RabbitMQ", "rabbitmq", false},
        {"Pulsar", "pulsar", false},
        {"Hadoop_NameNode", "hadoop-namenode", false},
        {"Hadoop_DataNode", "hadoop-datanode", false},
        {"Spark_Master", "spark-master", true},
        {"Spark_Worker", "spark-worker", true},
    };
    for (const auto &image : images) {
        const QByteArray base = QByteArray(image.variable) + "_IMAGE";
        if (!setEnvLine(lines, base, prefix + image.image))
            return missing(path, QString::fromLatin1(base));
        if (image.followsTag && !setEnvLine(lines, base + "_TAG", tag))
            return missing(path, QString::fromLatin1(base + "_TAG"));
    }
    return {};
}

Status Render111::edit(Bundle &bundle,
                       const QString &dest,
                       const std::function<Status(QByteArray &, const QString &)> &apply) const
{
    for (BundleFile &f : bundle.files) {
        if (f.path != dest)
            continue;
        const QString src = f.isVerbatim() ? f.sourcePath : dest;
        Result<QByteArray> text = f.bytes();
        if (!text)
            return Error{text.error()};
        if (Status s = apply(text.value(), src); !s)
            return s;
        f.sourcePath.clear();
        f.content = text.value();
        f.size = f.content.size();
        return {};
    }
    return Error{tr("template file for %1 is missing from %2; the KubeFATE %3 templates are incomplete")
                     .arg(dest, m_tree.root, m_tree.kubefateVersion)};
}

/// Every `federatedai` becomes `${RegistryURI}/federatedai` (the script's rule); MySQL, which the
/// script means to pull from `${RegistryURI}/federatedai/mysql` but whose pattern no longer matches the
/// template's `mysql:8.0.28`, is pulled from there too unless the project keeps it on Docker Hub.
Status Render111::useRegistry(QByteArray &compose) const
{
    replaceAll(compose, "federatedai", "${RegistryURI}/federatedai");
    if (m_project.registry.dockerHubImages.contains(QLatin1String("mysql")))
        return {};
    QList<QByteArray> lines = splitLines(compose);
    for (QByteArray &line : lines) {
        const QByteArray t = line.trimmed();
        if (t.startsWith("image: \"mysql:") || t.startsWith("image: mysql:"))
            line.replace("mysql:", "${RegistryURI}/federatedai/mysql:");
    }
    compose = joinLines(lines);
    return {};
}

/// v2.0's party compose file: the script's RegistryURI reaches only the OSX image
/// (`${RegistryURI}${OSX_IMAGE}`); every other image is pulled from the registry too (`${RegistryURI}` before
/// its image variable), MySQL unless the project keeps it on Docker Hub.
void Render111::registryForEveryImage(QByteArray &compose) const
{
    const bool mysqlFromHub = m_project.registry.dockerHubImages.contains(QLatin1String("mysql"));
    QList<QByteArray> lines = splitLines(compose);
    for (QByteArray &line : lines) {
        const QByteArray t = line.trimmed();
        if (!t.startsWith("image: \"${") || t.startsWith("image: \"${RegistryURI}")
            || (mysqlFromHub && t.startsWith("image: \"${MySQL_IMAGE}")))
            continue;
        line.replace("image: \"${", "image: \"${RegistryURI}${");
    }
    compose = joinLines(lines);
}

/// The training compose file's edits, in the script's order (spec §5.2).
Status Render111::composeForParty(QByteArray &compose, const QString &file, const Party &party) const
{
    const EngineSettings &e = m_project.engine;
    // The unused broker's service: the script deletes it by line numbers, which are exactly its block
    // (from `  <service>:` to the line before the next blank one).
    if (spark()) {
        const QByteArray unused = e.federation == QLatin1String("RabbitMQ") ? "  pulsar:" : "  rabbitmq:";
        QList<QByteArray> lines = splitLines(compose);
        qsizetype start = -1;
        for (qsizetype i = 0; i < lines.size() && start < 0; ++i)
            if (lines.at(i).trimmed() == unused.trimmed() && lines.at(i).startsWith(unused))
                start = i;
        if (start < 0)
            return missing(file, QString::fromLatin1(unused.trimmed()));
        qsizetype end = start + 1;
        while (end < lines.size() && !lines.at(end).trimmed().isEmpty())
            ++end;
        lines.remove(start, end - start);
        compose = joinLines(lines);
    }
    // Image suffix: -nn / -all for the algorithm, then -ipcl / -gpu for the device.
    QByteArray suffix;
    if (e.algorithm == QLatin1String("NN"))
        suffix += "-nn";
    else if (e.algorithm == QLatin1String("ALL"))
        suffix += "-all";
    if (e.device == QLatin1String("IPCL"))
        suffix += "-ipcl";
    else if (e.device == QLatin1String("GPU"))
        suffix += "-gpu";
    if (m_v2) {
        // v2.0 names the images by variables; STANDALONE keeps them as they are.
        auto image = [](const QByteArray &var) -> QByteArray { return "image: \"${" + var + "}"; };
        const QByteArray tagOf = ":${FATEFlow_IMAGE_TAG}\"";
        if (e.computing == QLatin1String("Eggroll")) {
            replaceAll(compose, image("FATEFlow_IMAGE") + tagOf, image("FATEFlow_IMAGE") + suffix + tagOf);
            replaceAll(compose,
                       image("EGGRoll_IMAGE") + ":${EGGRoll_IMAGE_TAG}\"",
                       image("EGGRoll_IMAGE") + suffix + ":${EGGRoll_IMAGE_TAG}\"");
        } else if (spark()) {
            replaceAll(compose, image("FATEFlow_IMAGE") + tagOf, image("FATEFlow_IMAGE") + "-spark" + suffix + tagOf);
            replaceAll(compose,
                       image("Spark_Worker_IMAGE") + ":${Spark_Worker_IMAGE_TAG}\"",
                       image("Spark_Worker_IMAGE") + suffix + ":${Spark_Worker_IMAGE_TAG}\"");
        }
    } else {
        const QByteArray flow = spark() ? "fateflow-spark" : "fateflow";
        replaceAll(
            compose, "image: \"federatedai/fateflow:${TAG}\"", "image: \"federatedai/" + flow + suffix + ":${TAG}\"");
        if (spark())
            replaceAll(compose,
                       "image: \"federatedai/spark-worker:${TAG}\"",
                       "image: \"federatedai/spark-worker" + suffix + ":${TAG}\"");
        else
            replaceAll(compose,
                       "image: \"federatedai/eggroll:${TAG}\"",
                       "image: \"federatedai/eggroll" + suffix + ":${TAG}\"");
    }
    // GPU: the device reservation goes before fateflow's `command:` (the script's fixed line number).
    if (e.device == QLatin1String("GPU")) {
        QList<QByteArray> lines = splitLines(compose);
        bool inFlow = false;
        qsizetype at = -1;
        for (qsizetype i = 0; i < lines.size() && at < 0; ++i) {
            const QByteArray &l = lines.at(i);
            if (l.startsWith("  ") && !l.startsWith("   ") && l.trimmed().endsWith(':'))
                inFlow = l.trimmed() == "fateflow:";
            else if (inFlow && l.startsWith("    command:"))
                at = i;
        }
        if (at < 0)
            return missing(file, QStringLiteral("fateflow: command:"));
        lines.insert(at,
                     "    deploy:\n      resources:\n        reservations:\n          devices:\n          - driver: "
                     "nvidia\n            count: "
                         + num(e.gpuCount) + "\n            capabilities: [gpu]\n");
        compose = joinLines(lines);
    }
    if (m_project.registry.usePrivate) {
        if (m_v2)
            registryForEveryImage(compose);
        else if (Status s = useRegistry(compose); !s)
            return s;
    }
    replaceAll(compose, "fate-serving", utf8(party.servingHost));
    if (!replaceAll(compose,
                    "<path-to-host-dir>",
                    utf8(m_project.dirFor(party) + QStringLiteral("/confs-%1/shared_dir").arg(party.id))))
        return missing(file, QStringLiteral("<path-to-host-dir>"));
    return {};
}

Result<Bundle> Render111::party(const Party &party) const
{
    const EngineSettings &e = m_project.engine;
    const MysqlSettings &db = m_project.mysql;
    Bundle b = Bundle::make(
        Bundle::Kind::Party, QStringLiteral("confs-%1").arg(party.id), party.id, party.host, m_project.dirFor(party));
    // v2.0 mounts shared_dir/fate where v1.11 mounted shared_dir/federatedml.
    b.emptyDirs = {QStringLiteral("shared_dir/data"),
                   QStringLiteral("shared_dir/examples"),
                   m_v2 ? QStringLiteral("shared_dir/fate") : QStringLiteral("shared_dir/federatedml")};
    const QByteArray id = num(party.id);

    if (Status s = addTree(b, m_training + QStringLiteral("/public"), QStringLiteral("confs/"), true); !s)
        return Error{s.error()};
    QString composeTemplate;
    QStringList backends;
    if (e.computing == QLatin1String("Eggroll")) {
        backends = {QStringLiteral("eggroll")};
        composeTemplate = QStringLiteral("docker-compose-eggroll.yml");
    } else if (e.computing == QLatin1String("STANDALONE")) {
        // v2.0: fate-flow computes itself; the slim compose file, no backend folder (as the script).
        composeTemplate = QStringLiteral("docker-compose-spark-slim.yml");
    } else {
        const QString broker
            = e.federation == QLatin1String("RabbitMQ") ? QStringLiteral("rabbitmq") : QStringLiteral("pulsar");
        backends = {QStringLiteral("spark/nginx"), QStringLiteral("spark/spark")};
        if (e.computing == QLatin1String("Spark")) {
            backends.append(QStringLiteral("spark/hadoop"));
            composeTemplate = QStringLiteral("docker-compose-spark.yml");
        } else {
            composeTemplate = QStringLiteral("docker-compose-spark-slim.yml");
        }
        backends.append(QStringLiteral("spark/") + broker);
    }
    for (const QString &backend : std::as_const(backends)) {
        const QString folder = backend.section(QLatin1Char('/'), -1);
        if (Status s = addTree(
                b, m_training + QStringLiteral("/backends/") + backend, QStringLiteral("confs/%1/").arg(folder), false);
            !s)
            return Error{s.error()};
    }

    const QString composePath = m_training + QLatin1Char('/') + composeTemplate;
    Result<QByteArray> compose = read(composePath);
    if (!compose)
        return Error{compose.error()};
    if (Status s = composeForParty(compose.value(), composePath, party); !s)
        return Error{s.error()};
    setContent(b, b.composeFile, compose.value(), composePath);

    Result<QByteArray> env = envFile(m_v2);
    if (!env)
        return Error{env.error()};
    // `echo "NOTEBOOK_HASHED_PASSWORD=…" >> .env`. v2.0's .env has no final newline, so the script glues
    // the line to the last image tag; we end that line first.
    if (!env.value().isEmpty() && !env.value().endsWith('\n'))
        env.value() += '\n';
    setContent(b,
               QStringLiteral(".env"),
               env.value() + "NOTEBOOK_HASHED_PASSWORD=" + utf8(m_secrets.notebookHashedPassword) + '\n',
               m_deploy + QStringLiteral("/.env"));

    const QByteArray dbIp = utf8(db.host), dbUser = utf8(db.user), dbName = utf8(db.database);
    const QByteArray dbPassword = utf8(m_secrets.mysqlPassword);
    const QByteArray serving = utf8(party.servingHost);
    using Replacements = QList<std::pair<QByteArray, QByteArray>>;
    auto replaceEach = [this](const Replacements &list) {
        return [this, list](QByteArray &t, const QString &f) -> Status {
            for (const auto &[from, to] : list)
                if (!replaceAll(t, from, to))
                    return missing(f, QString::fromUtf8(from));
            return {};
        };
    };

    if (e.computing == QLatin1String("Eggroll")) {
        const Status s = edit(
            b, QStringLiteral("confs/eggroll/conf/eggroll.properties"), [&](QByteArray &t, const QString &f) -> Status {
                Replacements required = {
                    {"<jdbc.url>",
                     "jdbc:mysql://" + dbIp + ":3306/" + dbName + "?useSSL=false&serverTimezone="
                         + utf8(db.serverTimezone) + "&characterEncoding=utf8&allowPublicKeyRetrieval=true"},
                    {"<jdbc.username>", dbUser},
                    {"<jdbc.password>", dbPassword},
                    {"<clustermanager.host>", "clustermanager"},
                    {"<clustermanager.port>", num(ClusterManagerPort)},
                    {"<nodemanager.port>", num(NodeManagerPort)},
                    {"<party.id>", id},
                };
                Replacements optional = {{"<python.path>", PythonPath}};
                // v2.0's template gains <nodemanager.host> and no longer has the Java and rollsite keys the
                // script still fills (v1.11.2's already lacks <python.path>).
                (m_v2 ? optional : required)
                    .append({{"<java.home>", JavaHome},
                             {"<java.classpath>", JavaClasspath},
                             {"<rollsite.host>", "rollsite"},
                             {"<rollsite.port>", num(RollsitePort)}});
                if (m_v2)
                    required.append(std::pair<QByteArray, QByteArray>("<nodemanager.host>", "nodemanager"));
                if (Status r = replaceEach(required)(t, f); !r)
                    return r;
                for (const auto &[from, to] : std::as_const(optional))
                    replaceAll(t, from, to);
                if (!replaceToEndOfLine(t,
                                        "eggroll.session.processors.per.node=",
                                        "eggroll.session.processors.per.node=" + num(e.computeCore)))
                    return missing(f, QStringLiteral("eggroll.session.processors.per.node"));
                return {};
            });
        if (!s)
            return Error{s.error()};
    }

    // fateboard
    if (Status s = edit(b,
                        QStringLiteral("confs/fateboard/conf/application.properties"),
                        [&](QByteArray &t, const QString &f) -> Status {
                            if (!replaceToEndOfLine(t, "server.port=", "server.port=" + num(FateboardPort), true))
                                return missing(f, QStringLiteral("server.port"));
                            if (!replaceToEndOfLine(
                                    t, "fateflow.url=", "fateflow.url=http://fateflow:" + num(FlowHttpPort), true))
                                return missing(f, QStringLiteral("fateflow.url"));
                            return replaceEach({{"<fateboard.username>", utf8(m_project.logins.fateboardUser)},
                                                {"<fateboard.password>", utf8(m_secrets.fateboardPassword)}})(t, f);
                        });
        !s)
        return Error{s.error()};

    // mysql
    // v1.11 starts the file with `echo >`, v2.0 only appends to it (no blank first line).
    QByteArray insertNode = QByteArray(m_v2 ? "" : "\n") + "CREATE DATABASE IF NOT EXISTS " + dbName
                            + ";\nCREATE DATABASE IF NOT EXISTS fate_flow;\n" + "CREATE USER '" + dbUser
                            + "'@'%' IDENTIFIED BY '" + dbPassword + "';\nGRANT ALL ON *.* TO '" + dbUser + "'@'%';\n";
    const QString metaTables = QStringLiteral("confs/mysql/init/create-eggroll-meta-tables.sql");
    if (e.computing == QLatin1String("Eggroll")) {
        insertNode += "USE `" + dbName + "`;\nshow tables;\n";
        if (Status s = edit(b, metaTables, replaceEach({{"eggroll_meta", dbName}})); !s)
            return Error{s.error()};
    } else {
        b.files.removeIf([&](const BundleFile &f) { return f.path == metaTables; });
    }
    setContent(b, QStringLiteral("confs/mysql/init/insert-node.sql"), insertNode, {});

    // fate_flow
    if (Status s
        = edit(b,
               QStringLiteral("confs/fate_flow/conf/service_conf.yaml"),
               [&](QByteArray &t, const QString &f) -> Status {
                   if (!e.nameNode.isEmpty())
                       replaceAll(t, "name_node: hdfs://namenode:9000", "name_node: " + utf8(e.nameNode));
                   // v2.0: `s/party_id: .*/party_id: "<id>"/` (the template quotes it).
                   if (m_v2 && !replaceToEndOfLine(t, "party_id: ", "party_id: \"" + id + '"'))
                       return missing(f, QStringLiteral("party_id"));
                   Replacements required = {{"name: <db_name>", "name: '" + dbName + "'"},
                                            {"user: <db_user>", "user: '" + dbUser + "'"},
                                            {"passwd: <db_passwd>", "passwd: '" + dbPassword + "'"},
                                            {"host: <db_host>", "host: '" + dbIp + "'"}};
                   if (!m_v2)
                       required.append({{"party_id:", "party_id: " + id}, {"127.0.0.1:8000", serving + ":8000"}});
                   if (Status r = replaceEach(required)(t, f); !r)
                       return r;
                   // v2.0's template has no serving address; the script's edit finds nothing.
                   if (m_v2)
                       replaceAll(t, "127.0.0.1:8000", serving + ":8000");
                   const QByteArray flowFederation = m_v2 ? "  federation: osx" : "  federation: eggroll";
                   if (spark()) {
                       if (m_v2)
                           replaceAll(t, "proxy_name: osx", "proxy_name: nginx");
                       else
                           replaceAll(t, "proxy: rollsite", "proxy: nginx");
                       replaceAll(t, "computing: eggroll", "computing: spark");
                   } else if (e.computing == QLatin1String("STANDALONE")) {
                       replaceAll(t, "computing: eggroll", "computing: standalone");
                   }
                   if (e.federation == QLatin1String("Pulsar"))
                       replaceAll(t, flowFederation, "  federation: pulsar");
                   else if (e.federation == QLatin1String("RabbitMQ"))
                       replaceAll(t, flowFederation, m_v2 ? "  federation: rabbitmq" : "  federation: RabbitMQ");
                   if (e.storage == QLatin1String("HDFS"))
                       replaceAll(t, "  storage: eggroll", "  storage: hdfs");
                   else if (e.storage == QLatin1String("LocalFS"))
                       replaceAll(t, "  storage: eggroll", "  storage: localfs");
                   else if (e.storage == QLatin1String("STANDALONE"))
                       replaceAll(t, "  storage: eggroll", "  storage: standalone");
                   replaceToEndOfLine(t, "nodes: ", "nodes: 1");
                   replaceToEndOfLine(t, "cores_per_node: ", "cores_per_node: " + num(e.computeCore));
                   return {};
               });
        !s)
        return Error{s.error()};

    if (spark()) {
        if (Status s
            = edit(b,
                   QStringLiteral("confs/spark/spark-defaults.conf"),
                   [&](QByteArray &t, const QString &f) -> Status {
                       if (e.computing == QLatin1String("Spark_local"))
                           replaceToEndOfLine(t, "spark.master ", "spark.master                      local[*]");
                       if (!replaceToEndOfLine(
                               t, "spark.cores.max ", "spark.cores.max                   " + num(e.computeCore)))
                           return missing(f, QStringLiteral("spark.cores.max"));
                       return {};
                   });
            !s)
            return Error{s.error()};
    }

    // federation
    const QByteArray exchangeIp = m_project.exchange.enabled ? utf8(m_project.exchange.host) : QByteArray();
    if (m_v2) {
        // OSX's own party id is set whatever the federation (the osx folder is always shipped).
        if (Status s = edit(b,
                            QStringLiteral("confs/osx/conf/broker.properties"),
                            replaceEach({{"self.party=9999", "self.party=" + id}}));
            !s)
            return Error{s.error()};
        if (e.federation == QLatin1String("OSX"))
            setContent(b, QStringLiteral("confs/osx/conf/route_table.json"), osxRouteTable(party.id, m_peers), {});
    }
    if (e.federation == QLatin1String("Eggroll"))
        setContent(b,
                   QStringLiteral("confs/eggroll/conf/route_table.json"),
                   eggrollRouteTable(party.id, m_peers, exchangeIp, m_project.exchange.port),
                   {});
    if (spark())
        setContent(b, QStringLiteral("confs/nginx/route_table.yaml"), nginxRouteTable(party.id, m_peers), {});
    if (e.federation == QLatin1String("RabbitMQ"))
        setContent(b,
                   QStringLiteral("confs/fate_flow/conf/rabbitmq_route_table.yaml"),
                   brokerRouteTable(party.id, m_peers, "rabbitmq", RabbitmqPort),
                   {});
    else if (e.federation == QLatin1String("Pulsar"))
        setContent(b,
                   QStringLiteral("confs/fate_flow/conf/pulsar_route_table.yaml"),
                   m_v2 ? brokerRouteTable(party.id,
                                           m_peers,
                                           "pulsar",
                                           PulsarPort,
                                           "    sslPort: 6651\n    proxy: ''\n",
                                           "    sslPort: 6651\n    proxy: \"\"\n\n")
                        : brokerRouteTable(party.id, m_peers, "pulsar", PulsarPort),
                   {});
    return b;
}

Result<Bundle> Render111::exchange() const
{
    Bundle b = Bundle::make(
        Bundle::Kind::Exchange, QStringLiteral("confs-exchange"), 0, m_project.exchange.host, m_project.exchangeDir());

    Result<QByteArray> env = envFile();
    if (!env)
        return Error{env.error()};
    setContent(b, QStringLiteral(".env"), env.value(), m_deploy + QStringLiteral("/.env"));
    const QString composePath = m_training + QStringLiteral("/docker-compose-exchange.yml");
    Result<QByteArray> compose = read(composePath);
    if (!compose)
        return Error{compose.error()};
    // The published port of the exchange ("9371:9370"), from the project (default: the template's).
    const QByteArray published = ":" + num(ExchangeContainerPort) + "\"";
    bool portFound = false;
    QList<QByteArray> lines = splitLines(compose.value());
    for (QByteArray &line : lines) {
        const QByteArray t = line.trimmed();
        if (!t.startsWith("- \"") || !t.endsWith(published))
            continue;
        const qsizetype quote = line.indexOf('"');
        line = line.left(quote + 1) + num(m_project.exchange.port) + published + (line.endsWith('\n') ? "\n" : "");
        portFound = true;
    }
    if (!portFound)
        return Error{missing(composePath, QStringLiteral("ports: \"<port>:9370\"")).message};
    compose.value() = joinLines(lines);
    if (m_project.registry.usePrivate)
        if (Status s = useRegistry(compose.value()); !s)
            return Error{s.error()};
    setContent(b, b.composeFile, compose.value(), composePath);

    if (Status s = addTree(b, m_training + QStringLiteral("/backends/eggroll/conf"), QStringLiteral("conf/"), true); !s)
        return Error{s.error()};
    if (Status s = edit(b,
                        QStringLiteral("conf/eggroll.properties"),
                        [&](QByteArray &t, const QString &f) -> Status {
                            for (const auto &[from, to] :
                                 QList<std::pair<QByteArray, QByteArray>>{{"<rollsite.host>", "rollsite"},
                                                                          {"<rollsite.port>", num(RollsitePort)},
                                                                          {"<party.id>", "exchange"}})
                                if (!replaceAll(t, from, to))
                                    return missing(f, QString::fromUtf8(from));
                            if (!replaceToEndOfLine(t, "coordinator=", "coordinator=exchange"))
                                return missing(f, QStringLiteral("coordinator"));
                            replaceToEndOfLine(t, "ip=", "ip=0.0.0.0");
                            return {};
                        });
        !s)
        return Error{s.error()};
    setContent(b, QStringLiteral("conf/route_table.json"), exchangeRouteTable(m_peers), {});
    return b;
}

Result<Bundle> Render111::serving(const Party &party) const
{
    Bundle b = Bundle::make(Bundle::Kind::Serving,
                            QStringLiteral("serving-%1").arg(party.id),
                            party.id,
                            party.servingHost,
                            m_project.dirFor(party));
    b.emptyDirs = {QStringLiteral("data")};
    const QByteArray id = num(party.id);

    if (Status s = addTree(b, m_serving + QStringLiteral("/docker-serving"), QStringLiteral("confs/"), true); !s)
        return Error{s.error()};
    const QString composePath = m_serving + QStringLiteral("/docker-compose-serving.yml");
    Result<QByteArray> compose = read(composePath);
    if (!compose)
        return Error{compose.error()};
    if (!replaceAll(compose.value(), "<path-to-host-dir>", "serving-" + id))
        return Error{missing(composePath, QStringLiteral("<path-to-host-dir>")).message};
    if (m_project.registry.usePrivate)
        if (Status s = useRegistry(compose.value()); !s)
            return Error{s.error()};
    // Serving joins the party's training network (so training must be up first on that host).
    if (!replaceAll(compose.value(), "name: <fate-network>", "name: confs-" + id + "_fate-network"))
        return Error{missing(composePath, QStringLiteral("name: <fate-network>")).message};
    setContent(b, b.composeFile, compose.value(), composePath);

    Result<QByteArray> env = envFile();
    if (!env)
        return Error{env.error()};
    setContent(b, QStringLiteral(".env"), env.value(), m_deploy + QStringLiteral("/.env"));

    auto replace = [this](QList<std::pair<QByteArray, QByteArray>> list) {
        return [this, list](QByteArray &t, const QString &f) -> Status {
            for (const auto &[from, to] : list)
                if (!replaceAll(t, from, to))
                    return missing(f, QString::fromUtf8(from));
            return {};
        };
    };
    const QList<std::pair<QString, QList<std::pair<QByteArray, QByteArray>>>> edits = {
        {QStringLiteral("confs/serving-admin/conf/application.properties"),
         {{"admin.username=<serving_admin.username>", "admin.username=" + utf8(m_project.logins.servingAdminUser)},
          {"admin.password=<serving_admin.password>", "admin.password=" + utf8(m_secrets.servingAdminPassword)}}},
        {QStringLiteral("confs/serving-server/conf/serving-server.properties"),
         {{"model.transfer.url=http://127.0.0.1:9380/v1/model/transfer",
           "model.transfer.url=http://" + utf8(party.host) + ":" + num(FlowHttpPort) + "/v1/model/transfer"}}},
        {QStringLiteral("confs/serving-proxy/conf/application.properties"),
         {{"coordinator=<partyID>", "coordinator=" + id}}},
    };
    for (const auto &[path, list] : edits)
        if (Status s = edit(b, path, replace(list)); !s)
            return Error{s.error()};

    QList<Peer> servingPeers;
    for (const Party &p : m_project.parties)
        if (!p.servingHost.isEmpty())
            servingPeers.append({p.id, utf8(p.servingHost)});
    setContent(
        b, QStringLiteral("confs/serving-proxy/conf/route_table.json"), servingRouteTable(party.id, servingPeers), {});
    return b;
}

Result<RenderOutput> Render111::run()
{
    if (Status s = validate(); !s)
        return Error{s.error()};
    for (const Party &p : m_project.parties)
        m_peers.append({p.id, utf8(p.host)});
    RenderOutput out;
    out.templateRoot = m_tree.root;
    out.kubefateVersion = m_tree.kubefateVersion;
    for (const Party &p : m_project.parties) {
        Result<Bundle> b = party(p);
        if (!b)
            return Error{b.error()};
        out.bundles.append(std::move(b).value());
    }
    // Only the Eggroll federation routes through an exchange; with Spark the script still renders one
    // that no party uses, which we do not.
    // v2.0 renders none: its parties' OSX route tables have no default route, so nothing would reach an
    // exchange, and its compose file names `${TAG}`, which v2.0's .env no longer defines.
    if (m_project.exchange.enabled
        && eraRendersExchange(m_v2 ? KubefateEra::V2_0 : KubefateEra::V1_11, m_project.engine.federation)) {
        Result<Bundle> x = exchange();
        if (!x)
            return Error{x.error()};
        out.bundles.append(std::move(x).value());
    }
    bool anyServing = false;
    for (const Party &p : m_project.parties) {
        if (p.servingHost.isEmpty())
            continue;
        anyServing = true;
        Result<Bundle> b = serving(p);
        if (!b)
            return Error{b.error()};
        out.bundles.append(std::move(b).value());
    }
    if (m_secrets.mysqlPassword.isEmpty())
        out.missingSecrets.append(ServiceSecrets::variableName(ServiceSecrets::Kind::MysqlPassword));
    if (m_secrets.fateboardPassword.isEmpty())
        out.missingSecrets.append(ServiceSecrets::variableName(ServiceSecrets::Kind::FateboardPassword));
    if (anyServing && m_secrets.servingAdminPassword.isEmpty())
        out.missingSecrets.append(ServiceSecrets::variableName(ServiceSecrets::Kind::ServingAdminPassword));
    for (Bundle &b : out.bundles)
        if (Status s = TemplateFiles::finish(b); !s)
            return Error{s.error()};
    return out;
}

} // namespace

Result<RenderOutput>
Renderer111::render(const Project &project, const TemplateTree &templates, const ServiceSecrets &secrets)
{
    return Render111(project, templates, secrets).run();
}

} // namespace FateDeployer
