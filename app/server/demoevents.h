// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

// The events a demo function call emits on v3, built from the function call object as the
// v2 body has it, so the v3 trace and the v2 call tell the same story.
namespace bem::demoevents {

// The fields every event carries ("common" in the API), taken from the function call
// `fc` of the call `call` (a v2 call object).
struct EventOrigin
{
    QJsonObject call;
    QJsonObject fc;
    int tryNumber = 1;
    // When the event was emitted (RFC 3339).
    QString createdAt;
};

// A stable eventID, unique across the demo's calls (several calls share function-call IDs).
QString eventId(const QJsonObject &call, const QJsonObject &fc, const QString &suffix);

QJsonObject commonFields(const EventOrigin &origin, const QString &eventType,
                         const QString &suffix);

// `route`: the document went to `choice` (the next node's destination name).
QJsonObject routeEvent(const EventOrigin &origin, const QString &choice, int index);
// `split_collection`: the split's items (its v2 "inputs") as printPageOutput.
QJsonObject splitCollectionEvent(const EventOrigin &origin);
// `split_item`: item `offset` of the split's inputs; it spawns the function call that
// handles that item.
QJsonObject splitItemEvent(const EventOrigin &origin, int offset);
// `transform`: the extracted document with confidences, invalid properties and delivery.
QJsonObject transformEvent(const EventOrigin &origin);
// `join`: the merged document of `items` (the transform events it joined).
QJsonObject joinEvent(const EventOrigin &origin, const QJsonArray &items);
// `enrich`: what the ERP lookup added.
QJsonObject enrichEvent(const EventOrigin &origin);
// `error`: the failed attempt `origin.tryNumber` with `message`.
QJsonObject errorEvent(const EventOrigin &origin, const QString &message);
// Any other function type: an event of that type with fields of its own, as newer bem
// event types have (a client shows them generically).
QJsonObject otherEvent(const EventOrigin &origin);

// An output made to test a client's plain-text handling: markup in values, keys holding
// "/" and "~" (escaped as ~1 and ~0 in its field confidences), an empty key.
QJsonObject hostileTransformEvent(const EventOrigin &origin);

} // namespace bem::demoevents
