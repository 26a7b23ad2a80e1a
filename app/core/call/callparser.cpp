// SPDX-License-Identifier: MIT
#include "callparser.h"

#include "callparts.h"
#include "fastparse.h"
#include "jsonfieldreader.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace bem {
namespace {

InputFile parseInputFile(FieldReader &r, const QJsonObject &o, const QString &path)
{
    InputFile f;
    f.inputType = r.string(o, QLatin1String("inputType"), path);
    f.itemReferenceId = r.string(o, QLatin1String("itemReferenceID"), path);
    f.s3URL = r.string(o, QLatin1String("s3URL"), path);
    f.unknownFields = unknownJsonFields(
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
                       .arg(p, jsonTypeName(v)));
            continue;
        }
        out << parseInputFile(r, v.toObject(), p);
    }
    return out;
}

} // namespace

FunctionCall readFunctionCall(FieldReader &r, const QJsonObject &o, const QString &path, bool trace)
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
                       .arg(p, jsonTypeName(v)));
            continue;
        }
        const QJsonObject a = v.toObject();
        fc.activity.append(
            {r.string(a, QLatin1String("displayName"), p), r.status(a, QLatin1String("status"), p),
             unknownJsonFields(a, {QLatin1String("displayName"), QLatin1String("status")})});
    }
    fc.inputs = parseInputList(r, r.array(o, QLatin1String("inputs"), path),
                               path + QStringLiteral(".inputs"));
    if (!trace) {
        fc.unknownFields = unknownJsonFields(
            o, {QLatin1String("functionCallID"), QLatin1String("functionID"),
                QLatin1String("functionName"), QLatin1String("type"), QLatin1String("referenceID"),
                QLatin1String("status"), QLatin1String("functionVersionNum"),
                QLatin1String("activity"), QLatin1String("startedAt"), QLatin1String("finishedAt"),
                QLatin1String("sourceFunctionCallID"), QLatin1String("workflowCallID"),
                QLatin1String("inputType"), QLatin1String("s3URL"), QLatin1String("inputs")});
        return fc;
    }
    fc.sourceEventId = r.string(o, QLatin1String("sourceEventID"), path);
    fc.workflowNodeName = r.string(o, QLatin1String("workflowNodeName"), path);
    fc.incomingDestinationName = r.string(o, QLatin1String("incomingDestinationName"), path);
    fc.tryNumber = r.integer(o, QLatin1String("functionCallTryNumber"), path);
    fc.unknownFields = unknownJsonFields(
        o, {QLatin1String("functionCallID"), QLatin1String("functionID"),
            QLatin1String("functionName"), QLatin1String("type"), QLatin1String("referenceID"),
            QLatin1String("status"), QLatin1String("functionVersionNum"), QLatin1String("activity"),
            QLatin1String("startedAt"), QLatin1String("finishedAt"),
            QLatin1String("sourceFunctionCallID"), QLatin1String("workflowCallID"),
            QLatin1String("inputType"), QLatin1String("s3URL"), QLatin1String("inputs"),
            QLatin1String("sourceEventID"), QLatin1String("workflowNodeName"),
            QLatin1String("incomingDestinationName"), QLatin1String("functionCallTryNumber")});
    return fc;
}

CallInput readCallInput(FieldReader &r, const QJsonObject &o, const QString &path)
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

void readSharedCallFields(FieldReader &r, const QJsonObject &o, const QString &path, Call &c)
{
    c.callId = r.string(o, QLatin1String("callID"), path);
    c.status = r.status(o, QLatin1String("status"), path);
    c.createdAt = r.timestamp(o, QLatin1String("createdAt"), path);
    c.finishedAt = r.timestamp(o, QLatin1String("finishedAt"), path);
    c.workflowId = r.string(o, QLatin1String("workflowID"), path);
    c.workflowName = r.string(o, QLatin1String("workflowName"), path);
    c.workflowVersionNum = r.integer(o, QLatin1String("workflowVersionNum"), path);
    c.callReferenceId = r.string(o, QLatin1String("callReferenceID"), path);
    c.input = readCallInput(r, r.object(o, QLatin1String("input"), path),
                            path + QStringLiteral(".input"));
}

