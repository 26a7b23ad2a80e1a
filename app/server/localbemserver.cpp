// SPDX-License-Identifier: MIT
#include "localbemserver.h"

#include "demoscenarios.h"

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

using StatusCode = QHttpServerResponder::StatusCode;

const QByteArray CallsPath = QByteArrayLiteral("/v2/calls");
const QByteArray CallsPrefix = QByteArrayLiteral("/v2/calls/");
const QByteArray JsonType = QByteArrayLiteral("application/json");

// What to send back for one request.
struct Reply
{
    int status = 200;
    QByteArray contentType = JsonType;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    int delayMs = 0;
    // Announce the whole body but send only part of it, then hang up.
    bool truncate = false;
};

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// bem's error shape; built as JSON (never by pasting strings) because the message and
// details carry client-chosen text such as the callID.
Reply errorReply(int status, const QString &message, const QJsonObject &details = {})
{
    Reply r;
    r.status = status;
    r.body = compact(QJsonObject{{QStringLiteral("message"), message},
                                 {QStringLiteral("code"), status},
                                 {QStringLiteral("details"), details}});
    return r;
}

Reply jsonReply(const QByteArray &body)
{
    Reply r;
    r.body = body;
    return r;
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
    return compact(root);
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

void send(QHttpServerResponder &&responder, const Reply &reply)
{
    QHttpServerResponse response(reply.contentType, reply.body, StatusCode(reply.status));
    for (const auto &[name, value] : reply.headers)
        response.addHeader(name, value);
    response.write(std::move(responder));
}

// Bypasses QHttpServer to put a short body on the wire. QHttpServerResponder's destructor
// writes nothing in Qt 6.4, so the server adds no response of its own afterwards.
void sendTruncated(QTcpSocket *socket, const Reply &reply)
{
    if (!socket)
        return;
    QByteArray head = QByteArrayLiteral("HTTP/1.1 ") + QByteArray::number(reply.status) +
                      QByteArrayLiteral(" OK\r\nContent-Type: ") + reply.contentType +
                      QByteArrayLiteral("\r\nContent-Length: ") +
                      QByteArray::number(reply.body.size()) + QByteArrayLiteral("\r\n");
    for (const auto &[name, value] : reply.headers)
        head += name + QByteArrayLiteral(": ") + value + QByteArrayLiteral("\r\n");
    head += QByteArrayLiteral("\r\n");
    socket->write(head + reply.body.left(reply.body.size() / 2));
    // Closes once the bytes above are written; the client sees the peer hang up mid-body.
    socket->disconnectFromHost();
}

} // namespace

struct LocalBemServer::Impl
{
    explicit Impl(LocalBemServer *owner)
        : q(owner)
    {}

    void handleRequest(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    Reply replyFor(const ServerRequestRecord &record, bool isGet);
    Reply getCall(const QString &id);
    Reply listCalls(const QByteArray &rawQuery);
    Reply redirectTo(const QUrl &target);

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

    const Reply reply = replyFor(record, request.method() == QHttpServerRequest::Method::Get);
    if (reply.truncate) {
        sendTruncated(responder.socket(), reply);
        return;
    }
    if (reply.delayMs <= 0) {
        send(std::move(responder), reply);
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
        send(std::move(*late), reply);
    });
    pendingTimers.append(timer);
    timer->start(reply.delayMs);
}

