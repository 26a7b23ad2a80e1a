// SPDX-License-Identifier: MIT
#pragma once

// The fast path of every response parser: simdjson On-Demand read straight into Call,
// FunctionCall and Event, with repeated values shared. std::nullopt means "declined": the
// body is not valid JSON to simdjson, or has a shape the fast path leaves to the Qt path
// (any field the Qt path would warn about, a null where v2 expects a value, a duplicated
// key, an unknown value too deep or wide to rebuild cheaply). The public parsers
// (CallParser, TraceParser, EventPageParser) try it first and fall back to their Qt path,
// so the result is the same either way (tst_fastparse and the fuzzer compare them).

#include "callparser.h"
#include "eventparser.h"
#include "traceparser.h"

#include <QByteArray>

#include <optional>

namespace bem::fast {

std::optional<ParseResult> parseCall(const QByteArray &body);
std::optional<ParseResult> parseCallV3(const QByteArray &body);
std::optional<TraceParseResult> parseTrace(const QByteArray &body);
std::optional<EventPageParseResult> parseEventPage(const QByteArray &body, EventPageKind kind);

} // namespace bem::fast
