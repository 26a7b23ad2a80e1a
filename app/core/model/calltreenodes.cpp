// SPDX-License-Identifier: MIT
// The node arena behind CallTreeModel: allocation, building subtrees from a snapshot,
// renumbering siblings, the snapshot index map and the failure counts.
#include "calltreenodes.h"

#include "timelinelayout.h"

#include <QDateTime>

#include <algorithm>

namespace bem {

void CallTreeNodes::reset()
{
    m_nodes.clear();
    m_freeNodes.clear();
    m_nodeOfIndex.clear();
    m_nodes.emplace_back();
}

int CallTreeNodes::alloc()
{
    if (!m_freeNodes.empty()) {
        const int n = m_freeNodes.back();
        m_freeNodes.pop_back();
        return n;
    }
    m_nodes.emplace_back();
    return int(m_nodes.size() - 1);
}

void CallTreeNodes::freeSubtree(int node)
{
    std::vector<int> stack{node};
    while (!stack.empty()) {
        const int n = stack.back();
        stack.pop_back();
        CallTreeNode &dead = m_nodes[size_t(n)];
        stack.insert(stack.end(), dead.children.begin(), dead.children.end());
        dead = CallTreeNode{};
        m_freeNodes.push_back(n);
    }
}

int CallTreeNodes::createSubtree(const CallSnapshot &s, int index, int parentNode, int childPos,
                                 std::vector<int> *created)
{
    const auto init = [&](int n, int snapshotIndex, int parent, int pos) {
        const CallTree::Node &t = s.tree.node(snapshotIndex);
        CallTreeNode &node = m_nodes[size_t(n)];
        node.parent = parent;
        node.childPos = pos;
        node.snapshotIndex = snapshotIndex;
        node.fc = &s.call.functionCalls[snapshotIndex];
        node.occurrence = t.occurrence;
        node.parentMissing = t.parentMissing;
        node.cycleBroken = t.cycleBroken;
        node.duplicateId = t.duplicateId;
        readTimes(n);
    };
    const int top = alloc();
    init(top, index, parentNode, childPos);
    std::vector<int> built; // parents before their children
    std::vector<int> stack{top};
    while (!stack.empty()) {
        const int n = stack.back();
        stack.pop_back();
        built.push_back(n);
        const auto &snapshotChildren = s.tree.node(m_nodes[size_t(n)].snapshotIndex).children;
        std::vector<int> kids;
        kids.reserve(snapshotChildren.size());
        for (size_t pos = 0; pos < snapshotChildren.size(); ++pos) {
            const int kid = alloc();
            init(kid, snapshotChildren[pos], n, int(pos));
            kids.push_back(kid);
            stack.push_back(kid);
        }
        m_nodes[size_t(n)].children = std::move(kids);
    }
    const qint64 farFuture = farFutureLimit();
    for (auto it = built.rbegin(); it != built.rend(); ++it) {
        CallTreeNode &node = m_nodes[size_t(*it)];
        for (int c : node.children)
            node.failedBelow += failuresIn(c);
        updateSpan(*it, farFuture);
    }
    if (created)
        created->insert(created->end(), built.begin(), built.end());
    return top;
}

void CallTreeNodes::renumber(int parentNode, size_t from)
{
    const auto &children = m_nodes[size_t(parentNode)].children;
    for (size_t i = from; i < children.size(); ++i) {
        CallTreeNode &child = m_nodes[size_t(children[i])];
        child.childPos = int(i);
        child.parent = parentNode;
    }
}

void CallTreeNodes::indexSnapshot(size_t functionCallCount)
{
    m_nodeOfIndex.assign(functionCallCount, -1);
    for (size_t n = 1; n < m_nodes.size(); ++n) {
        const CallTreeNode &node = m_nodes[n];
        if (node.fc && node.snapshotIndex >= 0 && size_t(node.snapshotIndex) < m_nodeOfIndex.size())
            m_nodeOfIndex[size_t(node.snapshotIndex)] = int(n);
    }
}

void CallTreeNodes::walkOrder(std::vector<int> &order) const
{
    order.clear();
    order.reserve(m_nodes.size() - m_freeNodes.size());
    std::vector<int> stack{Root};
    while (!stack.empty()) {
        const int n = stack.back();
        stack.pop_back();
        order.push_back(n);
        const auto &children = m_nodes[size_t(n)].children;
        stack.insert(stack.end(), children.rbegin(), children.rend());
    }
}

void CallTreeNodes::recountFailures(std::vector<int> &order, std::vector<char> &changed)
{
    walkOrder(order);
    changed.assign(m_nodes.size(), 0);
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
        CallTreeNode &node = m_nodes[size_t(*it)];
        int below = 0;
        for (int c : node.children)
            below += failuresIn(c);
        if (below != node.failedBelow) {
            node.failedBelow = below;
            changed[size_t(*it)] = 1;
        }
    }
}

void CallTreeNodes::readTimes(int node)
{
    CallTreeNode &n = m_nodes[size_t(node)];
    const FunctionCall &fc = *n.fc;
    n.startMs =
        fc.startedAt.isValid() ? fc.startedAt.value.toMSecsSinceEpoch() : CallTreeNode::NoTime;
    n.endMs =
        fc.finishedAt.isValid() ? fc.finishedAt.value.toMSecsSinceEpoch() : CallTreeNode::NoTime;
    n.live = fc.status.state() == CallState::Running && n.startMs != CallTreeNode::NoTime &&
             n.endMs == CallTreeNode::NoTime;
}

qint64 CallTreeNodes::farFutureLimit()
{
    return QDateTime::currentMSecsSinceEpoch() + TimelineLayout::FarFutureMs;
}

bool CallTreeNodes::updateSpan(int node, qint64 farFutureMs)
{
    CallTreeNode &n = m_nodes[size_t(node)];
    constexpr qint64 NoTime = CallTreeNode::NoTime;
    qint64 from = NoTime, to = NoTime;
    bool liveBelow = false;
    const auto take = [&](qint64 a, qint64 b) {
        if (a != NoTime && (from == NoTime || a < from))
            from = a;
        if (b != NoTime && (to == NoTime || b > to))
            to = b;
    };
    if (node != Root) {
        liveBelow = n.live;
        // A wrong clock far ahead would squash every other bar into a sliver: it stays out
        // of the spans (its own bar reports it). Reversed times count as their start only.
        const qint64 limit = farFutureMs;
        const qint64 start = n.startMs != NoTime && n.startMs <= limit ? n.startMs : NoTime;
        qint64 end = n.endMs != NoTime && n.endMs <= limit && start != NoTime && n.endMs >= start
                         ? n.endMs
                         : start;
        if (start == NoTime && n.endMs != NoTime && n.endMs <= limit)
            end = n.endMs;
        take(start, end);
    }
    for (int c : n.children) {
        const CallTreeNode &child = m_nodes[size_t(c)];
        take(child.spanStartMs, child.spanEndMs);
        liveBelow = liveBelow || child.liveBelow;
    }
    const bool moved = from != n.spanStartMs || to != n.spanEndMs || liveBelow != n.liveBelow;
    n.spanStartMs = from;
    n.spanEndMs = to;
    n.liveBelow = liveBelow;
    return moved;
}

void CallTreeNodes::recountSpans(std::vector<int> &order, std::vector<char> &changed)
{
    walkOrder(order);
    changed.assign(m_nodes.size(), 0);
    const qint64 farFuture = farFutureLimit();
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
        if (updateSpan(*it, farFuture))
            changed[size_t(*it)] = 1;
    }
}

} // namespace bem
