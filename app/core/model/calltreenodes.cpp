// SPDX-License-Identifier: MIT
// The node arena behind CallTreeModel: allocation, building subtrees from a snapshot,
// renumbering siblings, the snapshot index map and the failure counts.
#include "calltreenodes.h"

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
    for (auto it = built.rbegin(); it != built.rend(); ++it) {
        CallTreeNode &node = m_nodes[size_t(*it)];
        for (int c : node.children)
            node.failedBelow += failuresIn(c);
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

void CallTreeNodes::recountFailures(std::vector<int> &order, std::vector<char> &changed)
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

} // namespace bem
