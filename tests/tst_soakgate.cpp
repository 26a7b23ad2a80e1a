// SPDX-License-Identifier: MIT
#include "callsession.h"
#include "calltreemodel.h"
#include "demoscenarios.h"
#include "fastsession.h"
#include "freedmemory.h"
#include "localbemserver.h"
#include "requestgate.h"
#include "soakcall.h"
#include "testutil.h"

#include <QNetworkAccessManager>
#include <QTest>

#include <memory>
#include <vector>

using namespace bem;

namespace {

const QByteArray Key = "sk_test_soakgate_0123456789";
using Phase = PollerStatus::Phase;
constexpr int Sessions = 10;

int refreshesToRun()
{
    // BEM_SOAK_CYCLES shortens the run for valgrind (README, "Memory").
    bool ok = false;
    const int n = qEnvironmentVariableIntValue("BEM_SOAK_CYCLES", &ok);
    return ok && n >= 20 ? n : 300;
}

QString soakId(int i)
{
    return QStringLiteral("wf_soak_%1").arg(i);
}

// Resident memory once the allocator has handed back what is free: what the process
// holds, rather than the high-water mark of up to four large bodies being parsed at once
// (which moment the reading catches is chance).
qint64 heldKiB()
{
    releaseFreedMemory();
    return test::residentKiB();
}

bool allFinished(const std::vector<std::unique_ptr<CallSession>> &sessions)
{
    return std::all_of(sessions.cbegin(), sessions.cend(), [](const auto &s) {
        return s->status().phase == Phase::Finished && !s->status().requestInFlight;
    });
}

} // namespace

// Many open calls at once, at session level (what each tab holds): ten sessions sharing the
// app's request gate, refreshing large live calls hundreds of times, keep resident memory
// flat and give it back when closed; ten finished calls ask nothing.
class TestSoakGate : public QObject
{
    Q_OBJECT

    std::unique_ptr<LocalBemServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<RequestGate> m_gate;

