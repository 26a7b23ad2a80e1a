// SPDX-License-Identifier: MIT
#include "callparser.h"
#include "testutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace bem;
using bem::test::readTestData;

namespace {

bool anyContains(const QStringList &list, const QString &needle)
{
    for (const QString &s : list) {
        if (s.contains(needle))
            return true;
    }
    return false;
}

} // namespace

class TestCallParser : public QObject
{
    Q_OBJECT
private slots:
    void apiExample_everyFieldIsRead()
    {
        const ParseResult r = CallParser::parse(readTestData(QStringLiteral("api-example.json")));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QVERIFY(r.warnings.isEmpty());
        const Call &c = *r.call;
        QCOMPARE(c.callId, QStringLiteral("c_1"));
        QCOMPARE(c.callType, QStringLiteral("workflow"));
        QCOMPARE(c.status.state(), CallState::Running);
        QCOMPARE(c.createdAt.value, QDateTime(QDate(2026, 11, 30), QTime(10, 0), Qt::UTC));
        QVERIFY(c.finishedAt.isEmpty());
        QCOMPARE(c.workflowId, QStringLiteral("wf_9"));
        QCOMPARE(c.workflowName, QStringLiteral("invoice-pipeline"));
        QCOMPARE(c.workflowVersionNum, std::optional<qint64>(3));
        QCOMPARE(c.functionVersionNum, std::nullopt);
        QCOMPARE(c.callReferenceId, QStringLiteral("order-77"));
        QVERIFY(c.input.singleFile.has_value());
        QCOMPARE(c.input.singleFile->inputType, QStringLiteral("pdf"));
        QCOMPARE(c.input.singleFile->s3URL,
                 QStringLiteral("https://example-bucket.s3.amazonaws.com/in/invoice.pdf"));
        QVERIFY(!c.input.batchFiles);

        QCOMPARE(c.functionCalls.size(), 2);
        const FunctionCall &route = c.functionCalls[0];
        QCOMPARE(route.functionCallId, QStringLiteral("fc_1"));
        QCOMPARE(route.functionId, QStringLiteral("f_route"));
        QCOMPARE(route.functionName, QStringLiteral("route-docs"));
        QCOMPARE(route.type, QStringLiteral("route"));
        QCOMPARE(route.referenceId, QStringLiteral("ref-1"));
        QCOMPARE(route.status.state(), CallState::Completed);
        QCOMPARE(route.functionVersionNum, std::optional<qint64>(2));
        QCOMPARE(route.workflowCallId, QStringLiteral("c_1"));
        QCOMPARE(route.startedAt.value.msecsTo(route.finishedAt.value), 2500);
        QCOMPARE(route.activity.size(), 1);
        QCOMPARE(route.activity[0].displayName, QStringLiteral("Classify"));
        QCOMPARE(route.activity[0].status.state(), CallState::Completed);

        const FunctionCall &split = c.functionCalls[1];
        QCOMPARE(split.sourceFunctionCallId, QStringLiteral("fc_1"));
        QCOMPARE(split.inputType, QStringLiteral("pdf"));
        QVERIFY(split.s3URL.endsWith(QStringLiteral("whole.pdf?X-Amz-Signature=abc")));
        QCOMPARE(split.inputs.size(), 1);
        QCOMPARE(split.inputs[0].itemReferenceId, QStringLiteral("p1"));
        QCOMPARE(split.inputs[0].inputType, QStringLiteral("pdf"));
        QVERIFY(split.inputs[0].s3URL.contains(QStringLiteral("p1.pdf")));
        QVERIFY(split.activity.isEmpty());
    }

    void batchInput_isRead()
    {
        const ParseResult r = CallParser::parse(readTestData(QStringLiteral("progress-1.json")));
        QVERIFY(r.ok());
        QVERIFY(!r.call->input.singleFile);
        QVERIFY(r.call->input.batchFiles.has_value());
        QCOMPARE(r.call->input.batchFiles->size(), 2);
        QCOMPARE(r.call->input.batchFiles->at(1).itemReferenceId, QStringLiteral("inv-2"));
    }

    void invalidJson_givesOffsetAndOneLineReason()
    {
        const QByteArray body = readTestData(QStringLiteral("invalid-json.json"));
        const ParseResult r = CallParser::parse(body);
        QVERIFY(!r.ok());
        QVERIFY(r.errorOffset > 0);
        QVERIFY(r.errorOffset <= body.size());
        QVERIFY(r.error.contains(QStringLiteral("not valid JSON")));
        QVERIFY(r.error.contains(QString::number(r.errorOffset)));
        QVERIFY(!r.error.contains(u'\n'));
    }

