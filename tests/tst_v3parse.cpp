// SPDX-License-Identifier: MIT
// The v3 parsers: a call (CallParser::parseV3), its trace (TraceParser), events of every
// type (EventParser) and pages of outputs and errors (EventPageParser).
#include "callparser.h"
#include "eventparser.h"
#include "testutil.h"
#include "traceparser.h"

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

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray traceOf(const QJsonArray &functionCalls, const QJsonArray &events)
{
    return json(QJsonObject{
        {QStringLiteral("trace"), QJsonObject{{QStringLiteral("functionCalls"), functionCalls},
                                              {QStringLiteral("events"), events}}}});
}

Event eventOf(const QJsonObject &o, QStringList *warningsOut = nullptr)
{
    QStringList warnings;
    Event e = EventParser::parse(o, QStringLiteral("e"), warnings);
    if (warningsOut)
        *warningsOut = warnings;
    return e;
}

} // namespace

class TestV3Parse : public QObject
{
    Q_OBJECT
private slots:
    void call_everyFieldIsRead()
    {
        const ParseResult r =
            CallParser::parseV3(readTestData(QStringLiteral("v3-call-partly-failed.json")));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QVERIFY2(r.warnings.isEmpty(), qPrintable(r.warnings.join(u'\n')));
        const Call &c = *r.call;
        QCOMPARE(c.apiVersion, ApiVersion::V3);
        QCOMPARE(c.callId, QStringLiteral("c_v3"));
        QCOMPARE(c.status.state(), CallState::Failed);
        QCOMPARE(c.createdAt.value, QDateTime(QDate(2026, 11, 30), QTime(10, 0), Qt::UTC));
        QCOMPARE(c.finishedAt.value, QDateTime(QDate(2026, 11, 30), QTime(10, 1), Qt::UTC));
        QCOMPARE(c.workflowId, QStringLiteral("wf_1"));
        QCOMPARE(c.workflowName, QStringLiteral("invoices"));
        QCOMPARE(c.workflowVersionNum, 2);
        QCOMPARE(c.callReferenceId, QStringLiteral("ref-42"));
        QCOMPARE(c.input.singleFile->s3URL, QStringLiteral("s3://in/1.pdf"));
        QVERIFY(c.functionCalls.isEmpty());
        // A partly failed call has both.
        QCOMPARE(c.outputs.size(), 1);
        QCOMPARE(c.errors.size(), 1);
        QCOMPARE(c.outputs.at(0).eventId, QStringLiteral("ev_t1"));
        QCOMPARE(c.errors.at(0).message, QStringLiteral("The model timed out"));
        QVERIFY(c.errors.at(0).isError());
        // The hints are kept, not lost.
        QCOMPARE(c.unknownFields.value(QStringLiteral("traceUrl")).toString(),
                 QStringLiteral("/v3/calls/c_v3/trace"));
        QVERIFY(!c.unknownFields.contains(QStringLiteral("outputs")));
    }

