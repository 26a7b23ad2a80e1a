// SPDX-License-Identifier: MIT
#include "callfinishwatcher.h"
#include "callsession.h"
#include "demoscenarios.h"
#include "fastsession.h"
#include "localbemserver.h"
#include "settingskeys.h"

#include <QNetworkAccessManager>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace bem;

namespace {

const QByteArray Key = "sk_test_finish_0123456789";
using Phase = PollerStatus::Phase;

// A call body: `status`, created at 10:00:00, finished at `finishedAt` (none when empty),
// with one function call per entry of `fcStatuses`.
QByteArray callBody(const QString &id, const QString &status, const QStringList &fcStatuses,
                    const QString &finishedAt = {}, const QString &workflowName = {})
{
    QStringList fcs;
    for (int i = 0; i < fcStatuses.size(); ++i)
        fcs << QStringLiteral("{\"functionCallID\":\"fc_%1\",\"status\":\"%2\"}")
                   .arg(i)
                   .arg(fcStatuses.at(i));
    QString call = QStringLiteral("\"callID\":\"%1\",\"status\":\"%2\","
                                  "\"createdAt\":\"2026-11-30T10:00:00Z\"")
                       .arg(id, status);
    if (!finishedAt.isEmpty())
        call += QStringLiteral(",\"finishedAt\":\"%1\"").arg(finishedAt);
    if (!workflowName.isEmpty())
        call += QStringLiteral(",\"workflowName\":\"%1\"").arg(workflowName);
    call += QStringLiteral(",\"functionCalls\":[%1]").arg(fcs.join(u','));
    return (QStringLiteral("{\"call\":{") + call + QStringLiteral("}}")).toUtf8();
}

CannedResponse ok(const QByteArray &body)
{
    CannedResponse r;
    r.body = body;
    return r;
}

CannedResponse error(int status)
{
    CannedResponse r;
    r.status = status;
    r.body = R"({"message":"no","code":"x","details":""})";
    return r;
}

} // namespace

// CallFinishWatcher on a CallSession against the local bem API (real sockets, a fast
// refresh policy): one notice when a call that was live when opened ends, none for a call
// already over, none when switched off, and a fresh watch for each call opened.
class TestCallFinishWatcher : public QObject
{
    Q_OBJECT

    std::unique_ptr<LocalBemServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<CallSession> m_session;
    QTemporaryDir m_dir;

    std::unique_ptr<CallFinishWatcher> makeWatcher(QSettings *settings = nullptr)
    {
        auto w = std::make_unique<CallFinishWatcher>(m_session.get(), settings);
        w->setSettleMs(100);
        return w;
    }
    // Waits until the session's call has ended (Finished or Stopped) and a settle period
    // has passed, so a notice that was going to come has come.
    void waitForEnd()
    {
        QTRY_VERIFY_WITH_TIMEOUT(m_session->status().phase == Phase::Finished ||
                                     m_session->status().phase == Phase::Stopped,
                                 20000);
        QTest::qWait(400);
    }

private slots:
    void init()
    {
        m_server = std::make_unique<LocalBemServer>();
        m_server->setApiKey(Key);
        QVERIFY(m_server->listen());
        m_network = std::make_unique<QNetworkAccessManager>();
        m_session =
            test::makeFastSession(m_network.get(), m_server->baseUrl(), Key, ApiVersionChoice::V2);
    }
    void cleanup()
    {
        m_session.reset();
        m_network.reset();
        m_server.reset();
    }

