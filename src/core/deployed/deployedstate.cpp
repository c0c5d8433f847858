// SPDX-License-Identifier: Apache-2.0
#include "deployedstate.h"

#include "util/tr.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStringDecoder>
#include <QUuid>

namespace FateDeployer {

namespace {

constexpr int FormatVersion = 1;
const QString StateFile = QStringLiteral("state.json");
const QString FilesDir = QStringLiteral("files");
const QString PreviousDir = QStringLiteral("previous");

QString kindName(Bundle::Kind kind)
{
    switch (kind) {
    case Bundle::Kind::Exchange:
        return QStringLiteral("exchange");
    case Bundle::Kind::Serving:
        return QStringLiteral("serving");
    case Bundle::Kind::Party:
        break;
    }
    return QStringLiteral("party");
}

Bundle::Kind kindFromName(const QString &name)
{
    if (name == QLatin1String("exchange"))
        return Bundle::Kind::Exchange;
    if (name == QLatin1String("serving"))
        return Bundle::Kind::Serving;
    return Bundle::Kind::Party;
}

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QStringList toStrings(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &x : v.toArray())
        out.append(x.toString());
    return out;
}

Status writeFile(const QString &path, const QByteArray &bytes)
{
    if (!QDir().mkpath(QFileInfo(path).path()))
        return Error{tr("cannot create folder %1").arg(QFileInfo(path).path()), ErrorKind::Local};
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit())
        return Error{tr("cannot write %1: %2").arg(path, f.errorString()), ErrorKind::Local};
    return {};
}

QJsonObject targetToJson(const DeployedTarget &t)
{
    QJsonObject o{{QStringLiteral("address"), t.address},
                  {QStringLiteral("port"), t.port},
                  {QStringLiteral("user"), t.user},
                  {QStringLiteral("base_dir"), t.baseDir},
                  {QStringLiteral("ssh_user"), t.ssh.user},
                  {QStringLiteral("identity_file"), t.ssh.identityFile},
                  {QStringLiteral("jump_host"), t.ssh.jumpHost},
                  {QStringLiteral("auth"), int(t.ssh.auth)}};
    if (t.ssh.port)
        o.insert(QStringLiteral("ssh_port"), *t.ssh.port);
    return o;
}

DeployedTarget targetFromJson(const QJsonObject &o)
{
    DeployedTarget t;
    t.address = o.value(QStringLiteral("address")).toString();
    t.port = o.value(QStringLiteral("port")).toInt(22);
    t.user = o.value(QStringLiteral("user")).toString();
    t.baseDir = o.value(QStringLiteral("base_dir")).toString();
    t.ssh.user = o.value(QStringLiteral("ssh_user")).toString();
    t.ssh.identityFile = o.value(QStringLiteral("identity_file")).toString();
    t.ssh.jumpHost = o.value(QStringLiteral("jump_host")).toString();
    const int auth = o.value(QStringLiteral("auth")).toInt();
    if (auth >= int(AuthMethod::Default) && auth <= int(AuthMethod::KeyboardInteractive))
        t.ssh.auth = AuthMethod(auth);
    if (o.contains(QStringLiteral("ssh_port")))
        t.ssh.port = o.value(QStringLiteral("ssh_port")).toInt();
    return t;
}

Result<DeployedBundle> parseState(const QByteArray &json, const QString &path)
{
    QJsonParseError err;
    const QJsonObject o = QJsonDocument::fromJson(json, &err).object();
    if (err.error != QJsonParseError::NoError || o.value(QStringLiteral("format")).toInt() != FormatVersion)
        return Error{tr("%1 is not a deployed-state file of this version").arg(path), ErrorKind::Local};
    DeployedBundle b;
    b.name = o.value(QStringLiteral("bundle")).toString();
    b.kind = kindFromName(o.value(QStringLiteral("kind")).toString());
    b.partyId = o.value(QStringLiteral("party_id")).toInt();
    b.host = o.value(QStringLiteral("host")).toString();
    b.remotePath = o.value(QStringLiteral("remote_path")).toString();
    b.composeFile = o.value(QStringLiteral("compose_file")).toString();
    b.deployedAt = QDateTime::fromString(o.value(QStringLiteral("deployed_at")).toString(), Qt::ISODate);
    b.projectHash = o.value(QStringLiteral("project_hash")).toString();
    b.services = toStrings(o.value(QStringLiteral("services")));
    b.images = toStrings(o.value(QStringLiteral("images")));
    b.dataPaths = toStrings(o.value(QStringLiteral("data_paths")));
    b.runId = o.value(QStringLiteral("run_id")).toString();
    b.emptyDirs = toStrings(o.value(QStringLiteral("empty_dirs")));
    const QJsonObject mounts = o.value(QStringLiteral("mounts")).toObject();
    for (auto it = mounts.begin(); it != mounts.end(); ++it)
        b.mounts.insert(it.key(), toStrings(it.value()));
    for (const QJsonValue &v : o.value(QStringLiteral("files")).toArray()) {
        DeployedFile f;
        f.path = v[QLatin1String("path")].toString();
        f.mode = v[QLatin1String("mode")].toInt(0644);
        f.size = qint64(v[QLatin1String("size")].toDouble());
        f.sha256 = v[QLatin1String("sha256")].toString().toLatin1();
        f.hasCopy = v[QLatin1String("copy")].toBool();
        b.files.append(f);
    }
    b.target = targetFromJson(o.value(QStringLiteral("target")).toObject());
    if (b.name.isEmpty())
        return Error{tr("%1 names no bundle").arg(path), ErrorKind::Local};
    return b;
}

