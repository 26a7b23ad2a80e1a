// SPDX-License-Identifier: MIT
#include "callfinishwatcher.h"
#include "callsession.h"
#include "dbussession.h"
#include "demoscenarios.h"
#include "desktopnotifier.h"
#include "fastsession.h"
#include "finishnotifications.h"
#include "localbemserver.h"
#include "notifybell.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace bem;

namespace {

const QByteArray Key = "sk_test_notifications_0123456789";
test::PrivateSessionBus *privateBus = nullptr;

CannedResponse ok(const QString &id, const QString &status, const QString &extra = {})
{
    CannedResponse r;
    r.body = QStringLiteral("{\"call\":{\"callID\":\"%1\",\"status\":\"%2\","
                            "\"createdAt\":\"2026-11-30T10:00:00Z\"%3}}")
                 .arg(id, status, extra)
                 .toUtf8();
    return r;
}

} // namespace

// The window's notifications end to end: a call of the local API ends, the notice goes to
// the notification service on a private session bus (or to the status bar when there is
// none), and choosing it asks to open the right session. The bell follows its watcher.
class TestFinishNotifications : public QObject
{
    Q_OBJECT

    std::unique_ptr<LocalBemServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<test::FakeNotificationService> m_service;
    int m_connections = 0;

    std::unique_ptr<CallSession> makeSession()
    {
        return test::makeFastSession(m_network.get(), m_server->baseUrl(), Key,
                                     ApiVersionChoice::V2);
    }

private slots:
    void initTestCase()
    {
        if (!privateBus->isRunning())
            QSKIP(qPrintable(privateBus->problem()));
    }
    void init()
    {
        m_server = std::make_unique<LocalBemServer>();
        m_server->setApiKey(Key);
        QVERIFY(m_server->listen());
        m_network = std::make_unique<QNetworkAccessManager>();
    }
    void cleanup()
    {
        m_service.reset();
        m_network.reset();
        m_server.reset();
    }

    void choosingANotification_opensItsSession()
    {
        m_service = std::make_unique<test::FakeNotificationService>(
            privateBus->connect(QStringLiteral("service-%1").arg(++m_connections)));
        QVERIFY(m_service->isRegistered());
        const QString quick = QStringLiteral("wf_quick");
        m_server->setResponses(quick,
                               {ok(quick, QStringLiteral("running")),
                                ok(quick, QStringLiteral("failed"),
                                   QStringLiteral(",\"finishedAt\":\"2026-11-30T10:00:02Z\","
                                                  "\"workflowName\":\"<i>quick</i> & dirty\","
                                                  "\"functionCalls\":[{\"functionCallID\":\"a\","
                                                  "\"status\":\"failed\"}]"))});
        FinishNotifications notifications(nullptr);
        QSignalSpy open(&notifications, &FinishNotifications::openRequested);
        QSignalSpy notified(&notifications, &FinishNotifications::notified);
        auto progressing = makeSession();
        auto failing = makeSession();
        notifications.watch(progressing.get())->setSettleMs(100);
        notifications.watch(failing.get())->setSettleMs(100);
        QCOMPARE(notifications.watch(failing.get()), notifications.watcher(failing.get()));
        progressing->open(DemoCalls::progressing());
        failing->open(quick);
        QTRY_COMPARE_WITH_TIMEOUT(m_service->calls().size(), 2, 20000);
        QTRY_COMPARE(notified.size(), 2);
        for (const QVariantList &args : notified)
            QCOMPARE(args.at(0).value<FinishNotifications::Channel>(),
                     FinishNotifications::Channel::Desktop);

        // The Notify arguments of this run, for people to read (the README points here).
        const QString logPath =
            QDir::current().absoluteFilePath(QStringLiteral("notify-arguments.txt"));
        QFile log(logPath);
        QVERIFY(log.open(QIODevice::WriteOnly | QIODevice::Truncate));
        for (const test::NotifyCall &c : m_service->calls())
            log.write(c.toText().toUtf8() + '\n');
        log.close();
        qInfo("Notify arguments logged in %s", qPrintable(logPath));

        const auto callFor = [this](const QString &callId) {
            for (const test::NotifyCall &c : m_service->calls()) {
                if (c.body.endsWith(callId))
                    return c;
            }
            return test::NotifyCall{};
        };
        const test::NotifyCall failed = callFor(quick);
        QCOMPARE(failed.summary, QStringLiteral("Call failed"));
        QCOMPARE(failed.body, QStringLiteral("&lt;i&gt;quick&lt;/i&gt; &amp; dirty\n"
                                             "Failed in 2.0 s \u00b7 1 of 1 function calls "
                                             "failed\nwf_quick"));
        const test::NotifyCall completed = callFor(DemoCalls::progressing());
        QCOMPARE(completed.summary, QStringLiteral("Call completed"));
        QVERIFY2(completed.body.startsWith(QStringLiteral("invoice-intake\nCompleted in 52.7 s")),
                 qPrintable(completed.body));
        QCOMPARE(completed.appName, QStringLiteral("bem Call Inspector"));
        QCOMPARE(completed.hints.value(QStringLiteral("desktop-entry")).toString(),
                 QStringLiteral("ai.bem.CallInspector"));

        m_service->invokeAction(failed.id, QStringLiteral("default"));
        QTRY_COMPARE(open.size(), 1);
        QCOMPARE(open.at(0).at(0).value<CallSession *>(), failing.get());
        m_service->invokeAction(completed.id, QStringLiteral("default"));
        QTRY_COMPARE(open.size(), 2);
        QCOMPARE(open.at(1).at(0).value<CallSession *>(), progressing.get());

        // A closed tab's notification opens nothing.
        notifications.unwatch(failing.get());
        QVERIFY(!notifications.watcher(failing.get()));
        m_service->invokeAction(failed.id, QStringLiteral("default"));
        QTest::qWait(200);
        QCOMPARE(open.size(), 2);
    }

