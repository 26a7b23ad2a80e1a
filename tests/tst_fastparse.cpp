// SPDX-License-Identifier: MIT
// The parsers' fast path (simdjson, fastparse.h) against their Qt path: every test body
// and every fuzz seed read both ways gives the same result field by field, the usual
// bodies really take the fast path, and what it declines keeps the Qt path's messages.

#include "fastparse.h"
#include "parsecomparison.h"
#include "testutil.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace bem;

namespace {

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

QString dataFile(const char *name)
{
    return QStringLiteral(BEM_TEST_DATA_DIR "/") + QLatin1String(name);
}

// A v2 body with `n` function calls shaped as the API sends them.
QByteArray generatedCall(int n)
{
    QByteArray out = "{\"call\":{\"callID\":\"c_1\",\"callType\":\"workflow\",\"status\":"
                     "\"running\",\"createdAt\":\"2026-11-30T12:00:00.000Z\",\"functionCalls\":[";
    for (int i = 0; i < n; ++i) {
        if (i > 0)
            out += ',';
        out += "{\"functionCallID\":\"fc_" + QByteArray::number(i) +
               "\",\"functionName\":\"extract\",\"type\":\"transform\",\"status\":\"completed\","
               "\"functionVersionNum\":2,\"activity\":[{\"displayName\":\"Read\",\"status\":"
               "\"completed\"}],\"startedAt\":\"2026-11-30T12:01:07.250Z\",\"inputs\":[{"
               "\"inputType\":\"pdf\",\"s3URL\":\"https://x/" +
               QByteArray::number(i) + "\"}]}";
    }
    return out + "]}}";
}

} // namespace

class TestFastParse : public QObject
{
    Q_OBJECT

private slots:
    void everyBody_readsTheSameBothWays_data()
    {
        QTest::addColumn<QByteArray>("body");
        const QDir data(QStringLiteral(BEM_TEST_DATA_DIR));
        for (const QString &name : data.entryList({QStringLiteral("*.json")}, QDir::Files))
            QTest::newRow(qPrintable(name)) << readFile(data.filePath(name));
        const QDir corpus(QStringLiteral(BEM_TEST_DATA_DIR "/../fuzz/corpus"));
        for (const QString &name : corpus.entryList(QDir::Files)) {
            QByteArray input = readFile(corpus.filePath(name));
            if (input.startsWith('V'))
                input = input.mid(1);
            const QList<QByteArray> bodies = input.split('\x1e');
            for (qsizetype i = 0; i < bodies.size(); ++i)
                QTest::addRow("corpus/%s#%d", qPrintable(name), int(i)) << bodies.at(i);
        }
        QTest::newRow("generated") << generatedCall(50);
    }
    void everyBody_readsTheSameBothWays()
    {
        QFETCH(QByteArray, body);
        const QStringList differences = test::fastPathDifferences(body);
        QVERIFY2(differences.isEmpty(), qPrintable(differences.join(QStringLiteral(", "))));
    }

    // Without this the comparison above would pass with a fast path that declines all.
    void usualBodies_takeTheFastPath()
    {
        QVERIFY(fast::parseCall(readFile(dataFile("api-example.json"))).has_value());
        QVERIFY(fast::parseCall(readFile(dataFile("unknown-fields.json"))).has_value());
        QVERIFY(fast::parseCall(generatedCall(20)).has_value());
        QVERIFY(fast::parseCallV3(readFile(dataFile("v3-call-partly-failed.json"))).has_value());
        QVERIFY(fast::parseTrace(readFile(dataFile("v3-trace.json"))).has_value());
        QVERIFY(
            fast::parseEventPage("{\"outputs\":[{\"eventID\":\"e1\",\"eventType\":\"transform\"}],"
                                 "\"totalCount\":1}",
                                 EventPageKind::Outputs)
                .has_value());
    }

