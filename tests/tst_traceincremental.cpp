// SPDX-License-Identifier: MIT
// The v3 refresh (loadV3Call with a previous state) must give exactly what the full load
// gives — every field of the call, each function call and each event, the tree — on
// growing traces, changed statuses, removed, moved and reordered events, and through the
// fallback for anything odd.
#include "callloader.h"
#include "incrementalparse.h"
#include "loadcomparison.h"
#include "testutil.h"

#include <QTest>

using namespace bem;

namespace {

const QByteArray CallBody =
    R"({"call":{"callID":"c_v3","status":"running","outputs":[],"errors":[]}})";

QByteArray functionCall(int i, const QByteArray &status = "running", bool ownTry = false)
{
    QByteArray out = "{\"functionCallID\":\"fc" + QByteArray::number(i) +
                     "\",\"functionName\":\"fn\",\"type\":\"transform\",\"status\":\"" + status +
                     "\",\"startedAt\":\"2026-11-30T10:00:00Z\"";
    if (i > 0)
        out += ",\"sourceEventID\":\"ev" + QByteArray::number(i - 1) + '"';
    else
        out += ",\"sourceEventID\":null";
    if (ownTry)
        out += ",\"functionCallTryNumber\":1";
    return out + ",\"workflowNodeName\":\"node\"}";
}

QByteArray eventBytes(int i, int owner, int tryNumber = 1, const QByteArray &type = "transform")
{
    return "{\"eventID\":\"ev" + QByteArray::number(i) + "\",\"eventType\":\"" + type +
           "\",\"functionCallID\":\"fc" + QByteArray::number(owner) +
           "\",\"functionCallTryNumber\":" + QByteArray::number(tryNumber) +
           ",\"transformedContent\":{\"n\":" + QByteArray::number(i) + "},\"avgConfidence\":0.5}";
}

QByteArray trace(const QList<QByteArray> &functionCalls, const QList<QByteArray> &events,
                 const QByteArray &separator = ",")
{
    return "{\"trace\":{\"functionCalls\":[" + functionCalls.toList().join(separator) +
           "],\"events\":[" + events.toList().join(separator) + "]}}";
}

QList<QByteArray> functionCalls(int n)
{
    QList<QByteArray> out;
    for (int i = 0; i < n; ++i)
        out << functionCall(i, "running", i % 3 == 0);
    return out;
}

QList<QByteArray> events(int n, int owners)
{
    QList<QByteArray> out;
    for (int i = 0; i < n; ++i)
        out << eventBytes(i, i % owners);
    return out;
}

// Loads `after` against `before`'s state and fully; fails unless they agree.
IncrementalLoadStats compareLoads(const QByteArray &before, const QByteArray &after,
                                  const QByteArray &callBefore = CallBody,
                                  const QByteArray &callAfter = CallBody)
{
    const LoadedCall previous = loadV3Call(callBefore, before);
    const LoadedCall full = loadV3Call(callAfter, after);
    IncrementalLoadStats stats;
    const LoadedCall incremental = loadV3Call(callAfter, after, previous.snapshot, &stats);
    const QStringList differences = test::loadDifferences(full, incremental);
    if (!differences.isEmpty())
        QTest::qFail(qPrintable(QStringLiteral("differs from the full parse in: ") +
                                differences.join(QStringLiteral(", "))),
                     __FILE__, __LINE__);
    return stats;
}

} // namespace

