// SPDX-License-Identifier: MIT
// The one-call endpoints of the local server: GET /v2/calls/{id}, GET /v3/calls/{id} and
// GET /v3/calls/{id}/trace, with their scenarios and canned answers.
#include "localbemserverimpl.h"

#include "demojson.h"
#include "demoscenarios.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace bem {

namespace {

// The batch call's body, but answering for `callId`: a client may check that the call it
// got back is the one it asked for.
QByteArray batchBodyFor(const QString &callId)
{
    QJsonObject root = QJsonDocument::fromJson(DemoScenarios::batchCall()).object();
    QJsonObject call = root.value(QLatin1String("call")).toObject();
    call.insert(QStringLiteral("callID"), callId);
    QJsonArray fcs = call.value(QLatin1String("functionCalls")).toArray();
    for (qsizetype i = 0; i < fcs.size(); ++i) {
        QJsonObject fc = fcs.at(i).toObject();
        fc.insert(QStringLiteral("workflowCallID"), callId);
        fcs.replace(i, fc);
    }
    call.insert(QStringLiteral("functionCalls"), fcs);
    root.insert(QStringLiteral("call"), call);
    return compactJson(root);
}

// What nginx in front of an API sends when the upstream is down.
QByteArray badGatewayPage()
{
    return QByteArrayLiteral("<html>\r\n"
                             "<head><title>502 Bad Gateway</title></head>\r\n"
                             "<body>\r\n"
                             "<center><h1>502 Bad Gateway</h1></center>\r\n"
                             "<hr><center>nginx/1.25.3</center>\r\n"
                             "</body>\r\n"
                             "</html>\r\n");
}

ServerReply notFound(const QString &id)
{
    return ServerReply::error(
        404, QStringLiteral("No call with ID '%1' exists in this environment.").arg(id),
        {{QStringLiteral("callID"), id}});
}

// "wf_demo_progress_<digits>": a copy of the progressing call.
bool isProgressingCopy(const QString &id)
{
    const QString prefix = DemoCalls::progressing() + u'_';
    if (!id.startsWith(prefix) || id.size() == prefix.size())
        return false;
    return std::all_of(id.cbegin() + prefix.size(), id.cend(),
                       [](QChar c) { return c.isDigit() && c.unicode() < 128; });
}

// The progressing call's body at `stage`, answering as `id` (digits only after the
// prefix, so the ID needs no escaping in JSON).
QByteArray progressingBodyFor(const QString &id, int stage)
{
    QByteArray body = DemoScenarios::progressingStage(stage);
    if (id != DemoCalls::progressing()) {
        const QByteArray from = QByteArray("\"") + DemoCalls::progressing().toLatin1() + '"';
        const QByteArray to = QByteArray("\"") + id.toLatin1() + '"';
        body.replace(from, to);
    }
    return body;
}

// The path of `endpoint` for wf_demo_batch, where the redirect scenarios point.
QString batchPath(ServerEndpoint endpoint)
{
    if (endpoint == ServerEndpoint::V2Call)
        return QStringLiteral("/v2/calls/") + DemoCalls::batch();
    if (endpoint == ServerEndpoint::V3Trace)
        return QStringLiteral("/v3/calls/") + DemoCalls::batch() + QStringLiteral("/trace");
    return QStringLiteral("/v3/calls/") + DemoCalls::batch();
}

} // namespace

ServerReply LocalBemServer::Impl::getCall(ServerEndpoint endpoint, const QString &id)
{
    if (std::optional<ServerReply> r = cannedReply(endpoint, id))
        return *r;
    // The trace counts its own GETs: the call's count is the progressing call's stage.
    const QString countKey =
        endpoint == ServerEndpoint::V3Trace ? QStringLiteral("v3/trace\n") + id : id;
    const int previous = getCounts.value(countKey);
    getCounts.insert(countKey, previous + 1);
    return scenarioReply(endpoint, id, previous);
}

std::optional<ServerReply> LocalBemServer::Impl::cannedReply(ServerEndpoint endpoint,
                                                             const QString &id)
{
    const QString suffix = u'\n' + id;
    bool cannedElsewhere = false;
    for (auto it = canned.constBegin(); it != canned.constEnd(); ++it)
        cannedElsewhere = cannedElsewhere || it.key().endsWith(suffix);
    if (!cannedElsewhere)
        return std::nullopt;
    const QString key = endpointName(endpoint) + suffix;
    const auto it = canned.constFind(key);
    if (it == canned.constEnd())
        return notFound(id);
    const int previous = cannedCounts.value(key);
    cannedCounts.insert(key, previous + 1);
    const CannedResponse &c = it->at(std::min<qsizetype>(previous, it->size() - 1));
    ServerReply r;
    r.status = c.status;
    r.contentType = c.contentType;
    r.body = c.body;
    r.headers = c.headers;
    r.delayMs = c.delayMs;
    return r;
}

