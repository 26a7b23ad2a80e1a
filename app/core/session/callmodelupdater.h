// SPDX-License-Identifier: MIT
#pragma once

#include "callsnapshot.h"
#include "latestresult.h"

#include <memory>

#include <QObject>

namespace bem {

class CallTreeModel;
class CallTreeNodes;
struct MergePlan;

// Puts snapshots into a CallTreeModel without holding up the GUI thread: a refresh of a
// large call has its merge plan (which rows survive, which changed) worked out on the
// thread pool, and a different large call its rows built there, so the GUI thread only
// applies them. Small calls are applied at once. A snapshot overtaken by a newer one, or by
// cancel(), is dropped: what is shown is always the newest state asked for.
class CallModelUpdater final : public QObject
{
    Q_OBJECT
public:
    // Below this many function calls a merge takes well under a millisecond: planning it
    // on another thread would only delay it.
    static constexpr int PlanOffThreadFrom = 5000;

    explicit CallModelUpdater(CallTreeModel *model, QObject *parent = nullptr);
    ~CallModelUpdater() override;
    Q_DISABLE_COPY_MOVE(CallModelUpdater)

    void apply(const CallSnapshotPtr &snapshot);
    void cancel();
    bool isBusy() const { return m_plans.isBusy() || m_rows.isBusy(); }
    // Plans or rows computed and then not used because a newer snapshot came (tests,
    // benchmark).
    int droppedCount() const { return m_plans.droppedCount() + m_rows.droppedCount(); }

Q_SIGNALS:
    // The model now shows `snapshot` (emitted from apply() itself when applied at once).
    void applied(const bem::CallSnapshotPtr &snapshot);

private:
    using Plan = std::shared_ptr<const MergePlan>;
    CallTreeModel *m_model;
    LatestResult<Plan> m_plans;
    using Rows = std::shared_ptr<CallTreeNodes>;
    LatestResult<Rows> m_rows;
    // The state the plan in progress leads to (the job holds both states it reads).
    CallSnapshotPtr m_planTo;
};

} // namespace bem
