// SPDX-License-Identifier: Apache-2.0
#include "history/driftbaseline.h"

#include "history/historystore.h"
#include "util/tr.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace FateDeployer {

namespace {

QJsonObject readObject(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

} // namespace

DriftBaseline::DriftBaseline(const QString &historyDir, const QString &projectPath)
{
    if (projectPath.isEmpty())
        return; // an untitled project has no identity to keep deployments under
    const QString base = historyDir.isEmpty() ? HistoryStore::defaultDir() : historyDir;
    const QByteArray id
        = QCryptographicHash::hash(QFileInfo(projectPath).absoluteFilePath().toUtf8(), QCryptographicHash::Sha1)
              .toHex();
    m_dir = base + QStringLiteral("/drift-baseline/") + QString::fromLatin1(id);
}

QString DriftBaseline::fileOf(const QString &hostKey) const
{
    return m_dir + QLatin1Char('/') + hostKey + QStringLiteral(".json");
}

DeployedManifest DriftBaseline::current(const QString &hostKey) const
{
    if (!isValid())
        return {};
    return DeployedManifest::fromJson(readObject(fileOf(hostKey)).value(QLatin1String("current")).toObject());
}

DeployedManifest DriftBaseline::previous(const QString &hostKey) const
{
    if (!isValid())
        return {};
    return DeployedManifest::fromJson(readObject(fileOf(hostKey)).value(QLatin1String("previous")).toObject());
}

Status
DriftBaseline::write(const QString &hostKey, const DeployedManifest &current, const DeployedManifest &previous) const
{
    if (!QDir().mkpath(m_dir))
        return Error{tr("cannot create %1; check its permissions").arg(m_dir), ErrorKind::Local};
    QJsonObject o{{QStringLiteral("host"), hostKey}, {QStringLiteral("current"), current.toJson()}};
    if (!previous.isEmpty())
        o.insert(QStringLiteral("previous"), previous.toJson());
    QSaveFile f(fileOf(hostKey));
    if (!f.open(QIODevice::WriteOnly) || f.write(QJsonDocument(o).toJson()) < 0 || !f.commit())
        return Error{tr("cannot write %1: %2").arg(fileOf(hostKey), f.errorString()), ErrorKind::Local};
    return {};
}

Status DriftBaseline::recordDeploy(const QString &hostKey, const DeployedManifest &manifest)
{
    if (!isValid())
        return {};
    return write(hostKey, manifest, current(hostKey));
}

Status DriftBaseline::recordRollback(const QString &hostKey)
{
    if (!isValid())
        return {};
    const DeployedManifest was = current(hostKey);
    const DeployedManifest back = previous(hostKey);
    if (back.isEmpty())
        return Error{tr("no previous deployment of %1 is recorded").arg(hostKey), ErrorKind::Local};
    return write(hostKey, back, was);
}

Result<DeployedManifest> DriftBaseline::manifestOf(const Bundle &bundle, const QString &runId)
{
    DeployedManifest m;
    m.bundle = bundle.name;
    m.composeFile = bundle.composeFile;
    m.services = bundle.facts.services;
    m.images = bundle.facts.images;
    m.dataPaths = bundle.facts.dataPaths;
    m.deployedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    m.runId = runId;
    for (const BundleFile &file : bundle.files) {
        bool underData = false;
        for (const QString &d : std::as_const(m.dataPaths))
            underData = underData || file.path.startsWith(d + QLatin1Char('/'));
        if (underData)
            continue;
        const Result<QByteArray> bytes = file.bytes();
        if (!bytes)
            return Error{bytes.error(), bytes.errorKind()};
        m.files.insert(
            file.path,
            QString::fromLatin1(QCryptographicHash::hash(bytes.value(), QCryptographicHash::Sha256).toHex()));
    }
    return m;
}

} // namespace FateDeployer
