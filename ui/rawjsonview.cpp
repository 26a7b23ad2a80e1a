// SPDX-License-Identifier: MIT
#include "rawjsonview.h"

#include "readingposition.h"

#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTextBlock>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <utility>

namespace bem {

namespace {

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

RawJsonView::RawJsonView(QWidget *parent)
    : QWidget(parent)
    , m_note(new QLabel(this))
    , m_errorContext(new QLabel(this))
    , m_edit(new QPlainTextEdit(this))
    , m_copyButton(new QPushButton(tr("Copy all"), this))
    , m_saveButton(new QPushButton(tr("Save as\u2026"), this))
    , m_findButton(new QPushButton(tr("Find\u2026"), this))
    , m_lastGoodButton(new QPushButton(tr("Show last good response"), this))
    , m_findBar(new FindBar(m_edit, this, this))
{
    m_note->setObjectName(QStringLiteral("note"));
    m_note->setTextFormat(Qt::PlainText);
    m_note->setWordWrap(true);
    m_note->hide();

    // The offending line with a caret under the error: monospaced so the caret lines up.
    m_errorContext->setObjectName(QStringLiteral("errorContext"));
    m_errorContext->setTextFormat(Qt::PlainText);
    m_errorContext->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_errorContext->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errorContext->hide();

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
    m_saveButton->setToolTip(tr("Save the response shown exactly as received"));
    connect(m_saveButton, &QPushButton::clicked, this, &RawJsonView::saveAs);
    m_findButton->setObjectName(QStringLiteral("find"));
    m_findButton->setToolTip(
        tr("Find in the response (%1)")
            .arg(QKeySequence(QKeySequence::Find).toString(QKeySequence::NativeText)));
    connect(m_findButton, &QPushButton::clicked, this, &RawJsonView::showFindBar);
    m_lastGoodButton->setObjectName(QStringLiteral("showLastGood"));
    m_lastGoodButton->setToolTip(tr("Show the last response that was not an error"));
    connect(m_lastGoodButton, &QPushButton::clicked, this, &RawJsonView::showLastGoodResponse);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_copyButton);
    buttons->addWidget(m_saveButton);
    buttons->addWidget(m_findButton);
    buttons->addWidget(m_lastGoodButton);
    buttons->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_note);
    layout->addWidget(m_errorContext);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_findBar);

    updateActions();
}

RawJsonView::~RawJsonView() = default;

void RawJsonView::setResponse(const QByteArray &body, bool knownJson)
{
    if (isShowingFailedResponse() || !m_hasResponse || body != m_shown.bytes) {
        RawBody good;
        good.bytes = body;
        good.knownJson = knownJson;
        m_lastGood = good;
        m_hasLastGood = true;
        present(good);
    }
}

void RawJsonView::setFailedResponse(const QByteArray &body, int httpStatus,
                                    const QString &contentType, qsizetype errorOffset,
                                    const QString &error)
{
    RawBody failed;
    failed.bytes = body;
    failed.failed = true;
    failed.httpStatus = httpStatus;
    failed.contentType = contentType;
    failed.errorOffset = errorOffset;
    failed.error = error;
    if (!m_hasResponse || failed != m_shown)
        present(failed);
}

void RawJsonView::showLastGoodResponse()
{
    if (m_hasLastGood && isShowingFailedResponse())
        present(m_lastGood);
}

void RawJsonView::present(const RawBody &body)
{
    m_shown = body;
    m_hasResponse = true;
    m_formatting.cancel();
    m_renderPending = false;
    if (body.bytes.size() <= LargeBodyBytes) {
        apply(RawBodyText::of(body, LargeBodyBytes, ShownPrefixBytes));
        return;
    }
    // Taken for JSON until the check says otherwise; the text stays as it was meanwhile.
    m_prefixOnly = true;
    m_isJson = body.knownJson || (body.errorOffset < 0 && body.mayBeJson());
    if (isVisible())
        startFormatting();
    else
        m_renderPending = true;
    updateActions();
}

void RawJsonView::startFormatting()
{
    m_renderPending = false;
    m_formatting.start(
        [body = m_shown] { return RawBodyText::of(body, LargeBodyBytes, ShownPrefixBytes); },
        [this](const RawBodyText &shown) { apply(shown); });
}

void RawJsonView::apply(const RawBodyText &shown)
{
    m_isJson = shown.json;
    m_prefixOnly = shown.prefixOnly;
    const QString note = noteFor(shown);
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
    showText(shown.text);
    markError(shown);
    updateActions();
}

