// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

namespace bem {

// What a v2 call body cannot say and its v3 view needs: retries and failure messages.
struct V3Hints
{
    // functionCallID -> the try that ended it (1 when absent); earlier tries left errors.
    QHash<QString, int> tryNumbers;
    // functionCallID -> the message of its (final) failure; a default names the failed step.
    QHash<QString, QString> errorMessages;
    // functionCallIDs whose transform output is the one with markup and odd keys.
    QSet<QString> hostileOutputs;
};

// A workflow call as v3 shows it, derived from its v2 body (the one source of truth), so
// both versions of the local API tell the same story stage by stage.
struct V3View
{
    // The most outputs and errors a call object carries itself; the rest are paged
    // through /v3/outputs and /v3/errors.
    static constexpr int CallEventsCap = 100;

    QJsonObject call;                // CallV3
    QJsonArray traceFunctionCalls;   // TraceFunctionCall objects
    QJsonArray traceEvents;          // every event, in the order emitted
    QList<QJsonObject> outputs;      // terminal non-error events, oldest first
    QList<QJsonObject> intermediate; // non-error events that led to further function calls
    QList<QJsonObject> errors;       // error events, oldest first

    QByteArray callBody() const;  // {"call": …}
    QByteArray traceBody() const; // {"trace": {"functionCalls", "events"}}
};

// The v3 view of a v2 body ({"call": …} with functionCalls). Events are emitted by
// function calls that have finished: route → `route` per routed function call, split →
// `split_collection` and one `split_item` per input, transform → `transform`, join →
// `join`, enrich → `enrich`, failed → `error`, any other type → an event of that type.
V3View v3ViewOf(const QByteArray &v2Body, const V3Hints &hints = {});

} // namespace bem
