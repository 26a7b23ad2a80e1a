// SPDX-License-Identifier: MIT
#pragma once

#include "timelinelayout.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <vector>

class QAction;
class QToolButton;
class QTreeView;
class QWidget;

namespace bem {

class CallFilterProxyModel;
class CallTreeModel;
class TimelineDelegate;
class TimelineHeader;

// The Timeline column of the function-call tree: installs its delegate and ruler header on
// the view and owns what the user does with it: zoom (double-click a bar, or Zoom to Row on
// the selected row; Backspace or the header's button goes back), the critical path (a
// toggle, F9 and Shift+F9 step along it) and, while the call runs, a timer that repaints
// only the column's visible part so running bars grow.
class TimelineController final : public QObject
{
    Q_OBJECT
public:
    // `actionHost` gets the actions (their shortcuts work while it has focus inside).
    TimelineController(QTreeView *view, CallFilterProxyModel *proxy, CallTreeModel *model,
                       QWidget *actionHost);
    ~TimelineController() override;
    Q_DISABLE_COPY_MOVE(TimelineController)

    TimelineDelegate *delegate() const { return m_delegate; }
    TimelineHeader *header() const { return m_header; }
    // Zoom to Row, Zoom Back, Critical Path, Next and Previous on Critical Path.
    QList<QAction *> actions() const;
    QAction *zoomToRowAction() const { return m_zoomToRow; }
    QAction *zoomBackAction() const { return m_zoomBack; }
    QAction *criticalPathAction() const { return m_criticalPath; }
    QAction *nextOnPathAction() const { return m_nextOnPath; }

    // The time shown now: the zoomed span, else the whole call (to "now" while it runs).
    TimeWindow window() const;
    bool isZoomed() const { return !m_zoomStack.empty(); }
    // Zooms to the subtree span of the function call at this CallTreeModel index; false
    // when it has no times.
    bool zoomTo(const QModelIndex &sourceIndex);
    void zoomBack();
    void setCriticalPathShown(bool shown);
    // The critical path's function calls, earliest first (CallTreeModel indexes, column 0).
    QList<QModelIndex> criticalPathRows() const;
    // Selects the next (previous) function call on the critical path after the selected
    // row; false when there is no path.
    bool stepAlongPath(bool backward = false);
    // The repaint timer runs (a live call with the column shown).
    bool isTicking() const { return m_tick.isActive(); }
    static constexpr int TickMs = 250;

    // Re-reads the window and repaints the column and its ruler (the timer does it).
    void refresh();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onSnapshotApplied();
    void recomputePath();
    void updateTicking();
    void placeBackButton();
    void repaintColumn();

    QTreeView *m_view;
    CallFilterProxyModel *m_proxy;
    CallTreeModel *m_model;
    TimelineDelegate *m_delegate;
    TimelineHeader *m_header;
    QObject *m_viewport = nullptr;
    QPointer<QToolButton> m_backButton; // the header's child
    QAction *m_zoomToRow;
    QAction *m_zoomBack;
    QAction *m_criticalPath;
    QAction *m_nextOnPath;
    QAction *m_previousOnPath;
    std::vector<TimeWindow> m_zoomStack;
    std::vector<int> m_path; // snapshot function call indexes, earliest first
    QString m_callId;
    QTimer m_tick;
};

} // namespace bem
