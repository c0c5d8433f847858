// SPDX-License-Identifier: Apache-2.0
#include "kubefate/kubefateexporter.h"

#include "model/validation.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>

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
        r.parties.append(Party{party.id, party.host, {}, {}, {}});
    r.exchange.enabled = era11 || p.exchange.enabled;
    r.exchange.host = r.exchange.enabled ? p.exchange.host : QString();
    return r;
}

Result<QList<KubefateFile>> KubefateExporter::render(const Project &p, KubefateFormat format)
{
    m_warnings.clear();
    const QString version = p.templates.kubefateVersion;
    const QList<ValidationIssue> issues = Validator::validate(p);
    if (Validator::hasErrors(issues)) {
        QStringList errors;
        for (const ValidationIssue &issue : issues) {
            if (issue.severity == ValidationIssue::Severity::Error)
                errors << issue.toString();
        }
        return Error{tr("the project has errors; fix them before exporting:\n%1").arg(errors.join(QLatin1Char('\n')))};
    }
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
        config.array("party_list", ids);
        config.array("party_ip_list", hosts);
        config.comment(tr("FATE-Serving is not managed by FATE Deployer."));
        config.array("serving_ip_list", {});
        config.blank();
        config.scalar("computing", QStringLiteral("Eggroll"));
        config.scalar("federation", era20 ? QStringLiteral("OSX") : QStringLiteral("Eggroll"));
        config.scalar("storage", QStringLiteral("Eggroll"));
        config.scalar("algorithm", QStringLiteral("Basic"));
        config.scalar("device", QStringLiteral("CPU"));
        config.scalar("compute_core", era20 ? QStringLiteral("8") : QStringLiteral("16"));
        config.scalar("gpu_count", QStringLiteral("1"));
        config.blank();
        config.scalar("exchangeip", r.exchange.host);
    }
    config.blank();
    config.comment(tr("KubeFATE's own defaults, not taken from the project: FATE Deployer never exports passwords. "
                      "Change them before a production deployment."));
    config.scalar("mysql_ip", QStringLiteral("mysql"));
    config.scalar("mysql_user", QStringLiteral("fate"));
    config.scalar("mysql_password", QStringLiteral("fate_dev"));
    config.scalar("mysql_db", QStringLiteral("fate_flow"));
    if (era14) {
        config.scalar("redis_ip", QStringLiteral("redis"));
        config.scalar("redis_port", QStringLiteral("6379"));
        config.scalar("redis_password", QStringLiteral("fate_dev"));
    } else {
        config.scalar("serverTimezone", QStringLiteral("UTC"));
        config.blank();
        config.scalar("name_node", QStringLiteral("hdfs://namenode:9000"));
        config.blank();
        config.scalar("fateboard_username", QStringLiteral("admin"));
        config.scalar("fateboard_password", QStringLiteral("admin"));
        config.scalar("serving_admin_username", QStringLiteral("admin"));
        config.scalar("serving_admin_password", QStringLiteral("admin"));
        config.scalar("notebook_hashed_password", QString());
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
        env.scalar("SERVING_TAG", QStringLiteral("2.1.6-release"));
        env.scalar("SSH_PORT", QString::number(p.sshPort));
        env.scalar("KubeFATE_Version", QStringLiteral("v%1-release").arg(version)); // unused by the scripts
    } else {
        env.scalar("RegistryURI", registry);
        env.scalar("SERVING_TAG", QStringLiteral("2.1.6-release"));
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

Status KubefateExporter::write(const Project &project, KubefateFormat format, const QString &dir, bool overwrite)
{
    Result<QList<KubefateFile>> files = render(project, format);
    if (!files)
        return Error{files.error()};
    const QDir target(dir);
    if (QFileInfo(dir).exists() && !QFileInfo(dir).isDir())
        return Error{tr("%1: exists and is not a folder").arg(dir)};
    QStringList existing;
    for (const KubefateFile &file : files.value()) {
        if (QFileInfo::exists(target.filePath(file.name)))
            existing << target.filePath(file.name);
    }
    if (!existing.isEmpty() && !overwrite)
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
