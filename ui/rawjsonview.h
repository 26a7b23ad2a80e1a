// SPDX-License-Identifier: MIT
#pragma once

#include "findbar.h"
#include "latestresult.h"
#include "rawbodytext.h"

#include <QByteArray>
#include <QFutureWatcher>
#include <QString>
#include <QWidget>

#include <functional>

QT_BEGIN_NAMESPACE
class QLabel;
class QPlainTextEdit;
class QPushButton;
QT_END_NAMESPACE

namespace bem {

// The "Raw JSON" tab: the response body as received — JSON indented with its keys,
// strings and numbers in the order and spelling received, anything else as text — with
// find, copy and save. The body of a failed response is shown too (an HTML error page as
// text, a JSON body that does not parse with the error's place marked), while the last
// good response stays available. Read-only plain text throughout: nothing from the server
// is ever rendered as markup.
//
// Live refreshes call setResponse() every few seconds; the reading position (scroll and
// cursor) is kept across them. Call clear() first when a different call is shown, so it
// starts at the top.
class RawJsonView final : public QWidget
{
    Q_OBJECT
public:
    static constexpr int MaxHighlightedMatches = FindBar::MaxHighlightedMatches;
    // A body larger than this is not shown whole: filling a text edit takes about 0.1 s
    // per MB of indented text (seconds for a 100,000-function-call response), all on the
    // GUI thread. Its first ShownPrefixBytes are shown, indented off the GUI thread (and
    // checked for validity there), and only once the view is shown: while another tab is
    // current, a live 100,000-function-call refresh costs the raw view nothing.
    static constexpr qsizetype LargeBodyBytes = 256 * 1024;
    static constexpr qsizetype ShownPrefixBytes = 256 * 1024;

    explicit RawJsonView(QWidget *parent = nullptr);
    ~RawJsonView() override;
    Q_DISABLE_COPY_MOVE(RawJsonView)

    // Shows `body` (kept byte for byte for saving), a good response: indented when it
    // parses as JSON, else as text under a note that says where the parse failed. The same
    // body again changes nothing. `knownJson`: the caller has just parsed it (the window
    // has), so it needs no check of its own.
    void setResponse(const QByteArray &body, bool knownJson = false);
    // Shows the body of a failed response under a note ("HTTP 502 · text/html · shown as
    // received"): a body whose content type is not JSON as text (never rendered), a JSON
    // body indented, one that does not parse as received with the error's line and column
    // named, the line shown with a caret and the cursor put there. `errorOffset`/`error`:
    // where and why the caller's parse failed (a byte offset into `body`); -1: the view
    // parses it itself. The last good response is kept (lastGoodResponse(),
    // showLastGoodResponse()); Save and Copy take what is shown.
    void setFailedResponse(const QByteArray &body, int httpStatus, const QString &contentType,
                           qsizetype errorOffset = -1, const QString &error = {});
    // Back to the empty state ("No response yet."), the last good response forgotten too.
    void clear();
    bool hasResponse() const { return m_hasResponse; }
    // The bytes shown, exactly as received: what Save as… writes.
    QByteArray response() const { return m_shown.bytes; }
    // A failed response's body is shown (setFailedResponse).
    bool isShowingFailedResponse() const { return m_hasResponse && m_shown.failed; }
    // The body of the last setResponse(), kept while a failed one is shown.
    QByteArray lastGoodResponse() const { return m_lastGood.bytes; }
    bool hasLastGoodResponse() const { return m_hasLastGood; }
    // Shows the last good response again instead of the failed one.
    void showLastGoodResponse();
    // What is shown: the indented JSON, or the body as text.
    QString text() const;
    // False when the body is shown as text (not JSON, or not valid JSON).
    bool isJson() const { return m_isJson; }
    // A large body is being indented and checked off the GUI thread.
    bool isFormatting() const { return m_formatting.isBusy(); }
    // Only the start of a large body is shown (Save and Copy still take all of it).
    bool isShowingPrefix() const { return m_prefixOnly; }

    // The file name Save as… proposes, usually "<callID>.json" (".json" is added when
    // missing; path separators are replaced).
    void setSuggestedFileName(const QString &name);
    QString suggestedFileName() const { return m_suggestedName; }

    // What saving writes instead of the bytes shown: a v3 call is saved as one bundle
    // (call, trace, outputs and errors), which the window describes here. The function
    // runs on the thread pool when a save starts (a bundle of a big trace takes a moment to
    // build), so it must only read what it captured. clear() forgets it; empty: the bytes.
    void setSaveContent(std::function<QByteArray()> content);
    bool hasSaveContent() const { return bool(m_saveContent); }

    // Writes the bytes shown exactly as received (or the save content, when set). On failure
    // `error` (if given) is a sentence for the user: "Could not save to /x/y.json: Permission
    // denied".
    bool saveTo(const QString &path, QString *error = nullptr);
    // The same, on the thread pool: a response of tens of megabytes takes a while to reach
    // the disk (QSaveFile syncs it), and the window must not freeze meanwhile. Ends with
    // saved() or saveFailed(); Save as… is disabled and reads "Saving…" until then. A
    // second request while one is running is refused (returns false).
    bool startSaving(const QString &path);
    bool isSaving() const { return m_saving != nullptr; }
    // Asks for a file name and saves there (startSaving); a failure is shown in a message
    // box.
    void saveAs();
    // Puts text() on the clipboard (all of a large body, as received).
    void copyAll();

    void showFindBar();
    void hideFindBar();
    bool isFindBarVisible() const;
    // Selects the next (or previous) case-insensitive match after the cursor, wrapping
    // around, and updates the "3 of 17" label. False when there is none.
    bool findNext(const QString &text, bool backward = false);

Q_SIGNALS:
    void savingStarted(const QString &path);
    void saved(const QString &path);
    // `error` is a sentence for the user, as saveTo() gives it.
    void saveFailed(const QString &error);

protected:
    bool event(QEvent *event) override;

private:
    static QString saveError(const QString &path, const QString &reason);
    void present(const RawBody &body);
    void startFormatting();
    void apply(const RawBodyText &shown);
    QString noteFor(const RawBodyText &shown) const;
    void showText(const QString &text);
    void markError(const RawBodyText &shown);
    void updateActions();

    QLabel *m_note;
    QLabel *m_errorContext;
    QPlainTextEdit *m_edit;
    QPushButton *m_copyButton;
    QPushButton *m_saveButton;
    QPushButton *m_findButton;
    QPushButton *m_lastGoodButton;
    FindBar *m_findBar;

    RawBody m_shown;
    bool m_hasResponse = false;
    RawBody m_lastGood;
    bool m_hasLastGood = false;
    bool m_isJson = false;
    bool m_prefixOnly = false;
    bool m_renderPending = false; // a large body waits for the view to be shown
    LatestResult<RawBodyText> m_formatting;
    QString m_text; // the document's plain text, positions as in the document
    QString m_suggestedName = QStringLiteral("response.json");
    std::function<QByteArray()> m_saveContent;
    QString m_lastSaveDir;
    // The save in progress (startSaving), or null.
    QFutureWatcher<QString> *m_saving = nullptr;
    bool m_reportSaveFailure = false;
};

} // namespace bem
