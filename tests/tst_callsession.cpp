// SPDX-License-Identifier: MIT
#include "apikeystore.h"
#include "callsession.h"
#include "calltreemodel.h"
#include "demoscenarios.h"
#include "fastsession.h"
#include "keychainsandbox.h"
#include "localbemserver.h"
#include "testutil.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace bem;

namespace {

const QByteArray Key = "sk_test_session_0123456789";
using Phase = PollerStatus::Phase;

QByteArray callBody(const QString &id, const QString &status, const QString &fcId)
{
    return QStringLiteral("{\"call\":{\"callID\":\"%1\",\"status\":\"%2\",\"functionCalls\":"
                          "[{\"functionCallID\":\"%3\",\"status\":\"%2\"}]}}")
        .arg(id, status, fcId)
        .toUtf8();
}

CannedResponse ok(const QByteArray &body)
{
    CannedResponse r;
    r.body = body;
    return r;
}

} // namespace

// CallSession against the local bem API (real sockets): one open call, live or from a
// file, from the bytes to the model.
class TestCallSession : public QObject
{
    Q_OBJECT

    std::unique_ptr<LocalBemServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    QTemporaryDir m_dir;
    std::unique_ptr<test::KeychainSandbox> m_sandbox;

    // V2 unless asked: the tests written for v2 count v2 requests one by one.
    std::unique_ptr<CallSession> makeSession(ApiVersionChoice choice = ApiVersionChoice::V2)
    {
        return test::makeFastSession(m_network.get(), m_server->baseUrl(), Key, choice);
    }
    QString writeFile(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            qFatal("could not write %s", qPrintable(path));
        return path;
    }

private slots:
    void initTestCase()
    {
        // The key test's keychain entry and files stay in a home of the test's own.
        m_sandbox = std::make_unique<test::KeychainSandbox>(QStringLiteral("session"));
    }
    void cleanupTestCase() { m_sandbox.reset(); }

