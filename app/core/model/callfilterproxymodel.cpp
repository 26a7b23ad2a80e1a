// SPDX-License-Identifier: MIT
#include "callfilterproxymodel.h"

#include "calltreemodel.h"

#include <algorithm>
#include <array>

namespace bem {
namespace {

// The roles rowMatches() reads: a dataChanged() naming none of them cannot change a match.
bool touchesFilteredRoles(const QList<int> &roles)
{
    if (roles.isEmpty())
        return true;
    static constexpr int filtered[] = {
        Qt::DisplayRole,
        CallTreeModel::FullTextRole,
        CallTreeModel::FunctionCallIdRole,
        CallTreeModel::FunctionIdRole,
        CallTreeModel::RawStatusRole,
        CallTreeModel::ReferenceIdRole,
        CallTreeModel::StatusRole,
        CallTreeModel::NodeKindRole,
    };
    return std::any_of(roles.begin(), roles.end(), [](int role) {
        return std::find(std::begin(filtered), std::end(filtered), role) != std::end(filtered);
    });
}

} // namespace

CallFilterProxyModel::CallFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    // Rows keep the API order; filtering still follows data changes.
    setDynamicSortFilter(true);
    m_slice.setSingleShot(true);
    m_slice.setInterval(0);
    connect(&m_slice, &QTimer::timeout, this, &CallFilterProxyModel::matchSlice);
}

CallFilterProxyModel::~CallFilterProxyModel() = default;

void CallFilterProxyModel::setSourceModel(QAbstractItemModel *model)
{
    if (model == sourceModel())
        return;
    for (const QMetaObject::Connection &c : m_connections)
        disconnect(c);
    m_connections.clear();
    m_source = model;
    m_calls = qobject_cast<CallTreeModel *>(model);
    m_needsRefilter = false;
    // Built before the base class's reset, when views start asking for rows.
    rebuild();
    restartPending();
    if (model) {
        // Connected before QSortFilterProxyModel's own handlers, so the cache is current
        // when they call filterAcceptsRow().
        const auto rebuildAll = [this] {
            rebuild();
            restartPending();
        };
        m_connections = {
            connect(model, &QAbstractItemModel::modelAboutToBeReset, this,
                    [this] {
                        m_entries.clear();
                        m_matchCount = 0;
                        restartPending();
                    }),
            connect(model, &QAbstractItemModel::modelReset, this, rebuildAll),
            connect(model, &QAbstractItemModel::layoutChanged, this, rebuildAll),
            connect(model, &QAbstractItemModel::rowsMoved, this, rebuildAll),
            connect(model, &QObject::destroyed, this,
                    [this] {
                        m_entries.clear();
                        m_matchCount = 0;
                    }),
            connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, this,
                    &CallFilterProxyModel::sourceRowsAboutToBeRemoved),
            connect(model, &QAbstractItemModel::rowsInserted, this,
                    &CallFilterProxyModel::sourceRowsInserted),
            connect(model, &QAbstractItemModel::dataChanged, this,
                    &CallFilterProxyModel::sourceDataChanged),
        };
    }
    QSortFilterProxyModel::setSourceModel(model);
    if (!model)
        return;
    if (auto *calls = qobject_cast<CallTreeModel *>(model)) {
        // One re-filter per refresh, however many of its signals moved a match.
        m_connections.push_back(connect(calls, &CallTreeModel::snapshotApplied, this,
                                        &CallFilterProxyModel::refilterIfNeeded));
        return;
    }
    // Other models: right after QSortFilterProxyModel has handled each change.
    const auto refilter = [this] { refilterIfNeeded(); };
    m_connections.push_back(connect(model, &QAbstractItemModel::rowsInserted, this, refilter));
    m_connections.push_back(connect(model, &QAbstractItemModel::rowsRemoved, this, refilter));
    m_connections.push_back(connect(model, &QAbstractItemModel::dataChanged, this, refilter));
}

void CallFilterProxyModel::setFilterText(const QString &text)
{
    m_slice.stop();
    m_pending.reset();
    m_text = text;
    const QStringList words = text.simplified().split(u' ', Qt::SkipEmptyParts);
    if (words == m_words)
        return;
    m_words = words;
    rebuild();
    m_needsRefilter = false;
    invalidateRowsFilter();
}

