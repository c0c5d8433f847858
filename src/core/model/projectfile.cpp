// SPDX-License-Identifier: Apache-2.0
#include "model/projectfile.h"

#include "model/era.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>
#include <cmath>

namespace FateDeployer {

namespace {

QJsonObject sshToJson(const SshOverrides &ssh)
{
    QJsonObject o;
    if (!ssh.user.isEmpty())
        o.insert(u"user", ssh.user);
    if (ssh.port)
        o.insert(u"port", *ssh.port);
    if (!ssh.identityFile.isEmpty())
        o.insert(u"identityFile", ssh.identityFile);
    if (ssh.auth != AuthMethod::Default)
        o.insert(u"auth", authMethodToString(ssh.auth));
    if (!ssh.jumpHost.isEmpty())
        o.insert(u"jumpHost", ssh.jumpHost);
    return o;
}

/// Reads typed fields and remembers the first problem with the path of the field.
class Reader
{
public:
    QString error;

    bool failed() const { return !error.isEmpty(); }

    void fail(const QString &field, const QString &what)
    {
        if (error.isEmpty())
            error = ProjectFile::tr("%1: %2").arg(field, what);
    }

    QString string(const QJsonObject &o,
                   const char *key,
                   const QString &path,
                   const QString &def = {},
                   int maxLength = ProjectFile::MaxFieldLength)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            return def;
        const QString field = path.isEmpty() ? QString::fromLatin1(key) : path + QLatin1Char('.') + QLatin1String(key);
        if (!v.isString()) {
            fail(field, ProjectFile::tr("must be a string"));
            return def;
        }
        QString text = v.toString();
        if (text.size() > maxLength) {
            fail(field,
                 ProjectFile::tr("is %1 characters long (at most %2 are accepted)").arg(text.size()).arg(maxLength));
            return def;
        }
        return text;
    }

    std::optional<int> integer(const QJsonObject &o, const char *key, const QString &path)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        const double d = v.toDouble(0.5);
        // Range first: converting 9.9e81 to an integer type is undefined behaviour (found by fuzz_projectfile).
        if (!v.isDouble() || !(d >= -2147483648.0 && d <= 2147483647.0) || d != std::trunc(d)) {
            fail(path + QLatin1Char('.') + QLatin1String(key), ProjectFile::tr("must be a whole number"));
            return std::nullopt;
        }
        return int(d);
    }

    bool boolean(const QJsonObject &o, const char *key, const QString &path, bool def)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            return def;
        if (!v.isBool()) {
            fail(path + QLatin1Char('.') + QLatin1String(key), ProjectFile::tr("must be true or false"));
            return def;
        }
        return v.toBool();
    }

    /// A list of strings (at most 64 entries).
    QStringList strings(const QJsonObject &o, const char *key, const QString &path)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            return {};
        const QString field = path + QLatin1Char('.') + QLatin1String(key);
        const QJsonArray a = v.toArray();
        if (!v.isArray() || a.size() > 64) {
            fail(field, ProjectFile::tr("must be a list of at most 64 names"));
            return {};
        }
        QStringList out;
        for (const QJsonValue &item : a) {
            if (!item.isString() || item.toString().size() > ProjectFile::MaxFieldLength) {
                fail(field, ProjectFile::tr("must be a list of at most 64 names"));
                return {};
            }
            out.append(item.toString());
        }
        return out;
    }

    QJsonObject object(const QJsonObject &o, const char *key, const QString &path)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isObject()) {
            fail(path.isEmpty() ? QString::fromLatin1(key) : QString(path + QLatin1Char('.') + QLatin1String(key)),
                 ProjectFile::tr("must be an object"));
            return {};
        }
        return v.toObject();
    }

    SshOverrides ssh(const QJsonObject &o, const QString &path)
    {
        SshOverrides s;
        s.user = string(o, "user", path);
        s.port = integer(o, "port", path);
        s.identityFile = string(o, "identityFile", path);
        s.jumpHost = string(o, "jumpHost", path);
        const QString auth = string(o, "auth", path);
        if (!auth.isEmpty()) {
            if (auto m = authMethodFromString(auth))
                s.auth = *m;
            else
                fail(path + QStringLiteral(".auth"),
                     ProjectFile::tr("\"%1\" is not one of default, agent, publickey, password, keyboard-interactive")
                         .arg(auth));
        }
        return s;
    }

    /// The fields a party and the exchange share: where others reach it, and whether another team deploys it.
    template<typename Host>
    void reachable(const QJsonObject &o, const QString &path, Host &host)
    {
        host.reachableAddress = string(o, "reachableAddress", path);
        host.reachablePort = integer(o, "reachablePort", path);
        host.external = boolean(o, "external", path, false);
    }
};

