// SPDX-License-Identifier: MIT
#pragma once

#include "apiversionchoice.h"
#include "backoffpolicy.h"
#include "fetchresult.h"
#include "sessionstatus.h"

#include <QDateTime>
#include <QObject>
#include <QRandomGenerator>
#include <QTimer>

#include <optional>

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
//
// Which API version is asked follows the choice: Auto asks v3 and, on a 404, v2 once;
// the version that answered is kept for this call (refreshes, F5 and a new key ask it
// again without probing; another call probes anew). A v3 call is loaded with the newest
// trace body handed over by applyTrace() (the trace has a poller of its own).
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
    // Which version(s) to ask. A change forgets the version that answered; the next
    // request probes again.
    void setApiVersionChoice(ApiVersionChoice choice);
    ApiVersionChoice apiVersionChoice() const { return m_choice; }
    // The version that answered for this call; nothing before the first answer.
    std::optional<ApiVersion> answeredVersion() const { return m_answered; }
    // A v3 call's trace body to show with the call from now on: loaded with the call shown
    // (or with the next call body, when one is being read). traceLoaded() tells whether it
    // could be read.
    void applyTrace(const QByteArray &traceBody);
    // Waits at least `ms` before the next request (the server asked another endpoint of
    // the same call to slow down).
    void holdOff(qint64 ms);

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
    // The call answered on `version` for the first time (Auto: after the probe).
    void versionAnswered(bem::ApiVersion version);
    // The trace given to applyTrace() was loaded (`ok`) or could not be read (`error`, one
    // line); the call stays shown with the last good trace.
    void traceLoaded(bool ok, const QString &error);
    // A 429: the server asked for `ms` of quiet.
    void rateLimited(qint64 ms);

private:
    void fetch();
    ApiVersion versionToAsk() const;
    void startCallLoad();
    void startTraceLoad();
    void judgeTrace(const LoadedCall &loaded);
    void dropLoad();
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
    // The parse in progress is of a new trace with the call shown (no request behind it).
    bool m_loadIsTraceOnly = false;
    // A call body arrived while a trace-only parse ran: parsed when that one ends.
    bool m_callLoadWaiting = false;

    // V2 by default: a poller on its own asks exactly what it always asked.
    ApiVersionChoice m_choice = ApiVersionChoice::V2;
    std::optional<ApiVersion> m_answered;
    ApiVersion m_asked = ApiVersion::V2; // the version of the request in flight
    bool m_probingV2 = false;            // Auto: v3 said 404, so v2 is asked
    // The trace a v3 load uses: the newest one handed over, or the last good one after a
    // bad one. m_traceUnjudged: it has not been through a load yet.
    QByteArray m_traceBody;
    QByteArray m_goodTraceBody;
    bool m_traceUnjudged = false;
    bool m_traceLoadWanted = false;
    // The parse in progress reads a trace not judged yet (m_judgedBody): it tells.
    bool m_judging = false;
    QByteArray m_judgedBody;
    // No request before this (msecs since the epoch): a 429 on another endpoint.
    qint64 m_holdUntilMs = 0;
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