bool CallFilterProxyModel::matches(const QModelIndex &sourceIndex) const
{
    if (m_words.isEmpty() || !sourceIndex.isValid())
        return false;
    const QModelIndex index =
        sourceIndex.model() == this ? mapToSource(sourceIndex) : QModelIndex(sourceIndex);
    return index.isValid() && rowMatches(index.siblingAtColumn(0));
}

bool CallFilterProxyModel::isActivity(const QModelIndex &sourceIndex) const
{
    if (m_calls && sourceIndex.model() == m_calls)
        return m_calls->kind(sourceIndex) != CallTreeModel::NodeKind::FunctionCall;
    const QVariant kind = sourceIndex.data(CallTreeModel::NodeKindRole);
    return kind.isValid() &&
           kind.value<CallTreeModel::NodeKind>() != CallTreeModel::NodeKind::FunctionCall;
}

bool CallFilterProxyModel::rowMatches(const QModelIndex &index, const QStringList &words) const
{
    const auto allWordsIn = [&words](const QString *fields, size_t count) {
        return std::all_of(words.begin(), words.end(), [&](const QString &word) {
            return std::any_of(fields, fields + count, [&](const QString &f) {
                return f.contains(word, Qt::CaseInsensitive);
            });
        });
    };
    if (m_calls && index.model() == m_calls) {
        // The same fields as below, read from the function call itself.
        const FunctionCall *fc = m_calls->functionCall(index);
        if (!fc)
            return false;
        if (const ActivityEntry *step = m_calls->activityEntry(index)) {
            const QString fields[] = {CallTreeModel::cellText(*fc, step, CallTreeModel::NameColumn),
                                      step->status.raw()};
            return allWordsIn(fields, 2);
        }
        if (const Event *event = m_calls->eventAt(index)) {
            const QString fields[] = {eventName(*event), event->eventType, event->choice,
                                      event->message, event->eventId};
            return allWordsIn(fields, 5);
        }
        if (m_calls->kind(index) != CallTreeModel::NodeKind::FunctionCall)
            return false;
        const QString fields[] = {CallTreeModel::cellText(*fc, nullptr, CallTreeModel::NameColumn),
                                  fc->status.raw(),
                                  fc->functionCallId,
                                  fc->functionId,
                                  fc->referenceId,
                                  fc->type};
        return allWordsIn(fields, 6);
    }
    std::array<QString, 6> fields;
    size_t count = 0;
    fields[count++] = index.siblingAtColumn(CallTreeModel::NameColumn)
                          .data(CallTreeModel::FullTextRole)
                          .toString();
    fields[count++] = index.data(CallTreeModel::RawStatusRole).toString();
    if (!isActivity(index)) {
        fields[count++] = index.data(CallTreeModel::FunctionCallIdRole).toString();
        fields[count++] = index.data(CallTreeModel::FunctionIdRole).toString();
        fields[count++] = index.data(CallTreeModel::ReferenceIdRole).toString();
        fields[count++] = index.siblingAtColumn(CallTreeModel::TypeColumn)
                              .data(CallTreeModel::FullTextRole)
                              .toString();
    }
    return std::all_of(words.begin(), words.end(), [&](const QString &word) {
        return std::any_of(fields.begin(), fields.begin() + qsizetype(count),
                           [&](const QString &f) { return f.contains(word, Qt::CaseInsensitive); });
    });
}

bool CallFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_words.isEmpty())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (isActivity(index)) {
        if (!sourceParent.isValid())
            return false;
        const auto owner = m_entries.constFind(sourceParent.internalId());
        if (owner == m_entries.constEnd())
            return false;
        return owner->self ||
               (size_t(sourceRow) < owner->steps.size() && owner->steps[size_t(sourceRow)]);
    }
    const auto it = m_entries.constFind(index.internalId());
    return it != m_entries.constEnd() && it->visible();
}

CallFilterProxyModel::Entry *CallFilterProxyModel::entry(const QModelIndex &sourceIndex)
{
    if (!sourceIndex.isValid())
        return nullptr;
    const auto it = m_entries.find(sourceIndex.internalId());
    return it == m_entries.end() ? nullptr : &*it;
}

