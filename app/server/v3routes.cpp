// SPDX-License-Identifier: MIT
// The list endpoints of the local server (GET /v2/calls, /v3/calls, /v3/outputs,
// /v3/errors) and the one-event endpoints (GET /v3/outputs/{id}, /v3/errors/{id}).
#include "localbemserverimpl.h"

#include "calllisting.h"
#include "demolistcalls.h"
#include "demoscenarios.h"
#include "eventlisting.h"
#include "queryparams.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace bem {

namespace {

QJsonObject callObject(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object().value(QLatin1String("call")).toObject();
}

} // namespace

std::optional<ServerReply> LocalBemServer::Impl::cannedListReply(ServerEndpoint endpoint)
{
    const auto it = listCanned.find(int(endpoint));
    if (it == listCanned.end() || it->isEmpty())
        return std::nullopt;
    const CannedResponse c = it->takeFirst();
    ServerReply r;
    r.status = c.status;
    r.contentType = c.contentType;
    r.body = c.body;
    r.headers = c.headers;
    r.delayMs = c.delayMs;
    return r;
}

QList<QJsonObject> LocalBemServer::Impl::listedCallsNow(const QByteArray &rawQuery)
{
    if (listedCallCount <= 0)
        return {};
    // Only a first page moves the clock (a live refresh does); paging on with a cursor
    // reads the list as it stands, so its pages fit together.
    const QueryParams query(rawQuery);
    const bool firstPage =
        !query.has(QStringLiteral("startingAfter")) && !query.has(QStringLiteral("endingBefore"));
    return demoListedCalls(listedCallCount, firstPage ? listTick++ : std::max(0, listTick - 1));
}

ServerReply LocalBemServer::Impl::listCalls(const QByteArray &rawQuery)
{
    if (std::optional<ServerReply> canned = cannedListReply(ServerEndpoint::V2Calls))
        return *canned;
    // The progressing call is listed as the last GET left it.
    const int stage = std::max(0, getCounts.value(DemoCalls::progressing()) - 1);
    QList<QJsonObject> calls = listedCallsNow(rawQuery);
    calls << callObject(DemoScenarios::progressingStage(stage))
          << callObject(DemoScenarios::failedCall())
          << callObject(DemoScenarios::singleFunctionCall())
          << callObject(DemoScenarios::batchCall());
    return bem::listCalls(rawQuery, calls);
}

QList<V3View> LocalBemServer::Impl::v3Views()
{
    if (fixedViews.isEmpty()) {
        const QList<QPair<QString, QByteArray>> fixed = {
            {DemoCalls::failed(), DemoScenarios::failedCall()},
            {DemoCalls::batch(), DemoScenarios::batchCall()},
            {DemoCalls::partlyFailed(), DemoScenarios::partlyFailedCall()},
            {DemoCalls::manyOutputs(), DemoScenarios::manyOutputsCall()},
            {DemoCalls::v3Only(), DemoScenarios::v3OnlyCall()},
        };
        for (const auto &[id, body] : fixed)
            fixedViews.insert(id, v3ViewOf(body, DemoScenarios::v3Hints(id)));
    }
    const int stage = std::max(0, getCounts.value(DemoCalls::progressing()) - 1);
    QList<V3View> out{v3ViewOf(DemoScenarios::progressingStage(stage))};
    for (const V3View &view : std::as_const(fixedViews))
        out << view;
    return out;
}

ServerReply LocalBemServer::Impl::listV3Calls(const QByteArray &rawQuery)
{
    if (std::optional<ServerReply> canned = cannedListReply(ServerEndpoint::V3Calls))
        return *canned;
    QList<QJsonObject> calls;
    // v3 lists workflow calls only, without v2's call-type and function fields.
    const QList<QJsonObject> listed = listedCallsNow(rawQuery);
    for (QJsonObject call : listed) {
        if (call.value(QLatin1String("callType")) != QLatin1String("workflow"))
            continue;
        call.remove(QLatin1String("callType"));
        calls << call;
    }
    const QList<V3View> views = v3Views();
    for (const V3View &view : views)
        calls << view.call;
    return bem::listCalls(rawQuery, calls);
}

ServerReply LocalBemServer::Impl::listEvents(ServerEndpoint endpoint, const QByteArray &rawQuery)
{
    const bool outputs = endpoint == ServerEndpoint::V3Outputs;
    const QueryParams query(rawQuery);
    const QString intermediate = query.first(QStringLiteral("includeIntermediate"));
    if (!intermediate.isEmpty() && intermediate != QLatin1String("true") &&
        intermediate != QLatin1String("false"))
        return QueryParams::badParameter(QStringLiteral("includeIntermediate"), intermediate,
                                         QStringLiteral("must be \"true\" or \"false\"."));
    QList<QJsonObject> events;
    const QList<V3View> views = v3Views();
    for (const V3View &view : views) {
        if (!outputs) {
            events << view.errors;
            continue;
        }
        events << view.outputs;
        if (intermediate == QLatin1String("true"))
            events << view.intermediate;
    }
    return bem::listEvents(rawQuery, events,
                           outputs ? QStringLiteral("outputs") : QStringLiteral("errors"));
}

ServerReply LocalBemServer::Impl::oneEvent(ServerEndpoint endpoint, const QString &eventId)
{
    const bool wantError = endpoint == ServerEndpoint::V3Error;
    const QList<V3View> views = v3Views();
    for (const V3View &view : views) {
        for (const QJsonValue &v : view.traceEvents) {
            const QJsonObject e = v.toObject();
            if (e.value(QLatin1String("eventID")).toString() != eventId)
                continue;
            const bool isError =
                e.value(QLatin1String("eventType")).toString() == QLatin1String("error");
            if (isError != wantError)
                break;
            return ServerReply::json(compactJson(
                QJsonObject{{wantError ? QStringLiteral("error") : QStringLiteral("output"), e}}));
        }
    }
    return ServerReply::error(
        404,
        (wantError ? QStringLiteral("No error event with ID '%1' exists in this environment.")
                   : QStringLiteral("No output event with ID '%1' exists in this environment."))
            .arg(eventId),
        {{QStringLiteral("eventID"), eventId}});
}

} // namespace bem