Reply LocalBemServer::Impl::replyFor(const ServerRequestRecord &record, bool isGet)
{
    if (record.apiKey.isEmpty() || record.apiKey != apiKey) {
        return errorReply(401, record.apiKey.isEmpty()
                                   ? QStringLiteral("Missing API key: send it in x-api-key.")
                                   : QStringLiteral("Invalid API key."));
    }
    if (!isGet) {
        Reply r = errorReply(405,
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
    return errorReply(404, QStringLiteral("No such endpoint."),
                      {{QStringLiteral("path"), QString::fromUtf8(record.rawPath)}});
}

Reply LocalBemServer::Impl::getCall(const QString &id)
{
    const int previous = getCounts.value(id);
    getCounts.insert(id, previous + 1);

    const auto it = canned.constFind(id);
    if (it != canned.constEnd()) {
        const CannedResponse &c = it->at(std::min<qsizetype>(previous, it->size() - 1));
        Reply r;
        r.status = c.status;
        r.contentType = c.contentType;
        r.body = c.body;
        r.headers = c.headers;
        r.delayMs = c.delayMs;
        return r;
    }

    const bool failing = previous < failuresBeforeRecovery;
    if (id == DemoCalls::progressing())
        return jsonReply(DemoScenarios::progressingStage(previous));
    if (id == DemoCalls::failed())
        return jsonReply(DemoScenarios::failedCall());
    if (id == DemoCalls::singleFunction())
        return jsonReply(DemoScenarios::singleFunctionCall());
    if (id == DemoCalls::batch())
        return jsonReply(DemoScenarios::batchCall());
    if (id == DemoCalls::rateLimited()) {
        if (!failing)
            return jsonReply(batchBodyFor(id));
        Reply r = errorReply(
            429,
            QStringLiteral("Rate limit exceeded for this API key. Retry after %1 seconds.")
                .arg(retryAfterSeconds),
            {{QStringLiteral("retryAfterSeconds"), retryAfterSeconds}});
        r.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(retryAfterSeconds)});
        return r;
    }
    if (id == DemoCalls::flaky()) {
        if (!failing)
            return jsonReply(batchBodyFor(id));
        return errorReply(
            500, QStringLiteral("Internal server error. Please retry the request."),
            {{QStringLiteral("requestID"), QStringLiteral("req_demo_flaky_%1").arg(previous + 1)}});
    }
    if (id == DemoCalls::badGateway()) {
        Reply r;
        r.status = 502;
        r.contentType = QByteArrayLiteral("text/html");
        r.body = badGatewayPage();
        return r;
    }
    if (id == DemoCalls::forbidden())
        return errorReply(403, QStringLiteral("This API key may not read call '%1'.").arg(id),
                          {{QStringLiteral("callID"), id}});
    if (id == DemoCalls::slow()) {
        Reply r = jsonReply(batchBodyFor(id));
        r.delayMs = std::max(1, slowDelayMs);
        return r;
    }
    if (id == DemoCalls::truncated()) {
        Reply r = jsonReply(batchBodyFor(id));
        r.truncate = true;
        return r;
    }
    if (id == DemoCalls::invalidJson()) {
        // Complete, but JSON has no single-quoted strings: clearly invalid, not cut off.
        return jsonReply(QByteArrayLiteral(
            "{\"call\": {\"callID\": 'demo_invalid_json', \"status\": 'running'}}"));
    }
    if (id == DemoCalls::errorOnly()) {
        return jsonReply(compact(QJsonObject{
            {QStringLiteral("error"),
             QStringLiteral("The workflow engine is unavailable; try again shortly.")}}));
    }
    if (id == DemoCalls::redirectSameOrigin()) {
        QUrl target = q->baseUrl();
        target.setPath(QString::fromLatin1(CallsPrefix) + DemoCalls::batch());
        return redirectTo(target);
    }
    if (id == DemoCalls::redirectAway() && redirectTarget.isValid() && !redirectTarget.isEmpty()) {
        QUrl target = redirectTarget;
        QString path = target.path();
        while (path.endsWith(u'/'))
            path.chop(1);
        target.setPath(path + QString::fromLatin1(CallsPrefix) + DemoCalls::batch());
        return redirectTo(target);
    }
    return errorReply(404,
                      QStringLiteral("No call with ID '%1' exists in this environment.").arg(id),
                      {{QStringLiteral("callID"), id}});
}

Reply LocalBemServer::Impl::redirectTo(const QUrl &target)
{
    Reply r;
    r.status = 302;
    r.contentType.clear();
    r.headers.append({QByteArrayLiteral("Location"), target.toEncoded()});
    return r;
}

