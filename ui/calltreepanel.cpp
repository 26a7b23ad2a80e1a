// SPDX-License-Identifier: MIT
#include "calltreepanel.h"

#include "callfilterproxymodel.h"
#include "calltreedelegate.h"
#include "calltreemodel.h"
#include "failednavigation.h"
#include "timelinecontroller.h"
#include "treeexpander.h"

#include <QAction>
#include <QGuiApplication>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QTreeView>
#include <QVBoxLayout>

#include <vector>

namespace bem {
namespace {

// Filtering or expanding a tree of tens of thousands of rows takes a noticeable moment on
// the GUI thread (the view lays the rows out there). Say so before it starts: a wait
// cursor and a line in the summary, painted at once, so the window does not look hung.
class BusyNotice
{
public:
    BusyNotice(QLabel *summary, const QString &text, bool needed)
        : m_summary(needed ? summary : nullptr)
        , m_text(text)
    {
        if (!m_summary)
            return;
        m_before = m_summary->text();
        QGuiApplication::setOverrideCursor(Qt::WaitCursor);
        m_summary->setText(m_text);
        m_summary->repaint();
    }
    ~BusyNotice()
    {
        if (!m_summary)
            return;
        QGuiApplication::restoreOverrideCursor();
        // Unless the work itself has put a new summary there, the old one is still true.
        if (m_summary->text() == m_text)
            m_summary->setText(m_before);
    }
    BusyNotice(const BusyNotice &) = delete;
    BusyNotice &operator=(const BusyNotice &) = delete;

private:
    QLabel *m_summary;
    QString m_text;
    QString m_before;
};

// Past this many rows the user had expanded, clearing a filter opens the whole tree in one
// pass rather than row by row.
constexpr int ExpandAllOnFilterLimit = 20000;
constexpr int ExpandTopLevelLimit = 1000;
// From this many function calls on, a filter shows a BusyNotice (about a
// tenth of a second on the development machine, from bench_callload --breakdown).
constexpr int BusyNoticeRows = 10000;

// Calls `visit` for each expanded row of `view`, descending only into expanded rows: the
// cost follows what is on screen, not the size of the call. Iterative.
template<typename Visit> void forEachExpanded(const QTreeView *view, Visit visit)
{
    const QAbstractItemModel *model = view->model();
    std::vector<QModelIndex> stack{QModelIndex()};
    while (!stack.empty()) {
        const QModelIndex parent = stack.back();
        stack.pop_back();
        const int rows = model->rowCount(parent);
        for (int r = 0; r < rows; ++r) {
            const QModelIndex child = model->index(r, 0, parent);
            if (view->isExpanded(child)) {
                visit(child);
                stack.push_back(child);
            }
        }
    }
}

} // namespace

CallTreePanel::CallTreePanel(CallTreeModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new CallFilterProxyModel(this))
{
    m_proxy->setSourceModel(model);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("treeSummary"));
    m_summary->setTextFormat(Qt::PlainText);

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("treeFilter"));
    m_filter->setPlaceholderText(tr("Filter by name, ID, type or status (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMinimumWidth(260);
    m_filter->setMaximumWidth(360);
    auto *clearFilter = new QAction(m_filter);
    clearFilter->setShortcut(Qt::Key_Escape);
    clearFilter->setShortcutContext(Qt::WidgetShortcut);
    m_filter->addAction(clearFilter);
    connect(clearFilter, &QAction::triggered, this, [this] {
        m_filter->clear();
        m_tree->setFocus();
    });
    m_filterDebounce.setSingleShot(true);
    m_filterDebounce.setInterval(200);
    connect(m_filter, &QLineEdit::textChanged, this, [this] { m_filterDebounce.start(); });
    connect(m_filter, &QLineEdit::returnPressed, this, [this] {
        m_filterDebounce.stop();
        requestFilter();
    });
    connect(&m_filterDebounce, &QTimer::timeout, this, &CallTreePanel::requestFilter);
    connect(m_proxy, &CallFilterProxyModel::filterAboutToBeApplied, this,
            [this] { beforeFilterChange(m_proxy->pendingFilterText()); });
    connect(m_proxy, &CallFilterProxyModel::filterApplied, this, &CallTreePanel::afterFilterChange);

    m_matchCount = new QLabel(this);
    m_matchCount->setObjectName(QStringLiteral("filterMatchCount"));
    m_matchCount->setTextFormat(Qt::PlainText);
    m_matchCount->setVisible(false);
    m_limitNote = new QLabel(this);
    m_limitNote->setObjectName(QStringLiteral("filterLimitNote"));
    m_limitNote->setTextFormat(Qt::PlainText);
    m_limitNote->setWordWrap(true);
    m_limitNote->setVisible(false);

    // F3 belongs to whichever part has focus (the raw JSON tab finds text with it).
    const std::pair<QKeySequence, bool> steps[] = {{QKeySequence(Qt::Key_F3), false},
                                                   {QKeySequence(Qt::SHIFT | Qt::Key_F3), true}};
    for (const auto &[keys, backward] : steps) {
        auto *action = new QAction(backward ? tr("Previous Match") : tr("Next Match"), this);
        action->setObjectName(backward ? QStringLiteral("actionPreviousMatch")
                                       : QStringLiteral("actionNextMatch"));
        action->setShortcut(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, [this, backward = backward] {
            if (m_filterDebounce.isActive() || m_proxy->isFilterPending()) {
                m_filterDebounce.stop();
                applyFilter();
            }
            selectNextMatch(backward);
        });
        addAction(action);
    }

    m_tree = new QTreeView(this);
    m_tree->setObjectName(QStringLiteral("functionCallTree"));
    m_tree->setModel(m_proxy);
    // Before the header is set up below: the timeline puts its ruler header in place.
    m_timeline = new TimelineController(m_tree, m_proxy, model, this);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setTextElideMode(Qt::ElideRight);
    m_tree->header()->setStretchLastSection(true);
    m_tree->header()->setSectionResizeMode(QHeaderView::Interactive);
    const std::pair<int, int> widths[] = {
        {CallTreeModel::NameColumn, 260},        {CallTreeModel::TypeColumn, 95},
        {CallTreeModel::StatusColumn, 105},      {CallTreeModel::VersionColumn, 50},
        {CallTreeModel::ReferenceIdColumn, 125}, {CallTreeModel::StartedColumn, 150},
        {CallTreeModel::DurationColumn, 70},     {CallTreeModel::NodeColumn, 110},
        {CallTreeModel::EdgeColumn, 100},        {CallTreeModel::TryColumn, 60},
        {CallTreeModel::TimelineColumn, 320}};
    for (const auto &[column, width] : widths)
        m_tree->header()->resizeSection(column, width);
    showTraceColumns(false);
    m_delegate = new CallTreeDelegate(m_tree, m_proxy);
    m_tree->setItemDelegate(m_delegate);

    connect(m_tree, &QTreeView::expanded, this, [this] {
        if (!m_expandingForUser)
            m_userShapedTree = true;
    });
    connect(m_tree, &QTreeView::collapsed, this, [this] {
        if (m_expandingForUser)
            return;
        m_userShapedTree = true;
        stopExpandingAll();
    });
    m_expander = new TreeExpander(m_tree, this);
    connect(m_expander, &TreeExpander::finished, this, &CallTreePanel::updateSummary);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                Q_EMIT currentChanged(m_proxy->mapToSource(current));
            });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &CallTreePanel::onRowsInserted);
    connect(m_proxy, &QAbstractItemModel::modelReset, this,
            [this] { onRowsInserted({}, 0, m_proxy->rowCount() - 1); });
    connect(m_model, &CallTreeModel::countsChanged, this, &CallTreePanel::updateSummary);
    // After the proxy's own handler: its count is current by then.
    connect(m_model, &CallTreeModel::snapshotApplied, this, &CallTreePanel::updateMatchCount);
    // The workflow node, edge and try columns only mean something for a v3 trace.
    connect(m_model, &CallTreeModel::snapshotApplied, this, [this] {
        const auto &snapshot = m_model->snapshot();
        showTraceColumns(snapshot && snapshot->call.apiVersion == ApiVersion::V3);
    });
    connect(m_model, &CallTreeModel::statusesChanged, m_delegate, &CallTreeDelegate::flash);

    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_summary, 1);
    top->addWidget(m_matchCount);
    top->addWidget(m_filter);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(top);
    layout->addWidget(m_limitNote);
    layout->addWidget(m_tree, 1);
    updateSummary();
}

