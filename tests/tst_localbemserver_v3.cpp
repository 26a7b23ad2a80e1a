// SPDX-License-Identifier: MIT
// The local server's v3 call and trace endpoints over real sockets, and its v3 scenarios.
#include "localv3fixture.h"

using namespace bem;
using namespace bem::test;

class TestLocalBemServerV3 : public V3ServerFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { start(); }
    void cleanup() { stop(); }

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
};

QTEST_GUILESS_MAIN(TestLocalBemServerV3)
#include "tst_localbemserver_v3.moc"