void CallFilterProxyModel::rebuild()
{
    Walk w;
    w.words = m_words;
    w.nextTop = 0;
    if (m_source && !m_words.isEmpty())
        walk(w, QDeadlineTimer(QDeadlineTimer::Forever));
    m_entries = std::move(w.entries);
    m_matchCount = w.matching;
}

// Enters the function call at `top` and everything below it into the cache; returns how
// many matching rows it adds (itself included).
int CallFilterProxyModel::addSubtree(const QModelIndex &top)
{
    Walk w;
    w.words = m_words;
    w.entries.swap(m_entries);
    enter(w, top);
    walk(w, QDeadlineTimer(QDeadlineTimer::Forever));
    m_entries.swap(w.entries);
    return w.matching;
}

void CallFilterProxyModel::enter(Walk &w, const QModelIndex &index) const
{
    Entry fresh;
    fresh.self = rowMatches(index, w.words);
    w.entries.insert(index.internalId(), std::move(fresh));
    w.stack.push_back({index, 0, m_source->rowCount(index), 0});
}

bool CallFilterProxyModel::walk(Walk &w, const QDeadlineTimer &deadline) const
{
    for (int steps = 1;; ++steps) {
        if (w.stack.empty()) {
            if (w.nextTop < 0 || w.nextTop >= m_source->rowCount())
                return true;
            const QModelIndex top = m_source->index(w.nextTop++, 0);
            if (!isActivity(top))
                enter(w, top);
            continue;
        }
        // Reading the clock costs more than a row.
        if (steps % 64 == 0 && deadline.hasExpired())
            return false;
        Frame &f = w.stack.back();
        if (f.next < f.count) {
            const QModelIndex child = m_source->index(f.next++, 0, f.index);
            if (isActivity(child)) {
                const bool match = rowMatches(child, w.words);
                w.entries[f.index.internalId()].steps.push_back(match);
                f.below += int(match);
            } else {
                enter(w, child); // `f` is not used after this
            }
            continue;
        }
        Entry &done = w.entries[f.index.internalId()];
        done.below = f.below;
        const int matching = int(done.self) + f.below;
        w.stack.pop_back();
        if (w.stack.empty())
            w.matching += matching;
        else
            w.stack.back().below += matching;
    }
}

// Drops the function call at `top` and everything below it from the cache; returns how
// many matching rows go with it.
int CallFilterProxyModel::removeSubtree(const QModelIndex &top)
{
    const Entry *e = entry(top);
    const int removed = e ? int(e->self) + e->below : 0;
    std::vector<QModelIndex> stack{top};
    while (!stack.empty()) {
        const QModelIndex index = stack.back();
        stack.pop_back();
        m_entries.remove(index.internalId());
        const int rows = m_source->rowCount(index);
        for (int row = 0; row < rows; ++row) {
            const QModelIndex child = m_source->index(row, 0, index);
            if (!isActivity(child))
                stack.push_back(child);
        }
    }
    return removed;
}

// Counts `delta` more matching rows below `parent` and each of its ancestors. One that
// appears or disappears this way gets no source signal of its own: re-filter later.
void CallFilterProxyModel::addBelow(const QModelIndex &parent, int delta)
{
    if (delta == 0)
        return;
    m_matchCount += delta;
    for (QModelIndex p = parent; p.isValid(); p = p.parent()) {
        Entry *e = entry(p);
        if (!e)
            continue;
        const bool wasVisible = e->visible();
        e->below += delta;
        if (e->visible() != wasVisible)
            m_needsRefilter = true;
    }
}

void CallFilterProxyModel::refilterIfNeeded()
{
    if (!m_needsRefilter)
        return;
    m_needsRefilter = false;
    invalidateRowsFilter();
}

void CallFilterProxyModel::sourceRowsAboutToBeRemoved(const QModelIndex &parent, int first,
                                                      int last)
{
    restartPending(); // its walk holds rows that may be going
    if (m_words.isEmpty())
        return;
    int delta = 0;
    for (int row = last; row >= first; --row) {
        const QModelIndex index = m_source->index(row, 0, parent);
        if (!isActivity(index)) {
            delta -= removeSubtree(index);
            continue;
        }
        Entry *owner = entry(parent);
        if (owner && size_t(row) < owner->steps.size()) {
            delta -= int(owner->steps[size_t(row)]);
            owner->steps.erase(owner->steps.begin() + row);
        }
    }
    addBelow(parent, delta);
}

