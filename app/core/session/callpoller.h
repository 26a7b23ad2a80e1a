// SPDX-License-Identifier: MIT
#pragma once

#include "backoffpolicy.h"
#include "fetchresult.h"

#include <QDateTime>
#include <QObject>
#include <QRandomGenerator>
#include <QTimer>

namespace bem {

class BemClient;

// Everything the user may want to know about a watched call's refreshing, as a value.
struct PollerStatus
{
    enum class Phase {
        Idle,     // no call
        Loading,  // first request for this call in flight
        Waiting,  // live: the next refresh is scheduled
        Retrying, // the last request failed transiently: the next try is scheduled
        Paused,   // the user paused auto-refresh
        Finished, // the call is completed or failed: nothing more will change
        Stopped,  // a failure a retry cannot fix (401, 403, 404, …): waiting for the user
    };
    Phase phase = Phase::Idle;
    QString callId;
    bool requestInFlight = false;
    bool hasSnapshot = false;
    // Milliseconds until the next refresh (Waiting, Retrying); -1 when none is planned.
    qint64 nextRefreshInMs = -1;
    // Failed attempts in a row (Retrying, Stopped).
    int attempt = 0;
    // The last failure (Retrying, Stopped); outcome Success when there was none.
    FetchOutcome lastOutcome = FetchOutcome::Success;
    QString lastError;
    // The raw facts behind lastError (status line, Qt's error, start of the body).
    QString lastDetails;
    // The call's own state when Finished.
    CallState callState = CallState::Unknown;
    // When the last good answer arrived (changed or not); invalid before the first.
    QDateTime lastUpdated;
    // When the call itself finished, as the server says; invalid when not known.
    QDateTime callFinishedAt;

    // One line for a status bar, relative to `now`: "Updated 2 s ago · next in 4 s",
    // "Refreshing…", "Paused · updated 1 m ago", "Stopped: completed 3 s ago", "Retrying in
    // 8 s after: the server could not answer (HTTP 502) (attempt 3)", … Without the error
    // ("Retrying in 8 s · attempt 3", "Stopped refreshing") when it is shown elsewhere.
    QString describe(bool includeError = true,
                     const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
};

// Keeps one call fresh while it is not terminal. Refreshes start near 1 s apart, double
// (with jitter) while nothing changes, cap at 10 s, and return to fast when something
// changed. Transient failures (network, timeout, 429, 5xx, non-JSON) keep the last good
// snapshot and retry with backoff (a 429 waits at least its Retry-After); 401, 403, 404
// and other failures that need a person stop until refreshNow() or start(). A refresh
// whose bytes equal the previous ones is not parsed and changes nothing downstream.
// Never more than one request in flight: the next one is scheduled only when the
// previous one has ended.
class CallPoller final : public QObject
{
    Q_OBJECT
public:
    explicit CallPoller(BemClient *client, QObject *parent = nullptr);
    ~CallPoller() override;
    Q_DISABLE_COPY_MOVE(CallPoller)

    void setPolicy(const BackoffPolicy &policy) { m_policy = policy; }
    BackoffPolicy policy() const { return m_policy; }
    // Makes the jitter reproducible (tests).
    void setRandomSeed(quint32 seed) { m_random.seed(seed); }

    // Starts watching `callID` from scratch (drops the previous call) and loads it now.
    void start(const QString &callId);
    // Stops watching; the last snapshot stays readable.
    void stop();
    void pause();
    // Leaves Paused and refreshes at once.
    void resume();
    // Refreshes at once unless a request is in flight; works when Finished or Stopped too.
    void refreshNow();

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
    void scheduleIn(int ms, PollerStatus::Phase phase);
    void setPhase(PollerStatus::Phase phase);
    void emitStatus();

    BemClient *m_client;
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
};

} // namespace bem
