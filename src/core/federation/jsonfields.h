// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QString>

#include <memory>
#include <optional>

namespace FateDeployer {

/// Strict reading of the files other teams send us (party cards, federation files): every field has a
/// type and a length limit, unknown fields are refused, and the first problem is named by its path.
class JsonFields
{
    Q_DECLARE_TR_FUNCTIONS(FateDeployer::JsonFields)

public:
    /// Parses a whole document: at most maxBytes, a JSON object at the top. what names the file kind.
    static Result<QJsonObject> parseObject(const QByteArray &json, qint64 maxBytes, const QString &what);

    JsonFields(const QJsonObject &object, QString path);

    QString string(const char *key, bool required, int maxLength);
    std::optional<int> integer(const char *key, bool required, int min, int max);
    bool boolean(const char *key, bool def);
    QJsonObject object(const char *key, bool required);
    QJsonArray array(const char *key, bool required, int maxItems);
    /// Refuses the keys nobody asked for (after all reads).
    void refuseUnknownKeys();

    QString path(const char *key) const;
    void fail(const QString &field, const QString &what);
    bool failed() const { return !m_error->isEmpty(); }
    QString error() const { return *m_error; }
    /// A reader of a nested object that reports into the same error.
    JsonFields nested(const QJsonObject &object, const QString &path) const;

private:
    /// Marks key as read; its value, or undefined when absent or null (a failure when required).
    QJsonValue take(const char *key, bool required);

    QJsonObject m_object;
    QString m_path;
    QSet<QString> m_read;
    std::shared_ptr<QString> m_error;
};

} // namespace FateDeployer
