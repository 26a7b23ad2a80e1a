// SPDX-License-Identifier: MIT
#pragma once

// What the tests of the local server's v3 endpoints share: answers over real sockets, the
// bem error shape, and a trace's coherence (links between function calls and events).
#include "demoscenarios.h"
#include "localbemserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace bem::test {

struct Answer
{
    bool finished = false;
    int status = 0;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // lower-case names

    QByteArray header(const char *name) const { return headers.value(QByteArray(name).toLower()); }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QJsonObject call() const { return json().value(QLatin1String("call")).toObject(); }
    QJsonObject trace() const { return json().value(QLatin1String("trace")).toObject(); }
};

inline QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

inline QJsonArray arr(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toArray();
}

// The bem error shape: {"message": string, "code": status, "details": object}.
inline QString errorBodyProblem(const Answer &a)
{
    if (!a.header("content-type").startsWith("application/json"))
        return QStringLiteral("content type is ") + QString::fromLatin1(a.header("content-type"));
    const QJsonObject o = a.json();
    if (str(o, "message").isEmpty())
        return QStringLiteral("no message in ") + QString::fromUtf8(a.body);
    if (o.value(QLatin1String("code")).toInt() != a.status)
        return QStringLiteral("code differs from the status in ") + QString::fromUtf8(a.body);
    if (!o.value(QLatin1String("details")).isObject())
        return QStringLiteral("details is not an object in ") + QString::fromUtf8(a.body);
    return {};
}

inline QStringList idsOf(const QJsonArray &items, const char *key)
{
    QStringList out;
    for (const QJsonValue &v : items)
        out << str(v.toObject(), key);
    return out;
}

// Everything wrong with a trace: function calls without startedAt, terminal ones without
// finishedAt, links to events or function calls that are not there, duplicate IDs.
inline QStringList traceProblems(const QJsonObject &trace)
{
    QStringList problems;
    QSet<QString> fcIds;
    QSet<QString> eventIds;
    QHash<QString, QJsonObject> eventById;
    const QJsonArray fcs = arr(trace, "functionCalls");
    const QJsonArray events = arr(trace, "events");
    for (const QJsonValue &v : fcs) {
        const QString id = str(v.toObject(), "functionCallID");
        if (fcIds.contains(id))
            problems << QStringLiteral("duplicate function call ") + id;
        fcIds.insert(id);
    }
    for (const QJsonValue &v : events) {
        const QJsonObject e = v.toObject();
        const QString id = str(e, "eventID");
        if (id.isEmpty() || eventIds.contains(id))
            problems << QStringLiteral("missing or duplicate event ID ") + id;
        eventIds.insert(id);
        eventById.insert(id, e);
        if (!fcIds.contains(str(e, "functionCallID")))
            problems << id + QStringLiteral(": emitted by an unknown function call");
        if (str(e, "eventType").isEmpty() || str(e, "createdAt").isEmpty())
            problems << id + QStringLiteral(": no eventType or createdAt");
        if (str(e, "eventType") == QLatin1String("error") && str(e, "message").isEmpty())
            problems << id + QStringLiteral(": an error without a message");
        if (e.value(QLatin1String("functionCallTryNumber")).toInt() < 1)
            problems << id + QStringLiteral(": no try number");
    }
    for (const QJsonValue &v : fcs) {
        const QJsonObject fc = v.toObject();
        const QString id = str(fc, "functionCallID");
        const QString status = str(fc, "status");
        const bool terminal =
            status == QLatin1String("completed") || status == QLatin1String("failed");
        if (str(fc, "startedAt").isEmpty())
            problems << id + QStringLiteral(": no startedAt");
        if (terminal == str(fc, "finishedAt").isEmpty())
            problems << id + QStringLiteral(": finishedAt does not match status ") + status;
        if (str(fc, "workflowNodeName").isEmpty())
            problems << id + QStringLiteral(": no workflowNodeName");
        if (!fc.contains(QLatin1String("sourceEventID")))
            problems << id + QStringLiteral(": no sourceEventID (null for a root)");
        const QString source = str(fc, "sourceEventID");
        if (!source.isEmpty()) {
            if (!eventIds.contains(source))
                problems << id + QStringLiteral(": spawned by an unknown event");
            else if (str(eventById.value(source), "functionCallID") !=
                     str(fc, "sourceFunctionCallID"))
                problems << id + QStringLiteral(": its event and its source function call differ");
            else if (str(eventById.value(source), "eventType") == QLatin1String("route") &&
                     str(eventById.value(source), "choice") != str(fc, "incomingDestinationName"))
                problems << id + QStringLiteral(": the route's choice is not its incoming edge");
        }
        if (!str(fc, "sourceFunctionCallID").isEmpty() &&
            !fcIds.contains(str(fc, "sourceFunctionCallID")))
            problems << id + QStringLiteral(": unknown source function call");
    }
    return problems;
}

