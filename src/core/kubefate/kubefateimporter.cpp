// SPDX-License-Identifier: Apache-2.0
#include "kubefate/kubefateimporter.h"

#include "model/era.h"
#include "model/validation.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>

#include <climits>

namespace FateDeployer {

namespace {

/// "file:line: name" or "file:line: name[i]"; the place a model field came from.
QString where(const BashConfig &file, const BashVariable &v, int index = -1)
{
    const QString name = index < 0 ? v.name : QStringLiteral("%1[%2]").arg(v.name).arg(index);
    if (v.line <= 0)
        return QStringLiteral("%1: %2").arg(file.fileName(), name);
    return QStringLiteral("%1:%2: %3").arg(file.fileName()).arg(v.line).arg(name);
}

/// A KubeFATE variable that the model does not hold: ignored, with a warning only when the file's
/// value differs from KubeFATE's own default (otherwise nothing is lost).
struct IgnoredVariable
{
    const char *name;
    const char *defaultValue; ///< nullptr = always warn when set
    bool secret;
    const char *reason;
};

QString normalizeVersion(QString version)
{
    if (version.startsWith(QLatin1Char('v')))
        version.remove(0, 1);
    if (version.endsWith(QLatin1String("-release")))
        version.chop(int(qstrlen("-release")));
    return version;
}

} // namespace

Result<Project> KubefateImporter::importFiles(const QString &configPath, const QString &envPath)
{
    m_warnings.clear();
    m_envPath.clear();
    m_secrets = {};
    QString env = envPath;
    if (env.isEmpty()) {
        const QFileInfo info(configPath);
        const QString sameDir = info.dir().filePath(QStringLiteral(".env"));
        const QString repoRoot = info.dir().filePath(QStringLiteral("../.env"));
        if (QFileInfo(sameDir).isFile())
            env = sameDir;
        else if (info.fileName() == QLatin1String("docker-configuration.sh") && QFileInfo(repoRoot).isFile())
            env = QDir::cleanPath(repoRoot);
    }
    std::optional<BashConfig> envConfig;
    if (!env.isEmpty()) {
        Result<BashConfig> parsed = BashConfig::parseFile(env);
        if (!parsed)
            return Error{parsed.error()};
        envConfig = std::move(parsed).value();
        m_envPath = env;
    }
    // KubeFATE sources .env first, so the configuration may refer to its variables.
    Result<BashConfig> config
        = BashConfig::parseFile(configPath, envConfig ? envConfig->variables() : QList<BashVariable>{});
    if (!config)
        return Error{config.error()};
    if (!envConfig)
        m_warnings << tr("%1: no .env found next to it (or, for docker-configuration.sh, in the folder above); image "
                         "settings keep their defaults — pass --env FILE to read one")
                          .arg(configPath);
    return importParsed(config.value(), envConfig ? &*envConfig : nullptr);
}

Result<Project> KubefateImporter::importData(const QByteArray &config,
                                             const QString &configName,
                                             const std::optional<QByteArray> &env,
                                             const QString &envName)
{
    m_warnings.clear();
    m_envPath.clear();
    m_secrets = {};
    std::optional<BashConfig> envConfig;
    if (env) {
        Result<BashConfig> parsed = BashConfig::parse(*env, envName);
        if (!parsed)
            return Error{parsed.error()};
        envConfig = std::move(parsed).value();
        m_envPath = envName;
    }
    Result<BashConfig> parsed
        = BashConfig::parse(config, configName, envConfig ? envConfig->variables() : QList<BashVariable>{});
    if (!parsed)
        return Error{parsed.error()};
    return importParsed(parsed.value(), envConfig ? &*envConfig : nullptr);
}

Result<Project> KubefateImporter::importParsed(const BashConfig &cfg, const BashConfig *env)
{
    const QString cfgName = cfg.fileName();
    m_warnings += cfg.warnings();
    if (env)
        m_warnings += env->warnings();
    if (cfg.isEmpty())
        return Error{tr("%1: has no variable assignments (is the file empty?); expected KubeFATE's "
                        "docker-configuration.sh or parties.conf")
                         .arg(cfgName)};
    if (env && env->isEmpty())
        m_warnings << tr("%1: has no variable assignments; image settings keep their defaults").arg(env->fileName());

    auto envVar = [env](const char *name) -> const BashVariable * {
        return env ? env->variable(QLatin1String(name)) : nullptr;
    };
    auto cfgValue = [&cfg](const char *name) {
        const BashVariable *v = cfg.variable(QLatin1String(name));
        return v ? v->scalar() : QString();
    };

    // Which era: the list variables were renamed in v1.5.0 (partylist → party_list).
    const bool newNames = cfg.contains(QStringLiteral("party_list")) || cfg.contains(QStringLiteral("party_ip_list"));
    const bool oldNames = cfg.contains(QStringLiteral("partylist")) || cfg.contains(QStringLiteral("partyiplist"));
    if (newNames && oldNames)
        return Error{tr("%1: mixes partylist/partyiplist (KubeFATE before v1.5) with party_list/party_ip_list (v1.5 "
                        "and later); keep one pair")
                         .arg(cfgName)};
    if (!newNames && !oldNames)
        return Error{tr("%1: sets neither partylist nor party_list; is this KubeFATE's docker-configuration.sh or "
                        "parties.conf?")
                         .arg(cfgName)};

    QString version;
    const BashVariable *versionVar = envVar("KubeFATE_Version");
    if (newNames) {
        const QString federation = cfgValue("federation");
        const QString computing = cfgValue("computing");
        bool perImage = false;
        if (env) {
            for (const BashVariable &v : env->variables())
                perImage = perImage || v.name.endsWith(QLatin1String("_IMAGE_TAG"));
        }
        if (versionVar)
            version = normalizeVersion(versionVar->scalar());
        else if (perImage || federation == QLatin1String("OSX") || computing == QLatin1String("STANDALONE"))
            version = QStringLiteral("2.0.0");
        else
            version = QStringLiteral("1.11.2");
    } else {
        static const char *const eraB[] = {"servingiplist",
                                           "mysql_ip",
                                           "mysql_user",
                                           "mysql_password",
                                           "mysql_db",
                                           "redis_ip",
                                           "redis_port",
                                           "redis_password"};
        bool isEraB = envVar("RegistryURI") || envVar("SERVING_TAG");
        for (const char *name : eraB)
            isEraB = isEraB || cfg.contains(QLatin1String(name));
        if (!isEraB)
            version = QStringLiteral("1.1.0");
        else if (versionVar) // written by our exporter to keep the exact release
            version = normalizeVersion(versionVar->scalar());
        else
            version = envVar("PREFIX") ? QStringLiteral("1.4.0") : QStringLiteral("1.4.5");
        if (isEraB && !cfg.contains(QStringLiteral("servingiplist")))
            m_warnings << tr("%1: looks like KubeFATE v1.1.1 – v1.3.0 (parties.conf without servingiplist); imported "
                             "as KubeFATE %2 — check templates.kubefateVersion")
                              .arg(cfgName, version);
    }
    const bool oldEra = version == QLatin1String("1.1.0") || version.startsWith(QLatin1String("1.4."));
    if (versionVar && oldEra == newNames)
        return Error{tr("%1: says KubeFATE %2, but %3 uses %4, which that release does not read")
                         .arg(where(*env, *versionVar),
                              version,
                              cfgName,
                              newNames ? QStringLiteral("party_list") : QStringLiteral("partylist"))};
    m_format = kubefateFormatForVersion(version);
    const bool era11 = version == QLatin1String("1.1.0");
    const bool era20 = version.startsWith(QLatin1String("2."));

    Project p;
    p.name.clear();
    p.templates.kubefateVersion = version;
    // KubeFATE's files name the version, not where its templates are: the tag archive of that version
    // (downloaded when first rendered), which the user can switch to a local folder or archive.
    p.templates.kind = TemplateSource::Kind::Url;
    QHash<QString, QString> origin; // model field → "file:line: variable"
    if (versionVar)
        origin.insert(QStringLiteral("templates.kubefateVersion"), where(*env, *versionVar));

    QStringList errors;
    // Variables the model takes over; everything else is reported below.
    QStringList used = {QStringLiteral("user"), QStringLiteral("dir"), QStringLiteral("exchangeip")};

    // user, dir
    for (const char *name : {"user", "dir"}) {
        const BashVariable *v = cfg.variable(QLatin1String(name));
        if (!v) {
            errors << tr("%1: %2 is not set; KubeFATE needs it").arg(cfgName, QLatin1String(name));
            continue;
        }
        if (v->isArray)
            errors << tr("%1: is an array; it must be a single value").arg(where(cfg, *v));
        const bool isUser = qstrcmp(name, "user") == 0;
        (isUser ? p.user : p.baseDir) = v->scalar();
        origin.insert(isUser ? QStringLiteral("deploy.user") : QStringLiteral("deploy.baseDir"), where(cfg, *v));
    }

    // Parties.
    const QString idsName = newNames ? QStringLiteral("party_list") : QStringLiteral("partylist");
    const QString ipsName = newNames ? QStringLiteral("party_ip_list") : QStringLiteral("partyiplist");
    used << idsName << ipsName;
    const BashVariable *ids = cfg.variable(idsName);
    const BashVariable *ips = cfg.variable(ipsName);
    if (!ids)
        errors << tr("%1: %2 is not set; list the party ids, e.g. %2=(10000 9999)").arg(cfgName, idsName);
    if (!ips)
        errors << tr("%1: %2 is not set; list one host per party, e.g. %2=(192.168.7.1 192.168.7.2)")
                      .arg(cfgName, ipsName);
    if (ids && ips) {
        if (ids->values.isEmpty() || (ids->values.size() == 1 && ids->values.first().isEmpty()))
            errors << tr("%1: is empty; add at least one party id").arg(where(cfg, *ids));
        else if (ids->values.size() != ips->values.size())
            errors << tr("%1: has %2 party id(s) but %3 (line %4) has %5 host(s); give one host per party, in the "
                         "same order")
                          .arg(where(cfg, *ids))
                          .arg(ids->values.size())
                          .arg(ipsName)
                          .arg(ips->line)
                          .arg(ips->values.size());
        else {
            static const QRegularExpression idForm(QStringLiteral("^[1-9][0-9]{0,9}$"));
            for (qsizetype i = 0; i < ids->values.size(); ++i) {
                const QString text = ids->values.at(i);
                bool ok = false;
                const qlonglong id = text.toLongLong(&ok);
                Party party;
                if (!idForm.match(text).hasMatch() || !ok || id > INT_MAX)
                    errors << tr("%1: \"%2\" is not a party id (a positive whole number without leading zeros)")
                                  .arg(where(cfg, *ids, int(i)), text.left(80));
                else
                    party.id = int(id);
                party.host = ips->values.at(i);
                origin.insert(QStringLiteral("parties[%1].id").arg(i), where(cfg, *ids, int(i)));
                origin.insert(QStringLiteral("parties[%1].host").arg(i), where(cfg, *ips, int(i)));
                p.parties.append(party);
            }
        }
    }

    // Exchange: always deployed by 1.1.0; optional (empty = none) from v1.4.
    const BashVariable *exchange = cfg.variable(QStringLiteral("exchangeip"));
    if (exchange && exchange->isArray)
        errors << tr("%1: is an array; it must be a single host").arg(where(cfg, *exchange));
    const QString exchangeHost = exchange ? exchange->scalar() : QString();
    if (exchange)
        origin.insert(QStringLiteral("exchange.host"), where(cfg, *exchange));
    if (era11) {
        p.exchange.enabled = true;
        p.exchange.host = exchangeHost;
        if (exchangeHost.isEmpty())
            errors << tr("%1: exchangeip is not set; KubeFATE 1.1.0 always deploys an exchange, e.g. "
                         "exchangeip=${partyiplist[0]}")
                          .arg(exchange ? where(cfg, *exchange) : cfgName);
    } else {
        p.exchange.enabled = !exchangeHost.isEmpty();
        p.exchange.host = exchangeHost;
    }

    // Serving and the other parties.conf knobs the model does not hold.
    const QString servingName = newNames ? QStringLiteral("serving_ip_list") : QStringLiteral("servingiplist");
    const KubefateEra era = kubefateEra(version);
    m_secrets = {};
    if (eraHasEngine(era))
        importEngine(cfg, p, origin, used, errors);
    if (!era11 && !eraHasEngine(era)) {
        used << servingName;
        if (const BashVariable *serving = cfg.variable(servingName)) {
            const bool empty
                = serving->values.isEmpty() || (serving->values.size() == 1 && serving->scalar().isEmpty());
            if (!empty)
                m_warnings << tr("%1: ignored: %2 (FATE Deployer does not deploy FATE-Serving)")
                                  .arg(QStringLiteral("%1:%2").arg(cfgName).arg(serving->line), servingName);
        }
    }
    const char *defaultFederation = era20 ? "OSX" : "Eggroll";
    const char *defaultCores = era20 ? "8" : "16";
    // v1.4 files: the knobs below are not in the model. v1.11+: importEngine() took them (marked used).
    const IgnoredVariable ignoredConfig[] = {
        {"venvdir", "*", false, ""},
        {"mysql_ip",
         "mysql",
         false,
         QT_TRANSLATE_NOOP("FateDeployer::KubefateImporter", "FATE Deployer uses the bundled MySQL")},
        {"mysql_user",
         "fate",
         false,
         QT_TRANSLATE_NOOP("FateDeployer::KubefateImporter", "FATE Deployer uses the bundled MySQL")},
        {"mysql_password",
         "fate_dev",
         true,
         QT_TRANSLATE_NOOP("FateDeployer::KubefateImporter", "passwords are never imported into a project")},
        {"mysql_db",
         "fate_flow",
         false,
         QT_TRANSLATE_NOOP("FateDeployer::KubefateImporter", "FATE Deployer uses the bundled MySQL")},
        {"redis_ip",
         "redis",
         false,
         QT_TRANSLATE_NOOP("FateDeployer::KubefateImporter", "FATE Deployer does not deploy FATE-Serving")},
        {"redis_port",
         "6379",
         false,
         QT_TRANSLATE_NOOP("FateDeployer::KubefateImporter", "FATE Deployer does not deploy FATE-Serving")},
        {"redis_password",
         "fate_dev",
         true,
         QT_TRANSLATE_NOOP("FateDeployer::KubefateImporter", "passwords are never imported into a project")},
        {"computing",
         "Eggroll",
         false,
         QT_TRANSLATE_NOOP("FateDeployer::KubefateImporter", "FATE Deployer deploys the Eggroll backend")},
        {"federation",
         defaultFederation,
         false,
         QT_TRANSLATE_NOOP("FateDeployer::KubefateImporter", "FATE Deployer deploys the KubeFATE default federation")},
        {"storage",
         "Eggroll",
         false,
         QT_TRANSLATE_NOOP("FateDeployer::KubefateImporter", "FATE Deployer deploys the Eggroll backend")},
        {"algorithm",
         "Basic",
         false,
         QT_TRANSLATE_NOOP("FateDeployer::KubefateImporter", "FATE Deployer deploys the Basic images")},
        {"device",
         "CPU",
         false,
         QT_TRANSLATE_NOOP("FateDeployer::KubefateImporter", "FATE Deployer deploys the CPU images")},
        {"compute_core",
         defaultCores,
         false,
         QT_TRANSLATE_NOOP("FateDeployer::KubefateImporter", "FATE Deployer keeps KubeFATE's default")},
        {"gpu_count",
         "1",
         false,
         QT_TRANSLATE_NOOP("FateDeployer::KubefateImporter", "FATE Deployer deploys the CPU images")},
        {"serverTimezone",
         "UTC",
         false,
         QT_TRANSLATE_NOOP("FateDeployer::KubefateImporter", "FATE Deployer keeps KubeFATE's default")},
        {"name_node",
         "hdfs://namenode:9000",
         false,
         QT_TRANSLATE_NOOP("FateDeployer::KubefateImporter", "FATE Deployer deploys the Eggroll backend")},
        {"fateboard_username",
         "admin",
         false,
         QT_TRANSLATE_NOOP("FateDeployer::KubefateImporter", "FATE Deployer keeps KubeFATE's default")},
        {"fateboard_password",
         "admin",
         true,
         QT_TRANSLATE_NOOP("FateDeployer::KubefateImporter", "passwords are never imported into a project")},
        {"serving_admin_username",
         "admin",
         false,
         QT_TRANSLATE_NOOP("FateDeployer::KubefateImporter", "FATE Deployer does not deploy FATE-Serving")},
        {"serving_admin_password",
         "admin",
         true,
         QT_TRANSLATE_NOOP("FateDeployer::KubefateImporter", "passwords are never imported into a project")},
        {"notebook_hashed_password",
         "",
         true,
         QT_TRANSLATE_NOOP("FateDeployer::KubefateImporter", "passwords are never imported into a project")},
    };

    constexpr int MaxUnknownWarnings = 20; // a stray file must not flood the output
    int unknownCount = 0;
    for (const BashVariable &v : cfg.variables()) {
        if (used.contains(v.name) || (env && env->variable(v.name) && v.line == 0))
            continue;
        bool known = false;
        for (const IgnoredVariable &ignored : ignoredConfig) {
            if (v.name != QLatin1String(ignored.name))
                continue;
            known = true;
            if (qstrcmp(ignored.name, "venvdir") == 0) // unused by KubeFATE itself
                break;
            if (era11)
                m_warnings << tr("%1: ignored: %2 (not a KubeFATE 1.1.0 variable)")
                                  .arg(QStringLiteral("%1:%2").arg(cfgName).arg(v.line), v.name);
            else if (ignored.defaultValue && v.scalar() == QLatin1String(ignored.defaultValue) && !v.isArray) {
                // KubeFATE's default: nothing is lost.
            } else if (ignored.secret && eraHasEngine(era))
                m_warnings << tr("%1: %2 is a password: never stored in the project, only in the keychain (the "
                                 "window's import, or "
                                 "import --store-secrets)")
                                  .arg(QStringLiteral("%1:%2").arg(cfgName).arg(v.line), v.name);
            else if (ignored.secret)
                m_warnings << tr("%1: ignored: %2 (%3)")
                                  .arg(QStringLiteral("%1:%2").arg(cfgName).arg(v.line), v.name, tr(ignored.reason));
            else
                m_warnings << tr("%1: ignored: %2=%3 (%4)")
                                  .arg(QStringLiteral("%1:%2").arg(cfgName).arg(v.line),
                                       v.name,
                                       v.values.join(QLatin1Char(' ')).left(80),
                                       tr(ignored.reason));
            break;
        }
        if (!known && ++unknownCount <= MaxUnknownWarnings)
            m_warnings << tr("%1: ignored: %2 (not a KubeFATE variable)")
                              .arg(QStringLiteral("%1:%2").arg(cfgName).arg(v.line), v.name);
    }
    if (unknownCount > MaxUnknownWarnings)
        m_warnings << tr("%1: ignored %2 more variables that are not KubeFATE variables")
                          .arg(cfgName)
                          .arg(unknownCount - MaxUnknownWarnings);

    // .env: images, registry, SSH port.
    if (env) {
        QStringList envUsed;
        auto take = [&](const char *name, QString &target, const QString &field) {
            if (const BashVariable *v = env->variable(QLatin1String(name))) {
                target = v->scalar();
                origin.insert(field, where(*env, *v));
                envUsed << v->name;
                if (v->isArray)
                    errors << tr("%1: is an array; it must be a single value").arg(where(*env, *v));
                return true;
            }
            return false;
        };
        if (era11) {
            if (!take("PREFIX", p.images.prefix, QStringLiteral("images.prefix")))
                m_warnings << tr("%1: PREFIX is not set; using %2").arg(env->fileName(), p.images.prefix);
            if (!take("TAG", p.images.tag, QStringLiteral("images.tag")))
                m_warnings << tr("%1: TAG is not set; using %2").arg(env->fileName(), p.images.tag);
            take("BASE_TAG", p.images.baseTag, QStringLiteral("images.baseTag"));
            take("BUILDER_TAG", p.images.builderTag, QStringLiteral("images.builderTag"));
            QString thirdParty;
            if (take("THIRDPARTYPREFIX", thirdParty, QStringLiteral("registry.uri")) && !thirdParty.isEmpty()) {
                // 1.1.0 replaces PREFIX by THIRDPARTYPREFIX; the model keeps registry and prefix apart.
                p.registry.usePrivate = true;
                const QString suffix = QLatin1Char('/') + p.images.prefix;
                if (thirdParty.endsWith(suffix) && thirdParty.size() > suffix.size()) {
                    p.registry.uri = thirdParty.chopped(suffix.size());
                } else {
                    p.registry.uri = thirdParty;
                    m_warnings << tr("%1: THIRDPARTYPREFIX=%2 does not end with /%3 (PREFIX); imported as registry %2, "
                                     "so images are pulled as %2/%3/<module>")
                                      .arg(env->fileName(), thirdParty, p.images.prefix);
                }
            }
        } else {
            QString registry;
            if (take("RegistryURI", registry, QStringLiteral("registry.uri"))) {
                while (registry.endsWith(QLatin1Char('/')))
                    registry.chop(1);
                p.registry.usePrivate = !registry.isEmpty();
                p.registry.uri = registry;
            }
            QString sshPort;
            if (take("SSH_PORT", sshPort, QStringLiteral("deploy.sshPort"))) {
                bool ok = false;
                const int port = sshPort.toInt(&ok);
                static const QRegularExpression digits(QStringLiteral("^[0-9]{1,5}$"));
                if (!ok || !digits.match(sshPort).hasMatch())
                    errors << tr("%1: \"%2\" is not a port number")
                                  .arg(origin.value(QStringLiteral("deploy.sshPort")), sshPort.left(80));
                else
                    p.sshPort = port;
            }
            take("PREFIX", p.images.prefix, QStringLiteral("images.prefix"));
            QString tag;
            if (take("TAG", tag, QStringLiteral("images.tag")))
                p.images.tag = tag;
            else if (!era20)
                m_warnings << tr("%1: TAG is not set; using %2").arg(env->fileName(), p.images.tag);
            if (versionVar)
                envUsed << versionVar->name;
            if (eraHasServing(era))
                take("SERVING_TAG", p.images.servingTag, QStringLiteral("images.servingTag"));
            envUsed << QStringLiteral("SERVING_TAG");
            QString flowImage;
            if (take("FATEFlow_IMAGE", flowImage, QStringLiteral("images.prefix"))) {
                const qsizetype slash = flowImage.lastIndexOf(QLatin1Char('/'));
                if (slash <= 0 || flowImage.mid(slash + 1) != QLatin1String("fateflow"))
                    errors << tr("%1: \"%2\" is not <prefix>/fateflow; FATE Deployer takes the image prefix from it")
                                  .arg(origin.value(QStringLiteral("images.prefix")), flowImage.left(80));
                else
                    p.images.prefix = flowImage.left(slash);
            }
            take("FATEFlow_IMAGE_TAG", p.images.tag, QStringLiteral("images.tag"));
            p.images.baseTag = p.images.tag;
            p.images.builderTag = p.images.tag;
            if (era20 && !env->contains(QStringLiteral("FATEFlow_IMAGE_TAG")) && !env->contains(QStringLiteral("TAG")))
                errors << tr("%1: neither FATEFlow_IMAGE_TAG nor TAG is set; KubeFATE 2.0 needs the image tags")
                              .arg(env->fileName());
            // v2.0's per-image variables: FATE images must follow prefix and tag; others keep defaults.
            const QString prefix = p.images.prefix;
            const QString imageTag = p.images.tag;
            struct Image
            {
                const char *variable;
                QString image;
                QString tag;
            };
            const Image images[] = {
                {"FATEBoard", prefix + QStringLiteral("/fateboard"), imageTag},
                {"Client", prefix + QStringLiteral("/client"), imageTag},
                {"EGGRoll", prefix + QStringLiteral("/eggroll"), imageTag},
                {"OSX", prefix + QStringLiteral("/osx"), imageTag},
                {"MySQL", QStringLiteral("mysql"), QStringLiteral("8.0.28")},
                {"Nginx", prefix + QStringLiteral("/nginx"), imageTag},
                {"RabbitMQ", prefix + QStringLiteral("/rabbitmq"), QStringLiteral("3.8.3-management")},
                {"Pulsar", prefix + QStringLiteral("/pulsar"), QStringLiteral("2.10.2")},
                {"Hadoop_NameNode",
                 prefix + QStringLiteral("/hadoop-namenode"),
                 QStringLiteral("2.0.0-hadoop3.2.1-java8")},
                {"Hadoop_DataNode",
                 prefix + QStringLiteral("/hadoop-datanode"),
                 QStringLiteral("2.0.0-hadoop3.2.1-java8")},
                {"Spark_Master", prefix + QStringLiteral("/spark-master"), imageTag},
                {"Spark_Worker", prefix + QStringLiteral("/spark-worker"), imageTag},
            };
            for (const Image &image : images) {
                const QString base = QLatin1String(image.variable) + QStringLiteral("_IMAGE");
                for (const auto &[name, expected] :
                     {std::pair{base, image.image}, std::pair{QString(base + QStringLiteral("_TAG")), image.tag}}) {
                    const BashVariable *v = env->variable(name);
                    if (!v)
                        continue;
                    envUsed << name;
                    if (v->scalar() != expected)
                        m_warnings
                            << tr("%1: ignored: %2=%3 (FATE Deployer derives it from the image prefix and tag: %4)")
                                   .arg(QStringLiteral("%1:%2").arg(env->fileName()).arg(v->line),
                                        name,
                                        v->scalar().left(80),
                                        expected);
                }
            }
        }
        for (const BashVariable &v : env->variables()) {
            if (envUsed.contains(v.name))
                continue;
            if (era11 || !QStringList{QStringLiteral("PREFIX"), QStringLiteral("THIRDPARTYPREFIX")}.contains(v.name))
                m_warnings << tr("%1: ignored: %2 (not a KubeFATE %3 .env variable)")
                                  .arg(QStringLiteral("%1:%2").arg(env->fileName()).arg(v.line), v.name, version);
        }
    } else if (!era11) {
        p.images.prefix = QStringLiteral("federatedai");
    }
    if (!era11 && !env) {
        // Without .env the v1.4+ tag is unknown; keep the project default but say so.
        p.images.baseTag = p.images.tag;
        p.images.builderTag = p.images.tag;
    }

    if (!errors.isEmpty())
        return Error{errors.join(QLatin1Char('\n'))};

    // Validate the result and point each problem back at the variable it came from.
    for (const ValidationIssue &issue : Validator::validate(p)) {
        if (issue.field == QLatin1String("name"))
            continue; // the caller names the project
        const QString source = origin.value(issue.field);
        const QString text = source.isEmpty() ? issue.toString()
                                              : QStringLiteral("%1 (%2): %3").arg(source, issue.field, issue.message);
        if (issue.severity == ValidationIssue::Severity::Error)
            errors << text;
        else
            m_warnings << text;
    }
    if (!errors.isEmpty())
        return Error{errors.join(QLatin1Char('\n'))};
    return p;
}

void KubefateImporter::importEngine(
    const BashConfig &cfg, Project &p, QHash<QString, QString> &origin, QStringList &used, QStringList &errors)
{
    const KubefateEra era = kubefateEra(p.templates.kubefateVersion);
    p.engine = engineDefaults(era);
    auto scalar = [&](const char *name, const QString &field) -> const BashVariable * {
        const BashVariable *v = cfg.variable(QLatin1String(name));
        if (!v)
            return nullptr;
        used << v->name;
        origin.insert(field, where(cfg, *v));
        if (v->isArray) {
            errors << tr("%1: is an array; it must be a single value").arg(where(cfg, *v));
            return nullptr;
        }
        return v;
    };
    auto text = [&](const char *name, QString &target, const QString &field) {
        if (const BashVariable *v = scalar(name, field))
            target = v->scalar();
    };
    auto number = [&](const char *name, int &target, const QString &field) {
        const BashVariable *v = scalar(name, field);
        if (!v)
            return;
        static const QRegularExpression digits(QRegularExpression::anchoredPattern(QStringLiteral("[0-9]{1,6}")));
        if (!digits.match(v->scalar()).hasMatch())
            errors << tr("%1: \"%2\" is not a whole number").arg(where(cfg, *v), v->scalar().left(80));
        else
            target = v->scalar().toInt();
    };
    text("computing", p.engine.computing, QStringLiteral("engine.computing"));
    text("federation", p.engine.federation, QStringLiteral("engine.federation"));
    text("storage", p.engine.storage, QStringLiteral("engine.storage"));
    text("algorithm", p.engine.algorithm, QStringLiteral("engine.algorithm"));
    text("device", p.engine.device, QStringLiteral("engine.device"));
    number("compute_core", p.engine.computeCore, QStringLiteral("engine.computeCore"));
    number("gpu_count", p.engine.gpuCount, QStringLiteral("engine.gpuCount"));
    text("name_node", p.engine.nameNode, QStringLiteral("engine.nameNode"));
    text("mysql_ip", p.mysql.host, QStringLiteral("mysql.host"));
    text("mysql_user", p.mysql.user, QStringLiteral("mysql.user"));
    text("mysql_db", p.mysql.database, QStringLiteral("mysql.database"));
    text("serverTimezone", p.mysql.serverTimezone, QStringLiteral("mysql.serverTimezone"));
    text("fateboard_username", p.logins.fateboardUser, QStringLiteral("logins.fateboardUser"));
    text("serving_admin_username", p.logins.servingAdminUser, QStringLiteral("logins.servingAdminUser"));

    // Passwords: kept in memory for the caller's keychain, never put into the project.
    for (ServiceSecrets::Kind kind : ServiceSecrets::kinds()) {
        const BashVariable *v = cfg.variable(ServiceSecrets::variableName(kind));
        if (v && !v->isArray)
            m_secrets.setValue(kind, v->scalar());
    }

    // serving_ip_list: one serving host per party, or none at all.
    const BashVariable *serving = cfg.variable(QStringLiteral("serving_ip_list"));
    if (!serving)
        return;
    used << serving->name;
    QStringList hosts = serving->values;
    if (hosts.size() == 1 && hosts.first().isEmpty())
        hosts.clear();
    if (hosts.isEmpty())
        return;
    if (hosts.size() != p.parties.size()) {
        errors << tr("%1: has %2 host(s) for %3 parties; give one serving host per party, in the order of "
                     "party_list, or none")
                      .arg(where(cfg, *serving))
                      .arg(hosts.size())
                      .arg(p.parties.size());
        return;
    }
    for (qsizetype i = 0; i < hosts.size(); ++i) {
        p.parties[i].servingHost = hosts.at(i);
        origin.insert(QStringLiteral("parties[%1].servingHost").arg(i), where(cfg, *serving, int(i)));
    }
}

} // namespace FateDeployer
