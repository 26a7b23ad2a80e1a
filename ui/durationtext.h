// SPDX-License-Identifier: MIT
#pragma once

#include "calltypes.h"

#include <QDateTime>
#include <QString>

class QTimer;

namespace bem {

class ValueField;

// What a duration field shows: end − start once the end is known ("4 m 05 s"); while the
// status is not terminal, the time since start measured against `now`, in whole seconds
// ("running for 1 m 05 s", "waiting for 12 s"); empty when neither can be said.
QString durationText(const Status &status, const Timestamp &start, const Timestamp &end,
                     const QDateTime &now);
// The duration of a saved picture of the call (an opened file): end − start when known;
// for an unfinished call what it was doing when saved ("was running when saved"), since
// the time between then and now says nothing about the call.
QString savedDurationText(const Status &status, const Timestamp &start, const Timestamp &end);
// Whether durationText() changes as time passes (so a field showing it must tick).
bool durationTicks(const Status &status, const Timestamp &start, const Timestamp &end);
// Puts durationText() in `field` with a tooltip saying what it measures, and keeps `tick`
// running exactly while the value changes with time (never while `live` is false).
struct DurationTips
{
    QString ticking; // "Time since it started, by this computer's clock."
    QString span;    // "From started to finished."
};
// With `offline` (a saved picture), savedDurationText() and no ticking.
void showDuration(ValueField *field, QTimer *tick, const Status &status, const Timestamp &start,
                  const Timestamp &end, const QDateTime &now, bool live, const DurationTips &tips,
                  bool offline = false);

} // namespace bem
