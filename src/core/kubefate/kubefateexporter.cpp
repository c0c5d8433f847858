// SPDX-License-Identifier: Apache-2.0
#include "kubefate/kubefateexporter.h"

#include "kubefate/bashconfig.h"
#include "kubefate/kubefateimporter.h"
#include "model/era.h"
#include "model/validation.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>

#include <algorithm>
#include <memory>

namespace FateDeployer {

namespace {

bool hasSshPortVariable(const QString &version)
{
    return version.startsWith(QLatin1String("1.11.")) || version.startsWith(QLatin1String("2."));
}

/// Releases whose files carry an image prefix: 1.1.0 (PREFIX), v1.4.0 – v1.4.3 (PREFIX), 2.0 (*_IMAGE).
bool hasPrefixVariable(const QString &version)
{
    static const QStringList withPrefix = {QStringLiteral("1.1.0"),
                                           QStringLiteral("1.4.0"),
                                           QStringLiteral("1.4.1"),
                                           QStringLiteral("1.4.2"),
                                           QStringLiteral("1.4.3")};
    return withPrefix.contains(version) || version.startsWith(QLatin1String("2."));
}

/// A comment line that cannot break out of the comment: control characters become spaces.
QString commentText(const QString &text)
{
    QString out = text;
    for (QChar &c : out) {
        if (c.category() == QChar::Other_Control || c == QChar::LineSeparator || c == QChar::ParagraphSeparator)
            c = QLatin1Char(' ');
    }
    return out.left(200);
}

class Writer
{
public:
    void comment(const QString &text) { m_text += QStringLiteral("# ") + commentText(text) + QLatin1Char('\n'); }
    void blank() { m_text += QLatin1Char('\n'); }
    void scalar(const char *name, const QString &value)
    {
        // `NAME=` is empty for bash and docker-compose alike; '' would be a literal value for compose 1.x.
        m_text += QLatin1String(name) + QLatin1Char('=')
                  + (value.isEmpty() ? QString() : KubefateExporter::shellWord(value)) + QLatin1Char('\n');
    }
    void array(const char *name, const QStringList &values)
    {
        QStringList words;
        for (const QString &v : values)
            words << KubefateExporter::shellWord(v);
        m_text += QLatin1String(name) + QStringLiteral("=(") + words.join(QLatin1Char(' ')) + QStringLiteral(")\n");
    }
    QByteArray bytes() const { return m_text.toUtf8(); }

private:
    QString m_text;
};

} // namespace

QString KubefateExporter::shellWord(const QString &value)
{
    static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9_./:@%+,-]+$"));
    if (value.isEmpty())
        return QStringLiteral("''");
    if (safe.match(value).hasMatch() && !value.startsWith(QLatin1Char('~')))
        return value;
    QString quoted = value;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

Project KubefateExporter::representable(const Project &p)
{
    const QString version = p.templates.kubefateVersion;
    Project r;
    r.name.clear();
    r.templates.kubefateVersion = version;
    // KubeFATE's files do not say where templates come from: an import names the version's release download.
    r.templates.kind = TemplateSource::Kind::Url;
    r.user = p.user;
    r.baseDir = p.baseDir;
    r.sshPort = hasSshPortVariable(version) ? p.sshPort : 22;
    r.images.prefix = hasPrefixVariable(version) ? p.images.prefix : QStringLiteral("federatedai");
    r.images.tag = p.images.tag;
    const bool era11 = version == QLatin1String("1.1.0");
    r.images.baseTag = era11 ? p.images.baseTag : p.images.tag;
    r.images.builderTag = era11 ? p.images.builderTag : p.images.tag;
    r.registry.usePrivate = p.registry.usePrivate;
    r.registry.uri = p.registry.usePrivate ? p.registry.uri : QString();
    for (const Party &party : p.parties)
        r.parties.append(Party::make(party.id, party.host));
    r.exchange.enabled = era11 || p.exchange.enabled;
    r.exchange.host = r.exchange.enabled ? p.exchange.host : QString();
    const KubefateEra era = kubefateEra(version);
    r.engine = engineDefaults(era);
    if (eraHasEngine(era)) {
        r.engine = p.engine;
        r.mysql = p.mysql;
        r.logins = p.logins;
        r.images.servingTag = p.images.servingTag;
        // serving_ip_list has one entry per party or none: all serving hosts or none survive.
        const bool allServing = std::all_of(
            p.parties.cbegin(), p.parties.cend(), [](const Party &party) { return !party.servingHost.isEmpty(); });
        for (qsizetype i = 0; i < p.parties.size() && allServing; ++i)
            r.parties[i].servingHost = p.parties.at(i).servingHost;
    }
    return r;
}

Status KubefateExporter::checkExportable(const Project &p)
{
    const QList<ValidationIssue> issues = Validator::validate(p);
    if (!Validator::hasErrors(issues))
        return {};
    QStringList errors;
    for (const ValidationIssue &issue : issues) {
        if (issue.severity == ValidationIssue::Severity::Error)
            errors << issue.toString();
    }
    return Error{tr("the project has errors; fix them before exporting:\n%1").arg(errors.join(QLatin1Char('\n'))),
                 ErrorKind::Local};
}

Result<QList<KubefateFile>>
KubefateExporter::render(const Project &p, KubefateFormat format, const ServiceSecrets *secrets)
{
    m_warnings.clear();
    const QString version = p.templates.kubefateVersion;
    if (const Status exportable = checkExportable(p); !exportable)
        return Error{exportable.error()};
    if (kubefateFormatForVersion(version) != format)
        return Error{tr("KubeFATE %1 reads %2, not %3; export with --format %4 or change templates.kubefateVersion")
                         .arg(version,
                              kubefateConfigFileName(kubefateFormatForVersion(version)),
                              kubefateConfigFileName(format),
                              kubefateFormatName(kubefateFormatForVersion(version)))};

    // Say what the files cannot carry, field by field.
    const Project r = representable(p);
    if (r.sshPort != p.sshPort)
        m_warnings << tr("deploy.sshPort: KubeFATE %1 always connects to port 22; %2 is not exported")
                          .arg(version)
                          .arg(p.sshPort);
    if (r.images.prefix != p.images.prefix)
        m_warnings << tr("images.prefix: KubeFATE %1 always uses federatedai; \"%2\" is not exported")
                          .arg(version, p.images.prefix);
    if (r.images.baseTag != p.images.baseTag || r.images.builderTag != p.images.builderTag)
        m_warnings << tr("images.baseTag, images.builderTag: KubeFATE %1 has one TAG; only images.tag is exported")
                          .arg(version);
    for (qsizetype i = 0; i < p.parties.size(); ++i) {
        const Party &party = p.parties.at(i);
        if (!party.ssh.isEmpty())
            m_warnings << tr("parties[%1].ssh: KubeFATE's files have one SSH user and port for all hosts; the "
                             "per-host SSH settings are not exported")
                              .arg(i);
        if (!party.dir.isEmpty() && party.dir != p.baseDir)
            m_warnings << tr("parties[%1].dir: KubeFATE's files have one dir for all hosts; \"%2\" is not exported")
                              .arg(i)
                              .arg(party.dir);
    }
    if (r.exchange.enabled) {
        if (!p.exchange.ssh.isEmpty())
            m_warnings << tr("exchange.ssh: the per-host SSH settings of the exchange are not exported");
        if (!p.exchange.dir.isEmpty() && p.exchange.dir != p.baseDir)
            m_warnings << tr("exchange.dir: KubeFATE's files have one dir for all hosts; \"%1\" is not exported")
                              .arg(p.exchange.dir);
        if (p.exchange.port != 9371)
            m_warnings << tr("exchange.port: KubeFATE always publishes the exchange on port 9371; %1 is not exported")
                              .arg(p.exchange.port);
    }
    static const QRegularExpression plainDir(QStringLiteral("^[A-Za-z0-9_./-]+$"));
    if (!plainDir.match(p.baseDir).hasMatch())
        m_warnings << tr("deploy.baseDir: KubeFATE's scripts use $dir without quotes, so \"%1\" (spaces or shell "
                         "characters) breaks them; it is exported quoted as it is")
                          .arg(p.baseDir);

    QStringList ids;
    QStringList hosts;
    for (const Party &party : p.parties) {
        ids << QString::number(party.id);
        hosts << party.host;
    }
    const QString header
        = p.name.isEmpty()
              ? tr("Written by FATE Deployer for KubeFATE %1.").arg(version)
              : tr("Written by FATE Deployer for KubeFATE %1 from the project \"%2\".").arg(version, p.name);

    Writer config;
    Writer env;
    config.comment(header);
    env.comment(header);
    if (format == KubefateFormat::DockerConfiguration) {
        config.comment(tr("Put this file in docker-deploy/ and the .env in the repository root."));
        config.blank();
        config.scalar("user", p.user);
        config.scalar("dir", p.baseDir);
        config.array("partylist", ids);
        config.array("partyiplist", hosts);
        config.scalar("exchangeip", p.exchange.host);

        env.scalar("PREFIX", p.images.prefix);
        env.scalar("THIRDPARTYPREFIX",
                   p.registry.usePrivate ? p.registry.uri + QLatin1Char('/') + p.images.prefix : QString());
        env.scalar("TAG", p.images.tag);
        env.scalar("BASE_TAG", p.images.baseTag);
        env.scalar("BUILDER_TAG", p.images.builderTag);
        if (p.registry.usePrivate)
            m_warnings << tr("registry.uri: KubeFATE 1.1.0 uses THIRDPARTYPREFIX only when docker-auto-deploy.sh is "
                             "run with the useThirdParty argument");
        return QList<KubefateFile>{{QStringLiteral("docker-configuration.sh"), config.bytes()},
                                   {QStringLiteral(".env"), env.bytes()}};
    }

    const bool era14 = version.startsWith(QLatin1String("1.4."));
    const bool era20 = version.startsWith(QLatin1String("2."));
    config.comment(tr("Put this file and the .env in docker-deploy/."));
    config.blank();
    config.scalar("user", p.user);
    config.scalar("dir", p.baseDir);
    if (era14) {
        config.array("partylist", ids);
        config.array("partyiplist", hosts);
        config.comment(tr("FATE-Serving is not managed by FATE Deployer; KubeFATE v1.4 expects one serving host per "
                          "party."));
        config.array("servingiplist", hosts);
        config.scalar("exchangeip", r.exchange.host);
    } else {
        QStringList servingHosts;
        for (const Party &party : r.parties) {
            if (!party.servingHost.isEmpty())
                servingHosts << party.servingHost;
        }
        if (servingHosts.size() != r.parties.size() && !servingHosts.isEmpty())
            servingHosts.clear();
        if (servingHosts.isEmpty() && std::any_of(p.parties.cbegin(), p.parties.cend(), [](const Party &party) {
                return !party.servingHost.isEmpty();
            }))
            m_warnings << tr("parties[].servingHost: KubeFATE's serving_ip_list has a host for every party or for "
                             "none; the serving hosts are not exported because some parties have none");
        config.array("party_list", ids);
        config.array("party_ip_list", hosts);
        config.array("serving_ip_list", servingHosts);
        config.blank();
        config.scalar("computing", p.engine.computing);
        config.scalar("federation", p.engine.federation);
        config.scalar("storage", p.engine.storage);
        config.scalar("algorithm", p.engine.algorithm);
        config.scalar("device", p.engine.device);
        config.blank();
        config.scalar("compute_core", QString::number(p.engine.computeCore));
        config.blank();
        config.scalar("gpu_count", QString::number(p.engine.gpuCount));
        config.blank();
        config.scalar("exchangeip", r.exchange.host);
    }
    config.blank();
    // Passwords come from the keychain when the caller passes them; otherwise KubeFATE's public defaults.
    auto password = [secrets](ServiceSecrets::Kind kind, const char *kubefateDefault) {
        const QString stored = secrets ? secrets->value(kind) : QString();
        return stored.isEmpty() ? QString::fromLatin1(kubefateDefault) : stored;
    };
    if (!secrets)
        config.comment(tr("Passwords are KubeFATE's own defaults, not taken from the project: FATE Deployer keeps "
                          "passwords in the keychain only. Change them before a production deployment."));
    if (era14) {
        config.scalar("mysql_ip", QStringLiteral("mysql"));
        config.scalar("mysql_user", QStringLiteral("fate"));
        config.scalar("mysql_password", QStringLiteral("fate_dev"));
        config.scalar("mysql_db", QStringLiteral("fate_flow"));
        config.scalar("redis_ip", QStringLiteral("redis"));
        config.scalar("redis_port", QStringLiteral("6379"));
        config.scalar("redis_password", QStringLiteral("fate_dev"));
    } else {
        config.scalar("mysql_ip", p.mysql.host);
        config.scalar("mysql_user", p.mysql.user);
        config.scalar("mysql_password", password(ServiceSecrets::Kind::MysqlPassword, "fate_dev"));
        config.scalar("mysql_db", p.mysql.database);
        config.scalar("serverTimezone", p.mysql.serverTimezone);
        config.blank();
        config.scalar("name_node", p.engine.nameNode);
        config.blank();
        config.scalar("fateboard_username", p.logins.fateboardUser);
        config.scalar("fateboard_password", password(ServiceSecrets::Kind::FateboardPassword, "admin"));
        config.blank();
        config.scalar("serving_admin_username", p.logins.servingAdminUser);
        config.scalar("serving_admin_password", password(ServiceSecrets::Kind::ServingAdminPassword, "admin"));
        config.blank();
        config.scalar("notebook_hashed_password", password(ServiceSecrets::Kind::NotebookHashedPassword, ""));
    }

    // .env: values unquoted-safe (validated), as docker-compose reads this file too.
    const QString registry = p.registry.usePrivate ? p.registry.uri : QString();
    if (era14) {
        if (hasPrefixVariable(version)) {
            env.scalar("PREFIX", p.images.prefix);
        } else if (r.exchange.enabled) {
            // v1.4.4/v1.4.5 dropped PREFIX but their exchange compose file still uses it.
            env.comment(tr("PREFIX is only read by the exchange's compose file (it is missing upstream)."));
            env.scalar("PREFIX", QStringLiteral("federatedai"));
        }
        env.scalar("RegistryURI", registry);
        env.scalar("TAG", p.images.tag);
        const bool before144 = hasPrefixVariable(version);
        env.scalar("SERVING_TAG", before144 ? QStringLiteral("1.2.4-release") : QStringLiteral("2.0.0-release"));
        env.scalar("KubeFATE_Version", QStringLiteral("v%1-release").arg(version)); // unused by the scripts
    } else if (!era20) {
        env.scalar("RegistryURI", registry);
        env.scalar("TAG", p.images.tag);
        env.scalar("SERVING_TAG", p.images.servingTag);
        env.scalar("SSH_PORT", QString::number(p.sshPort));
        env.scalar("KubeFATE_Version", QStringLiteral("v%1-release").arg(version)); // unused by the scripts
    } else {
        env.scalar("RegistryURI", registry);
        env.scalar("SERVING_TAG", p.images.servingTag);
        env.scalar("SSH_PORT", QString::number(p.sshPort));
        env.blank();
        env.scalar("KubeFATE_Version", QStringLiteral("v%1-release").arg(version));
        env.blank();
        const QString prefix = p.images.prefix;
        const QString tag = p.images.tag;
        const std::pair<const char *, std::pair<QString, QString>> images[] = {
            {"FATEFlow", {prefix + QStringLiteral("/fateflow"), tag}},
            {"FATEBoard", {prefix + QStringLiteral("/fateboard"), tag}},
            {"MySQL", {QStringLiteral("mysql"), QStringLiteral("8.0.28")}},
            {"Client", {prefix + QStringLiteral("/client"), tag}},
            {"EGGRoll", {prefix + QStringLiteral("/eggroll"), tag}},
            {"OSX", {prefix + QStringLiteral("/osx"), tag}},
            {"Nginx", {prefix + QStringLiteral("/nginx"), tag}},
            {"RabbitMQ", {prefix + QStringLiteral("/rabbitmq"), QStringLiteral("3.8.3-management")}},
            {"Pulsar", {prefix + QStringLiteral("/pulsar"), QStringLiteral("2.10.2")}},
            {"Hadoop_NameNode",
             {prefix + QStringLiteral("/hadoop-namenode"), QStringLiteral("2.0.0-hadoop3.2.1-java8")}},
            {"Hadoop_DataNode",
             {prefix + QStringLiteral("/hadoop-datanode"), QStringLiteral("2.0.0-hadoop3.2.1-java8")}},
            {"Spark_Master", {prefix + QStringLiteral("/spark-master"), tag}},
            {"Spark_Worker", {prefix + QStringLiteral("/spark-worker"), tag}},
        };
        for (const auto &[name, image] : images) {
            const QByteArray base = QByteArray(name) + "_IMAGE";
            env.scalar(base.constData(), image.first);
            env.scalar(QByteArray(base + "_TAG").constData(), image.second);
        }
    }
    return QList<KubefateFile>{{QStringLiteral("parties.conf"), config.bytes()}, {QStringLiteral(".env"), env.bytes()}};
}

namespace {

/// One line of `text` per element, without the line ends; `finalNewline` says whether the text ended with one.
QStringList splitLines(const QByteArray &text, bool *finalNewline)
{
    QString decoded = QString::fromUtf8(text);
    *finalNewline = decoded.endsWith(QLatin1Char('\n'));
    if (*finalNewline)
        decoded.chop(1);
    return decoded.isEmpty() && !*finalNewline ? QStringList{} : decoded.split(QLatin1Char('\n'));
}

/// Whether `line` holds exactly one assignment of `name` and nothing else but a comment.
bool isLoneAssignment(const QString &line, const QString &name, const QList<BashVariable> &before)
{
    const Result<BashConfig> alone = BashConfig::parse(line.toUtf8(), QStringLiteral("line"), before);
    if (!alone)
        return false;
    int assigned = 0;
    for (const BashVariable &v : alone->variables())
        assigned += v.line == 1 ? 1 : 0;
    return assigned == 1 && alone->variable(name) && alone->variable(name)->line == 1;
}

} // namespace

Result<QList<KubefateFile>> KubefateExporter::renderOnto(const Project &project,
                                                         KubefateFormat format,
                                                         const QList<KubefateFile> &base,
                                                         const ServiceSecrets *secrets)
{
    Result<QList<KubefateFile>> fresh = render(project, format, secrets);
    if (!fresh)
        return fresh;
    const QStringList freshWarnings = m_warnings;

    // The .env is read first by KubeFATE, so the configuration may refer to its variables.
    QList<BashVariable> envVariables;
    QList<KubefateFile> out;
    for (const KubefateFile &ours : fresh.value()) {
        const bool isEnv = ours.name == QLatin1String(".env");
        auto theirs
            = std::find_if(base.cbegin(), base.cend(), [&](const KubefateFile &f) { return f.name == ours.name; });
        if (theirs == base.cend()) {
            out.append(ours);
            continue;
        }
        const QList<BashVariable> predefined = isEnv ? QList<BashVariable>{} : envVariables;
        const Result<BashConfig> parsedBase = BashConfig::parse(theirs->content, theirs->name, predefined);
        if (!parsedBase)
            return Error{tr("%1: cannot update it in place: %2").arg(theirs->name, parsedBase.error())};
        const Result<BashConfig> parsedOurs = BashConfig::parse(ours.content, ours.name, predefined);
        if (!parsedOurs)
            return Error{parsedOurs.error()};
        if (isEnv)
            envVariables = parsedBase->variables();

        bool finalNewline = true;
        QStringList lines = splitLines(theirs->content, &finalNewline);
        bool ignored = false;
        const QStringList ourLines = splitLines(ours.content, &ignored);
        QStringList appended;
        for (const BashVariable &v : parsedOurs->variables()) {
            if (v.line == 0)
                continue; // from .env
            const bool isSecret = v.name.endsWith(QLatin1String("password"));
            QString stored;
            for (ServiceSecrets::Kind kind : ServiceSecrets::kinds()) {
                if (secrets && ServiceSecrets::variableName(kind) == v.name)
                    stored = secrets->value(kind);
            }
            const BashVariable *old = parsedBase->variable(v.name);
            if (old && old->line > 0 && isSecret && stored.isEmpty())
                continue; // no password from the keychain: the file's own stays
            // The version marker is only needed where the other variables do not tell the release.
            if (!old && v.name == QLatin1String("KubeFATE_Version"))
                continue;
            const QString ourLine = ourLines.value(v.line - 1);
            if (!old || old->line <= 0) {
                appended << ourLine;
                continue;
            }
            if (old->values == v.values && old->isArray == v.isArray)
                continue;
            QList<BashVariable> before;
            for (const BashVariable &b : parsedBase->variables()) {
                if (b.line > 0 && b.line < old->line)
                    before << b;
            }
            if (!isLoneAssignment(lines.value(old->line - 1), v.name, predefined + before))
                return Error{tr("%1:%2: %3 shares its line with other statements or spans several lines; it cannot be "
                                "updated in place — export into an empty folder instead")
                                 .arg(theirs->name)
                                 .arg(old->line)
                                 .arg(v.name)};
            lines[old->line - 1] = ourLine;
        }
        if (!appended.isEmpty()) {
            if (!lines.isEmpty() && !finalNewline)
                finalNewline = true; // the appended lines start on a line of their own
            lines += appended;
        }
        QByteArray text = lines.join(QLatin1Char('\n')).toUtf8();
        if (finalNewline && !lines.isEmpty())
            text += '\n';
        out.append({ours.name, text});
    }

    // Without the version marker the files must still say the project's release; else add it.
    KubefateImporter check;
    Result<Project> reread = check.importData(out.at(0).content, out.at(0).name, out.at(1).content, out.at(1).name);
    if (reread && reread->templates.kubefateVersion != project.templates.kubefateVersion
        && format == KubefateFormat::PartiesConf) {
        QByteArray &env = out[1].content;
        if (!env.isEmpty() && !env.endsWith('\n'))
            env += '\n';
        env += "KubeFATE_Version=v" + project.templates.kubefateVersion.toUtf8() + "-release\n";
        reread = check.importData(out.at(0).content, out.at(0).name, out.at(1).content, out.at(1).name);
    }
    // The folder's files may be of another release (partylist vs party_list, …): never leave a mix
    // behind that reads back as something else than the project.
    if (!reread || reread.value() != representable(project))
        return Error{tr("the files in the folder do not read back as the project after the update (%1); export "
                        "into an empty folder instead")
                         .arg(reread ? tr("other values") : reread.error().section(QLatin1Char('\n'), 0, 0))};
    m_warnings = freshWarnings;
    return out;
}

Status KubefateExporter::write(const Project &project,
                               KubefateFormat format,
                               const QString &dir,
                               bool overwrite,
                               const ServiceSecrets *secrets,
                               WriteMode mode)
{
    const QDir target(dir);
    if (QFileInfo(dir).exists() && !QFileInfo(dir).isDir())
        return Error{tr("%1: exists and is not a folder").arg(dir)};
    Result<QList<KubefateFile>> files = QList<KubefateFile>{};
    if (mode == WriteMode::Update) {
        QList<KubefateFile> base;
        for (const QString &name : {kubefateConfigFileName(format), QStringLiteral(".env")}) {
            QFile file(target.filePath(name));
            if (!file.exists())
                continue;
            if (!file.open(QIODevice::ReadOnly))
                return Error{tr("%1: cannot read: %2").arg(file.fileName(), file.errorString())};
            base.append({name, file.read(BashConfig::MaxFileSize + 1)});
        }
        files = renderOnto(project, format, base, secrets);
    } else {
        files = render(project, format, secrets);
    }
    if (!files)
        return Error{files.error()};
    QStringList existing;
    for (const KubefateFile &file : files.value()) {
        if (QFileInfo::exists(target.filePath(file.name)))
            existing << target.filePath(file.name);
    }
    if (!existing.isEmpty() && !overwrite && mode == WriteMode::Replace)
        return Error{tr("%1 already exists; nothing was written (use --force to overwrite)")
                         .arg(existing.join(QStringLiteral(", ")))};
    const bool created = !target.exists();
    if (created && !QDir().mkpath(dir))
        return Error{tr("%1: cannot create the folder").arg(dir)};

    // Write every file to its temporary name first; only when all are complete, rename them into place.
    std::vector<std::unique_ptr<QSaveFile>> pending;
    auto fail = [&](const QString &message) -> Status {
        pending.clear(); // QSaveFile discards uncommitted temporary files
        if (created)
            QDir().rmdir(dir);
        return Error{message};
    };
    for (const KubefateFile &file : files.value()) {
        auto save = std::make_unique<QSaveFile>(target.filePath(file.name));
        if (!save->open(QIODevice::WriteOnly))
            return fail(tr("%1: cannot write: %2").arg(save->fileName(), save->errorString()));
        if (save->write(file.content) != file.content.size())
            return fail(tr("%1: cannot write: %2").arg(save->fileName(), save->errorString()));
        pending.push_back(std::move(save));
    }
    QStringList committed;
    for (auto &save : pending) {
        const QString name = save->fileName();
        const bool existed = QFileInfo::exists(name);
        if (!save->commit()) {
            for (const QString &done : std::as_const(committed))
                QFile::remove(done);
            return fail(tr("%1: cannot write: %2").arg(name, save->errorString()));
        }
        if (!existed)
            committed << name;
    }
    return {};
}

} // namespace FateDeployer
