// SPDX-License-Identifier: MIT
#include "callsession.h"
#include "calltab.h"
#include "calltreemodel.h"
#include "calltreepanel.h"
#include "demoscenarios.h"
#include "livestatusline.h"
#include "localapi.h"
#include "localbemserver.h"
#include "mainwindow.h"
#include "statuspresentation.h"
#include "tabcalls.h"
#include "windowactions.h"
#include "windowfixture.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QFile>
#include <QLineEdit>
#include <QPointer>
#include <QSet>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace bem;
using test::progressingAs;
using test::runningAs;

namespace {

const QByteArray Key = "sk_test_tabs_0123456789abcdef";
using Phase = PollerStatus::Phase;

} // namespace

// A window of tabs, each rendering its own session on the local bem API: tabs poll side
// by side and each stops at its own end, the shortcuts open, close and switch them,
// closing one stops its requests, and the calls open at close are open at the next start.
class TestTabs : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::LocalApi> m_api;
    std::unique_ptr<test::WindowFixture> m_fixture;
    MainWindow *m_window = nullptr;
    // The next start of the app: a window with sessions of its own, on the same settings.
    std::unique_ptr<CallSession> m_nextSession;
    std::unique_ptr<MainWindow> m_nextWindow;

    std::unique_ptr<CallSession> makeSession()
    {
        auto session = std::make_unique<CallSession>(&m_api->network);
        session->setBaseUrl(m_api->server.baseUrl());
        session->setApiKey(QString::fromLatin1(Key));
        session->setPolicy(test::noRefreshPolicy());
        session->setApiVersionChoice(ApiVersionChoice::V2);
        return session;
    }
    MainWindow *startAgain()
    {
        m_nextSession = makeSession();
        MainWindow::Services services;
        services.session = m_nextSession.get();
        services.settings = m_fixture->settings();
        services.network = &m_api->network;
        services.callsPane = false;
        services.newSession = [this] { return makeSession(); };
        m_nextWindow = std::make_unique<MainWindow>(services);
        return m_nextWindow.get();
    }

    void start(const BackoffPolicy &policy = test::fastPolicy())
    {
        test::WindowFixture::Options options{m_api->server.baseUrl(), QString::fromLatin1(Key),
                                             &m_api->network};
        options.policy = policy;
        m_fixture = std::make_unique<test::WindowFixture>(options);
        m_window = m_fixture->window();
    }

    QAction *action(const char *name) const
    {
        auto *a = m_window->findChild<QAction *>(QString::fromLatin1(name));
        if (!a)
            qFatal("no action %s", name);
        return a;
    }

    // Opens `ids` in tabs of their own (the first in the empty first tab).
    void openTabs(const QStringList &ids)
    {
        for (const QString &id : ids)
            QVERIFY(m_window->openCallInTab(id));
        QCOMPARE(m_window->tabCount(), ids.size());
    }

    QString tabText(int index) const { return m_window->tabWidget()->tabText(index); }

