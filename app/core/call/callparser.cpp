// SPDX-License-Identifier: MIT
#include "callparser.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <algorithm>
#include <cmath>

namespace bem {
namespace {

QString typeName(const QJsonValue &v)
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

// Reads typed fields out of JSON objects. A value that is null or of the wrong type is
// treated as absent, with a warning naming the field's path.
class FieldReader
{
public:
    explicit FieldReader(QStringList &warnings)
        : m_warnings(warnings)
    {}
    ~FieldReader()
    {
        if (m_dropped > 0)
            m_warnings << QCoreApplication::translate("bem::CallParser", "… and %1 more warnings")
                              .arg(m_dropped);
    }
    Q_DISABLE_COPY_MOVE(FieldReader)

    void warn(const QString &text)
    {
        if (m_warnings.size() < CallParser::MaxWarnings)
            m_warnings << text;
        else
            ++m_dropped;
    }

    // Returns the value when it has the expected type, otherwise warns and returns an
    // undefined value.
    QJsonValue get(const QJsonObject &obj, QLatin1String key, QJsonValue::Type expected,
                   const QString &path)
    {
        const auto it = obj.constFind(key);
        if (it == obj.constEnd())
            return QJsonValue(QJsonValue::Undefined);
        const QJsonValue v = it.value();
        if (v.type() == expected)
            return v;
        warn(QCoreApplication::translate("bem::CallParser", "%1.%2: expected %3, got %4; ignored")
                 .arg(path, key, typeName(QJsonValue(expected)), typeName(v)));
        return QJsonValue(QJsonValue::Undefined);
    }

    QString string(const QJsonObject &obj, QLatin1String key, const QString &path)
    {
        return get(obj, key, QJsonValue::String, path).toString();
    }

    std::optional<qint64> integer(const QJsonObject &obj, QLatin1String key, const QString &path)
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

    Status status(const QJsonObject &obj, QLatin1String key, const QString &path)
    {
        return Status::fromRaw(string(obj, key, path));
    }

    Timestamp timestamp(const QJsonObject &obj, QLatin1String key, const QString &path)
    {
        Timestamp t;
        t.raw = string(obj, key, path);
        if (t.raw.isEmpty())
            return t;
        t.value = parseRfc3339(t.raw);
        if (!t.value.isValid())
            warn(QStringLiteral("%1.%2: \"%3\" is not an RFC 3339 time; ignored")
                     .arg(path, key, t.raw.left(80)));
        return t;
    }

    QJsonArray array(const QJsonObject &obj, QLatin1String key, const QString &path)
    {
        return get(obj, key, QJsonValue::Array, path).toArray();
    }

    QJsonObject object(const QJsonObject &obj, QLatin1String key, const QString &path)
    {
        return get(obj, key, QJsonValue::Object, path).toObject();
    }

