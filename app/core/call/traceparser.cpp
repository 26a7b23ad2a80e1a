// SPDX-License-Identifier: MIT
#include "traceparser.h"

#include "callparts.h"
#include "fastparse.h"
#include "jsonfieldreader.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>

namespace bem {
namespace {

QString elementPath(const char *array, qsizetype index)
{
    return QLatin1String("trace.") + QLatin1String(array) + u'[' + QString::number(index) + u']';
}

} // namespace

FunctionCall TraceParser::parseFunctionCall(const QJsonObject &object, qsizetype index,
                                            QStringList &warnings)
{
    FieldReader reader(warnings, /*nullIsAbsent=*/true);
    return readFunctionCall(reader, object, elementPath("functionCalls", index), true);
}

Event TraceParser::parseEvent(const QJsonObject &object, qsizetype index, QStringList &warnings)
{
    FieldReader reader(warnings, /*nullIsAbsent=*/true);
    return readEvent(reader, object, elementPath("events", index));
}

void TraceParser::assemble(QList<FunctionCall> &functionCalls, QList<Event> events,
                           QList<Event> &unattached, TraceLayout &layout)
{
    QHash<QString, qsizetype> firstById;
    firstById.reserve(functionCalls.size());
    layout.ownTryNumber.assign(size_t(functionCalls.size()), false);
    for (qsizetype i = 0; i < functionCalls.size(); ++i) {
        const FunctionCall &fc = functionCalls.at(i);
        layout.ownTryNumber[size_t(i)] = fc.tryNumber.has_value();
        // A duplicated ID: the events go to the first function call that has it.
        if (!fc.functionCallId.isEmpty() && !firstById.contains(fc.functionCallId))
            firstById.insert(fc.functionCallId, i);
    }
    layout.eventOwner.assign(size_t(events.size()), -1);
    for (qsizetype i = 0; i < events.size(); ++i) {
        Event &event = events[i];
        const qsizetype owner =
            event.functionCallId.isEmpty() ? -1 : firstById.value(event.functionCallId, -1);
        layout.eventOwner[size_t(i)] = owner;
        if (owner < 0) {
            unattached.append(std::move(event));
            continue;
        }
        FunctionCall &fc = functionCalls[owner];
        if (!layout.ownTryNumber[size_t(owner)] && event.functionCallTryNumber)
            fc.tryNumber = std::max(fc.tryNumber.value_or(*event.functionCallTryNumber),
                                    *event.functionCallTryNumber);
        fc.events.append(std::move(event));
    }
}

TraceParseResult TraceParser::parse(const QByteArray &body)
{
    if (std::optional<TraceParseResult> fast = fast::parseTrace(body))
        return std::move(*fast);
    return parseWithQt(body);
}

TraceParseResult TraceParser::parseWithQt(const QByteArray &body)
{
    TraceParseResult result;
    const std::optional<QJsonObject> root = readResponseObject(body, result);
    if (!root)
        return result;
    FieldReader reader(result.warnings, /*nullIsAbsent=*/true);
    result.serverError =
        oneLine(reader.string(*root, QLatin1String("error"), QStringLiteral("response")));
    const QJsonValue trace = root->value(QLatin1String("trace"));
    if (!trace.isObject()) {
        result.error = missingMemberError(
            result.serverError, trace,
            QCoreApplication::translate("bem::CallParser", "The response has no trace in it."),
            QCoreApplication::translate("bem::CallParser",
                                        "The response's trace is %1, not an object."));
        return result;
    }
    const QJsonObject t = trace.toObject();
    const QString path = QStringLiteral("trace");

    const QJsonArray fcs = reader.array(t, QLatin1String("functionCalls"), path);
    result.functionCalls.reserve(fcs.size());
    for (qsizetype i = 0; i < fcs.size(); ++i) {
        const QString p = elementPath("functionCalls", i);
        const QJsonValue v = fcs.at(i);
        if (!v.isObject()) {
            reader.notAnObject(p, v);
            continue;
        }
        result.functionCalls.append(readFunctionCall(reader, v.toObject(), p, true));
    }
    const QJsonArray eventArray = reader.array(t, QLatin1String("events"), path);
    QList<Event> events;
    events.reserve(eventArray.size());
    for (qsizetype i = 0; i < eventArray.size(); ++i) {
        const QString p = elementPath("events", i);
        const QJsonValue v = eventArray.at(i);
        if (!v.isObject()) {
            reader.notAnObject(p, v);
            continue;
        }
        events.append(readEvent(reader, v.toObject(), p));
    }
    assemble(result.functionCalls, std::move(events), result.unattachedEvents, result.layout);
    return result;
}

} // namespace bem
