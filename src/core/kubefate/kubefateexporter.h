// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "kubefate/kubefateformat.h"
#include "model/project.h"
#include "model/servicesecrets.h"
#include "util/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace FateDeployer {

/// One file written by the exporter.
struct KubefateFile
{
    QString name; ///< "docker-configuration.sh", "parties.conf" or ".env"
    QByteArray content;
};

/// Writes a Project as the configuration files KubeFATE's docker-deploy scripts read, every value
/// quoted for bash. KubefateImporter reads them back to representable(project).
class KubefateExporter
{
    Q_DECLARE_TR_FUNCTIONS(FateDeployer::KubefateExporter)

public:
    /// The files for `format`; fails when the project has validation errors or uses a KubeFATE
    /// release that reads the other format. warnings() then lists what the files cannot carry.
    /// `secrets` (from the keychain) fill the password variables; without them KubeFATE's public defaults.
    Result<QList<KubefateFile>>
    render(const Project &project, KubefateFormat format, const ServiceSecrets *secrets = nullptr);
    /// The project's values written into existing files (`base`, same names as render()'s) keeping
    /// their layout: every line stays as it is unless its variable's value changes, then only that
    /// line is rewritten; variables the files lack are appended. Without `secrets` the password
    /// lines of `base` are kept. A file that is missing from `base` is rendered as by render().
    Result<QList<KubefateFile>> renderOnto(const Project &project,
                                           KubefateFormat format,
                                           const QList<KubefateFile> &base,
                                           const ServiceSecrets *secrets = nullptr);

    enum class WriteMode {
        Replace, ///< new files in FATE Deployer's layout
        Update,  ///< renderOnto() the files already in the folder
    };
    /// Renders and writes all files into `dir` (created if missing) or nothing at all: existing files
    /// are refused unless `overwrite` (Replace) — Update always reads and rewrites them.
    Status write(const Project &project,
                 KubefateFormat format,
                 const QString &dir,
                 bool overwrite,
                 const ServiceSecrets *secrets = nullptr,
                 WriteMode mode = WriteMode::Replace);

    const QStringList &warnings() const { return m_warnings; }

    /// Fails, listing them, when the project has validation errors: no export writes such a project.
    static Status checkExportable(const Project &project);

    /// The part of `project` that KubeFATE's files can carry: import(export(p)) == representable(p).
    static Project representable(const Project &project);
    /// `value` as one bash word: bare when safe, else single-quoted.
    static QString shellWord(const QString &value);

private:
    QStringList m_warnings;
};

} // namespace FateDeployer
