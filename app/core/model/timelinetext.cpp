// SPDX-License-Identifier: MIT
#include "timelinetext.h"

#include "formatting.h"
#include "timelinelayout.h"

#include <QCoreApplication>
#include <QStringList>

namespace bem {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Timeline", text);
}

std::optional<qint64> msOf(const Timestamp &t)
{
    return t.isValid() ? std::optional<qint64>(t.value.toMSecsSinceEpoch()) : std::nullopt;
}

QString signedDuration(qint64 ms)
{
    return ms < 0 ? QStringLiteral("\u2212") + formatDuration(-ms) : formatDuration(ms);
}

} // namespace

QString timelineToolTip(const FunctionCall &fc, std::optional<qint64> callStartMs,
                        std::optional<qint64> spawnedAtMs, qint64 nowMs)
{
    QStringList lines;
    const std::optional<qint64> start = msOf(fc.startedAt);
    const std::optional<qint64> end = msOf(fc.finishedAt);
    const bool running = fc.status.state() == CallState::Running && start && !end;
    const TimelineBar bar = TimelineLayout({0, 1}, 1).bar(start, end, running, nowMs);
    if (!start && !end) {
        lines << tr("No start or end time: not drawn on the timeline.");
        return plainToolTip(lines);
    }
    lines << tr("Started: %1").arg(start ? formatLocalTime(fc.startedAt.value) : tr("unknown"));
    if (end)
        lines << tr("Finished: %1").arg(formatLocalTime(fc.finishedAt.value));
    else if (running)
        lines << tr("Finished: not yet (running)");
    if (start && end && *end >= *start)
        lines << tr("Duration: %1").arg(formatDuration(*end - *start));
    else if (running && nowMs >= *start)
        lines << tr("Duration: %1 so far").arg(formatDuration(nowMs - *start));
    if (start && callStartMs)
        lines << tr("Offset from the call's start: %1").arg(signedDuration(*start - *callStartMs));
    if (start && spawnedAtMs)
        lines << tr("Waited before it started: %1").arg(signedDuration(*start - *spawnedAtMs));
    if (bar.problem != TimelineProblem::None)
        lines << TimelineLayout::problemText(bar.problem);
    return plainToolTip(lines);
}

QString timelineEventToolTip(const Event &event, std::optional<qint64> callStartMs)
{
    QStringList lines;
    if (!event.createdAt.isValid()) {
        lines << tr("No time: not drawn on the timeline.");
        return plainToolTip(lines);
    }
    lines << tr("Emitted: %1").arg(formatLocalTime(event.createdAt.value));
    if (callStartMs)
        lines << tr("Offset from the call's start: %1")
                     .arg(signedDuration(event.createdAt.value.toMSecsSinceEpoch() - *callStartMs));
    return plainToolTip(lines);
}

} // namespace bem
