// SPDX-License-Identifier: MIT
#include "callsession.h"
#include "calltreemodel.h"
#include "demoscenarios.h"
#include "fastsession.h"
#include "localbemserver.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QNetworkAccessManager>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace bem;

namespace {

const QByteArray Key = "sk_test_session_v3_0123456789";
using Phase = PollerStatus::Phase;
using E = ServerEndpoint;

CannedResponse answer(const QByteArray &body, int status = 200)
{
    CannedResponse r;
    r.status = status;
    r.body = body;
    return r;
}

QByteArray v2Call(const QString &id, const QString &status)
{
    return QStringLiteral("{\"call\":{\"callID\":\"%1\",\"callType\":\"function\",\"status\":"
                          "\"%2\",\"functionCalls\":[{\"functionCallID\":\"fc_1\",\"status\":"
                          "\"%2\"}]}}")
        .arg(id, status)
        .toUtf8();
}

QByteArray v3Call(const QString &id, const QString &status)
{
    return QStringLiteral("{\"call\":{\"callID\":\"%1\",\"status\":\"%2\",\"outputs\":[],"
                          "\"errors\":[]}}")
        .arg(id, status)
        .toUtf8();
}

QByteArray v3Trace(int functionCalls)
{
    QByteArray fcs;
    for (int i = 0; i < functionCalls; ++i) {
        if (i > 0)
            fcs += ',';
        fcs += QStringLiteral("{\"functionCallID\":\"fc_%1\",\"status\":\"completed\","
                              "\"startedAt\":\"2026-11-30T10:00:00Z\"}")
                   .arg(i)
                   .toUtf8();
    }
    return "{\"trace\":{\"functionCalls\":[" + fcs + "],\"events\":[]}}";
}

} // namespace

// CallSession on the v3 API, against the local bem API (real sockets), asserting on what
// the server received: which version answers, the call and its trace polled side by side,
// the trace's own failures, and the outputs paged to the end.
class TestCallSessionV3 : public QObject
{
    Q_OBJECT

    std::unique_ptr<LocalBemServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;

    std::unique_ptr<CallSession> makeSession(ApiVersionChoice choice = ApiVersionChoice::Auto)
    {
        return test::makeFastSession(m_network.get(), m_server->baseUrl(), Key, choice);
    }
    qsizetype count(const QString &id, ServerEndpoint endpoint) const
    {
        return m_server->requestsFor(id, endpoint).size();
    }

private slots:
    void init()
    {
        qRegisterMetaType<ApiVersion>();
        m_server = std::make_unique<LocalBemServer>();
        m_server->setApiKey(Key);
        QVERIFY(m_server->listen());
        m_network = std::make_unique<QNetworkAccessManager>();
    }
    void cleanup()
    {
        m_network.reset();
        m_server.reset();
    }

    void auto_v3NotFound_asksV2Once_andRemembers()
    {
        const QString id = QStringLiteral("fc_v2_only");
        // Canned on v2 only: v3 answers 404 for it.
        m_server->setResponses(id, {answer(v2Call(id, QStringLiteral("running")))});
        auto session = makeSession();
        QSignalSpy answered(session.get(), &CallSession::apiVersionAnswered);
        session->open(id);
        QTRY_VERIFY(count(id, E::V2Call) >= 4); // several refreshes of a running call
        session->refreshNow();
        const qsizetype before = count(id, E::V2Call);
        QTRY_VERIFY(count(id, E::V2Call) > before);
        QCOMPARE(count(id, E::V3Call), 1);
        QCOMPARE(count(id, E::V3Trace), 0);
        QCOMPARE(session->answeredVersion(), std::optional<ApiVersion>(ApiVersion::V2));
        QCOMPARE(answered.size(), 1);
        QCOMPARE(answered.first().first().value<ApiVersion>(), ApiVersion::V2);
        QCOMPARE(session->snapshot()->call.apiVersion, ApiVersion::V2);
        // The same call opened again (Enter in the field) is not probed again either.
        session->open(id);
        const qsizetype again = count(id, E::V2Call);
        QTRY_VERIFY(count(id, E::V2Call) > again);
        QCOMPARE(count(id, E::V3Call), 1);
        QCOMPARE(session->callUrl().path(), QStringLiteral("/v2/calls/fc_v2_only"));
        // The first request went to v3, the second to v2.
        const QList<ServerRequestRecord> all = m_server->requestsFor(id);
        QCOMPARE(all.at(0).endpoint, E::V3Call);
        QCOMPARE(all.at(1).endpoint, E::V2Call);
        session->stop();
    }

