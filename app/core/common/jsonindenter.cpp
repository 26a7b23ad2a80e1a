// SPDX-License-Identifier: MIT
#include "jsonindenter.h"

#include <algorithm>
#include <limits>

namespace bem {

namespace {

bool isJsonSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

} // namespace

IndentedJson indentJson(QByteArrayView json, const JsonIndentOptions &options)
{
    const qsizetype size = json.size();
    const qsizetype limit = options.outputLimit < 0 ? -1 : options.outputLimit;
    const int width = std::max(0, options.indentWidth);
    IndentedJson result;
    QByteArray &out = result.text;
    // Indenting adds bytes; a first guess that avoids most reallocations.
    out.reserve(limit < 0 ? size + size / 2 : std::min(size + size / 2, limit + 256));
    qsizetype depth = 0;
    bool inString = false;
    bool escaped = false;
    const qsizetype maxLevels = std::max(0, options.maxIndentLevels);
    const auto newline = [&] {
        out += '\n';
        out.append(std::min(depth, maxLevels) * width, ' ');
    };
    qsizetype i = 0;
    for (; i < size; ++i) {
        if (limit >= 0 && out.size() >= limit) {
            result.truncated = true;
            break;
        }
        const char c = json[i];
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
            while (j < size && isJsonSpace(json[j]))
                ++j;
            if (j < size && json[j] == (c == '{' ? '}' : ']')) {
                out += json[j];
                i = j;
                break;
            }
            ++depth;
            newline();
            // The whitespace just looked at is skipped, not scanned again.
            i = j - 1;
            break;
        }
        case '}':
        case ']':
            depth = std::max<qsizetype>(0, depth - 1);
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
    result.consumed = i;
    return result;
}

TextSpot spotAt(QByteArrayView text, qsizetype offset)
{
    TextSpot spot;
    spot.offset = std::clamp<qsizetype>(offset, 0, text.size());
    const QByteArrayView before = text.first(spot.offset);
    spot.line =
        int(std::min<qsizetype>(before.count('\n'), std::numeric_limits<int>::max() - 1)) + 1;
    const qsizetype lineStart = before.lastIndexOf('\n') + 1;
    qsizetype lineEnd = text.indexOf('\n', spot.offset);
    if (lineEnd < 0)
        lineEnd = text.size();
    spot.column =
        int(QString::fromUtf8(text.sliced(lineStart, spot.offset - lineStart)).size()) + 1;

    // A window of the line around the offset, in bytes, moved off the middle of any UTF-8
    // sequence so that no replacement character appears at its edges.
    const qsizetype half = TextSpot::ContextChars / 2;
    qsizetype from = std::max(lineStart, spot.offset - half);
    qsizetype to = std::min(lineEnd, spot.offset + half);
    const auto isContinuation = [&](qsizetype at) {
        return at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80;
    };
    while (from < spot.offset && isContinuation(from))
        ++from;
    while (to > spot.offset && isContinuation(to))
        --to;
    spot.caretIndex = int(QString::fromUtf8(text.sliced(from, spot.offset - from)).size());
    spot.context = QString::fromUtf8(text.sliced(from, to - from));
    for (QChar &c : spot.context) {
        if (c.category() == QChar::Other_Control || c == QChar::LineSeparator ||
            c == QChar::ParagraphSeparator)
            c = u' ';
    }
    return spot;
}

} // namespace bem
