// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QToolButton;
QT_END_NAMESPACE

namespace bem {

// A find bar under a read-only QPlainTextEdit: a field searched as you type
// (case-insensitive), Previous / Next wrapping around, "3 of 17", every match highlighted
// up to a cap. While the focus is anywhere inside `keyScope`, Ctrl+F opens it, F3 and
// Shift+F3 find the next and previous match (opening it with the last search) and Esc
// closes it: those keys are taken before any shortcut of the window with the same keys.
//
// The owner replaces the edit's text and then calls setSearchedText() with the
// document's plain text, so match positions are document positions.
class FindBar final : public QWidget
{
    Q_OBJECT
public:
    // Highlighting every match of "a" in a 50 MB body would freeze the view; matches are
    // still counted beyond this, only not painted.
    static constexpr int MaxHighlightedMatches = 1000;

    FindBar(QPlainTextEdit *edit, QWidget *keyScope, QWidget *parent = nullptr);
    ~FindBar() override;
    Q_DISABLE_COPY_MOVE(FindBar)

    // Shows the bar with the focus in its field; a short selection in the edit becomes
    // the search, as in most editors.
    void open();
    // Hides the bar and its highlights; the focus goes back to the edit.
    void dismiss();
    bool isOpen() const { return !isHidden(); }

    // Selects the next (or previous) match of `text` after the cursor, wrapping around.
    // False when there is none.
    bool findNext(const QString &text, bool backward = false);
    QString searchText() const;
    int matchCount() const { return int(m_matches.size()); }

    // The edit's text was replaced by `documentText`: matches are found again.
    void setSearchedText(const QString &documentText);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool handleKey(QEvent *event);
    // Finds every match of the field's text (positions cached until either changes).
    void refreshMatches();
    void selectMatch(int index);
    // The match the selection is on, or -1.
    int currentMatch() const;
    void updateHighlights();
    void updateStatus();

    QPlainTextEdit *m_edit;
    QLineEdit *m_field;
    QToolButton *m_previousButton;
    QToolButton *m_nextButton;
    QLabel *m_status;

    QString m_text;
    QString m_matchedText; // the search that m_matches belongs to
    bool m_matchesValid = false;
    QList<int> m_matches; // start positions, ascending
};

} // namespace bem
