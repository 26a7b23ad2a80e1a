// SPDX-License-Identifier: MIT
#include "requestgate.h"

#include <QLoggingCategory>

#include <algorithm>
#include <limits>

Q_LOGGING_CATEGORY(lcGate, "inspector.gate")

namespace bem {

namespace {
// How many of the latest grants are remembered for Turn::mostToOneParty.
constexpr qsizetype RecentGrants = 1024;
} // namespace

RequestGate::RequestGate(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<bem::RequestGate::Turn>();
    m_clock.start();
    m_recentParties.resize(RecentGrants);
    m_holdTimer.setSingleShot(true);
    // A coarse timer may fire up to 5% early; Retry-After is a minimum.
    m_holdTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_holdTimer, &QTimer::timeout, this, &RequestGate::pump);
}

RequestGate::~RequestGate() = default;

void RequestGate::setMaxInFlight(int count)
{
    m_maxInFlight = qMax(1, count);
    schedulePump();
}

RequestGate::Ticket RequestGate::ask(const QString &group, quintptr party,
                                     std::function<void()> onTurn)
{
    Waiting w;
    w.ticket = m_nextTicket++;
    w.group = group;
    w.party = party;
    w.onTurn = std::move(onTurn);
    w.askedAtGrant = m_grantCount;
    w.askedAtMs = m_clock.elapsed();
    m_waiting.append(std::move(w));
    schedulePump();
    return m_waiting.constLast().ticket;
}

void RequestGate::done(Ticket ticket)
{
    if (ticket == 0)
        return;
    if (m_granted.remove(ticket)) {
        schedulePump();
        return;
    }
    const auto it = std::find_if(m_waiting.begin(), m_waiting.end(),
                                 [ticket](const Waiting &w) { return w.ticket == ticket; });
    if (it != m_waiting.end())
        m_waiting.erase(it);
}

bool RequestGate::isWaiting(Ticket ticket) const
{
    return std::any_of(m_waiting.cbegin(), m_waiting.cend(),
                       [ticket](const Waiting &w) { return w.ticket == ticket; });
}

void RequestGate::rateLimited(const QString &group, std::optional<int> retryAfterSeconds)
{
    const int inARow = ++m_rateLimitsInARow[group];
    const qint64 ms = retryAfterSeconds ? qint64(*retryAfterSeconds) * 1000
                                        : qint64(m_rateLimitPolicy.baseDelayMs(inARow - 1));
    holdGroup(group, ms);
}

void RequestGate::answered(const QString &group)
{
    m_rateLimitsInARow.remove(group);
}

void RequestGate::holdGroup(const QString &group, qint64 ms)
{
    if (ms <= 0)
        return;
    const qint64 until = m_clock.elapsed() + ms;
    qint64 &held = m_heldUntilMs[group];
    if (until <= held)
        return;
    held = until;
    // The printf form: clang's -Wpedantic refuses the stream form's empty macro arguments.
    qCDebug(lcGate, "group %s held back for %lld ms", qPrintable(group),
            static_cast<long long>(ms));
    Q_EMIT groupHeld(group, ms);
    schedulePump(); // re-arms the hold timer for what still waits
}

qint64 RequestGate::heldForMs(const QString &group) const
{
    return qMax<qint64>(0, m_heldUntilMs.value(group) - m_clock.elapsed());
}

void RequestGate::schedulePump()
{
    if (m_pumpQueued)
        return;
    m_pumpQueued = true;
    // From the event loop: a turn freed inside one client's reply handling must not run
    // another client's code in the middle of it.
    QMetaObject::invokeMethod(this, &RequestGate::pump, Qt::QueuedConnection);
}

qsizetype RequestGate::pickNext() const
{
    const qint64 now = m_clock.elapsed();
    qsizetype best = -1;
    quint64 bestServed = 0;
    QList<quintptr> partiesSeen;
    for (qsizetype i = 0; i < m_waiting.size(); ++i) {
        const Waiting &w = m_waiting.at(i);
        if (m_heldUntilMs.value(w.group) > now)
            continue;
        // A party's own requests go in the order asked: only its first eligible one counts.
        if (partiesSeen.contains(w.party))
            continue;
        partiesSeen.append(w.party);
        const quint64 served = m_lastServed.value(w.party);
        if (best < 0 || served < bestServed) {
            best = i;
            bestServed = served;
        }
    }
    return best;
}

RequestGate::Turn RequestGate::turnFor(const Waiting &w) const
{
    Turn t;
    t.party = w.party;
    t.group = w.group;
    t.grantsWhileWaiting = int(m_grantCount - w.askedAtGrant);
    t.waitedMs = m_clock.elapsed() - w.askedAtMs;
    QHash<quintptr, int> perParty;
    const quint64 from = std::max<quint64>(
        w.askedAtGrant, m_grantCount > quint64(RecentGrants) ? m_grantCount - RecentGrants : 0);
    for (quint64 g = from; g < m_grantCount; ++g) {
        const quintptr party = m_recentParties.at(qsizetype(g % RecentGrants));
        if (party != w.party)
            t.mostToOneParty = qMax(t.mostToOneParty, ++perParty[party]);
    }
    return t;
}

void RequestGate::pump()
{
    m_pumpQueued = false;
    while (int(m_granted.size()) < m_maxInFlight) {
        const qsizetype i = pickNext();
        if (i < 0)
            break;
        Waiting w = m_waiting.takeAt(i);
        const Turn turn = turnFor(w);
        m_recentParties[qsizetype(m_grantCount % RecentGrants)] = w.party;
        m_lastServed.insert(w.party, ++m_grantCount);
        m_granted.insert(w.ticket, Granted{w.group, w.party});
        m_peakInFlight = qMax(m_peakInFlight, int(m_granted.size()));
        if (m_waiting.isEmpty())
            m_lastServed.clear(); // with nobody waiting, every party is even again
        Q_EMIT turnGranted(turn);
        w.onTurn();
    }
    // Wake up when the earliest hold that keeps someone waiting ends.
    const qint64 now = m_clock.elapsed();
    qint64 wake = std::numeric_limits<qint64>::max();
    for (const Waiting &w : std::as_const(m_waiting)) {
        const qint64 until = m_heldUntilMs.value(w.group);
        if (until > now)
            wake = qMin(wake, until - now);
    }
    for (auto it = m_heldUntilMs.begin(); it != m_heldUntilMs.end();) {
        if (it.value() <= now)
            it = m_heldUntilMs.erase(it);
        else
            ++it;
    }
    if (wake == std::numeric_limits<qint64>::max())
        m_holdTimer.stop();
    else
        m_holdTimer.start(int(qMin<qint64>(wake, std::numeric_limits<int>::max())));
}

} // namespace bem
