// SPDX-License-Identifier: MIT
#include "rawjsonview.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHash>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QStandardPaths>
#include <QStyle>
#include <QTextBlock>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <utility>

namespace bem {

namespace {

// The start of a JSON text, indented like QJsonDocument::Indented but in the order
// received, stopping after about `limit` bytes of output: O(limit), whatever the body's
// size. Invalid JSON comes out re-spaced, never lost: only whitespace outside strings is
// touched.
QByteArray indentedPrefix(const QByteArray &body, qsizetype limit)
{
    QByteArray out;
    out.reserve(limit + 256);
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    const auto newline = [&] {
        out += '\n';
        out.append(qsizetype(depth) * 4, ' ');
    };
    const qsizetype size = body.size();
    for (qsizetype i = 0; i < size && out.size() < limit; ++i) {
        const char c = body.at(i);
        if (inString) {
            out += c;
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        switch (c) {
        case '"':
            inString = true;
            out += c;
            break;
        case '{':
        case '[': {
            out += c;
            // An empty container stays on one line.
            qsizetype j = i + 1;
            while (j < size && std::isspace(static_cast<unsigned char>(body.at(j))))
                ++j;
            if (j < size && (body.at(j) == '}' || body.at(j) == ']')) {
                out += body.at(j);
                i = j;
                break;
            }
            ++depth;
            newline();
            break;
        }
        case '}':
        case ']':
            depth = std::max(0, depth - 1);
            newline();
            out += c;
            break;
        case ',':
            out += c;
            newline();
            break;
        case ':':
            out += ": ";
            break;
        case ' ':
        case '\t':
        case '\n':
        case '\r':
            break;
        default:
            out += c;
        }
    }
    return out;
}

// How far a refresh may have moved the lines being read (lines inserted or removed above
// them) and still be followed.
constexpr int MaxFollowedShift = 2000;
// The lines compared to find the reading position again: about a screenful. One line such
// as `"status": "running",` occurs many times in a call; a page of them rarely does.
constexpr int AnchorLines = 40;

struct TextPosition
{
    int block = 0;
    int column = 0;
};

TextPosition textPosition(const QTextDocument *document, int position)
{
    const QTextBlock block = document->findBlock(position);
    return {block.blockNumber(), position - block.position()};
}

int documentPosition(const QTextDocument *document, TextPosition at)
{
    const QTextBlock block =
        document->findBlockByNumber(std::clamp(at.block, 0, document->blockCount() - 1));
    return block.position() + std::clamp(at.column, 0, block.length() - 1);
}

QStringList linesFrom(const QTextDocument *document, int first, int count)
{
    QStringList lines;
    for (QTextBlock b = document->findBlockByNumber(first); b.isValid() && lines.size() < count;
         b = b.next())
        lines << b.text();
    return lines;
}

// How many lines `lines` (once from `line` on) moved in `document`. Each line found again
// nearby votes for the shift that would bring it back to its place; unchanged lines all
// vote for the true shift, while a repeated line spreads its votes. 0 when none is found.
int lineShift(const QTextDocument *document, const QStringList &lines, int line)
{
    QHash<QString, QList<int>> wanted;
    for (int i = 0; i < lines.size(); ++i)
        wanted[lines.at(i)].append(line + i);
    QHash<int, int> votes;
    const int last = line + int(lines.size()) + MaxFollowedShift;
    int number = std::max(0, line - MaxFollowedShift);
    for (QTextBlock b = document->findBlockByNumber(number); b.isValid() && number <= last;
         b = b.next(), ++number) {
        const auto it = wanted.constFind(b.text());
        if (it == wanted.cend())
            continue;
        for (const int oldLine : *it)
            ++votes[number - oldLine];
    }
    int best = 0;
    int bestVotes = 0;
    for (auto it = votes.cbegin(); it != votes.cend(); ++it) {
        const int shift = it.key();
        if (it.value() > bestVotes ||
            (it.value() == bestVotes && std::abs(shift) < std::abs(best))) {
            best = shift;
            bestVotes = it.value();
        }
    }
    return best;
}

QString safeFileName(const QString &name)
{
    QString out = name.trimmed();
    for (QChar &c : out) {
        if (c.category() == QChar::Other_Control || QStringView(u"/\\:*?\"<>|").contains(c))
            c = u'_';
    }
    // A leading dot would make a hidden file.
    while (out.startsWith(u'.'))
        out.remove(0, 1);
    if (out.isEmpty() || out.compare(QLatin1String(".json"), Qt::CaseInsensitive) == 0)
        return QStringLiteral("response.json");
    if (!out.endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
        out += QLatin1String(".json");
    return out;
}

} // namespace

RawJsonView::RawJsonView(QWidget *parent)
    : QWidget(parent)
    , m_note(new QLabel(this))
    , m_edit(new QPlainTextEdit(this))
    , m_copyButton(new QPushButton(tr("Copy all"), this))
    , m_saveButton(new QPushButton(tr("Save as\u2026"), this))
    , m_findButton(new QPushButton(tr("Find\u2026"), this))
    , m_findBar(new QWidget(this))
    , m_findField(new QLineEdit(m_findBar))
    , m_previousButton(new QToolButton(m_findBar))
    , m_nextButton(new QToolButton(m_findBar))
    , m_findStatus(new QLabel(m_findBar))
{
    m_note->setObjectName(QStringLiteral("note"));
    m_note->setTextFormat(Qt::PlainText);
    m_note->setWordWrap(true);
    m_note->hide();

    m_edit->setObjectName(QStringLiteral("text"));
    m_edit->setReadOnly(true);
    // A visible caret that the keyboard moves: the reading position the view keeps.
    m_edit->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_edit->setUndoRedoEnabled(false);
    m_edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_edit->setPlaceholderText(tr("No response yet."));
    setFocusProxy(m_edit);

    m_copyButton->setObjectName(QStringLiteral("copyAll"));
    m_copyButton->setToolTip(tr("Copy the text shown to the clipboard"));
    connect(m_copyButton, &QPushButton::clicked, this, &RawJsonView::copyAll);
    m_saveButton->setObjectName(QStringLiteral("saveAs"));
    m_saveButton->setToolTip(tr("Save the response exactly as received"));
    connect(m_saveButton, &QPushButton::clicked, this, &RawJsonView::saveAs);
    m_findButton->setObjectName(QStringLiteral("find"));
    m_findButton->setToolTip(
        tr("Find in the response (%1)")
            .arg(QKeySequence(QKeySequence::Find).toString(QKeySequence::NativeText)));
    connect(m_findButton, &QPushButton::clicked, this, &RawJsonView::showFindBar);

    m_findBar->setObjectName(QStringLiteral("findBar"));
    m_findField->setObjectName(QStringLiteral("findField"));
    m_findField->setPlaceholderText(tr("Find in response"));
    m_findField->setClearButtonEnabled(true);
    m_findField->installEventFilter(this);
    connect(m_findField, &QLineEdit::textChanged, this, [this] {
        // Search as you type, from the start of the current match so it can grow.
        const QTextCursor cursor = m_edit->textCursor();
        refreshMatches();
        const auto it =
            std::lower_bound(m_matches.cbegin(), m_matches.cend(), cursor.selectionStart());
        if (!m_matches.isEmpty())
            selectMatch(it == m_matches.cend() ? 0 : int(it - m_matches.cbegin()));
        updateHighlights();
        updateFindStatus();
    });
    m_previousButton->setText(tr("Previous"));
    m_previousButton->setToolTip(
        tr("Previous match (%1)")
            .arg(QKeySequence(QKeySequence::FindPrevious).toString(QKeySequence::NativeText)));
    connect(m_previousButton, &QToolButton::clicked, this,
            [this] { findNext(m_findField->text(), true); });
    m_nextButton->setText(tr("Next"));
    m_nextButton->setToolTip(
        tr("Next match (%1)")
            .arg(QKeySequence(QKeySequence::FindNext).toString(QKeySequence::NativeText)));
    connect(m_nextButton, &QToolButton::clicked, this,
            [this] { findNext(m_findField->text(), false); });
    m_findStatus->setObjectName(QStringLiteral("findStatus"));
    m_findStatus->setTextFormat(Qt::PlainText);
    auto *closeButton = new QToolButton(m_findBar);
    closeButton->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    closeButton->setAutoRaise(true);
    closeButton->setToolTip(tr("Close the find bar (Esc)"));
    connect(closeButton, &QToolButton::clicked, this, &RawJsonView::hideFindBar);

    auto *findLayout = new QHBoxLayout(m_findBar);
    findLayout->setContentsMargins(0, 0, 0, 0);
    auto *findLabel = new QLabel(tr("Find:"), m_findBar);
    findLabel->setTextFormat(Qt::PlainText);
    findLabel->setBuddy(m_findField);
    findLayout->addWidget(findLabel);
    findLayout->addWidget(m_findField, 1);
    findLayout->addWidget(m_previousButton);
    findLayout->addWidget(m_nextButton);
    findLayout->addWidget(m_findStatus, 1);
    findLayout->addWidget(closeButton);
    m_findBar->hide();

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_copyButton);
    buttons->addWidget(m_saveButton);
    buttons->addWidget(m_findButton);
    buttons->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_note);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_findBar);

