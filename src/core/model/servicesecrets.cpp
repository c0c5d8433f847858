// SPDX-License-Identifier: Apache-2.0
#include "model/servicesecrets.h"

#include <algorithm>

namespace FateDeployer {

QList<ServiceSecrets::Kind> ServiceSecrets::kinds()
{
    return {Kind::MysqlPassword, Kind::FateboardPassword, Kind::ServingAdminPassword, Kind::NotebookHashedPassword};
}

QString ServiceSecrets::value(Kind kind) const
{
    switch (kind) {
    case Kind::MysqlPassword:
        return mysqlPassword;
    case Kind::FateboardPassword:
        return fateboardPassword;
    case Kind::ServingAdminPassword:
        return servingAdminPassword;
    case Kind::NotebookHashedPassword:
        return notebookHashedPassword;
    }
    return {};
}

void ServiceSecrets::setValue(Kind kind, const QString &secret)
{
    switch (kind) {
    case Kind::MysqlPassword:
        mysqlPassword = secret;
        break;
    case Kind::FateboardPassword:
        fateboardPassword = secret;
        break;
    case Kind::ServingAdminPassword:
        servingAdminPassword = secret;
        break;
    case Kind::NotebookHashedPassword:
        notebookHashedPassword = secret;
        break;
    }
}

QString ServiceSecrets::marker(Kind kind)
{
    return QStringLiteral("@@fd-secret:%1@@").arg(variableName(kind));
}

ServiceSecrets ServiceSecrets::markers() const
{
    ServiceSecrets m;
    for (Kind kind : kinds())
        if (!value(kind).isEmpty())
            m.setValue(kind, marker(kind));
    return m;
}

bool ServiceSecrets::hasMarker(const QByteArray &data)
{
    return data.contains("@@fd-secret:");
}

QByteArray ServiceSecrets::fill(QByteArray data) const
{
    for (Kind kind : kinds())
        data.replace(marker(kind).toUtf8(), value(kind).toUtf8());
    return data;
}

QStringList ServiceSecrets::maskable() const
{
    QStringList values;
    for (Kind kind : kinds()) {
        if (!value(kind).isEmpty() && !values.contains(value(kind)))
            values << value(kind);
    }
    // Longest first, so that a secret containing another one is masked whole.
    std::sort(values.begin(), values.end(), [](const QString &a, const QString &b) { return a.size() > b.size(); });
    return values;
}

QString ServiceSecrets::mask(QString text) const
{
    // Longest first: a secret that contains another is replaced whole, never leaving a tail visible.
    for (const QString &secret : maskable())
        text.replace(secret, QStringLiteral("********"));
    return text;
}

QString ServiceSecrets::variableName(Kind kind)
{
    switch (kind) {
    case Kind::MysqlPassword:
        return QStringLiteral("mysql_password");
    case Kind::FateboardPassword:
        return QStringLiteral("fateboard_password");
    case Kind::ServingAdminPassword:
        return QStringLiteral("serving_admin_password");
    case Kind::NotebookHashedPassword:
        return QStringLiteral("notebook_hashed_password");
    }
    return {};
}

QString ServiceSecrets::keyFor(Kind kind, const Project &project)
{
    QList<int> ids;
    for (const Party &party : project.parties)
        ids << party.id;
    std::sort(ids.begin(), ids.end());
    QStringList idTexts;
    for (int id : std::as_const(ids))
        idTexts << QString::number(id);
    QString login;
    switch (kind) {
    case Kind::MysqlPassword:
        login = project.mysql.user + QLatin1Char('@') + project.mysql.host + QLatin1Char('/') + project.mysql.database;
        break;
    case Kind::FateboardPassword:
        login = project.logins.fateboardUser;
        break;
    case Kind::ServingAdminPassword:
        login = project.logins.servingAdminUser;
        break;
    case Kind::NotebookHashedPassword:
        break;
    }
    return QStringLiteral("fate-%1:%2:parties(%3)").arg(variableName(kind), login, idTexts.join(QLatin1Char(',')));
}

Result<ServiceSecrets> ServiceSecrets::load(SecretStore &store, const Project &project)
{
    ServiceSecrets secrets;
    for (Kind kind : kinds()) {
        Result<std::optional<QString>> stored = store.read(keyFor(kind, project));
        if (!stored)
            return Error{stored.error()};
        secrets.setValue(kind, stored.value().value_or(QString()));
    }
    return secrets;
}

Status ServiceSecrets::save(SecretStore &store, const Project &project) const
{
    for (Kind kind : kinds()) {
        const QString key = keyFor(kind, project);
        const Status status = value(kind).isEmpty() ? store.remove(key) : store.write(key, value(kind));
        if (!status)
            return status;
    }
    return {};
}

} // namespace FateDeployer
