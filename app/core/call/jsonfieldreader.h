// SPDX-License-Identifier: MIT
#pragma once

// The reading rules every response parser shares (v2 calls, v3 calls, traces, events):
// typed fields with a warning naming the path of anything dropped, the unknown members
// kept for the raw view, and one way of saying why a body is not a JSON object.

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include "calltypes.h"

#include <initializer_list>
#include <optional>

namespace bem {

// "a string", "an array", …: how a value's type is named in warnings.
QString jsonTypeName(const QJsonValue &v);

// Reads typed fields out of JSON objects. A value of the wrong type is treated as absent,
// with a warning naming the field's path. null is a wrong type too unless nullIsAbsent
// (v3 sends null for "none", e.g. a root function call's sourceEventID).
class FieldReader
{
public:
    explicit FieldReader(QStringList &warnings, bool nullIsAbsent = false)
        : m_warnings(warnings)
        , m_nullIsAbsent(nullIsAbsent)
    {}
    ~FieldReader();
    Q_DISABLE_COPY_MOVE(FieldReader)

    void warn(const QString &text);
    // Returns the value when it has the expected type, otherwise warns and returns an
    // undefined value.
    QJsonValue get(const QJsonObject &obj, QLatin1String key, QJsonValue::Type expected,
                   const QString &path);
    QString string(const QJsonObject &obj, QLatin1String key, const QString &path)
    {
        return get(obj, key, QJsonValue::String, path).toString();
    }
    std::optional<qint64> integer(const QJsonObject &obj, QLatin1String key, const QString &path);
    // A number in [0, 1], else a warning.
    std::optional<double> fraction(const QJsonObject &obj, QLatin1String key, const QString &path);
    Status status(const QJsonObject &obj, QLatin1String key, const QString &path)
    {
        return Status::fromRaw(string(obj, key, path));
    }
    Timestamp timestamp(const QJsonObject &obj, QLatin1String key, const QString &path);
    QJsonArray array(const QJsonObject &obj, QLatin1String key, const QString &path)
    {
        return get(obj, key, QJsonValue::Array, path).toArray();
    }
    QJsonObject object(const QJsonObject &obj, QLatin1String key, const QString &path)
    {
        return get(obj, key, QJsonValue::Object, path).toObject();
    }
    // The warning for an array element that is not an object (it is skipped).
    void notAnObject(const QString &path, const QJsonValue &v);

    static QDateTime parseRfc3339(QString text);

private:
    static QDateTime parseCommonRfc3339(const QString &text);

    QStringList &m_warnings;
    bool m_nullIsAbsent = false;
    int m_dropped = 0;
};

// The members of `obj` whose keys are not in `known`.
QJsonObject unknownJsonFields(const QJsonObject &obj, std::initializer_list<QLatin1String> known);

// Server text can be anything; keep it one line and bounded.
QString oneLine(QString text);

// Why a body is not a JSON document, as the parsers report it.
struct JsonBodyError
{
    QString error;
    // Byte offset of a JSON syntax error; -1 when the error is not about syntax.
    qsizetype offset = -1;
    // The body stopped mid-value at its end: most likely cut off in transit.
    bool endedEarly = false;
};

// The body's top-level object, or std::nullopt with `error` filled (empty, invalid JSON,
// an HTML page, not an object).
std::optional<QJsonObject> readJsonObject(const QByteArray &body, JsonBodyError &error);

// readJsonObject() for a parser's result (ParseResult, TraceParseResult, …): on failure
// the error, its offset and whether the body ended early go into `result`.
template<typename Result>
std::optional<QJsonObject> readResponseObject(const QByteArray &body, Result &result)
{
    JsonBodyError error;
    std::optional<QJsonObject> root = readJsonObject(body, error);
    if (!root) {
        result.error = error.error;
        result.errorOffset = error.offset;
        result.endedEarly = error.endedEarly;
    }
    return root;
}

// The error for a response whose expected member (`call`, `trace`, …) is not an object:
// the server's own error when it sent one, else what was there instead. `missing` and
// `notObject` are the translated texts ("The response has no call in it.", "The
// response's call is %1, not an object.").
QString missingMemberError(const QString &serverError, const QJsonValue &member,
                           const QString &missing, const QString &notObject);

} // namespace bem
