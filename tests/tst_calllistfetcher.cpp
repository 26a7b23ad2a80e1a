// SPDX-License-Identifier: MIT
// The calls browser's fetcher against the local bem API: real sockets, the server's
// request log and the model's signals.
#include "calllistfetcher.h"
#include "calllistmodel.h"
#include "localapi.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace bem;

namespace {

constexpr QByteArrayView Key = "list-test-key";

BackoffPolicy fastPolicy()
{
    return BackoffPolicy{60, 240, 2.0, 0.0};
}

QStringList idsOf(const CallListModel &model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids << model.callAt(row).callId;
    return ids;
}

QUrlQuery queryOf(const ServerRequestRecord &r)
{
    return QUrlQuery(QString::fromUtf8(r.query));
}

} // namespace

class TestCallListFetcher : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::LocalApi> m_api;
    std::unique_ptr<CallListModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<CallListFetcher> m_fetcher;

    // Asks for pages as a view scrolled to the end would, until the model has no more;
    // returns how many pages were asked for after the first.
    int scrollToTheEnd()
    {
        const qsizetype before = m_api->server.requests().size();
        QElapsedTimer guard;
        guard.start();
        while (m_model->canFetchMore({}) || m_fetcher->isBusy()) {
            if (guard.elapsed() > 20000)
                return -1;
            if (m_model->canFetchMore({}))
                m_model->fetchMore({});
            QTest::qWait(10);
        }
        return int(m_api->server.requests().size() - before);
    }
    void waitForFirstPage()
    {
        QSignalSpy updated(m_fetcher.get(), &CallListFetcher::listUpdated);
        QVERIFY(updated.wait(5000));
    }

