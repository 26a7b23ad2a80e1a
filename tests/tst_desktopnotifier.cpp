// SPDX-License-Identifier: MIT
#include "dbussession.h"
#include "desktopnotifier.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace bem;

namespace {

test::PrivateSessionBus *privateBus = nullptr;

DesktopNotification notice(const QString &summary, const QString &body)
{
    DesktopNotification n;
    n.summary = summary;
    n.body = body;
    return n;
}

} // namespace

// DesktopNotifier against a notification service of the test's own on a private session
// bus (a real dbus-daemon): the exact Notify arguments, the Open action, and what happens
// when nobody serves notifications.
class TestDesktopNotifier : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::FakeNotificationService> m_service;
    int m_connections = 0;

    void startService()
    {
        m_service = std::make_unique<test::FakeNotificationService>(
            privateBus->connect(QStringLiteral("service-%1").arg(++m_connections)));
        QVERIFY(m_service->isRegistered());
    }

private slots:
    void initTestCase()
    {
        if (!privateBus->isRunning())
            QSKIP(qPrintable(privateBus->problem()));
        QVERIFY(QDBusConnection::sessionBus().isConnected());
    }
    void cleanup() { m_service.reset(); }

    void notify_sendsTheExactArguments_withTheBodyEscaped()
    {
        startService();
        DesktopNotifier notifier;
        QSignalSpy delivered(&notifier, &DesktopNotifier::delivered);
        notifier.notify(notice(QStringLiteral("Call completed"),
                               QStringLiteral("<b>inv</b> & <img src=x>\nCompleted in 52.7 s")),
                        7);
        QTRY_COMPARE(m_service->calls().size(), 1);
        const test::NotifyCall c = m_service->calls().constFirst();
        QCOMPARE(c.appName, QStringLiteral("bem Call Inspector"));
        QCOMPARE(c.replacesId, 0u);
        QCOMPARE(c.appIcon, QStringLiteral("ai.bem.CallInspector"));
        QCOMPARE(c.summary, QStringLiteral("Call completed"));
        QCOMPARE(c.body, QStringLiteral("&lt;b&gt;inv&lt;/b&gt; &amp; &lt;img src=x&gt;\n"
                                        "Completed in 52.7 s"));
        QCOMPARE(c.actions, (QStringList{QStringLiteral("default"), QStringLiteral("Open")}));
        QCOMPARE(c.hints.value(QStringLiteral("desktop-entry")).toString(),
                 QStringLiteral("ai.bem.CallInspector"));
        // A byte on the wire ("y"), as the specification says.
        QCOMPARE(c.hints.value(QStringLiteral("urgency")).typeId(), int(QMetaType::UChar));
        QCOMPARE(c.hints.value(QStringLiteral("urgency")).toInt(), 1);
        QCOMPARE(c.hints.size(), 2);
        QCOMPARE(c.expireTimeout, -1);
        QTRY_COMPARE(delivered.size(), 1);
        QCOMPARE(delivered.at(0).at(0).toULongLong(), 7ull);
        QCOMPARE(delivered.at(0).at(1).toUInt(), c.id);
    }

    void secondNotice_forTheSameToken_replacesTheFirst()
    {
        startService();
        DesktopNotifier notifier;
        QSignalSpy delivered(&notifier, &DesktopNotifier::delivered);
        notifier.notify(notice(QStringLiteral("a"), QStringLiteral("1")), 3);
        QTRY_COMPARE(delivered.size(), 1);
        notifier.notify(notice(QStringLiteral("b"), QStringLiteral("2")), 4);
        QTRY_COMPARE(delivered.size(), 2);
        notifier.notify(notice(QStringLiteral("c"), QStringLiteral("3")), 3);
        QTRY_COMPARE(delivered.size(), 3);
        const QList<test::NotifyCall> calls = m_service->calls();
        QCOMPARE(calls.at(1).replacesId, 0u);
        QCOMPARE(calls.at(2).replacesId, calls.at(0).id);
    }

    void actionInvoked_activatesItsToken_only()
    {
        startService();
        DesktopNotifier notifier;
        QSignalSpy delivered(&notifier, &DesktopNotifier::delivered);
        QSignalSpy activated(&notifier, &DesktopNotifier::activated);
        notifier.notify(notice(QStringLiteral("a"), QStringLiteral("1")), 11);
        notifier.notify(notice(QStringLiteral("b"), QStringLiteral("2")), 12);
        QTRY_COMPARE(delivered.size(), 2);
        const QList<test::NotifyCall> calls = m_service->calls();
        m_service->invokeAction(calls.at(1).id, QStringLiteral("default"));
        QTRY_COMPARE(activated.size(), 1);
        QCOMPARE(activated.at(0).at(0).toULongLong(), 12ull);
        m_service->invokeAction(calls.at(0).id, QStringLiteral("Open"));
        QTRY_COMPARE(activated.size(), 2);
        QCOMPARE(activated.at(1).at(0).toULongLong(), 11ull);
        // Another program's notification, and an action we never offered.
        m_service->invokeAction(calls.at(1).id + 100, QStringLiteral("default"));
        m_service->invokeAction(calls.at(1).id, QStringLiteral("snooze"));
        QTest::qWait(200);
        QCOMPARE(activated.size(), 2);
    }

    void notificationClosed_isReported_andNotReplacedAfterwards()
    {
        startService();
        DesktopNotifier notifier;
        QSignalSpy delivered(&notifier, &DesktopNotifier::delivered);
        QSignalSpy closed(&notifier, &DesktopNotifier::closed);
        notifier.notify(notice(QStringLiteral("a"), QStringLiteral("1")), 5);
        QTRY_COMPARE(delivered.size(), 1);
        m_service->close(m_service->calls().constFirst().id);
        QTRY_COMPARE(closed.size(), 1);
        QCOMPARE(closed.at(0).at(0).toULongLong(), 5ull);
        notifier.notify(notice(QStringLiteral("b"), QStringLiteral("2")), 5);
        QTRY_COMPARE(delivered.size(), 2);
        QCOMPARE(m_service->calls().at(1).replacesId, 0u);
    }

    void availability_followsTheService()
    {
        DesktopNotifier notifier;
        notifier.setTimeoutMs(2000);
        QSignalSpy known(&notifier, &DesktopNotifier::availabilityKnown);
        notifier.checkAvailability();
        QTRY_COMPARE(known.size(), 1);
        QCOMPARE(known.at(0).at(0).toBool(), false);
        QVERIFY(!notifier.isAvailable());
        startService();
        notifier.checkAvailability();
        QTRY_COMPARE(known.size(), 2);
        QCOMPARE(known.at(1).at(0).toBool(), true);
        QVERIFY(notifier.isAvailable());
    }

    void absentService_comesBackUndelivered()
    {
        DesktopNotifier notifier;
        notifier.setTimeoutMs(2000);
        QSignalSpy undelivered(&notifier, &DesktopNotifier::undelivered);
        QSignalSpy delivered(&notifier, &DesktopNotifier::delivered);
        notifier.notify(notice(QStringLiteral("Call failed"), QStringLiteral("x")), 9);
        QTRY_COMPARE(undelivered.size(), 1);
        QCOMPARE(undelivered.at(0).at(0).toULongLong(), 9ull);
        QCOMPARE(undelivered.at(0).at(1).value<DesktopNotification>().summary,
                 QStringLiteral("Call failed"));
        QCOMPARE(delivered.size(), 0);
    }

    void noBus_comesBackUndelivered_atOnce()
    {
        DesktopNotifier notifier(QDBusConnection(QStringLiteral("no-such-connection")));
        QSignalSpy undelivered(&notifier, &DesktopNotifier::undelivered);
        notifier.notify(notice(QStringLiteral("s"), QStringLiteral("b")), 1);
        QCOMPARE(undelivered.size(), 1);
    }
};

int main(int argc, char **argv)
{
    // Before anything reaches the session bus: the test's own, never the user's.
    test::PrivateSessionBus bus;
    privateBus = &bus;
    QCoreApplication app(argc, argv);
    TestDesktopNotifier t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_desktopnotifier.moc"
