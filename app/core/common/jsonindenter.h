// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace bem {

// Indents JSON text as it was received: one pass over the bytes, keys in their order,
// strings (escapes included) and numbers copied byte for byte, only the whitespace outside
// strings replaced. Compact and already-indented input come out the same. An empty
// object or array stays on one line ("{}", "[]"); ':' is followed by one space; no
// trailing newline.
//
// Any bytes are accepted: invalid JSON comes out re-spaced, never lost or reordered, in
// time linear in the input (an unbalanced '}' just stays at the left margin).
struct JsonIndentOptions
{
    int indentWidth = 4;        // spaces per level
    qsizetype outputLimit = -1; // stop once about this many bytes are written; -1: all
    // Levels deeper than this are written at this level's column. Without a cap, a body of
    // nothing but '[' would grow quadratically (100 KB of them: 20 GB of spaces); real
    // responses are nowhere near this deep.
    int maxIndentLevels = 32;
};

struct IndentedJson
{
    QByteArray text;
    // Bytes of the input read: less than its size when outputLimit stopped the pass.
    qsizetype consumed = 0;
    bool truncated = false; // outputLimit stopped the pass before the end
};

IndentedJson indentJson(QByteArrayView json, const JsonIndentOptions &options = {});

// Where a byte offset of a text lies, for telling the user where a parse failed: the
// line and column (1-based; the column counts characters, not bytes) and a short piece
// of that line around it with the index of the offset in it, to draw a caret under.
// Offsets outside the text are clamped to it.
struct TextSpot
{
    qsizetype offset = 0; // the clamped byte offset
    int line = 1;
    int column = 1;
    // Up to about ContextChars characters of the line around the offset, tabs and other
    // control characters shown as spaces so the caret lines up.
    QString context;
    int caretIndex = 0; // where the offset is in `context`
    static constexpr int ContextChars = 80;
};

TextSpot spotAt(QByteArrayView text, qsizetype offset);

} // namespace bem
