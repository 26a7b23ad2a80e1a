// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QtGlobal>

#include <optional>
#include <vector>

namespace bem {

// A span of wall-clock time in milliseconds since the epoch: the part of a call the
// Timeline column shows across its width.
struct TimeWindow
{
    qint64 fromMs = 0;
    qint64 toMs = 0;

    qint64 lengthMs() const { return toMs - fromMs; }
    bool isValid() const { return toMs > fromMs; }
    friend bool operator==(const TimeWindow &a, const TimeWindow &b)
    {
        return a.fromMs == b.fromMs && a.toMs == b.toMs;
    }
    friend bool operator!=(const TimeWindow &a, const TimeWindow &b) { return !(a == b); }
};

// Why a function call's bar is drawn the way it is (or not at all).
enum class TimelineProblem {
    None,
    NoTimes,   // neither start nor end: nothing is drawn
    NoStart,   // an end without a start: nothing is drawn
    NoEnd,     // not running, yet no end: a marker at its start
    Reversed,  // the end comes before the start: a marker at its start
    FarFuture, // a time far ahead of this clock: clipped to the window's end
};

// What to draw for one row, in pixels from the column's left edge. A marker has
// x0 == x1 (a pending call's creation, an event's time, a bar that cannot be a bar).
struct TimelineBar
{
    bool visible = false;
    bool marker = false;
    double x0 = 0;
    double x1 = 0;
    // Part of it lies outside the window (zoomed in): the painter may show an open end.
    bool clippedLeft = false;
    bool clippedRight = false;
    TimelineProblem problem = TimelineProblem::None;
};

// A tick of the ruler: its time from the origin (the call's start) and its x.
struct TimelineTick
{
    qint64 offsetMs = 0;
    double x = 0;
};

// Maps times onto the Timeline column: a window of time over a width in pixels. Pure
// arithmetic, no widgets: the delegate and the ruler both draw with it.
class TimelineLayout final
{
public:
    // Times more than this far ahead of "now" are treated as wrong clocks, not as data.
    static constexpr qint64 FarFutureMs = 3600 * 1000;
    // The thinnest bar, so that a 1 ms call at a 10-minute scale is still seen.
    static constexpr double MinBarWidth = 2.0;

    TimelineLayout(TimeWindow window, int width);

    const TimeWindow &window() const { return m_window; }
    int width() const { return m_width; }
    // The x of a time, unclamped (may lie outside 0..width).
    double xOf(qint64 ms) const;

    // A function call's bar: from `startMs` to `endMs`; while `running`, to `nowMs`
    // (a running call grows). Missing, reversed and far-future times are reported in
    // `problem`.
    TimelineBar bar(std::optional<qint64> startMs, std::optional<qint64> endMs, bool running,
                    qint64 nowMs) const;
    // A point in time (a pending call's creation, an event): invisible outside the window.
    TimelineBar marker(std::optional<qint64> atMs) const;

    // Ruler ticks at a round step (1, 2 or 5 times a power of ten of milliseconds) at
    // least `minSpacingPx` apart, labelled from `originMs` (the call's start).
    std::vector<TimelineTick> ticks(qint64 originMs, int minSpacingPx) const;
    // The step ticks() uses.
    qint64 tickStepMs(int minSpacingPx) const;

    // "0 s", "250 ms", "1.5 s", "2 m 30 s": a ruler label.
    static QString tickLabel(qint64 offsetMs, qint64 stepMs);
    // The problem in words, for a tooltip; empty for None.
    static QString problemText(TimelineProblem problem);

private:
    double clampX(double x) const;

    TimeWindow m_window;
    int m_width;
};

} // namespace bem