void CallFilterProxyModel::sourceRowsInserted(const QModelIndex &parent, int first, int last)
{
    restartPending();
    if (m_words.isEmpty())
        return;
    int delta = 0;
    for (int row = first; row <= last; ++row) {
        const QModelIndex index = m_source->index(row, 0, parent);
        if (!isActivity(index)) {
            delta += addSubtree(index);
            continue;
        }
        Entry *owner = entry(parent);
        if (owner && size_t(row) <= owner->steps.size()) {
            const bool match = rowMatches(index);
            owner->steps.insert(owner->steps.begin() + row, match);
            delta += int(match);
        }
    }
    addBelow(parent, delta);
}

void CallFilterProxyModel::sourceDataChanged(const QModelIndex &topLeft,
                                             const QModelIndex &bottomRight,
                                             const QList<int> &roles)
{
    if (!topLeft.isValid() || !touchesFilteredRoles(roles))
        return;
    restartPending();
    if (m_words.isEmpty())
        return;
    const QModelIndex parent = topLeft.parent();
    int delta = 0;
    for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
        const QModelIndex index = m_source->index(row, 0, parent);
        const bool match = rowMatches(index);
        if (isActivity(index)) {
            Entry *owner = entry(parent);
            if (owner && size_t(row) < owner->steps.size() && owner->steps[size_t(row)] != match) {
                owner->steps[size_t(row)] = match;
                delta += match ? 1 : -1;
            }
            continue;
        }
        Entry *e = entry(index);
        if (!e || e->self == match)
            continue;
        e->self = match;
        delta += match ? 1 : -1;
        // The source says nothing about its steps, which follow their function call.
        if (std::find(e->steps.begin(), e->steps.end(), false) != e->steps.end())
            m_needsRefilter = true;
    }
    addBelow(parent, delta);
}

QList<QModelIndex> CallFilterProxyModel::firstMatches(int limit) const
{
    QList<QModelIndex> found;
    if (m_words.isEmpty() || limit <= 0)
        return found;
    // Pre-order without recursion; every row shown leads to a match (or is a step of a
    // matching function call), so the walk stays close to the matches it collects.
    std::vector<QModelIndex> stack;
    for (int row = rowCount() - 1; row >= 0; --row)
        stack.push_back(index(row, 0));
    while (!stack.empty() && found.size() < limit) {
        const QModelIndex current = stack.back();
        stack.pop_back();
        if (matches(current))
            found.append(current);
        for (int row = rowCount(current) - 1; row >= 0; --row)
            stack.push_back(index(row, 0, current));
    }
    return found;
}

QModelIndex CallFilterProxyModel::nextMatch(const QModelIndex &from,
                                            SearchDirection direction) const
{
    if (m_words.isEmpty() || m_matchCount == 0 || rowCount() == 0)
        return {};
    const auto lastBelow = [this](QModelIndex index) {
        for (int rows = rowCount(index); rows > 0; rows = rowCount(index))
            index = this->index(rows - 1, 0, index);
        return index;
    };
    const auto next = [&](QModelIndex index) -> QModelIndex {
        if (rowCount(index) > 0)
            return this->index(0, 0, index);
        while (index.isValid()) {
            const QModelIndex parent = index.parent();
            if (index.row() + 1 < rowCount(parent))
                return this->index(index.row() + 1, 0, parent);
            index = parent;
        }
        return {};
    };
    const auto previous = [&](const QModelIndex &index) -> QModelIndex {
        if (index.row() > 0)
            return lastBelow(this->index(index.row() - 1, 0, index.parent()));
        return index.parent();
    };
    const bool forward = direction == SearchDirection::Forward;
    const QModelIndex start =
        from.isValid() && from.model() == this ? from.siblingAtColumn(0) : QModelIndex();
    // One step past the end wraps to the other end.
    const auto step = [&](const QModelIndex &index) {
        const QModelIndex stepped = forward ? next(index) : previous(index);
        if (stepped.isValid())
            return stepped;
        return forward ? this->index(0, 0) : lastBelow(this->index(rowCount() - 1, 0));
    };
    QModelIndex index = step(start);
    const QModelIndex first = index;
    while (!matches(index)) {
        index = step(index);
        if (index == first)
            return {}; // all the way round: what is shown does not match (yet)
    }
    return index;
}

} // namespace bem
