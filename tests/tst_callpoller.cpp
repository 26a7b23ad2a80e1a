// SPDX-License-Identifier: MIT
#include "bemclient.h"
#include "callloader.h"
#include "callpoller.h"
#include "demoscenarios.h"
#include "formatting.h"
#include "localapi.h"
#include "localbemserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <numeric>

using namespace bem;

namespace {

const QByteArray Key = "sk_test_poller_0123456789";
using Phase = PollerStatus::Phase;

QByteArray callBody(const QString &id, const QString &status, int activitySteps = 0)
{
    QJsonArray activity;
    for (int i = 0; i < activitySteps; ++i)
        activity.append(
            QJsonObject{{QStringLiteral("displayName"), QStringLiteral("Step %1").arg(i)},
                        {QStringLiteral("status"), QStringLiteral("completed")}});
    const QJsonObject fc{{QStringLiteral("functionCallID"), QStringLiteral("fc_1")},
                         {QStringLiteral("status"), status},
                         {QStringLiteral("activity"), activity}};
    const QJsonObject call{{QStringLiteral("callID"), id},
                           {QStringLiteral("status"), status},
                           {QStringLiteral("functionCalls"), QJsonArray{fc}}};
    return QJsonDocument(QJsonObject{{QStringLiteral("call"), call}})
        .toJson(QJsonDocument::Compact);
}

CannedResponse ok(const QByteArray &body)
{
    CannedResponse r;
    r.body = body;
    return r;
}

CannedResponse failure(int status, const QByteArray &body,
                       const QByteArray &type = "application/json")
{
    CannedResponse r;
    r.status = status;
    r.body = body;
    r.contentType = type;
    return r;
}

// Gaps between the arrivals of consecutive requests, as the server saw them.
QList<qint64> gaps(const QList<ServerRequestRecord> &requests)
{
    QList<qint64> result;
    for (qsizetype i = 1; i < requests.size(); ++i)
        result.append(requests[i].receivedAtMs - requests[i - 1].receivedAtMs);
    return result;
}

QString gapsText(const QList<qint64> &g)
{
    QStringList parts;
    for (qint64 v : g)
        parts << QString::number(v);
    return parts.join(u',');
}

} // namespace

