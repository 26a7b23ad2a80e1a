// SPDX-License-Identifier: MIT
#include "callloader.h"
#include "datanotices.h"
#include "testutil.h"

#include <QTest>

using namespace bem;
using bem::test::makeFunctionCall;
using Kind = DataNotice::Kind;

namespace {

CallSnapshotPtr load(const QByteArray &body)
{
    LoadedCall loaded = loadCall(body);
    if (!loaded.ok())
        qFatal("does not load: %s", qPrintable(loaded.parsed.error));
    return loaded.snapshot;
}

// A call whose function calls have `wrong` fields of the wrong type between them.
QByteArray withWrongFields(int wrong)
{
    QByteArray fcs;
    for (int i = 0; i < wrong; ++i)
        fcs += (i ? "," : "") + QByteArray(R"({"functionCallID":"f)") + QByteArray::number(i) +
               R"(","functionVersionNum":"x"})";
    return R"({"call":{"callID":"c","status":"completed","functionCalls":[)" + fcs + "]}}";
}

} // namespace

// What the banner says about a response: dropped parts are a warning and counted; notes
// about data that is all shown never say "ignored".
class TestDataNotices : public QObject
{
    Q_OBJECT
private slots:
    void cleanCall_needsNoBanner()
    {
        const DataNotice n = describeDataNotices(*load(withWrongFields(0)));
        QVERIFY(n.isEmpty());
        QVERIFY(n.text.isEmpty());
    }

    void errorBesideTheCall_isANoteNotSomethingIgnored()
    {
        const CallSnapshotPtr s = load(test::readTestData(QStringLiteral("call-and-error.json")));
        QVERIFY(s->ignored.isEmpty());
        QCOMPARE(s->notes(),
                 QStringList{QStringLiteral("The server also reported an error: partial result")});
        const DataNotice n = describeDataNotices(*s);
        QCOMPARE(n.kind, Kind::Info);
        QCOMPARE(n.text, QStringLiteral("The server also reported an error: partial result"));
        QVERIFY(!n.text.contains(QStringLiteral("ignored")));
    }

    void brokenTree_isShownNotIgnored()
    {
        const CallSnapshot s =
            test::snapshotOf(QStringLiteral("c"),
                             {makeFunctionCall(QStringLiteral("a")),
                              makeFunctionCall(QStringLiteral("b"), QStringLiteral("gone")),
                              makeFunctionCall(QStringLiteral("a")),
                              makeFunctionCall(QStringLiteral("self"), QStringLiteral("self"))});
        QVERIFY(s.ignored.isEmpty());
        QCOMPARE(s.notes().size(), 3);
        const DataNotice n = describeDataNotices(s);
        QCOMPARE(n.kind, Kind::Info);
        QVERIFY2(n.text.startsWith(QStringLiteral("3 notes about the data; all of it is shown. "
                                                  "First: function call a (#2) repeats")),
                 qPrintable(n.text));
        QVERIFY(!n.text.contains(QStringLiteral("ignored")));
        QCOMPARE(n.details, s.notes());

        const CallSnapshot one = test::snapshotOf(
            QStringLiteral("c"), {makeFunctionCall(QStringLiteral("b"), QStringLiteral("gone"))});
        const DataNotice single = describeDataNotices(one);
        QCOMPARE(single.kind, Kind::Info);
        QCOMPARE(single.text, one.notes().first());
        QVERIFY(single.text.contains(QStringLiteral("shown at the top level")));
    }

    void droppedFields_areCountedWithProperPlurals_data()
    {
        QTest::addColumn<int>("wrong");
        QTest::addColumn<QString>("start");
        QTest::newRow("one") << 1 << QStringLiteral("1 field was ignored (");
        QTest::newRow("three") << 3 << QStringLiteral("3 fields were ignored (");
        QTest::newRow("capped") << 1000 << QStringLiteral("More than 200 fields were ignored (");
    }
    void droppedFields_areCountedWithProperPlurals()
    {
        QFETCH(int, wrong);
        QFETCH(QString, start);
        const CallSnapshotPtr s = load(withWrongFields(wrong));
        const DataNotice n = describeDataNotices(*s);
        QCOMPARE(n.kind, Kind::Warning);
        QVERIFY2(n.text.startsWith(start), qPrintable(n.text));
        QVERIFY2(n.text.endsWith(QStringLiteral(
                     "First: call.functionCalls[0].functionVersionNum: expected a number, got "
                     "a string; ignored")),
                 qPrintable(n.text));
        QCOMPARE(n.details.size(), std::min(wrong, 20));
    }

    void droppedFieldsAndNotes_sayBoth()
    {
        const QByteArray body =
            R"({"error":"partial","call":{"callID":"c","functionCalls":[)"
            R"({"functionCallID":"a","sourceFunctionCallID":"gone","functionVersionNum":true}]}})";
        const CallSnapshotPtr s = load(body);
        QCOMPARE(s->ignored.size(), 1);
        QCOMPARE(s->notes().size(), 2);
        const DataNotice n = describeDataNotices(*s);
        QCOMPARE(n.kind, Kind::Warning);
        QVERIFY2(n.text.startsWith(QStringLiteral("1 field was ignored")), qPrintable(n.text));
        QVERIFY2(n.text.endsWith(QStringLiteral("Also 2 notes about the data, shown as it is.")),
                 qPrintable(n.text));
        QCOMPARE(n.details, s->ignored + s->notes());
    }
};

QTEST_GUILESS_MAIN(TestDataNotices)
#include "tst_datanotices.moc"
