// SPDX-License-Identifier: MIT
#include "timelinelayout.h"

#include <QTest>

using namespace bem;

class TstTimelineLayout : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void knownTimes_mapToKnownPixels()
    {
        // 10 s over 1000 px: 0.1 px per ms.
        const TimelineLayout layout({1000000, 1010000}, 1000);
        const TimelineBar b = layout.bar(1002000, 1005000, false, 1010000);
        QVERIFY(b.visible);
        QVERIFY(!b.marker);
        QCOMPARE(b.x0, 200.0);
        QCOMPARE(b.x1, 500.0);
        QCOMPARE(b.problem, TimelineProblem::None);
        // Twice the width: twice the pixels.
        const TimelineBar wide =
            TimelineLayout({1000000, 1010000}, 2000).bar(1002000, 1005000, false, 1010000);
        QCOMPARE(wide.x0, 400.0);
        QCOMPARE(wide.x1, 1000.0);
    }

    void tinyBar_keepsAMinimumWidth()
    {
        const TimelineLayout layout({0, 600000}, 600);
        const TimelineBar b = layout.bar(300000, 300001, false, 600000);
        QVERIFY(b.visible);
        QCOMPARE(b.x1 - b.x0, TimelineLayout::MinBarWidth);
    }

    void runningBar_growsWithNow()
    {
        const TimelineLayout layout({0, 10000}, 1000);
        const TimelineBar early = layout.bar(1000, std::nullopt, true, 3000);
        const TimelineBar later = layout.bar(1000, std::nullopt, true, 6000);
        QVERIFY(early.visible && later.visible);
        QCOMPARE(early.x1, 300.0);
        QCOMPARE(later.x1, 600.0);
        QCOMPARE(early.x0, later.x0);
        // A clock behind the server's: "now" before the start is a bar that just began.
        const TimelineBar skew = layout.bar(5000, std::nullopt, true, 4000);
        QVERIFY(skew.visible);
        QCOMPARE(skew.x0, 500.0);
        QCOMPARE(skew.problem, TimelineProblem::None);
    }

    void missingTimes_drawNothingAndSaySo()
    {
        const TimelineLayout layout({0, 10000}, 1000);
        const TimelineBar none = layout.bar(std::nullopt, std::nullopt, false, 5000);
        QVERIFY(!none.visible);
        QCOMPARE(none.problem, TimelineProblem::NoTimes);
        const TimelineBar noStart = layout.bar(std::nullopt, 4000, false, 5000);
        QVERIFY(!noStart.visible);
        QCOMPARE(noStart.problem, TimelineProblem::NoStart);
        // Completed without an end: its start only.
        const TimelineBar noEnd = layout.bar(2000, std::nullopt, false, 5000);
        QVERIFY(noEnd.visible);
        QVERIFY(noEnd.marker);
        QCOMPARE(noEnd.x0, 200.0);
        QCOMPARE(noEnd.problem, TimelineProblem::NoEnd);
        for (TimelineProblem p :
             {TimelineProblem::NoTimes, TimelineProblem::NoStart, TimelineProblem::NoEnd,
              TimelineProblem::Reversed, TimelineProblem::FarFuture})
            QVERIFY(!TimelineLayout::problemText(p).isEmpty());
        QVERIFY(TimelineLayout::problemText(TimelineProblem::None).isEmpty());
    }

    void reversedTimes_areAMarkerAtTheStart()
    {
        const TimelineLayout layout({0, 10000}, 1000);
        const TimelineBar b = layout.bar(6000, 3000, false, 10000);
        QVERIFY(b.visible);
        QVERIFY(b.marker);
        QCOMPARE(b.x0, 600.0);
        QCOMPARE(b.x1, 600.0);
        QCOMPARE(b.problem, TimelineProblem::Reversed);
    }

    void farFutureEnd_isClippedAndReported()
    {
        const qint64 now = 10000;
        const TimelineLayout layout({0, 10000}, 1000);
        const qint64 year = qint64(365) * 24 * 3600 * 1000;
        const TimelineBar b = layout.bar(2000, now + 100 * year, false, now);
        QVERIFY(b.visible);
        QCOMPARE(b.problem, TimelineProblem::FarFuture);
        QCOMPARE(b.x0, 200.0);
        QVERIFY(b.clippedRight);
        QVERIFY(b.x1 <= 1000 + 10); // never a coordinate that overflows a painter
        // Within the tolerance for clock skew it is data, not a problem.
        const TimelineBar skew = layout.bar(2000, now + 60000, false, now);
        QCOMPARE(skew.problem, TimelineProblem::None);
        // Starting far ahead: reported, and nothing inside this window.
        const TimelineBar ahead = layout.bar(now + year, now + year + 5, false, now);
        QCOMPARE(ahead.problem, TimelineProblem::FarFuture);
        QVERIFY(!ahead.visible);
    }

    void zoomedWindow_clipsBarsAndDropsOnesOutside()
    {
        const TimelineLayout layout({4000, 6000}, 200); // 0.1 px per ms
        const TimelineBar across = layout.bar(3000, 7000, false, 10000);
        QVERIFY(across.visible);
        QVERIFY(across.clippedLeft && across.clippedRight);
        QVERIFY(across.x0 < 0 && across.x1 > 200);
        const TimelineBar before = layout.bar(1000, 2000, false, 10000);
        QVERIFY(!before.visible);
        QCOMPARE(before.problem, TimelineProblem::None);
        const TimelineBar inside = layout.bar(4500, 5000, false, 10000);
        QCOMPARE(inside.x0, 50.0);
        QCOMPARE(inside.x1, 100.0);
    }

    void markers_showOnlyInsideTheWindow()
    {
        const TimelineLayout layout({0, 10000}, 1000);
        QCOMPARE(layout.marker(2500).x0, 250.0);
        QVERIFY(layout.marker(2500).marker);
        QVERIFY(!layout.marker(20000).visible);
        QVERIFY(!layout.marker(std::nullopt).visible);
    }

    void ticks_areRoundAndSpaced()
    {
        // 10 s over 1000 px with 80 px between ticks at least: a 1 s step.
        const TimelineLayout layout({0, 10000}, 1000);
        QCOMPARE(layout.tickStepMs(80), qint64(1000));
        const auto ticks = layout.ticks(0, 80);
        QCOMPARE(int(ticks.size()), 11);
        QCOMPARE(ticks.front().offsetMs, qint64(0));
        QCOMPARE(ticks.back().offsetMs, qint64(10000));
        QCOMPARE(ticks[3].x, 300.0);
        // Zoomed to 4.2 s .. 4.7 s, still labelled from the call's start.
        const TimelineLayout zoomed({4200, 4700}, 500);
        const auto z = zoomed.ticks(0, 80);
        QCOMPARE(zoomed.tickStepMs(80), qint64(100));
        QCOMPARE(z.front().offsetMs, qint64(4200));
        QCOMPARE(z.front().x, 0.0);
        // A long call steps by the clock, not by powers of ten.
        const TimelineLayout hour({0, 3600 * 1000}, 1000);
        QCOMPARE(hour.tickStepMs(80), qint64(5 * 60 * 1000));
        // Labels.
        QCOMPARE(TimelineLayout::tickLabel(0, 1000), QStringLiteral("0 s"));
        QCOMPARE(TimelineLayout::tickLabel(250, 50), QStringLiteral("250 ms"));
        QCOMPARE(TimelineLayout::tickLabel(1500, 500), QStringLiteral("1.5 s"));
        QCOMPARE(TimelineLayout::tickLabel(150000, 30000), QStringLiteral("2 m 30 s"));
        QCOMPARE(TimelineLayout::tickLabel(7200000, 3600000), QStringLiteral("2 h"));
    }

    void emptyWindowOrWidth_neverDivideByZero()
    {
        const TimelineLayout layout({5000, 5000}, 0);
        const TimelineBar b = layout.bar(5000, 5000, false, 5000);
        QVERIFY(std::isfinite(b.x0) && std::isfinite(b.x1));
        QVERIFY(layout.ticks(5000, 80).size() < 1000);
    }
};

QTEST_GUILESS_MAIN(TstTimelineLayout)
#include "tst_timelinelayout.moc"
