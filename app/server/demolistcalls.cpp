// SPDX-License-Identifier: MIT
#include "demolistcalls.h"

#include "demojson.h"

#include <QString>
#include <QStringList>

#include <algorithm>

namespace bem {

namespace {

using demojson::Minute;
using demojson::Second;
using demojson::timeAt;

const QStringList &workflows()
{
    static const QStringList names = {
        QStringLiteral("invoice-pipeline"), QStringLiteral("po-intake"),
        QStringLiteral("claims-triage"),    QStringLiteral("kyc-check"),
        QStringLiteral("bill-of-lading"),   QStringLiteral("receipt-splitter"),
    };
    return names;
}

const QStringList &customers()
{
    static const QStringList names = {QStringLiteral("acme"), QStringLiteral("globex"),
                                      QStringLiteral("initech"), QStringLiteral("umbrella"),
                                      QStringLiteral("hooli")};
    return names;
}

// Call `i` (0 = oldest) created at `createdMs` from the demo epoch. `finishTick`: the list
// request from which it is finished (<= 0: finished from the start).
QJsonObject listedCall(int i, qint64 createdMs, int finishTick, int tick)
{
    const bool function = i % 23 == 11;
    const QString workflow = workflows().at(i % workflows().size());
    QJsonObject call{
        {QStringLiteral("callID"), QStringLiteral("%1_list_%2")
                                       .arg(function ? QLatin1String("fc") : QLatin1String("wf"))
                                       .arg(i, 4, 10, QLatin1Char('0'))},
        {QStringLiteral("callType"),
         function ? QStringLiteral("function") : QStringLiteral("workflow")},
        {QStringLiteral("createdAt"), timeAt(createdMs)},
        {QStringLiteral("callReferenceID"),
         QStringLiteral("%1-%2-%3")
             .arg(customers().at((i / 3) % customers().size()),
                  i % 2 ? QStringLiteral("po") : QStringLiteral("inv"))
             .arg(i, 4, 10, QLatin1Char('0'))},
    };
    if (function) {
        call.insert(QStringLiteral("functionID"), QStringLiteral("f_ocr"));
        call.insert(QStringLiteral("functionName"), QStringLiteral("ocr-page"));
        call.insert(QStringLiteral("functionType"), QStringLiteral("transform"));
    } else {
        call.insert(QStringLiteral("workflowID"), QString(QStringLiteral("w_") + workflow));
        call.insert(QStringLiteral("workflowName"), workflow);
        call.insert(QStringLiteral("workflowVersionNum"), 1 + i % 4);
    }
    QString status;
    if (finishTick > tick)
        status = finishTick - tick > 6 ? QStringLiteral("pending") : QStringLiteral("running");
    else
        status = (i * 7) % 10 == 3 || i % 17 == 5 ? QStringLiteral("failed")
                                                  : QStringLiteral("completed");
    call.insert(QStringLiteral("status"), status);
    if (finishTick <= tick) {
        const qint64 took = (20 + (i * 37) % 400) * Second;
        call.insert(QStringLiteral("finishedAt"), timeAt(createdMs + took));
    }
    return call;
}

} // namespace

QList<QJsonObject> demoListedCalls(int count, int tick)
{
    QList<QJsonObject> calls;
    calls.reserve(count + 24);
    for (int i = 0; i < count; ++i) {
        // The newest dozen came in over the last half hour and are still at work (they
        // finish one by one, a tick or two apart); the others are spread over days.
        const int fromNewest = count - 1 - i;
        const qint64 createdMs = fromNewest < 12 ? -qint64(5 + fromNewest * 3) * Minute
                                                 : -qint64(38 + (fromNewest - 11) * 23) * Minute;
        const int finishTick = fromNewest < 12 ? 2 + fromNewest * 2 : 0;
        calls << listedCall(i, createdMs, finishTick, tick);
    }
    // A new call every fourth list request, running for a few ticks.
    for (int k = 0; k < std::min(24, tick / 4); ++k) {
        const int appearsAt = (k + 1) * 4;
        calls << listedCall(count + k, qint64(appearsAt) * 5 * Second, appearsAt + 6, tick);
    }
    return calls;
}

} // namespace bem
