// SPDX-License-Identifier: MIT
#include "statusbadge.h"

#include "formatting.h"

#include <QEvent>
#include <QPainter>
#include <QPalette>
#include <QStyle>

namespace bem {

namespace {

constexpr int PadLeft = 5;
constexpr int PadRight = 8;
constexpr int PadVertical = 2;
constexpr int Gap = 4;
// A status the server made up can be long; the tooltip has the rest.
constexpr int MaxTextEms = 24;

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

} // namespace

StatusBadge::StatusBadge(QWidget *parent)
    : QWidget(parent)
    , m_text(statusWord(m_status))
{
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    setAttribute(Qt::WA_OpaquePaintEvent, false);
    setAccessibleName(tr("Status"));
    setAccessibleDescription(m_text);
}

StatusBadge::~StatusBadge() = default;

void StatusBadge::setStatus(const Status &status)
{
    if (status == m_status)
        return;
    const bool stateChanged = status.state() != m_status.state() || m_icon.isNull();
    m_status = status;
    m_text = statusWord(status);
    if (stateChanged)
        m_icon = statusIcon(status.state());
    setToolTip(plainToolTip(statusToolTipLines(status)));
    setAccessibleDescription(m_text);
    updateGeometry();
    update();
}

int StatusBadge::iconExtent() const
{
    return qMin(style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this),
                fontMetrics().height());
}

QSize StatusBadge::sizeHint() const
{
    const QFontMetrics fm = fontMetrics();
    // +1: horizontalAdvance() rounds, elidedText() does not.
    const int textWidth =
        qMin(fm.horizontalAdvance(m_text) + 1, MaxTextEms * fm.horizontalAdvance(u'M'));
    const int icon = m_status.isAbsent() ? 0 : iconExtent() + Gap;
    const int height = qMax(fm.height(), iconExtent()) + 2 * PadVertical;
    const int pad = m_status.isAbsent() ? 2 * 2 : PadLeft + PadRight;
    return {pad + icon + textWidth, height};
}

QSize StatusBadge::minimumSizeHint() const
{
    return sizeHint();
}

void StatusBadge::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QFontMetrics fm = fontMetrics();
    const QSize hint = sizeHint();
    QRect box(QPoint(0, (height() - hint.height()) / 2),
              QSize(qMin(hint.width(), width()), hint.height()));

    if (m_status.isAbsent()) {
        // Nothing to tag: a dash like every other empty field.
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(box.adjusted(2, 0, -2, 0), Qt::AlignLeft | Qt::AlignVCenter, m_text);
        return;
    }

    const QColor color = statusColor(m_status.state(), palette());
    const bool dark = isDark(palette());
    QColor fill = color;
    fill.setAlphaF(dark ? 0.16f : 0.12f);
    QColor border = color;
    border.setAlphaF(dark ? 0.55f : 0.45f);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(border, 1.0));
    p.setBrush(fill);
    const qreal radius = box.height() / 2.0 - 1;
    p.drawRoundedRect(QRectF(box).adjusted(0.5, 0.5, -0.5, -0.5), radius, radius);

    const int extent = iconExtent();
    const QRect iconRect(box.left() + PadLeft, box.top() + (box.height() - extent) / 2, extent,
                         extent);
    // QIcon::paint asks the SVG engine for a pixmap at the device's pixel ratio.
    m_icon.paint(&p, iconRect);

    const QRect textRect = box.adjusted(PadLeft + extent + Gap, 0, -PadRight, 0);
    // The word in the window's text colour: tints lower contrast, and the icon, border
    // and tint already carry the colour.
    p.setPen(palette().color(QPalette::WindowText));
    const bool fits = fm.horizontalAdvance(m_text) < textRect.width();
    p.drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter,
               fits ? m_text : fm.elidedText(m_text, Qt::ElideRight, textRect.width()));
}

void StatusBadge::changeEvent(QEvent *event)
{
    switch (event->type()) {
    case QEvent::PaletteChange:
    case QEvent::EnabledChange:
        update();
        break;
    case QEvent::FontChange:
    case QEvent::StyleChange:
        updateGeometry();
        update();
        break;
    default:
        break;
    }
    QWidget::changeEvent(event);
}

} // namespace bem
