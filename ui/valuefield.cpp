// SPDX-License-Identifier: MIT
#include "valuefield.h"

#include "formatting.h"

#include <QAction>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QIconEngine>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMenu>
#include <QPainter>
#include <QPainterPath>
#include <QStyle>
#include <QStyleOptionFrame>
#include <QToolButton>

namespace bem {

namespace {

// A QLineEdit holds at most 32767 characters and lays its text out on every change;
// nobody reads further than this on one line anyway.
constexpr qsizetype MaxShownChars = 2000;
constexpr qsizetype MaxToolTipChars = 1200;
constexpr int ToolTipLineChars = 100;
constexpr int MaxToolTipLines = 12;
constexpr int MaxHintChars = 60;
// QLineEdit keeps this much space on either side of its text (QLineEditPrivate).
constexpr int HorizontalMargin = 2;

// Cuts without splitting a surrogate pair.
QString cut(const QString &text, qsizetype max)
{
    if (text.size() <= max)
        return text;
    if (text.at(max - 1).isHighSurrogate())
        --max;
    return text.left(max);
}

class CopyIconEngine final : public QIconEngine
{
public:
    explicit CopyIconEngine(const QColor &color)
        : m_color(color)
    {}

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        QColor color = m_color;
        if (mode == QIcon::Disabled)
            color.setAlphaF(0.35f);
        const qreal unit = qMin(rect.width(), rect.height()) / 16.0;
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->translate(QRectF(rect).center() - QPointF(8 * unit, 8 * unit));
        painter->scale(unit, unit);
        QPen pen(color, 1.4);
        pen.setJoinStyle(Qt::RoundJoin);
        pen.setCapStyle(Qt::RoundCap);
        painter->setPen(pen);
        painter->setBrush(Qt::NoBrush);
        // The sheet behind only shows its top and left edges.
        QPainterPath back;
        back.moveTo(3.2, 10.5);
        back.lineTo(3.2, 3.7);
        back.quadTo(3.2, 2.2, 4.7, 2.2);
        back.lineTo(10.2, 2.2);
        painter->drawPath(back);
        painter->drawRoundedRect(QRectF(6.0, 5.2, 7.0, 8.8), 1.4, 1.4);
        painter->restore();
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        QPixmap pm(size);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        paint(&p, QRect(QPoint(), size), mode, state);
        return pm;
    }

    QIconEngine *clone() const override { return new CopyIconEngine(m_color); }

private:
    QColor m_color;
};

} // namespace

QColor mutedTextColor(const QPalette &palette)
{
    const QColor text = palette.color(QPalette::WindowText);
    const QColor window = palette.color(QPalette::Window);
    const auto mix = [](int a, int b) { return (a * 65 + b * 35) / 100; };
    return QColor(mix(text.red(), window.red()), mix(text.green(), window.green()),
                  mix(text.blue(), window.blue()));
}

void setMutedText(QWidget *label, const QPalette &palette)
{
    QPalette pal = label->palette();
    pal.setColor(QPalette::WindowText, mutedTextColor(palette));
    label->setPalette(pal);
}

QIcon copyIcon(const QPalette &palette)
{
    if (QIcon::hasThemeIcon(QStringLiteral("edit-copy")))
        return QIcon::fromTheme(QStringLiteral("edit-copy"));
    return QIcon(new CopyIconEngine(palette.color(QPalette::ButtonText)));
}

// The line edit inside: paints an elided copy of its text while the user is not working
// with it, and makes "Copy" mean the full value.
class ValueField::Line final : public QLineEdit
{
public:
    explicit Line(ValueField *owner)
        : QLineEdit(owner)
        , m_owner(owner)
    {}

    void textReplaced()
    {
        m_elidedWidth = -1;
        m_hintWidth = -1;
        updateGeometry();
    }