    updateActions();
}

RawJsonView::~RawJsonView() = default;

void RawJsonView::setResponse(const QByteArray &body, bool knownJson)
{
    if (m_hasResponse && body == m_body)
        return;
    m_body = body;
    m_hasResponse = true;
    ++m_generation;
    m_checking = 0;
    m_prefixOnly = false;
    if (body.size() > LargeBodyBytes) {
        showLargeResponse(knownJson);
        updateActions();
        return;
    }
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    m_isJson = parseError.error == QJsonParseError::NoError;
    if (m_isJson) {
        QString pretty = QString::fromUtf8(document.toJson(QJsonDocument::Indented));
        if (pretty.endsWith(u'\n'))
            pretty.chop(1);
        showText(pretty, QString());
    } else {
        showText(QString::fromUtf8(body),
                 body.isEmpty() ? tr("The response body is empty.")
                                : tr("This response is not valid JSON; shown as received."));
    }
    updateActions();
}

void RawJsonView::showLargeResponse(bool knownJson)
{
    m_prefixOnly = true;
    // Shown as JSON until the check says otherwise.
    m_isJson = true;
    m_renderPending = !isVisible();
    if (!m_renderPending)
        renderLargeResponse();
    if (knownJson)
        return;

    const quint64 generation = m_generation;
    m_checking = generation;
    auto *watcher = new QFutureWatcher<bool>(this);
    connect(watcher, &QFutureWatcher<bool>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return; // another body came meanwhile
        m_checking = 0;
        m_isJson = watcher->result();
        if (!m_isJson) {
            m_renderPending = !isVisible();
            if (!m_renderPending)
                renderLargeResponse();
        }
        updateActions();
    });
    watcher->setFuture(QtConcurrent::run([body = m_body] {
        QJsonParseError error{};
        QJsonDocument::fromJson(body, &error);
        return error.error == QJsonParseError::NoError;
    }));
}