    void pendingWhenOpened_notifiesOnce_whenItCompletes()
    {
        auto watcher = makeWatcher();
        QSignalSpy finished(watcher.get(), &CallFinishWatcher::finished);
        m_session->open(DemoCalls::progressing());
        QTRY_VERIFY(watcher->isArmed());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        const auto n = finished.at(0).at(0).value<CallEndNotice>();
        QCOMPARE(n.ending, CallEndNotice::Ending::Completed);
        QCOMPARE(n.callId, DemoCalls::progressing());
        QCOMPARE(n.title, QStringLiteral("invoice-intake"));
        QCOMPARE(n.endedAs, QStringLiteral("completed"));
        QCOMPARE(n.session, m_session.get());
        // Created at stage 0, finished 0.3 s before the last stage's 53 s.
        QCOMPARE(n.duration, QStringLiteral("52.7 s"));
        QCOMPARE(n.functionCalls, int(m_session->snapshot()->call.functionCalls.size()));
        QVERIFY(n.functionCalls > 0);
        QCOMPARE(n.failedFunctionCalls, 0);
        QCOMPARE(n.summary(), QStringLiteral("Call completed"));
        QCOMPARE(n.body(), QStringLiteral("invoice-intake\nCompleted in 52.7 s \u00b7 no function "
                                          "call failed\nwf_demo_progress"));
        QVERIFY(watcher->hasFired());
        QVERIFY(!watcher->isArmed());
        // Refreshing the ended call again says nothing more.
        m_session->refreshNow();
        QTest::qWait(400);
        QCOMPARE(finished.size(), 1);
    }

    void failedCall_saysHowManyFunctionCallsFailed()
    {
        const QString id = QStringLiteral("wf_will_fail");
        m_server->setResponses(
            id,
            {ok(callBody(id, QStringLiteral("pending"), {})),
             ok(callBody(id, QStringLiteral("running"),
                         {QStringLiteral("running"), QStringLiteral("completed")})),
             ok(callBody(
                 id, QStringLiteral("failed"),
                 {QStringLiteral("failed"), QStringLiteral("completed"), QStringLiteral("failed")},
                 QStringLiteral("2026-11-30T10:01:05Z"), QStringLiteral("<b>intake</b> & co")))});
        auto watcher = makeWatcher();
        QSignalSpy finished(watcher.get(), &CallFinishWatcher::finished);
        m_session->open(id);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        const auto n = finished.at(0).at(0).value<CallEndNotice>();
        QCOMPARE(n.ending, CallEndNotice::Ending::Failed);
        QCOMPARE(n.title, QStringLiteral("<b>intake</b> & co"));
        QCOMPARE(n.duration, QStringLiteral("1 m 05 s"));
        QCOMPARE(n.failedFunctionCalls, 2);
        QCOMPARE(n.functionCalls, 3);
        QCOMPARE(n.summary(), QStringLiteral("Call failed"));
        QCOMPARE(n.body(), QStringLiteral("<b>intake</b> & co\nFailed in 1 m 05 s \u00b7 2 of 3 "
                                          "function calls failed\nwf_will_fail"));
    }

    void completedWhenOpened_neverNotifies()
    {
        auto watcher = makeWatcher();
        QSignalSpy finished(watcher.get(), &CallFinishWatcher::finished);
        m_session->open(DemoCalls::batch());
        waitForEnd();
        QCOMPARE(finished.size(), 0);
        QVERIFY(!watcher->isArmed());
        QVERIFY(!watcher->canNotify());
        QVERIFY(!watcher->isEnabled());
        // Even switched on by hand: it was over before anyone watched it.
        watcher->setEnabled(true);
        m_session->refreshNow();
        QTest::qWait(400);
        QCOMPARE(finished.size(), 0);
    }

    void switchedOff_saysNothing()
    {
        auto watcher = makeWatcher();
        QSignalSpy finished(watcher.get(), &CallFinishWatcher::finished);
        m_session->open(DemoCalls::progressing());
        QTRY_VERIFY(watcher->isArmed());
        watcher->setEnabled(false);
        QVERIFY(!watcher->isArmed());
        waitForEnd();
        QCOMPARE(m_session->status().callState, CallState::Completed);
        QCOMPARE(finished.size(), 0);
    }