    void invalidJson_isNotMistakenForACutOffBody()
    {
        QVERIFY(!CallParser::parse(QByteArray("{\"call\": {}} trailing")).endedEarly);
        QVERIFY(!CallParser::parse(QByteArray("{\"call\": 'x', \"more\": 1234567890}")).endedEarly);
    }

    // A body cut anywhere inside must read as "ended early", not as a syntax mistake.
    void cutOffBody_endsEarly()
    {
        // The fixture stops mid-object.
        QVERIFY(CallParser::parse(readTestData(QStringLiteral("invalid-json.json"))).endedEarly);
        const QByteArray full = readTestData(QStringLiteral("progress-4.json")).trimmed();
        for (qsizetype cut = 1; cut < full.size() - 1; cut += 7) {
            const QByteArray part = full.left(cut);
            const ParseResult r = CallParser::parse(part);
            QVERIFY2(!r.ok(), part.constData());
            QVERIFY2(r.endedEarly, qPrintable(QString::number(cut) + u' ' + r.error));
            QVERIFY(r.error.contains(QStringLiteral("ends early")));
        }
    }

    void htmlErrorPage_isNotJson()
    {
        const ParseResult r =
            CallParser::parse(readTestData(QStringLiteral("html-error-page.json")));
        QVERIFY(!r.ok());
        QVERIFY(r.errorOffset >= 0 && r.errorOffset <= 1);
        QVERIFY(r.error.contains(QStringLiteral("HTML page")));
    }

