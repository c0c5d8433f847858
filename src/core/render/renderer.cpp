// SPDX-License-Identifier: Apache-2.0
// Native re-implementation of what KubeFATE 1.1.0's docker-auto-deploy.sh renders (spec §2.4–§2.8).
// Values are written from structured data; only the layout quirks of the script are reproduced.
//
// Deliberate differences from the script (see docs/render.md):
//  * no `.bak` files;
//  * the private registry (project.registry) rewrites every image of every bundle, mysql, redis and
//    the exchange included, via THIRDPARTYPREFIX, except the third-party images the project pulls
//    from Docker Hub (registry.dockerHubImages); an empty registry address or image prefix is an
//    error instead of an invalid image name;
//  * the exchange route table always lists every party; the exchange port comes from the project.
#include "render/renderer.h"

#include "model/era.h"
#include "render/renderer111.h"
#include "render/templatefiles.h"
#include "util/tr.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>

namespace FateDeployer {

namespace {

// Internal constants of the 1.1.0 script (spec §2.2).
constexpr auto ContainerBase = "/data/projects/fate";
constexpr int ProcessorPort = 50000;
constexpr int ProcessorCount = 16;
constexpr auto VenvDir = "/data/projects/python/venv";
constexpr auto PythonPath = "/data/projects/fate/python:/data/projects/fate/eggroll/python";
constexpr int EggPort = 7888;
constexpr int StoragePort = 7778;
constexpr int MetaServicePort = 8590;
constexpr int RollPort = 8011;
constexpr int ProxyPort = 9370;
constexpr int FateboardPort = 8080;
constexpr int FlowGrpcPort = 9360;
constexpr int FlowHttpPort = 9380;
constexpr int FederationPort = 9394;
constexpr auto DbHost = "mysql";
constexpr auto DbUser = "fate";
constexpr auto DbPassword = "fate_dev";
constexpr auto DbName = "fate";
constexpr auto RedisHost = "redis";
constexpr auto RedisPassword = "fate_dev";

Error missingKey(const QString &file, const QString &key)
{
    return Error{tr("template file %1 has no \"%2\" to set; the KubeFATE 1.1.0 templates look damaged or "
                    "edited, restore that file from the release")
                     .arg(file, key)};
}

/// A text file split into lines that keep their terminators, so untouched lines stay byte-identical.
class Lines
{
public:
    explicit Lines(const QByteArray &text)
    {
        qsizetype start = 0;
        while (start < text.size()) {
            qsizetype nl = text.indexOf('\n', start);
            if (nl < 0) {
                m_lines.append(text.mid(start));
                break;
            }
            m_lines.append(text.mid(start, nl - start + 1));
            start = nl + 1;
        }
    }
    QByteArray join() const
    {
        QByteArray out;
        for (const QByteArray &l : m_lines)
            out += l;
        return out;
    }
    qsizetype size() const { return m_lines.size(); }
    QByteArray &operator[](qsizetype i) { return m_lines[i]; }
    const QByteArray &at(qsizetype i) const { return m_lines.at(i); }
    static QByteArray terminator(const QByteArray &line) { return line.endsWith('\n') ? "\n" : QByteArray(); }
    /// Line text without "\n" (a "\r" stays, as the script's `.*` replacements would consume it).
    static QByteArray body(const QByteArray &line) { return line.endsWith('\n') ? line.chopped(1) : line; }
    void append(const QByteArray &line) { m_lines.append(line); }

private:
    QList<QByteArray> m_lines;
};

/// Sets `key=value` on every line that starts with `key=`, like the script's whole-line `sed`
/// (the rest of the line, a CR included, is replaced). Missing key → error.
Status setProperty(QByteArray &text, const QString &file, const char *key, const QByteArray &value)
{
    Lines lines(text);
    const QByteArray prefix = QByteArray(key) + '=';
    bool found = false;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (lines.at(i).startsWith(prefix)) {
            lines[i] = prefix + value + Lines::terminator(lines.at(i));
            found = true;
        }
    }
    if (!found)
        return missingKey(file, QString::fromLatin1(key));
    text = lines.join();
    return {};
}

/// Sets a `KEY=value` of `.env` only when the value differs, so an unchanged project reproduces the
/// file byte for byte (CRLF and comments included).
Status setEnvValue(QByteArray &text, const QString &file, const char *key, const QString &value)
{
    Lines lines(text);
    const QByteArray prefix = QByteArray(key) + '=';
    bool found = false;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (!lines.at(i).startsWith(prefix))
            continue;
        found = true;
        QByteArray body = Lines::body(lines.at(i));
        const bool cr = body.endsWith('\r');
        if (cr)
            body.chop(1);
        if (body.mid(prefix.size()) != value.toUtf8())
            lines[i] = prefix + value.toUtf8() + (cr ? "\r" : "") + Lines::terminator(lines.at(i));
    }
    if (!found)
        return missingKey(file, QString::fromLatin1(key));
    text = lines.join();
    return {};
}

