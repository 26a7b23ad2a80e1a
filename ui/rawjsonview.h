// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QFutureWatcher>
#include <QList>
#include <QString>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QToolButton;
QT_END_NAMESPACE

namespace bem {

// The "Raw JSON" tab: the response body as received, pretty-printed when it is JSON, with
// find, copy and save. Read-only plain text throughout: nothing from the server is ever
// rendered as markup.
//
// Live refreshes call setResponse() every few seconds; the reading position (scroll and
// cursor) is kept across them. Call clear() first when a different call is shown, so it
// starts at the top.
class RawJsonView final : public QWidget
{
    Q_OBJECT
public:
    // Highlighting every match of "a" in a 50 MB body would freeze the view; matches are
    // still counted beyond this, only not painted.
    static constexpr int MaxHighlightedMatches = 1000;
    // A body larger than this is not pretty-printed whole: filling a text edit takes
    // about 0.1 s per MB of indented text (seconds for a 100,000-function-call response),
    // all on the GUI thread, and the QJsonDocument costs as much memory again. It shows the first
    // ShownPrefixBytes, re-indented as received, and is checked for validity off the GUI thread.
    // While the view is hidden (another tab is current) even that waits until it is shown: a live
    // 100,000-function-call refresh then costs the raw view nothing.
    static constexpr qsizetype LargeBodyBytes = 256 * 1024;
    static constexpr qsizetype ShownPrefixBytes = 256 * 1024;

    explicit RawJsonView(QWidget *parent = nullptr);
    ~RawJsonView() override;
    Q_DISABLE_COPY_MOVE(RawJsonView)

    // Shows `body` (kept byte for byte for saving): pretty-printed when it parses as JSON,
    // else as UTF-8 text under a note. The same body again changes nothing.
    // `knownJson`: the caller has just parsed it (the window has), so a large body needs
    // no check of its own; false: it is checked off the GUI thread.
    void setResponse(const QByteArray &body, bool knownJson = false);
    // Back to the empty state ("No response yet.").
    void clear();
    bool hasResponse() const { return m_hasResponse; }
    // The bytes exactly as received.
    QByteArray response() const { return m_body; }
    // What is shown: the pretty-printed JSON, or the body as text.
    QString text() const;
    // False when the body did not parse and is shown as received.
    bool isJson() const { return m_isJson; }
    // A large body's validity check is still running off the GUI thread.
    bool isFormatting() const { return m_checking != 0; }
    // Only the start of a large body is shown (Save and Copy still take all of it).
    bool isShowingPrefix() const { return m_prefixOnly; }

    // The file name Save as… proposes, usually "<callID>.json" (".json" is added when
    // missing; path separators are replaced).
    void setSuggestedFileName(const QString &name);
    QString suggestedFileName() const { return m_suggestedName; }

    // Writes the bytes exactly as received. On failure `error` (if given) is a sentence
    // for the user: "Could not save to /x/y.json: Permission denied".
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
    // Puts text() on the clipboard.
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
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    static QString saveError(const QString &path, const QString &reason);
    void showText(const QString &text, const QString &note);
    void showLargeResponse(bool knownJson);
    void renderLargeResponse();
    void updateActions();
    // Finds every match of the find bar's text in the shown text (positions cached until
    // either changes).
    void refreshMatches();
    void selectMatch(int index);
    // The match the selection is on, or -1.
    int currentMatch() const;
    void updateHighlights();
    void updateFindStatus();

    QLabel *m_note;
    QPlainTextEdit *m_edit;
    QPushButton *m_copyButton;
    QPushButton *m_saveButton;
    QPushButton *m_findButton;
    QWidget *m_findBar;
    QLineEdit *m_findField;
    QToolButton *m_previousButton;
    QToolButton *m_nextButton;
    QLabel *m_findStatus;

    QByteArray m_body;
    bool m_hasResponse = false;
    bool m_isJson = false;
    bool m_prefixOnly = false;
    bool m_renderPending = false; // a large body waits for the view to be shown
    quint64 m_checking = 0;       // the body generation whose check runs; 0 when none
    quint64 m_generation = 0;
    QString m_text; // the document's plain text, positions as in the document
    QString m_suggestedName = QStringLiteral("response.json");
    QString m_lastSaveDir;
    // The save in progress (startSaving), or null.
    QFutureWatcher<QString> *m_saving = nullptr;
    bool m_reportSaveFailure = false;

    QString m_matchedText; // the search that m_matches belongs to
    bool m_matchesValid = false;
    QList<int> m_matches; // start positions, ascending
};

} // namespace bem