private Q_SLOTS:
    void init()
    {
        m_api = std::make_unique<test::LocalApi>(Key.toByteArray());
        m_api->server.setListedCallCount(230);
        m_model = std::make_unique<CallListModel>();
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_fetcher = std::make_unique<CallListFetcher>(&m_api->client, m_model.get());
        m_fetcher->setPolicy(fastPolicy());
    }
    void cleanup()
    {
        m_fetcher.reset();
        m_tester.reset();
        m_model.reset();
        m_api.reset();
    }

    void firstPage_isTheNewestHundred()
    {
        m_fetcher->setQuery(CallListQuery());
        waitForFirstPage();
        QCOMPARE(m_model->rowCount(), 100);
        const auto requests = m_api->server.requestsTo(ServerEndpoint::V3Calls);
        QCOMPARE(requests.size(), 1);
        QCOMPARE(requests.first().query, QByteArray("limit=100&sortOrder=desc"));
        QVERIFY(m_model->totalCount().value_or(0) > 200);
        QVERIFY(m_model->canFetchMore({}));
        for (int row = 1; row < m_model->rowCount(); ++row)
            QVERIFY(m_model->callAt(row - 1).createdAt.raw() >=
                    m_model->callAt(row).createdAt.raw());
    }

    void scrolling_reachesTotalCount_withNoDuplicateOrGap_data()
    {
        QTest::addColumn<bool>("newestFirst");
        QTest::addColumn<QStringList>("statuses");
        QTest::addColumn<int>("version");
        QTest::newRow("v3 newest first") << true << QStringList() << int(ApiVersion::V3);
        QTest::newRow("v3 oldest first") << false << QStringList() << int(ApiVersion::V3);
        QTest::newRow("v2 newest first") << true << QStringList() << int(ApiVersion::V2);
        QTest::newRow("v3 completed or failed, oldest first")
            << false << QStringList{QStringLiteral("completed"), QStringLiteral("failed")}
            << int(ApiVersion::V3);
    }
    void scrolling_reachesTotalCount_withNoDuplicateOrGap()
    {
        QFETCH(bool, newestFirst);
        QFETCH(QStringList, statuses);
        QFETCH(int, version);
        CallListQuery q;
        q.newestFirst = newestFirst;
        q.statuses = statuses;
        q.version = ApiVersion(version);
        m_fetcher->setQuery(q);
        waitForFirstPage();
        const int pages = scrollToTheEnd();
        QVERIFY2(pages >= 2, qPrintable(QStringLiteral("%1 pages, %2 rows of %3")
                                            .arg(pages)
                                            .arg(m_model->rowCount())
                                            .arg(m_model->totalCount().value_or(-1))));
        const QStringList ids = idsOf(*m_model);
        QCOMPARE(qint64(ids.size()), m_model->totalCount().value_or(-1));
        QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), ids.size());
        // In the server's order: no gap between pages.
        for (int row = 1; row < m_model->rowCount(); ++row) {
            const QString a = m_model->callAt(row - 1).createdAt.raw();
            const QString b = m_model->callAt(row).createdAt.raw();
            QVERIFY2(newestFirst ? a >= b : a <= b, qPrintable(QString::number(row)));
        }
        const auto requests = m_api->server.requestsTo(ApiVersion(version) == ApiVersion::V2
                                                           ? ServerEndpoint::V2Calls
                                                           : ServerEndpoint::V3Calls);
        QCOMPARE(requests.size(), pages + 1);
        for (int i = 1; i < requests.size(); ++i) {
            const QString cursor =
                queryOf(requests.at(i)).queryItemValue(QStringLiteral("startingAfter"));
            QCOMPARE(cursor, ids.at(i * 100 - 1));
            QCOMPARE(queryOf(requests.at(i)).allQueryItemValues(QStringLiteral("statuses")),
                     statuses);
        }
    }

    void filterChange_midPage_dropsTheOldAnswer()
    {
        m_fetcher->setQuery(CallListQuery());
        waitForFirstPage();
        // The next page is slow; the filter changes while it is out.
        CannedResponse stale;
        stale.body = R"({"calls":[{"callID":"wf_stale","status":"running"}],"totalCount":1})";
        stale.delayMs = 300;
        m_api->server.setListResponses(ServerEndpoint::V3Calls, {stale});
        m_model->fetchMore({});
        QTRY_COMPARE(m_api->server.requestsTo(ServerEndpoint::V3Calls).size(), 2);
        QVERIFY(m_fetcher->isBusy());
        CallListQuery failed;
        failed.statuses = {QStringLiteral("failed")};
        QSignalSpy resets(m_model.get(), &QAbstractItemModel::modelReset);
        QSignalSpy inserts(m_model.get(), &QAbstractItemModel::rowsInserted);
        m_fetcher->setQuery(failed);
        QSignalSpy updated(m_fetcher.get(), &CallListFetcher::listUpdated);
        QVERIFY(updated.wait(5000));
        QTest::qWait(500);          // the stale answer's time has come and gone
        QCOMPARE(resets.size(), 2); // emptied, then the new first page
        QCOMPARE(inserts.size(), 0);
        QVERIFY(!idsOf(*m_model).contains(QStringLiteral("wf_stale")));
        QVERIFY(m_model->rowCount() > 0);
        for (int row = 0; row < m_model->rowCount(); ++row)
            QCOMPARE(m_model->callAt(row).status.state(), CallState::Failed);
        const auto requests = m_api->server.requestsTo(ServerEndpoint::V3Calls);
        QCOMPARE(requests.size(), 3);
        QCOMPARE(requests.at(2).query, QByteArray("limit=100&sortOrder=desc&statuses=failed"));
    }

    void liveRefresh_mergesStatusChangesAndNewCalls_withoutAReset()
    {
        m_api->server.setListedCallCount(30);
        m_fetcher->setActive(true);
        m_fetcher->setQuery(CallListQuery());
        waitForFirstPage();
        QStringList log;
        QObject ctx;
        connect(m_model.get(), &QAbstractItemModel::modelReset, &ctx,
                [&] { log << QStringLiteral("reset"); });
        connect(m_model.get(), &QAbstractItemModel::rowsInserted, &ctx,
                [&](const QModelIndex &, int a, int b) {
                    log << QStringLiteral("inserted(%1,%2)").arg(a).arg(b);
                });
        connect(m_model.get(), &QAbstractItemModel::rowsRemoved, &ctx,
                [&] { log << QStringLiteral("removed"); });
        connect(m_model.get(), &QAbstractItemModel::dataChanged, &ctx, [&](const QModelIndex &a) {
            log << QStringLiteral("changed %1 %2")
                       .arg(m_model->callAt(a.row()).callId, m_model->callAt(a.row()).status.raw());
        });
        const QString newest = QStringLiteral("wf_list_0030");
        QVERIFY(!idsOf(*m_model).contains(newest));
        // The server's list clock: a call appears on the fourth list request.
        QTRY_VERIFY_WITH_TIMEOUT(m_model->rowOf(newest) == 0, 10000);
        QVERIFY2(!log.contains(QStringLiteral("reset")), qPrintable(log.join(u'|')));
        QVERIFY2(!log.contains(QStringLiteral("removed")), qPrintable(log.join(u'|')));
        QVERIFY2(log.contains(QStringLiteral("inserted(0,0)")), qPrintable(log.join(u'|')));
        // The newest listed call was running and finished on the way.
        QVERIFY2(log.contains(QStringLiteral("changed wf_list_0029 completed")) ||
                     log.contains(QStringLiteral("changed wf_list_0029 failed")),
                 qPrintable(log.join(u'|')));
        // Every refresh asked for the first page only, one at a time.
        const auto requests = m_api->server.requestsTo(ServerEndpoint::V3Calls);
        QVERIFY(requests.size() >= 5);
        for (const ServerRequestRecord &r : requests)
            QCOMPARE(r.query, QByteArray("limit=100&sortOrder=desc"));
    }

    void rateLimited_slowsTheList_andKeepsIt()
    {
        m_fetcher->setActive(true);
        m_fetcher->setQuery(CallListQuery());
        waitForFirstPage();
        const int rows = m_model->rowCount();
        CannedResponse limited;
        limited.status = 429;
        limited.body = R"({"message":"slow down","code":429})";
        limited.headers = {{"Retry-After", "1"}};
        m_api->server.setListResponses(ServerEndpoint::V3Calls, {limited});
        QSignalSpy problems(m_fetcher.get(), &CallListFetcher::problem);
        QVERIFY(problems.wait(5000));
        QCOMPARE(m_model->rowCount(), rows);
        const qint64 limitedAt = m_api->server.requests().constLast().receivedAtMs;
        QSignalSpy cleared(m_fetcher.get(), &CallListFetcher::problemCleared);
        QVERIFY(cleared.wait(5000));
        const auto requests = m_api->server.requestsTo(ServerEndpoint::V3Calls);
        const qint64 next = requests.constLast().receivedAtMs;
        QVERIFY2(next - limitedAt >= 950, qPrintable(QString::number(next - limitedAt)));
        // And the live pace after it is slower than before.
        QVERIFY(m_fetcher->nextRefreshInMs() > fastPolicy().initialMs);
    }

    void hiddenPane_stopsRefreshing()
    {
        m_fetcher->setActive(true);
        m_fetcher->setQuery(CallListQuery());
        waitForFirstPage();
        QTRY_VERIFY(m_api->server.requestsTo(ServerEndpoint::V3Calls).size() >= 3);
        m_fetcher->setActive(false);
        QTRY_VERIFY(!m_fetcher->isBusy());
        const qsizetype before = m_api->server.requests().size();
        QTest::qWait(4 * fastPolicy().maxMs);
        QCOMPARE(m_api->server.requests().size(), before);
        QCOMPARE(m_fetcher->nextRefreshInMs(), -1);
        m_fetcher->setActive(true); // shown again: at once
        QTRY_COMPARE_WITH_TIMEOUT(m_api->server.requests().size(), before + 1, 1000);
    }

    void rejectedFilter_showsTheServersWords_andIsNotRetried()
    {
        QSignalSpy rejected(m_fetcher.get(), &CallListFetcher::filterRejected);
        CallListQuery q;
        q.statuses = {QStringLiteral("cancelled")};
        m_fetcher->setActive(true);
        m_fetcher->setQuery(q);
        QTRY_VERIFY(!rejected.isEmpty() && !rejected.constLast().at(0).toString().isEmpty());
        QVERIFY2(rejected.constLast().at(0).toString().contains(QStringLiteral("statuses")),
                 qPrintable(rejected.constLast().at(0).toString()));
        QTest::qWait(3 * fastPolicy().maxMs);
        QCOMPARE(m_api->server.requests().size(), 1);
        m_fetcher->setQuery(CallListQuery());
        QTRY_VERIFY(rejected.constLast().at(0).toString().isEmpty());
    }

    void refusedKey_keepsTheLastGoodList_untilRestart()
    {
        m_fetcher->setActive(true);
        m_fetcher->setQuery(CallListQuery());
        waitForFirstPage();
        const QStringList before = idsOf(*m_model);
        m_api->client.setApiKey(QStringLiteral("revoked"));
        QSignalSpy problems(m_fetcher.get(), &CallListFetcher::problem);
        m_fetcher->refreshNow();
        QVERIFY(problems.wait(5000));
        QVERIFY(problems.constLast().at(0).toString().contains(QStringLiteral("key")));
        QCOMPARE(idsOf(*m_model), before);
        const qsizetype asked = m_api->server.requests().size();
        QTest::qWait(3 * fastPolicy().maxMs);
        QCOMPARE(m_api->server.requests().size(), asked); // waits for a new key
        m_api->client.setApiKey(QString::fromLatin1(Key));
        m_fetcher->restart();
        waitForFirstPage();
        QCOMPARE(m_model->rowCount(), 100);
    }
};

QTEST_MAIN(TestCallListFetcher)
#include "tst_calllistfetcher.moc"
