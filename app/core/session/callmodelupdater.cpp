// SPDX-License-Identifier: MIT
#include "callmodelupdater.h"

#include "calltreemodel.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>

namespace bem {

CallModelUpdater::CallModelUpdater(CallTreeModel *model, QObject *parent)
    : QObject(parent)
    , m_model(model)
{}

CallModelUpdater::~CallModelUpdater() = default;

void CallModelUpdater::apply(const CallSnapshotPtr &snapshot)
{
    const quint64 generation = ++m_generation;
    m_pending = 0;
    m_planFrom.reset();
    releaseOffThread(std::exchange(m_planTo, nullptr));
    const CallSnapshotPtr shown = m_model->snapshot();
    if (!snapshot || !shown || shown->call.callId != snapshot->call.callId ||
        snapshot->call.functionCalls.size() < PlanOffThreadFrom) {
        m_model->setSnapshot(snapshot);
        Q_EMIT applied(snapshot);
        return;
    }
    m_pending = generation;
    m_planFrom = shown;
    m_planTo = snapshot;
    using Plan = std::shared_ptr<const MergePlan>;
    auto *watcher = new QFutureWatcher<Plan>(this);
    connect(watcher, &QFutureWatcher<Plan>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation) {
            ++m_dropped;
            return;
        }
        m_pending = 0;
        // Let go of our references before the model lets go of the old state, so that
        // the model's is the last one and the old state is freed off the GUI thread.
        const CallSnapshotPtr to = std::exchange(m_planTo, nullptr);
        m_planFrom.reset();
        // setSnapshot() ignores a plan made against a state no longer shown.
        m_model->setSnapshot(to, watcher->result().get());
        Q_EMIT applied(to);
    });
    // The job holds both snapshots, so the plan's pointers stay valid while it runs.
    watcher->setFuture(QtConcurrent::run([shown, snapshot]() -> Plan {
        return std::make_shared<const MergePlan>(CallTreeModel::planMerge(*shown, *snapshot));
    }));
}

void CallModelUpdater::cancel()
{
    ++m_generation;
    m_pending = 0;
    m_planFrom.reset();
    releaseOffThread(std::exchange(m_planTo, nullptr));
}

} // namespace bem
