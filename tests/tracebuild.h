// SPDX-License-Identifier: MIT
#pragma once

#include "calltypes.h"

#include <QJsonObject>

#include <optional>

namespace bem::test {

// v3 trace pieces filled in code, the way the trace parser would fill them: the named
// fields and `object` (the event as sent, which decides equality) kept in step.
struct EventSpec
{
    QString eventId;
    QString eventType;
    QString functionCallId;
    QString message = {};
    QString choice = {};
    std::optional<qint64> itemOffset = {};
    std::optional<double> avgConfidence = {};
    std::optional<qint64> tryNumber = {};
};

inline Event makeEvent(const EventSpec &spec)
{
    Event e;
    e.eventId = spec.eventId;
    e.eventType = spec.eventType;
    e.functionCallId = spec.functionCallId;
    e.functionName = QStringLiteral("fn-") + spec.functionCallId;
    e.message = spec.message;
    e.choice = spec.choice;
    e.itemOffset = spec.itemOffset;
    e.avgConfidence = spec.avgConfidence;
    e.functionCallTryNumber = spec.tryNumber;
    QJsonObject o{{QStringLiteral("eventID"), e.eventId},
                  {QStringLiteral("eventType"), e.eventType},
                  {QStringLiteral("functionCallID"), e.functionCallId},
                  {QStringLiteral("functionName"), e.functionName}};
    if (!e.message.isEmpty())
        o.insert(QStringLiteral("message"), e.message);
    if (!e.choice.isEmpty())
        o.insert(QStringLiteral("choice"), e.choice);
    if (e.itemOffset)
        o.insert(QStringLiteral("itemOffset"), double(*e.itemOffset));
    if (e.avgConfidence)
        o.insert(QStringLiteral("avgConfidence"), *e.avgConfidence);
    if (e.functionCallTryNumber)
        o.insert(QStringLiteral("functionCallTryNumber"), double(*e.functionCallTryNumber));
    e.object = o;
    return e;
}

// A trace function call: parent by event (sourceEventId) or by ID (source), its events.
inline FunctionCall makeTraceCall(const QString &id, const QString &sourceEventId,
                                  const QList<Event> &events = {},
                                  const QString &status = QStringLiteral("completed"))
{
    FunctionCall fc;
    fc.functionCallId = id;
    fc.functionName = id;
    fc.sourceEventId = sourceEventId;
    fc.status = Status::fromRaw(status);
    fc.events = events;
    fc.tryNumber = 1;
    return fc;
}

} // namespace bem::test