Result<DeployedBundle> readState(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error{tr("cannot read %1: %2").arg(path, f.errorString()), ErrorKind::Local};
    return parseState(f.readAll(), path);
}

/// Copies one record (state.json and its files/) from folder @p from into folder @p to.
Status copyRecord(const QString &from, const QString &to)
{
    QFile state(QDir(from).filePath(StateFile));
    if (!state.open(QIODevice::ReadOnly))
        return Error{tr("cannot read %1: %2").arg(state.fileName(), state.errorString()), ErrorKind::Local};
    if (Status s = writeFile(QDir(to).filePath(StateFile), state.readAll()); !s)
        return s;
    const QDir files(QDir(from).filePath(FilesDir));
    QDirIterator it(files.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return Error{tr("cannot read %1: %2").arg(path, f.errorString()), ErrorKind::Local};
        if (Status s
            = writeFile(QDir(to).filePath(FilesDir + QLatin1Char('/') + files.relativeFilePath(path)), f.readAll());
            !s)
            return s;
    }
    return {};
}

/// Swaps the finished folder @p staging in as @p target: a reader never sees half a record.
Status swapIn(const QDir &root, const QString &staging, const QString &target)
{
    const QString old = root.filePath(QStringLiteral(".old-") + QUuid::createUuid().toString(QUuid::Id128));
    if (QFileInfo::exists(target) && !QDir().rename(target, old)) {
        QDir(staging).removeRecursively();
        return Error{tr("cannot replace %1").arg(target), ErrorKind::Local};
    }
    if (!QDir().rename(staging, target)) {
        QDir().rename(old, target);
        QDir(staging).removeRecursively();
        return Error{tr("cannot write %1").arg(target), ErrorKind::Local};
    }
    QDir(old).removeRecursively();
    return {};
}

QString stagingIn(const QDir &root)
{
    return root.filePath(QStringLiteral(".new-") + QUuid::createUuid().toString(QUuid::Id128));
}

} // namespace

const DeployedFile *DeployedBundle::file(const QString &path) const
{
    for (const DeployedFile &f : files)
        if (f.path == path)
            return &f;
    return nullptr;
}

QStringList DeployedBundle::servicesReading(const QString &path) const
{
    QStringList out;
    for (const QString &service : services) {
        for (const QString &source : mounts.value(service)) {
            if (path == source || path.startsWith(source + QLatin1Char('/'))) {
                out.append(service);
                break;
            }
        }
    }
    return out;
}

QString DeployedBundle::hostKeyOf(Bundle::Kind kind, int partyId)
{
    switch (kind) {
    case Bundle::Kind::Exchange:
        return QStringLiteral("exchange");
    case Bundle::Kind::Serving:
        return QStringLiteral("serving-%1").arg(partyId);
    case Bundle::Kind::Party:
        break;
    }
    return QStringLiteral("party-%1").arg(partyId);
}

QString DeployedState::dirFor(const QString &baseDir, const QString &projectPath)
{
    const QByteArray key
        = QCryptographicHash::hash(QFileInfo(projectPath).absoluteFilePath().toUtf8(), QCryptographicHash::Sha256)
              .toHex()
              .left(16);
    return QDir(baseDir).filePath(QStringLiteral("deployed/") + QString::fromLatin1(key));
}

