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
    /// Limits that bound what a hostile file can make us hold; real projects stay far below them.
    static constexpr qint64 MaxFileSize = 4 * 1024 * 1024;
    static constexpr int MaxParties = 1000;
    static constexpr int MaxFieldLength = 4096;  ///< every text field but notes
    static constexpr int MaxNotesLength = 65536; ///< free text per party

    static QByteArray toJson(const Project &project);
    static Result<Project> fromJson(const QByteArray &json);

    static Result<Project> load(const QString &path);
    /// Writes through QSaveFile: the old file stays intact unless the new one is complete.
    static Status save(const Project &project, const QString &path);
};

} // namespace FateDeployer
