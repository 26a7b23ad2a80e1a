// SPDX-License-Identifier: MIT
#include "callpoller.h"

#include "bemclient.h"
#include "callloader.h"
#include "formatting.h"

#include <QCoreApplication>

#include <limits>
#include <utility>

namespace bem {

namespace {

QString secondsFromNow(qint64 ms)
{
    const qint64 s = qMax<qint64>(0, (ms + 999) / 1000);
    return s <= 1 ? QStringLiteral("1 s") : QStringLiteral("%1 s").arg(s);
}

QString minutesText(qint64 ms)
{
    return QStringLiteral("%1 min").arg(qMax<qint64>(1, ms / 60'000));
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
    using Concern = PollerStatus::Concern;
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
        if (concern == Concern::UndocumentedStatus)
            return QCoreApplication::translate("bem::PollerStatus",
                                               "Status \u201c%1\u201d is not one bem documents: "
                                               "checking every %2 for up to %3 \u00b7 next in %4")
                .arg(rawCallStatus, secondsFromNow(slowCheckMs), minutesText(slowCheckLimitMs),
                     secondsFromNow(nextRefreshInMs));
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
        if (concern == Concern::Stopped)
            return QCoreApplication::translate("bem::PollerStatus",
                                               "Stopped by you \u00b7 press F5 to refresh");
        const QString u = updated();
        return u.isEmpty() ? QStringLiteral("Paused \u00b7 auto-refresh is off")
                           : QStringLiteral("Paused \u00b7 ") + u;
    }
    case P::Finished: {
        if (requestInFlight)
            return QStringLiteral("Refreshing\u2026");
        if (concern == Concern::NoStatus)
            return QCoreApplication::translate(
                "bem::PollerStatus",
                "Not refreshing: the call has no status (or not a text one), so there is no "
                "telling whether it will change \u00b7 press F5 to refresh");
        if (concern == Concern::UndocumentedTooLong)
            return QCoreApplication::translate("bem::PollerStatus",
                                               "Stopped: status \u201c%1\u201d is not one bem "
                                               "documents and stayed for %2 \u00b7 press F5 to "
                                               "refresh")
                .arg(rawCallStatus, minutesText(slowCheckLimitMs));
        const bool failed = callState == CallState::Failed;
        if (callState == CallState::Unknown && callFinishedAt.isValid())
            return QCoreApplication::translate("bem::PollerStatus",
                                               "Stopped: ended as \u201c%1\u201d %2")
                .arg(rawCallStatus, formatSince(callFinishedAt, now));
        if (callFinishedAt.isValid())
            return (failed ? QStringLiteral("Stopped: failed %1")
                           : QStringLiteral("Stopped: completed %1"))
                .arg(formatSince(callFinishedAt, now));
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
    connect(m_loader, &CallLoader::loaded, this, &CallPoller::onLoaded);
}

CallPoller::~CallPoller() = default;

void CallPoller::start(const QString &callId)
{
    m_client->cancel();
    m_timer.stop();
    m_loadTicket = 0;
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
    m_loadTicket = 0;
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
    m_loadTicket = 0;
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
    m_loadTicket = 0;
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
        m_loadTicket = 0;
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
    // Bytes equal to the state shown come back Unchanged and are not parsed.
    m_client->fetchCall(m_callId, m_snapshot ? m_snapshot->body : QByteArray());
}

void CallPoller::onFetched(const FetchResult &result)
{
    if (!m_inFlight || m_loadTicket != 0)
        return; // not ours: a request canceled by start()/stop() never reports, but be safe
    if (result.outcome != FetchOutcome::Success) {
        finish(result);
        return;
    }
    // Parsed off the GUI thread, against the state shown (only changed function calls
    // are read again).
    m_fetched = result;
    m_loadTicket = m_loader->load(result.body, m_snapshot);
}

void CallPoller::onLoaded(quint64 ticket, const LoadedCall &loaded)
{
    if (m_loadTicket == 0)
        return; // an opened file's, or a parse we no longer wait for
    if (ticket != m_loadTicket) {
        // The loader took on newer work (an opened file) and dropped our parse: the
        // request is as good as lost, so ask again soon.
        m_loadTicket = 0;
        m_inFlight = false;
        scheduleIn(m_policy.initialMs,
                   m_snapshot ? PollerStatus::Phase::Waiting : PollerStatus::Phase::Loading);
        return;
    }
    m_loadTicket = 0;
    finish(resultOfParse(std::exchange(m_fetched, FetchResult()), loaded.snapshot, loaded.parsed));
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
    }
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
        s.rawCallStatus = m_snapshot->call.status.raw();
    }
    s.concern = m_concern;
    s.slowCheckMs = m_policy.maxMs;
    s.slowCheckLimitMs = m_undocumentedLimitMs;
    return s;
}

} // namespace bem
