// SPDX-License-Identifier: MIT
#include "tracepoller.h"

#include "bemclient.h"

#include <QDateTime>

#include <limits>

namespace bem {

TracePoller::TracePoller(BemClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_random(QRandomGenerator::securelySeeded())
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &TracePoller::fetch);
    connect(m_client, &BemClient::finished, this, &TracePoller::onFetched);
}

TracePoller::~TracePoller() = default;

void TracePoller::start(const QString &callId)
{
    stop();
    m_callId = callId.trimmed();
    m_mode = Mode::Live;
    fetch();
}

void TracePoller::stop()
{
    m_client->cancel();
    m_timer.stop();
    m_mode = Mode::Idle;
    m_paused = false;
    m_inFlight = false;
    m_awaitingVerdict = false;
    m_fetchAfterThis = false;
    m_knownBody.clear();
    m_arrivedBody.clear();
    m_quietPolls = 0;
    m_failedAttempts = 0;
    m_holdUntilMs = 0;
    if (std::exchange(m_problem, false))
        Q_EMIT traceRecovered(); // the banner belongs to the trace that is gone
}

void TracePoller::pause(bool cancelRequest)
{
    m_paused = true;
    m_timer.stop();
    if (cancelRequest && m_inFlight && !m_awaitingVerdict) {
        m_client->cancel();
        m_inFlight = false;
    }
}

void TracePoller::resume()
{
    if (!std::exchange(m_paused, false))
        return;
    if (isActive() && !m_inFlight)
        fetch();
}

void TracePoller::finishUp()
{
    if (!isActive() || m_mode == Mode::Final)
        return;
    m_mode = Mode::Final;
    m_paused = false;
    // A request already out may have been answered before the call's last step.
    m_fetchAfterThis = m_inFlight;
    if (!m_inFlight) {
        m_timer.stop();
        fetch();
    }
}

void TracePoller::refreshNow(bool restart)
{
    if (m_mode == Mode::Idle)
        return;
    if (m_inFlight) {
        if (!restart || m_awaitingVerdict)
            return;
        m_client->cancel();
        m_inFlight = false;
    }
    if (m_mode == Mode::Done)
        m_mode = Mode::Final; // F5 on an ended call: its trace once more
    m_timer.stop();
    fetch();
}

void TracePoller::holdOff(qint64 ms)
{
    m_holdUntilMs = qMax(m_holdUntilMs, QDateTime::currentMSecsSinceEpoch() + ms);
    if (m_timer.isActive() && m_timer.remainingTime() < ms)
        schedule(ms);
}

void TracePoller::fetch()
{
    if (m_inFlight || !isActive() || m_paused)
        return;
    m_inFlight = true;
    m_client->fetchTrace(m_callId, m_knownBody);
}

void TracePoller::onFetched(const FetchResult &result)
{
    if (!m_inFlight || m_awaitingVerdict)
        return;
    if (result.outcome == FetchOutcome::Success) {
        m_awaitingVerdict = true;
        m_arrivedBody = result.body;
        Q_EMIT traceArrived(result.body);
        return;
    }
    if (result.outcome == FetchOutcome::Unchanged) {
        succeeded(false);
        return;
    }
    if (!result.isTransient()) {
        // As for the call: a refused key, a 403 or a 404 will not fix itself by asking
        // again. The banner stays; F5 (refreshNow) asks once more.
        m_inFlight = false;
        m_fetchAfterThis = false;
        ++m_failedAttempts;
        m_problem = true;
        m_timer.stop();
        Q_EMIT traceProblem(tr("The trace could not be loaded: %1").arg(result.message));
        return;
    }
    failed(tr("The trace could not be loaded: %1").arg(result.message), result.retryAfterSeconds,
           result.outcome == FetchOutcome::RateLimited);
}

void TracePoller::traceRead(bool ok, const QString &error)
{
    if (!m_awaitingVerdict)
        return;
    m_awaitingVerdict = false;
    if (ok) {
        m_knownBody = std::exchange(m_arrivedBody, QByteArray());
        succeeded(true);
        return;
    }
    m_arrivedBody.clear();
    failed(tr("The trace could not be loaded: %1").arg(error), std::nullopt, false);
}

void TracePoller::succeeded(bool changed)
{
    m_inFlight = false;
    m_failedAttempts = 0;
    m_quietPolls = changed ? 0 : m_quietPolls + 1;
    if (std::exchange(m_problem, false))
        Q_EMIT traceRecovered();
    if (m_mode == Mode::Final) {
        if (std::exchange(m_fetchAfterThis, false)) {
            fetch();
            return;
        }
        m_mode = Mode::Done;
        return;
    }
    if (m_mode == Mode::Live && !m_paused)
        schedule(m_policy.delayMs(m_quietPolls, m_random));
}

void TracePoller::failed(const QString &message, std::optional<int> retryAfterSeconds,
                         bool rateLimited)
{
    m_inFlight = false;
    m_fetchAfterThis = false; // the next try is after the call ended anyway
    ++m_failedAttempts;
    m_problem = true;
    Q_EMIT traceProblem(message);
    if (!isActive() || m_paused)
        return;
    qint64 delay = m_policy.delayMs(m_failedAttempts, m_random);
    if (retryAfterSeconds)
        delay = qMax<qint64>(delay, qint64(*retryAfterSeconds) * 1000);
    schedule(delay);
    if (rateLimited)
        Q_EMIT this->rateLimited(delay);
}

void TracePoller::schedule(qint64 ms)
{
    ms = qMax(ms, m_holdUntilMs - QDateTime::currentMSecsSinceEpoch());
    m_timer.start(int(qMin<qint64>(ms, std::numeric_limits<int>::max())));
}

} // namespace bem