    void noNotificationService_saysItInTheStatusBar()
    {
        FinishNotifications notifications(nullptr);
        notifications.setTrayAllowed(false);
        QSignalSpy status(&notifications, &FinishNotifications::statusMessage);
        QSignalSpy notified(&notifications, &FinishNotifications::notified);
        auto session = makeSession();
        notifications.watch(session.get())->setSettleMs(100);
        session->open(DemoCalls::progressing());
        QTRY_COMPARE_WITH_TIMEOUT(status.size(), 1, 20000);
        QVERIFY2(status.at(0).at(0).toString().startsWith(
                     QStringLiteral("Call completed: invoice-intake \u00b7 Completed in 52.7 s")),
                 qPrintable(status.at(0).at(0).toString()));
        QCOMPARE(notified.size(), 1);
        QCOMPARE(notified.at(0).at(0).value<FinishNotifications::Channel>(),
                 FinishNotifications::Channel::StatusBar);
    }

    void bell_followsAndSetsItsWatcher()
    {
        auto session = makeSession();
        CallFinishWatcher watcher(session.get());
        NotifyBell bell;
        QVERIFY(!bell.isEnabled()); // no watcher yet
        bell.setWatcher(&watcher);
        QVERIFY(bell.isEnabled());
        QVERIFY(bell.isChecked()); // on by default
        QCOMPARE(bell.toolTip(), QStringLiteral("Notify me when it finishes"));
        QVERIFY(!bell.icon().isNull());

        session->open(DemoCalls::progressing());
        QTRY_VERIFY(watcher.isArmed());
        bell.click();
        QVERIFY(!bell.isChecked());
        QVERIFY(!watcher.isEnabled());
        bell.click();
        QVERIFY(watcher.isArmed());

        // A call already over when opened: nothing to wait for, the bell is off and grey.
        session->open(DemoCalls::batch());
        QTRY_VERIFY(!bell.isEnabled());
        QVERIFY(!bell.isChecked());
    }
};

int main(int argc, char **argv)
{
    // Before anything reaches the session bus: the test's own, never the user's.
    test::PrivateSessionBus bus;
    privateBus = &bus;
    QApplication app(argc, argv);
    TestFinishNotifications t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_finishnotifications.moc"
