// SPDX-License-Identifier: MIT
#pragma once

#include "callsnapshot.h"
#include "calltreenodes.h"
#include "cellformat.h"
#include "mergeplanner.h"
#include "statuspresentation.h"
#include "timelinelayout.h"

#include <QAbstractItemModel>
#include <QHash>

#include <optional>
#include <utility>
#include <vector>

namespace bem {

// The function calls of one call as a tree: one row per function call, with its
// activity entries as its first children, then the events it emitted (v3 traces), then
// the function calls it spawned.
//
// A newer snapshot of the same call is merged in, keyed by functionCallID: rows are
// updated with dataChanged, inserted and removed, so views keep expansion, selection and
// scroll position. Only a different call resets the model.
class CallTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn = NameCell,
        TypeColumn = TypeCell,
        StatusColumn = StatusCell,
        VersionColumn = VersionCell,
        ReferenceIdColumn = ReferenceIdCell,
        StartedColumn = StartedCell,
        DurationColumn = DurationCell,
        NodeColumn = NodeCell,
        EdgeColumn = EdgeCell,
        TryColumn = TryCell,
        TimelineColumn = TimelineCell,
        ColumnCount = CallTreeColumnCount
    };
    Q_ENUM(Column)

    enum class NodeKind { FunctionCall, Activity, Event };
    Q_ENUM(NodeKind)

    enum Role {
        StatusRole = Qt::UserRole + 1, // CallState
        RawStatusRole,                 // the status string as sent
        NodeKindRole,                  // NodeKind
        FunctionCallIdRole,
        FunctionIdRole,
        SourceFunctionCallIdRole,
        WorkflowCallIdRole,
        ReferenceIdRole,
        S3UrlRole,         // the function call's own input file
        InputUrlsRole,     // QStringList: s3URLs of its inputs
        ParentMissingRole, // bool
        CycleBrokenRole,   // bool
        DuplicateIdRole,   // bool
        FullTextRole,      // the column's value uncut, for copying
        // int: failed function calls strictly below a function call row (0 on activity rows)
        FailedDescendantsRole,
        // v3: a function call row's (SourceEventIdRole, WorkflowNodeRole,
        // IncomingDestinationRole), an event row's (EventIdRole, EventTypeRole,
        // ConfidenceRole: double in [0, 1], ItemOffsetRole) or both (TryNumberRole: the
        // attempt, RetryRole: bool, an attempt after the first).
        SourceEventIdRole,
        WorkflowNodeRole,
        IncomingDestinationRole,
        TryNumberRole,
        RetryRole,
        EventIdRole,
        EventTypeRole,
        ConfidenceRole,
        ItemOffsetRole,
        // The Timeline column, in ms since the epoch (qint64; invalid when unknown): a
        // function call row's own start and end and the span of its subtree (itself and
        // every function call below it), an event row's createdAt as its start.
        // TimelineLiveRole: bool, it is running (its bar ends at "now");
        // TimelineSubtreeLiveRole: it or one below it is.
        TimelineStartRole,
        TimelineEndRole,
        TimelineSpanStartRole,
        TimelineSpanEndRole,
        TimelineLiveRole,
        TimelineSubtreeLiveRole,
    };
    Q_ENUM(Role)

    explicit CallTreeModel(QObject *parent = nullptr);
    ~CallTreeModel() override;
    Q_DISABLE_COPY_MOVE(CallTreeModel)

    // Shows `snapshot`. Same callID as the one shown: merged as an update. Otherwise (or
    // when nothing is shown) the model is reset. The rows point into the snapshot, which
    // the model keeps (no copy of its function calls); the by-reference form shares a copy.
    void setSnapshot(const CallSnapshotPtr &snapshot, const MergePlan *plan = nullptr);
    void setSnapshot(const CallSnapshot &snapshot);
    // The rows of a snapshot shown after a reset: thread-safe, O(n), so a different call
    // can have them built off the GUI thread and passed to the overload below (which
    // merges as usual, ignoring them, when `snapshot` is the call shown).
    static CallTreeNodes buildRows(const CallSnapshot &snapshot);
    void setSnapshot(const CallSnapshotPtr &snapshot, CallTreeNodes &&rows);
    // The same as bem::planMerge() (mergeplanner.h): thread-safe, O(n).
    static MergePlan planMerge(const CallSnapshot &from, const CallSnapshot &to);
    const CallSnapshotPtr &snapshot() const { return m_snapshot; }
    void clear();
    const QString &callId() const { return m_callId; }
    int functionCallCount() const { return m_functionCallCount; }
    const StatusCounts &statusCounts() const { return m_counts; }
    // The same as bem::describeCounts() (statuspresentation.h).
    static QString describeCounts(const StatusCounts &counts)
    {
        return bem::describeCounts(counts);
    }

    // The time the Timeline column spans at full zoom: from the call's creation (or the
    // earliest start) to its end, or to `nowMs` while it runs. Invalid when nothing has a
    // time.
    TimeWindow callWindow(qint64 nowMs) const;
    // The span of the function call at `index` and everything below it (running ones up
    // to `nowMs`); invalid when none of them has a time.
    TimeWindow subtreeWindow(const QModelIndex &index, qint64 nowMs) const;
    // Everything the Timeline column draws for one row, in one call (the delegate paints
    // from it without a role lookup per value). Times in ms since the epoch.
    struct TimelineTimes
    {
        NodeKind kind = NodeKind::FunctionCall;
        CallState state = CallState::Unknown;
        std::optional<qint64> startMs; // an event row: its createdAt
        std::optional<qint64> endMs;
        std::optional<qint64> spanStartMs; // the subtree's, function call rows only
        std::optional<qint64> spanEndMs;
        bool live = false;      // running: the bar ends at "now"
        bool liveBelow = false; // it or a function call below it is running
        bool hasChildFunctionCalls = false;
        const FunctionCall *functionCall = nullptr; // the row's, or the owner's for a leaf
    };
    TimelineTimes timelineTimes(const QModelIndex &index) const;

    // The call is still running: its running bars grow.
    bool isLive() const;
    // Where the ruler's 0 s is: the call's creation (or an earlier start); none when
    // nothing has a time.
    std::optional<qint64> callStartMs() const;

    // The row of the first function call (in API order) with this ID, column 0; invalid
    // when there is none.
    QModelIndex indexForFunctionCallId(const QString &functionCallId) const;

    // The function call at `index`, or at its parent for an activity row; nullptr for
    // an invalid index.
    const FunctionCall *functionCall(const QModelIndex &index) const;
    NodeKind kind(const QModelIndex &index) const;
    // The step at an activity row; nullptr for a function call row or an invalid index.
    const ActivityEntry *activityEntry(const QModelIndex &index) const;
    // The event at an event row; nullptr for any other row.
    const Event *eventAt(const QModelIndex &index) const;
    // The text of one cell, uncut (FullTextRole); `step` is set for an activity row.
    // The same as bem::cellText() (cellformat.h), which the filter reads rows with.
    static QString cellText(const FunctionCall &fc, const ActivityEntry *step, int column)
    {
        return bem::cellText(fc, step, column);
    }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

