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

// What loadCall(body, previous) (callloader.h) did, for tests and the benchmark.
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

} // namespace bem
