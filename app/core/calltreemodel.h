// SPDX-License-Identifier: MIT
#pragma once

#include "callsnapshot.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QIcon>

#include <array>
#include <utility>
#include <vector>

namespace bem {

// The function calls of one call as a tree: one row per function call, with its
// activity entries as its first children, then the function calls it spawned.
//
// A newer snapshot of the same call is merged in, keyed by functionCallID: rows are
// updated with dataChanged, inserted and removed, so views keep expansion, selection and
// scroll position. Only a different call resets the model.
class CallTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        TypeColumn,
        StatusColumn,
        VersionColumn,
        ReferenceIdColumn,
        StartedColumn,
        DurationColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum class NodeKind { FunctionCall, Activity };
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
    };
    Q_ENUM(Role)

    explicit CallTreeModel(QObject *parent = nullptr);
    ~CallTreeModel() override;
    Q_DISABLE_COPY_MOVE(CallTreeModel)

    // Shows `snapshot`. Same callID as the one shown: merged as an update. Otherwise (or
    // when nothing is shown) the model is reset.
    void setSnapshot(const CallSnapshot &snapshot);
    void clear();
    const QString &callID() const { return m_callID; }
    int functionCallCount() const { return m_functionCallCount; }

    // The function call at `index`, or at its parent for an activity row; nullptr for
    // an invalid index.
    const FunctionCall *functionCall(const QModelIndex &index) const;
    NodeKind kind(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    QIcon statusIcon(CallState state) const;

private:
    struct Node
    {
        int parent = -1;
        int childPos = 0;       // position among the parent's child function calls
        int snapshotIndex = -1; // index in the snapshot being merged
        std::vector<int> children;
        FunctionCall fc;
        int occurrence = 0; // with duplicate IDs: which one of them this is
        bool parentMissing = false;
        bool cycleBroken = false;
        bool duplicateId = false;
    };
    static constexpr int RootNode = 0;

    using SnapshotKey = std::pair<QString, int>;

    int allocNode();
    void freeSubtree(int node);
    void resetNodes();
    int createSubtree(const CallSnapshot &s, int index, int parentNode, int childPos);
    void indexSnapshot(const CallSnapshot &s, QHash<SnapshotKey, int> *byKey);
    void mergeChildren(const CallSnapshot &s, const QHash<SnapshotKey, int> &byKey, int node,
                       std::vector<int> &queue);
    bool updateNode(const CallSnapshot &s, int node);
    void renumber(int node, size_t from);
    int activityCount(int node) const;
    int rowOf(int node) const;
    QModelIndex indexOfNode(int node, int column = 0) const;
    static QString cellText(const FunctionCall &fc, const ActivityEntry *step, int column);
    static QString functionCallToolTip(const Node &node);
    static QVariant functionCallData(const Node &node, int role);

    std::array<QIcon, 5> m_icons;
    std::vector<Node> m_nodes;
    std::vector<int> m_freeNodes;
    std::vector<int> m_occurrence; // per snapshot index, while merging
    QString m_callID;
    bool m_loaded = false;
    int m_functionCallCount = 0;
};

} // namespace bem
