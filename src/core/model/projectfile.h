// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/project.h"
#include "util/result.h"

#include <QByteArray>
#include <QCoreApplication>

namespace FateDeployer {

/// The `.fdproj` file: versioned, pretty-printed JSON with sorted keys, saved atomically.
/// It never holds a secret; the serializer has no field that could carry one.
class ProjectFile
{
    Q_DECLARE_TR_FUNCTIONS(FateDeployer::ProjectFile)

public:
    static constexpr qint64 MaxFileSize = 16 * 1024 * 1024;

    static QByteArray toJson(const Project &project);
    static Result<Project> fromJson(const QByteArray &json);

    static Result<Project> load(const QString &path);
    /// Writes through QSaveFile: the old file stays intact unless the new one is complete.
    static Status save(const Project &project, const QString &path);
};

} // namespace FateDeployer