/// In a Python dict literal `NAME = {` … `}` of settings.py, sets `'key': 'value',` on the key's line
/// (the script's `s/'key':.*/'key': 'value',/`), keeping the indentation.
Status
setPythonDictValue(QByteArray &text, const QString &file, const char *dict, const char *key, const QByteArray &value)
{
    Lines lines(text);
    // `^\s*NAME\s*=\s*\{` without a regular expression: this runs for every key of every party.
    const auto opens = [name = QByteArray(dict)](const QByteArray &line) {
        const QByteArray t = line.trimmed();
        if (!t.startsWith(name))
            return false;
        qsizetype at = name.size();
        const auto skipSpace = [&] {
            while (at < t.size() && QChar::isSpace(uchar(t.at(at))))
                ++at;
        };
        skipSpace();
        if (at >= t.size() || t.at(at) != '=')
            return false;
        ++at;
        skipSpace();
        return at < t.size() && t.at(at) == '{';
    };
    const QByteArray quotedKey = QByteArray("'") + key + "':";
    qsizetype i = 0;
    for (; i < lines.size(); ++i)
        if (opens(lines.at(i)))
            break;
    for (++i; i < lines.size() && !lines.at(i).trimmed().startsWith('}'); ++i) {
        const qsizetype at = lines.at(i).indexOf(quotedKey);
        if (at < 0)
            continue;
        lines[i] = lines.at(i).left(at) + quotedKey + " '" + value + "'," + Lines::terminator(lines.at(i));
        text = lines.join();
        return {};
    }
    return missingKey(file, QStringLiteral("%1['%2']").arg(QLatin1String(dict), QLatin1String(key)));
}

/// `NAME = …` at the start of a line of settings.py.
Status setPythonAssignment(QByteArray &text, const QString &file, const char *name, const QByteArray &value)
{
    Lines lines(text);
    const QByteArray prefix = QByteArray(name) + " =";
    bool found = false;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (lines.at(i).startsWith(prefix)) {
            lines[i] = prefix + ' ' + value + Lines::terminator(lines.at(i));
            found = true;
        }
    }
    if (!found)
        return missingKey(file, QString::fromLatin1(name));
    text = lines.join();
    return {};
}

QByteArray num(int n)
{
    return QByteArray::number(n);
}

/// federatedml/conf/server_conf.json, in the script's own layout (spec §2.4; checked against the real
/// output by tests/conformance): most lines ending in a comma carry a trailing space (the layout of
/// Python 2's json.dumps(indent=4)), except the lines the script's authors added by hand — fateflow's
/// "grpc.port" and the brace closing "federation" — which end with a bare comma.
QByteArray serverConfJson()
{
    struct Server
    {
        const char *name;
        const char *host;
        QList<QPair<const char *, int>> ports;
        const char *close; // the line closing the object
    };
    const QList<Server> servers = {
        {"proxy", "proxy", {{"port", ProxyPort}}, "}, "},
        {"fateboard", "fateboard", {{"port", FateboardPort}}, "}, "},
        {"roll", "roll", {{"port", RollPort}}, "}, "},
        {"fateflow", "python", {{"grpc.port", FlowGrpcPort}, {"http.port", FlowHttpPort}}, "}, "},
        {"federation", "federation", {{"port", FederationPort}}, "},"},
        {"clustercomm", "federation", {{"port", FederationPort}}, "}"},
    };
    QByteArray out = "{\n    \"servers\": {\n";
    for (const Server &server : servers) {
        out += QByteArray("        \"") + server.name + "\": {\n";
        out += QByteArray("            \"host\": \"") + server.host + "\", \n";
        for (qsizetype p = 0; p < server.ports.size(); ++p)
            out += QByteArray("            \"") + server.ports.at(p).first + "\": " + num(server.ports.at(p).second)
                   + (p + 1 < server.ports.size() ? ",\n" : "\n");
        out += QByteArray("        ") + server.close + "\n";
    }
    out += "    }\n}\n";
    return out;
}

