// SPDX-License-Identifier: MIT
#include "readingposition.h"

#include <QHash>
#include <QList>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTextBlock>

#include <algorithm>
#include <cstdlib>

namespace bem {

namespace {

// How far a refresh may have moved the lines being read (lines inserted or removed above
// them) and still be followed.
constexpr int MaxFollowedShift = 2000;
// The lines compared to find the reading position again: about a screenful. One line such
// as `"status": "running",` occurs many times in a call; a page of them rarely does.
constexpr int AnchorLines = 40;

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

} // namespace

ReadingPosition ReadingPosition::of(const QPlainTextEdit *edit)
{
    const QTextDocument *document = edit->document();
    const auto lineColumn = [document](int position) {
        const QTextBlock block = document->findBlock(position);
        return LineColumn{block.blockNumber(), position - block.position()};
    };
    ReadingPosition at;
    at.m_topLine = edit->verticalScrollBar()->value();
    at.m_left = edit->horizontalScrollBar()->value();
    const QTextCursor cursor = edit->textCursor();
    at.m_anchor = lineColumn(cursor.anchor());
    at.m_position = lineColumn(cursor.position());
    at.m_selected = cursor.selectedText();
    at.m_readLines = linesFrom(document, at.m_topLine, AnchorLines);
    return at;
}

void ReadingPosition::restoreIn(QPlainTextEdit *edit) const
{
    QTextDocument *document = edit->document();
    const auto position = [document](LineColumn at) {
        const QTextBlock block =
            document->findBlockByNumber(std::clamp(at.block, 0, document->blockCount() - 1));
        return block.position() + std::clamp(at.column, 0, block.length() - 1);
    };
    const int shift = lineShift(document, m_readLines, m_topLine);
    QTextCursor cursor(document);
    cursor.setPosition(position({m_anchor.block + shift, m_anchor.column}));
    cursor.setPosition(position({m_position.block + shift, m_position.column}),
                       QTextCursor::KeepAnchor);
    // A selection is kept only over the same text: selecting whatever now stands there
    // would look like a match or a choice the user never made.
    if (cursor.selectedText() != m_selected)
        cursor.clearSelection();
    edit->setTextCursor(cursor);
    // After the cursor: setTextCursor scrolls to make it visible.
    edit->verticalScrollBar()->setValue(m_topLine + shift);
    edit->horizontalScrollBar()->setValue(m_left);
}

} // namespace bem
