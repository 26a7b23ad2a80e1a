// SPDX-License-Identifier: MIT
#include "localbemserver.h"

#include "calllisting.h"
#include "demoscenarios.h"
#include "serverreply.h"

#include <QDateTime>
#include <QHash>
#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>
#include <memory>

namespace bem {
namespace {

const QByteArray CallsPath = QByteArrayLiteral("/v2/calls");
const QByteArray CallsPrefix = QByteArrayLiteral("/v2/calls/");
QByteArray methodName(QHttpServerRequest::Method m)
{
    using M = QHttpServerRequest::Method;
    switch (m) {
    case M::Get:
        return QByteArrayLiteral("GET");
    case M::Put:
        return QByteArrayLiteral("PUT");
    case M::Delete:
        return QByteArrayLiteral("DELETE");
    case M::Post:
        return QByteArrayLiteral("POST");
    case M::Head:
        return QByteArrayLiteral("HEAD");
    case M::Options:
        return QByteArrayLiteral("OPTIONS");
    case M::Patch:
        return QByteArrayLiteral("PATCH");
    case M::Connect:
        return QByteArrayLiteral("CONNECT");
    case M::Trace:
        return QByteArrayLiteral("TRACE");
    default:
        break;
    }
    // QHttpServerRequest does not keep the text of methods it does not know.
    return QByteArrayLiteral("UNKNOWN");
}

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

QJsonObject callObject(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object().value(QLatin1String("call")).toObject();
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

} // namespace

struct LocalBemServer::Impl
{
    explicit Impl(LocalBemServer *owner)
        : q(owner)
    {}

