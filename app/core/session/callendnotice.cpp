// SPDX-License-Identifier: MIT
#include "callendnotice.h"

#include "formatting.h"

#include <QCoreApplication>

namespace bem {

namespace {

QString withoutFinalPeriod(QString text)
{
    while (text.endsWith(u'.'))
        text.chop(1);
    return text;
}

QString capitalized(QString text)
{
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

} // namespace

QString CallEndNotice::titleOf(const Call &call)
{
    if (!call.workflowName.trimmed().isEmpty())
        return call.workflowName;
    if (!call.functionName.trimmed().isEmpty())
        return call.functionName;
    return call.callId;
}

QString CallEndNotice::stoppedWords(FetchOutcome outcome, const QString &error)
{
    switch (outcome) {
    case FetchOutcome::Unauthorized:
        return tr("stopped: the key was refused");
    case FetchOutcome::Forbidden:
        return tr("stopped: the key may not see this call");
    case FetchOutcome::NotFound:
        return tr("stopped: the call was not found");
    case FetchOutcome::NoApiKey:
        return tr("stopped: no API key is set");
    default:
        break;
    }
    const QString reason = singleLine(withoutFinalPeriod(error), 200);
    return reason.isEmpty() ? tr("stopped refreshing") : tr("stopped: %1").arg(reason);
}

CallEndNotice CallEndNotice::from(const PollerStatus &status, const CallSnapshotPtr &snapshot,
                                  const QString &callId, CallSession *session, const QDateTime &now)
{
    CallEndNotice n;
    n.session = session;
    n.callId = callId;
    const Call *call = snapshot && snapshot->call.callId == callId ? &snapshot->call : nullptr;
    n.title = call ? titleOf(*call) : callId;
    if (n.title.isEmpty())
        n.title = callId;
    if (status.phase == PollerStatus::Phase::Stopped) {
        n.ending = Ending::Stopped;
        n.endedAs = stoppedWords(status.lastOutcome, status.lastError);
    } else if (status.callState == CallState::Completed) {
        n.ending = Ending::Completed;
        n.endedAs = tr("completed");
    } else if (status.callState == CallState::Failed) {
        n.ending = Ending::Failed;
        n.endedAs = tr("failed");
    } else {
        n.ending = Ending::Ended;
        n.endedAs = status.rawCallStatus.isEmpty()
                        ? tr("stopped refreshing")
                        : tr("ended as \u201c%1\u201d").arg(singleLine(status.rawCallStatus, 80));
    }
    if (call) {
        Timestamp end = call->finishedAt;
        if (!end.isValid() && status.callFinishedAt.isValid())
            end.value = status.callFinishedAt;
        if (const auto ms = durationMs(call->createdAt, end))
            n.duration = formatDuration(*ms);
        else if (n.ending == Ending::Stopped && call->createdAt.isValid())
            n.duration =
                formatDuration(qMax<qint64>(0, call->createdAt.value.msecsTo(now)) / 1000 * 1000);
        n.functionCalls = int(call->functionCalls.size());
        for (const FunctionCall &fc : call->functionCalls) {
            if (fc.status.state() == CallState::Failed)
                ++n.failedFunctionCalls;
        }
    }
    return n;
}

QString CallEndNotice::summary() const
{
    switch (ending) {
    case Ending::Completed:
        return tr("Call completed");
    case Ending::Failed:
        return tr("Call failed");
    case Ending::Ended:
        return tr("Call ended");
    case Ending::Stopped:
        return tr("Call stopped refreshing");
    }
    return {};
}

QString CallEndNotice::body() const
{
    QStringList lines{singleLine(title, 200)};
    QString how = capitalized(endedAs);
    if (!duration.isEmpty())
        how = ending == Ending::Stopped ? tr("%1 (started %2 ago)").arg(how, duration)
                                        : tr("%1 in %2").arg(how, duration);
    if (failedFunctionCalls > 0)
        how += QStringLiteral(" \u00b7 ") +
               tr("%1 of %2 function calls failed").arg(failedFunctionCalls).arg(functionCalls);
    else if (functionCalls > 0)
        how += QStringLiteral(" \u00b7 ") + tr("no function call failed");
    lines << how;
    if (title != callId)
        lines << singleLine(callId, 200);
    return lines.join(u'\n');
}

} // namespace bem
