// SPDX-License-Identifier: MIT
#pragma once

#include "callloader.h"

#include <QByteArray>

#include <memory>
#include <optional>

namespace bem {
struct CallSnapshot;
struct IncrementalLoadStats;
} // namespace bem

namespace bem::fast {

// A v2 refresh read on the fast path (fastincremental.cpp): what loadCall(body) gives,
// with the function calls whose bytes did not change taken from `previous`. std::nullopt
// when anything is unexpected; the caller then goes the scanning way or parses it all.
// When no function call changed its ID or parent links, the snapshot keeps `previous`'s
// tree and records its lineage (CallSnapshot::fromRefresh).
std::optional<LoadedCall> loadIncrementally(const QByteArray &body,
                                            const std::shared_ptr<const CallSnapshot> &previous,
                                            IncrementalLoadStats &stats);

} // namespace bem::fast
