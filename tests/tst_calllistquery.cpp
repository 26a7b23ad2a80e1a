// SPDX-License-Identifier: MIT
// The calls browser's query: exactly the bytes the list endpoint gets.
#include "calllistquery.h"

#include <QTest>

using namespace bem;

class TestCallListQuery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults_askTheNewestHundredOnV3()
    {
        const CallListQuery q;
        QCOMPARE(q.url(QUrl(QStringLiteral("https://api.bem.ai"))).toString(QUrl::FullyEncoded),
                 QStringLiteral("https://api.bem.ai/v3/calls?limit=100&sortOrder=desc"));
    }

    void everyFilter_inAFixedOrder_withArraysRepeated()
    {
        CallListQuery q;
        q.version = ApiVersion::V2;
        q.statuses = {QStringLiteral("failed"), QStringLiteral("running")};
        q.workflowNames = {QStringLiteral("invoice-pipeline"), QStringLiteral("po-intake")};
        q.referenceSubstring = QStringLiteral("acme");
        q.callType = QStringLiteral("workflow");
        q.newestFirst = false;
        q.limit = 25;
        q.startingAfter = QStringLiteral("wf_9");
        QCOMPARE(
            q.queryString(),
            QStringLiteral("limit=25&statuses=failed&statuses=running"
                           "&workflowNames=invoice-pipeline&workflowNames=po-intake"
                           "&callTypes=workflow&referenceIDSubstring=acme&startingAfter=wf_9"));
        q.startingAfter.clear();
        q.endingBefore = QStringLiteral("wf_1");
        QVERIFY(q.queryString().endsWith(QStringLiteral("&endingBefore=wf_1")));
    }

    void callType_isSentOnV2Only()
    {
        CallListQuery q;
        q.callType = QStringLiteral("function");
        QVERIFY(!q.queryString().contains(QStringLiteral("callTypes")));
        q.version = ApiVersion::V2;
        QVERIFY(q.queryString().contains(QStringLiteral("callTypes=function")));
    }

    void values_arePercentEncoded_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("encoded");
        QTest::newRow("ampersand") << QStringLiteral("a&b") << QStringLiteral("a%26b");
        QTest::newRow("equals") << QStringLiteral("a=b") << QStringLiteral("a%3Db");
        QTest::newRow("space") << QStringLiteral("order 7") << QStringLiteral("order%207");
        QTest::newRow("comma") << QStringLiteral("a,b") << QStringLiteral("a%2Cb");
        QTest::newRow("plus and hash") << QStringLiteral("a+b#c") << QStringLiteral("a%2Bb%23c");
        QTest::newRow("unicode") << QStringLiteral("caf\u00e9-\u65e5\u672c")
                                 << QStringLiteral("caf%C3%A9-%E6%97%A5%E6%9C%AC");
    }
    void values_arePercentEncoded()
    {
        QFETCH(QString, value);
        QFETCH(QString, encoded);
        CallListQuery q;
        q.referenceSubstring = value;
        q.workflowNames = {value};
        q.startingAfter = value;
        const QString text = q.queryString();
        QVERIFY2(text.contains(QStringLiteral("referenceIDSubstring=") + encoded),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("workflowNames=") + encoded), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("startingAfter=") + encoded), qPrintable(text));
        // And the URL keeps those bytes: nothing re-encoded or decoded on the way.
        const QUrl url = q.url(QUrl(QStringLiteral("http://127.0.0.1:1")));
        QCOMPARE(url.query(QUrl::FullyEncoded), text);
    }

    void blankFilters_areLeftOut()
    {
        CallListQuery q;
        q.statuses = {QString(), QStringLiteral("  ")};
        q.workflowNames = {QStringLiteral(" "), QString()};
        q.referenceSubstring = QStringLiteral("   ");
        q.callType = QStringLiteral(" ");
        QCOMPARE(q.queryString(), QStringLiteral("limit=100&sortOrder=desc"));
        q.workflowNames = {QStringLiteral(" po-intake "), QStringLiteral("po-intake")};
        QCOMPARE(q.queryString(),
                 QStringLiteral("limit=100&sortOrder=desc&workflowNames=po-intake"));
    }

    void limit_isKeptWithinTheApisBounds()
    {
        CallListQuery q;
        q.limit = 1000;
        QVERIFY(q.queryString().startsWith(QStringLiteral("limit=100&")));
        q.limit = 0;
        QVERIFY(q.queryString().startsWith(QStringLiteral("limit=1&")));
    }

    void baseUrlWithAPath_keepsIt()
    {
        const CallListQuery q;
        QCOMPARE(
            q.url(QUrl(QStringLiteral("https://proxy.example/bem%20api")))
                .toString(QUrl::FullyEncoded),
            QStringLiteral("https://proxy.example/bem%20api/v3/calls?limit=100&sortOrder=desc"));
    }

    void sameList_ignoresCursorAndLimit_butNotFilters()
    {
        CallListQuery a;
        CallListQuery b = a;
        b.startingAfter = QStringLiteral("wf_1");
        b.limit = 10;
        QVERIFY(a.sameListAs(b));
        QVERIFY(a != b);
        b.statuses = {QStringLiteral("failed")};
        QVERIFY(!a.sameListAs(b));
        b = a;
        b.newestFirst = false;
        QVERIFY(!a.sameListAs(b));
        b = a;
        b.version = ApiVersion::V2;
        QVERIFY(!a.sameListAs(b));
        // The call type only names a different list where it is sent.
        b = a;
        b.callType = QStringLiteral("function");
        QVERIFY(a.sameListAs(b));
    }
};

QTEST_GUILESS_MAIN(TestCallListQuery)
#include "tst_calllistquery.moc"
