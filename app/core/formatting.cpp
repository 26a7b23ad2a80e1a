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

QString singleLine(const QString &text, int maxLength)
{
    QString out = text.size() > maxLength ? text.left(maxLength) + u'…' : text;
    for (QChar &c : out) {
        if (c == u'\n' || c == u'\r' || c == u'\t' || c == QChar::LineSeparator ||
            c == QChar::ParagraphSeparator)
            c = u' ';
    }
    return out;
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

} // namespace bem
