// SPDX-License-Identifier: MIT
#pragma once

#include "backoffpolicy.h"
#include "fetchresult.h"

#include <QByteArray>
#include <QObject>
#include <QRandomGenerator>
#include <QString>
#include <QTimer>

#include <optional>

namespace bem {

class BemClient;

// Keeps a v3 call's trace (GET /v3/calls/{id}/trace) fresh beside the call's own poller:
// the trace grows on its own, so it is polled even when the call's bytes did not change.
// Same rules as the call: one request in flight, identical bytes skipped, the same
// backoff with its own count of quiet polls, Retry-After honoured. New bytes go out as
// traceArrived(); whoever reads them answers with traceRead(). A trace that fails
// (network, 429, 5xx, bytes that do not read) is retried on its own with backoff and
// reported by traceProblem() until one reads again (traceRecovered()); one refused with
// 401, 403 or 404 waits, as the call does, for refreshNow() (F5, a new key). When the call has
// ended, finishUp() asks for the trace once more (until one reads), then polling stops.
class TracePoller final : public QObject
{
    Q_OBJECT
public:
    explicit TracePoller(BemClient *client, QObject *parent = nullptr);
    ~TracePoller() override;
    Q_DISABLE_COPY_MOVE(TracePoller)

    void setPolicy(const BackoffPolicy &policy) { m_policy = policy; }
    void setRandomSeed(quint32 seed) { m_random.seed(seed); }

    // Starts polling `callId`'s trace now (a new call: what was known is dropped).
    void start(const QString &callId);
    void stop();
    // No new requests until resume() (one in flight finishes, unless `cancelRequest`).
    void pause(bool cancelRequest = false);
    void resume();
    // The call has ended: one more trace (retried until it reads), then no more.
    void finishUp();
    // Asks now unless a request is out (F5). `restart`: give up the request out (a new key).
    void refreshNow(bool restart = false);
    // Waits at least `ms` before the next request (a 429 on the call).
    void holdOff(qint64 ms);
    // The verdict on the bytes of the last traceArrived(): read, or not (`error`, one line).
    void traceRead(bool ok, const QString &error);

    bool isActive() const { return m_mode != Mode::Idle && m_mode != Mode::Done; }
    bool hasProblem() const { return m_problem; }
    QString callId() const { return m_callId; }

Q_SIGNALS:
    void traceArrived(const QByteArray &body);
    // "The trace could not be loaded: …", for the trace's own banner; the call stays shown.
    void traceProblem(const QString &message);
    void traceRecovered();
    // A 429: the server asked for `ms` of quiet.
    void rateLimited(qint64 ms);

private:
    enum class Mode { Idle, Live, Final, Done };
    void fetch();
    void onFetched(const FetchResult &result);
    void succeeded(bool changed);
    void failed(const QString &message, std::optional<int> retryAfterSeconds, bool rateLimited);
    void schedule(qint64 ms);

    BemClient *m_client;
    BackoffPolicy m_policy;
    QRandomGenerator m_random;
    QTimer m_timer;
    QString m_callId;
    Mode m_mode = Mode::Idle;
    bool m_paused = false;
    bool m_inFlight = false;        // a request out, or its bytes being read
    bool m_awaitingVerdict = false; // traceArrived() sent, traceRead() not yet
    bool m_fetchAfterThis = false;  // Final: the request out began before the call ended
    QByteArray m_knownBody;         // the last bytes that read
    QByteArray m_arrivedBody;
    int m_quietPolls = 0;
    int m_failedAttempts = 0;
    bool m_problem = false;
    qint64 m_holdUntilMs = 0;
};

} // namespace bem