QByteArray routeEntry(const QByteArray &indent, const QByteArray &ip, int port)
{
    return indent + "{\n" + indent + "    \"ip\": \"" + ip + "\",\n" + indent + "    \"port\": " + num(port) + "\n"
           + indent + "}\n";
}

/// Party proxy/conf/route_table.json (spec §2.6): default → exchange, own id → fate-flow and
/// federation; the closing brace of the party object is indented with two TABs, as the script has it.
QByteArray partyRouteTable(int partyId, const QString &exchangeHost, int exchangePort)
{
    const QByteArray id = num(partyId);
    QByteArray out = "{\n    \"route_table\": {\n";
    out += "        \"default\": {\n            \"default\": [\n";
    out += routeEntry("                ", exchangeHost.toUtf8(), exchangePort);
    out += "            ]\n        },\n";
    out += "        \"" + id + "\": {\n";
    out += "            \"fateflow\": [\n" + routeEntry("                ", "python", FlowGrpcPort)
           + "            ],\n";
    out += "            \"fate\": [\n" + routeEntry("                ", "federation", FederationPort)
           + "            ]\n";
    out += "\t\t}\n";
    out += "    },\n    \"permission\": {\n        \"default_allow\": true\n    }\n}\n";
    return out;
}

/// Exchange conf/route_table.json (spec §2.6): every party in project order, then the fixed
/// `default` entry with an empty object, so there is never a trailing comma; then, as in the party
/// table, the `permission` block.
QByteArray exchangeRouteTable(const QList<Party> &parties)
{
    QByteArray out = "{\n    \"route_table\": {\n";
    for (const Party &party : parties) {
        out += "        \"" + num(party.id) + "\": {\n            \"default\": [\n";
        // Project::routeAddress: where the exchange reaches the party (its reachable address, NAT or not).
        out += routeEntry("                ", Project::routeAddress(party).toUtf8(), Project::routePort(party));
        out += "            ]\n        },\n";
    }
    out += "        \"default\": {\n            \"default\": [\n                {\n                }\n"
           "            ]\n        }\n";
    // FATE's proxy reads the permission block; without it an exchange may refuse to forward.
    out += "    },\n    \"permission\": {\n        \"default_allow\": true\n    }\n}\n";
    return out;
}

/// mysql/init/insert-node.sql (spec §2.5), including its empty first line.
QByteArray insertNodeSql()
{
    auto row = [](const char *ip, int port, const char *type) -> QByteArray {
        return QByteArray("INSERT INTO node (ip, port, type, status) values ('") + ip + "', '" + num(port) + "', '"
               + type + "', 'HEALTHY');\n";
    };
    return "\n" + row("roll", RollPort, "ROLL") + row("proxy", ProxyPort, "PROXY") + row("egg", EggPort, "EGG")
           + row("egg", StoragePort, "STORAGE") + "show tables;\nselect * from node;\n";
}

/// The repository of a third-party image reference as the project names it: "mysql:8" → "mysql",
/// "docker.io/library/redis:5" → "redis", "${THIRDPARTYPREFIX}/mysql:8" → "mysql".
QString thirdPartyName(QString ref)
{
    for (const char *prefix : {"${THIRDPARTYPREFIX}/", "docker.io/", "library/"})
        if (ref.startsWith(QLatin1String(prefix)))
            ref = ref.mid(qsizetype(qstrlen(prefix)));
    return ref.section(QLatin1Char('@'), 0, 0).section(QLatin1Char(':'), 0, 0);
}

