// SPDX-License-Identifier: MIT
#pragma once

#include "backoffpolicy.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>
#include <optional>

namespace bem {

// The app's one door to bem: every BemClient given this gate asks it for a turn before a
// request goes out and gives the turn back when the reply ends, so that many open calls
// refreshing at their own pace never have more than maxInFlight() requests out at once.
//
// Turns go round robin by party (a CallSession, whose call, trace and event clients share
// one party; a client on its own is its own party): the waiting party served least
// recently goes next, and a party's own requests go in the order they asked. So one
// session polling three endpoints gets one turn in its round, like a session polling one.
// Nobody jumps the queue, a refresh the user asked for included: with the cap at 4 and
// replies of a few hundred milliseconds a turn comes round quickly, and the request then
// goes out under the same rules as everyone else's.
//
// Each client belongs to a group (its environment). A 429 for any client of a group holds
// back every waiting request of that group until the server's Retry-After has passed (or,
// without one, a backoff that doubles with each 429 in a row), while other groups go on.
// The client's own poller still waits its own Retry-After on top of that.
//
// A turn is granted from the event loop, never inside ask(). A ticket given back (done())
// frees its turn at once, whether it was still waiting or out.
class RequestGate final : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultMaxInFlight = 4;
    using Ticket = quint64;

    // What a granted turn waited for, for diagnostics and the fairness test.
    struct Turn
    {
        quintptr party = 0;
        QString group;
        // Turns granted to others while this one waited.
        int grantsWhileWaiting = 0;
        // The most of those that went to one single other party.
        int mostToOneParty = 0;
        qint64 waitedMs = 0;
    };

    explicit RequestGate(QObject *parent = nullptr);
    ~RequestGate() override;
    Q_DISABLE_COPY_MOVE(RequestGate)

    void setMaxInFlight(int count);
    int maxInFlight() const { return m_maxInFlight; }
    // Turns out now, requests waiting for one, and the most turns ever out at once.
    int inFlight() const { return int(m_granted.size()); }
    int waiting() const { return int(m_waiting.size()); }
    int peakInFlight() const { return m_peakInFlight; }
    // How long a group waits after a 429 without Retry-After (the n-th in a row waits
    // baseDelayMs(n - 1)). Tests shorten it.
    void setRateLimitPolicy(const BackoffPolicy &policy) { m_rateLimitPolicy = policy; }

    // Asks for a turn for `party` in `group`; `onTurn` runs when it is granted. The ticket
    // (never 0) is given back with done().
    Ticket ask(const QString &group, quintptr party, std::function<void()> onTurn);
    // The reply ended (or the request was dropped): frees the turn, or leaves the queue.
    void done(Ticket ticket);
    bool isWaiting(Ticket ticket) const;

    // The server answered a request of `group` with 429: the group is held back.
    void rateLimited(const QString &group, std::optional<int> retryAfterSeconds);
    // The server answered a request of `group` with anything but 429.
    void answered(const QString &group);
    // Holds back `group`'s waiting requests for at least `ms`.
    void holdGroup(const QString &group, qint64 ms);
    // How long `group` is still held back (0 when it is not).
    qint64 heldForMs(const QString &group) const;

Q_SIGNALS:
    void turnGranted(const bem::RequestGate::Turn &turn);
    void groupHeld(const QString &group, qint64 ms);

private:
    struct Waiting
    {
        Ticket ticket = 0;
        QString group;
        quintptr party = 0;
        std::function<void()> onTurn;
        quint64 askedAtGrant = 0; // m_grantCount when it asked
        qint64 askedAtMs = 0;
    };
    struct Granted
    {
        QString group;
        quintptr party = 0;
    };
    void schedulePump();
    void pump();
    // The waiting request to serve next, or -1 (none eligible now).
    qsizetype pickNext() const;
    Turn turnFor(const Waiting &w) const;

    int m_maxInFlight = DefaultMaxInFlight;
    int m_peakInFlight = 0;
    Ticket m_nextTicket = 1;
    QList<Waiting> m_waiting; // in the order asked
    QHash<Ticket, Granted> m_granted;
    // When each party was last served (a grant count), while anyone waits.
    QHash<quintptr, quint64> m_lastServed;
    quint64 m_grantCount = 0;
    // The parties of the latest grants, for Turn::mostToOneParty.
    QList<quintptr> m_recentParties;
    QHash<QString, qint64> m_heldUntilMs; // on m_clock
    QHash<QString, int> m_rateLimitsInARow;
    BackoffPolicy m_rateLimitPolicy;
    QElapsedTimer m_clock;
    QTimer m_holdTimer;
    bool m_pumpQueued = false;
};

} // namespace bem

Q_DECLARE_METATYPE(bem::RequestGate::Turn)
