// SPDX-License-Identifier: MIT
// A tab whose last request failed says so on the tab bar: a warning icon instead of the
// call's status, and the banner's words in its tooltip (escaped), while the other tabs
// keep their own; an answer that works again brings the call's status back.
#include "callsession.h"
#include "calltab.h"
#include "localapi.h"
#include "localbemserver.h"
#include "mainwindow.h"
#include "statuspresentation.h"
#include "tabcalls.h"
#include "tabproblem.h"
#include "windowfixture.h"

#include <QAction>
#include <QTabWidget>
#include <QTest>

#include <memory>

using namespace bem;
using test::runningAs;

namespace {

const QByteArray Key = "sk_test_tab_problems_0123456789";
using Phase = PollerStatus::Phase;

CannedResponse answer(int status, const QByteArray &body)
{
    CannedResponse r;
    r.status = status;
    r.body = body;
    return r;
}

} // namespace

Q_DECLARE_METATYPE(bem::CannedResponse)

class TestTabProblems : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::LocalApi> m_api;
    std::unique_ptr<test::WindowFixture> m_fixture;
    MainWindow *m_window = nullptr;

    void start(const BackoffPolicy &policy)
    {
        test::WindowFixture::Options options{m_api->server.baseUrl(), QString::fromLatin1(Key),
                                             &m_api->network};
        options.policy = policy;
        m_fixture = std::make_unique<test::WindowFixture>(options);
        m_window = m_fixture->window();
    }
    QTabWidget *tabs() const { return m_window->tabWidget(); }
    qint64 iconKey(int index) const { return tabs()->tabIcon(index).cacheKey(); }
    static qint64 runningKey() { return statusIcon(CallState::Running).cacheKey(); }
    static qint64 warningKey() { return tabProblemIcon().cacheKey(); }

    void refresh(int index)
    {
        tabs()->setCurrentIndex(index);
        QAction *refresh = m_window->findChild<QAction *>(QStringLiteral("actionRefresh"));
        QVERIFY(refresh);
        QTRY_VERIFY(refresh->isEnabled());
        refresh->trigger();
    }

private Q_SLOTS:
    void init()
    {
        m_api = std::make_unique<test::LocalApi>(Key);
        QVERIFY(!tabProblemIcon().isNull());
        QVERIFY(!tabProblemIcon().pixmap(16, 16).isNull()); // the SVG is bundled and renders
    }
    void cleanup()
    {
        m_fixture.reset();
        m_api.reset();
    }

    void failedTab_isMarked_andTheOtherIsNot_untilF5Works_data()
    {
        QTest::addColumn<CannedResponse>("failure");
        QTest::newRow("403") << answer(
            403, R"({"message":"<b>Forbidden</b> for this key","code":403,"details":"no"})");
        QTest::newRow("invalid JSON") << answer(200, "{\"callID\": \"wf_tab_bad\", <b>oops");
        QTest::newRow("500") << answer(500, R"({"message":"boom","code":500})");
        QTest::newRow("401") << answer(401, R"({"message":"Unauthorized","code":401})");
    }
    void failedTab_isMarked_andTheOtherIsNot_untilF5Works()
    {
        QFETCH(CannedResponse, failure);
        const QString good = QStringLiteral("wf_tab_good");
        const QString bad = QStringLiteral("wf_tab_bad");
        m_api->server.setResponses(good, runningAs(good));
        m_api->server.setResponses(bad, {failure});
        start(test::noRefreshPolicy());
        QVERIFY(m_window->openCallInTab(good));
        QVERIFY(m_window->openCallInTab(bad));
        QCOMPARE(m_window->tabCount(), 2);
        CallTab *badTab = m_window->tabAt(1);
        QTRY_VERIFY(!badTab->session()->status().lastError.isEmpty() &&
                    !badTab->session()->status().requestInFlight);
        QTRY_COMPARE(iconKey(0), runningKey());

        // The failed tab: the warning, and in its tooltip what its banner says, escaped.
        QTRY_COMPARE(iconKey(1), warningKey());
        QVERIFY(!badTab->problem().isEmpty());
        QCOMPARE(badTab->problem(), m_window->bannerText()); // it is the current tab
        const QString badTip = tabs()->tabToolTip(1);
        QVERIFY2(badTip.contains(badTab->problem().toHtmlEscaped()), qPrintable(badTip));
        QVERIFY2(!badTip.contains(QStringLiteral("<b>")), qPrintable(badTip));
        QVERIFY(badTip.contains(bad));
        // The good tab is not marked, and says nothing of the other's failure.
        QVERIFY(m_window->tabAt(0)->problem().isEmpty());
        const QString goodTip = tabs()->tabToolTip(0);
        QVERIFY(!goodTip.contains(badTab->problem().toHtmlEscaped()));
        QVERIFY(goodTip.contains(QStringLiteral("Running")));
        // Seen from another tab, the failed one stays marked.
        tabs()->setCurrentIndex(0);
        QCOMPARE(iconKey(1), warningKey());

        // The server answers well again and F5 asks: the call's status is back.
        m_api->server.setResponses(bad, runningAs(bad));
        refresh(1);
        QTRY_COMPARE(iconKey(1), runningKey());
        QVERIFY(badTab->problem().isEmpty());
        QVERIFY(!tabs()->tabToolTip(1).contains(QStringLiteral("Could not")));
        QCOMPARE(iconKey(0), runningKey());
    }

    // A refresh that failed keeps the last good data on screen: the tab is still marked,
    // since what it shows is not live.
    void failedRefresh_keepingTheLastData_stillMarksTheTab()
    {
        const QString id = QStringLiteral("wf_tab_flaky");
        const QList<CannedResponse> running = runningAs(id);
        m_api->server.setResponses(
            id, {running.first(), answer(503, R"({"message":"Service Unavailable"})")});
        start(test::policyOf(150, 150));
        QVERIFY(m_window->openCallInTab(id));
        CallSession *session = m_window->session();
        QTRY_VERIFY(session->snapshot());
        QTRY_VERIFY_WITH_TIMEOUT(session->status().phase == Phase::Retrying, 10'000);
        QTRY_COMPARE(iconKey(0), warningKey());
        QVERIFY(session->snapshot()); // the data stays
        const QString tip = tabs()->tabToolTip(0);
        QVERIFY2(tip.contains(m_window->currentTab()->problem().toHtmlEscaped()), qPrintable(tip));
        QVERIFY(tip.contains(QStringLiteral("Running"))); // the status of the data shown
        // It stays marked while the next try is on its way, and clears when one works.
        m_api->server.setResponses(id, running);
        QTRY_VERIFY_WITH_TIMEOUT(iconKey(0) == runningKey(), 10'000);
        QVERIFY(m_window->currentTab()->problem().isEmpty());
    }

    // Without a key nothing can be asked: the tab says so as its banner does.
    void noKey_marksTheTab()
    {
        start(test::noRefreshPolicy());
        m_window->session()->setApiKey(QString());
        QVERIFY(m_window->loadCall(QStringLiteral("wf_tab_nokey")));
        QTRY_COMPARE(iconKey(0), warningKey());
        QVERIFY(tabs()->tabToolTip(0).contains(m_window->currentTab()->problem().toHtmlEscaped()));
        QCOMPARE(m_window->currentTab()->problem(), m_window->bannerText());
    }
};

QTEST_MAIN(TestTabProblems)
#include "tst_tabproblems.moc"