/// Rewrites every `image:` of a compose file to pull from ${THIRDPARTYPREFIX}: FATE images
/// `${PREFIX}/x` → `${THIRDPARTYPREFIX}/x`, others (mysql:8, redis:5) get the prefix in front unless
/// the project pulls them from Docker Hub (@p hubImages, registry.dockerHubImages).
Status useRegistry(QByteArray &text, const QString &file, const QStringList &hubImages)
{
    Lines lines(text);
    static const QRegularExpression image(QStringLiteral("^(\\s*image:\\s*[\"']?)([^\"'\\s]+)([\"']?\\s*)$"));
    bool any = false;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray term = Lines::terminator(lines.at(i));
        const QRegularExpressionMatch m = image.match(QString::fromUtf8(Lines::body(lines.at(i))));
        if (!m.hasMatch())
            continue;
        any = true;
        QString ref = m.captured(2);
        if (!ref.startsWith(QLatin1String("${PREFIX}/")) && hubImages.contains(thirdPartyName(ref))) {
            // From Docker Hub: as the templates name it, without the registry in front.
            if (ref.startsWith(QLatin1String("${THIRDPARTYPREFIX}/"))) {
                ref = ref.mid(20);
                lines[i] = (m.captured(1) + ref + m.captured(3)).toUtf8() + term;
            }
            continue;
        }
        if (ref.startsWith(QLatin1String("${THIRDPARTYPREFIX}/")))
            continue;
        if (ref.startsWith(QLatin1String("${PREFIX}/")))
            ref = QStringLiteral("${THIRDPARTYPREFIX}/") + ref.mid(10);
        else
            ref = QStringLiteral("${THIRDPARTYPREFIX}/") + ref;
        lines[i] = (m.captured(1) + ref + m.captured(3)).toUtf8() + term;
    }
    if (!any)
        return missingKey(file, QStringLiteral("image"));
    text = lines.join();
    return {};
}

/// Sets the host side of the exchange's published `"<port>:9370"`.
Status setExchangePort(QByteArray &text, const QString &file, int port)
{
    Lines lines(text);
    static const QRegularExpression mapping(QStringLiteral("^(\\s*-\\s*[\"']?)(\\d+)(:9370[\"']?\\s*)$"));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QRegularExpressionMatch m = mapping.match(QString::fromUtf8(Lines::body(lines.at(i))));
        if (!m.hasMatch())
            continue;
        if (m.captured(2).toInt() != port)
            lines[i]
                = (m.captured(1) + QString::number(port) + m.captured(3)).toUtf8() + Lines::terminator(lines.at(i));
        text = lines.join();
        return {};
    }
    return missingKey(file, QStringLiteral("ports: \"<port>:9370\""));
}

class Render11
{
    Q_DECLARE_TR_FUNCTIONS(FateDeployer::Render11)

public:
    Render11(const Project &project, const TemplateTree &tree)
        : m_project(project)
        , m_tree(tree)
        , m_deploy(tree.deployDir())
        , m_dirTree(tree.deployDir() + QStringLiteral("/docker-example-dir-tree"))
        , m_files(tree)
    {}

    Result<RenderOutput> run();

private:
    Status validate() const;
    Result<QByteArray> read(const QString &path) const { return m_files.read(path); }
    QString display(const QString &path) const { return m_files.display(path); }
    Result<QByteArray> envFile() const;
    Result<Bundle> party(const Party &party) const;
    Result<Bundle> exchange() const;

    const Project &m_project;
    const TemplateTree &m_tree;
    const QString m_deploy;
    const QString m_dirTree;
    TemplateFiles m_files;
};

