// SPDX-License-Identifier: MIT
#include "messagebanner.h"

#include "formatting.h"

#include <QEvent>
#include <QGraphicsDropShadowEffect>
#include <QHBoxLayout>
#include <QLabel>
#include <QLayout>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

#include <algorithm>

namespace bem {
namespace {

// Space between an overlay banner and the host's edges, so the frame and shadow show.
constexpr int OverlayMargin = 6;

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

} // namespace

MessageBanner::MessageBanner(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("banner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);

    m_icon = new QLabel(this);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("bannerText"));
    // Errors quote the server; nothing it sends may become markup or a live link.
    m_text->setTextFormat(Qt::PlainText);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);

    m_action = new QPushButton(this);
    m_action->setObjectName(QStringLiteral("bannerAction"));
    connect(m_action, &QPushButton::clicked, this, &MessageBanner::actionTriggered);

    m_close = new QToolButton(this);
    m_close->setAutoRaise(true);
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setToolTip(tr("Dismiss"));
    connect(m_close, &QToolButton::clicked, this, [this] {
        hide();
        Q_EMIT dismissed();
    });

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_action, 0, Qt::AlignVCenter);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    hide();
}

void MessageBanner::showMessage(Kind kind, const QString &text, const QStringList &details,
                                const QString &actionText)
{
    m_kind = kind;
    m_text->setText(text);
    m_text->setToolTip(details.isEmpty() ? QString() : plainToolTip(details));
    m_action->setText(actionText);
    m_action->setVisible(!actionText.isEmpty());
    const QStyle::StandardPixmap icon = kind == Kind::Error     ? QStyle::SP_MessageBoxCritical
                                        : kind == Kind::Warning ? QStyle::SP_MessageBoxWarning
                                                                : QStyle::SP_MessageBoxInformation;
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(style()->standardIcon(icon).pixmap(size, size));
    applyColours();
    show();
    placeOverHost();
}

void MessageBanner::attachTo(QWidget *host, Edge edge)
{
    m_edge = edge;
    if (m_host)
        m_host->removeEventFilter(this);
    if (parentWidget() && parentWidget()->layout())
        parentWidget()->layout()->removeWidget(this);
    const bool wasVisible = !isHidden();
    setParent(host);
    m_host = host;
    if (!host)
        return;
    host->installEventFilter(this);
    setFrameShape(QFrame::Box);
    auto *shadow = new QGraphicsDropShadowEffect(this);
    shadow->setBlurRadius(12);
    shadow->setOffset(0, 2);
    shadow->setColor(QColor(0, 0, 0, 110));
    setGraphicsEffect(shadow);
    // setParent() hides a widget; one that was showing a message goes on showing it.
    setVisible(wasVisible);
    placeOverHost();
}

void MessageBanner::placeOverHost()
{
    if (!m_host || isHidden())
        return;
    const int width = std::max(0, m_host->width() - 2 * OverlayMargin);
    const int wanted = hasHeightForWidth() ? heightForWidth(width) : sizeHint().height();
    const int height = std::min(std::max(wanted, minimumSizeHint().height()),
                                std::max(0, m_host->height() - 2 * OverlayMargin));
    const int top = m_edge == Edge::Top ? OverlayMargin : m_host->height() - OverlayMargin - height;
    setGeometry(OverlayMargin, std::max(0, top), width, height);
    raise();
}

bool MessageBanner::event(QEvent *event)
{
    const bool result = QFrame::event(event);
    // New text or a shown/hidden button changes the height the banner needs.
    if (event->type() == QEvent::LayoutRequest)
        placeOverHost();
    return result;
}

bool MessageBanner::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_host && (event->type() == QEvent::Resize || event->type() == QEvent::Show))
        placeOverHost();
    return QFrame::eventFilter(watched, event);
}

void MessageBanner::clearMessage()
{
    m_text->clear();
    m_text->setToolTip(QString());
    hide();
}

QString MessageBanner::text() const
{
    return isHidden() ? QString() : m_text->text();
}

QString MessageBanner::actionText() const
{
    return isHidden() || m_action->isHidden() ? QString() : m_action->text();
}

void MessageBanner::triggerAction()
{
    if (!actionText().isEmpty())
        m_action->click();
}

void MessageBanner::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    // Our own setPalette() sends a PaletteChange too: do not answer it with another.
    if (event->type() == QEvent::PaletteChange && !m_applyingColours && !isHidden())
        applyColours();
}

void MessageBanner::applyColours()
{
    // A tint of the kind's colour over the window colour: readable in light and dark
    // palettes, with the text in the palette's own text colour.
    const QPalette base = parentWidget() ? parentWidget()->palette() : QPalette();
    const bool dark = isDark(base);
    QColor tint;
    switch (m_kind) {
    case Kind::Error:
        tint = dark ? QColor(0x8b, 0x2a, 0x2a) : QColor(0xfd, 0xe2, 0xe1);
        break;
    case Kind::Warning:
        tint = dark ? QColor(0x6b, 0x55, 0x1c) : QColor(0xfd, 0xf3, 0xd0);
        break;
    case Kind::Info:
        tint = dark ? QColor(0x23, 0x4a, 0x6e) : QColor(0xe1, 0xee, 0xfb);
        break;
    }
    QPalette p = palette();
    p.setColor(QPalette::Window, tint);
    p.setColor(QPalette::WindowText, base.color(QPalette::WindowText));
    m_applyingColours = true;
    setPalette(p);
    m_applyingColours = false;
}

} // namespace bem