    void repeatedValues_areSharedOnce()
    {
        const ParseResult r = CallParser::parse(generatedCall(3));
        QVERIFY(r.ok());
        const QList<FunctionCall> &fcs = r.call->functionCalls;
        QCOMPARE(fcs.size(), 3);
        QCOMPARE(fcs.at(0).functionName, QStringLiteral("extract"));
        QCOMPARE(fcs.at(1).functionName.constData(), fcs.at(0).functionName.constData());
        QCOMPARE(fcs.at(2).status.raw().constData(), fcs.at(0).status.raw().constData());
        QCOMPARE(fcs.at(2).inputs.at(0).inputType.constData(),
                 fcs.at(0).inputs.at(0).inputType.constData());
        // The same activity bytes: one list for all of them.
        QCOMPARE(fcs.at(0).activity.size(), 1);
        QVERIFY(fcs.at(1).activity.isSharedWith(fcs.at(0).activity));
        QVERIFY(fcs.at(2).activity.isSharedWith(fcs.at(0).activity));
    }

    void differentActivities_areNotShared()
    {
        const ParseResult r = CallParser::parse(
            R"({"call":{"functionCalls":[)"
            R"({"functionCallID":"a","activity":[{"displayName":"Read","status":"completed"}]},)"
            R"({"functionCallID":"b","activity":[{"displayName":"Read","status":"failed"}]},)"
            R"({"functionCallID":"c","activity":[{"displayName":"Read","status":"completed"}]}]}})");
        QVERIFY(r.ok());
        const QList<FunctionCall> &fcs = r.call->functionCalls;
        QCOMPARE(fcs.at(1).activity.at(0).status.raw(), QStringLiteral("failed"));
        QCOMPARE(fcs.at(0).activity.at(0).status.raw(), QStringLiteral("completed"));
        QVERIFY(!fcs.at(1).activity.isSharedWith(fcs.at(0).activity));
        QVERIFY(fcs.at(2).activity.isSharedWith(fcs.at(0).activity));
    }

