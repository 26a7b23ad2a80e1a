// SPDX-License-Identifier: MIT
#include "timelineheader.h"

#include <QPainter>
#include <QStyleOptionHeader>

namespace bem {

TimelineHeader::TimelineHeader(int timelineSection, QWidget *parent)
    : QHeaderView(Qt::Horizontal, parent)
    , m_section(timelineSection)
{
    // What QTreeView gives its own header.
    setSectionsMovable(true);
    setStretchLastSection(true);
    setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    setObjectName(QStringLiteral("timelineHeader"));
}

void TimelineHeader::setRange(TimeWindow window, TimeWindow whole)
{
    if (window == m_window && whole == m_whole)
        return;
    m_window = window;
    m_whole = whole;
    viewport()->update();
}

QString TimelineHeader::rangeText() const
{
    if (!m_whole.isValid())
        return tr("no times");
    const qint64 step = 100;
    const QString whole = TimelineLayout::tickLabel(m_whole.lengthMs(), step);
    if (!isZoomed())
        return tr("0 s \u2013 %1").arg(whole);
    return tr("zoomed: %1 \u2013 %2 of %3")
        .arg(TimelineLayout::tickLabel(m_window.fromMs - m_whole.fromMs, step),
             TimelineLayout::tickLabel(m_window.toMs - m_whole.fromMs, step), whole);
}

QStringList TimelineHeader::tickLabels(int width) const
{
    QStringList out;
    if (!m_window.isValid())
        return out;
    const TimelineLayout layout(m_window, width - 2 * Padding);
    const qint64 step = layout.tickStepMs(MinTickSpacing);
    for (const TimelineTick &t : layout.ticks(m_whole.fromMs, MinTickSpacing))
        out << TimelineLayout::tickLabel(t.offsetMs, step);
    return out;
}

QSize TimelineHeader::sizeHint() const
{
    QSize s = QHeaderView::sizeHint();
    // Room for the section title and the range on one line, the tick labels on another.
    s.setHeight(std::max(s.height(), 2 * fontMetrics().height() + 8));
    return s;
}

void TimelineHeader::paintSection(QPainter *painter, const QRect &rect, int logicalIndex) const
{
    if (logicalIndex != m_section) {
        QHeaderView::paintSection(painter, rect, logicalIndex);
        return;
    }
    // The section's frame as the style draws it, with no text: the ruler is the text.
    QStyleOptionHeader opt;
    initStyleOption(&opt);
    opt.rect = rect;
    opt.section = logicalIndex;
    opt.text.clear();
    opt.position = QStyleOptionHeader::End;
    painter->save();
    style()->drawControl(QStyle::CE_Header, &opt, painter, this);
    painter->restore();

    painter->save();
    painter->setClipRect(rect);
    const QFontMetrics fm = fontMetrics();
    const QColor text = palette().color(QPalette::ButtonText);
    // When zoomed, the Back button sits at the right of this line.
    const int button = isZoomed() ? m_reservedRight : 0;
    const QRect firstLine(rect.left() + 4, rect.top() + 2, rect.width() - 8 - button,
                          fm.height() + 2);
    const QString title =
        model() ? model()->headerData(logicalIndex, Qt::Horizontal).toString() : QString();
    painter->setPen(text);
    painter->drawText(firstLine, Qt::AlignLeft | Qt::AlignVCenter,
                      fm.elidedText(title + QStringLiteral(" \u00b7 ") + rangeText(),
                                    Qt::ElideRight, firstLine.width()));
    if (m_window.isValid()) {
        const int left = rect.left() + Padding;
        const int width = rect.width() - 2 * Padding;
        const TimelineLayout layout(m_window, width);
        const qint64 step = layout.tickStepMs(MinTickSpacing);
        const int bottom = rect.bottom() - 1;
        QColor tickColour = text;
        tickColour.setAlphaF(0.6f);
        for (const TimelineTick &t : layout.ticks(m_whole.fromMs, MinTickSpacing)) {
            const int x = left + int(t.x + 0.5);
            painter->setPen(tickColour);
            painter->drawLine(x, bottom - 5, x, bottom);
            const QString label = TimelineLayout::tickLabel(t.offsetMs, step);
            const int w = fm.horizontalAdvance(label);
            // Labels start at their tick, except where that would run past the right edge.
            const int lx = std::min(x + 2, rect.right() - w - 2);
            painter->setPen(text);
            painter->drawText(QRect(lx, bottom - 5 - fm.height(), w + 1, fm.height()),
                              Qt::AlignLeft | Qt::AlignBottom, label);
        }
    }
    painter->restore();
}

} // namespace bem