CallTreePanel::~CallTreePanel() = default;

QModelIndex CallTreePanel::currentSourceIndex() const
{
    return m_proxy->mapToSource(m_tree->currentIndex());
}

bool CallTreePanel::selectFunctionCall(const QString &functionCallId)
{
    const QModelIndex proxyIndex =
        m_proxy->mapFromSource(m_model->indexForFunctionCallId(functionCallId));
    if (!proxyIndex.isValid())
        return false;
    revealAndSelect(proxyIndex);
    return true;
}

void CallTreePanel::setFilterText(const QString &text)
{
    m_filter->setText(text);
    m_filterDebounce.stop(); // setText() started it
    applyFilter();
}

void CallTreePanel::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

void CallTreePanel::expandAll()
{
    m_userShapedTree = true;
    if (m_model->functionCallCount() <= ExpandAllAtOnceRows) {
        stopExpandingAll();
        m_expandingForUser = true;
        m_tree->expandAll();
        m_expandingForUser = false;
        return;
    }
    m_expander->start();
    updateSummary();
}

bool CallTreePanel::isExpandingAll() const
{
    return m_expander->isRunning();
}

void CallTreePanel::stopExpandingAll()
{
    if (!m_expander->isRunning())
        return;
    m_expander->cancel();
    updateSummary();
}

