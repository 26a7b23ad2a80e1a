// SPDX-License-Identifier: MIT
#pragma once

#include "callloader.h"
#include "callsnapshot.h"

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

// What loadCall(body, previous) did, for tests and the benchmark.
struct IncrementalLoadStats
{
    // The result came from the incremental path (false: it fell back to the full parse).
    bool incremental = false;
    // Function calls taken from `previous` because their bytes were identical, and those
    // read again.
    qsizetype reused = 0;
    qsizetype reparsed = 0;
    // Why the full parse was used (empty when it was not).
    QString fallbackReason;
};

// A refresh of a call already shown. The same result as loadCall(body) — the
// same call, warnings, errors and tree — but function-call objects whose bytes are
// identical to one in `previous` are not parsed again: at 100,000 function calls with 1%
// changed, the full parse was most of a refresh. Whenever anything is unexpected (no
// previous, a previous with parse warnings, a body the strict scan does not understand,
// any warning or error on the way), it simply does the full loadCall(body), so bad input
// gets exactly the usual errors.
LoadedCall loadCall(const QByteArray &body, const CallSnapshotPtr &previous,
                    IncrementalLoadStats *stats = nullptr);

} // namespace bem
