// SPDX-License-Identifier: MIT
#include "calltreemodel.h"

#include "backgroundpool.h"
#include "formatting.h"

#include <QFont>
#include <QHash>

#include <algorithm>

#include <utility>

namespace bem {
namespace {

using Nodes = CallTreeNodes;
constexpr int RootNode = CallTreeNodes::Root;

// The rows of a large call take a while to free: not on the GUI thread.
void releaseRowsOffThread(CallTreeNodes &&rows, int functionCallCount)
{
    if (functionCallCount < 1000)
        return;
    backgroundPool()->start(
        [doomed = std::make_shared<CallTreeNodes>(std::move(rows))]() mutable { doomed.reset(); });
}

} // namespace

CallTreeModel::CallTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{}

CallTreeModel::~CallTreeModel() = default;

void CallTreeModel::clear()
{
    beginResetModel();
    releaseRowsOffThread(std::exchange(m_nodes, CallTreeNodes()), m_functionCallCount);
    releaseOffThread(std::exchange(m_snapshot, nullptr));
    m_callId.clear();
    m_loaded = false;
    m_functionCallCount = 0;
    endResetModel();
    Q_EMIT snapshotApplied();
    setCounts({});
}

void CallTreeModel::setSnapshot(const CallSnapshot &snapshot)
{
    // Implicitly shared parts: copying the call's list of function calls is a refcount.
    setSnapshot(std::make_shared<const CallSnapshot>(snapshot));
}

CallTreeNodes CallTreeModel::buildRows(const CallSnapshot &s)
{
    CallTreeNodes nodes;
    const auto &roots = s.tree.roots();
    std::vector<int> children;
    children.reserve(roots.size());
    for (size_t pos = 0; pos < roots.size(); ++pos)
        children.push_back(nodes.createSubtree(s, roots[pos], RootNode, int(pos)));
    nodes[RootNode].children = std::move(children);
    nodes.updateSpan(RootNode, CallTreeNodes::farFutureLimit());
    nodes.indexSnapshot(size_t(s.call.functionCalls.size()));
    return nodes;
}

void CallTreeModel::setSnapshot(const CallSnapshotPtr &snapshot, CallTreeNodes &&rows)
{
    if (!snapshot || (m_loaded && snapshot->call.callId == m_callId)) {
        setSnapshot(snapshot);
        return;
    }
    resetTo(snapshot, &rows);
}

void CallTreeModel::setSnapshot(const CallSnapshotPtr &snapshot, const MergePlan *plan)
{
    if (!snapshot) {
        clear();
        return;
    }
    const CallSnapshot &s = *snapshot;
    if (!m_loaded || s.call.callId != m_callId) {
        resetTo(snapshot, nullptr);
        return;
    }
    // The rows of the snapshot shown so far point into it until the merge has moved them.
    CallSnapshotPtr previous = m_snapshot;
    const StatusCounts counts = countStatuses(s.call.functionCalls);

    // A plan made against another state than the one shown would misread node indexes.
    MergePlan ownPlan;
    if (!plan || plan->from != m_snapshot.get() || plan->to != &s) {
        ownPlan = bem::planMerge(*m_snapshot, s);
        plan = &ownPlan;
    }
    m_touched.clear();
    m_failuresMoved = false;
    m_spansMoved = false;
    m_rowsAnnounced.clear();
    m_merging = true;
    for (const MergeOp &op : plan->ops)
        applyOp(s, *plan, op);
    m_merging = false;
    // Rows that stayed unchanged still point into the older snapshot (equal data, so no
    // one could tell): now they move over, with the others that stayed.
    for (size_t i = 0; i < plan->keptAs.size(); ++i) {
        const int j = plan->keptAs[i];
        if (j < 0)
            continue;
        CallTreeNode &node = m_nodes[m_nodes.nodeOfIndex(int(i))];
        node.snapshotIndex = j;
        node.fc = &s.call.functionCalls[j];
    }
    for (int n : m_pinnedEvents)
        m_nodes[n].eventsOverride = nullptr;
    m_pinnedEvents.clear();
    m_snapshot = snapshot;
    indexNodes();
    releaseOffThread(std::move(previous));
    m_functionCallCount = int(s.call.functionCalls.size());
    if (m_failuresMoved)
        updateFailedCounts();
    if (m_spansMoved)
        updateSpans();
    Q_EMIT snapshotApplied();
    if (!m_touched.empty()) {
        QList<QPersistentModelIndex> rows;
        rows.reserve(qsizetype(m_touched.size()));
        for (int n : m_touched)
            rows.append(QPersistentModelIndex(indexOfNode(n)));
        m_touched.clear();
        Q_EMIT statusesChanged(rows);
    }
    setCounts(counts);
}

// Shows a different call: `rows` built for it by buildRows(), or built here when null.
void CallTreeModel::resetTo(const CallSnapshotPtr &snapshot, CallTreeNodes *rows)
{
    const CallSnapshot &s = *snapshot;
    CallSnapshotPtr previous = m_snapshot;
    const StatusCounts counts = countStatuses(s.call.functionCalls);
    beginResetModel();
    releaseRowsOffThread(std::exchange(m_nodes, rows ? std::move(*rows) : buildRows(s)),
                         m_functionCallCount);
    m_snapshot = snapshot;
    m_callId = s.call.callId;
    m_loaded = true;
    m_functionCallCount = int(s.call.functionCalls.size());
    endResetModel();
    releaseOffThread(std::move(previous));
    Q_EMIT snapshotApplied();
    setCounts(counts);
}

void CallTreeModel::indexNodes()
{
    m_nodes.indexSnapshot(m_snapshot ? size_t(m_snapshot->call.functionCalls.size()) : 0);
}

MergePlan CallTreeModel::planMerge(const CallSnapshot &from, const CallSnapshot &to)
{
    return bem::planMerge(from, to);
}

void CallTreeModel::setCounts(const StatusCounts &counts)
{
    if (counts == m_counts)
        return;
    m_counts = counts;
    Q_EMIT countsChanged();
}

QModelIndex CallTreeModel::indexForFunctionCallId(const QString &functionCallId) const
{
    if (!m_snapshot)
        return {};
    const int i = m_snapshot->tree.indexOf(functionCallId, 0);
    const int node = m_nodes.findNodeOfIndex(i);
    return node > RootNode ? indexOfNode(node) : QModelIndex();
}

// Recounts every node's failed descendants bottom-up after a merge moved some, and tells
// the views about the rows whose count changed, one signal per run of siblings. Rows
// created by this merge were counted when built, so they never show up as changed.
void CallTreeModel::updateFailedCounts()
{
    std::vector<int> order; // parents before children, siblings in row order
    std::vector<char> changed;
    m_nodes.recountFailures(order, changed);
    emitChangedRuns(order, changed, NameColumn, {FailedDescendantsRole});
}

// The same for the subtree spans the Timeline column draws for collapsed parents: one
// integer pass per merge that moved a time, never per paint.
void CallTreeModel::updateSpans()
{
    std::vector<int> order;
    std::vector<char> changed;
    m_nodes.recountSpans(order, changed);
    for (int n : m_rowsAnnounced)
        changed[size_t(n)] = 0;
    m_rowsAnnounced.clear();
    emitChangedRuns(order, changed, TimelineColumn,
                    {TimelineSpanStartRole, TimelineSpanEndRole, TimelineSubtreeLiveRole});
}

void CallTreeModel::emitChangedRuns(const std::vector<int> &order, const std::vector<char> &changed,
                                    int column, const QList<int> &roles)
{
    for (int p : order) {
        const auto &children = m_nodes[p].children;
        QModelIndex parentIndex;
        bool haveParentIndex = false;
        for (size_t k = 0; k < children.size();) {
            if (!changed[size_t(children[k])]) {
                ++k;
                continue;
            }
            size_t end = k + 1;
            while (end < children.size() && changed[size_t(children[end])])
                ++end;
            if (!haveParentIndex) {
                parentIndex = indexOfNode(p);
                haveParentIndex = true;
            }
            const int base = m_nodes.leafCount(p);
            Q_EMIT dataChanged(index(base + int(k), column, parentIndex),
                               index(base + int(end) - 1, column, parentIndex), roles);
            k = end;
        }
    }
}

int CallTreeModel::createSubtree(const CallSnapshot &s, int index, int parentNode, int childPos)
{
    if (!m_merging)
        return m_nodes.createSubtree(s, index, parentNode, childPos);
    const int top = m_nodes.createSubtree(s, index, parentNode, childPos, &m_touched);
    m_spansMoved = true;
    if (m_nodes.failuresIn(top) > 0)
        m_failuresMoved = true;
    return top;
}

void CallTreeModel::applyOp(const CallSnapshot &s, const MergePlan &plan, const MergeOp &op)
{
    const int n = m_nodes.nodeOfIndex(op.target);
    switch (op.kind) {
    case MergeOp::Kind::RemoveSteps:
    case MergeOp::Kind::InsertSteps: {
        // The steps that stay keep their old data meanwhile, through activityOverride, so
        // every signal sees a true state; the changed ones are announced next.
        CallTreeNode &node = m_nodes[n];
        const FunctionCall &fresh = s.call.functionCalls[plan.keptAs[size_t(op.target)]];
        const QModelIndex self = indexOfNode(n);
        QList<ActivityEntry> between;
        if (op.kind == MergeOp::Kind::RemoveSteps) {
            between = node.fc->activity.mid(0, op.first);
            beginRemoveRows(self, op.first, op.last);
            node.activityOverride = &between;
            endRemoveRows();
        } else {
            between = node.fc->activity + fresh.activity.mid(op.first);
            beginInsertRows(self, op.first, op.last);
            node.activityOverride = &between;
            endInsertRows();
        }
        node.activityOverride = nullptr;
        node.fc = &fresh;
        m_nodes.readTimes(n);
        return;
    }
    case MergeOp::Kind::ChangeSteps: {
        m_nodes[n].fc = &s.call.functionCalls[plan.keptAs[size_t(op.target)]];
        const QModelIndex self = indexOfNode(n);
        Q_EMIT dataChanged(index(op.first, 0, self), index(op.last, ColumnCount - 1, self));
        return;
    }
    case MergeOp::Kind::RemoveEvents:
    case MergeOp::Kind::InsertEvents:
    case MergeOp::Kind::ChangeEvents:
        applyEventsOp(plan, op, n);
        return;
    case MergeOp::Kind::ChangeRows: {
        for (int pos = op.first; pos <= op.last; ++pos)
            updateNode(s, plan, m_nodes[n].children[size_t(pos)]);
        const QModelIndex parentIndex = indexOfNode(n);
        const int base = m_nodes.leafCount(n);
        Q_EMIT dataChanged(index(base + op.first, 0, parentIndex),
                           index(base + op.last, ColumnCount - 1, parentIndex));
        return;
    }
    case MergeOp::Kind::RemoveRows: {
        const int base = m_nodes.leafCount(n);
        beginRemoveRows(indexOfNode(n), base + op.first, base + op.last);
        auto &children = m_nodes[n].children;
        const std::vector<int> doomed(children.begin() + op.first, children.begin() + op.last + 1);
        children.erase(children.begin() + op.first, children.begin() + op.last + 1);
        m_spansMoved = true;
        for (int d : doomed) {
            if (m_nodes.failuresIn(d) > 0)
                m_failuresMoved = true;
            m_nodes.freeSubtree(d);
        }
        m_nodes.renumber(n, size_t(op.first));
        endRemoveRows();
        return;
    }
    case MergeOp::Kind::InsertRows: {
        const int newParent = op.target < 0 ? -1 : plan.keptAs[size_t(op.target)];
        const std::vector<int> &wanted =
            newParent < 0 ? s.tree.roots() : s.tree.node(newParent).children;
        const int base = m_nodes.leafCount(n);
        beginInsertRows(indexOfNode(n), base + op.first, base + op.last);
        std::vector<int> created;
        created.reserve(size_t(op.last - op.first + 1));
        for (int x = op.first; x <= op.last; ++x)
            created.push_back(createSubtree(s, wanted[size_t(x)], n, 0));
        auto &children = m_nodes[n].children;
        children.insert(children.begin() + op.first, created.begin(), created.end());
        m_nodes.renumber(n, size_t(op.first));
        endInsertRows();
        return;
    }
    }
}

// The events of a row that stays, before its steps change: the events shown are pinned to
// the newer snapshot's from here on (see CallTreeNode::eventsOverride).
void CallTreeModel::applyEventsOp(const MergePlan &plan, const MergeOp &op, int n)
{
    CallTreeNode &node = m_nodes[n];
    const FunctionCall &fresh = plan.to->call.functionCalls[plan.keptAs[size_t(op.target)]];
    const QModelIndex self = indexOfNode(n);
    const int base = int(node.activity().size());
    if (node.eventsOverride != &fresh.events)
        m_pinnedEvents.push_back(n);
    QList<Event> between;
    switch (op.kind) {
    case MergeOp::Kind::RemoveEvents:
        between = node.events().mid(0, op.first);
        beginRemoveRows(self, base + op.first, base + op.last);
        node.eventsOverride = &between;
        endRemoveRows();
        break;
    case MergeOp::Kind::InsertEvents:
        between = node.events() + fresh.events.mid(op.first);
        beginInsertRows(self, base + op.first, base + op.last);
        node.eventsOverride = &between;
        endInsertRows();
        break;
    default:
        node.eventsOverride = &fresh.events;
        Q_EMIT dataChanged(index(base + op.first, 0, self),
                           index(base + op.last, ColumnCount - 1, self));
        break;
    }
    node.eventsOverride = &fresh.events;
}

// A row that stays takes its newer data; its steps were brought up to date before.
void CallTreeModel::updateNode(const CallSnapshot &s, const MergePlan &plan, int n)
{
    CallTreeNode &node = m_nodes[n];
    const int j = plan.keptAs[size_t(node.snapshotIndex)];
    const FunctionCall &fresh = s.call.functionCalls[j];
    // Not node.fc: its steps may have moved it over already.
    const FunctionCall &old = plan.from->call.functionCalls[node.snapshotIndex];
    if (old.status != fresh.status) {
        m_touched.push_back(n);
        if ((old.status.state() == CallState::Failed) !=
            (fresh.status.state() == CallState::Failed))
            m_failuresMoved = true;
    }
    const CallTree::Node &t = s.tree.node(j);
    node.fc = &fresh;
    m_rowsAnnounced.push_back(n); // ChangeRows announces all its columns
    if (old.startedAt != fresh.startedAt || old.finishedAt != fresh.finishedAt ||
        old.status != fresh.status) {
        m_nodes.readTimes(n);
        m_spansMoved = true;
    }
    node.parentMissing = t.parentMissing;
    node.cycleBroken = t.cycleBroken;
    node.duplicateId = t.duplicateId;
}

QModelIndex CallTreeModel::indexOfNode(int node, int column) const
{
    if (node == RootNode)
        return {};
    return createIndex(m_nodes.rowOf(node), column, Nodes::nodeId(node));
}

const FunctionCall *CallTreeModel::functionCall(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    return m_nodes[Nodes::ownerOf(index.internalId())].fc;
}

const ActivityEntry *CallTreeModel::activityEntry(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || !Nodes::isLeafId(index.internalId()))
        return nullptr;
    const CallTreeNode &owner = m_nodes[Nodes::ownerOf(index.internalId())];
    const int row = Nodes::leafRowOf(index.internalId());
    return row < owner.activity().size() ? &owner.activity()[row] : nullptr;
}

