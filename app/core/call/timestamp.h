// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QString>

namespace bem {

// An RFC 3339 time as sent, and its parsed value (invalid when it did not parse).
//
// The forms bem sends, "2026-11-30T12:01:07Z" and "2026-11-30T12:01:07.250Z", are not kept
// as text: raw() writes them again from the value, the same characters. Two such strings
// per function call (started, finished), each its own UTF-16 allocation, were an eighth of
// the memory of a large call. Anything else is kept exactly as it came.
class Timestamp
{
public:
    Timestamp() = default;
    // `raw` as sent, `parsed` its value (invalid when it did not parse).
    Timestamp(QString raw, QDateTime parsed)
        : value(std::move(parsed))
        , m_raw(std::move(raw))
    {}
    // A time read from "YYYY-MM-DDTHH:MM:SSZ", or with milliseconds ".mmmZ" (`withMs`):
    // `utc` must be valid, in UTC, with no milliseconds unless `withMs`.
    static Timestamp fromUsualForm(QDateTime utc, bool withMs);

    // The time as sent ("" when none was).
    QString raw() const;
    // No time was sent (or an empty string).
    bool isEmpty() const { return m_form == Form::AsSent && m_raw.isEmpty(); }
    bool isValid() const { return value.isValid(); }

    friend bool operator==(const Timestamp &a, const Timestamp &b);
    friend bool operator!=(const Timestamp &a, const Timestamp &b) { return !(a == b); }

    QDateTime value;

private:
    enum class Form : quint8 { AsSent, Seconds, Milliseconds };
    QString m_raw; // only when Form::AsSent
    Form m_form = Form::AsSent;
};

} // namespace bem

Q_DECLARE_TYPEINFO(bem::Timestamp, Q_RELOCATABLE_TYPE);
