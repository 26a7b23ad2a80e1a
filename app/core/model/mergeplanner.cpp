// SPDX-License-Identifier: MIT
#include "mergeplanner.h"

#include <algorithm>
#include <utility>

namespace bem {
namespace {

// Marks a longest strictly increasing subsequence of `values`, ignoring entries < 0.
// Patience sorting: O(n log n), and O(n) comparisons when everything is in order.
std::vector<char> longestIncreasingRun(const std::vector<int> &values)
{
    std::vector<int> tails; // tails[len-1] = position ending the best run of that length
    std::vector<int> previous(values.size(), -1);
    for (size_t k = 0; k < values.size(); ++k) {
        const int v = values[k];
        if (v < 0)
            continue;
        if (tails.empty() || values[size_t(tails.back())] < v) {
            previous[k] = tails.empty() ? -1 : tails.back();
            tails.push_back(int(k));
            continue;
        }
        const auto it = std::lower_bound(tails.begin(), tails.end(), v, [&](int pos, int value) {
            return values[size_t(pos)] < value;
        });
        previous[k] = it == tails.begin() ? -1 : *(it - 1);
        *it = int(k);
    }
    std::vector<char> keep(values.size(), 0);
    for (int k = tails.empty() ? -1 : tails.back(); k >= 0; k = previous[size_t(k)])
        keep[size_t(k)] = 1;
    return keep;
}

class Planner
{
public:
    Planner(const CallSnapshot &from, const CallSnapshot &to, MergePlan &plan)
        : m_from(from)
        , m_to(to)
        , m_plan(plan)
        , m_sameTree(to.tree.sharesStructureWith(from.tree))
    {
        // A refresh read against `from` that kept its tree knows which function calls it
        // copied untouched: only the others need comparing.
        if (m_sameTree && to.lineage && to.lineage->previous.lock().get() == &from &&
            to.lineage->unchanged.size() == size_t(from.call.functionCalls.size()))
            m_unchanged = &to.lineage->unchanged;
    }

    // Parents are visited as the model used to walk them: a stack, a parent's surviving
    // children pushed in order (so the last one comes next). Only rows that stay have
    // children to merge; inserted ones arrive whole.
    void run()
    {
        std::vector<std::pair<int, int>> stack{{-1, -1}};
        while (!stack.empty()) {
            const auto [oldParent, newParent] = stack.back();
            stack.pop_back();
            planChildren(oldParent, newParent, stack);
        }
    }

private:
    const std::vector<int> &oldChildren(int parent) const
    {
        return parent < 0 ? m_from.tree.roots() : m_from.tree.node(parent).children;
    }
    const std::vector<int> &newChildren(int parent) const
    {
        return parent < 0 ? m_to.tree.roots() : m_to.tree.node(parent).children;
    }
    void add(MergeOp::Kind kind, int target, int first, int last)
    {
        m_plan.ops.push_back({kind, target, first, last});
    }