DeployedState::DeployedState(QString dir)
    : m_dir(std::move(dir))
{}

Result<QList<DeployedBundle>> DeployedState::load() const
{
    QList<DeployedBundle> out;
    const QDir root(m_dir);
    if (!root.exists())
        return out;
    const QStringList names = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name);
    for (const QString &name : names) {
        if (name.startsWith(QLatin1Char('.')))
            continue; // a record being written
        const QString path = root.filePath(name + QLatin1Char('/') + StateFile);
        if (!QFileInfo::exists(path))
            continue;
        Result<DeployedBundle> b = readState(path);
        if (!b)
            return Error{b.error(), b.errorKind()};
        out.append(b.value());
    }
    return out;
}

Result<DeployedBundle> DeployedState::previous(const QString &bundle) const
{
    const QString path = QDir(m_dir).filePath(bundle + QLatin1Char('/') + PreviousDir + QLatin1Char('/') + StateFile);
    if (!QFileInfo::exists(path))
        return DeployedBundle{};
    return readState(path);
}

QByteArray DeployedState::copyOf(const QString &bundle, const QString &path) const
{
    QFile f(QDir(m_dir).filePath(bundle + QLatin1Char('/') + FilesDir + QLatin1Char('/') + path));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

Result<QByteArray> DeployedState::hashOf(const BundleFile &file)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!file.isVerbatim()) {
        hash.addData(file.content);
        return hash.result().toHex();
    }
    QFile f(file.sourcePath);
    if (!f.open(QIODevice::ReadOnly))
        return Error{tr("cannot read %1: %2").arg(file.sourcePath, f.errorString()), ErrorKind::Local};
    if (!hash.addData(&f))
        return Error{tr("cannot read %1: %2").arg(file.sourcePath, f.errorString()), ErrorKind::Local};
    return hash.result().toHex();
}

bool DeployedState::isText(const QByteArray &bytes)
{
    if (bytes.left(8192).contains('\0'))
        return false;
    QStringDecoder decoder(QStringDecoder::Utf8);
    (void)decoder.decode(bytes);
    return !decoder.hasError();
}

QByteArray DeployedState::maskText(const QByteArray &text, const Mask &mask)
{
    QByteArray out = mask ? mask(text) : text;
    // Values of keys that name a password, whatever the file format: key=value, key: value, "key": "value",
    // <key>value</key> is not used by the templates. The key stays, so a diff still shows which setting changed.
    static const QRegularExpression passwordValue(
        QStringLiteral(
            R"(((?:"?[A-Za-z0-9_.\-]*(?:password|passwd|pwd|secret)[A-Za-z0-9_.\-]*"?)\s*[:=]\s*"?)([^"\s,#]+))"),
        QRegularExpression::CaseInsensitiveOption);
    QString s = QString::fromUtf8(out);
    s.replace(passwordValue, QStringLiteral("\\1********"));
    return s.toUtf8();
}

QHash<QString, QStringList> DeployedState::mountsOf(const QByteArray &compose)
{
    QHash<QString, QStringList> out;
    static const QRegularExpression serviceLine(QStringLiteral(R"(^  ([A-Za-z0-9_.\-]+):\s*$)"));
    static const QRegularExpression shortMount(QStringLiteral(R"(^\s*-\s*["']?\./([^:"']+):)"));
    static const QRegularExpression longSource(QStringLiteral(R"(^\s*-?\s*source:\s*["']?\./([^"'\s]+))"));
    bool inServices = false;
    QString service;
    for (const QByteArray &raw : compose.split('\n')) {
        const QString line = QString::fromUtf8(raw);
        if (line.trimmed().isEmpty() || line.trimmed().startsWith(QLatin1Char('#')))
            continue;
        if (!line.startsWith(QLatin1Char(' '))) {
            inServices = line.startsWith(QLatin1String("services:"));
            service.clear();
            continue;
        }
        if (!inServices)
            continue;
        if (const auto m = serviceLine.match(line); m.hasMatch()) {
            service = m.captured(1);
            continue;
        }
        if (service.isEmpty())
            continue;
        QRegularExpressionMatch m = shortMount.match(line);
        if (!m.hasMatch())
            m = longSource.match(line);
        if (m.hasMatch()) {
            QString source = QDir::cleanPath(m.captured(1));
            if (!out.value(service).contains(source))
                out[service].append(source);
        }
    }
    return out;
}

