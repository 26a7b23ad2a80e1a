// SPDX-License-Identifier: MIT
#pragma once

#include <QModelIndex>
#include <QObject>
#include <QPersistentModelIndex>
#include <QPointer>
#include <QTimer>

#include <vector>

class QTreeView;

namespace bem {

// Expands every row of a tree view a slice at a time, so that Expand All on a huge tree
// never holds up the event loop for long. QTreeView::expandAll() lays every row out in one
// go (a fifth of a second at 100,000 function calls); expanding rows one by one is worse
// (each row in sight costs the view a pass over the rows it shows). So the collapsed rows
// in sight are opened level by level while they are few (each lays out only its
// children), until there are enough of them to cut the tree into small parts; then the
// rows below them, out of sight, are marked expanded (the view only notes them), a slice
// at a time; and last those rows in sight are opened one per step, each laying out its
// own part.
//
// The largest pause is the layout of the largest part: small for a tree with some fan-out,
// all of it for a flat call (one row with a hundred thousand children). A change of the
// model's rows starts over; a reset cancels.
class TreeExpander final : public QObject
{
    Q_OBJECT
public:
    explicit TreeExpander(QTreeView *view, QObject *parent = nullptr);
    ~TreeExpander() override;
    Q_DISABLE_COPY_MOVE(TreeExpander)

    static constexpr int SliceMs = 12;

    void start();
    void cancel();
    bool isRunning() const { return m_running; }
    // At most this many rows per slice besides the time limit (tests: many slices).
    void setSliceRows(int rows) { m_sliceRows = rows; }

Q_SIGNALS:
    void finished();

private:
    // Opened level by level while fewer than this many rows in sight are collapsed, and
    // while the next level has at most MaxLevelRows rows.
    static constexpr int EnoughParts = 64;
    static constexpr int MaxLevelRows = 4000;
    // Deep chains: at most this many levels are opened that way.
    static constexpr int MaxLevels = 12;

    enum class Phase { Collect, OpenLevel, Mark, Open };
    struct Frame
    {
        QModelIndex parent;
        int next;
        int count;
    };
    void restart();
    void slice();
    bool step(); // one row's worth of work; false when everything is done
    void collectNext();
    void watchModel();

    QTreeView *m_view;
    QTimer m_timer;
    Phase m_phase = Phase::Collect;
    std::vector<Frame> m_stack;
    // Collapsed rows in sight (with children), found by Collect.
    std::vector<QPersistentModelIndex> m_inSight;
    size_t m_next = 0;
    int m_levels = 0;
    bool m_running = false;
    int m_sliceRows = 1 << 30;
    QPointer<QAbstractItemModel> m_model;
    std::vector<QMetaObject::Connection> m_connections;
};

} // namespace bem
