// SPDX-License-Identifier: MIT
#pragma once

#include "calltypes.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>
#include <vector>

namespace bem {

// How a trace's flat arrays were put together: which function call each event went to,
// and which function calls sent their own functionCallTryNumber. The incremental refresh
// uses it to find an unchanged element of the previous state again.
struct TraceLayout
{
    // Per element of trace.events (objects only, in order): the index in functionCalls of
    // the function call it was attached to, or -1 for an unattached event.
    std::vector<qsizetype> eventOwner;
    // Per function call: tryNumber came from its own functionCallTryNumber.
    std::vector<bool> ownTryNumber;
    // Where each element of trace.functionCalls / trace.events lies in the body
    // ([first, second) byte offsets), when known: the incremental refresh finds them, the
    // full parse does not look for them.
    std::optional<std::vector<std::pair<qsizetype, qsizetype>>> functionCallSpans;
    std::optional<std::vector<std::pair<qsizetype, qsizetype>>> eventSpans;
};

// What came out of a GET /v3/calls/{id}/trace body: the trace's function calls with their
// events attached, or `error` (the same errors as the call parser's: invalid JSON with its
// byte offset, not an object, only the server's "error").
struct TraceParseResult
{
    QList<FunctionCall> functionCalls;
    // Events whose functionCallID names no function call of the trace.
    QList<Event> unattachedEvents;
    QString error;
    qsizetype errorOffset = -1;
    bool endedEarly = false;
    QString serverError;
    QStringList warnings;
    TraceLayout layout;

    bool ok() const { return error.isEmpty(); }
};

// Reads a trace. Each function call's `events` are the trace's events whose functionCallID
// is its ID (the first function call with that ID, in trace order); its `tryNumber` is
// its functionCallTryNumber, else the highest of its events'. null and absent fields are
// fine; fields of the wrong type are dropped with a warning naming their path.
class TraceParser final
{
public:
    static TraceParseResult parse(const QByteArray &body);
    // The same, always through QJsonDocument: what parse() falls back to when the fast
    // path (fastparse.h) declines a body.
    static TraceParseResult parseWithQt(const QByteArray &body);

    // One element of trace.functionCalls / trace.events read on its own, exactly as
    // parse() reads the element at `index` before attaching events: the incremental
    // refresh re-reads only the elements whose bytes changed, then calls assemble().
    static FunctionCall parseFunctionCall(const QJsonObject &object, qsizetype index,
                                          QStringList &warnings);
    static Event parseEvent(const QJsonObject &object, qsizetype index, QStringList &warnings);
    // Attaches `events` to `functionCalls` (whose `events` must be empty and whose
    // tryNumber is only their own), the rest into `unattached`, and fills tryNumber.
    static void assemble(QList<FunctionCall> &functionCalls, QList<Event> events,
                         QList<Event> &unattached, TraceLayout &layout);
};

} // namespace bem