    void handleRequest(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    ServerReply replyFor(const ServerRequestRecord &record, bool isGet);
    ServerReply getCall(const QString &id);
    ServerReply listCalls(const QByteArray &rawQuery);

    LocalBemServer *const q;
    QHttpServer http;
    // GETs that reached a callID's answer since the last reset: the progressing call's
    // stage, the failing scenarios' count and the canned sequences' position.
    QHash<QString, int> getCounts;
    QHash<QString, QList<CannedResponse>> canned;
    // Late answers not yet sent; deleting one drops its responder without writing.
    QList<QPointer<QTimer>> pendingTimers;
    QList<ServerRequestRecord> requests;

    quint16 port = 0;
    QByteArray apiKey = demoApiKey();
    QUrl redirectTarget;
    int slowDelayMs = 3000;
    int retryAfterSeconds = 2;
    int failuresBeforeRecovery = 2;
};

LocalBemServer::LocalBemServer(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Impl>(this))
{
    // Everything goes through the missing handler, so the callID is cut from the path as
    // sent: "a%2Fb" is one segment, where the decoded "a/b" would be two.
    d->http.setMissingHandler(
        [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            d->handleRequest(request, std::move(responder));
        });
}

LocalBemServer::~LocalBemServer()
{
    // Stop late answers before the HTTP server (and its sockets) go away.
    for (const QPointer<QTimer> &timer : std::as_const(d->pendingTimers))
        delete timer.data();
    d->pendingTimers.clear();
}

bool LocalBemServer::listen()
{
    if (d->port != 0)
        return true;
    const quint16 port = d->http.listen(QHostAddress::LocalHost, 0);
    if (port == 0) {
        qWarning("LocalBemServer: cannot listen on 127.0.0.1 (no free port or no loopback "
                 "interface)");
        return false;
    }
    d->port = port;
    return true;
}

QUrl LocalBemServer::baseUrl() const
{
    if (d->port == 0)
        return {};
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(d->port);
    return url;
}

quint16 LocalBemServer::port() const
{
    return d->port;
}

void LocalBemServer::setApiKey(const QByteArray &key)
{
    d->apiKey = key;
}

void LocalBemServer::setRedirectTarget(const QUrl &base)
{
    d->redirectTarget = base;
}

void LocalBemServer::setSlowDelayMs(int ms)
{
    d->slowDelayMs = ms;
}

void LocalBemServer::setRetryAfterSeconds(int seconds)
{
    d->retryAfterSeconds = seconds;
}

void LocalBemServer::setFailuresBeforeRecovery(int count)
{
    d->failuresBeforeRecovery = count;
}

QList<ServerRequestRecord> LocalBemServer::requests() const
{
    return d->requests;
}

void LocalBemServer::clearRequests()
{
    d->requests.clear();
}

QByteArray LocalBemServer::demoApiKey()
{
    return QByteArrayLiteral("bem-demo-key");
}

void LocalBemServer::setResponses(const QString &callId, const QList<CannedResponse> &responses)
{
    if (responses.isEmpty())
        d->canned.remove(callId);
    else
        d->canned.insert(callId, responses);
    d->getCounts.remove(callId);
}

void LocalBemServer::resetScenarios()
{
    d->getCounts.clear();
}

QList<ServerRequestRecord> LocalBemServer::requestsFor(const QString &callId) const
{
    QList<ServerRequestRecord> out;
    for (const ServerRequestRecord &r : d->requests) {
        if (r.callId == callId)
            out << r;
    }
    return out;
}

void LocalBemServer::Impl::handleRequest(const QHttpServerRequest &request,
                                         QHttpServerResponder &&responder)
{
    // FullyEncoded keeps %2F, %20 and UTF-8 escapes as sent. QUrl does normalise a little
    // (upper-case hex, unreserved characters decoded), which no client of ours relies on.
    const QUrl url = request.url();
    ServerRequestRecord record;
    record.method = methodName(request.method());
    record.rawPath = url.path(QUrl::FullyEncoded).toUtf8();
    record.query = url.query(QUrl::FullyEncoded).toUtf8();
    if (record.rawPath.startsWith(CallsPrefix)) {
        const QByteArray segment = record.rawPath.mid(CallsPrefix.size());
        if (!segment.isEmpty() && !segment.contains('/'))
            record.callId = QUrl::fromPercentEncoding(segment);
    }
    record.apiKey = request.value(QByteArrayLiteral("x-api-key"));
    record.userAgent = request.value(QByteArrayLiteral("user-agent"));
    record.accept = request.value(QByteArrayLiteral("accept"));
    record.receivedAtMs = QDateTime::currentMSecsSinceEpoch();

    // Recorded before any check: tests assert on what arrived, including rejected keys.
    requests.append(record);
    QPointer<LocalBemServer> self(q);
    Q_EMIT q->requestReceived(record);
    if (!self)
        return;

    const ServerReply reply = replyFor(record, request.method() == QHttpServerRequest::Method::Get);
    if (reply.truncate) {
        sendTruncated(responder.socket(), reply);
        return;
    }
    if (reply.delayMs <= 0) {
        sendReply(std::move(responder), reply);
        return;
    }

    // The client may hang up or this server may be destroyed before the timer fires.
    auto late = std::make_shared<QHttpServerResponder>(std::move(responder));
    QPointer<QTcpSocket> socket = late->socket();
    auto *timer = new QTimer(q);
    timer->setSingleShot(true);
    QObject::connect(timer, &QTimer::timeout, q, [this, timer, late, socket, reply] {
        pendingTimers.removeAll(timer);
        timer->deleteLater();
        if (!socket || socket->state() != QAbstractSocket::ConnectedState)
            return;
        sendReply(std::move(*late), reply);
    });
    pendingTimers.append(timer);
    timer->start(reply.delayMs);
}

ServerReply LocalBemServer::Impl::replyFor(const ServerRequestRecord &record, bool isGet)
{
    if (record.apiKey.isEmpty() || record.apiKey != apiKey) {
        return ServerReply::error(
            401, record.apiKey.isEmpty() ? QStringLiteral("Missing API key: send it in x-api-key.")
                                         : QStringLiteral("Invalid API key."));
    }
    if (!isGet) {
        ServerReply r =
            ServerReply::error(405,
                               QStringLiteral("Method %1 is not allowed on this path.")
                                   .arg(QString::fromLatin1(record.method)),
                               {{QStringLiteral("allowed"), QJsonArray{QStringLiteral("GET")}}});
        r.headers.append({QByteArrayLiteral("Allow"), QByteArrayLiteral("GET")});
        return r;
    }
    if (record.rawPath == CallsPath)
        return listCalls(record.query);
    if (!record.callId.isEmpty())
        return getCall(record.callId);
    return ServerReply::error(404, QStringLiteral("No such endpoint."),
                              {{QStringLiteral("path"), QString::fromUtf8(record.rawPath)}});
}

ServerReply LocalBemServer::Impl::getCall(const QString &id)
{
    const int previous = getCounts.value(id);
    getCounts.insert(id, previous + 1);

    const auto it = canned.constFind(id);
    if (it != canned.constEnd()) {
        const CannedResponse &c = it->at(std::min<qsizetype>(previous, it->size() - 1));
        ServerReply r;
        r.status = c.status;
        r.contentType = c.contentType;
        r.body = c.body;
        r.headers = c.headers;
        r.delayMs = c.delayMs;
        return r;
    }

    const bool failing = previous < failuresBeforeRecovery;
    if (id == DemoCalls::progressing())
        return ServerReply::json(DemoScenarios::progressingStage(previous));
    if (id == DemoCalls::failed())
        return ServerReply::json(DemoScenarios::failedCall());
    if (id == DemoCalls::singleFunction())
        return ServerReply::json(DemoScenarios::singleFunctionCall());
    if (id == DemoCalls::batch())
        return ServerReply::json(DemoScenarios::batchCall());
    if (id == DemoCalls::rateLimited()) {
        if (!failing)
            return ServerReply::json(batchBodyFor(id));
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
            return ServerReply::json(batchBodyFor(id));
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
        ServerReply r = ServerReply::json(batchBodyFor(id));
        r.delayMs = std::max(1, slowDelayMs);
        return r;
    }
    if (id == DemoCalls::truncated()) {
        ServerReply r = ServerReply::json(batchBodyFor(id));
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
    if (id == DemoCalls::redirectSameOrigin()) {
        QUrl target = q->baseUrl();
        target.setPath(QString::fromLatin1(CallsPrefix) + DemoCalls::batch());
        return ServerReply::redirect(target.toEncoded());
    }
    if (id == DemoCalls::redirectAway() && redirectTarget.isValid() && !redirectTarget.isEmpty()) {
        QUrl target = redirectTarget;
        QString path = target.path();
        while (path.endsWith(u'/'))
            path.chop(1);
        target.setPath(path + QString::fromLatin1(CallsPrefix) + DemoCalls::batch());
        return ServerReply::redirect(target.toEncoded());
    }
    return ServerReply::error(
        404, QStringLiteral("No call with ID '%1' exists in this environment.").arg(id),
        {{QStringLiteral("callID"), id}});
}

ServerReply LocalBemServer::Impl::listCalls(const QByteArray &rawQuery)
{
    // The progressing call is listed as the last GET left it.
    const int stage = std::max(0, getCounts.value(DemoCalls::progressing()) - 1);
    return bem::listCalls(rawQuery, {callObject(DemoScenarios::progressingStage(stage)),
                                     callObject(DemoScenarios::failedCall()),
                                     callObject(DemoScenarios::singleFunctionCall()),
                                     callObject(DemoScenarios::batchCall())});
}

} // namespace bem
