// SPDX-License-Identifier: MIT
// The local server's call lists as the calls browser uses them: the demo's crowd of
// calls, statuses, both orders and cursors, totalCount, and queued answers.
#include "localv3fixture.h"

using namespace bem;
using namespace bem::test;

class TestLocalBemServerCallList : public V3ServerFixture
{
    Q_OBJECT

    QStringList pageIds(const char *endpoint, const QString &query)
    {
        return idsOf(arr(list(endpoint, query).json(), "calls"), "callID");
    }
    int total(const char *endpoint, const QString &query)
    {
        return list(endpoint, query).json().value(QLatin1String("totalCount")).toInt();
    }

private Q_SLOTS:
    void init()
    {
        start();
        m_server->setListedCallCount(250);
    }
    void cleanup() { stop(); }

    void crowd_isListed_v3WithoutFunctionCalls_v2WithThem()
    {
        const int v3 = total("/v3/calls", QStringLiteral("limit=1"));
        const int v2 = total("/v2/calls", QStringLiteral("limit=1"));
        QVERIFY2(v3 > 240 && v2 > v3, qPrintable(QStringLiteral("%1 %2").arg(v3).arg(v2)));
        const Answer functions = list("/v2/calls", QStringLiteral("callTypes=function&limit=100"));
        const QJsonArray calls = arr(functions.json(), "calls");
        QVERIFY(!calls.isEmpty());
        for (const QJsonValue &v : calls)
            QVERIFY(!str(v.toObject(), "functionName").isEmpty());
        // Mixed statuses.
        for (const char *status : {"completed", "failed", "running", "pending"})
            QVERIFY2(
                total("/v3/calls", QStringLiteral("limit=1&statuses=") + QLatin1String(status)) > 0,
                status);
    }

    void everyPage_inBothOrders_reachesTotalCount_withNoGapOrRepeat_data()
    {
        QTest::addColumn<QString>("endpoint");
        QTest::addColumn<QString>("filter");
        for (const char *endpoint : {"/v2/calls", "/v3/calls"}) {
            const QString e = QLatin1String(endpoint);
            QTest::addRow("%s all", endpoint) << e << QString();
            QTest::addRow("%s failed or running", endpoint)
                << e << QStringLiteral("&statuses=failed&statuses=running");
            QTest::addRow("%s reference", endpoint)
                << e << QStringLiteral("&referenceIDSubstring=ACME");
        }
    }
    void everyPage_inBothOrders_reachesTotalCount_withNoGapOrRepeat()
    {
        QFETCH(QString, endpoint);
        QFETCH(QString, filter);
        const QByteArray path = endpoint.toLatin1();
        QStringList ascending;
        for (const bool desc : {false, true}) {
            QStringList ids;
            QString cursor;
            const QString order = desc ? QStringLiteral("&sortOrder=desc") : QString();
            int expected = -1; // the first page's: pages with a cursor read the same list
            for (int guard = 0; guard < 50; ++guard) {
                QString q = QStringLiteral("limit=37") + order + filter;
                if (!cursor.isEmpty())
                    q += QStringLiteral("&startingAfter=") + cursor;
                const Answer a = list(path.constData(), q);
                QCOMPARE(a.status, 200);
                if (expected < 0)
                    expected = a.json().value(QLatin1String("totalCount")).toInt();
                QCOMPARE(a.json().value(QLatin1String("totalCount")).toInt(), expected);
                const QStringList page = idsOf(arr(a.json(), "calls"), "callID");
                if (page.isEmpty())
                    break;
                QVERIFY(page.size() <= 37);
                ids += page;
                cursor = page.constLast();
            }
            QCOMPARE(ids.size(), expected);
            QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), expected);
            QVERIFY(expected > 0);
            if (!desc) {
                ascending = ids;
            } else if (ids.size() == ascending.size()) {
                // Unless a new call came in between, the same calls the other way round.
                std::reverse(ids.begin(), ids.end());
                QCOMPARE(ids, ascending);
            }
        }
        // endingBefore, newest first: the page just before the cursor.
        const QStringList newest =
            pageIds(path.constData(), QStringLiteral("limit=10&sortOrder=desc") + filter);
        if (newest.size() == 10) {
            QCOMPARE(
                pageIds(path.constData(), QStringLiteral("limit=3&sortOrder=desc&endingBefore=") +
                                              newest.at(5) + filter),
                newest.mid(2, 3));
        }
    }

    void badStatus_orLimit_isA400_namingTheParameter()
    {
        const Answer bad = list("/v3/calls", QStringLiteral("statuses=cancelled"));
        QCOMPARE(bad.status, 400);
        QVERIFY(str(bad.json(), "message").contains(QStringLiteral("statuses")));
        QCOMPARE(list("/v2/calls", QStringLiteral("statuses=done")).status, 400);
        QCOMPARE(list("/v3/calls", QStringLiteral("limit=101")).status, 400);
        QCOMPARE(list("/v3/calls", QStringLiteral("startingAfter=wf_nope")).status, 400);
    }

    void crowd_finishesAndGrows_withTheListsClock()
    {
        const QString running = QStringLiteral("statuses=running&statuses=pending&limit=100");
        const int before = total("/v3/calls", running);
        QVERIFY(before >= 10);
        const int all = total("/v3/calls", QStringLiteral("limit=1"));
        for (int i = 0; i < 10; ++i)
            list("/v3/calls", QStringLiteral("limit=1"));
        QVERIFY(total("/v3/calls", running) < before + 3);
        QVERIFY(total("/v3/calls", QStringLiteral("limit=1")) > all); // new calls appeared
        const QStringList newest = pageIds("/v3/calls", QStringLiteral("limit=1&sortOrder=desc"));
        QCOMPARE(newest.size(), 1);
        QVERIFY(newest.first().startsWith(QStringLiteral("wf_list_025")));
        // The same clock gives the same list: deterministic.
        m_server->resetScenarios();
        const QByteArray first = list("/v3/calls", QStringLiteral("limit=100")).body;
        m_server->resetScenarios();
        QCOMPARE(list("/v3/calls", QStringLiteral("limit=100")).body, first);
    }

    void queuedAnswers_areServedOnce_thenTheListAgain()
    {
        CannedResponse limited;
        limited.status = 429;
        limited.body = R"({"message":"slow down","code":429})";
        limited.headers = {{"Retry-After", "3"}};
        m_server->setListResponses(ServerEndpoint::V3Calls, {limited});
        const Answer a = list("/v3/calls");
        QCOMPARE(a.status, 429);
        QCOMPARE(a.headers.value("retry-after"), QByteArray("3"));
        QCOMPARE(list("/v2/calls").status, 200); // the other list is not affected
        QCOMPARE(list("/v3/calls").status, 200);
    }
};

QTEST_GUILESS_MAIN(TestLocalBemServerCallList)
#include "tst_localbemserver_calllist.moc"