const Event *CallTreeModel::eventAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || !Nodes::isLeafId(index.internalId()))
        return nullptr;
    const CallTreeNode &owner = m_nodes[Nodes::ownerOf(index.internalId())];
    const qsizetype row = Nodes::leafRowOf(index.internalId()) - owner.activity().size();
    return row >= 0 && row < owner.events().size() ? &owner.events()[row] : nullptr;
}

CallTreeModel::NodeKind CallTreeModel::kind(const QModelIndex &index) const
{
    const quintptr id = index.internalId();
    if (!Nodes::isLeafId(id))
        return NodeKind::FunctionCall;
    if (index.model() != this)
        return NodeKind::Activity;
    return Nodes::leafRowOf(id) < m_nodes[Nodes::ownerOf(id)].activity().size() ? NodeKind::Activity
                                                                                : NodeKind::Event;
}

QModelIndex CallTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid()) {
        const auto &roots = m_nodes[RootNode].children;
        if (size_t(row) >= roots.size())
            return {};
        return createIndex(row, column, Nodes::nodeId(roots[size_t(row)]));
    }
    const quintptr id = parent.internalId();
    if (parent.column() != 0 || Nodes::isLeafId(id))
        return {};
    const CallTreeNode &p = m_nodes[Nodes::ownerOf(id)];
    const int leaves = int(p.activity().size() + p.events().size());
    if (row < leaves)
        return createIndex(row, column, Nodes::leafId(Nodes::ownerOf(id), row));
    const size_t childPos = size_t(row - leaves);
    if (childPos >= p.children.size())
        return {};
    return createIndex(row, column, Nodes::nodeId(p.children[childPos]));
}

QModelIndex CallTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const quintptr id = child.internalId();
    if (Nodes::isLeafId(id))
        return indexOfNode(Nodes::ownerOf(id));
    return indexOfNode(m_nodes[Nodes::ownerOf(id)].parent);
}

int CallTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_nodes[RootNode].children.size());
    const quintptr id = parent.internalId();
    if (parent.column() != 0 || Nodes::isLeafId(id))
        return 0;
    const CallTreeNode &p = m_nodes[Nodes::ownerOf(id)];
    return int(p.activity().size() + p.events().size() + qsizetype(p.children.size()));
}

int CallTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool CallTreeModel::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

Qt::ItemFlags CallTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (Nodes::isLeafId(index.internalId()))
        f |= Qt::ItemNeverHasChildren;
    return f;
}

} // namespace bem
