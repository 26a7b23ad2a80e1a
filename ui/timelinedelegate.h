// SPDX-License-Identifier: MIT
#pragma once

#include "timelinelayout.h"

#include <QSet>
#include <QStyledItemDelegate>

#include <functional>

class QTreeView;

namespace bem {

class CallFilterProxyModel;
class CallTreeModel;
struct FunctionCall;

// Paints the Timeline column: a bar per function call from its start to its end in its
// status colour (a running one reaching "now"), the whole subtree's span behind a
// collapsed parent, a marker for a call that only has a start, and a thin tick at an
// event's time. With the critical path shown, rows off it are dimmed. Everything is read
// from CallTreeModel::timelineTimes(): no date is parsed while painting.
class TimelineDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    TimelineDelegate(QTreeView *view, CallFilterProxyModel *proxy, CallTreeModel *model);

    // The time shown across the column, and "now" (a running bar's end).
    void setWindow(TimeWindow window, qint64 nowMs);
    const TimeWindow &window() const { return m_window; }
    qint64 now() const { return m_nowMs; }
    // The function calls on the critical path; empty: no path shown, nothing dimmed.
    void setCriticalPath(const QSet<const FunctionCall *> &onPath);
    bool showsCriticalPath() const { return !m_onPath.isEmpty(); }

    // The x-range the row's bar takes in a column `width` wide (tests, hit testing).
    TimelineBar barFor(const QModelIndex &proxyIndex, int width) const;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

private:
    QTreeView *m_view;
    CallFilterProxyModel *m_proxy;
    CallTreeModel *m_model;
    TimeWindow m_window;
    qint64 m_nowMs = 0;
    QSet<const FunctionCall *> m_onPath;
};

} // namespace bem
