// SPDX-License-Identifier: MIT
#include "durationtext.h"

#include "formatting.h"
#include "valuefield.h"

#include <QCoreApplication>
#include <QTimer>

namespace bem {

QString durationText(const Status &status, const Timestamp &start, const Timestamp &end,
                     const QDateTime &now)
{
    if (const auto ms = durationMs(start, end))
        return formatDuration(*ms);
    if (!durationTicks(status, start, end))
        return {};
    // The server's clock may be ahead of ours: never count below zero.
    const qint64 ms = qMax<qint64>(0, start.value.msecsTo(now));
    const QString span = ms < 60 * 1000
                             ? QCoreApplication::translate("CallForm", "%1 s").arg(ms / 1000)
                             : formatDuration(ms / 1000 * 1000);
    switch (status.state()) {
    case CallState::Running:
        return QCoreApplication::translate("CallForm", "running for %1").arg(span);
    case CallState::Pending:
        return QCoreApplication::translate("CallForm", "waiting for %1").arg(span);
    default:
        return QCoreApplication::translate("CallForm", "%1 so far").arg(span);
    }
}

QString savedDurationText(const Status &status, const Timestamp &start, const Timestamp &end)
{
    if (const auto ms = durationMs(start, end))
        return formatDuration(*ms);
    if (!durationTicks(status, start, end))
        return {};
    switch (status.state()) {
    case CallState::Running:
        return QCoreApplication::translate("CallForm", "was running when saved");
    case CallState::Pending:
        return QCoreApplication::translate("CallForm", "was waiting when saved");
    default:
        return QCoreApplication::translate("CallForm", "was unfinished when saved");
    }
}

void showDuration(ValueField *field, QTimer *tick, const Status &status, const Timestamp &start,
                  const Timestamp &end, const QDateTime &now, bool live, const DurationTips &tips,
                  bool offline)
{
    const bool unfinished = durationTicks(status, start, end);
    field->setValue(offline ? savedDurationText(status, start, end)
                            : durationText(status, start, end, now));
    const bool ticks = live && !offline && unfinished;
    if (ticks)
        field->setToolTipLines({tips.ticking});
    else if (offline && unfinished)
        field->setToolTipLines({QCoreApplication::translate(
            "CallForm", "Opened from a file: this is the call as it was "
                        "when saved, not as it is now.")});
    else if (!field->value().isEmpty())
        field->setToolTipLines({tips.span});
    else
        field->setToolTipLines({});
    if (ticks && !tick->isActive())
        tick->start();
    else if (!ticks)
        tick->stop();
}

bool durationTicks(const Status &status, const Timestamp &start, const Timestamp &end)
{
    return !status.isTerminal() && start.isValid() && end.isEmpty();
}

} // namespace bem
