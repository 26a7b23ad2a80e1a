// SPDX-License-Identifier: MIT
#include "treeexpander.h"

#include <QDeadlineTimer>
#include <QTreeView>

namespace bem {

TreeExpander::TreeExpander(QTreeView *view, QObject *parent)
    : QObject(parent)
    , m_view(view)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(0);
    connect(&m_timer, &QTimer::timeout, this, &TreeExpander::slice);
}

TreeExpander::~TreeExpander() = default;

void TreeExpander::start()
{
    watchModel();
    m_running = true;
    restart();
}

void TreeExpander::cancel()
{
    m_running = false;
    m_timer.stop();
    m_stack.clear();
    m_inSight.clear();
}

void TreeExpander::watchModel()
{
    if (m_model == m_view->model())
        return;
    for (const QMetaObject::Connection &c : m_connections)
        disconnect(c);
    m_model = m_view->model();
    if (!m_model)
        return;
    // The walk holds plain indexes: a change of rows invalidates them.
    const auto again = [this] {
        if (m_running)
            restart();
    };
    m_connections = {
        connect(m_model, &QAbstractItemModel::rowsInserted, this, again),
        connect(m_model, &QAbstractItemModel::rowsRemoved, this, again),
        connect(m_model, &QAbstractItemModel::rowsMoved, this, again),
        connect(m_model, &QAbstractItemModel::layoutChanged, this, again),
        connect(m_model, &QAbstractItemModel::modelReset, this, &TreeExpander::cancel),
    };
}

void TreeExpander::restart()
{
    m_phase = Phase::Collect;
    m_stack.clear();
    m_inSight.clear();
    m_next = 0;
    m_levels = 0;
    if (m_model)
        m_stack.push_back({QModelIndex(), 0, m_model->rowCount()});
    m_timer.start();
}

void TreeExpander::slice()
{
    if (!m_running || !m_model)
        return;

    const QDeadlineTimer deadline(SliceMs, Qt::PreciseTimer);
    for (int rows = 1;; ++rows) {
        if (!step()) {
            cancel();
            Q_EMIT finished();
            return;
        }
        if (rows >= m_sliceRows || deadline.hasExpired()) {
            m_timer.start();
            return;
        }
    }
}

// After Collect: open another level, or cut the tree at these rows.
void TreeExpander::collectNext()
{
    m_next = 0;
    qsizetype below = 0;
    for (const QPersistentModelIndex &row : m_inSight)
        below += m_model->rowCount(row);
    if (!m_inSight.empty() && m_inSight.size() < size_t(EnoughParts) && below <= MaxLevelRows &&
        m_levels < MaxLevels) {
        m_phase = Phase::OpenLevel;
        return;
    }
    m_phase = Phase::Mark;
    m_stack.clear();
}

bool TreeExpander::step()
{
    switch (m_phase) {
    case Phase::Collect: {
        // The rows in sight, for those collapsed.
        if (m_stack.empty()) {
            collectNext();
            return true;
        }
        Frame &f = m_stack.back();
        if (f.next >= f.count) {
            m_stack.pop_back();
            return true;
        }
        const QModelIndex child = m_model->index(f.next++, 0, f.parent);
        if (!m_model->hasChildren(child))
            return true;
        if (m_view->isExpanded(child))
            m_stack.push_back({child, 0, m_model->rowCount(child)}); // `f` dies here
        else
            m_inSight.emplace_back(child);
        return true;
    }
    case Phase::OpenLevel:
        if (m_next < m_inSight.size()) {
            const QPersistentModelIndex row = m_inSight[m_next++];
            if (row.isValid())
                m_view->expand(row); // its children are collapsed: only they are laid out
            return true;
        }
        // The next level is in sight now: look below the rows just opened.
        ++m_levels;
        m_stack.clear();
        // Last first, so that the walk finds the rows in tree order (the view lays them out
        // faster in that order).
        for (auto row = m_inSight.rbegin(); row != m_inSight.rend(); ++row) {
            if (row->isValid())
                m_stack.push_back({*row, 0, m_model->rowCount(*row)});
        }
        m_inSight.clear();
        m_phase = Phase::Collect;
        return true;
    case Phase::Mark: {
        // Everything below the rows in sight, out of sight while they stay collapsed.
        if (m_stack.empty()) {
            if (m_next >= m_inSight.size()) {
                m_phase = Phase::Open;
                m_next = 0;
                return true;
            }
            const QPersistentModelIndex row = m_inSight[m_next++];
            if (row.isValid())
                m_stack.push_back({row, 0, m_model->rowCount(row)});
            return true;
        }
        Frame &f = m_stack.back();
        if (f.next >= f.count) {
            m_stack.pop_back();
            return true;
        }
        const QModelIndex child = m_model->index(f.next++, 0, f.parent);
        if (!m_model->hasChildren(child))
            return true;
        m_view->expand(child); // out of sight: the view only notes it
        m_stack.push_back({child, 0, m_model->rowCount(child)}); // `f` dies here
        return true;
    }
    case Phase::Open:
        if (m_next < m_inSight.size()) {
            const QPersistentModelIndex row = m_inSight[m_next++];
            if (row.isValid())
                m_view->expand(row);
            return true;
        }
        return false;
    }
    return false;
}

} // namespace bem
