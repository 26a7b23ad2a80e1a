// SPDX-License-Identifier: MIT
#include "callsnapshot.h"

#include "backgroundpool.h"

#include <QCoreApplication>

namespace bem {

CallSnapshot CallSnapshot::fromCall(Call call, const QStringList &parseWarnings)
{
    CallSnapshot s;
    s.tree = CallTree::build(call.functionCalls);
    s.call = std::move(call);
    s.ignored = parseWarnings;
    return s;
}

CallSnapshot CallSnapshot::fromRefresh(Call call, const QStringList &parseWarnings,
                                       const std::shared_ptr<const CallSnapshot> &previous,
                                       std::vector<char> unchanged)
{
    if (!previous ||
        !CallTree::sameStructure(previous->call.functionCalls, call.functionCalls, unchanged))
        return fromCall(std::move(call), parseWarnings);
    CallSnapshot s;
    s.tree = previous->tree;
    s.call = std::move(call);
    s.ignored = parseWarnings;
    s.lineage = std::make_shared<const Lineage>(Lineage{previous, std::move(unchanged)});
    return s;
}

QStringList CallSnapshot::notes() const
{
    QStringList out;
    if (!serverError.isEmpty())
        out << QStringLiteral("The server also reported an error: %1").arg(serverError);
    if (v3 && !v3->traceServerError.isEmpty())
        out << QCoreApplication::translate("bem::CallSnapshot",
                                           "The server also reported an error with the trace: %1")
                   .arg(v3->traceServerError);
    if (!call.unattachedEvents.isEmpty())
        out << QCoreApplication::translate("bem::CallSnapshot",
                                           "%n trace event(s) name no function call of the "
                                           "trace; they are listed apart.",
                                           nullptr, int(call.unattachedEvents.size()));
    return out + tree.warnings();
}

void releaseOffThread(CallSnapshotPtr snapshot)
{
    // Small ones are not worth a thread hop; shared ones are not ours to free.
    if (!snapshot || snapshot.use_count() > 1 || snapshot->call.functionCalls.size() < 1000)
        return;
    backgroundPool()->start([doomed = std::move(snapshot)]() mutable { doomed.reset(); });
}

} // namespace bem
