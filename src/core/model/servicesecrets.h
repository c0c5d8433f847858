// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/project.h"
#include "settings/secretstore.h"
#include "util/result.h"

#include <QString>
#include <QStringList>

namespace FateDeployer {

/// The passwords of a federation's services (v1.11+ eras). They are written into the rendered bundles
/// because the hosts need them, but never into the project file: they live in the keychain, under keys
/// derived from the project (keyFor), and in memory while a run needs them.
struct ServiceSecrets
{
    enum class Kind { MysqlPassword, FateboardPassword, ServingAdminPassword, NotebookHashedPassword };

    QString mysqlPassword;
    QString fateboardPassword;
    QString servingAdminPassword;
    QString notebookHashedPassword; ///< Jupyter's hashed password; empty = none

    bool operator==(const ServiceSecrets &) const = default;

    QString value(Kind kind) const;
    void setValue(Kind kind, const QString &secret);
    /// The non-empty values, longest first: what a preview or log must mask.
    QStringList maskable() const;
    /// `text` with every secret value replaced by "********" (for previews of rendered files and logs).
    QString mask(QString text) const;

    /// The marker of a secret in a render that must hold none ("@@fd-secret:mysql_password@@").
    static QString marker(Kind kind);
    /// A copy with each non-empty value replaced by its marker (empty ones stay empty, so the render still
    /// lists them as missing). A render with these marks every place a password goes yet holds none: it
    /// may be cached, packed and kept on disk; fill() puts the values in, in memory, for the host.
    ServiceSecrets markers() const;
    /// Whether @p data holds a marker.
    static bool hasMarker(const QByteArray &data);
    /// @p data with every marker replaced by this object's value of its kind.
    QByteArray fill(QByteArray data) const;

    static QList<Kind> kinds();
    /// The parties.conf variable of the secret ("mysql_password", …).
    static QString variableName(Kind kind);
    /// Keychain key: the secret's kind and login, scoped to the federation by its sorted party ids, so a
    /// project saved under another name or path still finds its passwords.
    static QString keyFor(Kind kind, const Project &project);

    /// Reads every stored secret; a missing one stays empty.
    static Result<ServiceSecrets> load(SecretStore &store, const Project &project);
    /// Stores the non-empty values and removes the empty ones.
    Status save(SecretStore &store, const Project &project) const;
};

} // namespace FateDeployer