// CallPoller against the local server. Timing is asserted on the server's request log
// (when requests really arrived), never on the poller's own bookkeeping. Intervals are
// scaled down through BackoffPolicy so the suite stays fast.
class TestCallPoller : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::LocalApi> m_api;
    std::unique_ptr<CallLoader> m_loader;
    std::unique_ptr<CallPoller> m_poller;

    void usePolicy(int initialMs, int maxMs, double jitter = 0.0)
    {
        BackoffPolicy p;
        p.initialMs = initialMs;
        p.maxMs = maxMs;
        p.jitter = jitter;
        m_poller->setPolicy(p);
    }
    bool waitForPhase(Phase phase, int timeoutMs = 10'000)
    {
        return QTest::qWaitFor([&] { return m_poller->status().phase == phase; }, timeoutMs);
    }

private slots:
    void init()
    {
        m_api = std::make_unique<test::LocalApi>(Key);
        m_loader = std::make_unique<CallLoader>();
        m_poller = std::make_unique<CallPoller>(&m_api->client, m_loader.get());
        m_poller->setRandomSeed(7);
        usePolicy(20, 160);
    }
    void cleanup()
    {
        m_poller.reset();
        m_loader.reset();
        m_api.reset();
    }

    void followsACallUntilItCompletes_thenStops()
    {
        usePolicy(20, 5000);
        QSignalSpy snapshots(m_poller.get(), &CallPoller::snapshotChanged);
        m_poller->start(DemoCalls::progressing());
        QVERIFY(waitForPhase(Phase::Finished, 30'000));
        const int stages = DemoScenarios::progressingStageCount();
        // Every stage differs from the one before, so every poll brought a new snapshot.
        QCOMPARE(m_api->server.requestsFor(DemoCalls::progressing()).size(), stages);
        QCOMPARE(snapshots.size(), stages);
        QCOMPARE(m_poller->snapshot()->call.status.state(), CallState::Completed);
        QVERIFY2(m_poller->status().describe().startsWith(QStringLiteral("Stopped: completed ")),
                 qPrintable(m_poller->status().describe()));
        QTest::qWait(400);
        QCOMPARE(m_api->server.requests().size(), stages);
        // Changes keep the pace fast (~20 ms apart); backing off would have taken
        // 40 + 80 + … + 5000 ms, over 20 s, for this many polls.
        const QList<qint64> g = gaps(m_api->server.requests());
        QVERIFY2(std::accumulate(g.begin(), g.end(), qint64(0)) < 3000, qPrintable(gapsText(g)));
    }

    // Only pending and running are live. An undocumented status without finishedAt is
    // looked at the slowest pace (the policy's cap), and only for a while.
    void undocumentedStatus_isCheckedSlowlyThenGivenUp()
    {
        usePolicy(20, 150);
        m_poller->setUndocumentedStatusLimitMs(1200);
        const QString id = QStringLiteral("c_admin");
        m_api->server.setResponses(id, {ok(callBody(id, QStringLiteral("paused_by_admin")))});
        m_poller->start(id);
        QVERIFY(waitForPhase(Phase::Waiting));
        const QString text = m_poller->status().describe();
        QVERIFY2(text.startsWith(QStringLiteral("Status \u201cpaused_by_admin\u201d is not one "
                                                "bem documents: checking every 1 s for up to "
                                                "1 min")),
                 qPrintable(text));
        QVERIFY(waitForPhase(Phase::Finished, 10'000));
        QCOMPARE(m_poller->status().concern, PollerStatus::Concern::UndocumentedTooLong);
        QVERIFY2(m_poller->status().describe().contains(QStringLiteral("press F5")),
                 qPrintable(m_poller->status().describe()));
        const QList<ServerRequestRecord> requests = m_api->server.requestsFor(id);
        // At the cap from the first refresh on (a documented status would start at 20 ms).
        for (qint64 gap : gaps(requests))
            QVERIFY2(gap >= 140, qPrintable(gapsText(gaps(requests))));
        QVERIFY2(requests.size() >= 3 && requests.size() <= 12,
                 qPrintable(gapsText(gaps(requests))));
        QTest::qWait(500);
        QCOMPARE(m_api->server.requestsFor(id).size(), requests.size());
        // F5 still asks.
        m_poller->refreshNow();
        QTRY_COMPARE(m_api->server.requestsFor(id).size(), requests.size() + 1);
    }

    void undocumentedStatusWithFinishedAt_isTerminal()
    {
        const QString id = QStringLiteral("c_cancelled");
        m_api->server.setResponses(
            id, {ok("{\"call\":{\"callID\":\"c_cancelled\",\"status\":\"cancelled\","
                    "\"finishedAt\":\"2024-01-02T03:04:05Z\"}}")});
        m_poller->start(id);
        QVERIFY(waitForPhase(Phase::Finished));
        QTest::qWait(300);
        QCOMPARE(m_api->server.requestsFor(id).size(), 1);
        const QString text = m_poller->status().describe();
        QVERIFY2(text.startsWith(QStringLiteral("Stopped: ended as \u201ccancelled\u201d on ")),
                 qPrintable(text));
    }

    void missingOrInvalidStatus_isNotPolled_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("missing") << QByteArray("{\"call\":{\"callID\":\"c_nostatus\"}}");
        QTest::newRow("number") << QByteArray(
            "{\"call\":{\"callID\":\"c_nostatus\",\"status\":42}}");
        QTest::newRow("null") << QByteArray(
            "{\"call\":{\"callID\":\"c_nostatus\",\"status\":null}}");
    }
    void missingOrInvalidStatus_isNotPolled()
    {
        QFETCH(QByteArray, body);
        const QString id = QStringLiteral("c_nostatus");
        m_api->server.setResponses(id, {ok(body)});
        m_poller->start(id);
        QVERIFY(waitForPhase(Phase::Finished));
        QCOMPARE(m_poller->status().concern, PollerStatus::Concern::NoStatus);
        QVERIFY2(m_poller->status().describe().contains(QStringLiteral("no status")),
                 qPrintable(m_poller->status().describe()));
        QTest::qWait(400);
        QCOMPARE(m_api->server.requestsFor(id).size(), 1);
        m_poller->refreshNow();
        QTRY_COMPARE(m_api->server.requestsFor(id).size(), 2);
    }

    // "completed 626 d ago" says little: past a day the date is shown.
    void oldFinish_showsTheDate()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        PollerStatus s;
        s.phase = Phase::Finished;
        s.callState = CallState::Completed;
        s.callFinishedAt = now.addDays(-626);
        const QString text = s.describe(true, now);
        QVERIFY2(!text.contains(QStringLiteral(" d ago")), qPrintable(text));
        QVERIFY2(text.startsWith(QStringLiteral("Stopped: completed on ")), qPrintable(text));
        // The date reads as everywhere else a finish is dated (formatSince).
        QVERIFY2(text.contains(
                     s.callFinishedAt.toLocalTime().toString(QStringLiteral("d MMM yyyy, HH:mm"))),
                 qPrintable(text));
        QCOMPARE(text, QStringLiteral("Stopped: completed ") + formatSince(s.callFinishedAt, now));
        s.callFinishedAt = now.addSecs(-3 * 3600);
        QCOMPARE(s.describe(true, now), QStringLiteral("Stopped: completed 3 h ago"));
    }

    void stopRequest_cancelsAndPauses()
    {
        m_api->server.setSlowDelayMs(30'000);
        QSignalSpy snapshots(m_poller.get(), &CallPoller::snapshotChanged);
        QSignalSpy failures(m_poller.get(), &CallPoller::fetchFailed);
        m_poller->start(DemoCalls::slow());
        QTRY_COMPARE(m_api->server.requestsFor(DemoCalls::slow()).size(), 1);
        m_poller->stopRequest();
        QCOMPARE(m_poller->status().phase, Phase::Paused);
        QCOMPARE(m_poller->status().concern, PollerStatus::Concern::Stopped);
        QCOMPARE(m_poller->status().describe(),
                 QStringLiteral("Stopped by you \u00b7 press F5 to refresh"));
        QTest::qWait(400);
        QCOMPARE(snapshots.size(), 0);
        QCOMPARE(failures.size(), 0);
        QCOMPARE(m_api->server.requestsFor(DemoCalls::slow()).size(), 1);
    }

    void stopsAtFailed()
    {
        m_poller->start(DemoCalls::failed());
        QVERIFY(waitForPhase(Phase::Finished));
        QVERIFY2(m_poller->status().describe().startsWith(QStringLiteral("Stopped: failed ")),
                 qPrintable(m_poller->status().describe()));
        QTest::qWait(200);
        QCOMPARE(m_api->server.requests().size(), 1);
    }

    void backsOffWhileNothingChanges_withinTheCap()
    {
        usePolicy(40, 320);
        m_api->server.setResponses(
            QStringLiteral("c_quiet"),
            {ok(callBody(QStringLiteral("c_quiet"), QStringLiteral("running")))});
        QSignalSpy snapshots(m_poller.get(), &CallPoller::snapshotChanged);
        m_poller->start(QStringLiteral("c_quiet"));
        QTRY_VERIFY_WITH_TIMEOUT(m_api->server.requests().size() >= 7, 10'000);
        m_poller->stop();
        const QList<qint64> g = gaps(m_api->server.requests());
        // After the first answer: fast, then doubling per quiet poll up to the cap.
        const QList<int> expected{40, 80, 160, 320, 320, 320};
        for (int i = 0; i < expected.size(); ++i) {
            QVERIFY2(g[i] >= expected[i] - 2, qPrintable(gapsText(g)));
            // Well below the next doubling: the cap holds.
            QVERIFY2(g[i] <= expected[i] + 250, qPrintable(gapsText(g)));
        }
        // Byte-identical refreshes reach nobody downstream.
        QCOMPARE(snapshots.size(), 1);
    }

    void jitterVariesTheDelays()
    {
        usePolicy(30, 120, 0.5);
        m_api->server.setResponses(
            QStringLiteral("c_quiet"),
            {ok(callBody(QStringLiteral("c_quiet"), QStringLiteral("running")))});
        m_poller->start(QStringLiteral("c_quiet"));
        QTRY_VERIFY_WITH_TIMEOUT(m_api->server.requests().size() >= 12, 10'000);
        m_poller->stop();
        // Only lower bounds here: a loaded machine can only make gaps longer. That the
        // jitter stays under the cap is tested without timing in tst_apiendpoint.
        const QList<qint64> g = gaps(m_api->server.requests());
        for (qint64 gap : g.mid(4))
            QVERIFY2(gap >= 60 - 2, qPrintable(gapsText(g)));
        QVERIFY2(*std::max_element(g.begin() + 4, g.end()) -
                         *std::min_element(g.begin() + 4, g.end()) >
                     5,
                 "jitter must vary the delays");
    }

    void returnsToFastWhenSomethingChanges()
    {
        usePolicy(40, 1280);
        const QByteArray quiet = callBody(QStringLiteral("c_wake"), QStringLiteral("running"));
        const QByteArray changed = callBody(QStringLiteral("c_wake"), QStringLiteral("running"), 1);
        m_api->server.setResponses(QStringLiteral("c_wake"),
                                   {ok(quiet), ok(quiet), ok(quiet), ok(quiet), ok(changed)});
        m_poller->start(QStringLiteral("c_wake"));
        QTRY_VERIFY_WITH_TIMEOUT(m_api->server.requests().size() >= 6, 10'000);
        m_poller->stop();
        const QList<qint64> g = gaps(m_api->server.requests());
        // quiet ×3 backs off (80, 160, 320); the change brings the next poll back near
        // 40 ms, where another quiet poll would have waited 640 ms.
        QVERIFY2(g[3] >= 318, qPrintable(gapsText(g)));
        QVERIFY2(g[4] >= 38 && g[4] < 400, qPrintable(gapsText(g)));
    }

    void keepsTheLastGoodSnapshotAcrossTransientFailures()
    {
        const QString id = QStringLiteral("c_bumpy");
        const QByteArray running = callBody(id, QStringLiteral("running"));
        m_api->server.setResponses(
            id, {ok(running),
                 failure(500, "{\"message\":\"internal error\",\"code\":500,\"details\":{}}"),
                 failure(502, "<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html"),
                 ok("{\"call\": {\"callID\": 'broken'}}"),
                 ok(callBody(id, QStringLiteral("completed")))});
        QSignalSpy snapshots(m_poller.get(), &CallPoller::snapshotChanged);
        QSignalSpy failures(m_poller.get(), &CallPoller::fetchFailed);
        QList<bool> snapshotDuringFailures;
        connect(m_poller.get(), &CallPoller::fetchFailed, this, [&] {
            snapshotDuringFailures
                << (m_poller->snapshot() &&
                    m_poller->snapshot()->call.status.raw() == QStringLiteral("running"));
            QCOMPARE(m_poller->status().phase, Phase::Retrying);
        });
        m_poller->start(id);
        QVERIFY(waitForPhase(Phase::Finished));
        QCOMPARE(failures.size(), 3);
        QCOMPARE(snapshotDuringFailures, QList<bool>({true, true, true}));
        QCOMPARE(snapshots.size(), 2);
        QCOMPARE(m_api->server.requests().size(), 5);
        // Failures back off from the first retry: 2×, 4×, 8× the initial interval.
        const QList<qint64> g = gaps(m_api->server.requests());
        QVERIFY2(g[1] >= 40 - 2 && g[2] >= 80 - 2 && g[3] >= 160 - 2, qPrintable(gapsText(g)));
    }

    void retryingStateIsDescribed()
    {
        m_api->server.setFailuresBeforeRecovery(1);
        m_api->server.setRetryAfterSeconds(5);
        m_poller->start(DemoCalls::rateLimited());
        QVERIFY(waitForPhase(Phase::Retrying));
        const PollerStatus s = m_poller->status();
        QCOMPARE(s.attempt, 1);
        QCOMPARE(s.lastOutcome, FetchOutcome::RateLimited);
        QVERIFY(s.nextRefreshInMs > 2000 && s.nextRefreshInMs <= 5000);
        QVERIFY2(s.describe().startsWith(QStringLiteral("Retrying in ")) &&
                     s.describe().contains(QStringLiteral(" s after: bem is limiting")),
                 qPrintable(s.describe()));
        QVERIFY(s.describe().endsWith(QStringLiteral("(attempt 1)")));
    }

    void waitsAtLeastRetryAfter()
    {
        m_api->server.setFailuresBeforeRecovery(1);
        m_api->server.setRetryAfterSeconds(1);
        m_poller->start(DemoCalls::rateLimited());
        QVERIFY(waitForPhase(Phase::Finished, 5000));
        const QList<qint64> g = gaps(m_api->server.requests());
        QCOMPARE(g.size(), 1);
        QVERIFY2(g[0] >= 1000, qPrintable(gapsText(g)));
    }

    void stopsOnUnauthorized()
    {
        m_api->client.setApiKey(QStringLiteral("sk_revoked_key_123456"));
        m_poller->start(DemoCalls::progressing());
        QVERIFY(waitForPhase(Phase::Stopped));
        QVERIFY2(m_poller->status().describe().startsWith(QStringLiteral(
                     "Stopped: The API key was refused \u2014 check it in Settings")),
                 qPrintable(m_poller->status().describe()));
        QTest::qWait(300);
        QCOMPARE(m_api->server.requests().size(), 1);
        // After the user fixes the key, "refresh now" tries again.
        m_api->client.setApiKey(QString::fromLatin1(Key));
        m_poller->refreshNow();
        QTRY_VERIFY(m_poller->snapshot() != nullptr);
        QCOMPARE(m_api->server.requests().at(1).apiKey, Key);
        QVERIFY(m_poller->status().phase != Phase::Stopped);
    }

    void stopsOnNotFound()
    {
        m_poller->start(QStringLiteral("wf_nope"));
        QVERIFY(waitForPhase(Phase::Stopped));
        QCOMPARE(m_poller->status().lastOutcome, FetchOutcome::NotFound);
        QTest::qWait(300);
        QCOMPARE(m_api->server.requests().size(), 1);
    }

    void neverTwoRequestsInFlight()
    {
        usePolicy(5, 10);
        m_api->server.setSlowDelayMs(2000);
        m_poller->start(DemoCalls::slow()); // answers a completed call, 2 s late
        for (int i = 0; i < 10; ++i) {
            m_poller->refreshNow();
            QTest::qWait(20);
        }
        QCOMPARE(m_api->server.requests().size(), 1);
        QVERIFY(waitForPhase(Phase::Finished, 10'000));
        QCOMPARE(m_api->server.requests().size(), 1);

        // A live call answered slowly: each request arrives only after the previous answer.
        CannedResponse slowRunning =
            ok(callBody(QStringLiteral("c_slow"), QStringLiteral("running")));
        slowRunning.delayMs = 150;
        m_api->server.setResponses(QStringLiteral("c_slow"), {slowRunning});
        m_api->server.clearRequests();
        m_poller->start(QStringLiteral("c_slow"));
        QTRY_VERIFY_WITH_TIMEOUT(m_api->server.requests().size() >= 5, 10'000);
        m_poller->stop();
        for (qint64 gap : gaps(m_api->server.requests()))
            QVERIFY2(gap >= 150, qPrintable(gapsText(gaps(m_api->server.requests()))));
    }

    void pauseAndResume()
    {
        usePolicy(30, 30);
        m_api->server.setResponses(
            QStringLiteral("c_live"),
            {ok(callBody(QStringLiteral("c_live"), QStringLiteral("running")))});
        m_poller->start(QStringLiteral("c_live"));
        QTRY_VERIFY(m_api->server.requests().size() >= 2);
        m_poller->pause();
        QVERIFY(waitForPhase(Phase::Paused));
        QTRY_VERIFY(!m_poller->status().requestInFlight); // one in flight may still land
        const qsizetype atPause = m_api->server.requests().size();
        QTest::qWait(300);
        QCOMPARE(m_api->server.requests().size(), atPause);
        QVERIFY2(m_poller->status().describe().startsWith(QStringLiteral("Paused \u00b7 updated ")),
                 qPrintable(m_poller->status().describe()));
        m_poller->resume();
        QTRY_VERIFY(m_api->server.requests().size() >= atPause + 3);
        QVERIFY(m_poller->status().phase == Phase::Waiting);
    }

    void refreshNowAfterFinished_asksOnceMore()
    {
        QSignalSpy snapshots(m_poller.get(), &CallPoller::snapshotChanged);
        m_poller->start(DemoCalls::batch());
        QVERIFY(waitForPhase(Phase::Finished));
        m_poller->refreshNow();
        QTRY_COMPARE(m_api->server.requests().size(), 2);
        QVERIFY(waitForPhase(Phase::Finished));
        QTest::qWait(200);
        QCOMPARE(m_api->server.requests().size(), 2);
        QCOMPARE(snapshots.size(), 1); // the same bytes: nothing new downstream
    }

    void startingAnotherCall_dropsTheFirst()
    {
        usePolicy(20, 20);
        m_api->server.setSlowDelayMs(2000);
        QSignalSpy snapshots(m_poller.get(), &CallPoller::snapshotChanged);
        m_poller->start(DemoCalls::slow());
        QTRY_COMPARE(m_api->server.requests().size(), 1);
        m_poller->start(DemoCalls::failed());
        QVERIFY(waitForPhase(Phase::Finished));
        QTest::qWait(2200); // past the slow answer's time
        QCOMPARE(snapshots.size(), 1);
        QCOMPARE(m_poller->snapshot()->call.callId, DemoCalls::failed());
    }

    void describe_everyPhase()
    {
        const QDateTime now = QDateTime(QDate(2026, 12, 1), QTime(10, 0, 0), Qt::UTC);
        PollerStatus s;
        QCOMPARE(s.describe(true, now), QString());
        s.phase = Phase::Loading;
        QCOMPARE(s.describe(true, now), QStringLiteral("Loading\u2026"));
        s.phase = Phase::Waiting;
        s.nextRefreshInMs = 3200;
        QCOMPARE(s.describe(true, now), QStringLiteral("Next refresh in 4 s"));
        s.lastUpdated = now.addMSecs(-2400);
        QCOMPARE(s.describe(true, now), QStringLiteral("Updated 2 s ago \u00b7 next in 4 s"));
        s.requestInFlight = true;
        QCOMPARE(s.describe(true, now), QStringLiteral("Refreshing\u2026"));
        s.requestInFlight = false;
        s.phase = Phase::Paused;
        QCOMPARE(s.describe(true, now), QStringLiteral("Paused \u00b7 updated 2 s ago"));
        s.phase = Phase::Retrying;
        s.attempt = 3;
        s.lastError = QStringLiteral("The bem server could not answer (HTTP 503).");
        QCOMPARE(s.describe(true, now),
                 QStringLiteral("Retrying in 4 s after: The bem server could not "
                                "answer (HTTP 503) (attempt 3)"));
        QCOMPARE(s.describe(false, now), QStringLiteral("Retrying in 4 s \u00b7 attempt 3"));
        s.phase = Phase::Stopped;
        s.lastError = QStringLiteral("No call with this ID in this environment.");
        QCOMPARE(s.describe(true, now),
                 QStringLiteral("Stopped: No call with this ID in this environment"));
        QCOMPARE(s.describe(false, now), QStringLiteral("Stopped refreshing"));
        s.phase = Phase::Finished;
        s.callState = CallState::Completed;
        QCOMPARE(s.describe(true, now), QStringLiteral("Stopped: the call completed"));
        s.callFinishedAt = now.addSecs(-3);
        QCOMPARE(s.describe(true, now), QStringLiteral("Stopped: completed 3 s ago"));
        s.callState = CallState::Failed;
        s.callFinishedAt = now.addSecs(-7200);
        QCOMPARE(s.describe(true, now), QStringLiteral("Stopped: failed 2 h ago"));
    }

    // The status carries what the status line needs: when the last answer came and when
    // the call finished.
    void status_carriesUpdateAndFinishTimes()
    {
        const QDateTime before = QDateTime::currentDateTimeUtc();
        m_poller->start(DemoCalls::failed());
        QVERIFY(waitForPhase(Phase::Finished));
        const PollerStatus s = m_poller->status();
        QVERIFY(s.lastUpdated.isValid());
        QVERIFY(s.lastUpdated >= before.addMSecs(-1));
        QVERIFY(s.callFinishedAt.isValid());
        QCOMPARE(s.callFinishedAt, m_poller->snapshot()->call.finishedAt.value);
        QVERIFY(s.describe().startsWith(QStringLiteral("Stopped: failed ")));
    }
};

QTEST_GUILESS_MAIN(TestCallPoller)
#include "tst_callpoller.moc"
