// SPDX-License-Identifier: MIT
#pragma once

#include "callsnapshot.h"
#include "sessionstatus.h"

#include <QCoreApplication>
#include <QMetaType>
#include <QString>

namespace bem {

class CallSession;

// What a person is told when a watched call ends: which call, how it ended, how long it
// took and how many function calls failed. A value, built once when the watch fires; its
// texts are plain (server strings unescaped): whoever renders markup escapes them.
struct CallEndNotice
{
    Q_DECLARE_TR_FUNCTIONS(CallEndNotice)

public:
    enum class Ending {
        Completed,
        Failed,
        Ended,   // finished with a status bem does not document
        Stopped, // refreshing stopped for something a person must fix (a key, an ID, …)
    };
    Ending ending = Ending::Completed;
    QString callId;
    // The workflow name, else the function name, else the call ID.
    QString title;
    // How it ended, in words: "completed", "failed", "stopped: the key was refused".
    QString endedAs;
    // "4 m 05 s" (formatDuration): finished − created when both are known; for a call
    // still running (Stopped) the time since it was created. Empty when unknown.
    QString duration;
    int failedFunctionCalls = 0;
    int functionCalls = 0;
    // The session the call is open in (the integrator maps it to its tab for "Open").
    CallSession *session = nullptr;

    // "Call completed", "Call failed", "Call stopped refreshing".
    QString summary() const;
    // Plain lines: the title, then "Completed in 52.7 s · 2 of 9 function calls failed",
    // then the call ID when the title is not already it.
    QString body() const;

    // Builds the notice for a watch that ended with `status`, from what is shown.
    static CallEndNotice from(const PollerStatus &status, const CallSnapshotPtr &snapshot,
                              const QString &callId, CallSession *session,
                              const QDateTime &now = QDateTime::currentDateTimeUtc());
    // The name a person knows the call by: workflow name, function name, else the ID.
    static QString titleOf(const Call &call);
    // "stopped: the key was refused", … for a poller that stopped on this outcome.
    static QString stoppedWords(FetchOutcome outcome, const QString &error);
};

} // namespace bem

Q_DECLARE_METATYPE(bem::CallEndNotice)
