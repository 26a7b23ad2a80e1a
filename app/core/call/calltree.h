// SPDX-License-Identifier: MIT
#pragma once

#include "calltypes.h"

#include <QHash>
#include <QStringList>

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

    int size() const { return int(m_nodes.size()); }
    const Node &node(int index) const { return m_nodes[size_t(index)]; }
    const std::vector<int> &roots() const { return m_roots; }
    const QStringList &warnings() const { return m_warnings; }
    // The function call with this ID and occurrence (see Node::occurrence); -1 for none.
    // A hash lookup: a refresh finds every surviving row this way, O(1) each.
    int indexOf(const QString &functionCallId, int occurrence = 0) const;

private:
    std::vector<Node> m_nodes;
    std::vector<int> m_roots;
    QStringList m_warnings;
    QHash<QString, int> m_firstById;
    // Occurrences after the first of repeated IDs (rare): (ID, occurrence) -> index.
    QHash<std::pair<QString, int>, int> m_repeats;
};

} // namespace bem
