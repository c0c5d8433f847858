// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace FateDeployer {

/// A YAML value for the files we write (KubeFATE's cluster.yaml): null, bool, integer, string, an
/// ordered mapping or a list. Only block style is emitted; strings are always double-quoted, so no
/// value can turn into another type, a comment or a second key whatever the user typed.
class YamlNode
{
public:
    enum class Kind { Null, Bool, Int, String, Map, List };

    YamlNode() = default; // null
    static YamlNode boolean(bool value);
    static YamlNode integer(qint64 value);
    static YamlNode string(const QString &value);
    static YamlNode map();
    static YamlNode list();

    /// Appends key: value to a mapping (keys are our own constants: bare words, written as they are).
    YamlNode &insert(const QString &key, const YamlNode &value);
    /// Replaces the value of an existing key of a mapping (appends it when missing).
    YamlNode &set(const QString &key, const YamlNode &value);
    /// Appends an item to a list.
    YamlNode &append(const YamlNode &value);

    Kind kind() const { return m_kind; }
    /// The document: a mapping at the top, UTF-8, ending in a newline.
    QByteArray toYaml() const;
    /// `text` as a YAML double-quoted scalar.
    static QString quoted(const QString &text);

private:
    void write(QString &out, int indent) const;
    bool isEmptyCollection() const;
    QString scalar() const;

    Kind m_kind = Kind::Null;
    bool m_bool = false;
    qint64 m_int = 0;
    QString m_string;
    QList<QPair<QString, YamlNode>> m_entries; // Map
    QList<YamlNode> m_items;                   // List
};

} // namespace FateDeployer
