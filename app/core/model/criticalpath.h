// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

#include <optional>
#include <vector>

namespace bem {

struct CallSnapshot;

// One function call as the critical path sees it: its parent (an index into the same
// list; -1, or an index that is out of range, for a top-level one) and its times in
// milliseconds since the epoch (a running call's end is "now").
struct TimedNode
{
    int parent = -1;
    std::optional<qint64> startMs;
    std::optional<qint64> endMs;
};

// The chain of function calls that decided when a call finished, earliest first: from
// the last-finishing leaf back through its parents, and at each step through the sibling
// that finished last before it started (the one it waited for), down to that sibling's
// own last-finishing leaf. Ties go to the one first in the list (API order). Calls with a
// missing or reversed time are never chosen as a leaf or a gate, but a parent is on the
// chain whatever its times. Parent links that loop are followed only once. Iterative, no
// recursion; O(n log n).
std::vector<int> criticalPath(const std::vector<TimedNode> &nodes);

// The same over a snapshot's function calls (their indexes), with its tree's parents (so
// orphans and cycles are broken as CallTree breaks them); running calls end at `nowMs`.
std::vector<int> criticalPath(const CallSnapshot &snapshot, qint64 nowMs);

} // namespace bem
