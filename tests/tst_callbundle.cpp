// SPDX-License-Identifier: MIT
// A saved v3 call: written from a snapshot and its outputs and errors, read back offline
// through loadCall() (the same entry point as a saved v2 response).
#include "callbundle.h"
#include "callloader.h"
#include "eventparser.h"
#include "testutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace bem;
using bem::test::readTestData;

namespace {

CallSnapshotPtr liveV3()
{
    const LoadedCall loaded = loadV3Call(readTestData(QStringLiteral("v3-call-partly-failed.json")),
                                         readTestData(QStringLiteral("v3-trace.json")));
    if (!loaded.ok())
        qFatal("the v3 fixtures do not load");
    return loaded.snapshot;
}

Event extraOutput(const QString &id)
{
    QStringList warnings;
    return EventParser::parse(
        QJsonObject{{QStringLiteral("eventID"), id},
                    {QStringLiteral("eventType"), QStringLiteral("transform")}},
        QStringLiteral("x"), warnings);
}

QJsonObject rootOf(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object();
}

} // namespace

class TestCallBundle : public QObject
{
    Q_OBJECT
private slots:
    void writeThenLoad_givesTheSameCallTraceAndEvents()
    {
        const CallSnapshotPtr live = liveV3();
        CallEvents events;
        events.outputs = live->call.outputs;
        events.outputs << extraOutput(QStringLiteral("o_paged")); // more than the call's array
        events.errors = live->call.errors;
        const QByteArray bundle = CallBundle::write(*live, events);

        const QJsonObject root = rootOf(bundle);
        QCOMPARE(root.value(QStringLiteral("bemCallInspectorBundle")).toInt(), 1);
        QCOMPARE(root.value(QStringLiteral("apiVersion")).toString(), QStringLiteral("v3"));
        QCOMPARE(root.value(QStringLiteral("call"))
                     .toObject()
                     .value(QStringLiteral("callID"))
                     .toString(),
                 QStringLiteral("c_v3"));
        QCOMPARE(root.value(QStringLiteral("outputs")).toArray().size(), 2);

        const LoadedCall loaded = loadCall(bundle);
        QVERIFY2(loaded.ok(), qPrintable(loaded.parsed.error));
        const Call &c = loaded.snapshot->call;
        QCOMPARE(c.apiVersion, ApiVersion::V3);
        QCOMPARE(c.callId, live->call.callId);
        QCOMPARE(c.status, live->call.status);
        QCOMPARE(c.functionCalls, live->call.functionCalls);
        QCOMPARE(c.unattachedEvents, live->call.unattachedEvents);
        QCOMPARE(c.outputs, events.outputs);
        QCOMPARE(c.errors, events.errors);
        QCOMPARE(loaded.snapshot->tree.size(), live->tree.size());
        QVERIFY(loaded.snapshot->ignored.isEmpty());
        // Saving what was opened writes the same bundle again.
        QCOMPARE(rootOf(CallBundle::write(*loaded.snapshot, events)), root);
        // And a refresh-style load of a bundle is the same as loading it.
        QCOMPARE(loadCall(bundle, live).snapshot->call.outputs, events.outputs);
    }

    void aCallWithoutATraceYet()
    {
        const LoadedCall callOnly =
            loadV3Call(readTestData(QStringLiteral("v3-call-partly-failed.json")), QByteArray());
        QVERIFY(callOnly.ok());
        const QByteArray bundle = CallBundle::write(*callOnly.snapshot, CallEvents());
        QVERIFY(rootOf(bundle).value(QStringLiteral("trace")).isNull());
        const LoadedCall loaded = loadCall(bundle);
        QVERIFY2(loaded.ok(), qPrintable(loaded.parsed.error));
        QVERIFY(loaded.snapshot->call.functionCalls.isEmpty());
        QVERIFY(loaded.snapshot->traceBody.isEmpty());
    }

    void newerOrIncompleteBundlesSaySo_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("error");
        const QByteArray parts =
            R"("apiVersion":"v3","call":{"callID":"c"},"trace":null,"outputs":[],"errors":[])";
        QTest::newRow("newer") << QByteArray(R"({"bemCallInspectorBundle":2,)" + parts + "}")
                               << QStringLiteral("newer version");
        QTest::newRow("not a number")
            << QByteArray(R"({"bemCallInspectorBundle":"1",)" + parts + "}")
            << QStringLiteral("bundle version");
        QTest::newRow("no call")
            << QByteArray(
                   R"({"bemCallInspectorBundle":1,"apiVersion":"v3","trace":null,"outputs":[],"errors":[]})")
            << QStringLiteral("incomplete: call");
        QTest::newRow("no outputs, no errors")
            << QByteArray(R"({"bemCallInspectorBundle":1,"apiVersion":"v3","call":{},"trace":{}})")
            << QStringLiteral("incomplete: outputs, errors");
        QTest::newRow("no trace")
            << QByteArray(
                   R"({"bemCallInspectorBundle":1,"apiVersion":"v3","call":{},"outputs":[],"errors":[]})")
            << QStringLiteral("incomplete: trace");
        QTest::newRow("v2")
            << QByteArray(
                   R"({"bemCallInspectorBundle":1,"apiVersion":"v2","call":{},"trace":null,"outputs":[],"errors":[]})")
            << QStringLiteral("not a v3 call");
    }
    void newerOrIncompleteBundlesSaySo()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, error);
        QVERIFY(CallBundle::isBundle(body));
        const LoadedCall loaded = loadCall(body);
        QVERIFY(!loaded.ok());
        QVERIFY2(loaded.parsed.error.contains(error), qPrintable(loaded.parsed.error));
    }

    void plainV2BodiesAreNotBundles()
    {
        const QByteArray v2 = readTestData(QStringLiteral("api-example.json"));
        QVERIFY(!CallBundle::isBundle(v2));
        const LoadedCall loaded = loadCall(v2);
        QVERIFY(loaded.ok());
        QCOMPARE(loaded.snapshot->call.apiVersion, ApiVersion::V2);
        QCOMPARE(loaded.snapshot->body, v2);
        // The marker as a value, or inside the call, is not a bundle.
        QVERIFY(!CallBundle::isBundle(R"({"call":{"callID":"bemCallInspectorBundle"}})"));
        const QByteArray nested = R"({"call":{"bemCallInspectorBundle":1}})";
        QVERIFY(!CallBundle::isBundle(nested));
    }

    void badEventsInABundleAreWarnings()
    {
        const LoadedCall loaded = loadCall(
            R"({"bemCallInspectorBundle":1,"apiVersion":"v3","call":{"callID":"c"},"trace":null,"outputs":[3,{"eventID":"o","avgConfidence":7}],"errors":[]})");
        QVERIFY(loaded.ok());
        QCOMPARE(loaded.snapshot->call.outputs.size(), 1);
        QCOMPARE(loaded.snapshot->ignored.size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestCallBundle)
#include "tst_callbundle.moc"
