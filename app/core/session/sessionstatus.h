// SPDX-License-Identifier: MIT
#pragma once

#include "callstatus.h"
#include "fetchresult.h"

#include <QDateTime>
#include <QString>

namespace bem {

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
    // A request was asked for and has not ended (it may still wait for its turn).
    bool requestInFlight = false;
    // The request asked for waits for a turn at the app's request gate: nothing is out yet.
    bool waitingForTurn = false;
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
    // Why refreshing is slower or off although the call has not ended.
    enum class Concern {
        None,
        Stopped,             // the user stopped the request in flight (Paused)
        UndocumentedStatus,  // a status bem does not document: checked at the slowest pace
        UndocumentedTooLong, // …for too long: no longer refreshed (Finished)
        NoStatus,            // the status is missing or not a string: not refreshed (Finished)
    };
    Concern concern = Concern::None;
    // The call's status as the server sent it (UndocumentedStatus, UndocumentedTooLong).
    QString rawCallStatus;
    // The pace of the checks of an undocumented status, and for how long they go on.
    qint64 slowCheckMs = 0;
    qint64 slowCheckLimitMs = 0;

    // One line for a status bar, relative to `now`: "Updated 2 s ago · next in 4 s",
    // "Refreshing…", "Paused · updated 1 m ago", "Stopped: completed 3 s ago", "Retrying in
    // 8 s after: the server could not answer (HTTP 502) (attempt 3)", … Without the error
    // ("Retrying in 8 s · attempt 3", "Stopped refreshing") when it is shown elsewhere.
    QString describe(bool includeError = true,
                     const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
};

} // namespace bem

Q_DECLARE_METATYPE(bem::PollerStatus)