namespace {

QString functionCallPath(qsizetype index)
{
    return QStringLiteral("call.functionCalls[") + QString::number(index) + u']';
}

Call parseCall(FieldReader &r, const QJsonObject &o)
{
    const QString path = QStringLiteral("call");
    Call c;
    readSharedCallFields(r, o, path, c);
    c.callType = r.string(o, QLatin1String("callType"), path);
    c.functionId = r.string(o, QLatin1String("functionID"), path);
    c.functionName = r.string(o, QLatin1String("functionName"), path);
    c.functionType = r.string(o, QLatin1String("functionType"), path);
    c.functionVersionNum = r.integer(o, QLatin1String("functionVersionNum"), path);

    const QJsonArray fcs = r.array(o, QLatin1String("functionCalls"), path);
    c.functionCalls.reserve(fcs.size());
    for (qsizetype i = 0; i < fcs.size(); ++i) {
        const QString p = functionCallPath(i);
        const QJsonValue v = fcs.at(i);
        if (!v.isObject()) {
            r.warn(QCoreApplication::translate("bem::CallParser",
                                               "%1: expected an object, got %2; skipped")
                       .arg(p, jsonTypeName(v)));
            continue;
        }
        c.functionCalls.append(readFunctionCall(r, v.toObject(), p, false));
    }
    c.unknownFields = unknownJsonFields(
        o,
        {QLatin1String("callID"), QLatin1String("callType"), QLatin1String("status"),
         QLatin1String("createdAt"), QLatin1String("finishedAt"), QLatin1String("workflowID"),
         QLatin1String("workflowName"), QLatin1String("workflowVersionNum"),
         QLatin1String("functionID"), QLatin1String("functionName"), QLatin1String("functionType"),
         QLatin1String("functionVersionNum"), QLatin1String("callReferenceID"),
         QLatin1String("functionCalls"), QLatin1String("input")});
    return c;
}

} // namespace

FunctionCall CallParser::parseFunctionCall(const QJsonObject &object, qsizetype index,
                                           QStringList &warnings)
{
    FieldReader reader(warnings);
    return readFunctionCall(reader, object, functionCallPath(index), false);
}

ParseResult readCallResponse(const QByteArray &body, bool nullIsAbsent,
                             Call (*readCall)(FieldReader &, const QJsonObject &))
{
    ParseResult result;
    const std::optional<QJsonObject> root = readResponseObject(body, result);
    if (!root)
        return result;
    FieldReader reader(result.warnings, nullIsAbsent);
    result.serverError =
        oneLine(reader.string(*root, QLatin1String("error"), QStringLiteral("response")));

    result.unknownFields =
        unknownJsonFields(*root, {QLatin1String("call"), QLatin1String("error")});
    const QJsonValue call = root->value(QLatin1String("call"));
    if (!call.isObject()) {
        result.error = missingMemberError(
            result.serverError, call,
            QCoreApplication::translate("bem::CallParser", "The response has no call in it."),
            QCoreApplication::translate("bem::CallParser",
                                        "The response's call is %1, not an object."));
        return result;
    }
    // An error beside the call is kept in serverError and shown with the call: it is a
    // note about the data (CallSnapshot::notes), not a part that was ignored.
    result.call = readCall(reader, call.toObject());
    return result;
}

ParseResult CallParser::parse(const QByteArray &body)
{
    if (std::optional<ParseResult> fast = fast::parseCall(body))
        return std::move(*fast);
    return parseWithQt(body);
}

ParseResult CallParser::parseWithQt(const QByteArray &body)
{
    return readCallResponse(body, /*nullIsAbsent=*/false, parseCall);
}

} // namespace bem
