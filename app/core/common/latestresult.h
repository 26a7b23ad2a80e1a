// SPDX-License-Identifier: MIT
#pragma once

#include "backgroundpool.h"

#include <QFutureWatcher>
#include <QObject>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>
#include <utility>

namespace bem {

// Runs jobs on the background pool (backgroundpool.h) and hands back only the newest one's result,
// on the thread that owns this object. Starting a job makes every earlier one stale; cancel() makes
// the one running stale too. A stale job still runs to its end (a parse cannot be stopped halfway)
// but its result is dropped unseen, and counted.
//
// Everything the job needs must be captured by value: it may outlive this object. The
// handler is never called after this object is gone (its watchers die with it), so it
// may capture the owner's `this`. The handler must not destroy this object; use
// deleteLater() for that.
//
//     LatestResult<LoadedCall> m_loads;
//     m_loads.start([body] { return loadCall(body); },
//                   [this](const LoadedCall &loaded) { show(loaded); });
template<typename T> class LatestResult final
{
public:
    LatestResult() = default;
    ~LatestResult() = default;
    Q_DISABLE_COPY_MOVE(LatestResult)

    // Starts `job` (T job()) on the thread pool; `deliver` (void deliver(const T &)) gets
    // its result unless another start() or cancel() came first. Returns the job's ticket.
    template<typename Job, typename Deliver> quint64 start(Job job, Deliver deliver)
    {
        const quint64 ticket = ++m_current;
        auto *watcher = new QFutureWatcher<T>(m_watchers.get());
        ++m_running;
        QObject::connect(watcher, &QFutureWatcherBase::finished, m_watchers.get(),
                         [this, watcher, ticket, deliver = std::move(deliver)]() mutable {
                             --m_running;
                             watcher->deleteLater();
                             if (ticket != m_current) {
                                 ++m_dropped;
                                 return;
                             }
                             m_delivered = ticket;
                             deliver(watcher->result());
                         });
        watcher->setFuture(QtConcurrent::run(backgroundPool(), std::move(job)));
        return ticket;
    }

    // Drops the job running, if any: nothing more is delivered until the next start().
    void cancel() { m_delivered = ++m_current; }

    // The newest job has not delivered yet (and was not canceled).
    bool isBusy() const { return m_running > 0 && m_current != m_delivered; }
    // Results computed and then dropped because a newer job or cancel() came (tests, the
    // benchmark).
    int droppedCount() const { return m_dropped; }

private:
    // The watchers' parent: destroying this object destroys them, and with them every
    // connection to a handler that might otherwise run after we are gone.
    std::unique_ptr<QObject> m_watchers = std::make_unique<QObject>();
    quint64 m_current = 0;
    quint64 m_delivered = 0;
    int m_running = 0;
    int m_dropped = 0;
};

} // namespace bem
