// SPDX-License-Identifier: MIT
#pragma once

#include "calltypes.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace bem {

// Reads one v3 event (an output, an error, a trace event) of any eventType, known or not.
// The whole object is kept in Event::object; the named fields are read from it. null and
// absent fields are simply absent; a field of the wrong type, or an avgConfidence that is
// not a number in [0, 1], is dropped with a warning naming `where` (e.g.
// "trace.events[3]").
class EventParser final
{
public:
    static Event parse(const QJsonObject &object, const QString &where, QStringList &warnings);
};

enum class EventPageKind { Outputs, Errors };

// One page of GET /v3/outputs or /v3/errors ({"outputs"|"errors": [...], "totalCount": n}),
// or one event of GET /v3/outputs/{eventID} ({"output": Event}) or /v3/errors/{eventID}
// ({"error": ErrorEvent}), read into `events`.
struct EventPageParseResult
{
    QList<Event> events;
    std::optional<qint64> totalCount;
    QString error;
    qsizetype errorOffset = -1;
    bool endedEarly = false;
    QString serverError;
    QStringList warnings;

    bool ok() const { return error.isEmpty(); }
};

class EventPageParser final
{
public:
    static EventPageParseResult parse(const QByteArray &body, EventPageKind kind);
    // The same, always through QJsonDocument: what parse() falls back to when the fast
    // path (fastparse.h) declines a body.
    static EventPageParseResult parseWithQt(const QByteArray &body, EventPageKind kind);
};

} // namespace bem
