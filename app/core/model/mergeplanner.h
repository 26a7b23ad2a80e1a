// SPDX-License-Identifier: MIT
#pragma once

#include "callsnapshot.h"

#include <vector>

namespace bem {

// One change of a merge, in the order CallTreeModel applies it. Rows are named as the
// model shows them at that moment: function calls by their index in the older snapshot
// (`from`), positions among the child function calls of `target` (activity rows not
// counted) or among the steps of `target`.
struct MergeOp
{
    enum class Kind {
        RemoveSteps, // steps first..last of function call `target` go
        InsertSteps, // steps first..last of `target` arrive (they are the newer ones)
        ChangeSteps, // steps first..last of `target` read differently
        ChangeRows,  // child function calls first..last of `target` take their newer data
        RemoveRows,  // child function calls first..last of `target` go, with all below them
        // The newer snapshot's child function calls first..last of `target` arrive at
        // that position, with all below them (a function call that moved to another
        // parent, or among its siblings, is removed and arrives again)
        InsertRows,
        // The same as the three step kinds, for the events of `target` (positions among its
        // events). A row's event operations come before its step operations.
        RemoveEvents,
        InsertEvents,
        ChangeEvents,
    };
    Kind kind;
    int target; // index in `from`; -1 for the top level
    int first;
    int last;

    friend bool operator==(const MergeOp &a, const MergeOp &b)
    {
        return a.kind == b.kind && a.target == b.target && a.first == b.first && a.last == b.last;
    }
};

// How a newer snapshot of the same call maps onto the one shown, worked out ahead (off
// the GUI thread) so that applying it is bookkeeping. Function calls are matched by
// functionCallID (and occurrence, for repeated IDs). A row stays where it is when it has
// the same parent and is in the longest run of its siblings still in order; every other
// one is removed and inserted again.
struct MergePlan
{
    const CallSnapshot *from = nullptr;
    const CallSnapshot *to = nullptr;
    // Per function call of `from`: its index in `to` when its row stays, else -1.
    std::vector<int> keptAs;
    std::vector<MergeOp> ops;
};

// Thread-safe: reads only its arguments. O(n) hash lookups and comparisons; when `to` kept
// `from`'s tree (CallSnapshot::fromRefresh), no lookups, and only the function calls not
// copied from `from` are compared.
MergePlan planMerge(const CallSnapshot &from, const CallSnapshot &to);

} // namespace bem
