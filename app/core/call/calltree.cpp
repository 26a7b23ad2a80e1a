// SPDX-License-Identifier: MIT
#include "calltree.h"

#include <QHash>

namespace bem {
namespace {

QString describe(const FunctionCall &fc, int index)
{
    const QString id = fc.functionCallId.isEmpty() ? QStringLiteral("(no ID)") : fc.functionCallId;
    return QStringLiteral("function call %1 (#%2)").arg(id.left(120)).arg(index);
}

} // namespace

const CallTree::Data &CallTree::d() const
{
    static const Data empty;
    return m_data ? *m_data : empty;
}

bool CallTree::sameStructure(const QList<FunctionCall> &old, const QList<FunctionCall> &fresh,
                             const std::vector<char> &unchanged)
{
    const qsizetype n = old.size();
    if (fresh.size() != n || (!unchanged.empty() && qsizetype(unchanged.size()) != n))
        return false;
    for (qsizetype i = 0; i < n; ++i) {
        if (!unchanged.empty() && unchanged[size_t(i)])
            continue;
        const FunctionCall &a = old[i];
        const FunctionCall &b = fresh[i];
        if (a.functionCallId != b.functionCallId ||
            a.sourceFunctionCallId != b.sourceFunctionCallId ||
            a.sourceEventId != b.sourceEventId || a.events.size() != b.events.size())
            return false;
        for (qsizetype e = 0; e < a.events.size(); ++e) {
            if (a.events[e].eventId != b.events[e].eventId)
                return false;
        }
    }
    return true;
}

CallTree CallTree::build(const QList<FunctionCall> &functionCalls)
{
    auto data = std::make_shared<Data>();
    Data &tree = *data;
    const int n = int(functionCalls.size());
    tree.nodes.resize(size_t(n));

    // Parents are looked up by ID; with duplicate IDs the first one met is the parent.
    QHash<QString, int> &firstById = tree.firstById;
    firstById.reserve(n);
    QHash<QString, int> seenCount; // only for repeated IDs
    for (int i = 0; i < n; ++i) {
        const QString &id = functionCalls[i].functionCallId;
        const auto it = firstById.constFind(id);
        if (it == firstById.constEnd()) {
            firstById.insert(id, i);
        } else if (id.isEmpty()) {
            // Function calls without an ID are keyed by their order among themselves.
            const int occurrence = ++seenCount[id];
            tree.nodes[size_t(i)].occurrence = occurrence;
            tree.repeats.insert({id, occurrence}, i);
        } else {
            const int occurrence = ++seenCount[id];
            tree.nodes[size_t(i)].occurrence = occurrence;
            tree.repeats.insert({id, occurrence}, i);
            tree.nodes[size_t(*it)].duplicateId = true;
            tree.nodes[size_t(i)].duplicateId = true;
            tree.warnings << QStringLiteral("%1 repeats the ID of #%2; both are shown")
                                 .arg(describe(functionCalls[i], i))
                                 .arg(*it);
        }
    }

    // v3 traces name the event that spawned a function call; its parent is the function
    // call that emitted that event. Only built when some function call needs it.
    QHash<QString, int> emitterOfEvent;
    bool needEvents = false;
    for (int i = 0; i < n && !needEvents; ++i)
        needEvents = functionCalls[i].sourceFunctionCallId.isEmpty() &&
                     !functionCalls[i].sourceEventId.isEmpty();
    if (needEvents) {
        for (int i = 0; i < n; ++i) {
            for (const Event &event : functionCalls[i].events) {
                if (!event.eventId.isEmpty())
                    emitterOfEvent.insert(event.eventId, i); // the first emitter wins
            }
        }
    }

    for (int i = 0; i < n; ++i) {
        const QString &source = functionCalls[i].sourceFunctionCallId;
        if (source.isEmpty()) {
            const QString &sourceEvent = functionCalls[i].sourceEventId;
            if (sourceEvent.isEmpty())
                continue;
            const int parent = emitterOfEvent.value(sourceEvent, -1);
            if (parent < 0) {
                tree.nodes[size_t(i)].parentMissing = true;
                tree.warnings << QStringLiteral("%1 names source event %2, which no function "
                                                "call of this trace emitted; shown at the "
                                                "top level")
                                     .arg(describe(functionCalls[i], i), sourceEvent.left(120));
            } else {
                tree.nodes[size_t(i)].parent = parent;
            }
            continue;
        }
        const int parent = firstById.value(source, -1);
        if (parent < 0) {
            tree.nodes[size_t(i)].parentMissing = true;
            tree.warnings << QStringLiteral("%1 names parent %2, which is not in this call; "
                                            "shown at the top level")
                                 .arg(describe(functionCalls[i], i), source.left(120));
        } else {
            tree.nodes[size_t(i)].parent = parent;
        }
    }

    // Find cycles by walking up from each node, in API order. A walk that meets a node of
    // its own path has found a cycle; the cycle member met first in API order becomes a
    // root, which turns the loop into a chain. Each node is walked once: O(n).
    enum : char { Unvisited, OnPath, Done };
    std::vector<char> state(size_t(n), Unvisited);
    std::vector<int> pathPos(size_t(n), -1);
    std::vector<int> path;
    for (int start = 0; start < n; ++start) {
        if (state[size_t(start)] != Unvisited)
            continue;
        path.clear();
        int j = start;
        while (j >= 0 && state[size_t(j)] == Unvisited) {
            state[size_t(j)] = OnPath;
            pathPos[size_t(j)] = int(path.size());
            path.push_back(j);
            j = tree.nodes[size_t(j)].parent;
        }
        if (j >= 0 && state[size_t(j)] == OnPath) {
            int first = j;
            for (size_t k = size_t(pathPos[size_t(j)]); k < path.size(); ++k)
                first = std::min(first, path[k]);
            Node &breaker = tree.nodes[size_t(first)];
            const int cycleLength = int(path.size()) - pathPos[size_t(j)];
            tree.warnings << (cycleLength == 1
                                  ? QStringLiteral("%1 names itself as its parent; shown at "
                                                   "the top level")
                                        .arg(describe(functionCalls[first], first))
                                  : QStringLiteral("%1 is in a cycle of %2 parents; shown at "
                                                   "the top level to break it")
                                        .arg(describe(functionCalls[first], first))
                                        .arg(cycleLength));
            breaker.parent = -1;
            breaker.cycleBroken = true;
        }
        for (int k : path)
            state[size_t(k)] = Done;
    }

    for (int i = 0; i < n; ++i) {
        Node &node = tree.nodes[size_t(i)];
        std::vector<int> &siblings =
            node.parent < 0 ? tree.roots : tree.nodes[size_t(node.parent)].children;
        node.row = int(siblings.size());
        siblings.push_back(i);
    }
    CallTree result;
    result.m_data = std::move(data);
    return result;
}

int CallTree::indexOf(const QString &functionCallId, int occurrence) const
{
    if (occurrence == 0)
        return d().firstById.value(functionCallId, -1);
    return d().repeats.value({functionCallId, occurrence}, -1);
}

} // namespace bem
