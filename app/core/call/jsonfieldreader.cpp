// SPDX-License-Identifier: MIT
#include "jsonfieldreader.h"

#include "callparser.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>

#include <algorithm>
#include <cmath>

namespace bem {

QString jsonTypeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QCoreApplication::translate("bem::CallParser", "a boolean");
    case QJsonValue::Double:
        return QCoreApplication::translate("bem::CallParser", "a number");
    case QJsonValue::String:
        return QCoreApplication::translate("bem::CallParser", "a string");
    case QJsonValue::Array:
        return QCoreApplication::translate("bem::CallParser", "an array");
    case QJsonValue::Object:
        return QCoreApplication::translate("bem::CallParser", "an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

FieldReader::~FieldReader()
{
    if (m_dropped > 0)
        m_warnings << QCoreApplication::translate("bem::CallParser", "… and %1 more warnings")
                          .arg(m_dropped);
}

void FieldReader::warn(const QString &text)
{
    if (m_warnings.size() < CallParser::MaxWarnings)
        m_warnings << text;
    else
        ++m_dropped;
}

QJsonValue FieldReader::get(const QJsonObject &obj, QLatin1String key, QJsonValue::Type expected,
                            const QString &path)
{
    const auto it = obj.constFind(key);
    if (it == obj.constEnd())
        return QJsonValue(QJsonValue::Undefined);
    const QJsonValue v = it.value();
    if (v.type() == expected)
        return v;
    if (m_nullIsAbsent && v.isNull())
        return QJsonValue(QJsonValue::Undefined);
    warn(QCoreApplication::translate("bem::CallParser", "%1.%2: expected %3, got %4; ignored")
             .arg(path, key, jsonTypeName(QJsonValue(expected)), jsonTypeName(v)));
    return QJsonValue(QJsonValue::Undefined);
}

std::optional<qint64> FieldReader::integer(const QJsonObject &obj, QLatin1String key,
                                           const QString &path)
{
    const QJsonValue v = get(obj, key, QJsonValue::Double, path);
    if (v.isUndefined())
        return std::nullopt;
    const double d = v.toDouble();
    // Only exact integers JSON can carry without loss (|x| ≤ 2^53).
    constexpr double limit = 9007199254740992.0;
    if (!std::isfinite(d) || std::floor(d) != d || std::fabs(d) > limit) {
        warn(QCoreApplication::translate("bem::CallParser",
                                         "%1.%2: %3 is not a whole number; ignored")
                 .arg(path, key, QString::number(d, 'g', 17)));
        return std::nullopt;
    }
    return static_cast<qint64>(d);
}

std::optional<double> FieldReader::fraction(const QJsonObject &obj, QLatin1String key,
                                            const QString &path)
{
    const QJsonValue v = get(obj, key, QJsonValue::Double, path);
    if (v.isUndefined())
        return std::nullopt;
    const double d = v.toDouble();
    if (!std::isfinite(d) || d < 0.0 || d > 1.0) {
        warn(QCoreApplication::translate("bem::CallParser",
                                         "%1.%2: %3 is not a number from 0 to 1; ignored")
                 .arg(path, key, QString::number(d, 'g', 17)));
        return std::nullopt;
    }
    return d;
}

Timestamp FieldReader::timestamp(const QJsonObject &obj, QLatin1String key, const QString &path)
{
    QString raw = string(obj, key, path);
    if (raw.isEmpty())
        return Timestamp(raw, QDateTime());
    QDateTime value = parseRfc3339(raw);
    if (!value.isValid())
        warn(QStringLiteral("%1.%2: \"%3\" is not an RFC 3339 time; ignored")
                 .arg(path, key, raw.left(80)));
    return Timestamp(std::move(raw), std::move(value));
}

void FieldReader::notAnObject(const QString &path, const QJsonValue &v)
{
    warn(QCoreApplication::translate("bem::CallParser", "%1: expected an object, got %2; skipped")
             .arg(path, jsonTypeName(v)));
}

QDateTime FieldReader::parseRfc3339(QString text)
{
    if (QDateTime fast = parseCommonRfc3339(text); fast.isValid())
        return fast;
    // RFC 3339 allows a lower-case 't'/'z' and a space between date and time.
    if (text.size() > 10 && (text.at(10) == u' ' || text.at(10) == u't'))
        text[10] = u'T';
    if (text.endsWith(u'z'))
        text[text.size() - 1] = u'Z';
    QDateTime dt = QDateTime::fromString(text, Qt::ISODateWithMs);
    // RFC 3339 requires an offset; a time without one is not one we can place.
    if (dt.isValid() && dt.timeSpec() == Qt::LocalTime)
        return {};
    return dt;
}

// The shape the API sends, "2026-11-30T12:01:07Z" or "…07.250Z" (exactly three
// fraction digits), read directly: QDateTime::fromString took two thirds of a
// microsecond… times two per function call. Anything else (offsets, other fractions,
// odd values) returns an invalid QDateTime and goes the general way, so the results
// are the same as before.
QDateTime FieldReader::parseCommonRfc3339(const QString &text)
{
    const qsizetype n = text.size();
    if ((n != 20 && n != 24) || text.at(n - 1) != u'Z')
        return {};
    const QChar *c = text.constData();
    const auto digits = [c](int from, int count, int *out) {
        int v = 0;
        for (int i = from; i < from + count; ++i) {
            const char16_t d = c[i].unicode();
            if (d < u'0' || d > u'9')
                return false;
            v = v * 10 + (d - u'0');
        }
        *out = v;
        return true;
    };
    int year, month, day, hour, minute, second, ms = 0;
    if (c[4] != u'-' || c[7] != u'-' || c[10] != u'T' || c[13] != u':' || c[16] != u':' ||
        !digits(0, 4, &year) || !digits(5, 2, &month) || !digits(8, 2, &day) ||
        !digits(11, 2, &hour) || !digits(14, 2, &minute) || !digits(17, 2, &second))
        return {};
    if (n == 24 && (c[19] != u'.' || !digits(20, 3, &ms)))
        return {};
    // 23:59:60 (a leap second) and other edge cases: Qt's own parser decides.
    if (second > 59 || hour > 23 || minute > 59)
        return {};
    const QDate date(year, month, day);
    const QTime time(hour, minute, second, ms);
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, Qt::UTC);
}

QJsonObject unknownJsonFields(const QJsonObject &obj, std::initializer_list<QLatin1String> known)
{
    // Built up from the unknown keys (usually none) instead of copying the object and
    // removing the known ones: no copy at all for the common case, which at 100,000
    // function calls was a third of the parse.
    qsizetype knownPresent = 0;
    for (QLatin1String key : known)
        knownPresent += obj.contains(key) ? 1 : 0;
    if (knownPresent == obj.size())
        return {};
    QJsonObject rest;
    for (auto it = obj.constBegin(); it != obj.constEnd(); ++it) {
        const QString key = it.key();
        if (std::find(known.begin(), known.end(), key) == known.end())
            rest.insert(key, it.value());
    }
    return rest;
}

QString oneLine(QString text)
{
    text.replace(u'\n', u' ').replace(u'\r', u' ');
    text = text.trimmed();
    if (text.size() > 300)
        text = text.left(300) + u'…';
    return text;
}

namespace {

// A body cut off in transit fails at (or a token before) its very end, with an error
// about something left open; a body written wrong fails earlier or at trailing garbage.
bool looksCutOff(const QByteArray &body, const QJsonParseError &error)
{
    switch (error.error) {
    case QJsonParseError::UnterminatedObject:
    case QJsonParseError::UnterminatedArray:
    case QJsonParseError::UnterminatedString:
    case QJsonParseError::TerminationByNumber:
    case QJsonParseError::IllegalValue:
    case QJsonParseError::MissingNameSeparator:
    case QJsonParseError::MissingValueSeparator:
        break;
    default:
        return false;
    }
    if (!body.trimmed().startsWith('{'))
        return false;
    // The longest token that can be cut is a literal ("false") or a number; allow for it.
    constexpr qsizetype Slack = 8;
    return error.offset >= body.trimmed().size() - Slack;
}

} // namespace

std::optional<QJsonObject> readJsonObject(const QByteArray &body, JsonBodyError &result)
{
    if (body.trimmed().isEmpty()) {
        result.error = QCoreApplication::translate("bem::CallParser", "The response was empty.");
        return std::nullopt;
    }
    QJsonParseError jsonError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &jsonError);
    if (jsonError.error != QJsonParseError::NoError) {
        result.offset = jsonError.offset;
        result.endedEarly = looksCutOff(body, jsonError);
        // Proxies and gateways answer with HTML pages; say so rather than "illegal value".
        if (body.trimmed().startsWith('<'))
            result.error = QCoreApplication::translate(
                "bem::CallParser", "The response is not valid JSON: it is an HTML page "
                                   "(often a proxy or gateway error).");
        else if (result.endedEarly)
            result.error =
                QCoreApplication::translate("bem::CallParser",
                                            "The response is not valid JSON: it ends early, in "
                                            "the middle of a value at byte %1 (it was probably "
                                            "cut off on the way).")
                    .arg(jsonError.offset);
        else
            result.error = QCoreApplication::translate(
                               "bem::CallParser", "The response is not valid JSON: %1 at byte %2.")
                               .arg(jsonError.errorString())
                               .arg(jsonError.offset);
        return std::nullopt;
    }
    if (!doc.isObject()) {
        result.error =
            QCoreApplication::translate("bem::CallParser", "The response is not a JSON object.");
        return std::nullopt;
    }
    return doc.object();
}

QString missingMemberError(const QString &serverError, const QJsonValue &member,
                           const QString &missing, const QString &notObject)
{
    if (!serverError.isEmpty())
        return QCoreApplication::translate("bem::CallParser", "The server reported an error: %1")
            .arg(serverError);
    if (member.isUndefined())
        return missing;
    return notObject.arg(jsonTypeName(member));
}

} // namespace bem
