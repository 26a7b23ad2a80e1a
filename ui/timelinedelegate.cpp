// SPDX-License-Identifier: MIT
#include "timelinedelegate.h"

#include "callfilterproxymodel.h"
#include "calltreemodel.h"
#include "statuspresentation.h"

#include <QApplication>
#include <QPainter>
#include <QTreeView>

namespace bem {
namespace {

constexpr int Padding = 3;     // between the bar and the cell's left and right edges
constexpr qreal Dimmed = 0.22; // rows off the critical path

} // namespace

TimelineDelegate::TimelineDelegate(QTreeView *view, CallFilterProxyModel *proxy,
                                   CallTreeModel *model)
    : QStyledItemDelegate(view)
    , m_view(view)
    , m_proxy(proxy)
    , m_model(model)
{}

void TimelineDelegate::setWindow(TimeWindow window, qint64 nowMs)
{
    m_window = window;
    m_nowMs = nowMs;
}

void TimelineDelegate::setCriticalPath(const QSet<const FunctionCall *> &onPath)
{
    m_onPath = onPath;
}

TimelineBar TimelineDelegate::barFor(const QModelIndex &proxyIndex, int width) const
{
    const CallTreeModel::TimelineTimes t = m_model->timelineTimes(m_proxy->mapToSource(proxyIndex));
    const TimelineLayout layout(m_window, width);
    switch (t.kind) {
    case CallTreeModel::NodeKind::Activity:
        return {};
    case CallTreeModel::NodeKind::Event:
        return layout.marker(t.startMs);
    case CallTreeModel::NodeKind::FunctionCall:
        break;
    }
    if (t.state == CallState::Pending && !t.endMs)
        return layout.marker(t.startMs);
    return layout.bar(t.startMs, t.endMs, t.live, m_nowMs);
}

void TimelineDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    // The cell's background and selection as the style draws them. Not the base paint: its
    // initStyleOption() reads a dozen roles through the proxy for a cell with no text, a
    // tenth of what a 1,000-row repaint of this column cost.
    {
        const QWidget *widget = option.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        style->drawPrimitive(QStyle::PE_PanelItemViewItem, &option, painter, widget);
    }
    if (!m_window.isValid())
        return;
    const QModelIndex source = m_proxy->mapToSource(index);
    const CallTreeModel::TimelineTimes t = m_model->timelineTimes(source);
    if (t.kind == CallTreeModel::NodeKind::Activity)
        return;
    const QRect area = option.rect.adjusted(Padding, 2, -Padding, -2);
    if (area.width() <= 0)
        return;
    const TimelineLayout layout(m_window, area.width());
    const bool dim = !m_onPath.isEmpty() && !m_onPath.contains(t.functionCall);
    const QColor colour = statusColor(t.state, option.palette);

    painter->save();
    painter->setClipRect(option.rect);
    painter->translate(area.left(), 0);
    if (dim)
        painter->setOpacity(Dimmed);

    if (t.kind == CallTreeModel::NodeKind::Event) {
        // A thin tick, so that a function call with many events stays readable.
        const TimelineBar tick = layout.marker(t.startMs);
        if (tick.visible) {
            painter->setPen(QPen(colour, 1));
            const int mid = area.center().y();
            painter->drawLine(QPointF(tick.x0, mid - 3), QPointF(tick.x0, mid + 3));
        }
        painter->restore();
        return;
    }

    // A collapsed parent: the span of everything below it, behind its own bar.
    if (t.hasChildFunctionCalls && !m_view->isExpanded(index.siblingAtColumn(0))) {
        const bool grows = t.liveBelow;
        const TimelineBar span = layout.bar(t.spanStartMs, t.spanEndMs, grows, m_nowMs);
        if (span.visible && !span.marker) {
            QColor fill = colour;
            fill.setAlphaF(0.28f);
            const QRectF r(span.x0, area.top() + 1, span.x1 - span.x0, area.height() - 2);
            painter->fillRect(r, fill);
            painter->setPen(QPen(colour, 1, Qt::DotLine));
            painter->drawRect(r.adjusted(0.5, 0.5, -0.5, -0.5));
        }
    }

    const TimelineBar own = barFor(index, area.width());
    const int barHeight = std::max(4, area.height() / 2);
    const qreal top = area.top() + (area.height() - barHeight) / 2.0;
    if (own.visible && own.marker) {
        // A point in time: a small diamond.
        const qreal x = own.x0;
        const qreal mid = top + barHeight / 2.0;
        const qreal r = barHeight / 2.0 + 1;
        const QPointF diamond[] = {{x, mid - r}, {x + r, mid}, {x, mid + r}, {x - r, mid}};
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(colour);
        painter->drawPolygon(diamond, 4);
    } else if (own.visible) {
        const QRectF r(own.x0, top, own.x1 - own.x0, barHeight);
        painter->fillRect(r, colour);
        if (t.live) {
            // The growing end: a lighter edge says "still going".
            painter->fillRect(QRectF(r.right() - 2, top - 2, 2, barHeight + 4),
                              colour.lighter(150));
        }
    }
    if (!dim && !m_onPath.isEmpty() && own.visible) {
        const QRectF r(own.x0 - 1.5, top - 1.5, std::max(own.x1 - own.x0, 1.0) + 3, barHeight + 3);
        painter->setOpacity(1.0);
        painter->setPen(QPen(option.palette.color(QPalette::Text), 1.5));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(r);
    }
    painter->restore();
}

} // namespace bem