    void init()
    {
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

    // Two sessions side by side on one network manager: each asks for its own call, and
    // each model ends with its own call.
    void twoSessions_watchTwoCallsAtOnce()
    {
        auto a = makeSession();
        auto b = makeSession();
        QAbstractItemModelTester testerA(a->model());
        QAbstractItemModelTester testerB(b->model());
        QSignalSpy shownA(a.get(), &CallSession::shown);
        QSignalSpy shownB(b.get(), &CallSession::shown);
        a->open(DemoCalls::progressing());
        b->open(DemoCalls::failed());
        QTRY_VERIFY_WITH_TIMEOUT(
            a->status().phase == Phase::Finished && b->status().phase == Phase::Finished, 30'000);
        QCOMPARE(a->snapshot()->call.callId, DemoCalls::progressing());
        QCOMPARE(a->snapshot()->call.status.state(), CallState::Completed);
        QCOMPARE(b->snapshot()->call.callId, DemoCalls::failed());
        QCOMPARE(b->snapshot()->call.status.state(), CallState::Failed);
        QCOMPARE(a->model()->callId(), DemoCalls::progressing());
        QCOMPARE(b->model()->callId(), DemoCalls::failed());
        // Every request carried the key and asked for one of the two calls; each session
        // refreshed its own (the progressing call took one request per stage).
        const QList<ServerRequestRecord> requests = m_server->requests();
        for (const ServerRequestRecord &r : requests) {
            QCOMPARE(r.apiKey, Key);
            QVERIFY(r.callId == DemoCalls::progressing() || r.callId == DemoCalls::failed());
        }
        QCOMPARE(m_server->requestsFor(DemoCalls::progressing()).size(),
                 DemoScenarios::progressingStageCount());
        QCOMPARE(m_server->requestsFor(DemoCalls::failed()).size(), 1);
        QCOMPARE(shownA.size(), DemoScenarios::progressingStageCount());
        QCOMPARE(shownB.size(), 1);
    }

    void openFile_showsItOffline()
    {
        auto session = makeSession();
        QSignalSpy opened(session.get(), &CallSession::fileOpened);
        QSignalSpy shown(session.get(), &CallSession::shown);
        QVERIFY(session->openFile(QStringLiteral(BEM_TEST_DATA_DIR "/progress-4.json")));
        QVERIFY(session->isLoadingFile());
        QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 1, 20'000);
        QVERIFY(!session->isLoadingFile());
        QCOMPARE(opened.size(), 1);
        QVERIFY(session->isOffline());
        QCOMPARE(session->snapshot()->body, test::readTestData(QStringLiteral("progress-4.json")));
        QCOMPARE(session->status().phase, Phase::Idle);
        QCOMPARE(m_server->requests().size(), 0);
    }

    // A file that is not a call, or cannot be read: the live call shown stays, and so does
    // its refreshing.
    void openFileFailure_keepsThePreviousCall()
    {
        const QString id = QStringLiteral("c_live");
        m_server->setResponses(
            id, {ok(callBody(id, QStringLiteral("running"), QStringLiteral("fc_1")))});
        auto session = makeSession();
        session->open(id);
        QTRY_VERIFY(session->snapshot() != nullptr);
        QSignalSpy problems(session.get(), &CallSession::problem);
        QSignalSpy changed(session.get(), &CallSession::callChanged);

        QVERIFY(!session->openFile(m_dir.filePath(QStringLiteral("missing.json"))));
        QCOMPARE(problems.size(), 1);
        QVERIFY(problems.last().first().value<SessionProblem>().message.startsWith(
            QStringLiteral("Could not open ")));

        QVERIFY(session->openFile(writeFile(QStringLiteral("junk.json"), "{not json")));
        QTRY_COMPARE_WITH_TIMEOUT(problems.size(), 2, 20'000);
        const SessionProblem p = problems.last().first().value<SessionProblem>();
        QCOMPARE(p.kind, SessionProblem::Kind::File);
        QVERIFY2(p.message.startsWith(QStringLiteral("Could not load ")), qPrintable(p.message));
        QCOMPARE(changed.size(), 0);
        QVERIFY(!session->isOffline());
        QCOMPARE(session->model()->callId(), id);
        // Still live: refreshes go on.
        const qsizetype before = m_server->requestsFor(id).size();
        QTRY_VERIFY(m_server->requestsFor(id).size() > before + 2);
    }

    // A call that stopped for a reason a person must fix (404) stays stopped when a file
    // that is not a call was tried meanwhile: no request is sent for it.
    void openFileFailure_leavesAStoppedCallStopped()
    {
        auto session = makeSession();
        session->open(QStringLiteral("wf_missing"));
        QTRY_COMPARE(session->status().phase, Phase::Stopped);
        const qsizetype before = m_server->requests().size();
        QSignalSpy problems(session.get(), &CallSession::problem);
        QVERIFY(session->openFile(writeFile(QStringLiteral("junk.json"), "{not json")));
        QTRY_COMPARE_WITH_TIMEOUT(problems.size(), 1, 20'000);
        QTest::qWait(300);
        QCOMPARE(m_server->requests().size(), before);
        QCOMPARE(session->status().phase, Phase::Stopped);
    }

    // F5 (or a new key) while a large file is being read waits for it: the file must not
    // be dropped for the refresh, and once it is shown there is nothing to refresh.
    void refreshWhileAFileLoads_keepsTheFile()
    {
        auto session = makeSession();
        session->open(DemoCalls::batch());
        QTRY_COMPARE(session->status().phase, Phase::Finished);
        QByteArray big = "{\"call\":{\"callID\":\"c_file\",\"status\":\"completed\","
                         "\"functionCalls\":[";
        for (int i = 0; i < 40'000; ++i) {
            big += (i ? ",{" : "{") + QByteArray("\"functionCallID\":\"fc") +
                   QByteArray::number(i) +
                   "\",\"status\":\"completed\",\"activity\":[{\"displayName\":\"Read\","
                   "\"status\":\"completed\"}]}";
        }
        big += "]}}";
        QSignalSpy opened(session.get(), &CallSession::fileOpened);
        const qsizetype before = m_server->requests().size();
        QVERIFY(session->openFile(writeFile(QStringLiteral("big.json"), big)));
        session->refreshNow();
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 30'000);
        QVERIFY(!session->isLoadingFile());
        // A different call this large gets its rows built on the thread pool: the model
        // holds it a moment after fileOpened().
        QTRY_VERIFY_WITH_TIMEOUT(session->snapshot() != nullptr, 30'000);
        QCOMPARE(session->snapshot()->call.callId, QStringLiteral("c_file"));
        QTest::qWait(200);
        QCOMPARE(m_server->requests().size(), before);
    }

    // A new base URL while a request to the old one hangs: the new server is asked at once
    // instead of after the old one answers (or times out).
    void newBaseUrl_whileARequestHangs_asksTheNewServerAtOnce()
    {
        m_server->setSlowDelayMs(20'000);
        LocalBemServer other;
        other.setApiKey(Key);
        other.setSlowDelayMs(0);
        QVERIFY(other.listen());
        auto session = makeSession();
        session->open(DemoCalls::slow());
        QTRY_COMPARE(m_server->requestsFor(DemoCalls::slow()).size(), 1);
        QVERIFY(session->status().requestInFlight);
        session->setBaseUrl(other.baseUrl());
        QTRY_COMPARE_WITH_TIMEOUT(other.requestsFor(DemoCalls::slow()).size(), 1, 5'000);
        QTRY_VERIFY_WITH_TIMEOUT(session->snapshot() != nullptr, 5'000);
        QCOMPARE(m_server->requestsFor(DemoCalls::slow()).size(), 1);
    }

    void differentCall_resets_sameCall_merges()
    {
        const QString first = QStringLiteral("c_first");
        const QString second = QStringLiteral("c_second");
        m_server->setResponses(
            first, {ok(callBody(first, QStringLiteral("completed"), QStringLiteral("fc_a")))});
        m_server->setResponses(
            second, {ok(callBody(second, QStringLiteral("completed"), QStringLiteral("fc_b")))});
        auto session = makeSession();
        QAbstractItemModelTester tester(session->model());
        QSignalSpy changed(session.get(), &CallSession::callChanged);
        QSignalSpy resets(session->model(), &QAbstractItemModel::modelReset);
        session->open(first);
        QTRY_COMPARE(session->status().phase, Phase::Finished);
        QCOMPARE(changed.size(), 1);

        // The same call again: no callChanged, the data stays while it refreshes.
        const int resetsBefore = int(resets.size());
        session->open(first);
        QVERIFY(session->snapshot() != nullptr);
        QTRY_COMPARE(session->status().phase, Phase::Finished);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(resets.size(), resetsBefore);

        // A different one: callChanged, and the model is emptied at once.
        session->open(second);
        QCOMPARE(changed.size(), 2);
        QCOMPARE(changed.last().first().toString(), second);
        QVERIFY(session->snapshot() == nullptr);
        QTRY_COMPARE(session->status().phase, Phase::Finished);
        QCOMPARE(session->model()->callId(), second);
    }

    void failedRequest_isAProblemWithItsBody()
    {
        auto session = makeSession();
        QSignalSpy problems(session.get(), &CallSession::problem);
        session->open(DemoCalls::badGateway());
        QTRY_VERIFY(!problems.isEmpty());
        const SessionProblem p = problems.first().first().value<SessionProblem>();
        QCOMPARE(p.kind, SessionProblem::Kind::Request);
        QCOMPARE(p.httpStatus, 502);
        QVERIFY(p.body.contains("<"));
        QVERIFY(!p.contentType.isEmpty());
    }

    // BEM_API_KEY names an old key; the user saves the right one in Settings. The next
    // refresh carries the typed key, and the old one is never sent again.
    void keySavedInSettings_overridesTheEnvironment()
    {
        const QByteArray oldKey = "sk_old_from_environment_000";
        qputenv("BEM_API_KEY", oldKey);
        ApiKeyStore keys;
        keys.setServiceName(m_sandbox->serviceName());
        auto session = makeSession();
        session->setKeyStore(&keys);
        keys.load();
        qunsetenv("BEM_API_KEY");
        QTRY_VERIFY(keys.isLoaded());
        session->open(DemoCalls::batch());
        QTRY_COMPARE(session->status().phase, Phase::Stopped);
        QCOMPARE(session->status().lastOutcome, FetchOutcome::Unauthorized);
        QCOMPARE(m_server->requests().size(), 1);
        QCOMPARE(m_server->requests().first().apiKey, oldKey);

        keys.save(QString::fromLatin1(Key)); // what Settings does with a typed key
        QTRY_COMPARE(session->status().phase, Phase::Finished);
        const QList<ServerRequestRecord> requests = m_server->requests();
        QVERIFY(requests.size() >= 2);
        for (qsizetype i = 1; i < requests.size(); ++i)
            QCOMPARE(requests[i].apiKey, Key);
        keys.forget();
        QTest::qWait(100);
    }
};

QTEST_GUILESS_MAIN(TestCallSession)
#include "tst_callsession.moc"