    void defaultOffSetting_leavesItUnarmed_untilSwitchedOn()
    {
        QSettings settings(m_dir.filePath(QStringLiteral("off.ini")), QSettings::IniFormat);
        settings.setValue(SettingsKeys::notificationsDefaultOn(), false);
        auto watcher = makeWatcher(&settings);
        QSignalSpy finished(watcher.get(), &CallFinishWatcher::finished);
        m_session->open(DemoCalls::progressing());
        QTRY_VERIFY(m_session->status().hasSnapshot);
        QVERIFY(watcher->canNotify());
        QVERIFY(!watcher->isEnabled());
        QVERIFY(!watcher->isArmed());
        waitForEnd();
        QCOMPARE(finished.size(), 0);

        // The same setting, but the person asks for it on the next call: it notifies.
        m_server->resetScenarios();
        m_session->open(DemoCalls::failed()); // another call: a new watch, off by default
        m_session->open(DemoCalls::progressing());
        QTRY_VERIFY(m_session->status().hasSnapshot);
        QVERIFY(!watcher->isArmed());
        watcher->setEnabled(true);
        QVERIFY(watcher->isArmed());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    }

    void anotherCall_rearmsTheWatch()
    {
        const QString id = QStringLiteral("wf_second");
        m_server->setResponses(
            id, {ok(callBody(id, QStringLiteral("running"), {QStringLiteral("running")})),
                 ok(callBody(id, QStringLiteral("completed"), {QStringLiteral("completed")},
                             QStringLiteral("2026-11-30T10:00:04Z")))});
        auto watcher = makeWatcher();
        QSignalSpy finished(watcher.get(), &CallFinishWatcher::finished);
        m_session->open(DemoCalls::progressing());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        QVERIFY(!watcher->canNotify());
        m_session->open(id);
        QVERIFY(watcher->canNotify());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 20000);
        const auto n = finished.at(1).at(0).value<CallEndNotice>();
        QCOMPARE(n.callId, id);
        QCOMPARE(n.title, id); // no workflow or function name
        QCOMPARE(n.duration, QStringLiteral("4.0 s"));
        QCOMPARE(n.body(), QStringLiteral("wf_second\nCompleted in 4.0 s \u00b7 no function "
                                          "call failed"));
    }

    void refusedKey_whileRunning_notifiesThatItStopped()
    {
        const QString id = QStringLiteral("wf_key_revoked");
        m_server->setResponses(
            id,
            {ok(callBody(id, QStringLiteral("running"), {QStringLiteral("running")})), error(401)});
        auto watcher = makeWatcher();
        QSignalSpy finished(watcher.get(), &CallFinishWatcher::finished);
        m_session->open(id);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        QCOMPARE(m_session->status().phase, Phase::Stopped);
        const auto n = finished.at(0).at(0).value<CallEndNotice>();
        QCOMPARE(n.ending, CallEndNotice::Ending::Stopped);
        QCOMPARE(n.endedAs, QStringLiteral("stopped: the key was refused"));
        QCOMPARE(n.summary(), QStringLiteral("Call stopped refreshing"));
        QVERIFY2(n.body().startsWith(
                     QStringLiteral("wf_key_revoked\nStopped: the key was refused (started ")),
                 qPrintable(n.body()));
    }

    void notFoundAtOnce_isNotANotice()
    {
        auto watcher = makeWatcher();
        QSignalSpy finished(watcher.get(), &CallFinishWatcher::finished);
        m_session->open(QStringLiteral("wf_nobody_has_this"));
        waitForEnd();
        QCOMPARE(m_session->status().phase, Phase::Stopped);
        QCOMPARE(finished.size(), 0);
    }

    void savedFile_neverNotifies()
    {
        const QString path = m_dir.filePath(QStringLiteral("running.json"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(callBody(QStringLiteral("wf_saved"), QStringLiteral("running"), {}));
        }
        auto watcher = makeWatcher();
        QSignalSpy fileOpened(m_session.get(), &CallSession::fileOpened);
        QVERIFY(m_session->openFile(path));
        QTRY_COMPARE(fileOpened.size(), 1);
        QVERIFY(!watcher->canNotify());
        QVERIFY(!watcher->isArmed());
    }
};

QTEST_GUILESS_MAIN(TestCallFinishWatcher)
#include "tst_callfinishwatcher.moc"
