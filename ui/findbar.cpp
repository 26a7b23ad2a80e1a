// SPDX-License-Identifier: MIT
#include "findbar.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStyle>
#include <QTextBlock>
#include <QToolButton>

#include <algorithm>

namespace bem {

FindBar::FindBar(QPlainTextEdit *edit, QWidget *keyScope, QWidget *parent)
    : QWidget(parent)
    , m_edit(edit)
    , m_field(new QLineEdit(this))
    , m_previousButton(new QToolButton(this))
    , m_nextButton(new QToolButton(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("findBar"));
    m_field->setObjectName(QStringLiteral("findField"));
    m_field->setPlaceholderText(tr("Find in response"));
    m_field->setClearButtonEnabled(true);
    m_field->installEventFilter(this);
    connect(m_field, &QLineEdit::textChanged, this, [this] {
        // Search as you type, from the start of the current match so it can grow.
        const QTextCursor cursor = m_edit->textCursor();
        refreshMatches();
        const auto it =
            std::lower_bound(m_matches.cbegin(), m_matches.cend(), cursor.selectionStart());
        if (!m_matches.isEmpty())
            selectMatch(it == m_matches.cend() ? 0 : int(it - m_matches.cbegin()));
        updateHighlights();
        updateStatus();
    });
    m_previousButton->setText(tr("Previous"));
    m_previousButton->setToolTip(
        tr("Previous match (%1)")
            .arg(QKeySequence(QKeySequence::FindPrevious).toString(QKeySequence::NativeText)));
    connect(m_previousButton, &QToolButton::clicked, this,
            [this] { findNext(m_field->text(), true); });
    m_nextButton->setText(tr("Next"));
    m_nextButton->setToolTip(
        tr("Next match (%1)")
            .arg(QKeySequence(QKeySequence::FindNext).toString(QKeySequence::NativeText)));
    connect(m_nextButton, &QToolButton::clicked, this,
            [this] { findNext(m_field->text(), false); });
    m_status->setObjectName(QStringLiteral("findStatus"));
    m_status->setTextFormat(Qt::PlainText);
    auto *closeButton = new QToolButton(this);
    closeButton->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    closeButton->setAutoRaise(true);
    closeButton->setToolTip(tr("Close the find bar (Esc)"));
    connect(closeButton, &QToolButton::clicked, this, &FindBar::dismiss);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *label = new QLabel(tr("Find:"), this);
    label->setTextFormat(Qt::PlainText);
    label->setBuddy(m_field);
    layout->addWidget(label);
    layout->addWidget(m_field, 1);
    layout->addWidget(m_previousButton);
    layout->addWidget(m_nextButton);
    layout->addWidget(m_status, 1);
    layout->addWidget(closeButton);
    hide();
    updateStatus();

    if (keyScope)
        keyScope->installEventFilter(this);
}

FindBar::~FindBar() = default;

void FindBar::open()
{
    const QString selected = m_edit->textCursor().selectedText();
    if (!selected.isEmpty() && selected.size() <= 200 &&
        !selected.contains(QChar::ParagraphSeparator)) {
        const QSignalBlocker blocker(m_field);
        m_field->setText(selected);
    }
    show();
    m_field->setFocus(Qt::ShortcutFocusReason);
    m_field->selectAll();
    refreshMatches();
    updateHighlights();
    updateStatus();
}

void FindBar::dismiss()
{
    const bool hadFocus = isAncestorOf(QApplication::focusWidget());
    hide();
    updateHighlights();
    if (hadFocus || !m_edit->hasFocus())
        m_edit->setFocus(Qt::OtherFocusReason);
}

QString FindBar::searchText() const
{
    return m_field->text();
}

void FindBar::setSearchedText(const QString &documentText)
{
    m_text = documentText;
    m_matchesValid = false;
    m_matches.clear();
    if (isOpen())
        refreshMatches();
    updateHighlights();
    updateStatus();
}

bool FindBar::findNext(const QString &text, bool backward)
{
    if (m_field->text() != text) {
        const QSignalBlocker blocker(m_field);
        m_field->setText(text);
    }
    refreshMatches();
    if (m_matches.isEmpty()) {
        updateHighlights();
        updateStatus();
        return false;
    }
    const QTextCursor cursor = m_edit->textCursor();
    int index = 0;
    if (backward) {
        const int from = cursor.selectionStart();
        index =
            int(std::lower_bound(m_matches.cbegin(), m_matches.cend(), from) - m_matches.cbegin()) -
            1;
        if (index < 0)
            index = int(m_matches.size()) - 1; // wrap to the last
    } else {
        // Past the start of the current match, so the same one is not found again.
        const int from = cursor.hasSelection() ? cursor.selectionStart() + 1 : cursor.position();
        index =
            int(std::lower_bound(m_matches.cbegin(), m_matches.cend(), from) - m_matches.cbegin());
        if (index >= m_matches.size())
            index = 0; // wrap to the first
    }
    selectMatch(index);
    updateHighlights();
    updateStatus();
    return true;
}

void FindBar::refreshMatches()
{
    const QString needle = m_field->text();
    if (m_matchesValid && needle == m_matchedText)
        return;
    m_matches.clear();
    m_matchedText = needle;
    m_matchesValid = true;
    if (needle.isEmpty())
        return;
    for (qsizetype at = m_text.indexOf(needle, 0, Qt::CaseInsensitive); at >= 0;
         at = m_text.indexOf(needle, at + needle.size(), Qt::CaseInsensitive))
        m_matches.append(int(at));
}

void FindBar::selectMatch(int index)
{
    QTextCursor cursor(m_edit->document());
    cursor.setPosition(m_matches.at(index));
    cursor.setPosition(m_matches.at(index) + int(m_matchedText.size()), QTextCursor::KeepAnchor);
    m_edit->setTextCursor(cursor);
}

int FindBar::currentMatch() const
{
    const QTextCursor cursor = m_edit->textCursor();
    if (m_matchedText.isEmpty() ||
        cursor.selectionEnd() - cursor.selectionStart() != m_matchedText.size())
        return -1;
    const auto it = std::lower_bound(m_matches.cbegin(), m_matches.cend(), cursor.selectionStart());
    if (it == m_matches.cend() || *it != cursor.selectionStart())
        return -1;
    return int(it - m_matches.cbegin());
}

void FindBar::updateHighlights()
{
    QList<QTextEdit::ExtraSelection> selections;
    if (isOpen() && !m_matches.isEmpty()) {
        // The matches around the current one; the rest are counted but not painted.
        const int count = int(m_matches.size());
        const int current = std::max(currentMatch(), 0);
        const int first = std::clamp(current - MaxHighlightedMatches / 2, 0,
                                     std::max(0, count - MaxHighlightedMatches));
        const int last = std::min(count, first + MaxHighlightedMatches);
        QTextCharFormat format;
        // Both colours set, so the match stays readable in a dark theme too.
        format.setBackground(QColor(255, 221, 87));
        format.setForeground(QColor(Qt::black));
        selections.reserve(last - first);
        for (int i = first; i < last; ++i) {
            QTextCursor cursor(m_edit->document());
            cursor.setPosition(m_matches.at(i));
            cursor.setPosition(m_matches.at(i) + int(m_matchedText.size()),
                               QTextCursor::KeepAnchor);
            selections.append({cursor, format});
        }
    }
    m_edit->setExtraSelections(selections);
}

void FindBar::updateStatus()
{
    const int count = int(m_matches.size());
    const int current = currentMatch();
    QString status;
    if (m_field->text().isEmpty())
        status.clear();
    else if (count == 0)
        status = tr("Not found");
    else if (current >= 0)
        status = tr("%1 of %2").arg(current + 1).arg(count);
    else
        status = count == 1 ? tr("1 match") : tr("%1 matches").arg(count);
    m_status->setText(status);
    m_previousButton->setEnabled(count > 0);
    m_nextButton->setEnabled(count > 0);
}

bool FindBar::handleKey(QEvent *event)
{
    // Accepting the ShortcutOverride makes these keys arrive as key presses instead of
    // triggering a shortcut of the window with the same keys (its Ctrl+F filters the tree).
    auto *key = static_cast<QKeyEvent *>(event);
    const bool find = key->matches(QKeySequence::Find);
    const bool next = key->matches(QKeySequence::FindNext);
    const bool previous = key->matches(QKeySequence::FindPrevious);
    const bool escape =
        key->key() == Qt::Key_Escape && key->modifiers() == Qt::NoModifier && isOpen();
    if (!find && !next && !previous && !escape)
        return false;
    event->accept();
    if (event->type() == QEvent::ShortcutOverride)
        return true;
    if (find) {
        open();
    } else if (escape) {
        dismiss();
    } else if (m_field->text().isEmpty()) {
        open();
    } else {
        if (!isOpen()) {
            show();
            updateHighlights();
        }
        findNext(m_field->text(), previous);
    }
    return true;
}

bool FindBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_field && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            findNext(m_field->text(), key->modifiers().testFlag(Qt::ShiftModifier));
            return true;
        }
    }
    // The key scope's own events, and those of its children passed up to it unhandled.
    if (watched != m_field &&
        (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress) &&
        handleKey(event))
        return true;
    return QWidget::eventFilter(watched, event);
}

} // namespace bem
