// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "kubefate/kubefateformat.h"
#include "model/project.h"
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
    Result<QList<KubefateFile>> render(const Project &project, KubefateFormat format);
    /// Renders and writes all files into `dir` (created if missing) or nothing at all: existing files
    /// are refused unless `overwrite`.
    Status write(const Project &project, KubefateFormat format, const QString &dir, bool overwrite);

    const QStringList &warnings() const { return m_warnings; }

    /// The part of `project` that KubeFATE's files can carry: import(export(p)) == representable(p).
    static Project representable(const Project &project);
    /// `value` as one bash word: bare when safe, else single-quoted.
    static QString shellWord(const QString &value);

private:
    QStringList m_warnings;
};

} // namespace FateDeployer