/// Writes Reader::reachable's fields, each only when set: a project that does not use them stays format 2.
template<typename Host>
void reachableToJson(QJsonObject &o, const Host &host)
{
    if (!host.reachableAddress.isEmpty())
        o.insert(u"reachableAddress", host.reachableAddress);
    if (host.reachablePort)
        o.insert(u"reachablePort", *host.reachablePort);
    if (host.external)
        o.insert(u"external", true);
}

/// Format 3's fields in use: only then is the file written as version 3 (see Project::CurrentFormatVersion).
bool usesFormat3(const Project &p)
{
    const bool partyFields = std::any_of(p.parties.cbegin(), p.parties.cend(), [](const Party &party) {
        return !party.reachableAddress.isEmpty() || party.reachablePort || party.external || !party.contact.isEmpty();
    });
    return partyFields || !p.exchange.reachableAddress.isEmpty() || p.exchange.reachablePort || p.exchange.external
           || !p.exchange.notes.isEmpty() || p.federation != FederationState{};
}

} // namespace

QByteArray ProjectFile::toJson(const Project &p)
{
    QJsonObject root;
    root.insert(u"formatVersion", usesFormat3(p) ? 3 : 2);
    root.insert(u"name", p.name);

    QJsonObject templates;
    templates.insert(u"kubefateVersion", p.templates.kubefateVersion);
    templates.insert(u"kind", templateKindToString(p.templates.kind));
    templates.insert(u"location", p.templates.location);
    if (!p.templates.sha256.isEmpty())
        templates.insert(u"sha256", p.templates.sha256);
    if (!p.templates.mirrorBase.isEmpty())
        templates.insert(u"mirrorBase", p.templates.mirrorBase);
    root.insert(u"templates", templates);

    QJsonObject deploy;
    deploy.insert(u"user", p.user);
    deploy.insert(u"baseDir", p.baseDir);
    deploy.insert(u"sshPort", p.sshPort);
    if (!p.knownHostsFile.isEmpty())
        deploy.insert(u"knownHostsFile", p.knownHostsFile);
    root.insert(u"deploy", deploy);

    QJsonObject images;
    images.insert(u"prefix", p.images.prefix);
    images.insert(u"tag", p.images.tag);
    images.insert(u"baseTag", p.images.baseTag);
    images.insert(u"builderTag", p.images.builderTag);
    const bool withEngine = eraHasEngine(kubefateEra(p.templates.kubefateVersion));
    if (withEngine)
        images.insert(u"servingTag", p.images.servingTag);
    root.insert(u"images", images);

    // Only the era's fields: a 1.1.0 project file says nothing about engines it cannot have.
    if (withEngine) {
        QJsonObject engine;
        engine.insert(u"computing", p.engine.computing);
        engine.insert(u"federation", p.engine.federation);
        engine.insert(u"storage", p.engine.storage);
        engine.insert(u"algorithm", p.engine.algorithm);
        engine.insert(u"device", p.engine.device);
        engine.insert(u"computeCore", p.engine.computeCore);
        engine.insert(u"gpuCount", p.engine.gpuCount);
        engine.insert(u"nameNode", p.engine.nameNode);
        root.insert(u"engine", engine);
        QJsonObject mysql;
        mysql.insert(u"host", p.mysql.host);
        mysql.insert(u"user", p.mysql.user);
        mysql.insert(u"database", p.mysql.database);
        mysql.insert(u"serverTimezone", p.mysql.serverTimezone);
        root.insert(u"mysql", mysql);
        QJsonObject logins;
        logins.insert(u"fateboardUser", p.logins.fateboardUser);
        logins.insert(u"servingAdminUser", p.logins.servingAdminUser);
        root.insert(u"logins", logins);
    }

    QJsonObject registry;
    registry.insert(u"type", p.registry.usePrivate ? QStringLiteral("private") : QStringLiteral("dockerhub"));
    if (!p.registry.uri.isEmpty())
        registry.insert(u"uri", p.registry.uri);
    if (!p.registry.username.isEmpty())
        registry.insert(u"username", p.registry.username);
    if (p.registry.keepLoggedIn)
        registry.insert(u"keepLoggedIn", true);
    if (!p.registry.dockerHubImages.isEmpty()) // absent in older files: every image from the registry
        registry.insert(u"dockerHubImages", QJsonArray::fromStringList(p.registry.dockerHubImages));
    root.insert(u"registry", registry);

    QJsonArray parties;
    for (const Party &party : p.parties) {
        QJsonObject o;
        o.insert(u"id", party.id);
        o.insert(u"host", party.host);
        if (!party.ssh.isEmpty())
            o.insert(u"ssh", sshToJson(party.ssh));
        if (!party.dir.isEmpty())
            o.insert(u"dir", party.dir);
        if (!party.notes.isEmpty())
            o.insert(u"notes", party.notes);
        if (withEngine && !party.servingHost.isEmpty())
            o.insert(u"servingHost", party.servingHost);
        reachableToJson(o, party);
        if (!party.contact.isEmpty())
            o.insert(u"contact", party.contact);
        parties.append(o);
    }
    root.insert(u"parties", parties);

    QJsonObject exchange;
    exchange.insert(u"enabled", p.exchange.enabled);
    exchange.insert(u"host", p.exchange.host);
    exchange.insert(u"port", p.exchange.port);
    if (!p.exchange.ssh.isEmpty())
        exchange.insert(u"ssh", sshToJson(p.exchange.ssh));
    if (!p.exchange.dir.isEmpty())
        exchange.insert(u"dir", p.exchange.dir);
    reachableToJson(exchange, p.exchange);
    if (!p.exchange.notes.isEmpty())
        exchange.insert(u"notes", p.exchange.notes);
    root.insert(u"exchange", exchange);

    if (p.federation != FederationState{}) {
        QJsonObject federation;
        federation.insert(u"revision", p.federation.revision);
        federation.insert(u"sha256", p.federation.sha256);
        root.insert(u"federation", federation);
    }

    QJsonObject verification;
    verification.insert(u"guestId", p.verification.guestId);
    verification.insert(u"hostId", p.verification.hostId);
    verification.insert(u"timeoutSeconds", p.verification.timeoutSeconds);
    root.insert(u"verification", verification);

    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Result<Project> ProjectFile::fromJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // Qt reports an unexpected end one past the last byte; name a place that exists, as line and column.
        const qsizetype offset = std::clamp<qsizetype>(parseError.offset, 0, json.size());
        const QByteArray before = json.left(offset);
        const qsizetype line = before.count('\n') + 1;
        const qsizetype column = offset - (before.lastIndexOf('\n') + 1) + 1;
        return Error{tr("not a project file: %1 at line %2, column %3 (byte %4 of %5)")
                         .arg(parseError.errorString())
                         .arg(line)
                         .arg(column)
                         .arg(offset)
                         .arg(json.size())};
    }
    if (!doc.isObject())
        return Error{tr("not a project file: the top level must be a JSON object")};
    const QJsonObject root = doc.object();

    Reader r;
    const std::optional<int> version = r.integer(root, "formatVersion", QString());
    if (r.failed())
        return Error{r.error};
    if (!version)
        return Error{tr("not a project file: formatVersion is missing")};
    if (*version > Project::CurrentFormatVersion)
        return Error{tr("this project file has format version %1, but this FATE Deployer reads up to "
                        "version %2; please update FATE Deployer")
                         .arg(*version)
                         .arg(Project::CurrentFormatVersion)};
    if (*version < 1)
        return Error{tr("formatVersion: %1 is not a valid format version").arg(*version)};

    Project p;
    p.name = r.string(root, "name", QString());

    const QJsonObject templates = r.object(root, "templates", QString());
    p.templates.kubefateVersion
        = r.string(templates, "kubefateVersion", QStringLiteral("templates"), p.templates.kubefateVersion);
    const QString kind = r.string(templates, "kind", QStringLiteral("templates"), QStringLiteral("folder"));
    if (auto k = templateKindFromString(kind))
        p.templates.kind = *k;
    else
        r.fail(QStringLiteral("templates.kind"), tr("\"%1\" is not one of folder, archive, url").arg(kind));
    p.templates.location = r.string(templates, "location", QStringLiteral("templates"));
    p.templates.sha256 = r.string(templates, "sha256", QStringLiteral("templates"));
    p.templates.mirrorBase = r.string(templates, "mirrorBase", QStringLiteral("templates"));

    const QJsonObject deploy = r.object(root, "deploy", QString());
    p.user = r.string(deploy, "user", QStringLiteral("deploy"), p.user);
    p.baseDir = r.string(deploy, "baseDir", QStringLiteral("deploy"), p.baseDir);
    p.sshPort = r.integer(deploy, "sshPort", QStringLiteral("deploy")).value_or(p.sshPort);
    p.knownHostsFile = r.string(deploy, "knownHostsFile", QStringLiteral("deploy"));

    const QJsonObject images = r.object(root, "images", QString());
    p.images.prefix = r.string(images, "prefix", QStringLiteral("images"), p.images.prefix);
    p.images.tag = r.string(images, "tag", QStringLiteral("images"), p.images.tag);
    p.images.baseTag = r.string(images, "baseTag", QStringLiteral("images"), p.images.baseTag);
    p.images.builderTag = r.string(images, "builderTag", QStringLiteral("images"), p.images.builderTag);
    p.images.servingTag = r.string(images, "servingTag", QStringLiteral("images"), p.images.servingTag);

    // Format 1 files have no engine: they get the era's defaults, as KubeFATE's example parties.conf has.
    p.engine = engineDefaults(kubefateEra(p.templates.kubefateVersion));
    const QJsonObject engine = r.object(root, "engine", QString());
    const QString enginePath = QStringLiteral("engine");
    p.engine.computing = r.string(engine, "computing", enginePath, p.engine.computing);
    p.engine.federation = r.string(engine, "federation", enginePath, p.engine.federation);
    p.engine.storage = r.string(engine, "storage", enginePath, p.engine.storage);
    p.engine.algorithm = r.string(engine, "algorithm", enginePath, p.engine.algorithm);
    p.engine.device = r.string(engine, "device", enginePath, p.engine.device);
    p.engine.computeCore = r.integer(engine, "computeCore", enginePath).value_or(p.engine.computeCore);
    p.engine.gpuCount = r.integer(engine, "gpuCount", enginePath).value_or(p.engine.gpuCount);
    p.engine.nameNode = r.string(engine, "nameNode", enginePath, p.engine.nameNode);
    const QJsonObject mysql = r.object(root, "mysql", QString());
    const QString mysqlPath = QStringLiteral("mysql");
    p.mysql.host = r.string(mysql, "host", mysqlPath, p.mysql.host);
    p.mysql.user = r.string(mysql, "user", mysqlPath, p.mysql.user);
    p.mysql.database = r.string(mysql, "database", mysqlPath, p.mysql.database);
    p.mysql.serverTimezone = r.string(mysql, "serverTimezone", mysqlPath, p.mysql.serverTimezone);
    const QJsonObject logins = r.object(root, "logins", QString());
    p.logins.fateboardUser = r.string(logins, "fateboardUser", QStringLiteral("logins"), p.logins.fateboardUser);
    p.logins.servingAdminUser
        = r.string(logins, "servingAdminUser", QStringLiteral("logins"), p.logins.servingAdminUser);

    const QJsonObject registry = r.object(root, "registry", QString());
    const QString type = r.string(registry, "type", QStringLiteral("registry"), QStringLiteral("dockerhub"));
    if (type == QLatin1String("private"))
        p.registry.usePrivate = true;
    else if (type != QLatin1String("dockerhub"))
        r.fail(QStringLiteral("registry.type"), tr("\"%1\" is not one of dockerhub, private").arg(type));
    p.registry.uri = r.string(registry, "uri", QStringLiteral("registry"));
    p.registry.username = r.string(registry, "username", QStringLiteral("registry"));
    p.registry.keepLoggedIn = r.boolean(registry, "keepLoggedIn", QStringLiteral("registry"), false);
    p.registry.dockerHubImages = r.strings(registry, "dockerHubImages", QStringLiteral("registry"));

    const QJsonValue partiesValue = root.value(u"parties");
    if (!partiesValue.isUndefined() && !partiesValue.isArray())
        r.fail(QStringLiteral("parties"), tr("must be a list"));
    const QJsonArray parties = partiesValue.toArray();
    if (parties.size() > MaxParties)
        return Error{tr("parties: %1 parties listed (at most %2 are accepted)").arg(parties.size()).arg(MaxParties)};
    for (qsizetype i = 0; i < parties.size(); ++i) {
        const QString path = QStringLiteral("parties[%1]").arg(i);
        if (!parties.at(i).isObject()) {
            r.fail(path, tr("must be an object"));
            break;
        }
        const QJsonObject o = parties.at(i).toObject();
        Party party;
        party.id = r.integer(o, "id", path).value_or(0);
        party.host = r.string(o, "host", path);
        party.ssh = r.ssh(r.object(o, "ssh", path), path + QStringLiteral(".ssh"));
        party.dir = r.string(o, "dir", path);
        party.notes = r.string(o, "notes", path, QString(), MaxNotesLength);
        party.servingHost = r.string(o, "servingHost", path);
        r.reachable(o, path, party);
        party.contact = r.string(o, "contact", path);
        p.parties.append(party);
    }

    const QJsonObject exchange = r.object(root, "exchange", QString());
    p.exchange.enabled = r.boolean(exchange, "enabled", QStringLiteral("exchange"), true);
    p.exchange.host = r.string(exchange, "host", QStringLiteral("exchange"));
    p.exchange.port = r.integer(exchange, "port", QStringLiteral("exchange")).value_or(p.exchange.port);
    p.exchange.ssh = r.ssh(r.object(exchange, "ssh", QStringLiteral("exchange")), QStringLiteral("exchange.ssh"));
    p.exchange.dir = r.string(exchange, "dir", QStringLiteral("exchange"));
    r.reachable(exchange, QStringLiteral("exchange"), p.exchange);
    p.exchange.notes = r.string(exchange, "notes", QStringLiteral("exchange"), QString(), MaxNotesLength);

    const QJsonObject federation = r.object(root, "federation", QString());
    p.federation.revision = r.integer(federation, "revision", QStringLiteral("federation")).value_or(0);
    p.federation.sha256 = r.string(federation, "sha256", QStringLiteral("federation"));

    const QJsonObject verification = r.object(root, "verification", QString());
    p.verification.guestId = r.integer(verification, "guestId", QStringLiteral("verification")).value_or(0);
    p.verification.hostId = r.integer(verification, "hostId", QStringLiteral("verification")).value_or(0);
    p.verification.timeoutSeconds
        = r.integer(verification, "timeoutSeconds", QStringLiteral("verification")).value_or(120);

    if (r.failed())
        return Error{r.error};
    return p;
}

Result<Project> ProjectFile::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{tr("cannot open %1: %2").arg(path, file.errorString())};
    if (file.size() > MaxFileSize)
        return Error{tr("%1: the file is %2 bytes long (at most %3 are accepted); is this the right file?")
                         .arg(path)
                         .arg(file.size())
                         .arg(MaxFileSize)};
    const QByteArray data = file.read(MaxFileSize + 1);
    Result<Project> result = fromJson(data);
    if (!result)
        return Error{tr("%1: %2").arg(path, result.error())};
    return result;
}

Status ProjectFile::save(const Project &project, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{tr("cannot write %1: %2").arg(path, file.errorString())};
    const QByteArray data = toJson(project);
    if (file.write(data) != data.size() || !file.commit())
        return Error{tr("cannot write %1: %2").arg(path, file.errorString())};
    return {};
}

} // namespace FateDeployer