class TestTraceIncremental : public QObject
{
    Q_OBJECT
private slots:
    void sameAsFullParse_data()
    {
        QTest::addColumn<QByteArray>("before");
        QTest::addColumn<QByteArray>("after");
        QTest::addColumn<bool>("incremental");
        const QList<QByteArray> fcs = functionCalls(20);
        const QList<QByteArray> evs = events(30, 20);
        const QByteArray base = trace(fcs, evs);

        QTest::newRow("identical") << base << base << true;
        QTest::newRow("appended") << base
                                  << trace(fcs + QList<QByteArray>{functionCall(20)},
                                           evs + QList<QByteArray>{eventBytes(30, 20),
                                                                   eventBytes(31, 3)})
                                  << true;
        QList<QByteArray> changed = fcs;
        changed[5] = functionCall(5, "completed");
        changed[6] = functionCall(6, "failed");
        QTest::newRow("statuses changed") << base << trace(changed, evs) << true;
        QList<QByteArray> fewer = evs;
        fewer.removeAt(4);
        fewer.removeAt(10);
        QTest::newRow("events removed") << base << trace(fcs, fewer) << true;
        QList<QByteArray> retried = evs;
        retried[7] = eventBytes(7, 7, 3); // fc7 has no try number of its own: it becomes 3
        QTest::newRow("a retry") << base << trace(fcs, retried) << true;
        QList<QByteArray> moved = evs;
        moved[8] = eventBytes(8, 2);
        QTest::newRow("an event moved") << base << trace(fcs, moved) << true;
        QList<QByteArray> reordered = evs;
        std::reverse(reordered.begin(), reordered.end());
        QList<QByteArray> reorderedFcs = fcs;
        std::reverse(reorderedFcs.begin(), reorderedFcs.end());
        QTest::newRow("reordered") << base << trace(reorderedFcs, reordered) << true;
        QTest::newRow("reformatted") << base << trace(fcs, evs, QByteArrayLiteral(",\n  ")) << true;
        QList<QByteArray> orphaned = evs;
        orphaned << eventBytes(40, 99);
        QTest::newRow("an unattached event") << base << trace(fcs, orphaned) << true;
        QList<QByteArray> duplicated = fcs;
        duplicated << functionCall(3);
        QTest::newRow("a duplicate ID") << base << trace(duplicated, evs) << true;
        QTest::newRow("from an empty trace") << trace({}, {}) << base << true;
        QTest::newRow("to an empty trace") << base << trace({}, {}) << true;
        QTest::newRow("arrays absent") << base << QByteArray(R"({"trace":{}})") << true;
        QTest::newRow("server error beside")
            << base << QByteArray(trace(fcs, evs).chopped(1) + ",\"error\":\"late\"}") << true;
        QList<QByteArray> wrong = evs;
        wrong[3] = "{\"eventID\":5}";
        QTest::newRow("a warning: full path") << base << trace(fcs, wrong) << false;
        QTest::newRow("previous had warnings: full path") << trace(fcs, wrong) << base << false;
        QTest::newRow("not an object in the array: full path")
            << base << trace(fcs, evs + QList<QByteArray>{"3"}) << false;
        QTest::newRow("escaped key: full path")
            << base << QByteArray(R"({"trace":{"function\u0043alls":[],"events":[]}})") << false;
        QTest::newRow("two traces: full path")
            << base << QByteArray(R"({"trace":{},"trace":{"functionCalls":[]}})") << false;
    }
    void sameAsFullParse()
    {
        QFETCH(QByteArray, before);
        QFETCH(QByteArray, after);
        QFETCH(bool, incremental);
        const IncrementalLoadStats stats = compareLoads(before, after);
        QCOMPARE(stats.incremental, incremental);
        if (!incremental)
            QVERIFY(!stats.fallbackReason.isEmpty());
    }

    void onePercentChanged_readsOnlyTheChanged()
    {
        QList<QByteArray> fcs = functionCalls(1000);
        QList<QByteArray> evs = events(1000, 1000);
        const QByteArray before = trace(fcs, evs);
        for (int i = 0; i < 1000; i += 100) {
            fcs[i] = functionCall(i, "completed", i % 3 == 0);
            evs[i + 1] = eventBytes(i + 1, (i + 1) % 1000, 2);
        }
        const IncrementalLoadStats stats = compareLoads(before, trace(fcs, evs));
        QVERIFY2(stats.incremental, qPrintable(stats.fallbackReason));
        QCOMPARE(stats.reparsed, 10);
        QCOMPARE(stats.reused, 990);
        QCOMPARE(stats.eventsReparsed, 10);
        QCOMPARE(stats.eventsReused, 990);
        QVERIFY(stats.callReused);
    }

    void chainOfRefreshes_usesWhatItKept()
    {
        QList<QByteArray> fcs = functionCalls(5);
        QList<QByteArray> evs = events(5, 5);
        CallSnapshotPtr state = loadV3Call(CallBody, trace(fcs, evs)).snapshot;
        for (int step = 5; step < 40; ++step) {
            fcs << functionCall(step);
            evs << eventBytes(step, step / 2);
            fcs[step / 3] = functionCall(step / 3, "completed");
            const QByteArray next = trace(fcs, evs);
            IncrementalLoadStats stats;
            const LoadedCall refreshed = loadV3Call(CallBody, next, state, &stats);
            QVERIFY2(stats.incremental, qPrintable(stats.fallbackReason));
            QVERIFY(refreshed.snapshot->v3->traceLayout.functionCallSpans.has_value());
            QCOMPARE(test::loadDifferences(loadV3Call(CallBody, next), refreshed), QStringList());
            state = refreshed.snapshot;
        }
    }

    void callBodyChanged_traceStillReused()
    {
        const QByteArray t = trace(functionCalls(10), events(10, 10));
        const QByteArray laterCall =
            R"({"call":{"callID":"c_v3","status":"completed","outputs":[{"eventID":"o"}],"errors":[]}})";
        const IncrementalLoadStats stats = compareLoads(t, t, CallBody, laterCall);
        QVERIFY(!stats.callReused);
        QVERIFY(stats.incremental);
        QCOMPARE(stats.reused, 10);
    }
};

QTEST_GUILESS_MAIN(TestTraceIncremental)
#include "tst_traceincremental.moc"
