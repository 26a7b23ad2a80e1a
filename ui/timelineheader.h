// SPDX-License-Identifier: MIT
#pragma once

#include "timelinelayout.h"

#include <QHeaderView>

#include <optional>

namespace bem {

// The tree's header, whose Timeline section is a time ruler: round ticks labelled from
// the call's start (0 s … its duration), and the range shown, which says when it is
// zoomed. The other sections are painted as any header's.
class TimelineHeader final : public QHeaderView
{
    Q_OBJECT
public:
    TimelineHeader(int timelineSection, QWidget *parent = nullptr);

    // `window` is shown; `whole` is the call's full span, starting at the ruler's 0 s.
    void setRange(TimeWindow window, TimeWindow whole);
    bool isZoomed() const { return m_window != m_whole; }
    // What the ruler says about the range, e.g. "0 s – 12.5 s" or "zoomed: 2.0 s – 4.5 s of 12.5
    // s".
    QString rangeText() const;
    // The labels of the ticks drawn at `width` (tests).
    QStringList tickLabels(int width) const;

    // Room kept free at the right of the first line (for the zoom's Back button).
    void setReservedRight(int pixels) { m_reservedRight = pixels; }

    QSize sizeHint() const override;
    static constexpr int MinTickSpacing = 70;
    static constexpr int Padding = 3; // as the bars', so that ticks line up with them

protected:
    void paintSection(QPainter *painter, const QRect &rect, int logicalIndex) const override;

private:
    int m_section;
    TimeWindow m_window;
    TimeWindow m_whole;
    int m_reservedRight = 0;
};

} // namespace bem