Q_SIGNALS:
    // The end of every setSnapshot() and clear(): all their row and data signals are out,
    // statusesChanged() and countsChanged() come next. Proxies settle what they deferred.
    void snapshotApplied();
    // statusCounts() is different after a setSnapshot() or clear().
    void countsChanged();
    // After a merge (never a reset), once: the function call rows whose status changed and
    // those inserted, column 0. Never emitted with an empty list.
    void statusesChanged(const QList<QPersistentModelIndex> &rows);

private:
    void resetTo(const CallSnapshotPtr &snapshot, CallTreeNodes *rows);
    int createSubtree(const CallSnapshot &s, int index, int parentNode, int childPos);
    void applyOp(const CallSnapshot &s, const MergePlan &plan, const MergeOp &op);
    void applyEventsOp(const MergePlan &plan, const MergeOp &op, int node);
    void updateNode(const CallSnapshot &s, const MergePlan &plan, int node);
    void indexNodes();
    void updateFailedCounts();
    void updateSpans();
    void emitChangedRuns(const std::vector<int> &order, const std::vector<char> &changed,
                         int column, const QList<int> &roles);
    QVariant timelineData(const CallTreeNode &node, int role) const;
    QString timelineToolTipFor(const CallTreeNode &node, const Event *event) const;
    void setCounts(const StatusCounts &counts);
    QModelIndex indexOfNode(int node, int column = 0) const;
    static QVariant functionCallData(const CallTreeNode &node, int role);
    static QVariant eventData(const CallTreeNode &owner, const Event &event, int column, int role);

    CallTreeNodes m_nodes; // the rows, pointing into m_snapshot
    CallSnapshotPtr m_snapshot;
    // While merging: rows to report in statusesChanged(), and whether failure counts moved.
    std::vector<int> m_touched;
    // While merging: rows whose every column was announced already (their span needs no
    // signal of its own).
    std::vector<int> m_rowsAnnounced;
    // While merging: rows whose events are pinned to the newer snapshot's.
    std::vector<int> m_pinnedEvents;
    bool m_merging = false;
    bool m_failuresMoved = false;
    bool m_spansMoved = false;
    StatusCounts m_counts;
    QString m_callId;
    bool m_loaded = false;
    int m_functionCallCount = 0;
};

} // namespace bem
