// SPDX-License-Identifier: MIT
#pragma once

#include <QPersistentModelIndex>
#include <QSet>
#include <QTimer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QTreeView;

namespace bem {

class CallFilterProxyModel;
class CallTreeDelegate;
class CallTreeModel;
class TimelineController;
class TreeExpander;

// The function-call tree with what goes with it: the status summary line, the filter box
// (recursive: matches keep their ancestors), failed-row navigation and the glow of rows
// that changed. The view sits on a filter proxy over the shared CallTreeModel; a refresh
// merges into that model, so expansion, selection, scroll position and the filter all
// survive it without any help from here.
class CallTreePanel final : public QWidget
{
    Q_OBJECT
public:
    explicit CallTreePanel(CallTreeModel *model, QWidget *parent = nullptr);
    ~CallTreePanel() override;
    Q_DISABLE_COPY_MOVE(CallTreePanel)

    QTreeView *view() const { return m_tree; }
    CallFilterProxyModel *proxy() const { return m_proxy; }
    CallTreeDelegate *delegate() const { return m_delegate; }
    TimelineController *timeline() const { return m_timeline; }
    QLineEdit *filterField() const { return m_filter; }

    // The selected row as a CallTreeModel index; invalid when none.
    QModelIndex currentSourceIndex() const;
    // Selects (and reveals) the row of a function call; false when it is not shown.
    bool selectFunctionCall(const QString &functionCallId);

    void setFilterText(const QString &text); // at once, no debounce
    // A filter opens the way to (expands the ancestors of) at most this many matches,
    // so that it stays quick on a huge call; F3 reaches the others.
    static constexpr int DefaultMatchOpenLimit = 500;
    void setMatchOpenLimit(int limit) { m_matchOpenLimit = limit; }
    int matchOpenLimit() const { return m_matchOpenLimit; }
    // Selects the next (or previous) row matching the filter, in tree order, wrapping,
    // and opens its parents (F3, Shift+F3 while the panel has focus); false when none.
    bool selectNextMatch(bool backward = false);
    // "3 matches" beside the filter box; empty without a filter.
    QString matchCountText() const;
    // Shown when a filter has more matches than it opened the way to; empty otherwise.
    QString matchLimitNote() const;
    void focusFilter();
    // On a large call, Expand All opens the rows a slice at a time (TreeExpander); typing
    // a filter, collapsing a row or Collapse All stops it.
    void expandAll();
    void collapseAll();
    bool isExpandingAll() const;
    TreeExpander *expander() const { return m_expander; }
    // Up to this many function calls Expand All opens everything at once.
    static constexpr int ExpandAllAtOnceRows = 2000;
    // Selects the next (or previous) failed function call, expanding its ancestors;
    // false when there is none.
    bool selectNextFailed(bool backward = false);
    // Restores the user's expansion and takes the first-load layout for the next call.
    void resetForNewCall();

    QString summaryText() const;

Q_SIGNALS:
    // The selection moved to `sourceIndex` (invalid: nothing selected).
    void currentChanged(const QModelIndex &sourceIndex);

private:
    void applyFilter();
    // The filter typed: matched without holding up the window, applied when ready.
    void requestFilter();
    // Both halves of a change of filter, around the proxy's: the expansion remembered and
    // the tree collapsed, then the way to the matches (or the user's tree) opened.
    void beforeFilterChange(const QString &newText);
    void afterFilterChange();
    void onRowsInserted(const QModelIndex &parent, int first, int last);
    void updateSummary();
    void showTraceColumns(bool show);
    void updateMatchCount();
    void openTheWayToMatches();
    void revealAndSelect(const QModelIndex &proxyIndex);
    void stopExpandingAll();

    CallTreeModel *m_model;
    CallFilterProxyModel *m_proxy;
    CallTreeDelegate *m_delegate = nullptr;
    TimelineController *m_timeline = nullptr;
    QLabel *m_summary = nullptr;
    QLineEdit *m_filter = nullptr;
    QLabel *m_matchCount = nullptr;
    QLabel *m_limitNote = nullptr;
    int m_matchOpenLimit = DefaultMatchOpenLimit;
    QTreeView *m_tree = nullptr;
    TreeExpander *m_expander = nullptr;
    QTimer m_filterDebounce;
    // Top-level function calls are expanded as they arrive until the user expands or
    // collapses something: then the tree is theirs.
    bool m_userShapedTree = false;
    bool m_expandingForUser = false;
    // Expansion (by function call ID) from before a filter, put back when it is cleared.
    QSet<QString> m_expandedBeforeFilter;
    // Between the halves of a change of filter: whether one was active, the row selected.
    bool m_filterWasActive = false;
    QPersistentModelIndex m_currentBeforeFilter;
};

} // namespace bem