    std::unique_ptr<CallSession> makeSession(ApiVersionChoice choice)
    {
        auto session = test::makeFastSession(m_network.get(), m_server->baseUrl(), Key, choice);
        session->setRequestGate(m_gate.get(), QStringLiteral("soak"));
        return session;
    }
    int callRequests(const QString &callId) const
    {
        return int(m_server->requestsFor(callId, ServerEndpoint::V2Call).size());
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

    void tenLargeLiveCalls_keepResidentMemoryFlat_andGiveItBack()
    {
#if defined(__SANITIZE_ADDRESS__)
        QSKIP("Under AddressSanitizer resident memory is dominated by its quarantine and "
              "shadow memory, so RSS says nothing about the app; the leak check covers it.");
#endif
        const int refreshes = refreshesToRun();
        // Past the growth to 1,000 function calls (refresh 100) and a full turn of the
        // bodies' 60-refresh cycle before memory is measured.
        const int warmUp = qMin(refreshes / 2 + 10, 170);
        // Every session reads the same bytes (the callID in them is not checked), shared,
        // so that what grows is the app's and not the test's.
        test::SoakBodyCache bodies(QStringLiteral("wf_soak"));
        QList<CannedResponse> answers;
        for (int i = 0; i < refreshes; ++i)
            answers << CannedResponse{200, "application/json", bodies.of(i), {}, 0};
        answers << CannedResponse{
            200,
            "application/json",
            test::SoakCall::body(QStringLiteral("wf_soak"), refreshes, QStringLiteral("completed")),
            {},
            0};
        for (int i = 0; i < Sessions; ++i)
            m_server->setResponses(soakId(i), answers);
        // The start is an app already talking to the server (connections open, network
        // code loaded): one small call opened and closed.
        {
            auto primer = makeSession(ApiVersionChoice::Auto);
            primer->open(DemoCalls::batch());
            QTRY_VERIFY_WITH_TIMEOUT(primer->status().phase == Phase::Finished, 10'000);
        }
        QTest::qWait(300);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        const qint64 rssAtStart = heldKiB();

        QElapsedTimer clock;
        clock.start();
        std::vector<std::unique_ptr<CallSession>> sessions;
        for (int i = 0; i < Sessions; ++i) {
            sessions.push_back(makeSession(ApiVersionChoice::V2));
            sessions.back()->open(soakId(i));
        }
        const auto everyoneAt = [&](int n) {
            for (int i = 0; i < Sessions; ++i) {
                if (callRequests(soakId(i)) < n)
                    return false;
            }
            return true;
        };
        QTRY_VERIFY_WITH_TIMEOUT(everyoneAt(warmUp), 120'000);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        const qint64 rawAfterWarmUp = test::residentKiB();
        const qint64 rssAfterWarmUp = heldKiB();
        const qint64 warmUpMs = clock.elapsed();

        QTRY_VERIFY_WITH_TIMEOUT(allFinished(sessions), 120'000);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        const qint64 rawAtEnd = test::residentKiB();
        const qint64 rssAtEnd = heldKiB();
        const qint64 allMs = clock.elapsed();
        for (int i = 0; i < Sessions; ++i) {
            const CallSession &s = *sessions.at(size_t(i));
            QCOMPARE(s.status().callState, CallState::Completed);
            QCOMPARE(s.model()->functionCallCount(), test::SoakCall::presentIn(refreshes) + 1);
            // Every refresh was a new state: none was skipped.
            QCOMPARE(callRequests(soakId(i)), refreshes + 1);
        }
        QVERIFY2(m_server->maxInFlight() <= RequestGate::DefaultMaxInFlight,
                 qPrintable(QString::number(m_server->maxInFlight())));

        sessions.clear();
        m_server->clearRequests(); // the test's own log of 3,000 requests
        // Deferred deletes, and the parse threads' last results, are let go, and the app
        // hands the freed memory back on its own (no release by the test here).
        QTest::qWait(300);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        const qint64 rssClosed = test::residentKiB();
        QCOMPARE(m_gate->inFlight(), 0);
        QCOMPARE(m_gate->waiting(), 0);

        qInfo("soakgate: %d sessions x %d refreshes of a %d-function-call call in %lld ms "
              "(%.1f ms per refresh after warm-up); VmRSS start %lld KiB, after warm-up "
              "(%d refreshes each) %lld KiB, end %lld KiB (growth after warm-up %lld KiB), "
              "closed %lld KiB (%lld KiB above the start); peak requests in flight %d; before "
              "handing back free memory: after warm-up %lld KiB, end %lld KiB",
              Sessions, refreshes, test::SoakCall::FunctionCalls, allMs,
              double(allMs - warmUpMs) / double(Sessions * (refreshes - warmUp)), rssAtStart,
              warmUp, rssAfterWarmUp, rssAtEnd, rssAtEnd - rssAfterWarmUp, rssClosed,
              rssClosed - rssAtStart, m_gate->peakInFlight(), rawAfterWarmUp, rawAtEnd);
        if (refreshes < 300)
            QSKIP("Too few refreshes for a memory figure (BEM_SOAK_CYCLES is for valgrind runs)");
        QVERIFY(rssAtStart > 0 && rssAfterWarmUp > 0 && rssAtEnd > 0 && rssClosed > 0);
        QVERIFY2(rssAtEnd - rssAfterWarmUp < 10 * 1024,
                 qPrintable(QStringLiteral("resident memory grew by %1 KiB after warm-up")
                                .arg(rssAtEnd - rssAfterWarmUp)));
        QVERIFY2(rssClosed - rssAtStart < 10 * 1024,
                 qPrintable(QStringLiteral("with the sessions closed, resident memory is %1 KiB "
                                           "above the start")
                                .arg(rssClosed - rssAtStart)));
    }

    void tenFinishedCalls_askNothing()
    {
        // Five calls watched until they ended (their trace and events fetched one last
        // time), five opened when already finished.
        std::vector<std::unique_ptr<CallSession>> sessions;
        for (int i = 0; i < 5; ++i) {
            sessions.push_back(makeSession(ApiVersionChoice::Auto));
            sessions.back()->open(DemoCalls::progressingCopy(i));
        }
        for (const QString &id :
             {DemoCalls::failed(), DemoCalls::batch(), DemoCalls::partlyFailed(),
              DemoCalls::manyOutputs(), DemoCalls::v3Only()}) {
            sessions.push_back(makeSession(ApiVersionChoice::Auto));
            sessions.back()->open(id);
        }
        QTRY_VERIFY_WITH_TIMEOUT(allFinished(sessions), 60'000);
        // The last trace and event pages of the calls that just ended.
        QTRY_VERIFY_WITH_TIMEOUT(m_gate->inFlight() == 0 && m_gate->waiting() == 0, 10'000);
        QTest::qWait(300);
        m_server->clearRequests();
        QTest::qWait(3000);
        QStringList asked;
        for (const ServerRequestRecord &r : m_server->requests())
            asked << endpointName(r.endpoint) + u' ' + r.callId;
        QVERIFY2(asked.isEmpty(), qPrintable(asked.join(QStringLiteral(", "))));
        QCOMPARE(m_gate->inFlight(), 0);
    }
};

QTEST_MAIN(TestSoakGate)
#include "tst_soakgate.moc"