    void emptyBody_isAnError()
    {
        const ParseResult r = CallParser::parse(QByteArray("  \n"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error, QStringLiteral("The response was empty."));
    }

    void topLevelArray_isAnError()
    {
        const ParseResult r =
            CallParser::parse(readTestData(QStringLiteral("top-level-array.json")));
        QVERIFY(!r.ok());
        QCOMPARE(r.error, QStringLiteral("The response is not a JSON object."));
    }

    void missingCall_isAnError()
    {
        const ParseResult r = CallParser::parse(readTestData(QStringLiteral("no-call.json")));
        QVERIFY(!r.ok());
        QCOMPARE(r.error, QStringLiteral("The response has no call in it."));
    }

    void nullCall_isAnError()
    {
        const ParseResult r = CallParser::parse(readTestData(QStringLiteral("call-null.json")));
        QVERIFY(!r.ok());
        QCOMPARE(r.error, QStringLiteral("The response's call is null, not an object."));
    }

    void errorOnly_carriesServerText()
    {
        const ParseResult r = CallParser::parse(readTestData(QStringLiteral("error-only.json")));
        QVERIFY(!r.ok());
        QCOMPARE(r.serverError, QStringLiteral("call not found for this environment"));
        QCOMPARE(r.error, QStringLiteral("The server reported an error: call not found for this "
                                         "environment"));
    }

    // The error is kept and shown with the call; nothing of the response was dropped.
    void callWithError_keepsCallAndErrorIgnoringNothing()
    {
        const ParseResult r =
            CallParser::parse(readTestData(QStringLiteral("call-and-error.json")));
        QVERIFY(r.ok());
        QCOMPARE(r.call->callId, QStringLiteral("c_e"));
        QCOMPARE(r.serverError, QStringLiteral("partial result"));
        QVERIFY(r.warnings.isEmpty());
    }

    void wrongTypes_areDroppedWithWarnings()
    {
        const ParseResult r = CallParser::parse(readTestData(QStringLiteral("wrong-types.json")));
        QVERIFY2(r.ok(), qPrintable(r.error));
        const Call &c = *r.call;
        QCOMPARE(c.callId, QStringLiteral("c_wrong"));
        QVERIFY(c.callType.isEmpty());
        QVERIFY(c.status.isAbsent());
        QCOMPARE(c.status.state(), CallState::Unknown);
        QVERIFY(!c.createdAt.isValid());
        QCOMPARE(c.createdAt.raw(), QStringLiteral("yesterday"));
        QVERIFY(c.finishedAt.isEmpty());
        QVERIFY(c.workflowName.isEmpty());
        QCOMPARE(c.workflowVersionNum, std::nullopt);
        QCOMPARE(c.functionVersionNum, std::nullopt);
        QVERIFY(c.callReferenceId.isEmpty());
        // singleFile was a string (dropped); batchFiles was an object whose inputs were not
        // an array: the batch is known to exist but lists nothing.
        QVERIFY(!c.input.singleFile);
        QVERIFY(c.input.batchFiles.has_value());
        QVERIFY(c.input.batchFiles->isEmpty());

        // The non-object entry is skipped; the other two are kept.
        QCOMPARE(c.functionCalls.size(), 2);
        const FunctionCall &ok = c.functionCalls[0];
        QCOMPARE(ok.functionCallId, QStringLiteral("fc_ok"));
        QVERIFY(ok.functionName.isEmpty());
        QCOMPARE(ok.status.state(), CallState::Completed);
        QVERIFY(ok.activity.isEmpty());
        QCOMPARE(ok.inputs.size(), 1);
        QVERIFY(ok.inputs[0].inputType.isEmpty());
        QCOMPARE(ok.inputs[0].s3URL, QStringLiteral("https://a.example/b"));
        QVERIFY(!ok.startedAt.isValid());
        const FunctionCall &anon = c.functionCalls[1];
        QVERIFY(anon.functionCallId.isEmpty());
        QCOMPARE(anon.functionName, QStringLiteral("anon"));
        QVERIFY(anon.status.isAbsent());
        QCOMPARE(anon.activity.size(), 1);
        QCOMPARE(anon.activity[0].displayName, QStringLiteral("Step"));

        const QStringList expected{
            QStringLiteral("call.callType: expected a string, got an array"),
            QStringLiteral("call.status: expected a string, got null"),
            QStringLiteral("call.createdAt: \"yesterday\" is not an RFC 3339 time"),
            QStringLiteral("call.finishedAt: expected a string, got a number"),
            QStringLiteral("call.workflowName: expected a string, got an object"),
            QStringLiteral("call.workflowVersionNum: expected a number, got a string"),
            QStringLiteral("call.functionVersionNum: 2.5 is not a whole number"),
            QStringLiteral("call.callReferenceID: expected a string, got null"),
            QStringLiteral("call.input.singleFile: expected an object, got a string"),
            QStringLiteral("call.input.batchFiles.inputs: expected an array, got an object"),
            QStringLiteral("call.functionCalls[0]: expected an object, got a string; skipped"),
            QStringLiteral("call.functionCalls[1].functionName: expected a string, got a number"),
            QStringLiteral("call.functionCalls[1].activity: expected an array, got an object"),
            QStringLiteral("call.functionCalls[1].inputs[0].inputType: expected a string"),
            QStringLiteral("call.functionCalls[1].inputs[1]: expected an object, got a number"),
            QStringLiteral("call.functionCalls[1].startedAt: \"2026-13-45T99:00:00Z\" is not"),
            QStringLiteral("call.functionCalls[2].functionCallID: expected a string, got null"),
            QStringLiteral("call.functionCalls[2].status: expected a string, got a number"),
            QStringLiteral("call.functionCalls[2].activity[0]: expected an object, got null"),
        };
        for (const QString &w : expected)
            QVERIFY2(anyContains(r.warnings, w), qPrintable(w));
        QCOMPARE(r.warnings.size(), expected.size());
    }

    void dates_acceptRfc3339Variants_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QDateTime>("utc");
        const QDateTime base(QDate(2026, 11, 30), QTime(10, 0), Qt::UTC);
        QTest::newRow("Z") << QStringLiteral("2026-11-30T10:00:00Z") << base;
        QTest::newRow("offset") << QStringLiteral("2026-11-30T11:00:00+01:00") << base;
        QTest::newRow("millis") << QStringLiteral("2026-11-30T10:00:00.250Z") << base.addMSecs(250);
        QTest::newRow("nanos") << QStringLiteral("2026-11-30T10:00:00.250000123Z")
                               << base.addMSecs(250);
        QTest::newRow("lower case") << QStringLiteral("2026-11-30t10:00:00z") << base;
        QTest::newRow("space") << QStringLiteral("2026-11-30 10:00:00Z") << base;
        QTest::newRow("no zone") << QStringLiteral("2026-11-30T10:00:00") << QDateTime();
        QTest::newRow("garbage") << QStringLiteral("30/11/2026") << QDateTime();
    }
    void dates_acceptRfc3339Variants()
    {
        QFETCH(QString, raw);
        QFETCH(QDateTime, utc);
        QJsonObject call{{QStringLiteral("callID"), QStringLiteral("c")},
                         {QStringLiteral("createdAt"), raw}};
        const ParseResult r =
            CallParser::parse(QJsonDocument(QJsonObject{{QStringLiteral("call"), call}}).toJson());
        QVERIFY(r.ok());
        QCOMPARE(r.call->createdAt.raw(), raw);
        if (utc.isValid()) {
            QCOMPARE(r.call->createdAt.value.toUTC(), utc);
            QVERIFY(r.warnings.isEmpty());
        } else {
            QVERIFY(!r.call->createdAt.isValid());
            QCOMPARE(r.warnings.size(), 1);
        }
    }

