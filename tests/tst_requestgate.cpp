// SPDX-License-Identifier: MIT
#include "bemclient.h"
#include "callsession.h"
#include "demoscenarios.h"
#include "fastsession.h"
#include "localbemserver.h"
#include "requestgate.h"
#include "testutil.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <vector>

using namespace bem;

namespace {

const QByteArray Key = "sk_test_gate_0123456789";
using Phase = PollerStatus::Phase;

// Requests the server received for `callId` (every endpoint).
int requestsFor(const LocalBemServer &server, const QString &callId)
{
    return int(server.requestsFor(callId).size());
}

bool wasCanceled(const LocalBemServer &server, const QString &callId)
{
    const QList<ServerRequestRecord> canceled = server.canceledRequests();
    return std::any_of(canceled.cbegin(), canceled.cend(),
                       [&](const ServerRequestRecord &r) { return r.callId == callId; });
}

} // namespace

// The app-wide request gate against the local bem API (real sockets): the cap holds across
// clients and sessions, turns come back however a request ends, turns are fair between
// sessions, and a 429 holds back one environment only.
class TestRequestGate : public QObject
{
    Q_OBJECT

    std::unique_ptr<LocalBemServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<RequestGate> m_gate;

    std::unique_ptr<BemClient> makeClient(const QString &group = QStringLiteral("prod"))
    {
        auto client = std::make_unique<BemClient>(m_network.get());
        client->setBaseUrl(m_server->baseUrl());
        client->setApiKey(QString::fromLatin1(Key));
        client->setRequestGate(m_gate.get(), group);
        return client;
    }
    std::unique_ptr<CallSession> makeSession(const QString &group = QStringLiteral("prod"))
    {
        auto session = test::makeFastSession(m_network.get(), m_server->baseUrl(), Key,
                                             ApiVersionChoice::Auto);
        session->setRequestGate(m_gate.get(), group);
        return session;
    }

private slots:
    void init()
    {
        m_server = std::make_unique<LocalBemServer>();
        m_server->setApiKey(Key);
        QVERIFY(m_server->listen());
        m_network = std::make_unique<QNetworkAccessManager>();
        m_gate = std::make_unique<RequestGate>();
    }
    void cleanup()
    {
        m_gate.reset();
        m_network.reset();
        m_server.reset();
    }

    void tenClients_neverMoreThanFourOnTheWire()
    {
        m_server->setResponseDelayMs(150);
        std::vector<std::unique_ptr<BemClient>> clients;
        QList<FetchResult> results;
        for (int i = 0; i < 10; ++i) {
            clients.push_back(makeClient());
            connect(clients.back().get(), &BemClient::finished, this,
                    [&](const FetchResult &r) { results << r; });
        }
        for (auto &client : clients)
            client->fetchCall(DemoCalls::batch());
        // Six of them wait: nothing of theirs is on the wire.
        QCOMPARE(m_gate->waiting(), 10);
        QTRY_COMPARE(m_gate->inFlight(), 4);
        QCOMPARE(m_gate->waiting(), 6);
        int waitingClients = 0;
        for (auto &client : clients)
            waitingClients += client->isWaitingForTurn() ? 1 : 0;
        QCOMPARE(waitingClients, 6);
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 10, 10'000);
        for (const FetchResult &r : std::as_const(results))
            QCOMPARE(r.outcome, FetchOutcome::Success);
        QCOMPARE(m_server->requests().size(), 10);
        // Without the gate Qt would open six connections to the host at once.
        QCOMPARE(m_server->maxInFlight(), 4);
        QCOMPARE(m_gate->peakInFlight(), 4);
        QCOMPARE(m_gate->inFlight(), 0);
        QCOMPARE(m_gate->waiting(), 0);
    }