QString RawJsonView::noteFor(const RawBodyText &shown) const
{
    const QLocale locale;
    const QString size = locale.formattedDataSize(m_shown.bytes.size(), 1);
    const QString shownSize = locale.formattedDataSize(ShownPrefixBytes, 0);
    QStringList lines;
    if (m_shown.failed) {
        QStringList facts;
        if (m_shown.httpStatus > 0)
            facts << tr("HTTP %1").arg(m_shown.httpStatus);
        if (!m_shown.contentType.isEmpty())
            facts << m_shown.contentType;
        if (m_shown.bytes.isEmpty())
            facts << tr("the body is empty");
        else if (shown.json)
            facts << tr("indented, in the order received");
        else
            facts << tr("shown as received");
        lines << facts.join(QStringLiteral(" \u00b7 "));
        if (shown.prefixOnly)
            lines << tr("A large body (%1): the first %2 is shown.").arg(size, shownSize);
    } else if (m_shown.bytes.isEmpty()) {
        lines << tr("The response body is empty.");
    } else if (shown.prefixOnly) {
        lines << (shown.json ? tr("A large response (%1): the first %2 is shown, indented. "
                                  "Save as\u2026 and Copy take all of it.")
                                   .arg(size, shownSize)
                             : tr("This response (%1) is not valid JSON; the first %2 is "
                                  "shown as received. Save as\u2026 and Copy take all of it.")
                                   .arg(size, shownSize));
    } else if (!shown.json) {
        lines << tr("This response is not valid JSON; shown as received.");
    }
    if (shown.hasError) {
        const QString where = tr("Not valid JSON at line %1, column %2")
                                  .arg(shown.errorSpot.line)
                                  .arg(shown.errorSpot.column);
        QString line = shown.error.isEmpty() ? where : tr("%1: %2").arg(where, shown.error);
        if (!shown.errorInText)
            line = tr("%1 (beyond the part shown).").arg(line);
        lines << line;
    }
    if (m_shown.failed)
        lines << (m_hasLastGood ? tr("Save as\u2026 and Copy take this body; the last good "
                                     "response is kept (Show last good response).")
                                : tr("Save as\u2026 and Copy take this body."));
    return lines.join(u'\n');
}

void RawJsonView::markError(const RawBodyText &shown)
{
    m_errorContext->setVisible(shown.hasError);
    if (!shown.hasError) {
        m_errorContext->clear();
        return;
    }
    const TextSpot &spot = shown.errorSpot;
    m_errorContext->setText(spot.context + u'\n' + QString(spot.caretIndex, u' ') + u'^');
    if (!shown.errorInText)
        return;
    // The error is shown where it is: the bytes as received, line for line.
    QTextDocument *document = m_edit->document();
    const QTextBlock block =
        document->findBlockByNumber(std::clamp(spot.line - 1, 0, document->blockCount() - 1));
    QTextCursor cursor(document);
    cursor.setPosition(block.position() + std::clamp(spot.column - 1, 0, block.length() - 1));
    m_edit->setTextCursor(cursor);
    m_edit->centerCursor();
}

void RawJsonView::clear()
{
    m_shown = {};
    m_hasResponse = false;
    m_saveContent = {};
    m_lastGood = {};
    m_hasLastGood = false;
    m_isJson = false;
    m_prefixOnly = false;
    m_renderPending = false;
    m_formatting.cancel();
    m_note->clear();
    m_note->hide();
    m_errorContext->clear();
    m_errorContext->hide();
    m_edit->clear();
    m_text.clear();
    m_findBar->setSearchedText(m_text);
    updateActions();
}

QString RawJsonView::text() const
{
    return m_text;
}

void RawJsonView::showText(const QString &text)
{
    if (text == m_text)
        return;
    const bool keepPosition = !m_text.isEmpty();
    const ReadingPosition reading = ReadingPosition::of(m_edit);
    m_edit->setPlainText(text);
    // Positions in m_text must be document positions: take the text back from the
    // document rather than trusting `text` (line breaks, separators).
    m_text = m_edit->document()->toPlainText();
    if (keepPosition)
        reading.restoreIn(m_edit);
    m_findBar->setSearchedText(m_text);
}

void RawJsonView::updateActions()
{
    m_copyButton->setEnabled(m_hasResponse && !m_text.isEmpty());
    m_saveButton->setEnabled(m_hasResponse && !m_saving);
    m_saveButton->setText(m_saving ? tr("Saving\u2026") : tr("Save as\u2026"));
    m_findButton->setEnabled(!m_text.isEmpty());
    m_lastGoodButton->setVisible(isShowingFailedResponse() && m_hasLastGood);
}

void RawJsonView::setSuggestedFileName(const QString &name)
{
    m_suggestedName = safeFileName(name);
}

QString RawJsonView::saveError(const QString &path, const QString &reason)
{
    return tr("Could not save to %1: %2").arg(QDir::toNativeSeparators(path), reason);
}

void RawJsonView::setSaveContent(std::function<QByteArray()> content)
{
    m_saveContent = std::move(content);
}

bool RawJsonView::saveTo(const QString &path, QString *error)
{
    const QString reason = m_hasResponse
                               ? writeExactly(path, m_saveContent ? m_saveContent() : m_shown.bytes)
                               : tr("there is no response to save.");
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
    // newer response. Every save runs to its end, so this is no "newest wins" job.
    if (m_saveContent) {
        m_saving->setFuture(QtConcurrent::run(
            [path, content = m_saveContent] { return writeExactly(path, content()); }));
    } else {
        m_saving->setFuture(QtConcurrent::run(writeExactly, path, m_shown.bytes));
    }
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
        QGuiApplication::clipboard()->setText(QString::fromUtf8(m_shown.bytes));
        return;
    }
    if (!m_text.isEmpty())
        QGuiApplication::clipboard()->setText(m_text);
}

void RawJsonView::showFindBar()
{
    m_findBar->open();
}

void RawJsonView::hideFindBar()
{
    m_findBar->dismiss();
}

bool RawJsonView::isFindBarVisible() const
{
    return m_findBar->isOpen();
}

bool RawJsonView::findNext(const QString &text, bool backward)
{
    return m_findBar->findNext(text, backward);
}

bool RawJsonView::event(QEvent *event)
{
    if (event->type() == QEvent::Show && m_renderPending)
        startFormatting();
    return QWidget::event(event);
}

} // namespace bem
