// SPDX-License-Identifier: Apache-2.0
#include "kubefate/yamlnode.h"

namespace FateDeployer {

YamlNode YamlNode::boolean(bool value)
{
    YamlNode n;
    n.m_kind = Kind::Bool;
    n.m_bool = value;
    return n;
}

YamlNode YamlNode::integer(qint64 value)
{
    YamlNode n;
    n.m_kind = Kind::Int;
    n.m_int = value;
    return n;
}

YamlNode YamlNode::string(const QString &value)
{
    YamlNode n;
    n.m_kind = Kind::String;
    n.m_string = value;
    return n;
}

YamlNode YamlNode::map()
{
    YamlNode n;
    n.m_kind = Kind::Map;
    return n;
}

YamlNode YamlNode::list()
{
    YamlNode n;
    n.m_kind = Kind::List;
    return n;
}

YamlNode &YamlNode::insert(const QString &key, const YamlNode &value)
{
    Q_ASSERT(m_kind == Kind::Map);
    m_entries.append({key, value});
    return *this;
}

YamlNode &YamlNode::set(const QString &key, const YamlNode &value)
{
    Q_ASSERT(m_kind == Kind::Map);
    for (auto &entry : m_entries) {
        if (entry.first == key) {
            entry.second = value;
            return *this;
        }
    }
    return insert(key, value);
}

YamlNode &YamlNode::append(const YamlNode &value)
{
    Q_ASSERT(m_kind == Kind::List);
    m_items.append(value);
    return *this;
}

QString YamlNode::quoted(const QString &text)
{
    QString out = QStringLiteral("\"");
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '"':
            out += QLatin1String("\\\"");
            break;
        case '\\':
            out += QLatin1String("\\\\");
            break;
        case '\n':
            out += QLatin1String("\\n");
            break;
        case '\t':
            out += QLatin1String("\\t");
            break;
        default:
            // Other control characters (and the line/paragraph separators YAML treats as breaks) escaped.
            if (c.unicode() < 0x20 || c.unicode() == 0x7f || c.unicode() == 0x85 || c.unicode() == 0x2028
                || c.unicode() == 0x2029)
                out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    return out + QLatin1Char('"');
}

bool YamlNode::isEmptyCollection() const
{
    return (m_kind == Kind::Map && m_entries.isEmpty()) || (m_kind == Kind::List && m_items.isEmpty());
}

QString YamlNode::scalar() const
{
    switch (m_kind) {
    case Kind::Null:
        return QStringLiteral("null");
    case Kind::Bool:
        return m_bool ? QStringLiteral("true") : QStringLiteral("false");
    case Kind::Int:
        return QString::number(m_int);
    case Kind::String:
        return quoted(m_string);
    case Kind::Map:
        return QStringLiteral("{}");
    case Kind::List:
        return QStringLiteral("[]");
    }
    return {};
}

void YamlNode::write(QString &out, int indent) const
{
    const QString pad(indent, QLatin1Char(' '));
    if (m_kind == Kind::Map) {
        for (const auto &[key, value] : m_entries) {
            out += pad + key + QLatin1Char(':');
            if ((value.m_kind == Kind::Map || value.m_kind == Kind::List) && !value.isEmptyCollection()) {
                out += QLatin1Char('\n');
                value.write(out, indent + 2);
            } else {
                out += QLatin1Char(' ') + value.scalar() + QLatin1Char('\n');
            }
        }
        return;
    }
    // A list: "- " then the item; a mapping item continues on the dash's line, its other keys under it.
    for (const YamlNode &item : m_items) {
        if (item.m_kind == Kind::Map && !item.isEmptyCollection()) {
            QString inner;
            item.write(inner, indent + 2);
            out += pad + QLatin1String("- ") + inner.mid(indent + 2);
        } else if (item.m_kind == Kind::List && !item.isEmptyCollection()) {
            out += pad + QLatin1String("-\n");
            item.write(out, indent + 2);
        } else {
            out += pad + QLatin1String("- ") + item.scalar() + QLatin1Char('\n');
        }
    }
}

QByteArray YamlNode::toYaml() const
{
    QString out;
    write(out, 0);
    return out.toUtf8();
}

} // namespace FateDeployer