Reply LocalBemServer::Impl::listCalls(const QByteArray &rawQuery)
{
    const QUrlQuery query(QString::fromUtf8(rawQuery));
    auto values = [&query](const QString &key) {
        return query.allQueryItemValues(key, QUrl::FullyDecoded);
    };
    auto badParameter = [](const QString &name, const QString &value, const QString &why) {
        return errorReply(400, QStringLiteral("Invalid %1: %2").arg(name, why),
                          {{QStringLiteral("parameter"), name}, {QStringLiteral("value"), value}});
    };

    int limit = 50;
    if (query.hasQueryItem(QStringLiteral("limit"))) {
        const QString text = values(QStringLiteral("limit")).constFirst();
        bool ok = false;
        limit = text.toInt(&ok);
        if (!ok || limit < 1 || limit > 100)
            return badParameter(QStringLiteral("limit"), text,
                                QStringLiteral("must be a whole number from 1 to 100."));
    }
    bool descending = false;
    if (query.hasQueryItem(QStringLiteral("sortOrder"))) {
        const QString order = values(QStringLiteral("sortOrder")).constFirst();
        if (order != QLatin1String("asc") && order != QLatin1String("desc"))
            return badParameter(QStringLiteral("sortOrder"), order,
                                QStringLiteral("must be \"asc\" or \"desc\"."));
        descending = order == QLatin1String("desc");
    }

    // The progressing call is listed as the last GET left it.
    const int stage = std::max(0, getCounts.value(DemoCalls::progressing()) - 1);
    QList<QJsonObject> all = {
        callObject(DemoScenarios::progressingStage(stage)), callObject(DemoScenarios::failedCall()),
        callObject(DemoScenarios::singleFunctionCall()), callObject(DemoScenarios::batchCall())};
    // RFC 3339 times in one format and zone sort as text; callID breaks ties.
    std::sort(all.begin(), all.end(), [](const QJsonObject &a, const QJsonObject &b) {
        const QString ta = a.value(QLatin1String("createdAt")).toString();
        const QString tb = b.value(QLatin1String("createdAt")).toString();
        if (ta != tb)
            return ta < tb;
        return a.value(QLatin1String("callID")).toString() <
               b.value(QLatin1String("callID")).toString();
    });
    if (descending)
        std::reverse(all.begin(), all.end());

    // Array filters: a call matches when its field equals any of the repeated values.
    const QList<QPair<QString, QLatin1String>> filters = {
        {QStringLiteral("callIDs"), QLatin1String("callID")},
        {QStringLiteral("referenceIDs"), QLatin1String("callReferenceID")},
        {QStringLiteral("callTypes"), QLatin1String("callType")},
        {QStringLiteral("workflowIDs"), QLatin1String("workflowID")},
        {QStringLiteral("workflowNames"), QLatin1String("workflowName")},
        {QStringLiteral("functionIDs"), QLatin1String("functionID")},
        {QStringLiteral("functionNames"), QLatin1String("functionName")},
    };
    const QString substring =
        query.queryItemValue(QStringLiteral("referenceIDSubstring"), QUrl::FullyDecoded);
    auto matches = [&](const QJsonObject &call) {
        for (const auto &[param, field] : filters) {
            const QStringList wanted = values(param);
            if (!wanted.isEmpty() && !wanted.contains(call.value(field).toString()))
                return false;
        }
        return substring.isEmpty() || call.value(QLatin1String("callReferenceID"))
                                          .toString()
                                          .contains(substring, Qt::CaseInsensitive);
    };

    // Cursors name a callID of the unfiltered order, Stripe-style.
    qsizetype begin = 0;
    qsizetype end = all.size();
    auto indexOf = [&all](const QString &callId) -> qsizetype {
        for (qsizetype i = 0; i < all.size(); ++i) {
            if (all.at(i).value(QLatin1String("callID")).toString() == callId)
                return i;
        }
        return -1;
    };
    const QString after = query.queryItemValue(QStringLiteral("startingAfter"), QUrl::FullyDecoded);
    if (!after.isEmpty()) {
        const qsizetype i = indexOf(after);
        if (i < 0)
            return badParameter(QStringLiteral("startingAfter"), after,
                                QStringLiteral("no call with this ID."));
        begin = i + 1;
    }
    const QString before = query.queryItemValue(QStringLiteral("endingBefore"), QUrl::FullyDecoded);
    if (!before.isEmpty()) {
        const qsizetype i = indexOf(before);
        if (i < 0)
            return badParameter(QStringLiteral("endingBefore"), before,
                                QStringLiteral("no call with this ID."));
        end = i;
    }

    // totalCount counts every call the filters match, ignoring cursors and limit.
    int totalCount = 0;
    QJsonArray page;
    for (qsizetype i = 0; i < all.size(); ++i) {
        if (!matches(all.at(i)))
            continue;
        ++totalCount;
        if (i >= begin && i < end && page.size() < limit)
            page.append(all.at(i));
    }
    // With only endingBefore, the page is the one just before the cursor.
    if (!before.isEmpty() && after.isEmpty()) {
        QJsonArray window;
        QList<QJsonObject> candidates;
        for (qsizetype i = begin; i < end; ++i) {
            if (matches(all.at(i)))
                candidates << all.at(i);
        }
        for (qsizetype i = std::max<qsizetype>(0, candidates.size() - limit); i < candidates.size();
             ++i)
            window.append(candidates.at(i));
        page = window;
    }
    return jsonReply(compact(
        QJsonObject{{QStringLiteral("calls"), page}, {QStringLiteral("totalCount"), totalCount}}));
}

} // namespace bem