    // As wide as the text (within reason), so the copy button sits right after it; the
    // field shrinks and elides when the column is narrower.
    QSize sizeHint() const override
    {
        if (m_hintWidth < 0) {
            const QFontMetrics fm = fontMetrics();
            const QString &shown = text().isEmpty() ? placeholderText() : text();
            m_hintWidth = qMin(fm.horizontalAdvance(shown.left(MaxHintChars)) + 1,
                               MaxHintChars * fm.averageCharWidth()) +
                          2 * HorizontalMargin + textMargins().left() + textMargins().right();
        }
        return {m_hintWidth, QLineEdit::sizeHint().height()};
    }

    QSize minimumSizeHint() const override
    {
        const QFontMetrics fm = fontMetrics();
        return {qMin(sizeHint().width(), 4 * fm.averageCharWidth() + 2 * HorizontalMargin),
                QLineEdit::minimumSizeHint().height()};
    }

protected:
    void paintEvent(QPaintEvent *event) override
    {
        if (hasFocus() || hasSelectedText() || text().isEmpty()) {
            QLineEdit::paintEvent(event);
            return;
        }
        QStyleOptionFrame panel;
        initStyleOption(&panel);
        const QRect r = style()
                            ->subElementRect(QStyle::SE_LineEditContents, &panel, this)
                            .marginsRemoved(textMargins())
                            .adjusted(HorizontalMargin, 0, -HorizontalMargin, 0);
        const QFontMetrics fm = fontMetrics();
        if (m_elidedWidth != r.width()) {
            m_elidedWidth = r.width();
            m_elided = fm.horizontalAdvance(text()) > r.width()
                           ? fm.elidedText(text(), Qt::ElideRight, r.width())
                           : QString();
        }
        if (m_elided.isNull()) {
            QLineEdit::paintEvent(event);
            return;
        }
        QPainter p(this);
        style()->drawPrimitive(QStyle::PE_PanelLineEdit, &panel, &p, this);
        p.setClipRect(r);
        p.setPen(palette().color(QPalette::Text));
        // Same vertical placement as QLineEdit's own, so nothing moves on focus.
        const int top = r.y() + (r.height() - fm.height() + 1) / 2;
        p.drawText(QPoint(r.x(), top + fm.ascent()), m_elided);
    }

    void resizeEvent(QResizeEvent *event) override
    {
        m_elidedWidth = -1;
        QLineEdit::resizeEvent(event);
    }

    void changeEvent(QEvent *event) override
    {
        if (event->type() == QEvent::FontChange) {
            m_elidedWidth = -1;
            m_hintWidth = -1;
        }
        QLineEdit::changeEvent(event);
    }

    void keyPressEvent(QKeyEvent *event) override
    {
        if (event->matches(QKeySequence::Copy) &&
            (!hasSelectedText() || selectedText() == text())) {
            m_owner->copyToClipboard();
            event->accept();
            return;
        }
        QLineEdit::keyPressEvent(event);
    }

    void contextMenuEvent(QContextMenuEvent *event) override
    {
        QMenu menu(this);
        menu.addAction(m_owner->m_copyAction);
        if (hasSelectedText() && selectedText() != text())
            menu.addAction(ValueField::tr("Copy Selection"), this, &QLineEdit::copy);
        menu.addSeparator();
        QAction *all = menu.addAction(ValueField::tr("Select All"), this, &QLineEdit::selectAll);
        all->setEnabled(!text().isEmpty());
        menu.exec(event->globalPos());
    }

private:
    ValueField *m_owner;
    QString m_elided;
    int m_elidedWidth = -1;
    mutable int m_hintWidth = -1;
};

ValueField::ValueField(QWidget *parent)
    : QWidget(parent)
    , m_line(new Line(this))
    , m_copyAction(new QAction(tr("Copy"), this))
{
    m_line->setReadOnly(true);
    m_line->setFrame(false);
    m_line->setPlaceholderText(emptyText());
    m_line->setContextMenuPolicy(Qt::DefaultContextMenu);
    m_line->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    // Transparent so it reads as a label on any window colour; only this role is set,
    // everything else keeps following the application palette.
    QPalette pal = m_line->palette();
    pal.setBrush(QPalette::Base, Qt::transparent);
    m_line->setPalette(pal);
    setFocusProxy(m_line);

    m_copyAction->setEnabled(false);
    m_copyAction->setIcon(copyIcon(palette()));
    m_copyAction->setToolTip(tr("Copy the full value"));
    connect(m_copyAction, &QAction::triggered, this, [this] { copyToClipboard(); });

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_line);
    // Space left over goes after the value (and its copy button).
    layout->addStretch(1);
}

