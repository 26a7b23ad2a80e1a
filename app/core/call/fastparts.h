// SPDX-License-Identifier: MIT
#pragma once

// The fast path's pieces shared by the full parse (fastparse.cpp) and the incremental
// refresh parse (fastincremental.cpp).

#include "callparser.h"
#include "simdreader.h"

#include <functional>
#include <optional>

namespace bem::fast {

// Reads one element of call.functionCalls into `out` (appending), or declines.
using ElementReader = std::function<bool(od::value element, Context &c, QList<FunctionCall> &out)>;

// One function call; `trace`: a v3 trace's (see readFunctionCall in callparts.h).
bool readFunctionCall(od::object o, Context &c, bool trace, FunctionCall &fc);
// A whole {"call": …} response; `elements`, when given, reads call.functionCalls'
// elements instead of readFunctionCall.
std::optional<ParseResult> parseCallResponse(const QByteArray &body, bool v3,
                                             const ElementReader *elements);

} // namespace bem::fast