Status Render11::validate() const
{
    if (m_project.parties.isEmpty())
        return Error{tr("parties: the project has no party; add at least one")};
    if (m_project.images.prefix.trimmed().isEmpty())
        return Error{tr("images.prefix: the image prefix is empty, which gives invalid image names such as "
                        "\"/federation\"; enter one (default federatedai)")};
    if (m_project.images.tag.trimmed().isEmpty())
        return Error{tr("images.tag: the image tag is empty; enter one (default 1.1-release)")};
    if (m_project.registry.usePrivate && m_project.registry.uri.trimmed().isEmpty())
        return Error{tr("registry.uri: a private registry is selected but its address is empty; enter it "
                        "(e.g. harbor.example.com/fate) or use Docker Hub")};
    if (!m_project.exchange.enabled || m_project.exchange.host.isEmpty())
        return Error{tr("exchange.host: KubeFATE 1.1.0 routes all traffic through the exchange; enter its host")};
    QList<int> ids;
    for (const Party &p : m_project.parties) {
        if (p.id <= 0)
            return Error{tr("parties: party id %1 is not a positive number").arg(p.id)};
        if (ids.contains(p.id))
            return Error{tr("parties: party id %1 appears twice").arg(p.id)};
        if (p.host.isEmpty())
            return Error{tr("parties: party %1 has no host").arg(p.id)};
        ids.append(p.id);
    }
    return {};
}

Result<QByteArray> Render11::envFile() const
{
    const QString path = m_tree.root + QStringLiteral("/.env");
    Result<QByteArray> env = read(path);
    if (!env)
        return env;
    QByteArray text = env.value();
    const ImageSettings &img = m_project.images;
    const QString file = QStringLiteral(".env");
    for (const auto &[key, value] : {std::pair{"PREFIX", img.prefix},
                                     std::pair{"TAG", img.tag},
                                     std::pair{"BASE_TAG", img.baseTag},
                                     std::pair{"BUILDER_TAG", img.builderTag}})
        if (Status s = setEnvValue(text, file, key, value); !s)
            return Error{s.error()};
    if (m_project.registry.usePrivate)
        // registry.uri is "host[:port][/project]"; images are pulled as uri/prefix/<module>:<tag>,
        // the way later KubeFATE releases use RegistryURI (see docs/kubefate-import.md).
        if (Status s = setEnvValue(
                text, file, "THIRDPARTYPREFIX", m_project.registry.uri.trimmed() + QLatin1Char('/') + img.prefix);
            !s)
            return Error{s.error()};
    return text;
}