    void planChildren(int oldParent, int newParent, std::vector<std::pair<int, int>> &stack)
    {
        const std::vector<int> &before = oldChildren(oldParent);
        const std::vector<int> &wanted = newChildren(newParent);

        // 1. Which children stay: same key, same parent, and the longest run of them that
        //    is still in order. They take their new data at once; contiguous changed rows
        //    share one operation.
        const size_t oldCount = before.size();
        std::vector<int> newRows(oldCount, -1);
        std::vector<int> newIndex(oldCount, -1);
        for (size_t k = 0; k < oldCount; ++k) {
            const int i = before[k];
            if (m_sameTree) { // every function call is where it was
                newIndex[k] = i;
                newRows[k] = int(k);
                continue;
            }
            const int j = m_to.tree.indexOf(m_from.call.functionCalls[i].functionCallId,
                                            m_from.tree.node(i).occurrence);
            if (j >= 0 && m_to.tree.node(j).parent == newParent) {
                newIndex[k] = j;
                newRows[k] = m_to.tree.node(j).row;
            }
        }
        const std::vector<char> keep = longestIncreasingRun(newRows);
        int changedFrom = -1;
        const auto flushChanged = [&](int end) {
            if (changedFrom >= 0)
                add(MergeOp::Kind::ChangeRows, oldParent, changedFrom, end - 1);
            changedFrom = -1;
        };
        std::vector<std::pair<int, int>> survivors; // (old index, new index), in order
        for (size_t k = 0; k < oldCount; ++k) {
            bool changed = false;
            if (keep[k]) {
                m_plan.keptAs[size_t(before[k])] = newIndex[k];
                survivors.emplace_back(before[k], newIndex[k]);
                changed = !(m_unchanged && (*m_unchanged)[size_t(before[k])]) &&
                          planRow(before[k], newIndex[k]);
            }
            if (changed && changedFrom < 0)
                changedFrom = int(k);
            else if (!changed)
                flushChanged(int(k));
        }
        flushChanged(int(oldCount));

        // 2. Remove the others, last run first so earlier positions stay right.
        for (int k = int(oldCount) - 1; k >= 0;) {
            if (keep[size_t(k)]) {
                --k;
                continue;
            }
            const int last = k;
            while (k >= 0 && !keep[size_t(k)])
                --k;
            add(MergeOp::Kind::RemoveRows, oldParent, k + 1, last);
        }

        // 3. Insert what is new, run by run, between the survivors. Positions before and
        //    after are the same here: everything before a run is already in place.
        size_t s = 0;
        for (size_t j = 0; j < wanted.size();) {
            if (s < survivors.size() && survivors[s].second == wanted[j]) {
                stack.push_back(survivors[s]);
                ++s;
                ++j;
                continue;
            }
            const int next = s < survivors.size() ? survivors[s].second : -1;
            size_t end = j;
            while (end < wanted.size() && wanted[end] != next)
                ++end;
            add(MergeOp::Kind::InsertRows, oldParent, int(j), int(end) - 1);
            j = end;
        }
    }

    template<typename T>
    void planList(int i, const QList<T> &old, const QList<T> &fresh, MergeOp::Kind remove,
                  MergeOp::Kind insert, MergeOp::Kind change)
    {
        const int oldCount = int(old.size());
        const int newCount = int(fresh.size());
        if (oldCount == newCount && old == fresh)
            return;
        if (newCount < oldCount)
            add(remove, i, newCount, oldCount - 1);
        else if (newCount > oldCount)
            add(insert, i, oldCount, newCount - 1);
        int first = -1;
        int last = -1;
        for (int a = 0; a < std::min(oldCount, newCount); ++a) {
            if (old[a] != fresh[a]) {
                if (first < 0)
                    first = a;
                last = a;
            }
        }
        if (first >= 0)
            add(change, i, first, last);
    }

    // The operations on the events and steps of a row that stays; returns whether its own row
    // changed.
    bool planRow(int i, int j)
    {
        const FunctionCall &old = m_from.call.functionCalls[i];
        const FunctionCall &fresh = m_to.call.functionCalls[j];
        const CallTree::Node &was = m_from.tree.node(i);
        const CallTree::Node &is = m_to.tree.node(j);
        // Events are matched by position, like steps: a trace only grows at the end.
        planList(i, old.events, fresh.events, MergeOp::Kind::RemoveEvents,
                 MergeOp::Kind::InsertEvents, MergeOp::Kind::ChangeEvents);
        planList(i, old.activity, fresh.activity, MergeOp::Kind::RemoveSteps,
                 MergeOp::Kind::InsertSteps, MergeOp::Kind::ChangeSteps);
        return !old.sameExceptActivity(fresh) || was.parentMissing != is.parentMissing ||
               was.cycleBroken != is.cycleBroken || was.duplicateId != is.duplicateId;
    }

    const CallSnapshot &m_from;
    const CallSnapshot &m_to;
    MergePlan &m_plan;
    const bool m_sameTree;
    const std::vector<char> *m_unchanged = nullptr;
};

} // namespace

MergePlan planMerge(const CallSnapshot &from, const CallSnapshot &to)
{
    MergePlan plan;
    plan.from = &from;
    plan.to = &to;
    plan.keptAs.assign(size_t(from.call.functionCalls.size()), -1);
    Planner(from, to, plan).run();
    return plan;
}

} // namespace bem