// A local server on a fresh port and a network access manager, with URL builders and a
// fetch that waits for the whole answer. Test classes call start() in init() and stop() in
// cleanup().
class V3ServerFixture : public QObject
{
protected:
    void start()
    {
        m_server = std::make_unique<LocalBemServer>();
        QVERIFY(m_server->listen());
        m_nam = std::make_unique<QNetworkAccessManager>();
    }
    void stop()
    {
        m_nam.reset();
        m_server.reset();
    }
    int requestCount(const QString &id, ServerEndpoint endpoint) const
    {
        return int(m_server->requestsFor(id, endpoint).size());
    }

    std::unique_ptr<LocalBemServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_nam;

    QUrl urlFor(const QString &encodedPath, const QString &query = {}) const
    {
        QUrl url = m_server->baseUrl();
        url.setPath(encodedPath, QUrl::TolerantMode);
        if (!query.isEmpty())
            url.setQuery(query, QUrl::TolerantMode);
        return url;
    }
    static QString enc(const QString &id)
    {
        return QString::fromLatin1(QUrl::toPercentEncoding(id));
    }
    QUrl callUrl(const QString &id) const { return urlFor(QStringLiteral("/v3/calls/") + enc(id)); }
    QUrl traceUrl(const QString &id) const
    {
        return urlFor(QStringLiteral("/v3/calls/") + enc(id) + QStringLiteral("/trace"));
    }
    QUrl v2Url(const QString &id) const { return urlFor(QStringLiteral("/v2/calls/") + enc(id)); }

    Answer fetch(const QUrl &url, const QByteArray &key = LocalBemServer::demoApiKey(),
                 QNetworkRequest::RedirectPolicy policy = QNetworkRequest::ManualRedirectPolicy)
    {
        QNetworkRequest request(url);
        if (!key.isNull())
            request.setRawHeader("x-api-key", key);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, policy);
        QNetworkReply *reply = m_nam->get(request);
        Answer a;
        QSignalSpy finished(reply, &QNetworkReply::finished);
        a.finished = reply->isFinished() || finished.wait(10000);
        a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        a.body = reply->readAll();
        const auto pairs = reply->rawHeaderPairs();
        for (const auto &[name, value] : pairs)
            a.headers.insert(name.toLower(), value);
        reply->deleteLater();
        return a;
    }
    Answer list(const char *endpoint, const QString &query = {})
    {
        return fetch(urlFor(QLatin1String(endpoint), query));
    }

    // Every page of `endpoint` (outputs or errors) for `query`, following startingAfter
    // (or endingBefore from the end when `backwards`), checking totalCount on each page.
    QList<QJsonObject> pageThrough(const char *endpoint, const char *key, const QString &query,
                                   int limit, bool backwards, int expectedTotal,
                                   const QString &startCursor = {})
    {
        QList<QJsonObject> out;
        QString cursor = startCursor;
        for (int guard = 0; guard < 100; ++guard) {
            QString q = query + QStringLiteral("&limit=%1").arg(limit);
            if (!cursor.isEmpty())
                q += (backwards ? QStringLiteral("&endingBefore=")
                                : QStringLiteral("&startingAfter=")) +
                     enc(cursor);
            const Answer a = list(endpoint, q);
            if (a.status != 200 ||
                a.json().value(QLatin1String("totalCount")).toInt() != expectedTotal) {
                qWarning("page: %d %s", a.status, a.body.left(200).constData());
                return {};
            }
            const QJsonArray page = arr(a.json(), key);
            if (page.isEmpty())
                return out;
            if (page.size() > limit)
                return {};
            QList<QJsonObject> items;
            for (const QJsonValue &v : page)
                items << v.toObject();
            if (backwards)
                out = items + out;
            else
                out += items;
            cursor = str(backwards ? items.constFirst() : items.constLast(), "eventID");
        }
        return {};
    }
};

} // namespace bem::test
