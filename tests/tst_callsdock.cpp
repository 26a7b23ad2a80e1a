// SPDX-License-Identifier: MIT
// The Calls pane in the window (offscreen): it lists the session's server, opens a call
// with Enter, marks it, filters on the server, and shows failures in its own words.
#include "calllistfetcher.h"
#include "calllistmodel.h"
#include "callsbrowser.h"
#include "callscontextmenu.h"
#include "callsdock.h"
#include "callsfilterbar.h"
#include "calltab.h"
#include "localapi.h"
#include "localbemserver.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "windowfixture.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace bem;

namespace {
const QByteArray Key = "sk_test_calls_pane_0123456789";
} // namespace

class TestCallsDock : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::LocalApi> m_api;
    std::unique_ptr<test::WindowFixture> m_fixture;
    MainWindow *m_window = nullptr;
    CallsDock *m_dock = nullptr;
    CallsBrowser *m_browser = nullptr;

    CallListModel *model() const { return m_browser->model(); }
    QList<ServerRequestRecord> listRequests() const
    {
        return m_api->server.requestsTo(ServerEndpoint::V3Calls);
    }
    // Where the row of `callId` is on the table's viewport (its name cell).
    QPoint rowPoint(const QString &callId) const
    {
        const int row = model()->rowOf(callId);
        if (row < 0)
            qFatal("%s is not listed", qPrintable(callId));
        QTableView *view = m_browser->view();
        view->scrollTo(model()->index(row, 0));
        return view->visualRect(model()->index(row, CallListModel::NameColumn)).center();
    }
    void clickRow(const QString &callId, Qt::MouseButton button, Qt::KeyboardModifiers keys)
    {
        QTest::mouseClick(m_browser->view()->viewport(), button, keys, rowPoint(callId));
    }
    QString tabCallId(int index) const { return m_window->tabAt(index)->session()->callId(); }