Status DeployedState::record(const QList<Bundle> &bundles,
                             const QString &projectHash,
                             const Mask &mask,
                             const QHash<QString, DeployedTarget> &targets,
                             const QString &runId) const
{
    if (!QDir().mkpath(m_dir))
        return Error{tr("cannot create the deployed-state folder %1").arg(m_dir), ErrorKind::Local};
    const QDir root(m_dir);
    for (const Bundle &b : bundles) {
        // Written beside, then swapped in: a reader never sees half a record.
        const QString staging = stagingIn(root);
        auto fail = [&](const Error &e) {
            QDir(staging).removeRecursively();
            return e;
        };
        QJsonArray files;
        QByteArray compose;
        for (const BundleFile &f : b.files) {
            QJsonObject o{{QStringLiteral("path"), f.path},
                          {QStringLiteral("mode"), f.mode},
                          {QStringLiteral("size"), double(f.size)}};
            bool copy = false;
            if (!f.isVerbatim() || f.size <= CopyLimit) {
                const Result<QByteArray> bytes = f.bytes();
                if (!bytes)
                    return fail(Error{bytes.error(), bytes.errorKind()});
                o.insert(
                    QStringLiteral("sha256"),
                    QString::fromLatin1(QCryptographicHash::hash(bytes.value(), QCryptographicHash::Sha256).toHex()));
                if (f.path == b.composeFile)
                    compose = bytes.value();
                if (bytes.value().size() <= CopyLimit && isText(bytes.value())) {
                    if (Status s = writeFile(staging + QLatin1Char('/') + FilesDir + QLatin1Char('/') + f.path,
                                             maskText(bytes.value(), mask));
                        !s)
                        return fail(Error{s.error(), s.errorKind()});
                    copy = true;
                }
            } else {
                const Result<QByteArray> hash = hashOf(f);
                if (!hash)
                    return fail(Error{hash.error(), hash.errorKind()});
                o.insert(QStringLiteral("sha256"), QString::fromLatin1(hash.value()));
            }
            o.insert(QStringLiteral("copy"), copy);
            files.append(o);
        }
        QJsonObject mounts;
        const QHash<QString, QStringList> m = mountsOf(compose);
        for (auto it = m.cbegin(); it != m.cend(); ++it)
            mounts.insert(it.key(), toArray(it.value()));
        QJsonObject state{
            {QStringLiteral("format"), FormatVersion},
            {QStringLiteral("bundle"), b.name},
            {QStringLiteral("kind"), kindName(b.kind)},
            {QStringLiteral("party_id"), b.partyId},
            {QStringLiteral("host"), b.host},
            {QStringLiteral("remote_path"), b.remotePath()},
            {QStringLiteral("compose_file"), b.composeFile},
            {QStringLiteral("deployed_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
            {QStringLiteral("project_hash"), projectHash},
            {QStringLiteral("services"), toArray(b.facts.services)},
            {QStringLiteral("images"), toArray(b.facts.images)},
            {QStringLiteral("data_paths"), toArray(b.facts.dataPaths)},
            {QStringLiteral("run_id"), runId},
            {QStringLiteral("empty_dirs"), toArray(b.emptyDirs)},
            {QStringLiteral("mounts"), mounts},
            {QStringLiteral("files"), files},
        };
        if (targets.contains(b.name))
            state.insert(QStringLiteral("target"), targetToJson(targets.value(b.name)));
        if (Status s = writeFile(staging + QLatin1Char('/') + StateFile, QJsonDocument(state).toJson()); !s)
            return fail(Error{s.error(), s.errorKind()});
        const QString target = root.filePath(b.name);
        // The last deployment becomes the previous one, as the host's folder becomes <bundle>.previous.
        if (QFileInfo::exists(QDir(target).filePath(StateFile)))
            if (Status s = copyRecord(target, QDir(staging).filePath(PreviousDir)); !s)
                return fail(Error{s.error(), s.errorKind()});
        if (Status s = swapIn(root, staging, target); !s)
            return s;
    }
    return {};
}

Status DeployedState::rollBack(const QString &bundle) const
{
    const QDir root(m_dir);
    const QString target = root.filePath(bundle);
    const QString previous = QDir(target).filePath(PreviousDir);
    if (!QFileInfo::exists(QDir(previous).filePath(StateFile)))
        return Error{tr("no previous deployment of %1 is recorded").arg(bundle), ErrorKind::Local};
    const QString staging = stagingIn(root);
    Status s = copyRecord(previous, staging);
    if (s)
        s = copyRecord(target, QDir(staging).filePath(PreviousDir));
    if (!s) {
        QDir(staging).removeRecursively();
        return s;
    }
    return swapIn(root, staging, target);
}

QString DeployedState::legacyBaselineDir(const QString &baseDir, const QString &projectPath)
{
    // As older builds named it: the SHA-1 of the project file's absolute path.
    const QByteArray id
        = QCryptographicHash::hash(QFileInfo(projectPath).absoluteFilePath().toUtf8(), QCryptographicHash::Sha1)
              .toHex();
    return QDir(baseDir).filePath(QStringLiteral("drift-baseline/") + QString::fromLatin1(id));
}

Status DeployedState::adoptLegacyBaseline(const QString &legacyDir) const
{
    const QDir legacy(legacyDir);
    if (legacyDir.isEmpty() || !legacy.exists())
        return {};
    const QDir root(m_dir);
    for (const QString &name : legacy.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        QFile file(legacy.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            return Error{tr("cannot read %1: %2").arg(file.fileName(), file.errorString()), ErrorKind::Local};
        const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
        file.close();
        const QJsonObject current = o.value(QStringLiteral("current")).toObject();
        const QJsonObject before = o.value(QStringLiteral("previous")).toObject();
        const QString bundle = current.value(QStringLiteral("bundle")).toString();
        const QString lastPath = root.filePath(bundle + QLatin1Char('/') + StateFile);
        const QString previousPath
            = root.filePath(bundle + QLatin1Char('/') + PreviousDir + QLatin1Char('/') + StateFile);
        // Only a previous deployment of the very deployment recorded here is taken: a legacy file may outlive a
        // teardown (older builds never removed it), and a record without its host cannot be planned against.
        if (!bundle.isEmpty() && !before.isEmpty() && QFileInfo::exists(lastPath) && !QFileInfo::exists(previousPath)) {
            const Result<DeployedBundle> last = readState(lastPath);
            if (!last)
                return Error{last.error(), last.errorKind()};
            const QJsonObject hashes = current.value(QStringLiteral("files")).toObject();
            bool same = !hashes.isEmpty();
            for (auto it = hashes.begin(); same && it != hashes.end(); ++it) {
                const DeployedFile *f = last.value().file(it.key());
                same = f && f->sha256 == it.value().toString().toLatin1();
            }
            if (same) {
                QJsonArray files;
                const QJsonObject previousHashes = before.value(QStringLiteral("files")).toObject();
                for (auto it = previousHashes.begin(); it != previousHashes.end(); ++it) {
                    const DeployedFile *f = last.value().file(it.key());
                    files.append(QJsonObject{{QStringLiteral("path"), it.key()},
                                             {QStringLiteral("mode"), f ? f->mode : 0644},
                                             {QStringLiteral("sha256"), it.value().toString()},
                                             {QStringLiteral("copy"), false}});
                }
                const QJsonObject state{
                    {QStringLiteral("format"), FormatVersion},
                    {QStringLiteral("bundle"), bundle},
                    {QStringLiteral("kind"), kindName(last.value().kind)},
                    {QStringLiteral("party_id"), last.value().partyId},
                    {QStringLiteral("host"), last.value().host},
                    {QStringLiteral("remote_path"), last.value().remotePath},
                    {QStringLiteral("compose_file"), before.value(QStringLiteral("compose_file"))},
                    {QStringLiteral("deployed_at"), before.value(QStringLiteral("deployed_at"))},
                    {QStringLiteral("services"), before.value(QStringLiteral("services"))},
                    {QStringLiteral("images"), before.value(QStringLiteral("images"))},
                    {QStringLiteral("data_paths"), before.value(QStringLiteral("data_paths"))},
                    {QStringLiteral("run_id"), before.value(QStringLiteral("run"))},
                    {QStringLiteral("files"), files},
                };
                if (Status s = writeFile(previousPath, QJsonDocument(state).toJson()); !s)
                    return s;
            }
        }
        if (!QFile::remove(legacy.filePath(name)))
            return Error{tr("cannot remove %1").arg(legacy.filePath(name)), ErrorKind::Local};
    }
    QDir().rmdir(legacyDir); // only when empty
    return {};
}

Status DeployedState::forget(const QString &bundle) const
{
    const QString target = QDir(m_dir).filePath(bundle);
    if (QFileInfo::exists(target) && !QDir(target).removeRecursively())
        return Error{tr("cannot remove %1").arg(target), ErrorKind::Local};
    return {};
}

} // namespace FateDeployer
