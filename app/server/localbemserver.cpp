// SPDX-License-Identifier: MIT
#include "localbemserver.h"

#include "localbemserverimpl.h"

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

QString endpointName(ServerEndpoint endpoint)
{
    switch (endpoint) {
    case ServerEndpoint::V2Call:
        return QStringLiteral("v2/call");
    case ServerEndpoint::V2Calls:
        return QStringLiteral("v2/calls");
    case ServerEndpoint::V3Call:
        return QStringLiteral("v3/call");
    case ServerEndpoint::V3Trace:
        return QStringLiteral("v3/trace");
    case ServerEndpoint::V3Calls:
        return QStringLiteral("v3/calls");
    case ServerEndpoint::V3Outputs:
        return QStringLiteral("v3/outputs");
    case ServerEndpoint::V3Errors:
        return QStringLiteral("v3/errors");
    case ServerEndpoint::V3Output:
        return QStringLiteral("v3/output");
    case ServerEndpoint::V3Error:
        return QStringLiteral("v3/error");
    case ServerEndpoint::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

namespace {

// Cuts a path as sent into its endpoint and its decoded callID or eventID. A segment is
// taken from the still-encoded path, so "a%2Fb" is one segment.
void classify(ServerRequestRecord &record)
{
    const QList<QByteArray> parts = record.rawPath.split('/');
    // "/v3/calls/x/trace" splits into "", "v3", "calls", "x", "trace".
    if (parts.size() < 3 || !parts.at(0).isEmpty())
        return;
    const QByteArray &version = parts.at(1);
    const QByteArray &collection = parts.at(2);
    const qsizetype n = parts.size();
    auto segment = [&parts](qsizetype i) { return QUrl::fromPercentEncoding(parts.at(i)); };
    if (collection == "calls" && (version == "v2" || version == "v3")) {
        const bool v3 = version == "v3";
        if (n == 3)
            record.endpoint = v3 ? ServerEndpoint::V3Calls : ServerEndpoint::V2Calls;
        else if (n == 4 && !parts.at(3).isEmpty())
            record.endpoint = v3 ? ServerEndpoint::V3Call : ServerEndpoint::V2Call;
        else if (v3 && n == 5 && !parts.at(3).isEmpty() && parts.at(4) == "trace")
            record.endpoint = ServerEndpoint::V3Trace;
        if (n >= 4 && record.endpoint != ServerEndpoint::Unknown)
            record.callId = segment(3);
        return;
    }
    if (version != "v3" || (collection != "outputs" && collection != "errors"))
        return;
    const bool outputs = collection == "outputs";
    if (n == 3) {
        record.endpoint = outputs ? ServerEndpoint::V3Outputs : ServerEndpoint::V3Errors;
    } else if (n == 4 && !parts.at(3).isEmpty()) {
        record.endpoint = outputs ? ServerEndpoint::V3Output : ServerEndpoint::V3Error;
        record.eventId = segment(3);
    }
}

QString cannedKey(ServerEndpoint endpoint, const QString &callId)
{
    return endpointName(endpoint) + u'\n' + callId;
}

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

} // namespace

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

void LocalBemServer::setResponseDelayMs(int ms)
{
    d->responseDelayMs = std::max(0, ms);
}

int LocalBemServer::inFlight() const
{
    return d->inFlight;
}

int LocalBemServer::maxInFlight() const
{
    return d->maxInFlight;
}

void LocalBemServer::resetMaxInFlight()
{
    d->maxInFlight = d->inFlight;
}

QList<ServerRequestRecord> LocalBemServer::canceledRequests() const
{
    return d->canceled;
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
    const QString key = cannedKey(ServerEndpoint::V2Call, callId);
    if (responses.isEmpty())
        d->canned.remove(key);
    else
        d->canned.insert(key, responses);
    d->cannedCounts.remove(key);
    d->getCounts.remove(callId);
}

void LocalBemServer::setV3Responses(const QString &callId, ServerEndpoint endpoint,
                                    const QList<CannedResponse> &responses)
{
    if (endpoint != ServerEndpoint::V3Call && endpoint != ServerEndpoint::V3Trace)
        return;
    const QString key = cannedKey(endpoint, callId);
    if (responses.isEmpty())
        d->canned.remove(key);
    else
        d->canned.insert(key, responses);
    d->cannedCounts.remove(key);
}

void LocalBemServer::setListedCallCount(int count)
{
    d->listedCallCount = std::max(0, count);
}

void LocalBemServer::setListResponses(ServerEndpoint endpoint,
                                      const QList<CannedResponse> &responses)
{
    d->listCanned.insert(int(endpoint), responses);
}

void LocalBemServer::resetScenarios()
{
    d->listTick = 0;
    d->getCounts.clear();
    d->cannedCounts.clear();
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

QList<ServerRequestRecord> LocalBemServer::requestsFor(const QString &callId,
                                                       ServerEndpoint endpoint) const
{
    QList<ServerRequestRecord> out;
    for (const ServerRequestRecord &r : d->requests) {
        if (r.callId == callId && r.endpoint == endpoint)
            out << r;
    }
    return out;
}

QList<ServerRequestRecord> LocalBemServer::requestsTo(ServerEndpoint endpoint) const
{
    QList<ServerRequestRecord> out;
    for (const ServerRequestRecord &r : d->requests) {
        if (r.endpoint == endpoint)
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
    classify(record);
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
    const int delayMs = reply.delayMs + responseDelayMs;
    if (delayMs <= 0) {
        maxInFlight = std::max(maxInFlight, inFlight + 1);
        sendReply(std::move(responder), reply);
        return;
    }

    // The client may hang up or this server may be destroyed before the timer fires.
    ++inFlight;
    maxInFlight = std::max(maxInFlight, inFlight);
    auto late = std::make_shared<QHttpServerResponder>(std::move(responder));
    QPointer<QTcpSocket> socket = late->socket();
    auto *timer = new QTimer(q);
    timer->setSingleShot(true);
    // Ends the wait once: answered, or dropped because the client went away.
    const auto settle = [this, timer, record](bool hungUp) {
        pendingTimers.removeAll(timer);
        timer->deleteLater();
        --inFlight;
        if (hungUp)
            canceled.append(record);
    };
    if (socket) {
        // A client that cancels closes its connection: seen here before the answer is due.
        QObject::connect(socket, &QAbstractSocket::disconnected, timer, [timer, settle] {
            if (!timer->isActive())
                return;
            timer->stop();
            settle(true);
        });
    }
    QObject::connect(timer, &QTimer::timeout, q, [timer, late, socket, reply, settle] {
        if (!socket || socket->state() != QAbstractSocket::ConnectedState) {
            settle(true);
            return;
        }
        settle(false);
        sendReply(std::move(*late), reply);
    });
    pendingTimers.append(timer);
    timer->start(delayMs);
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
    switch (record.endpoint) {
    case ServerEndpoint::V2Call:
    case ServerEndpoint::V3Call:
    case ServerEndpoint::V3Trace:
        return getCall(record.endpoint, record.callId);
    case ServerEndpoint::V2Calls:
        return listCalls(record.query);
    case ServerEndpoint::V3Calls:
        return listV3Calls(record.query);
    case ServerEndpoint::V3Outputs:
    case ServerEndpoint::V3Errors:
        return listEvents(record.endpoint, record.query);
    case ServerEndpoint::V3Output:
    case ServerEndpoint::V3Error:
        return oneEvent(record.endpoint, record.eventId);
    case ServerEndpoint::Unknown:
        break;
    }
    return ServerReply::error(404, QStringLiteral("No such endpoint."),
                              {{QStringLiteral("path"), QString::fromUtf8(record.rawPath)}});
}

} // namespace bem
