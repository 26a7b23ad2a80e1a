// SPDX-License-Identifier: MIT
#include "eventparser.h"

#include "callparts.h"
#include "fastparse.h"
#include "jsonfieldreader.h"

#include <QCoreApplication>

namespace bem {

Event readEvent(FieldReader &r, const QJsonObject &o, const QString &path)
{
    Event e;
    e.eventId = r.string(o, QLatin1String("eventID"), path);
    e.eventType = r.string(o, QLatin1String("eventType"), path);
    e.functionId = r.string(o, QLatin1String("functionID"), path);
    e.functionName = r.string(o, QLatin1String("functionName"), path);
    e.functionCallId = r.string(o, QLatin1String("functionCallID"), path);
    e.functionCallTryNumber = r.integer(o, QLatin1String("functionCallTryNumber"), path);
    e.functionVersionNum = r.integer(o, QLatin1String("functionVersionNum"), path);
    e.referenceId = r.string(o, QLatin1String("referenceID"), path);
    e.callId = r.string(o, QLatin1String("callID"), path);
    e.workflowName = r.string(o, QLatin1String("workflowName"), path);
    e.createdAt = r.timestamp(o, QLatin1String("createdAt"), path);
    e.message = r.string(o, QLatin1String("message"), path);
    e.choice = r.string(o, QLatin1String("choice"), path);
    e.itemOffset = r.integer(o, QLatin1String("itemOffset"), path);
    e.itemCount = r.integer(o, QLatin1String("itemCount"), path);
    e.avgConfidence = r.fraction(o, QLatin1String("avgConfidence"), path);
    e.publishedAt = r.timestamp(o, QLatin1String("publishedAt"), path);
    e.lastPublishErrorAt = r.timestamp(o, QLatin1String("lastPublishErrorAt"), path);
    e.object = o;
    return e;
}

Event EventParser::parse(const QJsonObject &object, const QString &where, QStringList &warnings)
{
    FieldReader reader(warnings, /*nullIsAbsent=*/true);
    return readEvent(reader, object, where);
}

EventPageParseResult EventPageParser::parse(const QByteArray &body, EventPageKind kind)
{
    if (std::optional<EventPageParseResult> fast = fast::parseEventPage(body, kind))
        return std::move(*fast);
    return parseWithQt(body, kind);
}

EventPageParseResult EventPageParser::parseWithQt(const QByteArray &body, EventPageKind kind)
{
    EventPageParseResult result;
    const std::optional<QJsonObject> root = readResponseObject(body, result);
    if (!root)
        return result;
    FieldReader reader(result.warnings, /*nullIsAbsent=*/true);
    const QLatin1String pageKey(kind == EventPageKind::Outputs ? "outputs" : "errors");
    const QLatin1String oneKey(kind == EventPageKind::Outputs ? "output" : "error");

    // One event: {"output": Event} or {"error": ErrorEvent}. For errors the key is also
    // the server's error text, so only an object there is an event.
    const QJsonValue one = root->value(oneKey);
    if (!root->contains(pageKey) && one.isObject()) {
        result.events << readEvent(reader, one.toObject(), QString(oneKey));
        result.totalCount = 1;
        return result;
    }
    if (kind == EventPageKind::Outputs)
        result.serverError =
            oneLine(reader.string(*root, QLatin1String("error"), QStringLiteral("response")));
    else if (one.isString())
        result.serverError = oneLine(one.toString());

    const QJsonValue page = root->value(pageKey);
    if (!page.isArray()) {
        result.error = missingMemberError(
            result.serverError, page,
            kind == EventPageKind::Outputs
                ? QCoreApplication::translate("bem::CallParser",
                                              "The response has no outputs in it.")
                : QCoreApplication::translate("bem::CallParser",
                                              "The response has no errors in it."),
            kind == EventPageKind::Outputs
                ? QCoreApplication::translate("bem::CallParser",
                                              "The response's outputs are %1, not an array.")
                : QCoreApplication::translate("bem::CallParser",
                                              "The response's errors are %1, not an array."));
        return result;
    }
    const QJsonArray events = page.toArray();
    result.events.reserve(events.size());
    for (qsizetype i = 0; i < events.size(); ++i) {
        const QString path = pageKey + u'[' + QString::number(i) + u']';
        const QJsonValue v = events.at(i);
        if (!v.isObject()) {
            reader.notAnObject(path, v);
            continue;
        }
        result.events << readEvent(reader, v.toObject(), path);
    }
    result.totalCount =
        reader.integer(*root, QLatin1String("totalCount"), QStringLiteral("response"));
    return result;
}

} // namespace bem
