// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

QT_BEGIN_NAMESPACE
class QPlainTextEdit;
QT_END_NAMESPACE

namespace bem {

// Where the user is reading in a QPlainTextEdit — the top line, the horizontal scroll,
// the cursor and the selection, as lines and columns — taken before its text is replaced
// and put back after. Lines inserted or removed above are followed: a screenful of the
// lines read is looked for again nearby, and the shift most of them agree on is applied.
class ReadingPosition final
{
public:
    static ReadingPosition of(const QPlainTextEdit *edit);
    void restoreIn(QPlainTextEdit *edit) const;

private:
    struct LineColumn
    {
        int block = 0;
        int column = 0;
    };
    int m_topLine = 0;
    int m_left = 0;
    LineColumn m_anchor;
    LineColumn m_position;
    QString m_selected;
    QStringList m_readLines;
};

} // namespace bem