ServerReply LocalBemServer::Impl::bodyFor(ServerEndpoint endpoint, const QByteArray &v2Body,
                                          const V3Hints &hints)
{
    if (endpoint == ServerEndpoint::V2Call)
        return ServerReply::json(v2Body);
    const V3View view = v3ViewOf(v2Body, hints);
    return ServerReply::json(endpoint == ServerEndpoint::V3Trace ? view.traceBody()
                                                                 : view.callBody());
}

ServerReply LocalBemServer::Impl::redirectTo(ServerEndpoint endpoint, QUrl base) const
{
    QString path = base.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    base.setPath(path + batchPath(endpoint));
    return ServerReply::redirect(base.toEncoded());
}

ServerReply LocalBemServer::Impl::scenarioReply(ServerEndpoint endpoint, const QString &id,
                                                int previous)
{
    const bool v2 = endpoint == ServerEndpoint::V2Call;
    const bool failing = previous < failuresBeforeRecovery;
    if (id == DemoCalls::progressing() || isProgressingCopy(id)) {
        // A trace GET shows the stage the last call GET showed.
        const int stage =
            endpoint == ServerEndpoint::V3Trace ? std::max(0, getCounts.value(id) - 1) : previous;
        return bodyFor(endpoint, progressingBodyFor(id, stage));
    }
    if (id == DemoCalls::failed())
        return bodyFor(endpoint, DemoScenarios::failedCall());
    if (id == DemoCalls::singleFunction())
        return v2 ? ServerReply::json(DemoScenarios::singleFunctionCall()) : notFound(id);
    if (id == DemoCalls::batch())
        return bodyFor(endpoint, DemoScenarios::batchCall());
    if (id == DemoCalls::partlyFailed())
        return bodyFor(endpoint, DemoScenarios::partlyFailedCall(), DemoScenarios::v3Hints(id));
    if (id == DemoCalls::manyOutputs())
        return bodyFor(endpoint, DemoScenarios::manyOutputsCall());
    if (id == DemoCalls::v3Only())
        return v2 ? notFound(id)
                  : bodyFor(endpoint, DemoScenarios::v3OnlyCall(), DemoScenarios::v3Hints(id));
    if (id == DemoCalls::traceFlaky()) {
        if (endpoint == ServerEndpoint::V3Trace && failing)
            return ServerReply::error(
                500,
                QStringLiteral("Internal server error while reading the trace. Please "
                               "retry the request."),
                {{QStringLiteral("requestID"),
                  QStringLiteral("req_demo_trace_%1").arg(previous + 1)}});
        return bodyFor(endpoint, batchBodyFor(id));
    }
    if (id == DemoCalls::rateLimited()) {
        if (!failing)
            return bodyFor(endpoint, batchBodyFor(id));
        ServerReply r = ServerReply::error(
            429,
            QStringLiteral("Rate limit exceeded for this API key. Retry after %1 seconds.")
                .arg(retryAfterSeconds),
            {{QStringLiteral("retryAfterSeconds"), retryAfterSeconds}});
        r.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(retryAfterSeconds)});
        return r;
    }
    if (id == DemoCalls::flaky()) {
        if (!failing)
            return bodyFor(endpoint, batchBodyFor(id));
        return ServerReply::error(
            500, QStringLiteral("Internal server error. Please retry the request."),
            {{QStringLiteral("requestID"), QStringLiteral("req_demo_flaky_%1").arg(previous + 1)}});
    }
    if (id == DemoCalls::badGateway()) {
        ServerReply r;
        r.status = 502;
        r.contentType = QByteArrayLiteral("text/html");
        r.body = badGatewayPage();
        return r;
    }
    if (id == DemoCalls::forbidden())
        return ServerReply::error(403,
                                  QStringLiteral("This API key may not read call '%1'.").arg(id),
                                  {{QStringLiteral("callID"), id}});
    if (id == DemoCalls::slow()) {
        ServerReply r = bodyFor(endpoint, batchBodyFor(id));
        r.delayMs = std::max(1, slowDelayMs);
        return r;
    }
    if (id == DemoCalls::truncated()) {
        ServerReply r = bodyFor(endpoint, batchBodyFor(id));
        r.truncate = true;
        return r;
    }
    if (id == DemoCalls::invalidJson()) {
        // Complete, but JSON has no single-quoted strings: clearly invalid, not cut off.
        return ServerReply::json(QByteArrayLiteral(
            "{\"call\": {\"callID\": 'demo_invalid_json', \"status\": 'running'}}"));
    }
    if (id == DemoCalls::errorOnly()) {
        return ServerReply::json(compactJson(QJsonObject{
            {QStringLiteral("error"),
             QStringLiteral("The workflow engine is unavailable; try again shortly.")}}));
    }
    if (id == DemoCalls::redirectSameOrigin())
        return redirectTo(endpoint, q->baseUrl());
    if (id == DemoCalls::redirectAway() && redirectTarget.isValid() && !redirectTarget.isEmpty())
        return redirectTo(endpoint, redirectTarget);
    return notFound(id);
}

} // namespace bem
