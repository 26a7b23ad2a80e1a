// SPDX-License-Identifier: MIT
#include "backgroundpool.h"
#include "callloader.h"
#include "testutil.h"

#include <QSignalSpy>
#include <QTest>
#include <QThreadPool>

using namespace bem;

namespace {

// A call with `n` function calls in a fan-out-10 tree, as the API would send it.
QByteArray callBytes(const QString &callId, int n)
{
    QByteArray out = "{\"call\":{\"callID\":\"" + callId.toUtf8() +
                     "\",\"status\":\"running\",\"functionCalls\":[";
    for (int i = 0; i < n; ++i) {
        if (i > 0)
            out += ',';
        out += "{\"functionCallID\":\"fc" + QByteArray::number(i) +
               "\",\"status\":\"completed\",\"activity\":[{\"displayName\":\"Read\","
               "\"status\":\"completed\"}]";
        if (i > 0)
            out += ",\"sourceFunctionCallID\":\"fc" + QByteArray::number((i - 1) / 10) + '"';
        out += '}';
    }
    out += "]}}";
    return out;
}

QString callIdOf(const QSignalSpy &spy, int i)
{
    const auto loaded = spy.at(i).at(1).value<LoadedCall>();
    return loaded.ok() ? loaded.snapshot->call.callId : QStringLiteral("(error)");
}

} // namespace