    void auto_bothNotFound_saysNotFound()
    {
        const QString id = QStringLiteral("wf_nowhere");
        auto session = makeSession();
        QSignalSpy problems(session.get(), &CallSession::problem);
        session->open(id);
        QTRY_COMPARE(session->status().phase, Phase::Stopped);
        QCOMPARE(session->status().lastOutcome, FetchOutcome::NotFound);
        QVERIFY(session->status().lastError.startsWith(QStringLiteral("No call with this ID")));
        QCOMPARE(problems.size(), 1); // the probe's own 404 is not a problem
        QCOMPARE(count(id, E::V3Call), 1);
        QCOMPARE(count(id, E::V2Call), 1);
        QVERIFY(!session->answeredVersion());
    }

    void v2Pinned_neverAsksV3()
    {
        auto session = makeSession(ApiVersionChoice::V2);
        session->open(DemoCalls::batch());
        QTRY_COMPARE(session->status().phase, Phase::Finished);
        QCOMPARE(count(DemoCalls::batch(), E::V2Call), 1);
        QCOMPARE(m_server->requests().size(), 1);
        QCOMPARE(session->answeredVersion(), std::optional<ApiVersion>(ApiVersion::V2));
    }

    void v3Pinned_neverAsksV2()
    {
        const QString id = QStringLiteral("fc_v2_only");
        m_server->setResponses(id, {answer(v2Call(id, QStringLiteral("completed")))});
        auto session = makeSession(ApiVersionChoice::V3);
        session->open(id);
        QTRY_COMPARE(session->status().phase, Phase::Stopped);
        QCOMPARE(session->status().lastOutcome, FetchOutcome::NotFound);
        QCOMPARE(count(id, E::V3Call), 1);
        QCOMPARE(count(id, E::V2Call), 0);

        session->open(DemoCalls::v3Only());
        QTRY_COMPARE(session->status().phase, Phase::Finished);
        QCOMPARE(session->answeredVersion(), std::optional<ApiVersion>(ApiVersion::V3));
        QCOMPARE(count(DemoCalls::v3Only(), E::V2Call), 0);
        QTRY_VERIFY(!session->snapshot()->call.functionCalls.isEmpty());
    }

    void v3Only_autoAnswersOnV3()
    {
        auto session = makeSession();
        session->open(DemoCalls::v3Only());
        QTRY_COMPARE(session->status().phase, Phase::Finished);
        QCOMPARE(session->answeredVersion(), std::optional<ApiVersion>(ApiVersion::V3));
        QCOMPARE(count(DemoCalls::v3Only(), E::V3Call), 1);
        QCOMPARE(count(DemoCalls::v3Only(), E::V2Call), 0);
        QCOMPARE(session->callUrl().path(), QStringLiteral("/v3/calls/") + DemoCalls::v3Only());
    }

