// SPDX-License-Identifier: MIT
#pragma once

#include "failednavigation.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QList>
#include <QMetaObject>
#include <QPointer>
#include <QSortFilterProxyModel>
#include <QStringList>
#include <QTimer>

#include <memory>
#include <vector>

namespace bem {

class CallTreeModel;

// Filters a CallTreeModel by text, keeping the API order (it never sorts).
//
// Every word of the text must occur, case-insensitively, somewhere in the row: a function
// call's name, functionCallID, functionID, type, raw status or reference ID; an activity
// row's name or raw status. A row stays visible when it matches, when something below it
// matches (so matches keep their ancestors), and, for an activity row, when its function
// call matches: a matching function call shows its steps, but the function calls it
// spawned only when they match themselves (or contain a match).
//
// Whether a row "or something below it" matches is kept in a cache updated from the source
// model's signals, so that a refresh costs the depth of the changed rows instead of walking
// whole subtrees as QSortFilterProxyModel's own recursive filtering would (which is why
// recursiveFilteringEnabled stays off: filterAcceptsRow already answers for the subtree).
// The source is meant to be a CallTreeModel: the cache keys rows by its internalIds (one
// per row, kept while the row lives, unlike QStandardItemModel's), relies on activity rows
// coming before the child function calls, and re-filters once per refresh, on
// CallTreeModel::snapshotApplied() (after each change for any other model).
class CallFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit CallFilterProxyModel(QObject *parent = nullptr);
    ~CallFilterProxyModel() override;
    Q_DISABLE_COPY_MOVE(CallFilterProxyModel)

    // Whitespace-separated words; empty shows everything. Matched and applied at once
    // (a pending requestFilterText() is dropped).
    void setFilterText(const QString &text);
    const QString &filterText() const { return m_text; }

    // As setFilterText(), without holding up the event loop on a huge call: the rows are
    // matched a slice at a time (at most about SliceMs each) while the previous filter
    // stays shown, and the new one is applied once all are matched, between
    // filterAboutToBeApplied() and filterApplied(). A newer request, or setFilterText(),
    // discards one in progress; a change of the source restarts it.
    void requestFilterText(const QString &text);
    static constexpr int SliceMs = 12;
    // A requested filter text is being matched; pendingFilterText() is it.
    bool isFilterPending() const { return m_pending != nullptr; }
    QString pendingFilterText() const;

    // Whether the row at `sourceIndex` itself matches the filter text, rather than being
    // shown for a match below it or for its function call; false while there is no filter.
    bool matches(const QModelIndex &sourceIndex) const;

    // How many rows match themselves (function calls and steps); 0 without a filter.
    // Kept up to date through refreshes, O(1).
    int matchCount() const { return m_matchCount; }
    // The first `limit` rows of this model that match themselves, in tree order (a
    // parent before its children, as they read when everything is expanded). The cost
    // follows the rows shown before the last of them, not the size of the call.
    QList<QModelIndex> firstMatches(int limit) const;
    // The next (or previous) matching row of this model after `from`, in tree order,
    // wrapping around; from the top (or the bottom) when `from` is invalid. `from` itself
    // when it is the only match; invalid when nothing matches.
    QModelIndex nextMatch(const QModelIndex &from, SearchDirection direction) const;

    void setSourceModel(QAbstractItemModel *model) override;

Q_SIGNALS:
    // Around the switch to a requested filter text: the rows it hides and shows follow.
    void filterAboutToBeApplied();
    void filterApplied();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    struct Entry
    {
        bool self = false;       // the function call itself matches
        int below = 0;           // matching rows below it, activity rows included
        std::vector<bool> steps; // which of its activity rows match
        bool visible() const { return self || below > 0; }
    };

    // A walk entering function call rows and their activity rows into `entries`, children
    // before parents, without recursion; resumable. With `nextTop` set it goes on to the
    // next top-level row after each one.
    struct Frame
    {
        QModelIndex index;
        int next;
        int count;
        int below;
    };
    struct Walk
    {
        QStringList words;
        QHash<quintptr, Entry> entries;
        std::vector<Frame> stack;
        int nextTop = -1;
        int matching = 0; // matching rows of the subtrees finished
    };
    // False when `deadline` came first (call again to go on).
    bool walk(Walk &w, const QDeadlineTimer &deadline) const;
    void enter(Walk &w, const QModelIndex &index) const;
    void matchSlice();
    void restartPending();

    bool rowMatches(const QModelIndex &sourceIndex) const
    {
        return rowMatches(sourceIndex, m_words);
    }
    bool rowMatches(const QModelIndex &sourceIndex, const QStringList &words) const;
    // A row below a function call that is not one: a step or an event.
    bool isActivity(const QModelIndex &sourceIndex) const;
    Entry *entry(const QModelIndex &sourceIndex);
    void rebuild();
    int addSubtree(const QModelIndex &top);
    int removeSubtree(const QModelIndex &top);
    void addBelow(const QModelIndex &parent, int delta);
    void refilterIfNeeded();

    void sourceRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last);
    void sourceRowsInserted(const QModelIndex &parent, int first, int last);
    void sourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                           const QList<int> &roles);

    QString m_text;
    QStringList m_words;
    QPointer<QAbstractItemModel> m_source;
    // The source when it is a CallTreeModel: rows are then read directly (no QVariant per
    // field), which makes filtering 100,000 rows several times faster.
    QPointer<CallTreeModel> m_calls;
    QHash<quintptr, Entry> m_entries; // function call rows by the source's internalId
    int m_matchCount = 0;
    std::vector<QMetaObject::Connection> m_connections;
    // Rows whose visibility changed without a source signal about them (an ancestor, or
    // the steps of a function call that started or stopped matching): re-filter at the end
    // of the source's update.
    bool m_needsRefilter = false;
    // A requested filter text being matched, and its text.
    std::unique_ptr<Walk> m_pending;
    QString m_pendingText;
    QTimer m_slice;
};

} // namespace bem