    void turnComesBack_whenTheReplyEnds_data()
    {
        QTest::addColumn<QString>("ending");
        QTest::newRow("finished") << QStringLiteral("finished");
        QTest::newRow("canceled") << QStringLiteral("canceled");
        QTest::newRow("timed out") << QStringLiteral("timed out");
        QTest::newRow("client destroyed") << QStringLiteral("destroyed");
        QTest::newRow("too large") << QStringLiteral("too large");
    }
    void turnComesBack_whenTheReplyEnds()
    {
        QFETCH(QString, ending);
        m_gate->setMaxInFlight(1);
        m_server->setResponseDelayMs(ending == QLatin1String("finished") ? 50 : 1500);
        auto first = makeClient();
        auto second = makeClient();
        QSignalSpy firstDone(first.get(), &BemClient::finished);
        QSignalSpy secondDone(second.get(), &BemClient::finished);
        if (ending == QLatin1String("timed out"))
            first->setTransferTimeoutMs(200);
        if (ending == QLatin1String("too large"))
            first->setMaxBodyBytes(10);
        first->fetchCall(DemoCalls::batch());
        second->fetchCall(DemoCalls::failed());
        QTRY_COMPARE(requestsFor(*m_server, DemoCalls::batch()), 1);
        QCOMPARE(m_gate->inFlight(), 1);
        QCOMPARE(m_gate->waiting(), 1);
        QVERIFY(second->isWaitingForTurn());

        if (ending == QLatin1String("canceled"))
            first->cancel();
        else if (ending == QLatin1String("destroyed"))
            first.reset();
        if (ending == QLatin1String("canceled") || ending == QLatin1String("destroyed")) {
            // The turn is free at once; the server sees the hang-up.
            QCOMPARE(m_gate->inFlight(), 0);
            QTRY_VERIFY(wasCanceled(*m_server, DemoCalls::batch()));
        }
        QTRY_COMPARE_WITH_TIMEOUT(secondDone.size(), 1, 10'000);
        QCOMPARE(secondDone.at(0).at(0).value<FetchResult>().outcome, FetchOutcome::Success);
        if (first) {
            QCOMPARE(firstDone.size(), ending == QLatin1String("canceled") ? 0 : 1);
            if (ending == QLatin1String("timed out"))
                QCOMPARE(firstDone.at(0).at(0).value<FetchResult>().outcome, FetchOutcome::Timeout);
            if (ending == QLatin1String("too large"))
                QCOMPARE(firstDone.at(0).at(0).value<FetchResult>().outcome,
                         FetchOutcome::TooLarge);
        }
        QTRY_COMPARE(m_gate->inFlight(), 0);
        QCOMPARE(m_gate->waiting(), 0);
        QCOMPARE(m_server->maxInFlight(), 1);
    }

    void queuedRequest_leavesTheQueueWhenCanceledOrDestroyed()
    {
        m_gate->setMaxInFlight(1);
        m_server->setResponseDelayMs(300);
        auto first = makeClient();
        auto second = makeClient();
        auto third = makeClient();
        QSignalSpy firstDone(first.get(), &BemClient::finished);
        QSignalSpy secondDone(second.get(), &BemClient::finished);
        first->fetchCall(DemoCalls::batch());
        second->fetchCall(DemoCalls::failed());
        third->fetchCall(DemoCalls::progressing());
        QCOMPARE(m_gate->waiting(), 3);
        second->cancel();
        QCOMPARE(m_gate->waiting(), 2);
        QVERIFY(!second->isBusy());
        third.reset();
        QCOMPARE(m_gate->waiting(), 1);
        QTRY_COMPARE(firstDone.size(), 1);
        QCOMPARE(m_gate->waiting(), 0);
        QTest::qWait(100);
        QCOMPARE(m_gate->inFlight(), 0);
        QCOMPARE(secondDone.size(), 0);
        QCOMPARE(requestsFor(*m_server, DemoCalls::failed()), 0);
        QCOMPARE(requestsFor(*m_server, DemoCalls::progressing()), 0);
    }

    void busyParty_takesItsTurnInTheRound()
    {
        // One session asking with five clients at once, then nine sessions with one each:
        // the nine get their turns before the busy one's second request, not after its
        // fifth.
        m_gate->setMaxInFlight(1);
        m_server->setResponseDelayMs(20);
        QObject busy;
        std::vector<std::unique_ptr<BemClient>> clients;
        for (int i = 0; i < 5; ++i) {
            clients.push_back(makeClient());
            clients.back()->setRequestGate(m_gate.get(), QStringLiteral("prod"), &busy);
            clients.back()->fetchCall(QStringLiteral("busy_%1").arg(i));
        }
        std::vector<std::unique_ptr<QObject>> others;
        for (int i = 0; i < 9; ++i) {
            others.push_back(std::make_unique<QObject>());
            clients.push_back(makeClient());
            clients.back()->setRequestGate(m_gate.get(), QStringLiteral("prod"),
                                           others.back().get());
            clients.back()->fetchCall(QStringLiteral("other_%1").arg(i));
        }
        QTRY_COMPARE_WITH_TIMEOUT(m_server->requests().size(), 14, 10'000);
        QStringList order;
        for (const ServerRequestRecord &r : m_server->requests())
            order << r.callId;
        QCOMPARE(order.mid(0, 3), (QStringList{QStringLiteral("busy_0"), QStringLiteral("other_0"),
                                               QStringLiteral("other_1")}));
        QCOMPARE(order.indexOf(QStringLiteral("busy_1")), 10);
        QCOMPARE(order.mid(10), (QStringList{QStringLiteral("busy_1"), QStringLiteral("busy_2"),
                                             QStringLiteral("busy_3"), QStringLiteral("busy_4")}));
        QCOMPARE(m_server->maxInFlight(), 1);
    }

    void tooManyRequests_holdsBackItsGroupOnly_data()
    {
        QTest::addColumn<bool>("retryAfter");
        QTest::newRow("Retry-After: 1") << true;
        QTest::newRow("no Retry-After") << false;
    }
    void tooManyRequests_holdsBackItsGroupOnly()
    {
        QFETCH(bool, retryAfter);
        BackoffPolicy hold;
        hold.initialMs = 800;
        hold.jitter = 0;
        m_gate->setRateLimitPolicy(hold);
        CannedResponse tooMany;
        tooMany.status = 429;
        tooMany.body = R"({"message":"Rate limit exceeded."})";
        if (retryAfter)
            tooMany.headers = {{"Retry-After", "1"}};
        const QString limited = QStringLiteral("wf_limited");
        m_server->setResponses(limited, {tooMany});
        const qint64 expectedHoldMs = retryAfter ? 1000 : 800;

        auto a1 = makeClient(QStringLiteral("A"));
        auto a2 = makeClient(QStringLiteral("A"));
        auto b1 = makeClient(QStringLiteral("B"));
        QSignalSpy a1Done(a1.get(), &BemClient::finished);
        QSignalSpy a2Done(a2.get(), &BemClient::finished);
        QSignalSpy b1Done(b1.get(), &BemClient::finished);
        a1->fetchCall(limited);
        QTRY_COMPARE(a1Done.size(), 1);
        QCOMPARE(a1Done.at(0).at(0).value<FetchResult>().outcome, FetchOutcome::RateLimited);
        const qint64 limitedAt = m_server->requestsFor(limited).constLast().receivedAtMs;
        QVERIFY(m_gate->heldForMs(QStringLiteral("A")) > expectedHoldMs - 300);
        QCOMPARE(m_gate->heldForMs(QStringLiteral("B")), 0);

        a2->fetchCall(DemoCalls::batch());
        b1->fetchCall(DemoCalls::failed());
        // Group B goes at once; group A waits for the end of the hold.
        QTRY_COMPARE(b1Done.size(), 1);
        QCOMPARE(a2Done.size(), 0);
        QVERIFY(a2->isWaitingForTurn());
        QTRY_COMPARE_WITH_TIMEOUT(a2Done.size(), 1, 5000);
        QCOMPARE(a2Done.at(0).at(0).value<FetchResult>().outcome, FetchOutcome::Success);
        const qint64 a2At = m_server->requestsFor(DemoCalls::batch()).constFirst().receivedAtMs;
        const qint64 b1At = m_server->requestsFor(DemoCalls::failed()).constFirst().receivedAtMs;
        QVERIFY2(
            a2At - limitedAt >= expectedHoldMs - 20,
            qPrintable(
                QStringLiteral("group A asked again %1 ms after the 429").arg(a2At - limitedAt)));
        QVERIFY2(b1At - limitedAt < expectedHoldMs / 2,
                 qPrintable(QStringLiteral("group B waited %1 ms").arg(b1At - limitedAt)));
    }

    void tenSessions_shareFourTurnsFairly_andAllFinish()
    {
        m_server->setResponseDelayMs(40);
        QList<RequestGate::Turn> turns;
        connect(m_gate.get(), &RequestGate::turnGranted, this,
                [&](const RequestGate::Turn &t) { turns << t; });
        std::vector<std::unique_ptr<CallSession>> sessions;
        for (int i = 0; i < 10; ++i) {
            sessions.push_back(makeSession());
            sessions.back()->open(DemoCalls::progressingCopy(i));
        }
        for (int i = 0; i < 10; ++i) {
            CallSession *s = sessions.at(size_t(i)).get();
            QTRY_VERIFY_WITH_TIMEOUT(
                s->status().phase == Phase::Finished && !s->status().requestInFlight, 60'000);
            QCOMPARE(s->status().callState, CallState::Completed);
            QCOMPARE(s->snapshot()->call.callId, DemoCalls::progressingCopy(i));
            QVERIFY(requestsFor(*m_server, DemoCalls::progressingCopy(i)) >=
                    DemoScenarios::progressingStageCount());
        }
        QTRY_COMPARE(m_gate->inFlight(), 0);
        QVERIFY2(m_server->maxInFlight() <= 4,
                 qPrintable(QString::number(m_server->maxInFlight())));
        QCOMPARE(m_gate->peakInFlight(), 4);
        // Fair turns: while one request waited, no other session got more than two turns
        // (a session's call and trace clients are one party).
        int most = 0;
        int longest = 0;
        for (const RequestGate::Turn &t : std::as_const(turns)) {
            most = qMax(most, t.mostToOneParty);
            longest = qMax(longest, t.grantsWhileWaiting);
        }
        qInfo("gate: %lld turns for 10 sessions; the longest wait was %d turns, the most turns "
              "one other session got meanwhile %d",
              qlonglong(turns.size()), longest, most);
        QVERIFY2(most <= 2, qPrintable(QString::number(most)));
        QVERIFY2(longest <= 2 * 10, qPrintable(QString::number(longest)));
    }

    void destroyedSession_freesItsTurns_andTheServerSeesTheCancel()
    {
        m_gate->setMaxInFlight(1);
        m_server->setResponseDelayMs(600);
        auto inFlight = makeSession();
        auto queued = makeSession();
        auto last = makeSession();
        inFlight->open(DemoCalls::progressingCopy(1));
        queued->open(DemoCalls::progressingCopy(2));
        last->open(DemoCalls::progressingCopy(3));
        QTRY_COMPARE(requestsFor(*m_server, DemoCalls::progressingCopy(1)), 1);
        QCOMPARE(m_gate->inFlight(), 1);
        QCOMPARE(m_gate->waiting(), 2);
        QVERIFY(queued->status().requestInFlight);
        QVERIFY(queued->status().waitingForTurn);
        QCOMPARE(queued->status().describe(),
                 QStringLiteral("Waiting for a turn to refresh\u2026"));
        QVERIFY(!inFlight->status().waitingForTurn);

        queued.reset();
        QCOMPARE(m_gate->waiting(), 1);
        inFlight.reset();
        QCOMPARE(m_gate->inFlight(), 0);
        QTRY_VERIFY(wasCanceled(*m_server, DemoCalls::progressingCopy(1)));
        QTRY_COMPARE(requestsFor(*m_server, DemoCalls::progressingCopy(3)), 1);
        QCOMPARE(requestsFor(*m_server, DemoCalls::progressingCopy(2)), 0);
        last.reset();
        QCOMPARE(m_gate->inFlight(), 0);
        QCOMPARE(m_gate->waiting(), 0);
    }

    void stopRequest_whileQueued_leavesTheQueue()
    {
        m_gate->setMaxInFlight(1);
        m_server->setResponseDelayMs(400);
        auto first = makeSession();
        auto second = makeSession();
        first->open(DemoCalls::progressingCopy(1));
        second->open(DemoCalls::progressingCopy(2));
        QTRY_COMPARE(requestsFor(*m_server, DemoCalls::progressingCopy(1)), 1);
        QVERIFY(second->status().waitingForTurn);
        QSignalSpy secondStatus(second.get(), &CallSession::statusChanged);
        second->stopRequest();
        QCOMPARE(m_gate->waiting(), 0);
        QCOMPARE(second->status().phase, Phase::Paused);
        QVERIFY(!second->status().requestInFlight);
        QVERIFY(!second->status().waitingForTurn);
        QTest::qWait(600);
        QCOMPARE(requestsFor(*m_server, DemoCalls::progressingCopy(2)), 0);
        // F5 asks again, and the request goes out in its turn.
        second->refreshNow();
        QTRY_COMPARE(requestsFor(*m_server, DemoCalls::progressingCopy(2)), 1);
    }

    void anotherCallOpened_whileQueued_replacesTheQueuedRequest()
    {
        m_gate->setMaxInFlight(1);
        m_server->setResponseDelayMs(300);
        auto first = makeSession();
        auto second = makeSession();
        first->open(DemoCalls::progressingCopy(1));
        second->open(DemoCalls::progressingCopy(2));
        QTRY_COMPARE(requestsFor(*m_server, DemoCalls::progressingCopy(1)), 1);
        QCOMPARE(m_gate->waiting(), 1);
        second->open(DemoCalls::progressingCopy(3));
        // The old call's request left the queue; the new call's waits in its place.
        QCOMPARE(m_gate->waiting(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(requestsFor(*m_server, DemoCalls::progressingCopy(3)), 1, 5000);
        QCOMPARE(requestsFor(*m_server, DemoCalls::progressingCopy(2)), 0);
    }

    void statusSaysWhenTheRequestGoesOut()
    {
        m_gate->setMaxInFlight(1);
        m_server->setResponseDelayMs(300);
        auto first = makeSession();
        auto second = makeSession();
        QList<bool> waiting;
        connect(second.get(), &CallSession::statusChanged, this,
                [&](const PollerStatus &s) { waiting << s.waitingForTurn; });
        first->open(DemoCalls::progressingCopy(1));
        second->open(DemoCalls::progressingCopy(2));
        QTRY_COMPARE(requestsFor(*m_server, DemoCalls::progressingCopy(2)), 1);
        QVERIFY(second->status().requestInFlight);
        QVERIFY(!second->status().waitingForTurn);
        QVERIFY(waiting.contains(true));
        QCOMPARE(waiting.constLast(), false);
    }
};

QTEST_MAIN(TestRequestGate)
#include "tst_requestgate.moc"
