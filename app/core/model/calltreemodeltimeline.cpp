// SPDX-License-Identifier: MIT
// CallTreeModel's Timeline column: the times read once per merge (calltreenodes.h), the
// windows the view zooms between, and the column's tooltip.
#include "calltreemodel.h"

#include "timelinetext.h"

#include <algorithm>

namespace bem {
namespace {

using Nodes = CallTreeNodes;
constexpr qint64 NoTime = CallTreeNode::NoTime;

QVariant timeVariant(qint64 ms)
{
    return ms == NoTime ? QVariant() : QVariant(ms);
}

// A span from node times, a live one reaching `nowMs`; invalid when there is none.
TimeWindow spanWindow(qint64 from, qint64 to, bool live, qint64 nowMs)
{
    if (from == NoTime)
        return {};
    TimeWindow w{from, to == NoTime ? from : to};
    if (live)
        w.toMs = std::max(w.toMs, nowMs);
    return w;
}

} // namespace

QVariant CallTreeModel::timelineData(const CallTreeNode &node, int role) const
{
    switch (role) {
    case TimelineStartRole:
        return timeVariant(node.startMs);
    case TimelineEndRole:
        return timeVariant(node.endMs);
    case TimelineSpanStartRole:
        return timeVariant(node.spanStartMs);
    case TimelineSpanEndRole:
        return timeVariant(node.spanEndMs);
    case TimelineLiveRole:
        return node.live;
    case TimelineSubtreeLiveRole:
        return node.liveBelow;
    default:
        return {};
    }
}

CallTreeModel::TimelineTimes CallTreeModel::timelineTimes(const QModelIndex &index) const
{
    TimelineTimes t;
    if (!index.isValid() || index.model() != this)
        return t;
    const auto opt = [](qint64 ms) {
        return ms == NoTime ? std::nullopt : std::optional<qint64>(ms);
    };
    const quintptr id = index.internalId();
    const CallTreeNode &node = m_nodes[Nodes::ownerOf(id)];
    t.functionCall = node.fc;
    if (Nodes::isLeafId(id)) {
        const qsizetype row = Nodes::leafRowOf(id);
        if (row < node.activity().size()) {
            t.kind = NodeKind::Activity;
            t.state = node.activity()[row].status.state();
            return t;
        }
        t.kind = NodeKind::Event;
        const qsizetype e = row - node.activity().size();
        if (e < node.events().size()) {
            const Event &event = node.events()[e];
            t.state = event.isError() ? CallState::Failed : CallState::Completed;
            if (event.createdAt.isValid())
                t.startMs = event.createdAt.value.toMSecsSinceEpoch();
        }
        return t;
    }
    t.state = node.fc->status.state();
    t.startMs = opt(node.startMs);
    t.endMs = opt(node.endMs);
    t.spanStartMs = opt(node.spanStartMs);
    t.spanEndMs = opt(node.spanEndMs);
    t.live = node.live;
    t.liveBelow = node.liveBelow;
    t.hasChildFunctionCalls = !node.children.empty();
    return t;
}

bool CallTreeModel::isLive() const
{
    return m_snapshot && !m_snapshot->call.status.isTerminal();
}

TimeWindow CallTreeModel::callWindow(qint64 nowMs) const
{
    const CallTreeNode &root = m_nodes[Nodes::Root];
    bool have = root.spanStartMs != NoTime;
    TimeWindow w = spanWindow(root.spanStartMs, root.spanEndMs, root.liveBelow, nowMs);
    const auto widen = [&](const Timestamp &t) {
        if (!t.isValid())
            return;
        const qint64 ms = t.value.toMSecsSinceEpoch();
        w = have ? TimeWindow{std::min(w.fromMs, ms), std::max(w.toMs, ms)} : TimeWindow{ms, ms};
        have = true;
    };
    if (m_snapshot) {
        widen(m_snapshot->call.createdAt);
        widen(m_snapshot->call.finishedAt);
    }
    if (have && isLive())
        w.toMs = std::max(w.toMs, nowMs);
    return w;
}

std::optional<qint64> CallTreeModel::callStartMs() const
{
    const CallTreeNode &root = m_nodes[Nodes::Root];
    if (m_snapshot && m_snapshot->call.createdAt.isValid()) {
        const qint64 created = m_snapshot->call.createdAt.value.toMSecsSinceEpoch();
        return root.spanStartMs == NoTime ? created : std::min(created, root.spanStartMs);
    }
    return root.spanStartMs == NoTime ? std::nullopt : std::optional<qint64>(root.spanStartMs);
}

TimeWindow CallTreeModel::subtreeWindow(const QModelIndex &index, qint64 nowMs) const
{
    if (!index.isValid() || index.model() != this || Nodes::isLeafId(index.internalId()))
        return {};
    const CallTreeNode &n = m_nodes[Nodes::ownerOf(index.internalId())];
    return spanWindow(n.spanStartMs, n.spanEndMs, n.liveBelow, nowMs);
}

QString CallTreeModel::timelineToolTipFor(const CallTreeNode &node, const Event *event) const
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const std::optional<qint64> callStart = callStartMs();
    if (event)
        return timelineEventToolTip(*event, callStart);
    // The wait before it started runs from the parent's event that spawned it, else from
    // the parent's own start.
    std::optional<qint64> spawnedAt;
    if (node.parent != Nodes::Root) {
        const CallTreeNode &parent = m_nodes[node.parent];
        if (!node.fc->sourceEventId.isEmpty()) {
            for (const Event &e : parent.events()) {
                if (e.eventId == node.fc->sourceEventId && e.createdAt.isValid()) {
                    spawnedAt = e.createdAt.value.toMSecsSinceEpoch();
                    break;
                }
            }
        }
        if (!spawnedAt && parent.startMs != NoTime)
            spawnedAt = parent.startMs;
    }
    return timelineToolTip(*node.fc, callStart, spawnedAt, now);
}

} // namespace bem