private Q_SLOTS:
    void init()
    {
        m_api = std::make_unique<test::LocalApi>(Key);
        m_api->server.setListedCallCount(150);
        test::WindowFixture::Options options{m_api->server.baseUrl(), QString::fromLatin1(Key),
                                             &m_api->network};
        options.apiVersion = ApiVersionChoice::Auto;
        options.callsPane = true;
        m_fixture = std::make_unique<test::WindowFixture>(options);
        m_window = m_fixture->window();
        m_dock = m_window->callsDock();
        QVERIFY(m_dock);
        m_browser = m_dock->browser();
        // Live, but slow enough that the list holds still while a test looks at it.
        m_browser->fetcher()->setPolicy(BackoffPolicy{2000, 4000, 2.0, 0.0});
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window));
        QTRY_VERIFY(model()->rowCount() > 0);
    }
    void cleanup()
    {
        m_fixture.reset();
        m_api.reset();
    }

    void startPage_showsTheNewestCalls_andTheCount()
    {
        QVERIFY(!m_window->isShowingCall());
        QVERIFY(m_dock->isVisible());
        QCOMPARE(model()->rowCount(), 100);
        QCOMPARE(listRequests().first().query, QByteArray("limit=100&sortOrder=desc"));
        QTRY_COMPARE(m_browser->countText(), model()->countText());
        QVERIFY(m_browser->countText().startsWith(QStringLiteral("Showing 100 of ")));
        // The View menu can hide it; Ctrl+K brings it back with the cursor in the filter.
        QAction *toggle = m_window->findChild<QAction *>(QStringLiteral("actionShowCalls"));
        QVERIFY(toggle);
        toggle->trigger();
        QVERIFY(!m_dock->isVisible());
        QVERIFY(!m_browser->fetcher()->isActive());
        QAction *find = m_dock->focusAction();
        QCOMPARE(find->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_K));
        find->trigger();
        QVERIFY(m_dock->isVisible());
        QTRY_COMPARE(QApplication::focusWidget(),
                     static_cast<QWidget *>(m_browser->filterBar()->referenceField()));
        QVERIFY(m_browser->fetcher()->isActive());
    }

    void enter_opensTheCall_whichIsMarked()
    {
        QTableView *view = m_browser->view();
        view->setFocus();
        view->setCurrentIndex(model()->index(0, 0));
        QTest::keyClick(view, Qt::Key_Down);
        QCOMPARE(view->currentIndex().row(), 1);
        const QString id = model()->callAt(1).callId;
        QTest::keyClick(view, Qt::Key_Return);
        QTRY_VERIFY(m_window->isShowingCall());
        QCOMPARE(m_window->session()->callId(), id);
        QTRY_VERIFY(!m_api->server.requestsFor(id).isEmpty());
        const auto isOpen = [this](int row) {
            return model()->index(row, 0).data(CallListModel::OpenRole).toBool();
        };
        QVERIFY(isOpen(model()->rowOf(id)));
        int marked = 0;
        for (int row = 0; row < model()->rowCount(); ++row)
            marked += isOpen(row) ? 1 : 0;
        QCOMPARE(marked, 1);
        // Beside the open call, the pane stays.
        QVERIFY(m_dock->isVisible());
        // A double click opens another.
        const QString other = model()->callAt(3).callId;
        const QRect rect = view->visualRect(model()->index(model()->rowOf(other), 1));
        QVERIFY2(view->viewport()->rect().contains(rect.center()),
                 qPrintable(QStringLiteral("%1,%2 in %3x%4")
                                .arg(rect.center().x())
                                .arg(rect.center().y())
                                .arg(view->viewport()->width())
                                .arg(view->viewport()->height())));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, rect.center());
        QTRY_COMPARE(m_window->session()->callId(), other);
        QTRY_VERIFY(isOpen(model()->rowOf(other)));
        QVERIFY(!isOpen(model()->rowOf(id)));
    }

    // As in a browser: Ctrl+click, a middle click or Ctrl+Enter open the call in a new tab,
    // selected; Enter and a double click keep opening it in the current tab.
    void ctrlClick_andMiddleClick_openTheCallInANewTab()
    {
        QTableView *view = m_browser->view();
        const QString first = model()->callAt(0).callId;
        const QString second = model()->callAt(2).callId;
        const QString third = model()->callAt(4).callId;
        const QString fourth = model()->callAt(6).callId;
        view->setFocus();
        view->setCurrentIndex(model()->index(0, 0));
        QTest::keyClick(view, Qt::Key_Return);
        QTRY_COMPARE(m_window->session()->callId(), first);
        QCOMPARE(m_window->tabCount(), 1);
        // A plain click only selects.
        clickRow(second, Qt::LeftButton, {});
        QTest::qWait(50);
        QCOMPARE(m_window->tabCount(), 1);

        clickRow(second, Qt::LeftButton, Qt::ControlModifier);
        QCOMPARE(m_window->tabCount(), 2);
        QCOMPARE(m_window->tabWidget()->currentIndex(), 1);
        QTRY_COMPARE(tabCallId(1), second);
        QCOMPARE(tabCallId(0), first); // the first tab keeps its call
        QTRY_VERIFY(!m_api->server.requestsFor(second).isEmpty());
        QCOMPARE(view->currentIndex().row(), model()->rowOf(second));

        clickRow(third, Qt::MiddleButton, {});
        QCOMPARE(m_window->tabCount(), 3);
        QCOMPARE(m_window->tabWidget()->currentIndex(), 2);
        QTRY_COMPARE(tabCallId(2), third);

        view->setFocus();
        view->setCurrentIndex(model()->index(model()->rowOf(fourth), 0));
        QTest::keyClick(view, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(m_window->tabCount(), 4);
        QCOMPARE(m_window->tabWidget()->currentIndex(), 3);
        QTRY_COMPARE(tabCallId(3), fourth);
        QCOMPARE(tabCallId(2), third);

        // A call open in a tab already: that tab is selected, no second one asks for it.
        clickRow(first, Qt::LeftButton, Qt::ControlModifier);
        QCOMPARE(m_window->tabCount(), 4);
        QCOMPARE(m_window->tabWidget()->currentIndex(), 0);
        // Enter opens in the current tab, as before.
        view->setFocus();
        view->setCurrentIndex(model()->index(model()->rowOf(second), 0));
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(m_window->tabCount(), 4);
        QTRY_COMPARE(tabCallId(0), second);
    }

    void contextMenu_opensHere_inANewTab_andCopiesTheId()
    {
        QTableView *view = m_browser->view();
        CallsContextMenu *menu = m_browser->contextMenu();
        const auto openMenuOn = [&](const QString &callId) {
            const QPoint at = rowPoint(callId);
            QContextMenuEvent event(QContextMenuEvent::Mouse, at,
                                    view->viewport()->mapToGlobal(at));
            QApplication::sendEvent(view->viewport(), &event);
            QTRY_VERIFY(menu->isVisible());
            QCOMPARE(menu->callId(), callId);
            QCOMPARE(view->currentIndex().row(), model()->rowOf(callId));
        };
        QStringList texts;
        for (const QAction *action : menu->actions()) {
            if (!action->isSeparator())
                texts << action->text();
        }
        QCOMPARE(texts, QStringList({QStringLiteral("&Open"), QStringLiteral("Open in New &Tab"),
                                     QStringLiteral("&Copy Call ID")}));

        const QString first = model()->callAt(1).callId;
        const QString second = model()->callAt(3).callId;
        openMenuOn(first);
        QGuiApplication::clipboard()->clear();
        menu->copyIdAction()->trigger();
        menu->hide();
        QCOMPARE(QGuiApplication::clipboard()->text(), first);
        QCOMPARE(m_window->tabCount(), 1); // copying opens nothing
        QVERIFY(m_window->session()->callId().isEmpty());

        openMenuOn(first);
        menu->openAction()->trigger();
        menu->hide();
        QTRY_COMPARE(m_window->session()->callId(), first);
        QCOMPARE(m_window->tabCount(), 1);

        openMenuOn(second);
        menu->openInNewTabAction()->trigger();
        menu->hide();
        QCOMPARE(m_window->tabCount(), 2);
        QCOMPARE(m_window->tabWidget()->currentIndex(), 1);
        QTRY_COMPARE(tabCallId(1), second);
        QCOMPARE(tabCallId(0), first);
    }

    void filters_goToTheServer()
    {
        m_browser->filterBar()->setStatuses({QStringLiteral("failed")});
        QTRY_VERIFY(listRequests().constLast().query.contains("statuses=failed"));
        QTRY_VERIFY(model()->rowCount() > 0);
        QTRY_VERIFY(!m_browser->fetcher()->isBusy());
        for (int row = 0; row < model()->rowCount(); ++row)
            QCOMPARE(model()->callAt(row).status.state(), CallState::Failed);
        // Typing waits for a pause, then asks once.
        const qsizetype before = listRequests().size();
        QLineEdit *reference = m_browser->filterBar()->referenceField();
        reference->setFocus();
        QTest::keyClicks(reference, QStringLiteral("acme"));
        QTRY_VERIFY(listRequests().constLast().query.contains("referenceIDSubstring=acme"));
        qsizetype withSubstring = 0;
        for (const ServerRequestRecord &r : listRequests().mid(before))
            withSubstring += r.query.contains("referenceIDSubstring") ? 1 : 0;
        QCOMPARE(withSubstring, 1);
        QTRY_VERIFY(!m_browser->fetcher()->isBusy());
        for (int row = 0; row < model()->rowCount(); ++row)
            QVERIFY(model()->callAt(row).referenceId.contains(QStringLiteral("acme")));
    }

    void rejectedFilter_showsTheServersMessage_besideTheFilter()
    {
        CannedResponse bad;
        bad.status = 400;
        bad.body = R"({"message":"<b>Invalid</b> referenceIDSubstring","code":400})";
        m_api->server.setListResponses(ServerEndpoint::V3Calls, {bad});
        m_browser->filterBar()->setReferenceText(QStringLiteral("zz"));
        QLabel *error = m_browser->findChild<QLabel *>(QStringLiteral("callsFilterError"));
        QTRY_COMPARE(error->text(), QStringLiteral("<b>Invalid</b> referenceIDSubstring"));
        QCOMPARE(error->textFormat(), Qt::PlainText);
        QVERIFY(error->isVisible());
        m_browser->filterBar()->setReferenceText(QString());
        QTRY_VERIFY(!error->isVisible());
    }

    void serverTrouble_goesToTheBanner_andTheListStays()
    {
        const int rows = model()->rowCount();
        CannedResponse down;
        down.status = 503;
        down.body = R"({"message":"maintenance","code":503})";
        m_api->server.setListResponses(ServerEndpoint::V3Calls, {down});
        m_browser->fetcher()->refreshNow();
        QTRY_VERIFY(m_browser->banner()->isVisible());
        QVERIFY(m_browser->banner()->text().contains(QStringLiteral("maintenance")));
        QCOMPARE(model()->rowCount(), rows);
        // It is retried on its own and the banner goes.
        QTRY_VERIFY_WITH_TIMEOUT(!m_browser->banner()->isVisible(), 10000);
        QCOMPARE(model()->rowCount(), rows);
    }

    void markupInTheList_isShownAsText()
    {
        CannedResponse hostile;
        hostile.body =
            R"({"calls":[{"callID":"wf_x","status":"failed",)"
            R"("workflowName":"<img src=file:///etc/passwd>","callReferenceID":"a\u202eb"}],)"
            R"("totalCount":1})";
        m_api->server.setListResponses(ServerEndpoint::V3Calls, {hostile});
        m_browser->filterBar()->setStatuses({QStringLiteral("running")});
        QTRY_COMPARE(model()->rowCount(), 1);
        QCOMPARE(model()->index(0, CallListModel::NameColumn).data().toString(),
                 QStringLiteral("<img src=file:///etc/passwd>"));
        QVERIFY(!model()
                     ->index(0, CallListModel::NameColumn)
                     .data(Qt::ToolTipRole)
                     .toString()
                     .contains(QStringLiteral("<img")));
        QVERIFY(model()
                    ->index(0, CallListModel::ReferenceColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("<U+202E>")));
    }

    void minimisedWindow_stopsRefreshing()
    {
        QVERIFY(m_browser->fetcher()->isActive());
        m_window->showMinimized();
        QTRY_VERIFY(!m_browser->fetcher()->isActive());
        m_window->showNormal();
        QTRY_VERIFY(m_browser->fetcher()->isActive());
    }

    void pinnedToV2_listsV2_withTheCallTypeFilter()
    {
        QComboBox *type = m_browser->filterBar()->callTypeBox();
        QVERIFY(!type->isVisible());
        m_window->session()->setApiVersionChoice(ApiVersionChoice::V2);
        QTRY_VERIFY(!m_api->server.requestsTo(ServerEndpoint::V2Calls).isEmpty());
        QVERIFY(type->isVisible());
        QCOMPARE(model()->headerData(CallListModel::NameColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Workflow or function"));
        type->setCurrentIndex(type->findData(QStringLiteral("function")));
        QTRY_VERIFY(m_api->server.requestsTo(ServerEndpoint::V2Calls)
                        .constLast()
                        .query.contains("callTypes=function"));
        QTRY_VERIFY(!m_browser->fetcher()->isBusy());
        QVERIFY(model()->rowCount() > 0);
        for (int row = 0; row < model()->rowCount(); ++row)
            QCOMPARE(model()->callAt(row).callType, QStringLiteral("function"));
    }

    void newKey_startsTheListOver()
    {
        QTRY_VERIFY(!m_browser->fetcher()->isBusy());
        const qsizetype before = listRequests().size();
        m_window->session()->setApiKey(QStringLiteral("another-key"));
        QTRY_VERIFY(listRequests().size() > before);
        QCOMPARE(listRequests().constLast().apiKey, QByteArray("another-key"));
        QTRY_VERIFY(m_browser->banner()->isVisible()); // a 401: the key is refused
    }

    void noKey_saysWhereToSetOne_andAsksNothing()
    {
        QTRY_VERIFY(!m_browser->fetcher()->isBusy());
        auto *note = m_browser->findChild<QLabel *>(QStringLiteral("callsNoKey"));
        QVERIFY(note);
        QVERIFY(!note->isVisible());

        m_window->session()->setApiKey(QString());
        QVERIFY(note->isVisible());
        QVERIFY(note->text().contains(QStringLiteral("Settings")));
        QCOMPARE(model()->rowCount(), 0); // nothing listed for a key no longer there
        const qsizetype before = listRequests().size();
        m_browser->filterBar()->setStatuses({QStringLiteral("failed")});
        m_browser->fetcher()->refreshNow(); // what the banner's Retry would do
        QTest::qWait(300);
        QCOMPARE(listRequests().size(), before);

        m_window->session()->setApiKey(QString::fromLatin1(Key));
        QVERIFY(!note->isVisible());
        QTRY_VERIFY(model()->rowCount() > 0);
        QCOMPARE(listRequests().constLast().apiKey, Key);
        QVERIFY(listRequests().constLast().query.contains("statuses=failed"));
    }
};

QTEST_MAIN(TestCallsDock)
#include "tst_callsdock.moc"
