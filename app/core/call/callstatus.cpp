// SPDX-License-Identifier: MIT
#include "callstatus.h"

namespace bem {

Status Status::fromRaw(const QString &raw)
{
    Status s;
    s.m_raw = raw;
    const QString key = raw.trimmed();
    if (key.compare(u"pending", Qt::CaseInsensitive) == 0)
        s.m_state = CallState::Pending;
    else if (key.compare(u"running", Qt::CaseInsensitive) == 0)
        s.m_state = CallState::Running;
    else if (key.compare(u"completed", Qt::CaseInsensitive) == 0)
        s.m_state = CallState::Completed;
    else if (key.compare(u"failed", Qt::CaseInsensitive) == 0)
        s.m_state = CallState::Failed;
    return s;
}

QString Status::displayText() const
{
    return m_raw.isEmpty() ? stateName(CallState::Unknown) : m_raw;
}

QString stateName(CallState state)
{
    switch (state) {
    case CallState::Pending:
        return QStringLiteral("pending");
    case CallState::Running:
        return QStringLiteral("running");
    case CallState::Completed:
        return QStringLiteral("completed");
    case CallState::Failed:
        return QStringLiteral("failed");
    case CallState::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

} // namespace bem
