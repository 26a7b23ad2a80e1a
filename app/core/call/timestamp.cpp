// SPDX-License-Identifier: MIT
#include "timestamp.h"

#include <cstdio>

namespace bem {

Timestamp Timestamp::fromUsualForm(QDateTime utc, bool withMs)
{
    Timestamp t;
    t.value = std::move(utc);
    t.m_form = withMs ? Form::Milliseconds : Form::Seconds;
    return t;
}

QString Timestamp::raw() const
{
    if (m_form == Form::AsSent)
        return m_raw;
    // In UTC whatever zone `value` was set in since: the text ends in 'Z'.
    const QDateTime utc = value.toUTC();
    const QDate d = utc.date();
    const QTime t = utc.time();
    char text[40];
    const int n =
        m_form == Form::Milliseconds
            ? std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", d.year(),
                            d.month(), d.day(), t.hour(), t.minute(), t.second(), t.msec())
            : std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02dZ", d.year(),
                            d.month(), d.day(), t.hour(), t.minute(), t.second());
    return QString::fromLatin1(text, qMax(0, n));
}

bool operator==(const Timestamp &a, const Timestamp &b)
{
    // Two times in the same usual form read the same when their values are the same
    // instant; anything else compares as sent.
    if (a.m_form == b.m_form && a.m_form != Timestamp::Form::AsSent)
        return a.value == b.value;
    return a.raw() == b.raw();
}

} // namespace bem