Result<Bundle> Render11::party(const Party &party) const
{
    Bundle b = Bundle::make(
        Bundle::Kind::Party, QStringLiteral("confs-%1").arg(party.id), party.id, party.host, m_project.dirFor(party));
    const QByteArray id = num(party.id);

    if (Status s = m_files.addTree(b, m_dirTree, QStringLiteral("confs/"), true); !s)
        return Error{s.error()};
    if (Status s
        = m_files.addTree(b, m_deploy + QStringLiteral("/federatedml_examples"), QStringLiteral("examples/"), false);
        !s)
        return Error{s.error()};

    Result<QByteArray> env = envFile();
    if (!env)
        return Error{env.error()};
    TemplateFiles::setContent(b, QStringLiteral(".env"), env.value(), m_tree.root + QStringLiteral("/.env"));

    const QString composePath = m_deploy + QStringLiteral("/docker-compose.yml");
    Result<QByteArray> compose = read(composePath);
    if (!compose)
        return Error{compose.error()};
    if (m_project.registry.usePrivate) {
        if (Status s = useRegistry(compose.value(), display(composePath), m_project.registry.dockerHubImages); !s)
            return Error{s.error()};
    }
    TemplateFiles::setContent(b, b.composeFile, compose.value(), composePath);

    // Each edit: template file (relative to docker-example-dir-tree), then the final values.
    using Edit = std::function<Status(QByteArray &, const QString &)>;
    const QByteArray dataDir = (m_project.dirFor(party) + QStringLiteral("/data-dir")).toUtf8();
    const QByteArray base = ContainerBase;
    const QList<QPair<QString, Edit>> edits = {
        {QStringLiteral("egg/conf/egg.properties"),
         [&](QByteArray &t, const QString &f) -> Status {
             const QList<QPair<const char *, QByteArray>> values = {
                 {"party.id", id},
                 {"service.port", num(EggPort)},
                 {"eggroll.computing.engine.names", "processor"},
                 {"eggroll.computing.processor.bootstrap.script", base + "/eggroll/egg/conf/processor-starter.sh"},
                 {"eggroll.computing.processor.start.port", num(ProcessorPort)},
                 {"eggroll.computing.processor.venv", VenvDir},
                 {"eggroll.computing.processor.engine-path", base + "/eggroll/python/eggroll/computing/processor.py"},
                 {"eggroll.computing.processor.data-dir", dataDir},
                 {"eggroll.computing.processor.logs-dir", base + "/eggroll/python/eggroll/logs/processor"},
                 {"eggroll.computing.processor.session.max.count", num(ProcessorCount)},
             };
             for (const auto &[key, value] : values)
                 if (Status s = setProperty(t, f, key, value); !s)
                     return s;
             // The script appends the python path as a new last line (after ending the last line).
             const QByteArray key = "eggroll.computing.processor.python-path";
             if (setProperty(t, f, key.constData(), PythonPath).ok())
                 return {};
             if (!t.isEmpty() && !t.endsWith('\n'))
                 t += '\n';
             t += key + '=' + PythonPath + '\n';
             return {};
         }},
        {QStringLiteral("meta-service/conf/meta-service.properties"),
         [&](QByteArray &t, const QString &f) -> Status {
             for (const auto &[key, value] :
                  QList<QPair<const char *, QByteArray>>{{"party.id", id}, {"service.port", num(MetaServicePort)}})
                 if (Status s = setProperty(t, f, key, value); !s)
                     return s;
             // jdbc.url: host and database swapped in, the template's query string kept.
             Lines lines(t);
             bool found = false;
             for (qsizetype i = 0; i < lines.size(); ++i) {
                 if (!lines.at(i).startsWith("jdbc.url="))
                     continue;
                 const QByteArray body = Lines::body(lines.at(i));
                 const qsizetype slashes = body.indexOf("//");
                 const qsizetype query = body.indexOf('?', slashes);
                 if (slashes < 0)
                     return missingKey(f, QStringLiteral("jdbc.url=jdbc:mysql://HOST:PORT/DB"));
                 const QByteArray rest = query < 0 ? QByteArray() : body.mid(query);
                 lines[i]
                     = body.left(slashes) + "//" + DbHost + ":3306/" + DbName + rest + Lines::terminator(lines.at(i));
                 found = true;
             }
             if (!found)
                 return missingKey(f, QStringLiteral("jdbc.url"));
             t = lines.join();
             for (const auto &[key, value] :
                  QList<QPair<const char *, QByteArray>>{{"jdbc.username", DbUser}, {"jdbc.password", DbPassword}})
                 if (Status s = setProperty(t, f, key, value); !s)
                     return s;
             return {};
         }},
        {QStringLiteral("roll/conf/roll.properties"),
         [&](QByteArray &t, const QString &f) -> Status {
             for (const auto &[key, value] :
                  QList<QPair<const char *, QByteArray>>{{"party.id", id},
                                                         {"service.port", num(RollPort)},
                                                         {"meta.service.ip", "meta-service"},
                                                         {"meta.service.port", num(MetaServicePort)}})
                 if (Status s = setProperty(t, f, key, value); !s)
                     return s;
             return {};
         }},
        {QStringLiteral("fateboard/conf/application.properties"),
         [&](QByteArray &t, const QString &f) -> Status {
             for (const auto &[key, value] : QList<QPair<const char *, QByteArray>>{
                      {"server.port", num(FateboardPort)},
                      {"fateflow.url", "http://python:" + num(FlowHttpPort)},
                      {"spring.datasource.driver-Class-Name", "com.mysql.cj.jdbc.Driver"},
                      {"spring.datasource.url",
                       QByteArray("jdbc:mysql://") + DbHost + ":3306/" + DbName
                           + "?characterEncoding=utf8&characterSetResults=utf8&autoReconnect=true"
                             "&failOverReadOnly=false&serverTimezone=GMT%2B8"},
                      {"spring.datasource.username", DbUser},
                      {"spring.datasource.password", DbPassword}})
                 if (Status s = setProperty(t, f, key, value); !s)
                     return s;
             return {};
         }},
        {QStringLiteral("mysql/init/create-meta-service.sql"),
         [&](QByteArray &t, const QString &f) -> Status {
             if (!t.contains("eggroll_meta"))
                 return missingKey(f, QStringLiteral("eggroll_meta"));
             t.replace("eggroll_meta", DbName);
             return {};
         }},
        {QStringLiteral("fate_flow/conf/settings.py"),
         [&](QByteArray &t, const QString &f) -> Status {
             if (Status s = setPythonAssignment(t, f, "WORK_MODE", "1"); !s)
                 return s;
             for (const auto &[dict, key, value] :
                  QList<std::tuple<const char *, const char *, QByteArray>>{{"DATABASE", "name", DbName},
                                                                            {"DATABASE", "user", DbUser},
                                                                            {"DATABASE", "passwd", DbPassword},
                                                                            {"DATABASE", "host", DbHost},
                                                                            {"REDIS", "host", RedisHost},
                                                                            {"REDIS", "password", RedisPassword}})
                 if (Status s = setPythonDictValue(t, f, dict, key, value); !s)
                     return s;
             return {};
         }},
        {QStringLiteral("federation/conf/federation.properties"),
         [&](QByteArray &t, const QString &f) -> Status {
             for (const auto &[key, value] :
                  QList<QPair<const char *, QByteArray>>{{"party.id", id},
                                                         {"service.port", num(FederationPort)},
                                                         {"meta.service.ip", "meta-service"},
                                                         {"meta.service.port", num(MetaServicePort)},
                                                         {"proxy.ip", "proxy"},
                                                         {"proxy.port", num(ProxyPort)}})
                 if (Status s = setProperty(t, f, key, value); !s)
                     return s;
             return {};
         }},
        {QStringLiteral("proxy/conf/proxy.properties"),
         [&](QByteArray &t, const QString &f) -> Status {
             for (const auto &[key, value] :
                  QList<QPair<const char *, QByteArray>>{{"coordinator", id},
                                                         {"ip", "0.0.0.0"},
                                                         {"port", num(ProxyPort)},
                                                         {"route.table", base + "/proxy/conf/route_table.json"}})
                 if (Status s = setProperty(t, f, key, value); !s)
                     return s;
             return {};
         }},
    };
    for (const auto &[rel, edit] : edits) {
        const QString src = m_dirTree + QLatin1Char('/') + rel;
        Result<QByteArray> text = read(src);
        if (!text)
            return Error{text.error()};
        if (Status s = edit(text.value(), display(src)); !s)
            return Error{s.error()};
        if (Status s = m_files.replaceContent(b, src, QStringLiteral("confs/") + rel, text.value()); !s)
            return Error{s.error()};
    }

    TemplateFiles::setContent(b,
                              QStringLiteral("confs/federatedml/conf/server_conf.json"),
                              serverConfJson(),
                              m_dirTree + QStringLiteral("/federatedml/conf/server_conf.json"));
    TemplateFiles::setContent(b,
                              QStringLiteral("confs/mysql/init/insert-node.sql"),
                              insertNodeSql(),
                              m_dirTree + QStringLiteral("/mysql/init/insert-node.sql"));
    TemplateFiles::setContent(
        b,
        QStringLiteral("confs/proxy/conf/route_table.json"),
        partyRouteTable(party.id, m_project.exchangeRouteAddress(), m_project.exchangeRoutePort()),
        m_dirTree + QStringLiteral("/proxy/conf/route_table.json"));
    return b;
}

