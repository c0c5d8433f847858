// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/project.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace FateDeployer {

/// One problem with a project, attached to a field path such as "parties[1].host".
struct ValidationIssue
{
    enum class Severity { Error, Warning };
    Severity severity = Severity::Error;
    QString field;
    QString message; ///< translated, without the field path

    QString toString() const; ///< "field: message"
    bool operator==(const ValidationIssue &) const = default;
};

/// Checks a project and returns every error and warning as data the GUI can show at the field.
class Validator
{
    Q_DECLARE_TR_FUNCTIONS(FateDeployer::Validator)

public:
    static QList<ValidationIssue> validate(const Project &project);
    static bool hasErrors(const QList<ValidationIssue> &issues);

    // Single-value checks shared with editors and importers; empty string = valid.
    static QString checkHost(const QString &host);
    static QString checkUser(const QString &user);
    static QString checkDir(const QString &dir);
    static QString checkPort(int port);
    /// "[user@]host[:port]", several separated by commas (an OpenSSH ProxyJump chain).
    static QString checkJumpHost(const QString &jumpHost);
    /// A private registry address without scheme: "host[:port][/project...]".
    static QString checkRegistryUri(const QString &uri);

    /// KubeFATE releases whose docker-deploy behaviour is known (see the KubeFATE spec), oldest first.
    static QStringList knownKubefateVersions();

private:
    /// The fields the project's KubeFATE era decides: engine, MySQL, logins, serving hosts.
    static void checkEra(const Project &project, QList<ValidationIssue> &issues);
};

} // namespace FateDeployer
