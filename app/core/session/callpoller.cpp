// SPDX-License-Identifier: MIT
#include "callpoller.h"

#include "bemclient.h"
#include "callloader.h"
#include "formatting.h"

#include <QCoreApplication>

#include <limits>
#include <utility>

namespace bem {

CallPoller::CallPoller(BemClient *client, CallLoader *loader, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_loader(loader)
    , m_random(QRandomGenerator::securelySeeded())
{
    m_timer.setSingleShot(true);
    // A coarse timer may fire up to 5% early; Retry-After is a minimum.
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &CallPoller::fetch);
    connect(m_client, &BemClient::finished, this, &CallPoller::onFetched);
    // Waiting for a turn at the app's request gate is not being in flight: say when it
    // went out.
    connect(m_client, &BemClient::requestSent, this, [this] {
        if (m_inFlight)
            emitStatus();
    });
    connect(m_loader, &CallLoader::loaded, this, &CallPoller::onLoaded);
}

CallPoller::~CallPoller() = default;

void CallPoller::setApiVersionChoice(ApiVersionChoice choice)
{
    if (choice == m_choice)
        return;
    m_choice = choice;
    m_answered.reset();
    m_probingV2 = false;
}

void CallPoller::start(const QString &callId)
{
    m_client->cancel();
    m_timer.stop();
    dropLoad();
    if (callId.trimmed() != m_callId) {
        // Another call may live on the other version: probe again, and its trace is not ours.
        m_answered.reset();
        m_probingV2 = false;
        m_traceBody.clear();
        m_goodTraceBody.clear();
        m_traceUnjudged = false;
        m_traceLoadWanted = false;
    }
    m_holdUntilMs = 0;
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
    m_concern = PollerStatus::Concern::None;
    m_undocumentedSince = QDateTime();
    m_suspended = false;
    m_refreshWanted = false;
    m_phase = PollerStatus::Phase::Loading;
    fetch();
}

void CallPoller::stop()
{
    m_suspended = false;
    m_refreshWanted = false;
    m_client->cancel();
    m_timer.stop();
    dropLoad();
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
    if (m_concern == PollerStatus::Concern::Stopped)
        m_concern = PollerStatus::Concern::None;
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
    if (m_suspended) {
        m_refreshWanted = true;
        return;
    }
    m_timer.stop();
    // F5 on an undocumented status that was given up on: check it for another while.
    if (m_concern == PollerStatus::Concern::UndocumentedTooLong)
        m_undocumentedSince = QDateTime();
    fetch();
}

void CallPoller::stopRequest()
{
    if (m_phase == PollerStatus::Phase::Idle)
        return;
    const bool wasInFlight = m_inFlight;
    m_client->cancel();
    dropLoad();
    m_inFlight = false;
    m_timer.stop();
    m_paused = true;
    if (wasInFlight)
        m_concern = PollerStatus::Concern::Stopped;
    if (wasInFlight || m_phase == PollerStatus::Phase::Waiting ||
        m_phase == PollerStatus::Phase::Retrying || m_phase == PollerStatus::Phase::Loading)
        setPhase(PollerStatus::Phase::Paused);
}

void CallPoller::suspend()
{
    if (m_suspended)
        return; // the first suspend() knows what was going on
    m_suspended = true;
    m_resumeInMs = m_inFlight ? 0 : m_timer.remainingTime();
    m_client->cancel();
    m_timer.stop();
    dropLoad();
    m_inFlight = false;
    emitStatus();
}

void CallPoller::endSuspend()
{
    if (!m_suspended)
        return;
    m_suspended = false;
    const int inMs = std::exchange(m_refreshWanted, false) ? 0 : m_resumeInMs;
    m_resumeInMs = -1;
    startTraceLoad(); // a trace that arrived meanwhile
    if (inMs < 0 || m_phase == PollerStatus::Phase::Idle) {
        emitStatus();
        return;
    }
    if (inMs == 0) {
        fetch();
        return;
    }
    m_timer.start(inMs);
    emitStatus();
}

void CallPoller::refetch()
{
    if (m_callId.isEmpty() || m_phase == PollerStatus::Phase::Idle)
        return;
    if (m_inFlight && !m_suspended) {
        m_client->cancel();
        if (m_loadIsTraceOnly)
            m_callLoadWaiting = false; // the trace being read stays; the old answer goes
        else
            dropLoad();
        m_inFlight = false;
    }
    refreshNow();
}

void CallPoller::fetch()
{
    if (m_inFlight)
        return;
    m_inFlight = true;
    if (m_concern == PollerStatus::Concern::Stopped)
        m_concern = PollerStatus::Concern::None;
    emitStatus();
    m_asked = versionToAsk();
    // Bytes equal to the state shown come back Unchanged and are not parsed.
    m_client->fetchCall(m_callId, m_asked, m_snapshot ? m_snapshot->body : QByteArray());
    if (m_client->isWaitingForTurn())
        emitStatus(); // not on the wire yet: requestSent() says when it is
}

ApiVersion CallPoller::versionToAsk() const
{
    if (m_answered)
        return *m_answered;
    switch (m_choice) {
    case ApiVersionChoice::V2:
        return ApiVersion::V2;
    case ApiVersionChoice::V3:
        return ApiVersion::V3;
    case ApiVersionChoice::Auto:
        break;
    }
    return m_probingV2 ? ApiVersion::V2 : ApiVersion::V3;
}

void CallPoller::onFetched(const FetchResult &result)
{
    if (!m_inFlight || (m_loadTicket != 0 && !m_loadIsTraceOnly) || m_callLoadWaiting)
        return; // not ours: a request canceled by start()/stop() never reports, but be safe
    if (result.outcome == FetchOutcome::NotFound && m_choice == ApiVersionChoice::Auto &&
        !m_answered && m_asked == ApiVersion::V3) {
        // v3 has no function-type calls: those live on v2 only. Asked once per call.
        m_probingV2 = true;
        m_inFlight = false;
        fetch();
        return;
    }
    if (result.isOk() && !m_answered) {
        m_answered = m_asked;
        Q_EMIT versionAnswered(m_asked);
    }
    if (result.outcome != FetchOutcome::Success) {
        finish(result);
        return;
    }
    // Parsed off the GUI thread, against the state shown (only changed function calls
    // are read again).
    m_fetched = result;
    if (m_loadTicket != 0) {
        m_callLoadWaiting = true; // after the trace being read with the call shown
        return;
    }
    startCallLoad();
}

void CallPoller::startCallLoad()
{
    m_loadIsTraceOnly = false;
    if (m_asked == ApiVersion::V3) {
        // The newest trace goes with the new call body: no separate parse for it.
        m_traceLoadWanted = false;
        m_judging = std::exchange(m_traceUnjudged, false);
        m_judgedBody = m_traceBody;
        m_loadTicket = m_loader->loadV3(m_fetched.body, m_traceBody, m_snapshot);
    } else {
        m_loadTicket = m_loader->load(m_fetched.body, m_snapshot);
    }
}

void CallPoller::applyTrace(const QByteArray &traceBody)
{
    m_traceBody = traceBody;
    m_traceUnjudged = true;
    m_traceLoadWanted = true;
    startTraceLoad();
}

void CallPoller::startTraceLoad()
{
    if (!m_traceLoadWanted || m_loadTicket != 0 || m_suspended || !m_snapshot ||
        m_phase == PollerStatus::Phase::Idle || m_snapshot->call.apiVersion != ApiVersion::V3)
        return;
    m_traceLoadWanted = false;
    m_judging = std::exchange(m_traceUnjudged, false);
    m_judgedBody = m_traceBody;
    m_loadIsTraceOnly = true;
    m_loadTicket = m_loader->loadV3(m_snapshot->body, m_traceBody, m_snapshot);
}

void CallPoller::judgeTrace(const LoadedCall &loaded)
{
    if (!m_judging)
        return;
    if (!loaded.ok()) {
        // The call itself did not read: the trace waits for a call that does.
        m_judging = false;
        m_traceUnjudged = true;
        m_traceLoadWanted = true;
        return;
    }
    m_judging = false;
    if (loaded.traceError.isEmpty()) {
        m_goodTraceBody = m_judgedBody;
        Q_EMIT traceLoaded(true, QString());
        return;
    }
    // Later loads of the call use the last trace that read, not this one again.
    if (m_traceBody == m_judgedBody)
        m_traceBody = m_goodTraceBody;
    Q_EMIT traceLoaded(false, loaded.traceError);
}

void CallPoller::dropLoad()
{
    if (m_loadTicket != 0 && m_judging) {
        m_judging = false;
        m_traceUnjudged = true;
        m_traceLoadWanted = true;
    }
    m_loadTicket = 0;
    m_loadIsTraceOnly = false;
    m_callLoadWaiting = false;
}

void CallPoller::holdOff(qint64 ms)
{
    m_holdUntilMs = qMax(m_holdUntilMs, QDateTime::currentMSecsSinceEpoch() + ms);
    if (m_timer.isActive() && m_timer.remainingTime() < ms) {
        m_timer.start(int(qMin<qint64>(ms, std::numeric_limits<int>::max())));
        emitStatus();
    }
}

void CallPoller::onLoaded(quint64 ticket, const LoadedCall &loaded)
{
    if (m_loadTicket == 0)
        return; // an opened file's, or a parse we no longer wait for
    if (ticket != m_loadTicket) {
        // The loader took on newer work (an opened file) and dropped our parse: the
        // request is as good as lost, so ask again soon.
        const bool traceOnly = m_loadIsTraceOnly;
        dropLoad();
        if (traceOnly && !m_inFlight)
            return; // the trace is read again when the loader is free
        m_inFlight = false;
        scheduleIn(m_policy.initialMs,
                   m_snapshot ? PollerStatus::Phase::Waiting : PollerStatus::Phase::Loading);
        return;
    }
    m_loadTicket = 0;
    if (m_loadIsTraceOnly) {
        m_loadIsTraceOnly = false;
        if (loaded.ok() && loaded.traceError.isEmpty()) {
            m_snapshot = loaded.snapshot;
            Q_EMIT snapshotChanged(m_snapshot);
        }
        judgeTrace(loaded);
        if (std::exchange(m_callLoadWaiting, false))
            startCallLoad();
        else
            startTraceLoad();
        return;
    }
    finish(resultOfParse(std::exchange(m_fetched, FetchResult()), loaded.snapshot, loaded.parsed));
    if (m_asked == ApiVersion::V3)
        judgeTrace(loaded);
    startTraceLoad();
}

void CallPoller::finish(const FetchResult &result)
{
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
        scheduleAfterGoodResult();
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
        if (result.outcome == FetchOutcome::RateLimited)
            Q_EMIT rateLimited(delay);
    }
    if (!result.isTransient())
        m_probingV2 = false; // F5 after "not found" looks on v3 again: the call may be new
    // After the state is settled, so a listener sees the phase this failure led to.
    Q_EMIT fetchFailed(result);
}