void RawJsonView::renderLargeResponse()
{
    m_renderPending = false;
    const QString size = QLocale().formattedDataSize(m_body.size(), 1);
    const QString shown = QLocale().formattedDataSize(ShownPrefixBytes, 0);
    if (m_isJson)
        showText(QString::fromUtf8(indentedPrefix(m_body, ShownPrefixBytes)),
                 tr("A large response (%1): the first %2 is shown, indented. Save as\u2026 and "
                    "Copy take all of it.")
                     .arg(size, shown));
    else
        showText(QString::fromUtf8(m_body.left(ShownPrefixBytes)),
                 tr("This response (%1) is not valid JSON; the first %2 is shown as received. "
                    "Save as\u2026 and Copy take all of it.")
                     .arg(size, shown));
    updateActions();
}

void RawJsonView::clear()
{
    m_body.clear();
    m_hasResponse = false;
    m_isJson = false;
    m_prefixOnly = false;
    m_renderPending = false;
    m_checking = 0;
    ++m_generation;
    m_note->clear();
    m_note->hide();
    m_edit->clear();
    m_text.clear();
    m_matchesValid = false;
    m_matches.clear();
    updateHighlights();
    updateFindStatus();
    updateActions();
}

QString RawJsonView::text() const
{
    return m_text;
}

