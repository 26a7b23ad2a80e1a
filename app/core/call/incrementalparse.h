// SPDX-License-Identifier: MIT
#pragma once

// LoadedCall and both loadCall() overloads are declared there (the incremental one is
// implemented in incrementalparse.cpp, beside the scan it uses).
#include "callloader.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <utility>
#include <vector>

namespace bem {

// Where call.functionCalls is in a response body, found by a strict structural scan
// (no values decoded): the array's brackets and the byte span [first, second) of each
// element. Not found (std::nullopt) whenever the scan meets anything it does not expect.
struct FunctionCallsLocation
{
    qsizetype arrayOpen = -1;  // offset of '['
    qsizetype arrayClose = -1; // offset of ']'
    std::vector<std::pair<qsizetype, qsizetype>> elements;
};
std::optional<FunctionCallsLocation> locateFunctionCalls(const QByteArray &body);

// Where trace.functionCalls and trace.events are in a v3 trace body, found the same way.
// An array that is absent is not `has…` (and has no elements).
struct TraceLocation
{
    FunctionCallsLocation functionCalls;
    FunctionCallsLocation events;
    bool hasFunctionCalls = false;
    bool hasEvents = false;
};
std::optional<TraceLocation> locateTraceArrays(const QByteArray &body);

struct TraceParseResult;
struct CallSnapshot;
struct IncrementalLoadStats;
// The trace part of a v3 refresh (traceincremental.cpp): the same result as
// TraceParser::parse(traceBody), but function calls and events whose bytes are identical
// to one in `previous` (a v3 snapshot with its trace) are taken from it. std::nullopt,
// with stats.fallbackReason, whenever anything is unexpected: the caller then does the
// full parse.
std::optional<TraceParseResult> parseTraceIncrementally(const QByteArray &traceBody,
                                                        const CallSnapshot &previous,
                                                        IncrementalLoadStats &stats);

// What loadCall(body, previous) (callloader.h) did, for tests and the benchmark.
struct IncrementalLoadStats
{
    // The result came from the incremental path (false: it fell back to the full parse).
    bool incremental = false;
    // Function calls taken from `previous` because their bytes were identical, and those
    // read again.
    qsizetype reused = 0;
    qsizetype reparsed = 0;
    // v3 trace events, likewise.
    qsizetype eventsReused = 0;
    qsizetype eventsReparsed = 0;
    // v3: the call part (the call body's bytes were the same) was taken from `previous`.
    bool callReused = false;
    // Why the full parse was used (empty when it was not).
    QString fallbackReason;
};

} // namespace bem
