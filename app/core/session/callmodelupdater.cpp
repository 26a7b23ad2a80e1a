// SPDX-License-Identifier: MIT
#include "callmodelupdater.h"

#include "calltreemodel.h"

#include <memory>

namespace bem {

CallModelUpdater::CallModelUpdater(CallTreeModel *model, QObject *parent)
    : QObject(parent)
    , m_model(model)
{}

CallModelUpdater::~CallModelUpdater() = default;

void CallModelUpdater::apply(const CallSnapshotPtr &snapshot)
{
    releaseOffThread(std::exchange(m_planTo, nullptr));
    // A plan or rows still being made are for a state no longer wanted.
    m_plans.cancel();
    m_rows.cancel();
    const CallSnapshotPtr shown = m_model->snapshot();
    if (!snapshot || snapshot->call.functionCalls.size() < PlanOffThreadFrom) {
        m_model->setSnapshot(snapshot);
        Q_EMIT applied(snapshot);
        return;
    }
    m_planTo = snapshot;
    if (!shown || shown->call.callId != snapshot->call.callId) {
        // A different call: its rows are built off the GUI thread too.
        m_rows.start(
            [snapshot]() -> Rows {
                return std::make_shared<CallTreeNodes>(CallTreeModel::buildRows(*snapshot));
            },
            [this](const Rows &rows) {
                const CallSnapshotPtr to = std::exchange(m_planTo, nullptr);
                // Another call may have been shown meanwhile (the model merges then).
                m_model->setSnapshot(to, std::move(*rows));
                Q_EMIT applied(to);
            });
        return;
    }
    // The job holds both snapshots, so the plan's pointers stay valid while it runs.
    m_plans.start(
        [shown, snapshot]() -> Plan {
            return std::make_shared<const MergePlan>(CallTreeModel::planMerge(*shown, *snapshot));
        },
        [this](const Plan &plan) {
            // Let go of our references before the model lets go of the old state, so that
            // the model's is the last one and the old state is freed off the GUI thread.
            const CallSnapshotPtr to = std::exchange(m_planTo, nullptr);
            // setSnapshot() ignores a plan made against a state no longer shown.
            m_model->setSnapshot(to, plan.get());
            Q_EMIT applied(to);
        });
}

void CallModelUpdater::cancel()
{
    m_plans.cancel();
    m_rows.cancel();
    releaseOffThread(std::exchange(m_planTo, nullptr));
}

} // namespace bem
