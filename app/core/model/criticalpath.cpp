// SPDX-License-Identifier: MIT
#include "criticalpath.h"

#include "callsnapshot.h"

#include <algorithm>

namespace bem {
namespace {

bool hasTimes(const TimedNode &n)
{
    return n.startMs && n.endMs && *n.endMs >= *n.startMs;
}

} // namespace

std::vector<int> criticalPath(const std::vector<TimedNode> &nodes)
{
    const int count = int(nodes.size());
    const auto parentOf = [&](int i) {
        const int p = nodes[size_t(i)].parent;
        return p >= 0 && p < count && p != i ? p : -1;
    };
    std::vector<std::vector<int>> children(static_cast<size_t>(count));
    std::vector<int> roots;
    for (int i = 0; i < count; ++i) {
        const int p = parentOf(i);
        (p < 0 ? roots : children[size_t(p)]).push_back(i);
    }
    // Per node, the last-finishing leaf at or below it (-1: none with times). Post-order
    // from the roots: nodes caught in a loop of parents are never reached, so never chosen.
    std::vector<int> lastLeaf(static_cast<size_t>(count), -1);
    const auto later = [&](int a, int b) { // is leaf a a better pick than leaf b?
        if (b < 0)
            return a >= 0;
        if (a < 0)
            return false;
        const qint64 ea = *nodes[size_t(a)].endMs, eb = *nodes[size_t(b)].endMs;
        return ea > eb || (ea == eb && a < b);
    };
    std::vector<int> order;
    order.reserve(size_t(count));
    std::vector<int> stack(roots.rbegin(), roots.rend());
    while (!stack.empty()) {
        const int n = stack.back();
        stack.pop_back();
        order.push_back(n);
        stack.insert(stack.end(), children[size_t(n)].rbegin(), children[size_t(n)].rend());
    }
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
        const int n = *it;
        int best = -1;
        if (children[size_t(n)].empty()) {
            if (hasTimes(nodes[size_t(n)]))
                best = n;
        } else {
            for (int c : children[size_t(n)]) {
                if (later(lastLeaf[size_t(c)], best))
                    best = lastLeaf[size_t(c)];
            }
        }
        lastLeaf[size_t(n)] = best;
    }
    int leaf = -1;
    for (int r : roots) {
        if (later(lastLeaf[size_t(r)], leaf))
            leaf = lastLeaf[size_t(r)];
    }
    std::vector<int> path;
    if (leaf < 0)
        return path;

    std::vector<char> onPath(static_cast<size_t>(count), 0);
    int current = leaf;
    while (current >= 0 && !onPath[size_t(current)]) {
        onPath[size_t(current)] = 1;
        path.push_back(current);
        const TimedNode &cur = nodes[size_t(current)];
        const int parent = parentOf(current);
        // The sibling that finished last before this one started: it held this one up.
        int gate = -1;
        if (cur.startMs) {
            const std::vector<int> &siblings = parent < 0 ? roots : children[size_t(parent)];
            for (int s : siblings) {
                const TimedNode &sib = nodes[size_t(s)];
                if (s == current || onPath[size_t(s)] || !hasTimes(sib) ||
                    *sib.endMs > *cur.startMs)
                    continue;
                if (gate < 0 || *sib.endMs > *nodes[size_t(gate)].endMs)
                    gate = s;
            }
        }
        if (gate >= 0) {
            // Through the gate's own last-finishing leaf, which climbs back up to the gate,
            // unless that leaf ran on past this one's start (then it gated nothing here).
            const int below = lastLeaf[size_t(gate)];
            const bool belowGated =
                below >= 0 && !onPath[size_t(below)] && *nodes[size_t(below)].endMs <= *cur.startMs;
            current = belowGated ? below : gate;
            continue;
        }
        current = parent;
    }
    std::reverse(path.begin(), path.end());
    return path;
}

std::vector<int> criticalPath(const CallSnapshot &snapshot, qint64 nowMs)
{
    const QList<FunctionCall> &calls = snapshot.call.functionCalls;
    std::vector<TimedNode> nodes(size_t(calls.size()));
    for (qsizetype i = 0; i < calls.size(); ++i) {
        const FunctionCall &fc = calls[i];
        TimedNode &n = nodes[size_t(i)];
        n.parent = i < snapshot.tree.size() ? snapshot.tree.node(int(i)).parent : -1;
        if (fc.startedAt.isValid())
            n.startMs = fc.startedAt.value.toMSecsSinceEpoch();
        if (fc.finishedAt.isValid())
            n.endMs = fc.finishedAt.value.toMSecsSinceEpoch();
        else if (n.startMs && fc.status.state() == CallState::Running)
            n.endMs = std::max(nowMs, *n.startMs);
    }
    return criticalPath(nodes);
}

} // namespace bem
