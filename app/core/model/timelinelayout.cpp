// SPDX-License-Identifier: MIT
#include "timelinelayout.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace bem {
namespace {

// Far enough outside the column that nothing shows, close enough that QPainter's
// integer conversions never overflow on a far-future time.
constexpr double OffscreenMargin = 8.0;

} // namespace

TimelineLayout::TimelineLayout(TimeWindow window, int width)
    : m_window(window)
    , m_width(std::max(width, 0))
{
    if (!m_window.isValid())
        m_window.toMs = m_window.fromMs + 1;
}

double TimelineLayout::xOf(qint64 ms) const
{
    return double(ms - m_window.fromMs) * m_width / double(m_window.lengthMs());
}

double TimelineLayout::clampX(double x) const
{
    return std::clamp(x, -OffscreenMargin, m_width + OffscreenMargin);
}

TimelineBar TimelineLayout::bar(std::optional<qint64> startMs, std::optional<qint64> endMs,
                                bool running, qint64 nowMs) const
{
    TimelineBar b;
    if (!startMs) {
        b.problem = endMs ? TimelineProblem::NoStart : TimelineProblem::NoTimes;
        return b;
    }
    qint64 end = 0;
    if (running) {
        // A clock behind the server's could put "now" before the start: it has just begun.
        end = std::max(nowMs, *startMs);
    } else if (!endMs) {
        b = marker(startMs);
        b.problem = TimelineProblem::NoEnd;
        return b;
    } else if (*endMs < *startMs) {
        b = marker(startMs);
        b.problem = TimelineProblem::Reversed;
        return b;
    } else {
        end = *endMs;
    }
    const qint64 farFuture = nowMs + FarFutureMs;
    if (*startMs > farFuture || end > farFuture)
        b.problem = TimelineProblem::FarFuture;
    if (end < m_window.fromMs || *startMs > m_window.toMs)
        return b;
    const double x0 = xOf(*startMs);
    const double x1 = xOf(end);
    b.visible = true;
    b.clippedLeft = x0 < 0;
    b.clippedRight = x1 > m_width;
    b.x0 = clampX(x0);
    b.x1 = clampX(x1);
    if (b.x1 - b.x0 < MinBarWidth)
        b.x1 = b.x0 + MinBarWidth;
    return b;
}

TimelineBar TimelineLayout::marker(std::optional<qint64> atMs) const
{
    TimelineBar b;
    if (!atMs) {
        b.problem = TimelineProblem::NoTimes;
        return b;
    }
    if (*atMs < m_window.fromMs || *atMs > m_window.toMs)
        return b;
    b.visible = true;
    b.marker = true;
    b.x0 = b.x1 = xOf(*atMs);
    return b;
}

qint64 TimelineLayout::tickStepMs(int minSpacingPx) const
{
    const double msPerPx = double(m_window.lengthMs()) / std::max(m_width, 1);
    const double wanted = msPerPx * std::max(minSpacingPx, 1);
    static constexpr qint64 Minute = 60 * 1000;
    static constexpr qint64 Hour = 60 * Minute;
    // Past a few seconds, steps follow the clock (15 s, 1 m, 5 m, …), not powers of ten.
    static constexpr qint64 Clock[] = {
        15000,       30000, Minute,   2 * Minute, 5 * Minute, 10 * Minute, 15 * Minute,
        30 * Minute, Hour,  2 * Hour, 6 * Hour,   12 * Hour,  24 * Hour};
    for (qint64 decade = 1; decade <= 10000; decade *= 10) {
        for (const qint64 m : {1, 2, 5}) {
            if (double(m * decade) >= wanted)
                return m * decade;
        }
    }
    for (const qint64 step : Clock) {
        if (double(step) >= wanted)
            return step;
    }
    const qint64 days = qint64(std::ceil(wanted / double(24 * Hour)));
    return days * 24 * Hour;
}

std::vector<TimelineTick> TimelineLayout::ticks(qint64 originMs, int minSpacingPx) const
{
    const qint64 step = tickStepMs(minSpacingPx);
    // The first multiple of the step (from the origin) inside the window.
    const qint64 fromOffset = m_window.fromMs - originMs;
    qint64 offset =
        fromOffset >= 0 ? (fromOffset + step - 1) / step * step : -((-fromOffset) / step * step);
    std::vector<TimelineTick> out;
    for (; originMs + offset <= m_window.toMs && out.size() < 1000; offset += step)
        out.push_back({offset, xOf(originMs + offset)});
    return out;
}

QString TimelineLayout::tickLabel(qint64 offsetMs, qint64 stepMs)
{
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("TimelineLayout", text);
    };
    const qint64 ms = offsetMs < 0 ? -offsetMs : offsetMs;
    const QString sign = offsetMs < 0 ? QStringLiteral("\u2212") : QString();
    if (ms == 0)
        return tr("0 s");
    if (stepMs < 1000 && ms < 1000)
        return sign + tr("%1 ms").arg(ms);
    if (ms < 60 * 1000) {
        const int decimals = stepMs % 1000 == 0 ? 0 : (stepMs % 100 == 0 ? 1 : 2);
        return sign + tr("%1 s").arg(double(ms) / 1000.0, 0, 'f', decimals);
    }
    if (ms < 3600 * 1000) {
        const qint64 s = ms / 1000;
        return sign + (s % 60 == 0
                           ? tr("%1 m").arg(s / 60)
                           : tr("%1 m %2 s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0')));
    }
    const qint64 m = ms / 60000;
    return sign + (m % 60 == 0 ? tr("%1 h").arg(m / 60)
                               : tr("%1 h %2 m").arg(m / 60).arg(m % 60, 2, 10, QLatin1Char('0')));
}

QString TimelineLayout::problemText(TimelineProblem problem)
{
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("TimelineLayout", text);
    };
    switch (problem) {
    case TimelineProblem::None:
        return {};
    case TimelineProblem::NoTimes:
        return tr("No start or end time: not drawn on the timeline.");
    case TimelineProblem::NoStart:
        return tr("No start time: not drawn on the timeline.");
    case TimelineProblem::NoEnd:
        return tr("Not running, but no end time: only its start is marked.");
    case TimelineProblem::Reversed:
        return tr("Its end time is before its start time: only its start is marked.");
    case TimelineProblem::FarFuture:
        return tr("A time far ahead of this computer's clock: the bar is cut at the edge.");
    }
    return {};
}

} // namespace bem
