// SPDX-License-Identifier: MIT
#pragma once

#include "callsnapshot.h"

#include <QtGlobal>

#include <limits>
#include <vector>

namespace bem {

// The rows CallTreeModel shows, kept apart from the Qt model API so the model is only
// that API plus applying merges: one node per function call row in an arena of numbered
// nodes with a free list (a node keeps its number while it lives, so a row's internalId
// stays valid across merges), the packing of node numbers into internalIds, and the map
// from the snapshot's function call indexes to nodes. Leaf rows (activity steps, then
// events) have no node: they are read from their function call's steps and events.
struct CallTreeNode
{
    int parent = -1;
    int childPos = 0;       // position among the parent's child function calls
    int snapshotIndex = -1; // index in the snapshot being merged
    std::vector<int> children;
    const FunctionCall *fc = nullptr; // in the model's snapshot (the one being merged, meanwhile)
    // While its steps are inserted or removed: the steps shown meanwhile (old ones
    // not yet changed, new ones already there), so every signal sees a true state.
    const QList<ActivityEntry> *activityOverride = nullptr;
    const QList<ActivityEntry> &activity() const
    {
        return activityOverride ? *activityOverride : fc->activity;
    }
    // The same for its events. A merge changes the events of a row before its steps, and
    // the events stay pinned to the newer snapshot's until the merge ends.
    const QList<Event> *eventsOverride = nullptr;
    const QList<Event> &events() const { return eventsOverride ? *eventsOverride : fc->events; }
    int occurrence = 0; // with duplicate IDs: which one of them this is
    int failedBelow = 0;
    // The Timeline column's times (ms since the epoch, NoTime when absent), read from the
    // function call once per merge so that painting never parses a date: its own start and
    // end, and the span of its whole subtree (so a collapsed parent still shows how long
    // everything below it took). `liveBelow`: a running call at or below it, whose bar ends
    // at "now" and grows.
    static constexpr qint64 NoTime = std::numeric_limits<qint64>::min();
    qint64 startMs = NoTime;
    qint64 endMs = NoTime;
    qint64 spanStartMs = NoTime;
    qint64 spanEndMs = NoTime;
    bool live = false;
    bool liveBelow = false;
    bool parentMissing = false;
    bool cycleBroken = false;
    bool duplicateId = false;
};

class CallTreeNodes final
{
public:
    // The invisible root: its children are the top-level rows.
    static constexpr int Root = 0;

    CallTreeNodes() { reset(); }

    // Only the root is left, and nothing is indexed.
    void reset();

    CallTreeNode &operator[](int node) { return m_nodes[size_t(node)]; }
    const CallTreeNode &operator[](int node) const { return m_nodes[size_t(node)]; }

    // A fresh node (a freed number when there is one); freeSubtree() gives back `node`
    // and every node below it.
    int alloc();
    void freeSubtree(int node);

    // Builds nodes for the function call at `index` of `s` and everything below it, with
    // their failure counts, under `parentNode` at `childPos`; returns the top node. The
    // new nodes, parents before children, are appended to `created` when given.
    int createSubtree(const CallSnapshot &s, int index, int parentNode, int childPos,
                      std::vector<int> *created = nullptr);
    // The children of `parentNode` from `from` on learn their position and parent again.
    void renumber(int parentNode, size_t from);

    // Maps every live node's snapshotIndex to it, for a snapshot of `functionCallCount`.
    void indexSnapshot(size_t functionCallCount);
    // The node of the snapshot's function call `index` (-1 for the root); valid until the
    // next indexSnapshot().
    int nodeOfIndex(int index) const { return index < 0 ? Root : m_nodeOfIndex[size_t(index)]; }
    // As nodeOfIndex(), but -1 for an index out of range.
    int findNodeOfIndex(int index) const
    {
        return index < 0 || size_t(index) >= m_nodeOfIndex.size() ? -1
                                                                  : m_nodeOfIndex[size_t(index)];
    }

    bool isFailed(int node) const
    {
        return node != Root && m_nodes[size_t(node)].fc->status.state() == CallState::Failed;
    }
    // Failed function calls at `node` and below it.
    int failuresIn(int node) const
    {
        return int(isFailed(node)) + m_nodes[size_t(node)].failedBelow;
    }
    // Recounts every node's failed descendants bottom-up. `order` gets every live node,
    // parents before children and siblings in row order; `changed[node]` is set for the
    // nodes whose count moved.
    void recountFailures(std::vector<int> &order, std::vector<char> &changed);
    // Reads `node`'s own times from its function call (after it points at a newer one).
    void readTimes(int node);
    // `node`'s span from its own times and its children's spans; true when it moved.
    // Times after `farFutureMs` (a wrong clock) stay out of it.
    bool updateSpan(int node, qint64 farFutureMs);
    // The `farFutureMs` for now: TimelineLayout::FarFutureMs ahead of this clock.
    static qint64 farFutureLimit();
    // Recomputes every subtree span bottom-up, as recountFailures() does the counts.
    void recountSpans(std::vector<int> &order, std::vector<char> &changed);

    // The steps of `node`: its first rows.
    int activityCount(int node) const
    {
        return node == Root ? 0 : int(m_nodes[size_t(node)].activity().size());
    }
    // Rows under `node` before its child function calls: its steps, then its events.
    int leafCount(int node) const
    {
        if (node == Root)
            return 0;
        const CallTreeNode &n = m_nodes[size_t(node)];
        return int(n.activity().size() + n.events().size());
    }
    // The row of `node` under its parent.
    int rowOf(int node) const
    {
        const CallTreeNode &n = m_nodes[size_t(node)];
        return leafCount(n.parent) + n.childPos;
    }

    // internalId of a function call row is its node number, scrambled; a leaf row (a step
    // or an event) packs its (row + 1) above the owning node's, so it needs no node of its
    // own.
    static quintptr nodeId(int node) { return quintptr(quint32(node) * Scramble); }
    static bool isLeafId(quintptr id) { return (id >> ActivityShift) != 0; }
    static int ownerOf(quintptr id) { return int(quint32(id & NodeMask) * Unscramble); }
    static int leafRowOf(quintptr id) { return int(id >> ActivityShift) - 1; }
    static quintptr leafId(int owner, int row)
    {
        return (quintptr(row + 1) << ActivityShift) | nodeId(owner);
    }

private:
    // Every live node, parents before children and siblings in row order.
    void walkOrder(std::vector<int> &order) const;

    static constexpr quintptr NodeMask = 0xffffffffu;
    static constexpr int ActivityShift = 32;
    // qHash(QModelIndex) is row * 16 + column + internalId, and QHash uses it as it is (for
    // persistent indexes, QSortFilterProxyModel's mappings): consecutive node numbers there
    // pile up into probe chains that made walking 100k rows through a proxy take seconds.
    // Multiplying by an odd constant (mod 2^32) spreads them and is undone by its inverse.
    static constexpr quint32 Scramble = 0x9e3779b1u;
    static constexpr quint32 Unscramble = 0x0e8b2f51u;
    static_assert(quint32(Scramble * Unscramble) == 1u, "Unscramble must undo Scramble");
    static_assert(sizeof(quintptr) >= 8, "leaf rows pack their row into the upper 32 bits");

    std::vector<CallTreeNode> m_nodes;
    std::vector<int> m_freeNodes;
    std::vector<int> m_nodeOfIndex; // the snapshot's function call index -> node
};

} // namespace bem