void RawJsonView::showText(const QString &text, const QString &note)
{
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
    if (text == m_text)
        return;

    // Where the user is reading: the top line, the cursor and the selection, as lines
    // and columns, so they survive the text being replaced.
    QTextDocument *document = m_edit->document();
    QScrollBar *vertical = m_edit->verticalScrollBar();
    QScrollBar *horizontal = m_edit->horizontalScrollBar();
    const bool keepPosition = !m_text.isEmpty();
    const int topLine = vertical->value();
    const int left = horizontal->value();
    const QTextCursor oldCursor = m_edit->textCursor();
    const TextPosition anchor = textPosition(document, oldCursor.anchor());
    const TextPosition position = textPosition(document, oldCursor.position());
    const QString selected = oldCursor.selectedText();
    const QStringList readLines = linesFrom(document, topLine, AnchorLines);

    m_edit->setPlainText(text);
    // Positions in m_text must be document positions: take the text back from the
    // document rather than trusting `text` (line breaks, separators).
    m_text = document->toPlainText();
    m_matchesValid = false;

    if (keepPosition) {
        const int shift = lineShift(document, readLines, topLine);
        QTextCursor cursor(document);
        cursor.setPosition(documentPosition(document, {anchor.block + shift, anchor.column}));
        cursor.setPosition(documentPosition(document, {position.block + shift, position.column}),
                           QTextCursor::KeepAnchor);
        // A selection is kept only over the same text: selecting whatever now stands there
        // would look like a match or a choice the user never made.
        if (cursor.selectedText() != selected)
            cursor.clearSelection();
        m_edit->setTextCursor(cursor);
        // After the cursor: setTextCursor scrolls to make it visible.
        vertical->setValue(topLine + shift);
        horizontal->setValue(left);
    }
    if (isFindBarVisible()) {
        refreshMatches();
        updateHighlights();
        updateFindStatus();
    }
}

void RawJsonView::updateActions()
{
    m_copyButton->setEnabled(m_hasResponse && !m_text.isEmpty());
    m_saveButton->setEnabled(m_hasResponse && !m_saving);
    m_saveButton->setText(m_saving ? tr("Saving\u2026") : tr("Save as\u2026"));
    m_findButton->setEnabled(!m_text.isEmpty());
}

void RawJsonView::setSuggestedFileName(const QString &name)
{
    m_suggestedName = safeFileName(name);
}

namespace {

// Writes `body` to `path` exactly; an empty string, or the reason it could not.
// QSaveFile: an existing file is replaced only once the new one is complete.
QString writeExactly(const QString &path, const QByteArray &body)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return file.errorString();
    if (file.write(body) != body.size()) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return reason;
    }
    if (!file.commit())
        return file.errorString();
    return {};
}

} // namespace

QString RawJsonView::saveError(const QString &path, const QString &reason)
{
    return tr("Could not save to %1: %2").arg(QDir::toNativeSeparators(path), reason);
}

bool RawJsonView::saveTo(const QString &path, QString *error)
{
    const QString reason =
        m_hasResponse ? writeExactly(path, m_body) : tr("there is no response to save.");
    if (!reason.isEmpty()) {
        if (error)
            *error = saveError(path, reason);
        return false;
    }
    Q_EMIT saved(path);
    return true;
}