    static QDateTime parseRfc3339(QString text)
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
    static QDateTime parseCommonRfc3339(const QString &text)
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

private:
    QStringList &m_warnings;
    int m_dropped = 0;
};

QJsonObject unknownFields(const QJsonObject &obj, std::initializer_list<QLatin1String> known)
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

InputFile parseInputFile(FieldReader &r, const QJsonObject &o, const QString &path)
{
    InputFile f;
    f.inputType = r.string(o, QLatin1String("inputType"), path);
    f.itemReferenceId = r.string(o, QLatin1String("itemReferenceID"), path);
    f.s3URL = r.string(o, QLatin1String("s3URL"), path);
    f.unknownFields = unknownFields(
        o, {QLatin1String("inputType"), QLatin1String("itemReferenceID"), QLatin1String("s3URL")});
    return f;
}

QList<InputFile> parseInputList(FieldReader &r, const QJsonArray &arr, const QString &path)
{
    QList<InputFile> out;
    out.reserve(arr.size());
    for (qsizetype i = 0; i < arr.size(); ++i) {
        const QString p = path + u'[' + QString::number(i) + u']';
        const QJsonValue v = arr.at(i);
        if (!v.isObject()) {
            r.warn(QCoreApplication::translate("bem::CallParser",
                                               "%1: expected an object, got %2; skipped")
                       .arg(p, typeName(v)));
            continue;
        }
        out << parseInputFile(r, v.toObject(), p);
    }
    return out;
}

FunctionCall parseFunctionCall(FieldReader &r, const QJsonObject &o, const QString &path)
{
    FunctionCall fc;
    fc.functionCallId = r.string(o, QLatin1String("functionCallID"), path);
    fc.functionId = r.string(o, QLatin1String("functionID"), path);
    fc.functionName = r.string(o, QLatin1String("functionName"), path);
    fc.type = r.string(o, QLatin1String("type"), path);
    fc.referenceId = r.string(o, QLatin1String("referenceID"), path);
    fc.status = r.status(o, QLatin1String("status"), path);
    fc.functionVersionNum = r.integer(o, QLatin1String("functionVersionNum"), path);
    fc.startedAt = r.timestamp(o, QLatin1String("startedAt"), path);
    fc.finishedAt = r.timestamp(o, QLatin1String("finishedAt"), path);
    fc.sourceFunctionCallId = r.string(o, QLatin1String("sourceFunctionCallID"), path);
    fc.workflowCallId = r.string(o, QLatin1String("workflowCallID"), path);
    fc.inputType = r.string(o, QLatin1String("inputType"), path);
    fc.s3URL = r.string(o, QLatin1String("s3URL"), path);

    const QString activityPath = path + QStringLiteral(".activity");
    const QJsonArray activity = r.array(o, QLatin1String("activity"), path);
    fc.activity.reserve(activity.size());
    for (qsizetype i = 0; i < activity.size(); ++i) {
        const QString p = activityPath + u'[' + QString::number(i) + u']';
        const QJsonValue v = activity.at(i);
        if (!v.isObject()) {
            r.warn(QCoreApplication::translate("bem::CallParser",
                                               "%1: expected an object, got %2; skipped")
                       .arg(p, typeName(v)));
            continue;
        }
        const QJsonObject a = v.toObject();
        fc.activity.append(
            {r.string(a, QLatin1String("displayName"), p), r.status(a, QLatin1String("status"), p),
             unknownFields(a, {QLatin1String("displayName"), QLatin1String("status")})});
    }
    fc.inputs = parseInputList(r, r.array(o, QLatin1String("inputs"), path),
                               path + QStringLiteral(".inputs"));
    fc.unknownFields = unknownFields(
        o, {QLatin1String("functionCallID"), QLatin1String("functionID"),
            QLatin1String("functionName"), QLatin1String("type"), QLatin1String("referenceID"),
            QLatin1String("status"), QLatin1String("functionVersionNum"), QLatin1String("activity"),
            QLatin1String("startedAt"), QLatin1String("finishedAt"),
            QLatin1String("sourceFunctionCallID"), QLatin1String("workflowCallID"),
            QLatin1String("inputType"), QLatin1String("s3URL"), QLatin1String("inputs")});
    return fc;
}

CallInput parseCallInput(FieldReader &r, const QJsonObject &o, const QString &path)
{
    CallInput in;
    const QJsonValue single = r.get(o, QLatin1String("singleFile"), QJsonValue::Object, path);
    if (single.isObject())
        in.singleFile = parseInputFile(r, single.toObject(), path + QStringLiteral(".singleFile"));
    const QJsonValue batch = r.get(o, QLatin1String("batchFiles"), QJsonValue::Object, path);
    if (batch.isObject()) {
        const QString p = path + QStringLiteral(".batchFiles");
        in.batchFiles = parseInputList(r, r.array(batch.toObject(), QLatin1String("inputs"), p),
                                       p + QStringLiteral(".inputs"));
    }
    return in;
}

QString functionCallPath(qsizetype index)
{
    return QStringLiteral("call.functionCalls[") + QString::number(index) + u']';
}

Call parseCall(FieldReader &r, const QJsonObject &o)
{
    const QString path = QStringLiteral("call");
    Call c;
    c.callId = r.string(o, QLatin1String("callID"), path);
    c.callType = r.string(o, QLatin1String("callType"), path);
    c.status = r.status(o, QLatin1String("status"), path);
    c.createdAt = r.timestamp(o, QLatin1String("createdAt"), path);
    c.finishedAt = r.timestamp(o, QLatin1String("finishedAt"), path);
    c.workflowId = r.string(o, QLatin1String("workflowID"), path);
    c.workflowName = r.string(o, QLatin1String("workflowName"), path);
    c.workflowVersionNum = r.integer(o, QLatin1String("workflowVersionNum"), path);
    c.functionId = r.string(o, QLatin1String("functionID"), path);
    c.functionName = r.string(o, QLatin1String("functionName"), path);
    c.functionType = r.string(o, QLatin1String("functionType"), path);
    c.functionVersionNum = r.integer(o, QLatin1String("functionVersionNum"), path);
    c.callReferenceId = r.string(o, QLatin1String("callReferenceID"), path);
    c.input = parseCallInput(r, r.object(o, QLatin1String("input"), path),
                             path + QStringLiteral(".input"));

    const QJsonArray fcs = r.array(o, QLatin1String("functionCalls"), path);
    c.functionCalls.reserve(fcs.size());
    for (qsizetype i = 0; i < fcs.size(); ++i) {
        const QString p = functionCallPath(i);
        const QJsonValue v = fcs.at(i);
        if (!v.isObject()) {
            r.warn(QCoreApplication::translate("bem::CallParser",
                                               "%1: expected an object, got %2; skipped")
                       .arg(p, typeName(v)));
            continue;
        }
        c.functionCalls.append(parseFunctionCall(r, v.toObject(), p));
    }
    c.unknownFields = unknownFields(
        o,
        {QLatin1String("callID"), QLatin1String("callType"), QLatin1String("status"),
         QLatin1String("createdAt"), QLatin1String("finishedAt"), QLatin1String("workflowID"),
         QLatin1String("workflowName"), QLatin1String("workflowVersionNum"),
         QLatin1String("functionID"), QLatin1String("functionName"), QLatin1String("functionType"),
         QLatin1String("functionVersionNum"), QLatin1String("callReferenceID"),
         QLatin1String("functionCalls"), QLatin1String("input")});
    return c;
}

// Server text can be anything; keep the one-line message one line and bounded.
QString oneLine(QString text)
{
    text.replace(u'\n', u' ').replace(u'\r', u' ');
    text = text.trimmed();
    if (text.size() > 300)
        text = text.left(300) + u'…';
    return text;
}

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

FunctionCall CallParser::parseFunctionCall(const QJsonObject &object, qsizetype index,
                                           QStringList &warnings)
{
    FieldReader reader(warnings);
    return bem::parseFunctionCall(reader, object, functionCallPath(index));
}

ParseResult CallParser::parse(const QByteArray &body)
{
    ParseResult result;
    if (body.trimmed().isEmpty()) {
        result.error = QCoreApplication::translate("bem::CallParser", "The response was empty.");
        return result;
    }
    QJsonParseError jsonError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &jsonError);
    if (jsonError.error != QJsonParseError::NoError) {
        result.errorOffset = jsonError.offset;
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
        return result;
    }
    if (!doc.isObject()) {
        result.error =
            QCoreApplication::translate("bem::CallParser", "The response is not a JSON object.");
        return result;
    }
    const QJsonObject root = doc.object();
    FieldReader reader(result.warnings);
    result.serverError =
        oneLine(reader.string(root, QLatin1String("error"), QStringLiteral("response")));

    result.unknownFields = unknownFields(root, {QLatin1String("call"), QLatin1String("error")});
    const QJsonValue call = root.value(QLatin1String("call"));
    if (!call.isObject()) {
        if (!result.serverError.isEmpty())
            result.error =
                QCoreApplication::translate("bem::CallParser", "The server reported an error: %1")
                    .arg(result.serverError);
        else if (call.isUndefined())
            result.error =
                QCoreApplication::translate("bem::CallParser", "The response has no call in it.");
        else
            result.error = QCoreApplication::translate("bem::CallParser",
                                                       "The response's call is %1, not an object.")
                               .arg(typeName(call));
        return result;
    }
    // An error beside the call is kept in serverError and shown with the call: it is a
    // note about the data (CallSnapshot::notes), not a part that was ignored.
    result.call = parseCall(reader, call.toObject());
    return result;
}

} // namespace bem
