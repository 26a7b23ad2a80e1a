// SPDX-License-Identifier: MIT
#include "formatting.h"

namespace bem {

QString formatDuration(qint64 ms)
{
    if (ms < 0)
        return {};
    if (ms < 1000)
        return QStringLiteral("%1 ms").arg(ms);
    if (ms < 60 * 1000)
        return QStringLiteral("%1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
    const qint64 s = ms / 1000;
    if (s < 3600)
        return QStringLiteral("%1 m %2 s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    const qint64 m = s / 60;
    if (m < 24 * 60)
        return QStringLiteral("%1 h %2 m").arg(m / 60).arg(m % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1 d %2 h").arg(m / (24 * 60)).arg((m / 60) % 24);
}

std::optional<qint64> durationMs(const Timestamp &start, const Timestamp &end)
{
    if (!start.isValid() || !end.isValid())
        return std::nullopt;
    const qint64 ms = start.value.msecsTo(end.value);
    if (ms < 0)
        return std::nullopt;
    return ms;
}

QString formatLocalTime(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    return time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString formatUtcTime(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + QStringLiteral(" UTC");
}

namespace {

bool isInvisibleFormat(char16_t c)
{
    return c == 0x061c || (c >= 0x200b && c <= 0x200c) || c == 0x200e || c == 0x200f ||
           (c >= 0x202a && c <= 0x202e) || c == 0x2060 || (c >= 0x2066 && c <= 0x2069) ||
           c == 0xfeff;
}

enum class LineBreaks { Keep, Arrow, Space };

QString makeVisible(const QString &text, LineBreaks breaks)
{
    QString out;
    out.reserve(text.size());
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = text.at(i).unicode();
        if (c == u'\r' && i + 1 < n && text.at(i + 1) == u'\n')
            continue;
        if (c == u'\n' || c == u'\r' || c == 0x2028 || c == 0x2029)
            out += breaks == LineBreaks::Keep    ? u'\n'
                   : breaks == LineBreaks::Arrow ? u'\u21b5'
                                                 : u' ';
        else if (c == u'\t')
            out += u' ';
        // The U+2400 control pictures are missing from common fonts (a box): a marker
        // reads the same everywhere.
        else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || isInvisibleFormat(c))
            out += QStringLiteral("<U+%1>").arg(uint(c), 4, 16, QLatin1Char('0')).toUpper();
        else
            out += QChar(c);
    }
    return out;
}

} // namespace

QString visibleText(const QString &text, bool keepLineBreaks)
{
    return makeVisible(text, keepLineBreaks ? LineBreaks::Keep : LineBreaks::Arrow);
}

QString singleLine(const QString &text, int maxLength)
{
    if (text.size() <= maxLength)
        return makeVisible(text, LineBreaks::Space);
    // Cut without splitting a surrogate pair.
    const int cut = text.at(maxLength - 1).isHighSurrogate() ? maxLength - 1 : maxLength;
    return makeVisible(text.left(cut), LineBreaks::Space) + u'…';
}

QString plainToolTip(const QStringList &lines)
{
    QStringList escaped;
    escaped.reserve(lines.size());
    for (const QString &line : lines)
        escaped << singleLine(line, 300).toHtmlEscaped();
    return QStringLiteral("<p style='white-space:pre'>") + escaped.join(QStringLiteral("<br>")) +
           QStringLiteral("</p>");
}

QString formatAgo(qint64 milliseconds)
{
    const qint64 s = milliseconds / 1000;
    if (s < 1)
        return QStringLiteral("just now");
    if (s < 60)
        return QStringLiteral("%1 s ago").arg(s);
    if (s < 3600)
        return QStringLiteral("%1 m ago").arg(s / 60);
    if (s < 86400)
        return QStringLiteral("%1 h ago").arg(s / 3600);
    return QStringLiteral("%1 d ago").arg(s / 86400);
}

QString formatSince(const QDateTime &then, const QDateTime &now)
{
    if (!then.isValid())
        return {};
    const qint64 ms = then.msecsTo(now);
    if (ms < qint64(24) * 60 * 60 * 1000)
        return formatAgo(ms);
    // Qt 6 formats month names in the C locale here, like the rest of these strings.
    return QStringLiteral("on ") + then.toLocalTime().toString(QStringLiteral("d MMM yyyy, HH:mm"));
}

} // namespace bem
