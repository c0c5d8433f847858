// SPDX-License-Identifier: Apache-2.0
#include "federation/jsonfields.h"

#include "util/tr.h"

#include <QJsonDocument>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace FateDeployer {

namespace {
bool hasControlCharacter(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) {
        return c.category() == QChar::Other_Control && c != QLatin1Char('\n') && c != QLatin1Char('\t');
    });
}
} // namespace

Result<QJsonObject> JsonFields::parseObject(const QByteArray &json, qint64 maxBytes, const QString &what)
{
    if (json.size() > maxBytes)
        return Error{tr("not a %1: the file is %2 bytes long (at most %3 are accepted)")
                         .arg(what)
                         .arg(json.size())
                         .arg(maxBytes)};
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error{tr("not a %1: %2 at byte %3").arg(what, parseError.errorString()).arg(parseError.offset)};
    if (!doc.isObject())
        return Error{tr("not a %1: the top level must be a JSON object").arg(what)};
    return doc.object();
}

JsonFields::JsonFields(const QJsonObject &object, QString path)
    : m_object(object)
    , m_path(std::move(path))
    , m_error(std::make_shared<QString>())
{}

JsonFields JsonFields::nested(const QJsonObject &object, const QString &path) const
{
    JsonFields f(object, path);
    f.m_error = m_error;
    return f;
}

QString JsonFields::path(const char *key) const
{
    return m_path.isEmpty() ? QString::fromLatin1(key) : m_path + QLatin1Char('.') + QLatin1String(key);
}

void JsonFields::fail(const QString &field, const QString &what)
{
    if (m_error->isEmpty())
        *m_error = tr("%1: %2").arg(field, what);
}

QJsonValue JsonFields::take(const char *key, bool required)
{
    m_read.insert(QString::fromLatin1(key));
    const QJsonValue v = m_object.value(QLatin1String(key));
    if (!v.isUndefined() && !v.isNull())
        return v;
    if (required)
        fail(path(key), tr("is missing"));
    return QJsonValue(QJsonValue::Undefined); // QJsonValue() would be null
}

QString JsonFields::string(const char *key, bool required, int maxLength)
{
    const QJsonValue v = take(key, required);
    if (v.isUndefined())
        return {};
    if (!v.isString()) {
        fail(path(key), tr("must be a string"));
        return {};
    }
    const QString text = v.toString();
    if (text.size() > maxLength) {
        fail(path(key), tr("is %1 characters long (at most %2 are accepted)").arg(text.size()).arg(maxLength));
        return {};
    }
    if (text.contains(QChar(0)) || hasControlCharacter(text)) {
        fail(path(key), tr("must not contain control characters"));
        return {};
    }
    if (required && text.trimmed().isEmpty())
        fail(path(key), tr("must not be empty"));
    return text;
}

std::optional<int> JsonFields::integer(const char *key, bool required, int min, int max)
{
    const QJsonValue v = take(key, required);
    if (v.isUndefined())
        return std::nullopt;
    const double d = v.toDouble(0.5);
    // Range before conversion: a huge double converted to int is undefined behaviour.
    if (!v.isDouble() || d != std::trunc(d) || !(d >= double(min) && d <= double(max))) {
        fail(path(key), tr("must be a whole number between %1 and %2").arg(min).arg(max));
        return std::nullopt;
    }
    return int(d);
}

bool JsonFields::boolean(const char *key, bool def)
{
    const QJsonValue v = take(key, false);
    if (v.isUndefined())
        return def;
    if (!v.isBool()) {
        fail(path(key), tr("must be true or false"));
        return def;
    }
    return v.toBool();
}

QJsonObject JsonFields::object(const char *key, bool required)
{
    const QJsonValue v = take(key, required);
    if (v.isUndefined())
        return {};
    if (!v.isObject()) {
        fail(path(key), tr("must be an object"));
        return {};
    }
    return v.toObject();
}

QJsonArray JsonFields::array(const char *key, bool required, int maxItems)
{
    const QJsonValue v = take(key, required);
    if (v.isUndefined())
        return {};
    if (!v.isArray()) {
        fail(path(key), tr("must be a list"));
        return {};
    }
    const QJsonArray a = v.toArray();
    if (a.size() > maxItems) {
        fail(path(key), tr("has %1 entries (at most %2 are accepted)").arg(a.size()).arg(maxItems));
        return {};
    }
    return a;
}

void JsonFields::refuseUnknownKeys()
{
    QStringList unknown;
    for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it)
        if (!m_read.contains(it.key()))
            unknown.append(it.key().left(64));
    if (!unknown.isEmpty())
        fail(m_path.isEmpty() ? QString::fromLatin1("(top level)") : m_path,
             tr("unknown field(s) %1; the file was written by a newer or another program")
                 .arg(unknown.join(QStringLiteral(", "))));
}

} // namespace FateDeployer