ValueField::~ValueField() = default;

QString ValueField::emptyText()
{
    return QStringLiteral("\u2014");
}

QLineEdit *ValueField::lineEdit() const
{
    return m_line;
}

void ValueField::setValue(const QString &value)
{
    // Equal values change nothing: the user's selection and scroll position stay.
    if (value == m_value)
        return;
    m_value = value;
    QString shown;
    if (!value.isEmpty()) {
        shown = visibleText(cut(value, MaxShownChars));
        if (value.size() > MaxShownChars)
            shown += u'\u2026';
    }
    m_line->setText(shown);
    // The start of a value says the most; setText leaves the view at its end.
    m_line->setCursorPosition(0);
    m_line->textReplaced();
    m_copyAction->setEnabled(!value.isEmpty());
    // Nothing to copy: no button next to the dash.
    if (m_copyButton)
        m_copyButton->setVisible(m_copyButtonWanted && !value.isEmpty());
    updateToolTip();
}

QString ValueField::displayText() const
{
    return m_line->text().isEmpty() ? emptyText() : m_line->text();
}

void ValueField::setTimestamp(const Timestamp &time)
{
    if (time.isValid()) {
        setValue(formatLocalTime(time.value));
        setToolTipLines(
            {tr("UTC: %1").arg(formatUtcTime(time.value)), tr("As sent: %1").arg(time.raw())});
    } else if (!time.isEmpty()) {
        setValue(time.raw());
        setToolTipLines({tr("Not a time this app can read; shown as sent.")});
    } else {
        setValue({});
        setToolTipLines({});
    }
}

void ValueField::setToolTipLines(const QStringList &lines)
{
    if (lines == m_toolTipLines)
        return;
    m_toolTipLines = lines;
    updateToolTip();
}

void ValueField::updateToolTip()
{
    QStringList lines;
    if (!m_value.isEmpty()) {
        const QStringList valueLines =
            visibleText(cut(m_value, MaxToolTipChars), /*keepLineBreaks=*/true).split(u'\n');
        bool cutShort = m_value.size() > MaxToolTipChars;
        for (const QString &line : valueLines) {
            for (qsizetype at = 0; at < qMax<qsizetype>(line.size(), 1); at += ToolTipLineChars) {
                if (lines.size() == MaxToolTipLines) {
                    cutShort = true;
                    break;
                }
                lines << line.mid(at, ToolTipLineChars);
            }
        }
        if (cutShort)
            lines << tr("\u2026 %1 characters in all; Copy gives the full value.")
                         .arg(QLocale().toString(m_value.size()));
    }
    for (const QString &line : m_toolTipLines)
        lines << visibleText(line);
    m_line->setToolTip(lines.isEmpty() ? QString() : plainToolTip(lines));
}

void ValueField::setCopyButtonVisible(bool visible)
{
    if (visible && !m_copyButton) {
        m_copyButton = new QToolButton(this);
        m_copyButton->setDefaultAction(m_copyAction);
        m_copyButton->setAutoRaise(true);
        m_copyButton->setFocusPolicy(Qt::NoFocus);
        const int side = m_line->sizeHint().height();
        m_copyButton->setFixedSize(side, side);
        m_copyButton->setIconSize(QSize(side - 6, side - 6));
        static_cast<QHBoxLayout *>(layout())->insertWidget(1, m_copyButton);
    }
    m_copyButtonWanted = visible;
    if (m_copyButton)
        m_copyButton->setVisible(visible && !m_value.isEmpty());
}

bool ValueField::isCopyButtonVisible() const
{
    return m_copyButtonWanted;
}

void ValueField::copyToClipboard() const
{
    if (!m_value.isEmpty())
        QGuiApplication::clipboard()->setText(m_value);
}

void ValueField::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        m_copyAction->setIcon(copyIcon(palette()));
    QWidget::changeEvent(event);
}

} // namespace bem