    void call_errorsLikeTheV2Parser_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("error");
        QTest::addColumn<qsizetype>("offset");
        QTest::addColumn<bool>("endedEarly");
        QTest::newRow("empty") << QByteArray("  ") << QStringLiteral("empty") << qsizetype(-1)
                               << false;
        QTest::newRow("cut off") << QByteArray("{\"call\":{\"callID\":\"c_1\",\"sta")
                                 << QStringLiteral("ends early") << qsizetype(1) << true;
        QTest::newRow("garbage") << QByteArray(R"({"call":{}} x)") << QStringLiteral("at byte")
                                 << qsizetype(1) << false;
        QTest::newRow("array") << QByteArray("[1]") << QStringLiteral("not a JSON object")
                               << qsizetype(-1) << false;
        QTest::newRow("error only")
            << QByteArray(R"({"error":"Call not found"})")
            << QStringLiteral("The server reported an error: Call not found") << qsizetype(-1)
            << false;
        QTest::newRow("no call") << QByteArray("{}") << QStringLiteral("no call in it")
                                 << qsizetype(-1) << false;
        QTest::newRow("call is a string")
            << QByteArray(R"({"call":"x"})") << QStringLiteral("a string, not an object")
            << qsizetype(-1) << false;
        QTest::newRow("html") << QByteArray("<html>502</html>") << QStringLiteral("HTML page")
                              << qsizetype(0) << false;
    }
    void call_errorsLikeTheV2Parser()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, error);
        QFETCH(qsizetype, offset);
        QFETCH(bool, endedEarly);
        const ParseResult r = CallParser::parseV3(body);
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains(error), qPrintable(r.error));
        // A syntax error has an offset (Qt's, the same as v2's below); others have none.
        QCOMPARE(r.errorOffset >= 0, offset >= 0);
        QCOMPARE(r.endedEarly, endedEarly);
        // The same as the v2 parser says about the same bytes.
        const ParseResult v2 = CallParser::parse(body);
        QCOMPARE(r.error, v2.error);
        QCOMPARE(r.errorOffset, v2.errorOffset);
    }

    void call_wrongTypesAreDroppedNullsAreAbsent()
    {
        const ParseResult r = CallParser::parseV3(
            R"({"call":{"callID":"c","status":null,"finishedAt":null,"workflowVersionNum":"2",
                "outputs":[3,{"eventID":"o","eventType":"transform"}],"errors":{"x":1}},
                "error":"partial"})");
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.serverError, QStringLiteral("partial"));
        QCOMPARE(r.call->outputs.size(), 1);
        QVERIFY(r.call->errors.isEmpty());
        QVERIFY(!r.call->workflowVersionNum);
        QCOMPARE(r.warnings.size(), 3);
        QVERIFY(anyContains(r.warnings, QStringLiteral("call.workflowVersionNum")));
        QVERIFY(anyContains(r.warnings, QStringLiteral("call.outputs[0]")));
        QVERIFY(anyContains(r.warnings, QStringLiteral("call.errors")));
    }

    void event_commonFields()
    {
        const QJsonDocument doc =
            QJsonDocument::fromJson(readTestData(QStringLiteral("v3-call-partly-failed.json")));
        const QJsonObject o = doc.object()[QStringLiteral("call")]
                                  .toObject()[QStringLiteral("outputs")]
                                  .toArray()
                                  .at(0)
                                  .toObject();
        QStringList warnings;
        const Event e = eventOf(o, &warnings);
        QVERIFY(warnings.isEmpty());
        QCOMPARE(e.eventId, QStringLiteral("ev_t1"));
        QCOMPARE(e.eventType, QStringLiteral("transform"));
        QCOMPARE(e.functionId, QStringLiteral("f_fc_tr"));
        QCOMPARE(e.functionName, QStringLiteral("fn-fc_tr"));
        QCOMPARE(e.functionCallId, QStringLiteral("fc_tr"));
        QCOMPARE(e.functionCallTryNumber, 1);
        QCOMPARE(e.functionVersionNum, 3);
        QCOMPARE(e.referenceId, QStringLiteral("ref-ev_t1"));
        QCOMPARE(e.callId, QStringLiteral("c_v3"));
        QCOMPARE(e.workflowName, QStringLiteral("invoices"));
        QCOMPARE(e.createdAt.value, QDateTime(QDate(2026, 11, 30), QTime(10, 0, 5), Qt::UTC));
        QCOMPARE(e.itemOffset, 0);
        QCOMPARE(e.itemCount, 1);
        QCOMPARE(e.avgConfidence, 0.91);
        QCOMPARE(e.publishedAt.raw(), QStringLiteral("2026-11-30T10:00:06Z"));
        QVERIFY(e.lastPublishErrorAt.isEmpty());
        // The whole event, as sent: the output viewer shows it from here.
        QCOMPARE(e.object, o);
        QVERIFY(!e.isError());
    }

    void event_everyType_data()
    {
        QTest::addColumn<QString>("eventId");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("owner");
        const QList<std::tuple<const char *, const char *, const char *>> rows = {
            {"ev_r1", "route", "fc_root"},
            {"ev_sc", "split_collection", "fc_split"},
            {"ev_si1", "split_item", "fc_split"},
            {"ev_t1", "transform", "fc_tr"},
            {"ev_e1", "error", "fc_x"},
            {"ev_j", "join", "fc_join"},
            {"ev_en", "enrich", "fc_join"},
            {"ev_cp", "collection_processing", "fc_join"},
            {"ev_u", "payload_shaping", "fc_join"},
        };
        for (const auto &[id, type, owner] : rows)
            QTest::newRow(type) << QString::fromLatin1(id) << QString::fromLatin1(type)
                                << QString::fromLatin1(owner);
    }
    void event_everyType()
    {
        QFETCH(QString, eventId);
        QFETCH(QString, type);
        QFETCH(QString, owner);
        const TraceParseResult t =
            TraceParser::parse(readTestData(QStringLiteral("v3-trace.json")));
        QVERIFY2(t.ok(), qPrintable(t.error));
        QVERIFY2(t.warnings.isEmpty(), qPrintable(t.warnings.join(u'\n')));
        const Event *found = nullptr;
        QString foundOwner;
        for (const FunctionCall &fc : t.functionCalls) {
            for (const Event &e : fc.events) {
                if (e.eventId == eventId) {
                    found = &e;
                    foundOwner = fc.functionCallId;
                }
            }
        }
        QVERIFY2(found, "the event is attached to a function call");
        QCOMPARE(found->eventType, type);
        QCOMPARE(foundOwner, owner);
        // Whatever the type, every field is in the object: never dropped.
        QVERIFY(found->object.size() >= 14);
        if (type == QLatin1String("route"))
            QCOMPARE(found->choice, QStringLiteral("invoices"));
        if (type == QLatin1String("split_item"))
            QCOMPARE(found->itemCount, 2);
        if (type == QLatin1String("join"))
            QCOMPARE(found->avgConfidence, 0.5);
        if (type == QLatin1String("collection_processing"))
            QCOMPARE(found->object.value(QStringLiteral("processedCount")).toInt(), 3);
        if (type == QLatin1String("payload_shaping"))
            QVERIFY(found->object.contains(QStringLiteral("somethingNew")));
        if (type == QLatin1String("error"))
            QCOMPARE(found->message, QStringLiteral("The model timed out"));
    }

    void event_avgConfidenceOutsideZeroToOneIsAWarning_data()
    {
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<bool>("kept");
        QTest::newRow("0") << QJsonValue(0) << true;
        QTest::newRow("1") << QJsonValue(1) << true;
        QTest::newRow("0.5") << QJsonValue(0.5) << true;
        QTest::newRow("1.01") << QJsonValue(1.01) << false;
        QTest::newRow("-0.1") << QJsonValue(-0.1) << false;
        QTest::newRow("string") << QJsonValue(QStringLiteral("0.9")) << false;
    }
    void event_avgConfidenceOutsideZeroToOneIsAWarning()
    {
        QFETCH(QJsonValue, value);
        QFETCH(bool, kept);
        QStringList warnings;
        const Event e =
            eventOf(QJsonObject{{QStringLiteral("eventType"), QStringLiteral("transform")},
                                {QStringLiteral("avgConfidence"), value}},
                    &warnings);
        QCOMPARE(e.avgConfidence.has_value(), kept);
        QCOMPARE(warnings.isEmpty(), kept);
        if (!kept)
            QVERIFY(anyContains(warnings, QStringLiteral("e.avgConfidence")));
        // The value stays in the object either way (a data problem to list, not hide).
        QCOMPARE(e.object.value(QStringLiteral("avgConfidence")), value);
    }

    void event_wrongTypesAndMissingFields()
    {
        QStringList warnings;
        const Event e =
            eventOf(QJsonObject{{QStringLiteral("eventID"), 7},
                                {QStringLiteral("functionCallTryNumber"), 1.5},
                                {QStringLiteral("message"), QJsonArray{}},
                                {QStringLiteral("createdAt"), QStringLiteral("yesterday")},
                                {QStringLiteral("functionCallID"), QJsonValue::Null}},
                    &warnings);
        QVERIFY(e.eventId.isEmpty());
        QVERIFY(e.eventType.isEmpty());
        QVERIFY(!e.functionCallTryNumber);
        QVERIFY(e.message.isEmpty());
        QVERIFY(!e.createdAt.isValid());
        QCOMPARE(warnings.size(), 4);
        QVERIFY(anyContains(warnings, QStringLiteral("e.eventID")));
        QVERIFY(anyContains(warnings, QStringLiteral("e.functionCallTryNumber")));
        QVERIFY(anyContains(warnings, QStringLiteral("e.message")));
        QVERIFY(anyContains(warnings, QStringLiteral("e.createdAt")));
    }

    void trace_functionCallsWithTheirEvents()
    {
        const TraceParseResult t =
            TraceParser::parse(readTestData(QStringLiteral("v3-trace.json")));
        QVERIFY2(t.ok(), qPrintable(t.error));
        QVERIFY(t.warnings.isEmpty());
        QCOMPARE(t.functionCalls.size(), 5);
        const FunctionCall &root = t.functionCalls.at(0);
        QCOMPARE(root.functionCallId, QStringLiteral("fc_root"));
        QVERIFY(root.sourceEventId.isEmpty()); // null: no warning either
        QCOMPARE(root.workflowNodeName, QStringLiteral("router"));
        QCOMPARE(root.startedAt.value, QDateTime(QDate(2026, 11, 30), QTime(10, 0, 1), Qt::UTC));
        QCOMPARE(root.finishedAt.value, QDateTime(QDate(2026, 11, 30), QTime(10, 0, 2), Qt::UTC));
        QCOMPARE(root.activity.size(), 1);
        QCOMPARE(root.events.size(), 1);
        const FunctionCall &split = t.functionCalls.at(1);
        QCOMPARE(split.sourceEventId, QStringLiteral("ev_r1"));
        QCOMPARE(split.sourceFunctionCallId, QStringLiteral("fc_root"));
        QCOMPARE(split.incomingDestinationName, QStringLiteral("invoices"));
        QVERIFY(split.finishedAt.isEmpty());
        // Events in trace order under the function call that emitted them.
        QStringList ids;
        for (const Event &e : split.events)
            ids << e.eventId;
        QCOMPARE(ids, QStringList({QStringLiteral("ev_sc"), QStringLiteral("ev_si1"),
                                   QStringLiteral("ev_si2")}));
        QCOMPARE(t.functionCalls.at(4).events.size(), 4);
        // The new fields are known, not unknown.
        QVERIFY(split.unknownFields.isEmpty());
        // An event naming no function call of the trace is kept apart.
        QCOMPARE(t.unattachedEvents.size(), 1);
        QCOMPARE(t.unattachedEvents.at(0).eventId, QStringLiteral("ev_orphan"));
    }

    void trace_tryNumber()
    {
        const TraceParseResult t =
            TraceParser::parse(readTestData(QStringLiteral("v3-trace.json")));
        // Its own functionCallTryNumber.
        QCOMPARE(t.functionCalls.at(2).tryNumber, 1);
        // None of its own: the highest of its events' (a retry).
        QCOMPARE(t.functionCalls.at(3).tryNumber, 2);
        // Neither: none.
        QVERIFY(!t.functionCalls.at(1).tryNumber.has_value() ||
                t.functionCalls.at(1).tryNumber == 1);
        // Its own wins over its events'.
        const TraceParseResult own = TraceParser::parse(
            traceOf({QJsonObject{{QStringLiteral("functionCallID"), QStringLiteral("a")},
                                 {QStringLiteral("functionCallTryNumber"), 1}}},
                    {QJsonObject{{QStringLiteral("functionCallID"), QStringLiteral("a")},
                                 {QStringLiteral("functionCallTryNumber"), 3}}}));
        QCOMPARE(own.functionCalls.at(0).tryNumber, 1);
    }

    void traceEvent_objectIsTheOneItsBytesHold()
    {
        // Each event's object comes from its own bytes (built when asked for): the same
        // object QJsonDocument reads there, nested unknown members included.
        const QByteArray event = R"({"eventID": "e1", "functionCallID": "a", "eventType": "x",
            "extra": {"deep": [1, 2.5, "three", null, {"k": true}]}, "message": "m\u00e9"})";
        const QByteArray spaced = QByteArray(event).replace(", ", ",   ");
        const auto trace = [](const QByteArray &e) -> QByteArray {
            return R"({"trace": {"functionCalls": [{"functionCallID": "a"}], "events": [)" + e +
                   "]}}";
        };
        const TraceParseResult t = TraceParser::parse(trace(event));
        QVERIFY2(t.ok() && t.warnings.isEmpty(), qPrintable(t.error));
        const Event &e = t.functionCalls.at(0).events.at(0);
        QCOMPARE(e.message, QStringLiteral("m\u00e9"));
        QCOMPARE(e.object.get(), QJsonDocument::fromJson(event).object());
        // Equal objects are equal events, whether their bytes are the same or not.
        const Event again = TraceParser::parse(trace(event)).functionCalls.at(0).events.at(0);
        const Event other = TraceParser::parse(trace(spaced)).functionCalls.at(0).events.at(0);
        QVERIFY(e == again);
        QVERIFY(e == other);
        QVERIFY(other.object == QJsonDocument::fromJson(event).object());
        Event changed = e;
        QJsonObject o = changed.object;
        o.insert(QStringLiteral("message"), QStringLiteral("n"));
        changed.object = o;
        QVERIFY(changed != e);
    }

    void trace_duplicateIdsGetEventsOnTheFirst()
    {
        const TraceParseResult t = TraceParser::parse(
            traceOf({QJsonObject{{QStringLiteral("functionCallID"), QStringLiteral("a")}},
                     QJsonObject{{QStringLiteral("functionCallID"), QStringLiteral("a")}}},
                    {QJsonObject{{QStringLiteral("functionCallID"), QStringLiteral("a")},
                                 {QStringLiteral("eventID"), QStringLiteral("e")}},
                     QJsonObject{{QStringLiteral("eventID"), QStringLiteral("no owner")}}}));
        QCOMPARE(t.functionCalls.at(0).events.size(), 1);
        QCOMPARE(t.functionCalls.at(1).events.size(), 0);
        QCOMPARE(t.unattachedEvents.size(), 1);
        QCOMPARE(t.layout.eventOwner, std::vector<qsizetype>({0, -1}));
    }

    void trace_wrongTypesAreDropped()
    {
        const TraceParseResult t = TraceParser::parse(
            R"({"trace":{"functionCalls":[1,{"functionCallID":"a","sourceEventID":5,
                "workflowNodeName":null,"functionCallTryNumber":"2"}],
                "events":[null,{"functionCallID":"a","itemOffset":"3"}]}})");
        QVERIFY2(t.ok(), qPrintable(t.error));
        QCOMPARE(t.functionCalls.size(), 1);
        QCOMPARE(t.functionCalls.at(0).events.size(), 1);
        QVERIFY(
            anyContains(t.warnings, QStringLiteral("trace.functionCalls[0]: expected an object")));
        QVERIFY(anyContains(t.warnings, QStringLiteral("trace.functionCalls[1].sourceEventID")));
        QVERIFY(anyContains(t.warnings,
                            QStringLiteral("trace.functionCalls[1].functionCallTryNumber")));
        QVERIFY(anyContains(t.warnings,
                            QStringLiteral("trace.events[0]: expected an object, got null")));
        QVERIFY(anyContains(t.warnings, QStringLiteral("trace.events[1].itemOffset")));
        QCOMPARE(t.warnings.size(), 5);
    }

    void trace_emptyAndAbsentArrays()
    {
        for (const QByteArray &body :
             {QByteArray(R"({"trace":{}})"),
              QByteArray(R"({"trace":{"functionCalls":null,"events":null}})"),
              QByteArray(R"({"trace":{"functionCalls":[],"events":[]}})")}) {
            const TraceParseResult t = TraceParser::parse(body);
            QVERIFY2(t.ok(), body.constData());
            QVERIFY(t.functionCalls.isEmpty());
            QVERIFY(t.warnings.isEmpty());
        }
    }

    void trace_errors()
    {
        const TraceParseResult cut = TraceParser::parse("{\"trace\":{\"functionCalls\":[{\"fu");
        QVERIFY(!cut.ok());
        QVERIFY(cut.endedEarly);
        QVERIFY(cut.errorOffset > 0);
        const TraceParseResult serverOnly = TraceParser::parse(R"({"error":"Trace unavailable"})");
        QCOMPARE(serverOnly.error,
                 QStringLiteral("The server reported an error: Trace unavailable"));
        QVERIFY(TraceParser::parse("[]").error.contains(QStringLiteral("not a JSON object")));
        QVERIFY(TraceParser::parse("{}").error.contains(QStringLiteral("no trace")));
        QVERIFY(TraceParser::parse(R"({"trace":[]})").error.contains(QStringLiteral("an array")));
        const TraceParseResult beside =
            TraceParser::parse(R"({"trace":{"functionCalls":[]},"error":"slow"})");
        QVERIFY(beside.ok());
        QCOMPARE(beside.serverError, QStringLiteral("slow"));
    }

    void eventPage_outputsAndErrors()
    {
        const EventPageParseResult outputs = EventPageParser::parse(
            R"({"outputs":[{"eventID":"o1","eventType":"transform"},{"eventID":"o2","eventType":"route"}],"totalCount":140})",
            EventPageKind::Outputs);
        QVERIFY2(outputs.ok(), qPrintable(outputs.error));
        QCOMPARE(outputs.events.size(), 2);
        QCOMPARE(outputs.totalCount, 140);
        QCOMPARE(outputs.events.at(1).eventId, QStringLiteral("o2"));

        const EventPageParseResult errors = EventPageParser::parse(
            R"({"errors":[{"eventID":"e1","eventType":"error","message":"boom"}],"totalCount":1})",
            EventPageKind::Errors);
        QVERIFY(errors.ok());
        QCOMPARE(errors.events.at(0).message, QStringLiteral("boom"));
        // The page's array asked for, not the other one.
        QVERIFY(!EventPageParser::parse(R"({"outputs":[]})", EventPageKind::Errors).ok());
        QVERIFY(EventPageParser::parse(R"({"errors":[],"totalCount":"x"})", EventPageKind::Errors)
                    .warnings.size() == 1);
    }

    void eventPage_oneEventAndServerErrors()
    {
        const EventPageParseResult one =
            EventPageParser::parse(R"({"output":{"eventID":"o1"}})", EventPageKind::Outputs);
        QVERIFY(one.ok());
        QCOMPARE(one.events.size(), 1);
        const EventPageParseResult oneError = EventPageParser::parse(
            R"({"error":{"eventID":"e1","message":"m"}})", EventPageKind::Errors);
        QVERIFY(oneError.ok());
        QCOMPARE(oneError.events.at(0).message, QStringLiteral("m"));
        // For /v3/errors a string "error" is the server's error, not an event.
        const EventPageParseResult failed =
            EventPageParser::parse(R"({"error":"Unauthorized"})", EventPageKind::Errors);
        QCOMPARE(failed.error, QStringLiteral("The server reported an error: Unauthorized"));
        const EventPageParseResult outputsFailed =
            EventPageParser::parse(R"({"error":"Unauthorized"})", EventPageKind::Outputs);
        QCOMPARE(outputsFailed.error, QStringLiteral("The server reported an error: Unauthorized"));
        const EventPageParseResult cut =
            EventPageParser::parse("{\"outputs\":[{", EventPageKind::Outputs);
        QVERIFY(cut.endedEarly);
        QVERIFY(!cut.ok());
    }

    void hostile_deepNestingHugeStringsMarkupOddKeys()
    {
        // 300-deep transformedContent, a 1 MB string, markup, keys with "/" and "~".
        QByteArray deep;
        for (int i = 0; i < 300; ++i)
            deep += "{\"a\":";
        deep += "1";
        for (int i = 0; i < 300; ++i)
            deep += "}";
        const QByteArray huge(1 << 20, 'x');
        const QByteArray body = "{\"trace\":{\"functionCalls\":[{\"functionCallID\":\"f\","
                                "\"functionName\":\"<script>alert(1)</script>\"}],"
                                "\"events\":[{\"functionCallID\":\"f\",\"eventType\":\"transform\","
                                "\"transformedContent\":" +
                                deep +
                                ",\"fieldConfidences\":{\"/a~1b/c~0d\":0.5,\"\":1},"
                                "\"choice\":\"" +
                                huge + "\",\"a/b\":{\"~\":\"<b>x</b>\"}}]}}";
        const TraceParseResult t = TraceParser::parse(body);
        QVERIFY2(t.ok(), qPrintable(t.error));
        QVERIFY(t.warnings.isEmpty());
        const Event &e = t.functionCalls.at(0).events.at(0);
        QCOMPARE(e.choice.size(), 1 << 20);
        QCOMPARE(t.functionCalls.at(0).functionName, QStringLiteral("<script>alert(1)</script>"));
        QVERIFY(e.object.value(QStringLiteral("a/b")).toObject().contains(QStringLiteral("~")));
        QJsonValue v = e.object.value(QStringLiteral("transformedContent"));
        int depth = 0;
        while (v.isObject()) {
            v = v.toObject().value(QStringLiteral("a"));
            ++depth;
        }
        QCOMPARE(depth, 300);
    }
};

QTEST_GUILESS_MAIN(TestV3Parse)
#include "tst_v3parse.moc"