bool RawJsonView::startSaving(const QString &path)
{
    if (m_saving)
        return false;
    if (!m_hasResponse) {
        Q_EMIT saveFailed(saveError(path, tr("there is no response to save.")));
        return false;
    }
    m_saving = new QFutureWatcher<QString>(this);
    connect(m_saving, &QFutureWatcher<QString>::finished, this, [this, path] {
        const QString reason = m_saving->result();
        m_saving->deleteLater();
        m_saving = nullptr;
        updateActions();
        const bool report = std::exchange(m_reportSaveFailure, false);
        if (reason.isEmpty()) {
            Q_EMIT saved(path);
            return;
        }
        const QString error = saveError(path, reason);
        Q_EMIT saveFailed(error);
        if (!report)
            return;
        // The path may contain anything; never let it become markup.
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Save Response"), error,
                                    QMessageBox::Ok, this);
        box->setTextFormat(Qt::PlainText);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    // The body is implicitly shared: the worker reads it while the view may move on to a
    // newer response.
    m_saving->setFuture(QtConcurrent::run(writeExactly, path, m_body));
    updateActions();
    Q_EMIT savingStarted(path);
    return true;
}

void RawJsonView::saveAs()
{
    if (!m_hasResponse || m_saving)
        return;
    QString directory = m_lastSaveDir;
    if (directory.isEmpty())
        directory = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (directory.isEmpty())
        directory = QDir::homePath();
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save Response"), QDir(directory).filePath(m_suggestedName), tr("JSON (*.json)"));
    if (path.isEmpty())
        return;
    m_lastSaveDir = QFileInfo(path).absolutePath();
    if (startSaving(path))
        m_reportSaveFailure = true;
}

void RawJsonView::copyAll()
{
    // Only the start of a large body is shown; the clipboard gets all of it, as received.
    if (m_prefixOnly) {
        QGuiApplication::clipboard()->setText(QString::fromUtf8(m_body));
        return;
    }
    if (!m_text.isEmpty())
        QGuiApplication::clipboard()->setText(m_text);
}

void RawJsonView::showFindBar()
{
    // A short selection is what the user wants to find, as in most editors.
    const QString selected = m_edit->textCursor().selectedText();
    if (!selected.isEmpty() && selected.size() <= 200 &&
        !selected.contains(QChar::ParagraphSeparator)) {
        const QSignalBlocker blocker(m_findField);
        m_findField->setText(selected);
    }
    m_findBar->show();
    m_findField->setFocus(Qt::ShortcutFocusReason);
    m_findField->selectAll();
    refreshMatches();
    updateHighlights();
    updateFindStatus();
}

void RawJsonView::hideFindBar()
{
    const bool hadFocus = m_findBar->isAncestorOf(QApplication::focusWidget());
    m_findBar->hide();
    updateHighlights();
    if (hadFocus || !m_edit->hasFocus())
        m_edit->setFocus(Qt::OtherFocusReason);
}

bool RawJsonView::isFindBarVisible() const
{
    return !m_findBar->isHidden();
}

bool RawJsonView::findNext(const QString &text, bool backward)
{
    if (m_findField->text() != text) {
        const QSignalBlocker blocker(m_findField);
        m_findField->setText(text);
    }
    refreshMatches();
    if (m_matches.isEmpty()) {
        updateHighlights();
        updateFindStatus();
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
    updateFindStatus();
    return true;
}

void RawJsonView::refreshMatches()
{
    const QString needle = m_findField->text();
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

void RawJsonView::selectMatch(int index)
{
    QTextCursor cursor(m_edit->document());
    cursor.setPosition(m_matches.at(index));
    cursor.setPosition(m_matches.at(index) + int(m_matchedText.size()), QTextCursor::KeepAnchor);
    m_edit->setTextCursor(cursor);
}

int RawJsonView::currentMatch() const
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

void RawJsonView::updateHighlights()
{
    QList<QTextEdit::ExtraSelection> selections;
    if (isFindBarVisible() && !m_matches.isEmpty()) {
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

void RawJsonView::updateFindStatus()
{
    const int count = int(m_matches.size());
    const int current = currentMatch();
    QString status;
    if (m_findField->text().isEmpty())
        status.clear();
    else if (count == 0)
        status = tr("Not found");
    else if (current >= 0)
        status = tr("%1 of %2").arg(current + 1).arg(count);
    else
        status = count == 1 ? tr("1 match") : tr("%1 matches").arg(count);
    m_findStatus->setText(status);
    m_previousButton->setEnabled(count > 0);
    m_nextButton->setEnabled(count > 0);
}

bool RawJsonView::event(QEvent *event)
{
    if (event->type() == QEvent::Show && m_renderPending)
        renderLargeResponse();
    // Keys the view takes for itself while the focus is inside it. Accepting the
    // ShortcutOverride makes them arrive here as key presses instead of triggering a
    // shortcut of the window with the same keys (its Ctrl+F filters the tree).
    if (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        const bool find = key->matches(QKeySequence::Find);
        const bool next = key->matches(QKeySequence::FindNext);
        const bool previous = key->matches(QKeySequence::FindPrevious);
        const bool escape = key->key() == Qt::Key_Escape && key->modifiers() == Qt::NoModifier &&
                            isFindBarVisible();
        if (find || next || previous || escape) {
            event->accept();
            if (event->type() == QEvent::ShortcutOverride)
                return true;
            if (find) {
                showFindBar();
            } else if (escape) {
                hideFindBar();
            } else if (m_findField->text().isEmpty()) {
                showFindBar();
            } else {
                if (!isFindBarVisible()) {
                    m_findBar->show();
                    updateHighlights();
                }
                findNext(m_findField->text(), previous);
            }
            return true;
        }
    }
    return QWidget::event(event);
}

bool RawJsonView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_findField && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            findNext(m_findField->text(), key->modifiers().testFlag(Qt::ShiftModifier));
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace bem