private slots:
    void init()
    {
        m_api = std::make_unique<test::LocalApi>(Key);
        m_api->server.setSlowDelayMs(60'000);
    }
    void cleanup()
    {
        m_nextWindow.reset();
        m_nextSession.reset();
        m_fixture.reset();
        m_api.reset();
    }

    void tabs_pollTheirOwnCalls_andEachStopsAtItsEnd_data()
    {
        QTest::addColumn<int>("tabs");
        QTest::newRow("two") << 2;
        QTest::newRow("ten") << 10;
    }
    void tabs_pollTheirOwnCalls_andEachStopsAtItsEnd()
    {
        QFETCH(int, tabs);
        QStringList ids;
        for (int i = 0; i < tabs; ++i) {
            const QString id = QStringLiteral("wf_tab_%1").arg(i);
            m_api->server.setResponses(
                id, progressingAs(id, QStringLiteral("intake-%1").arg(i), i % 2 == 1));
            ids << id;
        }
        start();
        openTabs(ids);
        QList<std::shared_ptr<QAbstractItemModelTester>> testers;
        for (int i = 0; i < tabs; ++i)
            testers << std::make_shared<QAbstractItemModelTester>(m_window->tabAt(i)->model());

        for (int i = 0; i < tabs; ++i) {
            CallSession *session = m_window->tabAt(i)->session();
            QTRY_VERIFY_WITH_TIMEOUT(session->status().phase == Phase::Finished &&
                                         !session->status().requestInFlight,
                                     30'000);
            QCOMPARE(session->callId(), ids.at(i));
            QCOMPARE(session->snapshot()->call.status.raw(),
                     i % 2 == 1 ? QStringLiteral("failed") : QStringLiteral("completed"));
        }
        // Each asked for its own call until its end, and then no more.
        const int stages = DemoScenarios::progressingStageCount();
        QList<qsizetype> asked;
        for (const QString &id : std::as_const(ids)) {
            asked << m_api->server.requestsFor(id).size();
            QCOMPARE(asked.last(), qsizetype(stages));
        }
        QTest::qWait(300);
        for (int i = 0; i < tabs; ++i)
            QCOMPARE(m_api->server.requestsFor(ids.at(i)).size(), asked.at(i));
        // Every tab is titled by its own workflow.
        for (int i = 0; i < tabs; ++i)
            QCOMPARE(tabText(i), QStringLiteral("intake-%1").arg(i));
        // Ended calls leave the app asleep: no hidden tab's status line ticks, and the shown
        // one only now and then ("completed 3 m ago").
        const QList<LiveStatusLine *> lines =
            m_window->statusBar()->findChildren<LiveStatusLine *>();
        QCOMPARE(lines.size(), tabs);
        QList<int> ticking;
        for (const LiveStatusLine *line : lines) {
            if (line->tickIntervalMs() != 0)
                ticking << line->tickIntervalMs();
        }
        QCOMPARE(ticking, QList<int>{15'000});
    }

    void title_icon_andTooltip_followTheCall()
    {
        const QString id = QStringLiteral("wf_tab_title");
        m_api->server.setResponses(id, progressingAs(id, QStringLiteral("<b>intake</b>"), false));
        start(test::policyOf(150, 150));
        QCOMPARE(tabText(0), QStringLiteral("New tab"));
        QVERIFY(m_window->tabWidget()->tabIcon(0).isNull());
        QVERIFY(m_window->openCallInTab(id));
        // Before the first answer the ID names the tab.
        QCOMPARE(tabText(0), id);
        QTRY_COMPARE(tabText(0), QStringLiteral("<b>intake</b>"));
        QTRY_VERIFY(m_window->tabWidget()->tabToolTip(0).contains(QStringLiteral("Pending")) ||
                    m_window->tabWidget()->tabToolTip(0).contains(QStringLiteral("Running")));
        const QString tip = m_window->tabWidget()->tabToolTip(0);
        QVERIFY(tip.contains(id));
        QVERIFY2(!tip.contains(QStringLiteral("<b>intake")), qPrintable(tip)); // escaped
        QVERIFY(!m_window->tabWidget()->tabIcon(0).isNull());
        QTRY_VERIFY_WITH_TIMEOUT(m_window->session()->status().phase == Phase::Finished, 20'000);
        QTRY_VERIFY(m_window->tabWidget()->tabToolTip(0).contains(QStringLiteral("Completed")));
        QCOMPARE(m_window->tabWidget()->tabIcon(0).cacheKey(),
                 statusIcon(CallState::Completed).cacheKey());
        QVERIFY(m_window->windowTitle().startsWith(id));
        // A long name is elided in the tab, and whole in its tooltip.
        const QString longId = QStringLiteral("wf_tab_a_very_long_identifier_of_a_call_0123456789");
        m_api->server.setResponses(longId, runningAs(longId));
        QVERIFY(m_window->openCallInTab(longId));
        QCOMPARE(m_window->tabCount(), 2);
        QVERIFY(tabText(1).size() < longId.size());
        QVERIFY(tabText(1).contains(u'\u2026'));
        QVERIFY(m_window->tabWidget()->tabToolTip(1).contains(longId));
    }

    void shortcuts_openCloseAndSwitchTabs()
    {
        start(test::noRefreshPolicy());
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window));
        QVERIFY(m_window->loadCall(DemoCalls::batch()));
        QTRY_VERIFY(m_window->session()->snapshot());

        QTest::keyClick(m_window, Qt::Key_T, Qt::ControlModifier);
        QCOMPARE(m_window->tabCount(), 2);
        QCOMPARE(m_window->tabWidget()->currentIndex(), 1);
        QTRY_VERIFY(m_window->callIdField()->hasFocus());
        QVERIFY(m_window->callIdField()->text().isEmpty());
        QVERIFY(!m_window->isShowingCall()); // the start page
        // Typed in the new tab, the call opens there and the first keeps its own.
        QTest::keyClicks(m_window->callIdField(), DemoCalls::failed());
        QTest::keyClick(m_window->callIdField(), Qt::Key_Return);
        QTRY_VERIFY(m_window->session()->snapshot());
        QCOMPARE(m_window->session()->callId(), DemoCalls::failed());
        QCOMPARE(m_window->tabAt(0)->session()->callId(), DemoCalls::batch());
        QCOMPARE(m_window->tabAt(0)->session(), m_fixture->session());

        QTest::keyClick(m_window, Qt::Key_T, Qt::ControlModifier);
        QCOMPARE(m_window->tabCount(), 3);
        QTest::keyClick(m_window, Qt::Key_Tab, Qt::ControlModifier);
        QCOMPARE(m_window->tabWidget()->currentIndex(), 0); // wraps round
        QCOMPARE(m_window->callIdField()->text(), DemoCalls::batch());
        QCOMPARE(m_window->model(), m_fixture->session()->model());
        QTest::keyClick(m_window, Qt::Key_Backtab, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(m_window->tabWidget()->currentIndex(), 2);
        QTest::keyClick(m_window, Qt::Key_2, Qt::AltModifier);
        QCOMPARE(m_window->tabWidget()->currentIndex(), 1);
        QCOMPARE(m_window->callIdField()->text(), DemoCalls::failed());
        QVERIFY(m_window->windowTitle().startsWith(DemoCalls::failed()));
        QTest::keyClick(m_window, Qt::Key_9, Qt::AltModifier); // no ninth tab: nothing
        QCOMPARE(m_window->tabWidget()->currentIndex(), 1);

        QTest::keyClick(m_window, Qt::Key_W, Qt::ControlModifier);
        QCOMPARE(m_window->tabCount(), 2);
        for (int i = 0; i < m_window->tabCount(); ++i)
            QVERIFY(m_window->tabAt(i)->session()->callId() != DemoCalls::failed());
        // The last tab closed leaves an empty one, not an empty window.
        QTest::keyClick(m_window, Qt::Key_W, Qt::ControlModifier);
        QTest::keyClick(m_window, Qt::Key_W, Qt::ControlModifier);
        QCOMPARE(m_window->tabCount(), 1);
        QVERIFY(m_window->session()->callId().isEmpty());
        QVERIFY(!m_window->isShowingCall());
        QCOMPARE(m_window->windowTitle(), QStringLiteral("bem Call Inspector"));
    }

    void tabShortcuts_clashWithNoOtherShortcut()
    {
        start(test::noRefreshPolicy());
        const WindowActions *a = m_window->actions();
        QList<QAction *> tabActions{a->newTab, a->closeTab, a->nextTab, a->previousTab};
        tabActions += a->goToTab;
        QSet<QKeySequence> tabKeys;
        for (const QAction *tabAction : std::as_const(tabActions)) {
            QVERIFY(!tabAction->shortcut().isEmpty());
            QVERIFY(!tabKeys.contains(tabAction->shortcut()));
            tabKeys.insert(tabAction->shortcut());
        }
        QCOMPARE(tabKeys.size(), 13);
        for (const QAction *other : m_window->findChildren<QAction *>()) {
            if (tabActions.contains(other))
                continue;
            for (const QKeySequence &keys : other->shortcuts())
                QVERIFY2(!tabKeys.contains(keys),
                         qPrintable(keys.toString() + u' ' + other->objectName()));
        }
        QVERIFY(a->all().contains(action("actionNewTab")));
    }

    // View's tree commands (Next Match, the timeline's) are the current tab's, and they go
    // from the menu and the shortcuts page with their tab.
    void viewMenu_followsTheCurrentTab()
    {
        start(test::noRefreshPolicy());
        openTabs({DemoCalls::batch(), DemoCalls::failed()});
        const auto nextMatchOf = [this](int index) {
            return m_window->tabAt(index)->treePanel()->findChild<QAction *>(
                QStringLiteral("actionNextMatch"));
        };
        QAction *second = nextMatchOf(1);
        QVERIFY(m_window->actions()->all().contains(second));
        QVERIFY(!m_window->actions()->all().contains(nextMatchOf(0)));
        m_window->closeTab(m_window->tabAt(0));
        QCOMPARE(m_window->actions()->all().count(second), 1);
        m_window->newTab();
        QVERIFY(!m_window->actions()->all().contains(second));
        QVERIFY(m_window->actions()->all().contains(nextMatchOf(1)));
    }

    void closingATab_stopsItsRequests_andDestroysItsSession()
    {
        const QString id = QStringLiteral("wf_tab_forever");
        m_api->server.setResponses(id, runningAs(id));
        start();
        QVERIFY(m_window->loadCall(DemoCalls::batch()));
        QVERIFY(m_window->openCallInTab(id));
        QVERIFY(m_window->openCallInTab(DemoCalls::slow()));
        QCOMPARE(m_window->tabCount(), 3);
        QPointer<CallSession> watched = m_window->tabAt(1)->session();
        QPointer<CallSession> waiting = m_window->tabAt(2)->session();
        QTRY_VERIFY(m_api->server.requestsFor(id).size() >= 3); // it keeps asking
        QTRY_VERIFY(waiting->status().requestInFlight);

        QSignalSpy opened(m_window, &MainWindow::tabOpened);
        QSignalSpy closing(m_window, &MainWindow::tabClosing);
        m_window->closeTab(m_window->tabAt(1));
        QCOMPARE(closing.size(), 1);
        QVERIFY(watched.isNull());
        QCOMPARE(m_window->tabCount(), 2);
        QTest::qWait(50); // a request already on its way may still land
        const qsizetype before = m_api->server.requestsFor(id).size();
        QTest::qWait(400);
        QCOMPARE(m_api->server.requestsFor(id).size(), before);

        // The request in flight goes with its tab.
        QVERIFY(!waiting.isNull());
        QCOMPARE(m_api->server.requestsFor(DemoCalls::slow()).size(), 1);
        middleClick(1);
        QVERIFY(waiting.isNull());
        QCOMPARE(m_window->tabCount(), 1);
        QCOMPARE(opened.size(), 0);
        QCOMPARE(closing.size(), 2);
    }

    void closingTheFirstTab_stopsTheAppsSession()
    {
        const QString id = QStringLiteral("wf_tab_forever");
        m_api->server.setResponses(id, runningAs(id));
        start();
        QVERIFY(m_window->loadCall(id));
        QTRY_VERIFY(m_api->server.requestsFor(id).size() >= 3);
        m_window->closeTab(m_window->currentTab());
        QCOMPARE(m_window->tabCount(), 1);
        QVERIFY(m_window->session() != m_fixture->session());
        QTest::qWait(50);
        const qsizetype before = m_api->server.requestsFor(id).size();
        QTest::qWait(400);
        QCOMPARE(m_api->server.requestsFor(id).size(), before);
        QVERIFY(!m_fixture->session()->status().requestInFlight);
    }

    void openCallInTab_selectsTheTabShowingIt()
    {
        start(test::noRefreshPolicy());
        openTabs({DemoCalls::batch(), DemoCalls::failed(), DemoCalls::singleFunction()});
        QCOMPARE(m_window->tabWidget()->currentIndex(), 2);
        QVERIFY(m_window->openCallInTab(QStringLiteral("https://app.bem.ai/calls/") +
                                        DemoCalls::batch()));
        QCOMPARE(m_window->tabCount(), 3);
        QCOMPARE(m_window->tabWidget()->currentIndex(), 0);
        m_window->selectTab(m_window->tabAt(1)->session());
        QCOMPARE(m_window->tabWidget()->currentIndex(), 1);
        // Junk is refused in the current tab and opens nothing.
        QVERIFY(!m_window->openCallInTab(QStringLiteral("javascript:alert(1)")));
        QCOMPARE(m_window->tabCount(), 3);
        QVERIFY(!m_window->bannerText().isEmpty());
    }

    void reorderedTabs_keepTheirCalls()
    {
        start(test::noRefreshPolicy());
        openTabs({DemoCalls::batch(), DemoCalls::failed()});
        m_window->tabWidget()->tabBar()->moveTab(1, 0);
        QCOMPARE(m_window->tabAt(0)->session()->callId(), DemoCalls::failed());
        QCOMPARE(m_window->openCallIds(), QStringList({DemoCalls::failed(), DemoCalls::batch()}));
        QCOMPARE(m_window->session()->callId(), DemoCalls::failed()); // still the current one
    }

    void restart_restoresTheOpenCalls_whichReload()
    {
        start(test::noRefreshPolicy());
        openTabs({DemoCalls::batch(), DemoCalls::failed(), DemoCalls::singleFunction()});
        QTRY_VERIFY(m_window->session()->snapshot());
        m_window->close(); // saves them
        m_api->server.clearRequests();

        MainWindow *again = startAgain();
        QCOMPARE(again->tabCount(), 1);
        again->restoreTabs();
        QCOMPARE(again->tabCount(), 3);
        QCOMPARE(again->openCallIds(), QStringList({DemoCalls::batch(), DemoCalls::failed(),
                                                    DemoCalls::singleFunction()}));
        for (const QString &id : {DemoCalls::batch(), DemoCalls::failed()})
            QTRY_VERIFY(!m_api->server.requestsFor(id).isEmpty());
        QTRY_COMPARE(again->tabWidget()->tabText(1), QStringLiteral("contract-review"));
    }

    void savedFiles_andEmptyTabs_areNotRestored()
    {
        start(test::noRefreshPolicy());
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("saved.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(DemoScenarios::batchCall());
        file.close();
        QVERIFY(m_window->openFile(path));
        QTRY_VERIFY(!m_window->isLoadingFile());
        QVERIFY(m_window->newTab());
        QVERIFY(m_window->newTab());
        QVERIFY(m_window->loadCall(DemoCalls::failed()));
        QCOMPARE(m_window->openCallIds(), QStringList{DemoCalls::failed()});
        m_window->close();
        MainWindow *again = startAgain();
        again->restoreTabs();
        QCOMPARE(again->tabCount(), 1);
        QCOMPARE(again->session()->callId(), DemoCalls::failed());
    }

private:
    void middleClick(int index)
    {
        QTabBar *bar = m_window->tabWidget()->tabBar();
        QTest::mouseClick(bar, Qt::MiddleButton, {}, bar->tabRect(index).center());
    }
};

QTEST_MAIN(TestTabs)
#include "tst_tabs.moc"