void CallTreePanel::collapseAll()
{
    stopExpandingAll();
    m_expandingForUser = true;
    m_tree->collapseAll();
    m_expandingForUser = false;
    m_userShapedTree = true;
}

bool CallTreePanel::selectNextFailed(bool backward)
{
    const QModelIndex next =
        findFailedRow(m_proxy, m_tree->currentIndex().siblingAtColumn(0),
                      backward ? SearchDirection::Backward : SearchDirection::Forward);
    if (!next.isValid())
        return false;
    revealAndSelect(next);
    return true;
}

void CallTreePanel::resetForNewCall()
{
    stopExpandingAll();
    m_userShapedTree = false;
    m_expandedBeforeFilter.clear();
}

QString CallTreePanel::summaryText() const
{
    return m_summary->text();
}

void CallTreePanel::applyFilter()
{
    const QString text = m_filter->text().trimmed();
    const BusyNotice busy(
        m_summary, tr("Filtering %L1 function calls\u2026").arg(m_model->functionCallCount()),
        m_model->functionCallCount() > BusyNoticeRows);
    beforeFilterChange(text);
    m_proxy->setFilterText(text);
    afterFilterChange();
}

void CallTreePanel::requestFilter()
{
    stopExpandingAll();
    const QString text = m_filter->text().trimmed();
    m_proxy->requestFilterText(text);
    if (!m_proxy->isFilterPending()) {
        updateSummary();
        return;
    }
    if (m_model->functionCallCount() > BusyNoticeRows)
        m_summary->setText(
            tr("Filtering %L1 function calls\u2026").arg(m_model->functionCallCount()));
}

void CallTreePanel::beforeFilterChange(const QString &newText)
{
    stopExpandingAll();
    const bool active = !newText.isEmpty();
    m_filterWasActive = !m_proxy->filterText().isEmpty();
    if (active && !m_filterWasActive) {
        m_expandedBeforeFilter.clear();
        forEachExpanded(m_tree, [this](const QModelIndex &proxyIndex) {
            m_expandedBeforeFilter.insert(
                proxyIndex.data(CallTreeModel::FunctionCallIdRole).toString());
        });
    }
    m_currentBeforeFilter = m_tree->currentIndex();
    // The view keeps each expanded row as a persistent index, and every row a filter
    // hides updates all of them: with 100,000 rows expanded a filter took minutes. The
    // expansion is remembered by ID above and put back below, so start from collapsed.
    m_expandingForUser = true;
    m_tree->collapseAll();
    m_expandingForUser = false;
}

void CallTreePanel::afterFilterChange()
{
    const bool active = !m_proxy->filterText().isEmpty();
    m_expandingForUser = true;
    if (active) {
        openTheWayToMatches();
    } else if (m_filterWasActive) {
        // Back to the tree as the user had shaped it, plus the way to the selected row.
        // Rows are expanded one by one, each costing the view a pass over the expanded
        // rows: past ExpandAllOnFilterLimit (the user had opened nearly everything of a
        // huge call) the whole tree is opened in one pass instead.
        if (m_expandedBeforeFilter.size() > ExpandAllOnFilterLimit) {
            m_tree->expandAll();
            m_expandedBeforeFilter.clear();
        }
        for (const QString &id : std::as_const(m_expandedBeforeFilter)) {
            const QModelIndex proxyIndex =
                m_proxy->mapFromSource(m_model->indexForFunctionCallId(id));
            if (proxyIndex.isValid())
                m_tree->expand(proxyIndex);
        }
        m_expandedBeforeFilter.clear();
    }
    m_expandingForUser = false;
    const QPersistentModelIndex current = std::exchange(m_currentBeforeFilter, {});
    if (current.isValid())
        revealAndSelect(current);
    updateSummary();
    updateMatchCount();
}