    void callAndTrace_polledUntilTerminal_thenStop()
    {
        auto session = makeSession();
        QAbstractItemModelTester tester(session->model());
        session->open(DemoCalls::progressing());
        QTRY_VERIFY_WITH_TIMEOUT(session->status().phase == Phase::Finished, 30'000);
        const QString id = DemoCalls::progressing();
        // The last trace read after the call ended: the whole tree is there.
        QTRY_VERIFY(!session->snapshot()->call.functionCalls.isEmpty());
        QTRY_VERIFY(session->model()->functionCallCount() > 0);
        QTest::qWait(300); // many polling intervals of the fast policy
        const qsizetype calls = count(id, E::V3Call);
        const qsizetype traces = count(id, E::V3Trace);
        QCOMPARE(calls, DemoScenarios::progressingStageCount());
        QVERIFY2(traces >= 2, qPrintable(QString::number(traces)));
        QCOMPARE(count(id, E::V2Call), 0);
        QTest::qWait(300);
        QCOMPARE(count(id, E::V3Call), calls);
        QCOMPARE(count(id, E::V3Trace), traces);
        // The trace's last request came after the call's last one.
        const QList<ServerRequestRecord> all = m_server->requestsFor(id);
        qsizetype lastCall = -1, lastTrace = -1;
        for (qsizetype i = 0; i < all.size(); ++i) {
            if (all.at(i).endpoint == E::V3Call)
                lastCall = i;
            if (all.at(i).endpoint == E::V3Trace)
                lastTrace = i;
        }
        QVERIFY(lastTrace > lastCall);
    }

    void traceThatFails_keepsTheCall_andRecovers()
    {
        auto session = makeSession();
        QSignalSpy problems(session.get(), &CallSession::traceProblem);
        QSignalSpy recovered(session.get(), &CallSession::traceRecovered);
        session->open(DemoCalls::traceFlaky());
        QTRY_VERIFY(problems.size() >= 1);
        QVERIFY(problems.first().first().toString().startsWith(
            QStringLiteral("The trace could not be loaded: ")));
        QTRY_VERIFY(session->snapshot() != nullptr); // the call is shown all the same
        QTRY_COMPARE(recovered.size(), 1);
        QCOMPARE(problems.size(), 2); // the server fails the trace twice
        QTRY_VERIFY(!session->snapshot()->call.functionCalls.isEmpty());
        QCOMPARE(count(DemoCalls::traceFlaky(), E::V3Trace), 3);
    }

    void traceThatDoesNotRead_keepsTheLastGoodTrace()
    {
        const QString id = QStringLiteral("wf_bad_trace");
        m_server->setV3Responses(id, E::V3Call,
                                 {answer(v3Call(id, QStringLiteral("running"))),
                                  answer(v3Call(id, QStringLiteral("running"))),
                                  answer(v3Call(id, QStringLiteral("running"))),
                                  answer(v3Call(id, QStringLiteral("running"))),
                                  answer(v3Call(id, QStringLiteral("completed")))});
        m_server->setV3Responses(
            id, E::V3Trace,
            {answer(v3Trace(2)), answer("{\"trace\": {\"functionC"), answer(v3Trace(3))});
        auto session = makeSession(ApiVersionChoice::V3);
        QSignalSpy problems(session.get(), &CallSession::traceProblem);
        QSignalSpy recovered(session.get(), &CallSession::traceRecovered);
        // What is shown when the problem is reported: the next trace may already have
        // arrived by the time the test looks again (the policy is fast).
        qsizetype shownAtProblem = -1;
        connect(session.get(), &CallSession::traceProblem, this, [&] {
            if (shownAtProblem < 0 && session->snapshot())
                shownAtProblem = session->snapshot()->call.functionCalls.size();
        });
        session->open(id);
        QTRY_COMPARE(problems.size(), 1);
        QVERIFY(problems.first().first().toString().startsWith(
            QStringLiteral("The trace could not be loaded: ")));
        QCOMPARE(shownAtProblem, qsizetype(2)); // the last good trace
        QTRY_COMPARE(recovered.size(), 1);
        QTRY_COMPARE(session->snapshot()->call.functionCalls.size(), 3);
        QTRY_COMPARE(session->status().phase, Phase::Finished);
    }

    // As for the call: a trace refused with a 403 (or 401, 404) is not asked again on its
    // own; the banner stays and F5 asks once more.
    void traceRefused_waitsForF5()
    {
        const QString id = QStringLiteral("wf_trace_forbidden");
        m_server->setV3Responses(id, E::V3Call, {answer(v3Call(id, QStringLiteral("running")))});
        m_server->setV3Responses(
            id, E::V3Trace,
            {answer("{\"message\":\"Not allowed to read traces.\",\"code\":403}", 403),
             answer(v3Trace(2))});
        auto session = makeSession(ApiVersionChoice::V3);
        QSignalSpy problems(session.get(), &CallSession::traceProblem);
        QSignalSpy recovered(session.get(), &CallSession::traceRecovered);
        session->open(id);
        QTRY_COMPARE(problems.size(), 1);
        // The call goes on being refreshed meanwhile; the trace is not asked again.
        const int callsBefore = int(count(id, E::V3Call));
        QTRY_VERIFY(count(id, E::V3Call) >= callsBefore + 3);
        QCOMPARE(count(id, E::V3Trace), 1);
        QCOMPARE(problems.size(), 1);
        const qint64 pressedAt = QDateTime::currentMSecsSinceEpoch();
        session->refreshNow();
        QTRY_COMPARE(recovered.size(), 1);
        // The second trace request is F5's (live polling goes on after it).
        QVERIFY(m_server->requestsFor(id, E::V3Trace).at(1).receivedAtMs >= pressedAt);
        QTRY_COMPARE(session->snapshot()->call.functionCalls.size(), 2);
    }

    void rateLimitedTrace_slowsTheCallToo()
    {
        const QString id = QStringLiteral("wf_limited");
        m_server->setV3Responses(id, E::V3Call, {answer(v3Call(id, QStringLiteral("running")))});
        CannedResponse limited = answer("{\"message\":\"slow down\",\"code\":429}", 429);
        limited.headers = {{"Retry-After", "1"}};
        m_server->setV3Responses(id, E::V3Trace, {answer(v3Trace(1)), limited, answer(v3Trace(2))});
        auto session = makeSession(ApiVersionChoice::V3);
        QSignalSpy problems(session.get(), &CallSession::traceProblem);
        session->open(id);
        QTRY_COMPARE(problems.size(), 1);
        const QList<ServerRequestRecord> traces = m_server->requestsFor(id, E::V3Trace);
        QCOMPARE(traces.size(), 2);
        const qint64 limitedAt = traces.at(1).receivedAtMs;
        QTRY_VERIFY_WITH_TIMEOUT(count(id, E::V3Trace) >= 3, 5000);
        QTRY_COMPARE(session->snapshot()->call.functionCalls.size(), 2);
        // Neither endpoint asked again within the second the server asked for.
        for (const ServerRequestRecord &r : m_server->requestsFor(id)) {
            if (r.receivedAtMs <= limitedAt + 50)
                continue;
            QVERIFY2(r.receivedAtMs - limitedAt >= 950,
                     qPrintable(QStringLiteral("%1 after %2 ms")
                                    .arg(endpointName(r.endpoint))
                                    .arg(r.receivedAtMs - limitedAt)));
        }
        session->stop();
    }

    void outputsPaging_reachesTheEnd_withoutDuplicates()
    {
        auto session = makeSession();
        QList<CallEvents> seen;
        connect(session.get(), &CallSession::eventsChanged,
                [&seen](const CallEvents &e) { seen.append(e); });
        session->open(DemoCalls::manyOutputs());
        QTRY_VERIFY(!seen.isEmpty() && seen.constLast().complete);
        // First the call's own array (one page's worth), then everything.
        QCOMPARE(seen.constFirst().complete, false);
        QCOMPARE(seen.constFirst().outputs.size(), 100);
        const CallEvents &all = seen.constLast();
        QCOMPARE(all.outputs.size(), 130);
        QSet<QString> ids;
        for (const Event &e : all.outputs)
            ids.insert(e.eventId);
        QCOMPARE(ids.size(), 130);
        const QList<ServerRequestRecord> pages = m_server->requestsTo(E::V3Outputs);
        QCOMPARE(pages.size(), 2);
        QVERIFY(
            pages.at(0).query.contains(QByteArray("callIDs=" + DemoCalls::manyOutputs().toUtf8())));
        QVERIFY(!pages.at(0).query.contains("startingAfter"));
        QVERIFY(pages.at(1).query.contains("startingAfter="));
        QCOMPARE(m_server->requestsTo(E::V3Errors).size(), 1);
        QTest::qWait(200);
        QCOMPARE(m_server->requestsTo(E::V3Outputs).size(), 2); // nothing more once complete
    }

    void v2Call_isNeverPaged()
    {
        auto session = makeSession(ApiVersionChoice::V2);
        QSignalSpy events(session.get(), &CallSession::eventsChanged);
        session->open(DemoCalls::batch());
        QTRY_COMPARE(session->status().phase, Phase::Finished);
        QTest::qWait(100);
        QCOMPARE(m_server->requestsTo(E::V3Outputs).size(), 0);
        QCOMPARE(m_server->requestsTo(E::V3Errors).size(), 0);
        QCOMPARE(events.size(), 0);
    }

    void twoSessions_sideBySide_stayIndependent()
    {
        auto a = makeSession();
        auto b = makeSession();
        std::optional<CallEvents> eventsA, eventsB;
        connect(a.get(), &CallSession::eventsChanged, [&](const CallEvents &e) { eventsA = e; });
        connect(b.get(), &CallSession::eventsChanged, [&](const CallEvents &e) { eventsB = e; });
        a->open(DemoCalls::progressing());
        b->open(DemoCalls::partlyFailed());
        QTRY_VERIFY_WITH_TIMEOUT(
            a->status().phase == Phase::Finished && b->status().phase == Phase::Finished, 30'000);
        QTRY_VERIFY(eventsA && eventsA->complete && eventsB && eventsB->complete);
        QCOMPARE(a->snapshot()->call.callId, DemoCalls::progressing());
        QCOMPARE(b->snapshot()->call.callId, DemoCalls::partlyFailed());
        QVERIFY(!eventsB->errors.isEmpty());
        QVERIFY(!eventsB->outputs.isEmpty());
        for (const Event &e : std::as_const(eventsA->outputs))
            QCOMPARE(e.callId, DemoCalls::progressing());
        for (const Event &e : std::as_const(eventsB->errors))
            QCOMPARE(e.callId, DemoCalls::partlyFailed());
        QCOMPARE(count(DemoCalls::partlyFailed(), E::V3Call), 1);
        QVERIFY(count(DemoCalls::partlyFailed(), E::V3Trace) >= 1);
        QCOMPARE(count(DemoCalls::progressing(), E::V3Call),
                 DemoScenarios::progressingStageCount());
    }
};

QTEST_GUILESS_MAIN(TestCallSessionV3)
#include "tst_callsessionv3.moc"
