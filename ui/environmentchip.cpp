// SPDX-License-Identifier: MIT
#include "environmentchip.h"

#include <QCoreApplication>
#include <QEvent>
#include <QPainter>

namespace bem {

EnvironmentChip::EnvironmentChip(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
    // Smaller than the text around it, as a tag is.
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    small.setBold(true);
    setFont(small);
}

EnvironmentChip::~EnvironmentChip() = default;

void EnvironmentChip::setEnvironment(const Environment &environment)
{
    m_environment = environment;
    setToolTip(environment.name.isEmpty()
                   ? QString()
                   : QCoreApplication::translate("bem::EnvironmentChip", "Environment: %1\n%2")
                         .arg(environment.name, environment.baseUrl.toString())
                         .toHtmlEscaped()
                         .replace(u'\n', QStringLiteral("<br>")));
    setAccessibleName(environment.name);
    updateGeometry();
    update();
}

void EnvironmentChip::setMaximumTextWidth(int pixels)
{
    m_maxTextWidth = pixels;
    updateGeometry();
    update();
}

int EnvironmentChip::horizontalPadding() const
{
    return fontMetrics().height() / 2;
}

QString EnvironmentChip::shownText() const
{
    const int room = qMin(m_maxTextWidth, width() - 2 * horizontalPadding());
    return fontMetrics().elidedText(m_environment.name, Qt::ElideRight, qMax(room, 0));
}

QSize EnvironmentChip::sizeHint() const
{
    const QFontMetrics fm = fontMetrics();
    const int text = qMin(fm.horizontalAdvance(m_environment.name), m_maxTextWidth);
    return {text + 2 * horizontalPadding(), fm.height() + 4};
}

QSize EnvironmentChip::minimumSizeHint() const
{
    const QFontMetrics fm = fontMetrics();
    return {fm.horizontalAdvance(QStringLiteral("W\u2026")) + 2 * horizontalPadding(),
            fm.height() + 4};
}

void EnvironmentChip::paintEvent(QPaintEvent *)
{
    if (m_environment.name.isEmpty())
        return;
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor fill =
        m_environment.color.isValid() ? m_environment.color : palette().color(QPalette::Mid);
    const QRectF box = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    const qreal radius = box.height() / 2;
    p.setPen(Qt::NoPen);
    p.setBrush(fill);
    p.drawRoundedRect(box, radius, radius);
    p.setPen(EnvironmentColors::textOn(fill));
    const QRect textRect = rect().adjusted(horizontalPadding(), 0, -horizontalPadding(), 0);
    p.drawText(textRect, Qt::AlignCenter | Qt::TextSingleLine, shownText());
}

void EnvironmentChip::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange)
        updateGeometry();
    QWidget::changeEvent(event);
}

} // namespace bem