Result<Bundle> Render11::exchange() const
{
    Bundle b = Bundle::make(Bundle::Kind::Exchange,
                            QStringLiteral("exchange"),
                            0,
                            m_project.exchange.host,
                            m_project.exchangeDir(),
                            QStringLiteral("docker-compose-exchange.yml"));

    const QString proxyConf = m_dirTree + QStringLiteral("/proxy/conf");
    if (Status s = m_files.addTree(b, proxyConf, QStringLiteral("conf/"), true); !s)
        return Error{s.error()};

    Result<QByteArray> env = envFile();
    if (!env)
        return Error{env.error()};
    TemplateFiles::setContent(b, QStringLiteral(".env"), env.value(), m_tree.root + QStringLiteral("/.env"));

    const QString composePath = m_deploy + QLatin1Char('/') + b.composeFile;
    Result<QByteArray> compose = read(composePath);
    if (!compose)
        return Error{compose.error()};
    if (Status s = setExchangePort(compose.value(), display(composePath), m_project.exchange.port); !s)
        return Error{s.error()};
    if (m_project.registry.usePrivate)
        if (Status s = useRegistry(compose.value(), display(composePath), m_project.registry.dockerHubImages); !s)
            return Error{s.error()};
    TemplateFiles::setContent(b, b.composeFile, compose.value(), composePath);

    // coordinator = the last party id: the script's leftover loop value, kept for byte parity (§2.7).
    const QString propsPath = proxyConf + QStringLiteral("/proxy.properties");
    Result<QByteArray> props = read(propsPath);
    if (!props)
        return Error{props.error()};
    const QByteArray last = num(m_project.parties.last().id);
    for (const auto &[key, value] : QList<QPair<const char *, QByteArray>>{
             {"coordinator", last},
             {"ip", "0.0.0.0"},
             {"port", num(ProxyPort)},
             {"route.table", QByteArray(ContainerBase) + "/proxy/conf/route_table.json"}})
        if (Status s = setProperty(props.value(), display(propsPath), key, value); !s)
            return Error{s.error()};
    if (Status s = m_files.replaceContent(b, propsPath, QStringLiteral("conf/proxy.properties"), props.value()); !s)
        return Error{s.error()};

    TemplateFiles::setContent(b,
                              QStringLiteral("conf/route_table.json"),
                              exchangeRouteTable(m_project.parties),
                              proxyConf + QStringLiteral("/route_table.json"));
    return b;
}

