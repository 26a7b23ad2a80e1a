// SPDX-License-Identifier: MIT
#include "callfinishwatcher.h"
#include "callsession.h"
#include "calltab.h"
#include "dbussession.h"
#include "demoscenarios.h"
#include "finishnotifications.h"
#include "localapi.h"
#include "mainwindow.h"
#include "notifybell.h"
#include "tabcalls.h"
#include "windowfixture.h"

#include <QApplication>
#include <QTabWidget>
#include <QTest>

#include <memory>

using namespace bem;
using test::progressingAs;
using test::runningAs;

namespace {

const QByteArray Key = "sk_test_tab_notifications_0123456789";
test::PrivateSessionBus *privateBus = nullptr;

} // namespace

// The window of tabs with notifications on a private session bus: each tab's call has its
// own watcher, the status bar's bell is the current tab's, and choosing a notification
// selects the tab of the call it is about (whichever tab is current then).
class TestTabNotifications : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::LocalApi> m_api;
    std::unique_ptr<test::WindowFixture> m_fixture;
    std::unique_ptr<test::FakeNotificationService> m_service;
    MainWindow *m_window = nullptr;
    int m_connections = 0;

    void start()
    {
        test::WindowFixture::Options options{m_api->server.baseUrl(), QString::fromLatin1(Key),
                                             &m_api->network};
        m_fixture = std::make_unique<test::WindowFixture>(options);
        m_window = m_fixture->window();
    }
    CallFinishWatcher *watcherOf(int tab) const
    {
        return m_window->notifications()->watcher(m_window->tabAt(tab)->session());
    }

private slots:
    void initTestCase()
    {
        if (!privateBus->isRunning())
            QSKIP(qPrintable(privateBus->problem()));
    }
    void init()
    {
        m_api = std::make_unique<test::LocalApi>(Key);
        m_service = std::make_unique<test::FakeNotificationService>(
            privateBus->connect(QStringLiteral("service-%1").arg(++m_connections)));
        QVERIFY(m_service->isRegistered());
    }
    void cleanup()
    {
        m_fixture.reset();
        m_service.reset();
        m_api.reset();
    }

    void choosingTheNotification_selectsTheTabOfItsCall()
    {
        const QString done = QStringLiteral("wf_notify_done");
        const QString running = QStringLiteral("wf_notify_running");
        m_api->server.setResponses(done, progressingAs(done, QStringLiteral("payroll-intake")));
        m_api->server.setResponses(running, runningAs(running));
        start();
        QVERIFY(m_window->openCallInTab(done));
        QVERIFY(m_window->openCallInTab(running));
        QCOMPARE(m_window->tabCount(), 2);
        QCOMPARE(m_window->tabWidget()->currentIndex(), 1);
        // Each tab's call has a watcher of its own; the first tab's waits less for a last read.
        QVERIFY(watcherOf(0));
        QVERIFY(watcherOf(1));
        QVERIFY(watcherOf(0) != watcherOf(1));
        watcherOf(0)->setSettleMs(50);

        QTRY_COMPARE_WITH_TIMEOUT(m_service->calls().size(), 1, 30'000);
        const test::NotifyCall call = m_service->calls().constFirst();
        QCOMPARE(call.summary, QStringLiteral("Call completed"));
        QVERIFY2(call.body.startsWith(QStringLiteral("payroll-intake\n")), qPrintable(call.body));
        QVERIFY2(call.body.endsWith(done), qPrintable(call.body));
        QCOMPARE(m_window->tabWidget()->currentIndex(), 1); // a notice does not switch tabs

        m_service->invokeAction(call.id, QStringLiteral("default"));
        QTRY_COMPARE(m_window->tabWidget()->currentIndex(), 0);
        QCOMPARE(m_window->session()->callId(), done);
        QCOMPARE(m_window->notifyBell()->watcher(), watcherOf(0));
        // The running call's tab said nothing.
        QTest::qWait(200);
        QCOMPARE(m_service->calls().size(), 1);
    }

    void bell_isTheCurrentTabs_andEachTabKeepsItsChoice()
    {
        const QString first = QStringLiteral("wf_bell_first");
        const QString second = QStringLiteral("wf_bell_second");
        m_api->server.setResponses(first, runningAs(first));
        m_api->server.setResponses(second, runningAs(second));
        start();
        QVERIFY(m_window->openCallInTab(first));
        QVERIFY(m_window->openCallInTab(second));
        QTRY_VERIFY(watcherOf(0)->isArmed() && watcherOf(1)->isArmed());
        NotifyBell *bell = m_window->notifyBell();
        QCOMPARE(bell->watcher(), watcherOf(1));
        QVERIFY(bell->isChecked()); // on by default for a running call

        bell->click(); // the second tab: off
        QVERIFY(!watcherOf(1)->isEnabled());
        QVERIFY(watcherOf(0)->isEnabled());

        m_window->tabWidget()->setCurrentIndex(0);
        QCOMPARE(bell->watcher(), watcherOf(0));
        QVERIFY(bell->isChecked());
        m_window->tabWidget()->setCurrentIndex(1);
        QVERIFY(!bell->isChecked());
    }
};

int main(int argc, char **argv)
{
    // Before anything reaches the session bus: the test's own, never the user's.
    test::PrivateSessionBus bus;
    privateBus = &bus;
    QApplication app(argc, argv);
    TestTabNotifications t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_tabnotifications.moc"
