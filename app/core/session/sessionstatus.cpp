// SPDX-License-Identifier: MIT
#include "sessionstatus.h"

#include "formatting.h"

#include <QCoreApplication>

namespace bem {

namespace {

QString secondsFromNow(qint64 ms)
{
    const qint64 s = qMax<qint64>(0, (ms + 999) / 1000);
    return s <= 1 ? QStringLiteral("1 s") : QStringLiteral("%1 s").arg(s);
}

QString minutesText(qint64 ms)
{
    return QStringLiteral("%1 min").arg(qMax<qint64>(1, ms / 60'000));
}

QString capitalized(QString text)
{
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

QString withoutFinalPeriod(QString text)
{
    while (text.endsWith(u'.'))
        text.chop(1);
    return text;
}

} // namespace

QString PollerStatus::describe(bool includeError, const QDateTime &now) const
{
    using P = Phase;
    using Concern = PollerStatus::Concern;
    const auto updated = [&] {
        return lastUpdated.isValid()
                   ? QStringLiteral("updated %1").arg(formatAgo(lastUpdated.msecsTo(now)))
                   : QString();
    };
    if (waitingForTurn && requestInFlight && phase != P::Idle)
        return QCoreApplication::translate("bem::PollerStatus",
                                           "Waiting for a turn to refresh\u2026");
    switch (phase) {
    case P::Idle:
        return QString();
    case P::Loading:
        return QStringLiteral("Loading\u2026");
    case P::Waiting: {
        if (requestInFlight)
            return QStringLiteral("Refreshing\u2026");
        if (concern == Concern::UndocumentedStatus)
            return QCoreApplication::translate("bem::PollerStatus",
                                               "Status \u201c%1\u201d is not one bem documents: "
                                               "checking every %2 for up to %3 \u00b7 next in %4")
                .arg(rawCallStatus, secondsFromNow(slowCheckMs), minutesText(slowCheckLimitMs),
                     secondsFromNow(nextRefreshInMs));
        const QString next = QStringLiteral("next in %1").arg(secondsFromNow(nextRefreshInMs));
        const QString u = updated();
        return u.isEmpty()
                   ? QStringLiteral("Next refresh in %1").arg(secondsFromNow(nextRefreshInMs))
                   : capitalized(u) + QStringLiteral(" \u00b7 ") + next;
    }
    case P::Retrying:
        if (requestInFlight)
            return QStringLiteral("Retrying now (attempt %1)\u2026").arg(attempt + 1);
        if (!includeError)
            return QStringLiteral("Retrying in %1 \u00b7 attempt %2")
                .arg(secondsFromNow(nextRefreshInMs))
                .arg(attempt);
        return QStringLiteral("Retrying in %1 after: %2 (attempt %3)")
            .arg(secondsFromNow(nextRefreshInMs), withoutFinalPeriod(lastError))
            .arg(attempt);
    case P::Paused: {
        if (requestInFlight)
            return QStringLiteral("Paused \u00b7 refreshing once\u2026");
        if (concern == Concern::Stopped)
            return QCoreApplication::translate("bem::PollerStatus",
                                               "Stopped by you \u00b7 press F5 to refresh");
        const QString u = updated();
        return u.isEmpty() ? QStringLiteral("Paused \u00b7 auto-refresh is off")
                           : QStringLiteral("Paused \u00b7 ") + u;
    }
    case P::Finished: {
        if (requestInFlight)
            return QStringLiteral("Refreshing\u2026");
        if (concern == Concern::NoStatus)
            return QCoreApplication::translate(
                "bem::PollerStatus",
                "Not refreshing: the call has no status (or not a text one), so there is no "
                "telling whether it will change \u00b7 press F5 to refresh");
        if (concern == Concern::UndocumentedTooLong)
            return QCoreApplication::translate("bem::PollerStatus",
                                               "Stopped: status \u201c%1\u201d is not one bem "
                                               "documents and stayed for %2 \u00b7 press F5 to "
                                               "refresh")
                .arg(rawCallStatus, minutesText(slowCheckLimitMs));
        const bool failed = callState == CallState::Failed;
        if (callState == CallState::Unknown && callFinishedAt.isValid())
            return QCoreApplication::translate("bem::PollerStatus",
                                               "Stopped: ended as \u201c%1\u201d %2")
                .arg(rawCallStatus, formatSince(callFinishedAt, now));
        if (callFinishedAt.isValid())
            return (failed ? QStringLiteral("Stopped: failed %1")
                           : QStringLiteral("Stopped: completed %1"))
                .arg(formatSince(callFinishedAt, now));
        return failed ? QStringLiteral("Stopped: the call failed")
                      : QStringLiteral("Stopped: the call completed");
    }
    case P::Stopped:
        if (requestInFlight)
            return QStringLiteral("Trying again\u2026");
        if (!includeError)
            return QStringLiteral("Stopped refreshing");
        return QStringLiteral("Stopped: %1").arg(withoutFinalPeriod(lastError));
    }
    return QString();
}

} // namespace bem
