// SPDX-License-Identifier: MIT
// The local server's v3 endpoints, over real sockets: the call, its trace, the lists of
// calls, outputs and errors, one event, and the v3 scenarios.
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

using namespace bem;

namespace {

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

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QJsonArray arr(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toArray();
}

// The bem error shape: {"message": string, "code": status, "details": object}.
QString errorBodyProblem(const Answer &a)
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

QStringList idsOf(const QJsonArray &items, const char *key)
{
    QStringList out;
    for (const QJsonValue &v : items)
        out << str(v.toObject(), key);
    return out;
}

// Everything wrong with a trace: function calls without startedAt, terminal ones without
// finishedAt, links to events or function calls that are not there, duplicate IDs.
QStringList traceProblems(const QJsonObject &trace)
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

} // namespace

class TestLocalBemServerV3 : public QObject
{
    Q_OBJECT

private:
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

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<LocalBemServer>();
        QVERIFY(m_server->listen());
        m_nam = std::make_unique<QNetworkAccessManager>();
    }

    void cleanup()
    {
        m_nam.reset();
        m_server.reset();
    }

    void call_hasTheV3Shape_andIsRecorded()
    {
        const Answer a = fetch(callUrl(DemoCalls::batch()));
        QCOMPARE(a.status, 200);
        QVERIFY(a.header("content-type").startsWith("application/json"));
        const QJsonObject call = a.call();
        QCOMPARE(str(call, "callID"), DemoCalls::batch());
        QCOMPARE(str(call, "status"), QStringLiteral("completed"));
        QCOMPARE(str(call, "workflowName"), QStringLiteral("purchase-order-matching"));
        QVERIFY(call.value(QLatin1String("input")).isObject());
        for (const char *absent : {"callType", "functionCalls", "functionName", "functionType"})
            QVERIFY2(!call.contains(QLatin1String(absent)), absent);
        QCOMPARE(str(call, "url"), QStringLiteral("/v3/calls/wf_demo_batch"));
        QCOMPARE(str(call, "traceUrl"), QStringLiteral("/v3/calls/wf_demo_batch/trace"));
        // Four purchase orders and the ERP match are its outputs; nothing failed.
        QCOMPARE(arr(call, "outputs").size(), 5);
        QVERIFY(call.value(QLatin1String("errors")).isArray());
        QCOMPARE(arr(call, "errors").size(), 0);

        const ServerRequestRecord r = m_server->requests().constLast();
        QCOMPARE(r.endpoint, ServerEndpoint::V3Call);
        QCOMPARE(r.callId, DemoCalls::batch());
        QCOMPARE(endpointName(r.endpoint), QStringLiteral("v3/call"));
    }

    void trace_isCoherent_forEveryV3Call_data()
    {
        QTest::addColumn<QString>("callId");
        for (const QString &id :
             {DemoCalls::batch(), DemoCalls::failed(), DemoCalls::partlyFailed(),
              DemoCalls::manyOutputs(), DemoCalls::v3Only()})
            QTest::newRow(qPrintable(id)) << id;
    }

    void trace_isCoherent_forEveryV3Call()
    {
        QFETCH(QString, callId);
        const Answer call = fetch(callUrl(callId));
        QCOMPARE(call.status, 200);
        const Answer a = fetch(traceUrl(callId));
        QCOMPARE(a.status, 200);
        const QJsonObject trace = a.trace();
        QVERIFY(!arr(trace, "functionCalls").isEmpty());
        QVERIFY(!arr(trace, "events").isEmpty());
        const QStringList problems = traceProblems(trace);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));

        // The call's outputs and errors are the trace's terminal events, split by type.
        const QSet<QString> traceEvents = [&] {
            const QStringList ids = idsOf(arr(trace, "events"), "eventID");
            return QSet<QString>(ids.begin(), ids.end());
        }();
        for (const QJsonValue &v : arr(call.call(), "outputs")) {
            QVERIFY(traceEvents.contains(str(v.toObject(), "eventID")));
            QVERIFY(str(v.toObject(), "eventType") != QLatin1String("error"));
        }
        for (const QJsonValue &v : arr(call.call(), "errors")) {
            QVERIFY(traceEvents.contains(str(v.toObject(), "eventID")));
            QCOMPARE(str(v.toObject(), "eventType"), QStringLiteral("error"));
        }

        const ServerRequestRecord r = m_server->requests().constLast();
        QCOMPARE(r.endpoint, ServerEndpoint::V3Trace);
        QCOMPARE(r.callId, callId);
        QCOMPARE(m_server->requestsFor(callId).size(), 2);
        QCOMPARE(m_server->requestsFor(callId, ServerEndpoint::V3Trace).size(), 1);
        QCOMPARE(m_server->requestsFor(callId, ServerEndpoint::V3Call).size(), 1);
    }

    void trace_eventsOfEachKind()
    {
        const QJsonObject trace = fetch(traceUrl(DemoCalls::failed())).trace();
        QHash<QString, int> kinds;
        QHash<QString, QString> spawnedBy;
        for (const QJsonValue &v : arr(trace, "functionCalls"))
            spawnedBy.insert(str(v.toObject(), "functionCallID"),
                             str(v.toObject(), "sourceEventID"));
        bool lowConfidence = false;
        for (const QJsonValue &v : arr(trace, "events")) {
            const QJsonObject e = v.toObject();
            const QString type = str(e, "eventType");
            ++kinds[type];
            if (type == QLatin1String("route"))
                QVERIFY(!str(e, "choice").isEmpty());
            if (type == QLatin1String("split_collection")) {
                const QJsonObject pages = e.value(QLatin1String("printPageOutput")).toObject();
                QCOMPARE(arr(pages, "items").size(), 3);
                QCOMPARE(str(e, "outputType"), QStringLiteral("print_page"));
            }
            if (type == QLatin1String("split_item")) {
                // Each item spawned the function call of its section.
                QVERIFY(spawnedBy.values().contains(str(e, "eventID")));
                QVERIFY(e.contains(QLatin1String("itemOffset")));
            }
            if (type == QLatin1String("transform")) {
                const QJsonObject content = e.value(QLatin1String("transformedContent")).toObject();
                QVERIFY(content.value(QLatin1String("invoiceNumber")).isString());
                QVERIFY(!str(content.value(QLatin1String("vendor")).toObject(), "name").isEmpty());
                QVERIFY(
                    !str(content.value(QLatin1String("vendor")).toObject(), "address").isEmpty());
                QVERIFY(!arr(content, "lineItems").isEmpty());
                QVERIFY(content.value(QLatin1String("total")).isDouble());
                const QJsonObject conf = e.value(QLatin1String("fieldConfidences")).toObject();
                QVERIFY(conf.contains(QLatin1String("/vendor/name")));
                QVERIFY(conf.contains(QLatin1String("/lineItems/0/amount")));
                for (auto it = conf.begin(); it != conf.end(); ++it) {
                    QVERIFY(it.value().toDouble() >= 0 && it.value().toDouble() <= 1);
                    lowConfidence = lowConfidence || it.value().toDouble() < 0.8;
                }
                const double avg = e.value(QLatin1String("avgConfidence")).toDouble();
                QVERIFY(avg > 0 && avg <= 1);
                QVERIFY(e.value(QLatin1String("invalidProperties")).isArray());
                QVERIFY(e.contains(QLatin1String("publishedAt")) ||
                        e.contains(QLatin1String("lastPublishErrorAt")));
            }
        }
        QVERIFY(lowConfidence);
        QCOMPARE(kinds.value(QStringLiteral("route")), 1);
        QCOMPARE(kinds.value(QStringLiteral("split_collection")), 1);
        QCOMPARE(kinds.value(QStringLiteral("split_item")), 3);
        QCOMPARE(kinds.value(QStringLiteral("transform")), 1);
        QCOMPARE(kinds.value(QStringLiteral("error")), 1);
    }

    void progressing_traceGrowsWithTheCall_andATraceGetDoesNotAdvanceIt()
    {
        const int count = DemoScenarios::progressingStageCount();
        // Before any GET of the call, its trace is the queued call's: empty.
        const QJsonObject before = fetch(traceUrl(DemoCalls::progressing())).trace();
        QVERIFY(arr(before, "functionCalls").isEmpty());
        QVERIFY(arr(before, "events").isEmpty());

        QSet<QString> seenEvents;
        QSet<QString> seenOutputs;
        qsizetype previousFunctionCalls = 0;
        bool grewMidRun = false;
        for (int stage = 0; stage < count; ++stage) {
            const Answer call = fetch(callUrl(DemoCalls::progressing()));
            QCOMPARE(call.status, 200);
            const QString status = str(call.call(), "status");
            QCOMPARE(status, stage == 0           ? QStringLiteral("pending")
                             : stage == count - 1 ? QStringLiteral("completed")
                                                  : QStringLiteral("running"));
            const Answer trace = fetch(traceUrl(DemoCalls::progressing()));
            // A second trace GET shows the same stage: only call GETs advance it.
            QCOMPARE(fetch(traceUrl(DemoCalls::progressing())).body, trace.body);
            const QStringList problems = traceProblems(trace.trace());
            QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));

            // The trace's function calls are the v2 body's at the same stage.
            const QJsonObject v2 = QJsonDocument::fromJson(DemoScenarios::progressingStage(stage))
                                       .object()
                                       .value(QLatin1String("call"))
                                       .toObject();
            QCOMPARE(idsOf(arr(trace.trace(), "functionCalls"), "functionCallID"),
                     idsOf(arr(v2, "functionCalls"), "functionCallID"));
            QVERIFY(arr(trace.trace(), "functionCalls").size() >= previousFunctionCalls);
            previousFunctionCalls = arr(trace.trace(), "functionCalls").size();

            // Events and outputs only ever appear, never vanish.
            const QStringList events = idsOf(arr(trace.trace(), "events"), "eventID");
            for (const QString &id : std::as_const(seenEvents))
                QVERIFY2(events.contains(id), qPrintable(id));
            const QStringList outputs = idsOf(arr(call.call(), "outputs"), "eventID");
            for (const QString &id : std::as_const(seenOutputs))
                QVERIFY2(outputs.contains(id), qPrintable(id));
            if (stage > 0 && stage < count - 1 && events.size() > seenEvents.size() &&
                !seenEvents.isEmpty())
                grewMidRun = true;
            seenEvents = QSet<QString>(events.begin(), events.end());
            seenOutputs = QSet<QString>(outputs.begin(), outputs.end());
        }
        QVERIFY(grewMidRun);
        // Pages 2-6, the vendor lookup and the join; page 1's output fed the lookup.
        QCOMPARE(seenOutputs.size(), 7);
        QVERIFY(seenEvents.size() > seenOutputs.size());
        QCOMPARE(m_server->requestsFor(DemoCalls::progressing(), ServerEndpoint::V3Call).size(),
                 count);
        QCOMPARE(m_server->requestsFor(DemoCalls::progressing(), ServerEndpoint::V3Trace).size(),
                 2 * count + 1);
    }

    void partlyFailed_hasOutputsErrorsAndARetry()
    {
        const Answer a = fetch(callUrl(DemoCalls::partlyFailed()));
        QCOMPARE(a.status, 200);
        QCOMPARE(str(a.call(), "status"), QStringLiteral("failed"));
        QCOMPARE(arr(a.call(), "outputs").size(), 3);
        const QJsonArray errors = arr(a.call(), "errors");
        QCOMPARE(errors.size(), 2);

        const QJsonObject trace = fetch(traceUrl(DemoCalls::partlyFailed())).trace();
        QJsonObject retried;
        for (const QJsonValue &v : arr(trace, "functionCalls")) {
            if (v.toObject().value(QLatin1String("functionCallTryNumber")).toInt() == 2)
                retried = v.toObject();
            else
                QVERIFY(!v.toObject().contains(QLatin1String("functionCallTryNumber")));
        }
        QCOMPARE(str(retried, "status"), QStringLiteral("completed"));
        // Its first try failed (an error), its second produced the output.
        QList<int> tries;
        for (const QJsonValue &v : arr(trace, "events")) {
            const QJsonObject e = v.toObject();
            if (str(e, "functionCallID") != str(retried, "functionCallID"))
                continue;
            tries << e.value(QLatin1String("functionCallTryNumber")).toInt();
            QCOMPARE(str(e, "eventType"), tries.constLast() == 1 ? QStringLiteral("error")
                                                                 : QStringLiteral("transform"));
        }
        QCOMPARE(tries, (QList<int>{1, 2}));
        QStringList errorCalls = idsOf(errors, "functionCallID");
        errorCalls.sort();
        QCOMPARE(errorCalls, (QStringList{QStringLiteral("fc_partial_page_2"),
                                          QStringLiteral("fc_partial_page_4")}));
        for (const QJsonValue &v : errors)
            QVERIFY(!str(v.toObject(), "message").isEmpty());
        // Also a workflow call on v2.
        QCOMPARE(fetch(v2Url(DemoCalls::partlyFailed())).status, 200);
    }

    void traceFlaky_failsTwiceThenWorks()
    {
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(fetch(callUrl(DemoCalls::traceFlaky())).status, 200);
            const Answer t = fetch(traceUrl(DemoCalls::traceFlaky()));
            QCOMPARE(t.status, 500);
            QCOMPARE(errorBodyProblem(t), QString());
        }
        const Answer ok = fetch(traceUrl(DemoCalls::traceFlaky()));
        QCOMPARE(ok.status, 200);
        QVERIFY(traceProblems(ok.trace()).isEmpty());
        QVERIFY(!arr(ok.trace(), "functionCalls").isEmpty());
        QCOMPARE(str(arr(ok.trace(), "events").at(0).toObject(), "callID"),
                 DemoCalls::traceFlaky());
        QCOMPARE(fetch(callUrl(DemoCalls::traceFlaky())).status, 200);

        m_server->resetScenarios();
        QCOMPARE(fetch(traceUrl(DemoCalls::traceFlaky())).status, 500);
    }

    void manyOutputs_callCarries100_andPagingReachesAll130()
    {
        const QJsonArray own = arr(fetch(callUrl(DemoCalls::manyOutputs())).call(), "outputs");
        QCOMPARE(own.size(), 100);
        const QString query = QStringLiteral("callIDs=") + DemoCalls::manyOutputs();

        for (int limit : {100, 7}) {
            const QList<QJsonObject> forward =
                pageThrough("/v3/outputs", "outputs", query, limit, false, 130);
            QCOMPARE(forward.size(), 130);
            QStringList ids;
            for (const QJsonObject &e : forward)
                ids << str(e, "eventID");
            QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), 130);
            // The call's own array is the first page, in the same order.
            QCOMPARE(ids.mid(0, 100), idsOf(own, "eventID"));
            for (const QJsonObject &e : forward)
                QCOMPARE(str(e, "callID"), DemoCalls::manyOutputs());

            // Backwards from the last one: every other one, in the same order.
            const QList<QJsonObject> backward =
                pageThrough("/v3/outputs", "outputs", query, limit, true, 130, ids.constLast());
            QCOMPARE(backward, forward.mid(0, 129));
        }

        const Answer desc = list("/v3/outputs", query + QStringLiteral("&sortOrder=desc&limit=3"));
        const QList<QJsonObject> all =
            pageThrough("/v3/outputs", "outputs", query, 100, false, 130);
        QCOMPARE(idsOf(arr(desc.json(), "outputs"), "eventID"),
                 (QStringList{str(all.at(129), "eventID"), str(all.at(128), "eventID"),
                              str(all.at(127), "eventID")}));
        QCOMPARE(desc.json().value(QLatin1String("totalCount")).toInt(), 130);
        QCOMPARE(m_server->requests().constLast().endpoint, ServerEndpoint::V3Outputs);
    }

    void eventLists_limitBounds_andBadParameters_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("status");
        for (const char *path : {"/v3/outputs", "/v3/errors", "/v3/calls"}) {
            const QString p = QLatin1String(path);
            QTest::addRow("%s limit 0", path) << p << QStringLiteral("limit=0") << 400;
            QTest::addRow("%s limit 101", path) << p << QStringLiteral("limit=101") << 400;
            QTest::addRow("%s limit text", path) << p << QStringLiteral("limit=many") << 400;
            QTest::addRow("%s limit 1", path) << p << QStringLiteral("limit=1") << 200;
            QTest::addRow("%s limit 100", path) << p << QStringLiteral("limit=100") << 200;
            QTest::addRow("%s sortOrder", path) << p << QStringLiteral("sortOrder=up") << 400;
            QTest::addRow("%s unknown cursor", path)
                << p << QStringLiteral("startingAfter=nope") << 400;
            QTest::addRow("%s unknown before", path)
                << p << QStringLiteral("endingBefore=nope") << 400;
        }
        QTest::newRow("includeIntermediate")
            << QStringLiteral("/v3/outputs") << QStringLiteral("includeIntermediate=yes") << 400;
    }

    void eventLists_limitBounds_andBadParameters()
    {
        QFETCH(QString, path);
        QFETCH(QString, query);
        QFETCH(int, status);
        const Answer a = fetch(urlFor(path, query));
        QCOMPARE(a.status, status);
        if (status == 400) {
            QCOMPARE(errorBodyProblem(a), QString());
        } else {
            const char *key = path.endsWith(QLatin1String("outputs"))  ? "outputs"
                              : path.endsWith(QLatin1String("errors")) ? "errors"
                                                                       : "calls";
            QCOMPARE(arr(a.json(), key).size(),
                     std::min(query.mid(6).toInt(),
                              a.json().value(QLatin1String("totalCount")).toInt()));
        }
    }

    void outputs_filtersRepeatedOrCommaSeparated_andIntermediate()
    {
        const QString ids = DemoCalls::partlyFailed() + u',' + DemoCalls::v3Only();
        const Answer comma = list("/v3/outputs", QStringLiteral("callIDs=") + ids);
        const Answer repeated =
            list("/v3/outputs", QStringLiteral("callIDs=%1&callIDs=%2")
                                    .arg(DemoCalls::partlyFailed(), DemoCalls::v3Only()));
        QCOMPARE(comma.status, 200);
        QCOMPARE(comma.body, repeated.body);
        QCOMPARE(comma.json().value(QLatin1String("totalCount")).toInt(), 5); // 3 pages + 2
        // A percent-encoded comma belongs to its value: no call has that ID.
        const Answer encoded = list("/v3/outputs", QStringLiteral("callIDs=") + enc(ids));
        QCOMPARE(encoded.json().value(QLatin1String("totalCount")).toInt(), 0);

        const Answer byFunction =
            list("/v3/outputs", QStringLiteral("functionNames=analyze-document"));
        QCOMPARE(idsOf(arr(byFunction.json(), "outputs"), "callID"),
                 QStringList{DemoCalls::v3Only()});
        const Answer byReference =
            list("/v3/outputs",
                 QStringLiteral("callIDs=%1&referenceIDs=page-3").arg(DemoCalls::partlyFailed()));
        QCOMPARE(byReference.json().value(QLatin1String("totalCount")).toInt(), 1);
        const Answer bySubstring =
            list("/v3/outputs", QStringLiteral("referenceIDSubstring=FORM-993/ANAL"));
        QCOMPARE(bySubstring.json().value(QLatin1String("totalCount")).toInt(), 1);

        // The split's events led to further function calls: listed only when asked.
        const QString partial = QStringLiteral("callIDs=") + DemoCalls::partlyFailed();
        const Answer with =
            list("/v3/outputs", partial + QStringLiteral("&includeIntermediate=true"));
        QCOMPARE(with.json().value(QLatin1String("totalCount")).toInt(), 3 + 1 + 4);
        QStringList types = idsOf(arr(with.json(), "outputs"), "eventType");
        types.removeDuplicates();
        types.sort();
        QCOMPARE(types, (QStringList{QStringLiteral("split_collection"),
                                     QStringLiteral("split_item"), QStringLiteral("transform")}));
        QCOMPARE(list("/v3/outputs", partial + QStringLiteral("&includeIntermediate=false")).body,
                 list("/v3/outputs", partial).body);
    }

    void errors_listsErrorEventsOnly()
    {
        const Answer a = list("/v3/errors", QStringLiteral("callIDs=") + DemoCalls::partlyFailed());
        QCOMPARE(a.status, 200);
        QCOMPARE(a.json().value(QLatin1String("totalCount")).toInt(), 2);
        for (const QJsonValue &v : arr(a.json(), "errors")) {
            QCOMPARE(str(v.toObject(), "eventType"), QStringLiteral("error"));
            QVERIFY(!str(v.toObject(), "message").isEmpty());
        }
        QCOMPARE(idsOf(arr(a.json(), "errors"), "eventID"),
                 idsOf(arr(fetch(callUrl(DemoCalls::partlyFailed())).call(), "errors"), "eventID"));
        // Every call: the failed contract and the partly failed invoices.
        const Answer all = list("/v3/errors");
        QCOMPARE(all.json().value(QLatin1String("totalCount")).toInt(), 3);
        const Answer paged =
            list("/v3/errors", QStringLiteral("limit=1&startingAfter=") +
                                   str(arr(all.json(), "errors").at(0).toObject(), "eventID"));
        QCOMPARE(arr(paged.json(), "errors").at(0), arr(all.json(), "errors").at(1));
        QCOMPARE(m_server->requests().constLast().endpoint, ServerEndpoint::V3Errors);
    }

    void oneEvent_outputOrError_and404s()
    {
        const QJsonObject call = fetch(callUrl(DemoCalls::partlyFailed())).call();
        const QJsonObject output = arr(call, "outputs").at(0).toObject();
        const QJsonObject error = arr(call, "errors").at(0).toObject();

        const Answer o =
            fetch(urlFor(QStringLiteral("/v3/outputs/") + enc(str(output, "eventID"))));
        QCOMPARE(o.status, 200);
        QCOMPARE(o.json().value(QLatin1String("output")).toObject(), output);
        QCOMPARE(m_server->requests().constLast().endpoint, ServerEndpoint::V3Output);
        QCOMPARE(m_server->requests().constLast().eventId, str(output, "eventID"));

        const Answer e = fetch(urlFor(QStringLiteral("/v3/errors/") + enc(str(error, "eventID"))));
        QCOMPARE(e.status, 200);
        QCOMPARE(e.json().value(QLatin1String("error")).toObject(), error);
        QCOMPARE(m_server->requests().constLast().endpoint, ServerEndpoint::V3Error);

        const QStringList missingPaths = {
            QString(QStringLiteral("/v3/outputs/") + enc(str(error, "eventID"))),
            QString(QStringLiteral("/v3/errors/") + enc(str(output, "eventID"))),
            QStringLiteral("/v3/outputs/ev_nope"), QStringLiteral("/v3/errors/ev_nope")};
        for (const QString &path : missingPaths) {
            const Answer missing = fetch(urlFor(path));
            QCOMPARE(missing.status, 404);
            QCOMPARE(errorBodyProblem(missing), QString());
        }
    }

    void v3List_statusesSortAndCursors()
    {
        const Answer all = list("/v3/calls");
        QCOMPARE(all.status, 200);
        const QStringList ascending = idsOf(arr(all.json(), "calls"), "callID");
        QCOMPARE(all.json().value(QLatin1String("totalCount")).toInt(), 6);
        QCOMPARE(ascending.size(), 6);
        QVERIFY(!ascending.contains(DemoCalls::singleFunction())); // v2 only
        QVERIFY(ascending.contains(DemoCalls::v3Only()));
        for (const QJsonValue &v : arr(all.json(), "calls")) {
            QVERIFY(!v.toObject().contains(QLatin1String("callType")));
            QVERIFY(!v.toObject().contains(QLatin1String("functionCalls")));
        }

        const Answer failed = list("/v3/calls", QStringLiteral("statuses=failed"));
        QStringList failedIds = idsOf(arr(failed.json(), "calls"), "callID");
        failedIds.sort();
        QCOMPARE(failedIds, (QStringList{DemoCalls::failed(), DemoCalls::partlyFailed()}));
        QCOMPARE(failed.json().value(QLatin1String("totalCount")).toInt(), 2);
        const Answer comma = list("/v3/calls", QStringLiteral("statuses=failed,pending"));
        const Answer repeated =
            list("/v3/calls", QStringLiteral("statuses=failed&statuses=pending"));
        QCOMPARE(comma.body, repeated.body);
        QCOMPARE(comma.json().value(QLatin1String("totalCount")).toInt(), 3);

        QStringList descending = ascending;
        std::reverse(descending.begin(), descending.end());
        QCOMPARE(idsOf(arr(list("/v3/calls", QStringLiteral("sortOrder=desc")).json(), "calls"),
                       "callID"),
                 descending);
        const Answer after =
            list("/v3/calls", QStringLiteral("limit=2&startingAfter=") + ascending.at(1));
        QCOMPARE(idsOf(arr(after.json(), "calls"), "callID"), ascending.mid(2, 2));
        const Answer before =
            list("/v3/calls", QStringLiteral("limit=2&endingBefore=") + ascending.at(4));
        QCOMPARE(idsOf(arr(before.json(), "calls"), "callID"), ascending.mid(2, 2));
        QCOMPARE(m_server->requests().constLast().endpoint, ServerEndpoint::V3Calls);

        // The progressing call is listed as its last GET left it.
        fetch(callUrl(DemoCalls::progressing()));
        fetch(callUrl(DemoCalls::progressing()));
        const Answer running = list("/v3/calls", QStringLiteral("statuses=running"));
        QCOMPARE(idsOf(arr(running.json(), "calls"), "callID"),
                 QStringList{DemoCalls::progressing()});
    }

    void versionOnlyCalls_are404OnTheOtherVersion()
    {
        for (const QUrl &url :
             {callUrl(DemoCalls::singleFunction()), traceUrl(DemoCalls::singleFunction()),
              v2Url(DemoCalls::v3Only())}) {
            const Answer a = fetch(url);
            QCOMPARE(a.status, 404);
            QCOMPARE(errorBodyProblem(a), QString());
        }
        QCOMPARE(fetch(v2Url(DemoCalls::singleFunction())).status, 200);
        QCOMPARE(fetch(callUrl(DemoCalls::v3Only())).status, 200);
        QCOMPARE(fetch(traceUrl(DemoCalls::v3Only())).status, 200);
        const Answer unknown = fetch(callUrl(QStringLiteral("wf_nope")));
        QCOMPARE(unknown.status, 404);
        QVERIFY(str(unknown.json(), "message").contains(QLatin1String("wf_nope")));
    }

    void v3Only_outputsWithMarkupOddKeysAndAnUnknownType()
    {
        const QJsonArray outputs = arr(fetch(callUrl(DemoCalls::v3Only())).call(), "outputs");
        QCOMPARE(outputs.size(), 2);
        bool hostile = false;
        bool unknownType = false;
        for (const QJsonValue &v : outputs) {
            const QJsonObject e = v.toObject();
            if (str(e, "eventType") == QLatin1String("transform")) {
                const QJsonObject content = e.value(QLatin1String("transformedContent")).toObject();
                QVERIFY(str(content, "title").contains(QLatin1String("<img")));
                QVERIFY(content.contains(QLatin1String("a/b")));
                QVERIFY(content.contains(QLatin1String("m~n")));
                QVERIFY(content.contains(QString()));
                const QJsonObject conf = e.value(QLatin1String("fieldConfidences")).toObject();
                QVERIFY(conf.contains(QLatin1String("/a~1b")));
                QVERIFY(conf.contains(QLatin1String("/m~0n")));
                hostile = true;
            } else {
                QCOMPARE(str(e, "eventType"), QStringLiteral("analyze"));
                QVERIFY(e.value(QLatin1String("analysis")).isObject());
                unknownType = true;
            }
        }
        QVERIFY(hostile && unknownType);
    }

    void faults_answerOnV3AsOnV2()
    {
        m_server->setRetryAfterSeconds(5);
        for (int i = 0; i < 2; ++i) {
            const Answer limited = fetch(callUrl(DemoCalls::rateLimited()));
            QCOMPARE(limited.status, 429);
            QCOMPARE(limited.header("retry-after"), QByteArrayLiteral("5"));
            QCOMPARE(errorBodyProblem(limited), QString());
        }
        const Answer recovered = fetch(callUrl(DemoCalls::rateLimited()));
        QCOMPARE(recovered.status, 200);
        QCOMPARE(str(recovered.call(), "callID"), DemoCalls::rateLimited());
        QVERIFY(!recovered.call().contains(QLatin1String("functionCalls")));

        QCOMPARE(fetch(callUrl(DemoCalls::flaky())).status, 500);
        const Answer gateway = fetch(callUrl(DemoCalls::badGateway()));
        QCOMPARE(gateway.status, 502);
        QVERIFY(gateway.header("content-type").startsWith("text/html"));
        QCOMPARE(fetch(callUrl(DemoCalls::forbidden())).status, 403);
        const Answer invalid = fetch(callUrl(DemoCalls::invalidJson()));
        QCOMPARE(invalid.status, 200);
        QVERIFY(QJsonDocument::fromJson(invalid.body).isNull());
        const Answer errorOnly = fetch(callUrl(DemoCalls::errorOnly()));
        QVERIFY(!str(errorOnly.json(), "error").isEmpty());
        const Answer truncated = fetch(callUrl(DemoCalls::truncated()));
        QVERIFY(truncated.body.size() < truncated.header("content-length").toInt());

        const Answer same = fetch(callUrl(DemoCalls::redirectSameOrigin()));
        QCOMPARE(same.status, 302);
        QCOMPARE(QUrl::fromEncoded(same.header("location")).path(),
                 QStringLiteral("/v3/calls/wf_demo_batch"));
        const Answer sameTrace = fetch(traceUrl(DemoCalls::redirectSameOrigin()));
        QCOMPARE(QUrl::fromEncoded(sameTrace.header("location")).path(),
                 QStringLiteral("/v3/calls/wf_demo_batch/trace"));
        m_server->setRedirectTarget(QUrl(QStringLiteral("http://127.0.0.2:8443/other/")));
        QCOMPARE(fetch(callUrl(DemoCalls::redirectAway())).header("location"),
                 QByteArrayLiteral("http://127.0.0.2:8443/other/v3/calls/wf_demo_batch"));
        const Answer followed =
            fetch(callUrl(DemoCalls::redirectSameOrigin()), LocalBemServer::demoApiKey(),
                  QNetworkRequest::SameOriginRedirectPolicy);
        QCOMPARE(followed.status, 200);
        QCOMPARE(str(followed.call(), "callID"), DemoCalls::batch());
    }

    void auth_everyV3EndpointWantsTheKey()
    {
        const QList<QUrl> urls = {callUrl(DemoCalls::batch()),
                                  traceUrl(DemoCalls::batch()),
                                  urlFor(QStringLiteral("/v3/calls")),
                                  urlFor(QStringLiteral("/v3/outputs")),
                                  urlFor(QStringLiteral("/v3/errors")),
                                  urlFor(QStringLiteral("/v3/outputs/ev_x")),
                                  urlFor(QStringLiteral("/v3/errors/ev_x"))};
        for (const QUrl &url : urls) {
            const Answer missing = fetch(url, QByteArray());
            QCOMPARE(missing.status, 401);
            QCOMPARE(errorBodyProblem(missing), QString());
            QCOMPARE(fetch(url, QByteArrayLiteral("wrong")).status, 401);
        }
        QCOMPARE(m_server->requests().size(), 2 * urls.size());
        QCOMPARE(m_server->requestsTo(ServerEndpoint::V3Trace).size(), 2);
        QCOMPARE(m_server->requestsTo(ServerEndpoint::V3Error).constFirst().eventId,
                 QStringLiteral("ev_x"));
    }

    void unknownV3Paths_are404_andEncodedIdsAreDecoded()
    {
        for (const char *path : {"/v3/calls/a/b", "/v3/calls/a/trace/x", "/v3/outputs/a/b",
                                 "/v3/functions", "/v3/calls//trace"}) {
            const Answer a = fetch(urlFor(QLatin1String(path)));
            QCOMPARE(a.status, 404);
            QCOMPARE(errorBodyProblem(a), QString());
            QCOMPARE(m_server->requests().constLast().endpoint, ServerEndpoint::Unknown);
            QVERIFY(m_server->requests().constLast().callId.isEmpty());
        }
        fetch(urlFor(QStringLiteral("/v3/calls/a%2Fb/trace")));
        QCOMPARE(m_server->requests().constLast().callId, QStringLiteral("a/b"));
        QCOMPARE(m_server->requests().constLast().endpoint, ServerEndpoint::V3Trace);
    }

    void canned_v3ResponsesPerEndpoint()
    {
        const QString id = DemoCalls::batch(); // canned answers override built-in ones
        CannedResponse busy;
        busy.status = 503;
        busy.body = QByteArrayLiteral("{\"message\":\"busy\",\"code\":503,\"details\":{}}");
        CannedResponse call;
        call.body = QByteArrayLiteral("{\"call\":{\"callID\":\"wf_demo_batch\"}}");
        CannedResponse trace;
        trace.body = QByteArrayLiteral("{\"trace\":{\"functionCalls\":[],\"events\":[]}}");
        m_server->setV3Responses(id, ServerEndpoint::V3Call, {busy, call});

        QCOMPARE(fetch(callUrl(id)).status, 503);
        QCOMPARE(fetch(callUrl(id)).body, call.body);
        QCOMPARE(fetch(callUrl(id)).body, call.body);
        // Canned on the call only: its trace and its v2 form are not there.
        QCOMPARE(fetch(traceUrl(id)).status, 404);
        QCOMPARE(fetch(v2Url(id)).status, 404);

        m_server->setV3Responses(id, ServerEndpoint::V3Trace, {trace});
        QCOMPARE(fetch(traceUrl(id)).body, trace.body);
        // Endpoints other than the call and the trace cannot be canned.
        m_server->setV3Responses(id, ServerEndpoint::V3Outputs, {busy});
        QCOMPARE(list("/v3/outputs").status, 200);

        m_server->resetScenarios();
        QCOMPARE(fetch(callUrl(id)).status, 503);
        QCOMPARE(requestCount(id, ServerEndpoint::V3Call), 4);
        QCOMPARE(requestCount(id, ServerEndpoint::V3Trace), 2);
        QCOMPARE(requestCount(id, ServerEndpoint::V2Call), 1);

        // Canned on v2 only: a v2-only call to a client that probes v3 first.
        m_server->setV3Responses(id, ServerEndpoint::V3Call, {});
        m_server->setV3Responses(id, ServerEndpoint::V3Trace, {});
        QCOMPARE(fetch(callUrl(id)).status, 200); // back to the built-in call
        m_server->setResponses(id, {call});
        QCOMPARE(fetch(callUrl(id)).status, 404);
        QCOMPARE(fetch(v2Url(id)).body, call.body);
    }

private:
    int requestCount(const QString &id, ServerEndpoint endpoint) const
    {
        return int(m_server->requestsFor(id, endpoint).size());
    }
};

QTEST_GUILESS_MAIN(TestLocalBemServerV3)
#include "tst_localbemserver_v3.moc"