void CallPoller::scheduleAfterGoodResult()
{
    using P = PollerStatus::Phase;
    using C = PollerStatus::Concern;
    m_concern = C::None;
    const Call *call = m_snapshot ? &m_snapshot->call : nullptr;
    const CallState state = call ? call->status.state() : CallState::Unknown;
    const bool documentedLive = state == CallState::Pending || state == CallState::Running;
    if (!documentedLive)
        m_timer.stop();
    if (call && !documentedLive) {
        if (call->status.isTerminal() || call->finishedAt.value.isValid()) {
            // An undocumented status with a finish time has ended all the same.
            setPhase(P::Finished);
            return;
        }
        if (call->status.isAbsent()) {
            m_concern = C::NoStatus;
            setPhase(P::Finished);
            return;
        }
        // An undocumented status may still move on (bem may add states): look now and
        // then, for a while, at the slowest pace.
        const QDateTime now = QDateTime::currentDateTimeUtc();
        if (!m_undocumentedSince.isValid())
            m_undocumentedSince = now;
        if (m_undocumentedSince.msecsTo(now) >= m_undocumentedLimitMs) {
            m_concern = C::UndocumentedTooLong;
            setPhase(P::Finished);
            return;
        }
        m_concern = C::UndocumentedStatus;
        if (m_paused) {
            setPhase(P::Paused);
            return;
        }
        scheduleIn(m_policy.maxMs, P::Waiting);
        return;
    }
    m_undocumentedSince = QDateTime();
    if (m_paused) {
        setPhase(P::Paused);
        return;
    }
    scheduleIn(m_policy.delayMs(m_quietPolls, m_random), P::Waiting);
}

void CallPoller::scheduleIn(int ms, PollerStatus::Phase phase)
{
    const qint64 held = m_holdUntilMs - QDateTime::currentMSecsSinceEpoch();
    if (held > ms)
        ms = int(qMin<qint64>(held, std::numeric_limits<int>::max()));
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
    s.waitingForTurn = m_inFlight && m_client->isWaitingForTurn();
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
        s.rawCallStatus = m_snapshot->call.status.raw();
    }
    s.concern = m_concern;
    s.slowCheckMs = m_policy.maxMs;
    s.slowCheckLimitMs = m_undocumentedLimitMs;
    return s;
}

} // namespace bem