class TestCallLoader : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { qRegisterMetaType<LoadedCall>(); }

    void loadCall_buildsTheSnapshotAndKeepsTheBytes()
    {
        const QByteArray bytes = callBytes(QStringLiteral("c_1"), 111);
        const LoadedCall loaded = loadCall(bytes);
        QVERIFY(loaded.ok());
        QCOMPARE(loaded.snapshot->call.callId, QStringLiteral("c_1"));
        QCOMPARE(loaded.snapshot->call.functionCalls.size(), 111);
        QCOMPARE(loaded.snapshot->tree.roots().size(), size_t(1));
        QCOMPARE(loaded.snapshot->tree.node(0).children.size(), size_t(10));
        QCOMPARE(loaded.snapshot->body, bytes);
        // The call moved into the snapshot: no second copy is kept beside it.
        QVERIFY(!loaded.parsed.call.has_value());
    }

    void loadCall_reportsBadBytesLikeTheParser()
    {
        const QByteArray bytes = "{\"call\": {\"callID\": \"c\", ";
        const LoadedCall loaded = loadCall(bytes);
        const ParseResult direct = CallParser::parse(bytes);
        QVERIFY(!loaded.ok());
        QVERIFY(!loaded.parsed.error.isEmpty());
        QCOMPARE(loaded.parsed.error, direct.error);
        QCOMPARE(loaded.parsed.errorOffset, direct.errorOffset);
        QCOMPARE(loaded.parsed.endedEarly, direct.endedEarly);
    }

    void load_reportsLaterFromTheEventLoop()
    {
        CallLoader loader;
        QSignalSpy spy(&loader, &CallLoader::loaded);
        const quint64 ticket = loader.load(callBytes(QStringLiteral("c_async"), 50));
        // Nothing is computed on the caller's stack: the result comes through the loop.
        QCOMPARE(spy.size(), 0);
        QVERIFY(loader.isBusy());
        QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 1, 30000);
        QCOMPARE(spy.at(0).at(0).toULongLong(), ticket);
        QCOMPARE(callIdOf(spy, 0), QStringLiteral("c_async"));
        QVERIFY(!loader.isBusy());
    }

    void newerLoad_dropsTheOlderResult()
    {
        CallLoader loader;
        QSignalSpy spy(&loader, &CallLoader::loaded);
        // The older one is much larger: it finishes last if the pool runs both at once,
        // and first when it runs them in turn; either way only the newer one is shown.
        loader.load(callBytes(QStringLiteral("c_old"), 20000));
        const quint64 newer = loader.load(callBytes(QStringLiteral("c_new"), 10));
        QTRY_COMPARE_WITH_TIMEOUT(loader.droppedCount(), 1, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 1, 60000);
        QCOMPARE(spy.at(0).at(0).toULongLong(), newer);
        QCOMPARE(callIdOf(spy, 0), QStringLiteral("c_new"));
        bem::backgroundPool()->waitForDone();
        QTest::qWait(50);
        QCOMPARE(spy.size(), 1);
    }

    void cancel_dropsTheResultInFlight()
    {
        CallLoader loader;
        QSignalSpy spy(&loader, &CallLoader::loaded);
        loader.load(callBytes(QStringLiteral("c_gone"), 1000));
        loader.cancel();
        QVERIFY(!loader.isBusy());
        QTRY_COMPARE_WITH_TIMEOUT(loader.droppedCount(), 1, 30000);
        QCOMPARE(spy.size(), 0);
    }

    void loadV3Call_noTraceYet()
    {
        const QByteArray call =
            bem::test::readTestData(QStringLiteral("v3-call-partly-failed.json"));
        const LoadedCall loaded = loadV3Call(call, QByteArray());
        QVERIFY(loaded.ok());
        QCOMPARE(loaded.snapshot->call.apiVersion, ApiVersion::V3);
        QVERIFY(loaded.snapshot->call.functionCalls.isEmpty());
        QCOMPARE(loaded.snapshot->call.errors.size(), 1);
        QVERIFY(loaded.traceError.isEmpty());
        QCOMPARE(loaded.snapshot->body, call);
    }

    void loadV3Call_callAndTrace()
    {
        const QByteArray call =
            bem::test::readTestData(QStringLiteral("v3-call-partly-failed.json"));
        const QByteArray trace = bem::test::readTestData(QStringLiteral("v3-trace.json"));
        const LoadedCall loaded = loadV3Call(call, trace);
        QVERIFY(loaded.ok());
        QCOMPARE(loaded.snapshot->call.functionCalls.size(), 5);
        QCOMPARE(loaded.snapshot->traceBody, trace);
        QCOMPARE(loaded.snapshot->tree.size(), 5);
        // The unattached event is shown apart, and said so.
        QCOMPARE(loaded.snapshot->call.unattachedEvents.size(), 1);
        QVERIFY(loaded.snapshot->notes().join(u'\n').contains(QStringLiteral("1 trace event")));
    }

    void loadV3Call_traceWarningsAreIgnoredParts()
    {
        const LoadedCall loaded =
            loadV3Call(R"({"call":{"callID":"c","workflowVersionNum":"x"}})",
                       R"({"trace":{"functionCalls":[{"functionCallID":"a","status":3}]}})");
        QVERIFY(loaded.ok());
        QCOMPARE(loaded.snapshot->ignored.size(), 2);
        QVERIFY(loaded.snapshot->ignored.at(0).startsWith(QStringLiteral("call.")));
        QVERIFY(loaded.snapshot->ignored.at(1).startsWith(QStringLiteral("trace.")));
    }

    void loadV3Call_badTraceKeepsTheCallAndThePreviousTrace()
    {
        const QByteArray call =
            bem::test::readTestData(QStringLiteral("v3-call-partly-failed.json"));
        const QByteArray trace = bem::test::readTestData(QStringLiteral("v3-trace.json"));
        const LoadedCall first = loadV3Call(call, trace);
        const LoadedCall broken =
            loadV3Call(call, "{\"trace\":{\"functionCalls\":[", first.snapshot);
        QVERIFY(broken.ok());
        QVERIFY(broken.traceError.contains(QStringLiteral("not valid JSON")));
        QVERIFY(broken.traceErrorOffset > 0);
        QVERIFY(!broken.traceError.contains(u'\n'));
        QCOMPARE(broken.snapshot->call.functionCalls, first.snapshot->call.functionCalls);
        QCOMPARE(broken.snapshot->traceBody, trace);
        // And with nothing to keep: the call alone.
        const LoadedCall alone = loadV3Call(call, R"({"error":"Trace not ready"})");
        QVERIFY(alone.ok());
        QCOMPARE(alone.traceError, QStringLiteral("The server reported an error: Trace not ready"));
        QVERIFY(alone.snapshot->call.functionCalls.isEmpty());
        // A call body that does not parse is no call at all.
        const LoadedCall noCall = loadV3Call(R"({"error":"Call not found"})", trace);
        QVERIFY(!noCall.ok());
        QCOMPARE(noCall.parsed.error,
                 QStringLiteral("The server reported an error: Call not found"));
    }

    // A v3 call response saved by hand opens as v3 (with its outputs and errors, no
    // trace), not as a v2 call that lost them; a trace alone is refused with a reason.
    void loadCall_fileOfAV3CallOrTrace()
    {
        const LoadedCall call =
            loadSavedCall(test::readTestData(QStringLiteral("v3-call-partly-failed.json")));
        QVERIFY2(call.ok(), qPrintable(call.parsed.error));
        QCOMPARE(call.snapshot->call.apiVersion, ApiVersion::V3);
        QVERIFY(!call.snapshot->call.outputs.isEmpty());
        QVERIFY(!call.snapshot->call.errors.isEmpty());
        QVERIFY(call.snapshot->call.functionCalls.isEmpty());
        // loadCall() itself stays what the v2 endpoint's bodies need (and what the
        // incremental refresh is compared with).
        QCOMPARE(loadCall(test::readTestData(QStringLiteral("v3-call-partly-failed.json")))
                     .snapshot->call.apiVersion,
                 ApiVersion::V2);

        const LoadedCall trace = loadSavedCall(test::readTestData(QStringLiteral("v3-trace.json")));
        QVERIFY(!trace.ok());
        QVERIFY2(trace.parsed.error.contains(QStringLiteral("trace of a v3 call")),
                 qPrintable(trace.parsed.error));

        // A v2 call keeps loading as v2.
        const LoadedCall v2 = loadSavedCall(test::readTestData(QStringLiteral("progress-3.json")));
        QVERIFY(v2.ok());
        QCOMPARE(v2.snapshot->call.apiVersion, ApiVersion::V2);
    }

    void loadV3_reportsThroughLoaded()
    {
        CallLoader loader;
        QSignalSpy spy(&loader, &CallLoader::loaded);
        const quint64 ticket =
            loader.loadV3(bem::test::readTestData(QStringLiteral("v3-call-partly-failed.json")),
                          bem::test::readTestData(QStringLiteral("v3-trace.json")));
        QVERIFY(spy.wait());
        QCOMPARE(spy.at(0).at(0).toULongLong(), ticket);
        const auto loaded = spy.at(0).at(1).value<LoadedCall>();
        QVERIFY(loaded.ok());
        QCOMPARE(loaded.snapshot->call.functionCalls.size(), 5);
    }
};

QTEST_GUILESS_MAIN(TestCallLoader)
#include "tst_callloader.moc"
