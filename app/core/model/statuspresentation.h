// SPDX-License-Identifier: MIT
#pragma once

#include "callstatus.h"
#include "calltypes.h"

#include <QColor>
#include <QIcon>
#include <QString>
#include <QStringList>

class QPalette;

namespace bem {

// How a status looks wherever it is shown (the tree, its delegate, the status badge, the
// form and the details): one icon, one word, one colour and one description per state.

// The status icon (:/icons/status-<state>.svg), made once per state and shared. GUI thread.
QIcon statusIcon(CallState state);
// The word for a status: "Completed", "Running", "Pending", "Failed"; an unknown value as
// the server sent it (made visible, one line); "—" when the status was absent.
QString statusWord(const Status &status);
// The colour that stands for a state, chosen for the palette's window: darker tones on a
// light window, lighter ones on a dark window, so text in it stays readable on both.
// Never the only cue: show it with the status icon and word.
QColor statusColor(CallState state, const QPalette &palette);
// What the state means, in a sentence: "Executing.", "Finished with an error.".
QString statusDescription(const Status &status);
// The lines of a status's tooltip: the status as sent (when there is one) and what it
// means. Give them to plainToolTip(): the raw value is the server's.
QStringList statusToolTipLines(const Status &status);

// How many function calls of a call are in each state; `other` is any status the API does
// not document (and a missing one).
struct StatusCounts
{
    int total = 0, pending = 0, running = 0, completed = 0, failed = 0, other = 0;

    friend bool operator==(const StatusCounts &a, const StatusCounts &b)
    {
        return a.total == b.total && a.pending == b.pending && a.running == b.running &&
               a.completed == b.completed && a.failed == b.failed && a.other == b.other;
    }
    friend bool operator!=(const StatusCounts &a, const StatusCounts &b) { return !(a == b); }
};

StatusCounts countStatuses(const QList<FunctionCall> &functionCalls);
// "14 function calls · 9 completed · 3 running · 1 pending · 1 failed"
QString describeCounts(const StatusCounts &counts);

} // namespace bem
