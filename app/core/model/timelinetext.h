// SPDX-License-Identifier: MIT
#pragma once

#include "calltypes.h"

#include <QString>

#include <optional>

namespace bem {

// The Timeline column's tooltip for a function call: start and end in local time, its
// duration (so far, while running), its offset from the call's start, and how long it
// waited before it started: from `spawnedAtMs` (the parent's event that spawned it, else
// the parent's start) to its own start. Made safe (plainToolTip()).
QString timelineToolTip(const FunctionCall &fc, std::optional<qint64> callStartMs,
                        std::optional<qint64> spawnedAtMs, qint64 nowMs);
// The same for an event row: when it was emitted, and its offset from the call's start.
QString timelineEventToolTip(const Event &event, std::optional<qint64> callStartMs);

} // namespace bem
