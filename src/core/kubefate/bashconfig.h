// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace FateDeployer {

/// One variable of a bash configuration file: a scalar (one value) or an array.
struct BashVariable
{
    QString name;
    bool isArray = false;
    QStringList values; ///< a scalar has exactly one value
    int line = 0;       ///< line of the (last) assignment; 0 = predefined

    QString scalar() const { return values.value(0); }
    bool operator==(const BashVariable &) const = default;
};

/// The static subset of bash that KubeFATE's configuration files use: `NAME=value` and `NAME=(a b c)`
/// assignments, quotes, comments and references to variables assigned earlier. The file is parsed,
/// never executed; anything dynamic (command substitution, arithmetic, functions, commands, unknown
/// references) is an error naming the file and line.
class BashConfig
{
    Q_DECLARE_TR_FUNCTIONS(FateDeployer::BashConfig)

public:
    static constexpr qint64 MaxFileSize = 1024 * 1024; ///< KubeFATE's files are a few kB
    static constexpr int MaxLineLength = 64 * 1024;
    /// Expanded size (characters, all elements of an array) of one variable. References make values grow
    /// geometrically (`a1="$a0$a0…"`), so the file size alone does not bound them.
    static constexpr qsizetype MaxValueSize = 256 * 1024;
    /// Characters (plus one per element) produced by all references of one file together: bounds the work a
    /// hostile file can cause, whatever the shape of its references.
    static constexpr qsizetype MaxExpansionWork = 4 * 1024 * 1024;

    /// Parses `data`; `fileName` is used in messages. `predefined` are variables set before this file
    /// is read (KubeFATE sources `.env` before the configuration).
    static Result<BashConfig>
    parse(const QByteArray &data, const QString &fileName, const QList<BashVariable> &predefined = {});
    /// Reads at most MaxFileSize bytes from `path` and parses them.
    static Result<BashConfig> parseFile(const QString &path, const QList<BashVariable> &predefined = {});

    QString fileName() const { return m_fileName; }
    /// Variables assigned in this file, in order of first assignment (the last value wins, as in bash).
    const QList<BashVariable> &variables() const { return m_variables; }
    const BashVariable *variable(const QString &name) const;
    bool contains(const QString &name) const { return variable(name) != nullptr; }
    /// Things that were accepted but deserve a word (CRLF line ends, byte order mark).
    const QStringList &warnings() const { return m_warnings; }
    /// True when the file holds no assignment at all (empty or only comments).
    bool isEmpty() const { return m_variables.isEmpty(); }

private:
    friend class BashConfigParser;
    QString m_fileName;
    QList<BashVariable> m_variables;
    QHash<QString, qsizetype> m_index; ///< name → position in m_variables
    QStringList m_warnings;
};

} // namespace FateDeployer
