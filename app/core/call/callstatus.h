// SPDX-License-Identifier: MIT
#pragma once

#include <QMetaType>
#include <QString>

namespace bem {

// The states the API documents. Anything else the server sends is Unknown, and the raw
// string is kept so the user sees exactly what came.
enum class CallState { Unknown, Pending, Running, Completed, Failed };

class Status
{
public:
    Status() = default;
    static Status fromRaw(const QString &raw);

    CallState state() const { return m_state; }
    // The string as the server sent it (may be empty when the field was absent).
    const QString &raw() const { return m_raw; }
    // What to show: the raw value when there is one, "unknown" otherwise.
    QString displayText() const;
    // completed and failed are final; unknown values are not, as the API asks.
    bool isTerminal() const
    {
        return m_state == CallState::Completed || m_state == CallState::Failed;
    }
    bool isAbsent() const { return m_raw.isEmpty(); }

    friend bool operator==(const Status &a, const Status &b)
    {
        return a.m_state == b.m_state && a.m_raw == b.m_raw;
    }
    friend bool operator!=(const Status &a, const Status &b) { return !(a == b); }

private:
    CallState m_state = CallState::Unknown;
    QString m_raw;
};

QString stateName(CallState state);

} // namespace bem

Q_DECLARE_TYPEINFO(bem::Status, Q_RELOCATABLE_TYPE);
Q_DECLARE_METATYPE(bem::CallState)
