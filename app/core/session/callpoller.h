// SPDX-License-Identifier: MIT
#pragma once

#include "backoffpolicy.h"
#include "fetchresult.h"
#include "sessionstatus.h"

#include <QDateTime>
#include <QObject>
#include <QRandomGenerator>
#include <QTimer>

namespace bem {

class BemClient;
class CallLoader;
struct LoadedCall;

// Keeps one call fresh while its status is pending or running. Refreshes start near 1 s apart,
// double (with jitter) while nothing changes, cap at 10 s, and return to fast when something
// changed. Transient failures (network, timeout, 429, 5xx, non-JSON) keep the last good
// snapshot and retry with backoff (a 429 waits at least its Retry-After); 401, 403, 404
// and other failures that need a person stop until refreshNow() or start(). A refresh
// whose bytes equal the previous ones is not parsed and changes nothing downstream.
// A status bem does not document is checked at the slowest pace for a while (unless
// finishedAt says the call ended); a missing one is not refreshed at all. A body is parsed
// by the loader (shared with the session's opened files) against the state shown.
// Never more than one request in flight: the next one is scheduled only when the
// previous one has ended (and been parsed).
class CallPoller final : public QObject
{
    Q_OBJECT
public:
    // An undocumented status is checked for this long before the poller gives up on it.
    static constexpr qint64 UndocumentedStatusLimitMs = 10 * 60 * 1000;

    CallPoller(BemClient *client, CallLoader *loader, QObject *parent = nullptr);
    ~CallPoller() override;
    Q_DISABLE_COPY_MOVE(CallPoller)

    void setPolicy(const BackoffPolicy &policy) { m_policy = policy; }
    BackoffPolicy policy() const { return m_policy; }
    // How long an undocumented status is checked before refreshing stops (tests shorten it).
    void setUndocumentedStatusLimitMs(qint64 ms) { m_undocumentedLimitMs = ms; }
    // Makes the jitter reproducible (tests).
    void setRandomSeed(quint32 seed) { m_random.seed(seed); }

    // Starts watching `callId` from scratch (drops the previous call) and loads it now.
    void start(const QString &callId);
    // Stops watching; the last snapshot stays readable.
    void stop();
    void pause();
    // Leaves Paused and refreshes at once.
    void resume();
    // Refreshes at once unless a request is in flight; works when Finished or Stopped too.
    void refreshNow();
    // Refreshes at once, giving up a request in flight: what it asked with (the key, the
    // base URL) has just changed, so its answer would be about the old settings.
    void refetch();
    // Cancels the request in flight (it never reports) and pauses: for a server that hangs.
    void stopRequest();
    // Holds still without the user asking (while the loader reads a file): the request in
    // flight is dropped and nothing is sent until endSuspend(), start() or stop(); a
    // refresh asked for meanwhile (F5, resume, a new key) waits for endSuspend().
    void suspend();
    // Goes on as before suspend(): a request that was in flight, or asked for meanwhile, is
    // sent at once; a planned refresh keeps its remaining wait (a Retry-After holds); a
    // call that was finished, stopped or paused stays so.
    void endSuspend();

    QString callId() const { return m_callId; }
    CallSnapshotPtr snapshot() const { return m_snapshot; }
    bool isPaused() const { return m_paused; }
    PollerStatus status() const;

Q_SIGNALS:
    // A new state of the call arrived (never for byte-identical refreshes).
    void snapshotChanged(bem::CallSnapshotPtr snapshot);
    // Any change of status(): phase, in-flight flag, next deadline, attempt, error.
    void statusChanged(const bem::PollerStatus &status);
    // Every failed request, for a log of what happened.
    void fetchFailed(const bem::FetchResult &result);

private:
    void fetch();
    void onFetched(const FetchResult &result);
    void onLoaded(quint64 ticket, const LoadedCall &loaded);
    void finish(const FetchResult &result);
    void scheduleAfterGoodResult();
    void scheduleIn(int ms, PollerStatus::Phase phase);
    void setPhase(PollerStatus::Phase phase);
    void emitStatus();

    BemClient *m_client;
    CallLoader *m_loader;
    quint64 m_loadTicket = 0; // the parse of our body in progress; 0 when none
    FetchResult m_fetched;    // what the parse in progress belongs to
    BackoffPolicy m_policy;
    QRandomGenerator m_random;
    QTimer m_timer;

    QString m_callId;
    PollerStatus::Phase m_phase = PollerStatus::Phase::Idle;
    bool m_inFlight = false;
    bool m_paused = false;
    int m_quietPolls = 0;     // refreshes in a row that brought nothing new
    int m_failedAttempts = 0; // failures in a row
    FetchOutcome m_lastOutcome = FetchOutcome::Success;
    QString m_lastError;
    QString m_lastDetails;
    CallSnapshotPtr m_snapshot;
    QDateTime m_lastUpdated;
    PollerStatus::Concern m_concern = PollerStatus::Concern::None;
    QDateTime m_undocumentedSince; // when the current undocumented status was first seen
    qint64 m_undocumentedLimitMs = UndocumentedStatusLimitMs;
    bool m_suspended = false;
    bool m_refreshWanted = false; // asked for while suspended
    int m_resumeInMs = -1;        // after suspend(): 0 to fetch at once, -1 for nothing
};

} // namespace bem
