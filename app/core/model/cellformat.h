// SPDX-License-Identifier: MIT
#pragma once

#include "calltypes.h"

#include <QString>

#include <optional>

namespace bem {

// The text of the function-call tree's cells and tooltips, for the model and anything
// that shows the same fields (the filter reads them, the form shows versions).

// The columns of CallTreeModel, in order.
enum CallTreeColumn {
    NameCell,
    TypeCell,
    StatusCell,
    VersionCell,
    ReferenceIdCell,
    StartedCell,
    DurationCell,
    // v3 trace fields: the workflow node a function call executes, the labelled edge that
    // routed to it, and its attempt.
    NodeCell,
    EdgeCell,
    TryCell,
    // When it ran, drawn by the view (its text is empty).
    TimelineCell,
    CallTreeColumnCount
};

// "v3"; empty when there is no version.
QString versionText(const std::optional<qint64> &version);
// The function's name, else its ID, else the function call's ID, else "(unnamed …)".
QString functionCallName(const FunctionCall &fc);
// The text of one cell, uncut; `step` is set for an activity row.
QString cellText(const FunctionCall &fc, const ActivityEntry *step, int column);
// Tooltips, already made safe (plainToolTip()).
QString functionCallToolTip(const FunctionCall &fc, bool parentMissing, bool cycleBroken,
                            bool duplicateId);
QString stepToolTip(const ActivityEntry &step);

// "retry 2" for an attempt after the first, "1" for the first; empty when unknown.
QString tryText(const std::optional<qint64> &tryNumber);
// "→ invoices"; empty when no edge is named.
QString edgeText(const QString &incomingDestinationName);
// "92%" for 0.92; empty when there is none.
QString confidenceText(const std::optional<double> &confidence);
// An event in words: "route: invoices", "split item 3", "transform", "error: <first line
// of the message>"; an unknown type as sent.
QString eventName(const Event &event);
// The text of one cell of an event row, uncut.
QString eventCellText(const Event &event, int column);
QString eventToolTip(const Event &event);

} // namespace bem
