// SPDX-License-Identifier: MIT
#pragma once

#include "calltypes.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace bem {

// "850 ms", "12.3 s", "4 m 05 s", "2 h 03 m".
QString formatDuration(qint64 milliseconds);
// Both times known and in order: the span between them.
std::optional<qint64> durationMs(const Timestamp &start, const Timestamp &end);
// How long ago, coarsely, for live status lines: "just now", "12 s ago", "3 m ago", "2 h
// ago", "4 d ago". A negative span (a clock ahead of ours) reads "just now".
QString formatAgo(qint64 milliseconds);
// When something happened, for a sentence such as "completed %1": formatAgo() up to a
// day back ("3 m ago"), beyond that the local date and time ("on 3 Mar 2025, 14:02"),
// since "626 d ago" makes the reader do arithmetic. Empty for an invalid time.
QString formatSince(const QDateTime &then, const QDateTime &now);
// "2026-11-30 11:00:00" in the user's time zone; empty for an invalid time.
QString formatLocalTime(const QDateTime &time);
// "2026-11-30 10:00:00 UTC".
QString formatUtcTime(const QDateTime &time);
// A server string made safe to look at: control characters (NUL, escape, DEL, C1) and
// invisible format characters such as the bidi overrides become "<U+0000>"/"<U+202E>"
// markers, readable in any font, so they cannot hide or reorder what the user reads, and line
// breaks become "↵" unless `keepLineBreaks`. Never markup: the result is still for plain-text
// widgets only.
QString visibleText(const QString &text, bool keepLineBreaks = false);
// A server string made fit for one table cell or line: very long text is cut (the full
// value stays available elsewhere), line breaks and tabs become spaces, and other control
// and bidi characters are made visible as visibleText() does, so a U+202E in a name
// cannot reverse the text after it.
QString singleLine(const QString &text, int maxLength = 500);
// Tooltips render rich text; server strings must not. Escapes every line and wraps the
// result so Qt treats it as (escaped) rich text, never as markup from the server.
QString plainToolTip(const QStringList &lines);

} // namespace bem
