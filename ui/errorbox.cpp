// SPDX-License-Identifier: MIT
#include "errorbox.h"

#include "formatting.h"
#include "plainlabel.h"
#include "statuspresentation.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPainter>

namespace bem {
namespace {

constexpr int MaxErrorChars = 600;
constexpr int MaxErrorLines = 4;

// Word wrap cannot break a run without spaces (a token, a URL, a hex dump), and one such
// run would make the label, and the window, as wide as itself: offer a break every so often.
QString breakLongRuns(const QString &text, int every = 40)
{
    QString out;
    out.reserve(text.size() + text.size() / every);
    int run = 0;
    for (const QChar c : text) {
        run = c.isSpace() ? 0 : run + 1;
        if (run > every && !c.isLowSurrogate()) {
            out += u'\u200b';
            run = 1;
        }
        out += c;
    }
    return out;
}

} // namespace

ErrorBox::ErrorBox(QWidget *parent)
    : QWidget(parent)
    , m_icon(statusIcon(CallState::Failed))
{
    setObjectName(QStringLiteral("errorBox"));
    setAccessibleName(tr("Error"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(Pad + 2 + IconSize + 6, Pad, Pad + 2, Pad);
    m_text = plainLabel(QString(), this);
    m_text->setObjectName(QStringLiteral("errorText"));
    m_text->setWordWrap(true);
    m_text->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_text, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QMenu menu(this);
        menu.addAction(tr("Copy Error"), this,
                       [this] { QGuiApplication::clipboard()->setText(m_error); });
        if (m_text->hasSelectedText())
            menu.addAction(tr("Copy Selection"), this, [this] {
                QGuiApplication::clipboard()->setText(m_text->selectedText());
            });
        menu.exec(m_text->mapToGlobal(pos));
    });
    layout->addWidget(m_text, 1);
    hide();
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
}

ErrorBox::~ErrorBox() = default;

void ErrorBox::setError(const QString &text)
{
    setVisible(!text.isEmpty());
    if (text == m_error)
        return;
    m_error = text;
    QStringList lines = visibleText(text.left(MaxErrorChars), /*keepLineBreaks=*/true)
                            .split(u'\n', Qt::SkipEmptyParts);
    bool cutShort = text.size() > MaxErrorChars;
    if (lines.size() > MaxErrorLines) {
        lines.resize(MaxErrorLines);
        cutShort = true;
    }
    QString shown = lines.join(u'\n');
    if (cutShort)
        shown += u'\u2026';
    m_text->setText(breakLongRuns(shown));
    m_text->setToolTip(
        cutShort ? plainToolTip({tr("%1 characters in all; right-click \u25b8 Copy Error for "
                                    "the full text.")
                                     .arg(QLocale().toString(text.size()))})
                 : QString());
}

void ErrorBox::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor color = statusColor(CallState::Failed, palette());
    QColor fill = color;
    fill.setAlphaF(0.12f);
    QColor border = color;
    border.setAlphaF(0.7f);
    p.setPen(QPen(border, 1.0));
    p.setBrush(fill);
    p.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
    m_icon.paint(&p, QRect(Pad + 2, Pad + 1, IconSize, IconSize));
}

void ErrorBox::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        update();
    QWidget::changeEvent(event);
}

} // namespace bem