// Expands the ancestors of the first matches, a match three levels down as much as one at
// the top. Only the way to them: expanding everything of a filter that matches most of a
// huge call would stall the window.
void CallTreePanel::openTheWayToMatches()
{
    const QList<QModelIndex> matches = m_proxy->firstMatches(m_matchOpenLimit);
    for (const QModelIndex &match : matches) {
        // Rows are opened from a collapsed tree, each with the way above it: one already
        // open has its ancestors open too.
        for (QModelIndex p = match.parent(); p.isValid() && !m_tree->isExpanded(p); p = p.parent())
            m_tree->expand(p);
    }
}

bool CallTreePanel::selectNextMatch(bool backward)
{
    const QModelIndex next =
        m_proxy->nextMatch(m_tree->currentIndex().siblingAtColumn(0),
                           backward ? SearchDirection::Backward : SearchDirection::Forward);
    if (!next.isValid())
        return false;
    revealAndSelect(next);
    return true;
}

QString CallTreePanel::matchCountText() const
{
    return m_matchCount->isHidden() ? QString() : m_matchCount->text();
}

QString CallTreePanel::matchLimitNote() const
{
    return m_limitNote->isHidden() ? QString() : m_limitNote->text();
}

void CallTreePanel::updateMatchCount()
{
    const bool active = !m_proxy->filterText().isEmpty();
    const int count = m_proxy->matchCount();
    if (active) {
        m_matchCount->setText(count == 0   ? tr("No matches")
                              : count == 1 ? tr("1 match")
                                           : tr("%L1 matches").arg(count));
    }
    m_matchCount->setVisible(active);
    const bool limited = active && count > m_matchOpenLimit;
    if (limited) {
        m_limitNote->setText(tr("Showing the first %L1 of %L2 matches opened; F3 steps "
                                "through all of them.")
                                 .arg(m_matchOpenLimit)
                                 .arg(count));
    }
    m_limitNote->setVisible(limited);
}

void CallTreePanel::onRowsInserted(const QModelIndex &parent, int first, int last)
{
    // First level open as the call's function calls arrive; the user's shape wins after.
    // A call with thousands of top-level rows opens none: expanding them all would be
    // slow and no easier to read.
    if (m_userShapedTree || parent.isValid() || last < first ||
        m_proxy->rowCount() > ExpandTopLevelLimit)
        return;
    m_expandingForUser = true;
    for (int row = first; row <= last; ++row)
        m_tree->expand(m_proxy->index(row, 0));
    m_expandingForUser = false;
}

void CallTreePanel::updateSummary()
{
    if (m_expander && m_expander->isRunning()) {
        m_summary->setText(
            tr("Expanding %L1 function calls\u2026").arg(m_model->functionCallCount()));
        return;
    }
    QString text = CallTreeModel::describeCounts(m_model->statusCounts());
    if (!m_proxy->filterText().isEmpty())
        text += tr(" \u00b7 filtered by \u201c%1\u201d").arg(m_proxy->filterText());
    m_summary->setText(m_model->callId().isEmpty() ? QString() : text);
}

void CallTreePanel::revealAndSelect(const QModelIndex &proxyIndex)
{
    m_expandingForUser = true;
    for (QModelIndex p = proxyIndex.parent(); p.isValid(); p = p.parent())
        m_tree->expand(p);
    m_expandingForUser = false;
    m_tree->setCurrentIndex(proxyIndex.siblingAtColumn(0));
    m_tree->scrollTo(proxyIndex, QAbstractItemView::EnsureVisible);
}

void CallTreePanel::showTraceColumns(bool show)
{
    for (int column :
         {CallTreeModel::NodeColumn, CallTreeModel::EdgeColumn, CallTreeModel::TryColumn}) {
        if (m_tree->isColumnHidden(column) == show)
            m_tree->setColumnHidden(column, !show);
    }
}

} // namespace bem