    void unknownFields_areKeptForTheRawView()
    {
        const ParseResult r =
            CallParser::parse(readTestData(QStringLiteral("unknown-fields.json")));
        QVERIFY(r.ok());
        QVERIFY(r.warnings.isEmpty());
        QCOMPARE(r.call->status.raw(), QStringLiteral("queued_for_review"));
        QCOMPARE(r.call->status.state(), CallState::Unknown);
        QCOMPARE(r.call->unknownFields.keys(), QStringList{QStringLiteral("newTopLevelThing")});
        QCOMPARE(r.call->unknownFields.value(QStringLiteral("newTopLevelThing"))
                     .toObject()
                     .value(QStringLiteral("nested"))
                     .toArray()
                     .size(),
                 3);
        const FunctionCall &fc = r.call->functionCalls.at(0);
        QCOMPARE(fc.type, QStringLiteral("payload_shaping"));
        QCOMPARE(fc.unknownFields.value(QStringLiteral("costCents")).toInt(), 12);
        QCOMPARE(fc.unknownFields.size(), 1);
        QCOMPARE(fc.activity.at(0).unknownFields.value(QStringLiteral("durationMs")).toInt(), 40);
        QCOMPARE(fc.inputs.at(0).unknownFields.value(QStringLiteral("sizeBytes")).toInt(), 2048);
        QCOMPARE(r.unknownFields.value(QStringLiteral("requestID")).toString(),
                 QStringLiteral("req-1"));
    }

    void strings_surviveIntact()
    {
        const QString unicode = QStringLiteral("Rechnung Nº 7 — 請求書 ✓ 🧾 مرحبا");
        QString withNul = QStringLiteral("before");
        withNul += QChar(0);
        withNul += QStringLiteral("after");
        const QString huge(1 << 20, u'ß');
        QJsonObject fc{{QStringLiteral("functionCallID"), withNul},
                       {QStringLiteral("functionName"), huge}};
        QJsonObject call{{QStringLiteral("callID"), QStringLiteral("c")},
                         {QStringLiteral("workflowName"), unicode},
                         {QStringLiteral("functionCalls"), QJsonArray{fc}}};
        const ParseResult r =
            CallParser::parse(QJsonDocument(QJsonObject{{QStringLiteral("call"), call}})
                                  .toJson(QJsonDocument::Compact));
        QVERIFY(r.ok());
        QCOMPARE(r.call->workflowName, unicode);
        QCOMPARE(r.call->functionCalls.at(0).functionCallId, withNul);
        QCOMPARE(r.call->functionCalls.at(0).functionCallId.size(), 12);
        QCOMPARE(r.call->functionCalls.at(0).functionName, huge);
    }

    void hugeIntegers_areNotTruncated()
    {
        const ParseResult r = CallParser::parse(QByteArray(
            R"({"call":{"callID":"c","workflowVersionNum":1e300,"functionVersionNum":-4}})"));
        QVERIFY(r.ok());
        QCOMPARE(r.call->workflowVersionNum, std::nullopt);
        QCOMPARE(r.call->functionVersionNum, std::optional<qint64>(-4));
        QCOMPARE(r.warnings.size(), 1);
    }

    void deeplyNestedJson_isAnErrorNotACrash()
    {
        const QByteArray body =
            "{\"call\":" + QByteArray(100000, '[') + QByteArray(100000, ']') + "}";
        const ParseResult r = CallParser::parse(body);
        QVERIFY(!r.ok());
        QVERIFY(!r.error.isEmpty());
    }

    void manyBadFields_warningsAreCapped()
    {
        QJsonArray fcs;
        for (int i = 0; i < 1000; ++i)
            fcs.append(QJsonObject{{QStringLiteral("functionCallID"), i}});
        const QByteArray body =
            QJsonDocument(QJsonObject{{QStringLiteral("call"),
                                       QJsonObject{{QStringLiteral("functionCalls"), fcs}}}})
                .toJson();
        const ParseResult r = CallParser::parse(body);
        QVERIFY(r.ok());
        QCOMPARE(r.call->functionCalls.size(), 1000);
        QCOMPARE(r.warnings.size(), CallParser::MaxWarnings + 1);
        QCOMPARE(r.warnings.last(), QStringLiteral("… and 800 more warnings"));
    }
};

QTEST_GUILESS_MAIN(TestCallParser)
#include "tst_callparser.moc"
