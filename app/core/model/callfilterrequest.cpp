// SPDX-License-Identifier: MIT
// CallFilterProxyModel's filters asked for by requestFilterText(): matched a slice at a
// time between event-loop turns, then applied at once.
#include "callfilterproxymodel.h"

#include "backgroundpool.h"

#include <utility>

namespace bem {

void CallFilterProxyModel::requestFilterText(const QString &text)
{
    const QStringList words = text.simplified().split(u' ', Qt::SkipEmptyParts);
    m_slice.stop();
    m_pending.reset();
    if (words == m_words) {
        m_text = text;
        return;
    }
    m_pending = std::make_unique<Walk>();
    m_pending->words = words;
    m_pendingText = text;
    restartPending();
}

QString CallFilterProxyModel::pendingFilterText() const
{
    return m_pending ? m_pendingText : QString();
}

void CallFilterProxyModel::restartPending()
{
    if (!m_pending)
        return;
    m_pending->entries.clear();
    m_pending->stack.clear();
    m_pending->nextTop = 0;
    m_pending->matching = 0;
    m_slice.start();
}

void CallFilterProxyModel::matchSlice()
{
    if (!m_pending)
        return;
    if (m_source && !m_pending->words.isEmpty() &&
        !walk(*m_pending, QDeadlineTimer(SliceMs, Qt::PreciseTimer))) {
        m_slice.start();
        return;
    }
    Q_EMIT filterAboutToBeApplied(); // pendingFilterText() still answers
    if (!m_pending)
        return; // a handler asked for another filter
    const std::unique_ptr<Walk> done = std::move(m_pending);
    m_text = m_pendingText;
    m_words = done->words;
    // A hundred thousand entries take a while to free: not on this thread.
    if (m_entries.size() > 1000) {
        backgroundPool()->start(
            [doomed = std::exchange(m_entries, {})]() mutable { doomed.clear(); });
    }
    m_entries = std::move(done->entries);
    m_matchCount = done->matching;
    m_needsRefilter = false;
    // Not invalidateRowsFilter(): that re-filters every parent the proxy has mapped so far
    // (after a broad filter, tens of thousands) with a signal for each change; dropping
    // the mapping costs the persistent indexes (few: the panel collapses the tree first).
    invalidate();
    Q_EMIT filterApplied();
}

} // namespace bem
