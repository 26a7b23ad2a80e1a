// SPDX-License-Identifier: MIT
#pragma once

#include "calltypes.h"

#include <QHash>
#include <QStringList>

#include <memory>
#include <vector>

namespace bem {

// The parent/child structure of a call's function calls, built from their
// sourceFunctionCallID links, else (v3 traces) from sourceEventID: the function call
// that emitted that event. Stored flat (indices into the call's functionCalls, in API
// order) so that building, walking and destroying are loops, never recursion: a
// 10,000-deep chain costs no stack.
class CallTree final
{
public:
    struct Node
    {
        int parent = -1;           // index of the parent function call, -1 for a root
        int row = 0;               // position among its siblings
        std::vector<int> children; // in API order
        // named a sourceFunctionCallID that is not in the call, or a sourceEventID that no
        // function call of the call emitted
        bool parentMissing = false;
        bool cycleBroken = false; // was made a root to break a cycle of parents
        bool duplicateId = false; // shares its functionCallID with another function call
        int occurrence = 0;       // among those sharing its functionCallID: 0 for the first
    };

    static CallTree build(const QList<FunctionCall> &functionCalls);
    // Whether the tree built from `fresh` is the one built from `old`, known without
    // building it: the same number of function calls, each with the same ID and parent
    // links (sourceFunctionCallID, sourceEventID and, for the v3 links, its event IDs).
    // `unchanged` (empty, or one entry per function call) marks those known to be
    // copies of `old`'s at the same index, which need no comparing.
    static bool sameStructure(const QList<FunctionCall> &old, const QList<FunctionCall> &fresh,
                              const std::vector<char> &unchanged);

    int size() const { return int(d().nodes.size()); }
    const Node &node(int index) const { return d().nodes[size_t(index)]; }
    const std::vector<int> &roots() const { return d().roots; }
    const QStringList &warnings() const { return d().warnings; }
    // The function call with this ID and occurrence (see Node::occurrence); -1 for none.
    // A hash lookup: a refresh finds every surviving row this way, O(1) each.
    int indexOf(const QString &functionCallId, int occurrence = 0) const;
    // Whether this tree is a copy of `other` (the same shared, immutable data): a refresh
    // whose function calls kept their IDs and parents keeps the tree it had.
    bool sharesStructureWith(const CallTree &other) const
    {
        return m_data && m_data == other.m_data;
    }

private:
    struct Data
    {
        std::vector<Node> nodes;
        std::vector<int> roots;
        QStringList warnings;
        QHash<QString, int> firstById;
        // Occurrences after the first of repeated IDs (rare): (ID, occurrence) -> index.
        QHash<std::pair<QString, int>, int> repeats;
    };
    const Data &d() const;

    // Immutable once built, so copies of a tree share it (a refresh copies it in O(1)).
    std::shared_ptr<const Data> m_data;
};

} // namespace bem