    // What the fast path leaves to the Qt path, which then says what it always said.
    void unusualBodies_areDeclined_andKeepTheirMessages_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("wrong type") << QByteArray(R"({"call":{"callID":7}})");
        QTest::newRow("v2 null") << QByteArray(R"({"call":{"callID":null}})");
        QTest::newRow("duplicate key") << QByteArray(R"({"call":{"callID":"a","callID":"b"}})");
        QTest::newRow("bad time") << QByteArray(R"({"call":{"createdAt":"yesterday"}})");
        QTest::newRow("not a whole number") << QByteArray(R"({"call":{"workflowVersionNum":1.5}})");
        QTest::newRow("syntax") << QByteArray(R"({"call":{"callID":"a",}})");
        QTest::newRow("cut off") << QByteArray(R"({"call":{"callID":"a")");
        QTest::newRow("trailing") << QByteArray(R"({"call":{}} x)");
        QTest::newRow("no call") << QByteArray(R"({"error":"nope"})");
        QTest::newRow("array element") << QByteArray(R"({"call":{"functionCalls":[1]}})");
        // A string value is read in place by peeking at it, then consumed, so that what
        // follows it is still checked. (The fuzzer's own case, where a peeked-at value was
        // skipped and the ':' after it went unnoticed, is the corpus seed
        // colon-after-a-string-value, read by everyBody_readsTheSameBothWays.)
        QTest::newRow("colon after a value") << QByteArray(R"({"call":{"status":"r": 1}})");
        QTest::newRow("colon after a value, in a function call")
            << QByteArray(R"({"call":{"functionCalls":[{"functionCallID":"a": 1}]}})");
    }
    void unusualBodies_areDeclined_andKeepTheirMessages()
    {
        QFETCH(QByteArray, body);
        QVERIFY(!fast::parseCall(body).has_value());
        const ParseResult r = CallParser::parse(body);
        QVERIFY(!r.ok() || !r.warnings.isEmpty() || body.contains("\"b\""));
        const QStringList differences = test::fastPathDifferences(body);
        QVERIFY2(differences.isEmpty(), qPrintable(differences.join(QStringLiteral(", "))));
    }

    // An event's payload is kept as its bytes, so it is only checked, never built: a wide
    // one, a deep one or one with a repeated key still takes the fast path and reads as the
    // Qt path reads it; one QJsonDocument would refuse still declines.
    void eventPayloads_areCheckedNotBuilt_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<bool>("fast");
        QByteArray wide = "{";
        for (int i = 0; i < 400; ++i)
            wide += (i ? ",\"k" : "\"k") + QByteArray::number(i) + "\":" + QByteArray::number(i);
        wide += "}";
        QTest::newRow("wide") << wide << true;
        QTest::newRow("repeated key")
            << QByteArray(R"({"a":1,"a":{"b":[true,null,"x\u00e9"]}})") << true;
        QTest::newRow("nested") << QByteArray(R"({"a":[[[{"b":[1.5e3,-2,0.25]}]]]})") << true;
        QTest::newRow("bad escape") << QByteArray(R"({"a":"\q"})") << false;
        QTest::newRow("bad literal") << QByteArray(R"({"a":tru})") << false;
        QTest::newRow("too deep") << QByteArray(70, '[') + QByteArray(70, ']') << false;
    }
    void eventPayloads_areCheckedNotBuilt()
    {
        QFETCH(QByteArray, payload);
        QFETCH(bool, fast);
        const QByteArray body = R"({"trace":{"functionCalls":[{"functionCallID":"fc_1"}],)"
                                R"("events":[{"eventID":"e1","eventType":"transform",)"
                                R"("functionCallID":"fc_1","transformedContent":)" +
                                payload + "}]}}";
        const std::optional<TraceParseResult> read = fast::parseTrace(body);
        QCOMPARE(read.has_value(), fast);
        const QStringList differences = test::fastPathDifferences(body);
        QVERIFY2(differences.isEmpty(), qPrintable(differences.join(QStringLiteral(", "))));
        if (fast) {
            const QJsonObject kept = read->functionCalls.at(0)
                                         .events.at(0)
                                         .object.get()[QLatin1String("transformedContent")]
                                         .toObject();
            QCOMPARE(kept, QJsonDocument::fromJson(payload).object());
        }
    }

    // Strings are read in place from the body. A raw control character in one, which JSON
    // forbids and QJsonDocument lets through, still leaves the body to the Qt path
    // (simdjson refuses it before any value is read), so it reads as it always did.
    void controlCharacters_leaveTheBodyToTheQtPath_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("in a value") << QByteArray("{\"call\":{\"callID\":\"a\x01b\"}}");
        QTest::newRow("in a key") << QByteArray("{\"call\":{\"call\nID\":\"ab\"}}");
        QTest::newRow("in an event payload")
            << QByteArray("{\"trace\":{\"events\":[{\"eventID\":\"e\",\"x\":\"\t\"}]}}");
    }
    void controlCharacters_leaveTheBodyToTheQtPath()
    {
        QFETCH(QByteArray, body);
        QVERIFY(!fast::parseCall(body).has_value());
        QVERIFY(!fast::parseTrace(body).has_value());
        const QStringList differences = test::fastPathDifferences(body);
        QVERIFY2(differences.isEmpty(), qPrintable(differences.join(QStringLiteral(", "))));
    }

    void paddedBody_isReadInPlace_andAShortOneCopied()
    {
        // Both ways simdjson gets its padding; the results are the same.
        QByteArray roomy = generatedCall(5);
        roomy.reserve(roomy.size() + 1024);
        const QByteArray exact(roomy.constData(), roomy.size());
        const std::optional<ParseResult> a = fast::parseCall(roomy);
        const std::optional<ParseResult> b = fast::parseCall(exact);
        QVERIFY(a && b);
        QVERIFY(test::callDifferences(*a->call, *b->call).isEmpty());
        // Its front removed, an array starts inside its block: capacity() then counts
        // bytes before it, which must not be taken for padding (ASan would see the read).
        QByteArray trimmedFront = QByteArray(4096, ' ') + exact;
        trimmedFront.squeeze();
        trimmedFront.remove(0, 4096);
        const std::optional<ParseResult> c = fast::parseCall(trimmedFront);
        QVERIFY(c);
        QVERIFY(test::callDifferences(*a->call, *c->call).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFastParse)
#include "tst_fastparse.moc"