Result<RenderOutput> Render11::run()
{
    if (Status s = validate(); !s)
        return Error{s.error()};
    RenderOutput out;
    out.templateRoot = m_tree.root;
    out.kubefateVersion = m_tree.kubefateVersion;
    for (const Party &p : m_project.parties) {
        Result<Bundle> b = party(p);
        if (!b)
            return Error{b.error()};
        out.bundles.append(std::move(b).value());
    }
    Result<Bundle> x = exchange();
    if (!x)
        return Error{x.error()};
    out.bundles.append(std::move(x).value());
    for (Bundle &b : out.bundles)
        if (Status s = TemplateFiles::finish(b); !s)
            return Error{s.error()};
    return out;
}

} // namespace

Result<RenderOutput>
Renderer::render(const Project &project, const TemplateTree &templates, const ServiceSecrets &secrets)
{
    const KubefateEra treeEra = kubefateEra(templates.kubefateVersion);
    if (templates.kubefateVersion.startsWith(QLatin1String("1.11."))
        || templates.kubefateVersion.startsWith(QLatin1String("2.0."))) {
        if (kubefateEra(project.templates.kubefateVersion) != treeEra)
            return Error{tr("templates.kubefateVersion: the project is for KubeFATE %1, but the templates at %2 are "
                            "KubeFATE %3; choose templates of the project's version")
                             .arg(project.templates.kubefateVersion, templates.root, templates.kubefateVersion)};
        return Renderer111::render(project, templates, secrets);
    }
    if (templates.kubefateVersion != QLatin1String("1.1.0"))
        return Error{tr("KubeFATE %1 templates found at %2: not supported yet; FATE Deployer renders the templates "
                        "of KubeFATE 1.1.0, v1.11 and v2.0")
                         .arg(templates.kubefateVersion, templates.root)};
    if (kubefateEra(project.templates.kubefateVersion) != KubefateEra::V1_1)
        return Error{tr("templates.kubefateVersion: the project is for KubeFATE %1, but the templates at %2 are "
                        "KubeFATE %3; choose templates of the project's version")
                         .arg(project.templates.kubefateVersion, templates.root, templates.kubefateVersion)};
    return Render11(project, templates).run();
}

} // namespace FateDeployer
