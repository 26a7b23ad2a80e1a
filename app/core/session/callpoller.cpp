// SPDX-License-Identifier: MIT
#include "callpoller.h"

#include "bemclient.h"
#include "formatting.h"

#include <limits>

namespace bem {

namespace {

QString secondsFromNow(qint64 ms)
{
    const qint64 s = qMax<qint64>(0, (ms + 999) / 1000);
    return s <= 1 ? QStringLiteral("1 s") : QStringLiteral("%1 s").arg(s);
}

QString capitalized(QString text)
{
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

QString withoutFinalPeriod(QString text)
{
    while (text.endsWith(u'.'))
        text.chop(1);
    return text;
}

} // namespace

QString PollerStatus::describe(bool includeError, const QDateTime &now) const
{
    using P = Phase;
    const auto updated = [&] {
        return lastUpdated.isValid()
                   ? QStringLiteral("updated %1").arg(formatAgo(lastUpdated.msecsTo(now)))
                   : QString();
    };
    switch (phase) {
    case P::Idle:
        return QString();
    case P::Loading:
        return QStringLiteral("Loading\u2026");
    case P::Waiting: {
        if (requestInFlight)
            return QStringLiteral("Refreshing\u2026");
        const QString next = QStringLiteral("next in %1").arg(secondsFromNow(nextRefreshInMs));
        const QString u = updated();
        return u.isEmpty()
                   ? QStringLiteral("Next refresh in %1").arg(secondsFromNow(nextRefreshInMs))
                   : capitalized(u) + QStringLiteral(" \u00b7 ") + next;
    }
    case P::Retrying:
        if (requestInFlight)
            return QStringLiteral("Retrying now (attempt %1)\u2026").arg(attempt + 1);
        if (!includeError)
            return QStringLiteral("Retrying in %1 \u00b7 attempt %2")
                .arg(secondsFromNow(nextRefreshInMs))
                .arg(attempt);
        return QStringLiteral("Retrying in %1 after: %2 (attempt %3)")
            .arg(secondsFromNow(nextRefreshInMs), withoutFinalPeriod(lastError))
            .arg(attempt);
    case P::Paused: {
        if (requestInFlight)
            return QStringLiteral("Paused \u00b7 refreshing once\u2026");
        const QString u = updated();
        return u.isEmpty() ? QStringLiteral("Paused \u00b7 auto-refresh is off")
                           : QStringLiteral("Paused \u00b7 ") + u;
    }
    case P::Finished: {
        if (requestInFlight)
            return QStringLiteral("Refreshing\u2026");
        const bool failed = callState == CallState::Failed;
        if (callFinishedAt.isValid())
            return (failed ? QStringLiteral("Stopped: failed %1")
                           : QStringLiteral("Stopped: completed %1"))
                .arg(formatAgo(callFinishedAt.msecsTo(now)));
        return failed ? QStringLiteral("Stopped: the call failed")
                      : QStringLiteral("Stopped: the call completed");
    }
    case P::Stopped:
        if (requestInFlight)
            return QStringLiteral("Trying again\u2026");
        if (!includeError)
            return QStringLiteral("Stopped refreshing");
        return QStringLiteral("Stopped: %1").arg(withoutFinalPeriod(lastError));
    }
    return QString();
}

CallPoller::CallPoller(BemClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_random(QRandomGenerator::securelySeeded())
{
    m_timer.setSingleShot(true);
    // A coarse timer may fire up to 5% early; Retry-After is a minimum.
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &CallPoller::fetch);
    connect(m_client, &BemClient::finished, this, &CallPoller::onFetched);
}

CallPoller::~CallPoller() = default;

void CallPoller::start(const QString &callId)
{
    m_client->cancel();
    m_timer.stop();
    m_callId = callId.trimmed();
    m_inFlight = false;
    m_paused = false;
    m_quietPolls = 0;
    m_failedAttempts = 0;
    m_lastOutcome = FetchOutcome::Success;
    m_lastError.clear();
    m_lastDetails.clear();
    m_snapshot.reset();
    m_lastUpdated = QDateTime();
    m_phase = PollerStatus::Phase::Loading;
    fetch();
}

void CallPoller::stop()
{
    m_client->cancel();
    m_timer.stop();
    m_inFlight = false;
    setPhase(PollerStatus::Phase::Idle);
}

void CallPoller::pause()
{
    m_paused = true;
    using P = PollerStatus::Phase;
    if (m_phase == P::Waiting || m_phase == P::Retrying || m_phase == P::Loading) {
        m_timer.stop();
        setPhase(P::Paused);
    }
}

void CallPoller::resume()
{
    if (!m_paused)
        return;
    m_paused = false;
    if (m_phase == PollerStatus::Phase::Paused) {
        // Waiting until the next result decides the real phase; "Loading" when there is
        // nothing to show yet.
        m_phase = m_snapshot ? PollerStatus::Phase::Waiting : PollerStatus::Phase::Loading;
        refreshNow();
    }
}

void CallPoller::refreshNow()
{
    if (m_callId.isEmpty() || m_phase == PollerStatus::Phase::Idle || m_inFlight)
        return;
    m_timer.stop();
    fetch();
}

void CallPoller::fetch()
{
    if (m_inFlight)
        return;
    m_inFlight = true;
    emitStatus();
    // The state shown: equal bytes are Unchanged, others are parsed against it.
    m_client->fetchCall(m_callId, m_snapshot);
}

void CallPoller::onFetched(const FetchResult &result)
{
    if (!m_inFlight)
        return; // not ours: a request canceled by start()/stop() never reports, but be safe
    m_inFlight = false;
    using P = PollerStatus::Phase;

    if (result.isOk()) {
        m_lastUpdated = QDateTime::currentDateTimeUtc();
        m_failedAttempts = 0;
        m_lastOutcome = FetchOutcome::Success;
        m_lastError.clear();
        m_lastDetails.clear();
        if (result.hasCall()) {
            m_quietPolls = 0;
            m_snapshot = result.snapshot;
            Q_EMIT snapshotChanged(m_snapshot);
        } else {
            ++m_quietPolls;
        }
        if (m_snapshot && m_snapshot->call.status.isTerminal()) {
            m_timer.stop();
            setPhase(P::Finished);
            return;
        }
        if (m_paused) {
            setPhase(P::Paused);
            return;
        }
        scheduleIn(m_policy.delayMs(m_quietPolls, m_random), P::Waiting);
        return;
    }

    ++m_failedAttempts;
    m_lastOutcome = result.outcome;
    m_lastError = result.message;
    m_lastDetails = result.details;
    if (!result.isTransient()) {
        setPhase(P::Stopped);
    } else if (m_paused) {
        setPhase(P::Paused);
    } else {
        // Failures back off from the first retry on: a struggling server gets room.
        qint64 delay = m_policy.delayMs(m_failedAttempts, m_random);
        if (result.retryAfterSeconds)
            delay = qMax<qint64>(delay, qint64(*result.retryAfterSeconds) * 1000);
        scheduleIn(int(qMin<qint64>(delay, std::numeric_limits<int>::max())), P::Retrying);
    }
    // After the state is settled, so a listener sees the phase this failure led to.
    Q_EMIT fetchFailed(result);
}

void CallPoller::scheduleIn(int ms, PollerStatus::Phase phase)
{
    m_timer.start(ms);
    m_phase = phase;
    emitStatus();
}

void CallPoller::setPhase(PollerStatus::Phase phase)
{
    m_phase = phase;
    emitStatus();
}

void CallPoller::emitStatus()
{
    Q_EMIT statusChanged(status());
}

PollerStatus CallPoller::status() const
{
    PollerStatus s;
    s.phase = m_phase;
    s.callId = m_callId;
    s.requestInFlight = m_inFlight;
    s.hasSnapshot = m_snapshot != nullptr;
    s.nextRefreshInMs = m_timer.remainingTime(); // -1 when none is planned
    s.attempt = m_failedAttempts;
    s.lastOutcome = m_lastOutcome;
    s.lastError = m_lastError;
    s.lastDetails = m_lastDetails;
    s.lastUpdated = m_lastUpdated;
    if (m_snapshot) {
        s.callState = m_snapshot->call.status.state();
        s.callFinishedAt = m_snapshot->call.finishedAt.value;
    }
    return s;
}

} // namespace bem
