// SPDX-License-Identifier: MIT
#pragma once

// The parsers' fast path (simdjson) against their Qt path, field by field: a body read
// both ways must give the same call, function calls, events, errors (with offsets),
// warnings and data notices. Used by tst_fastparse and the fuzzer (which has no QTest),
// so plain core types only.

#include "callparser.h"
#include "callsnapshot.h"
#include "datanotices.h"
#include "eventparser.h"
#include "loadcomparison.h"
#include "traceparser.h"

#include <QByteArray>
#include <QStringList>

namespace bem::test {

inline void compareFunctionCalls(QStringList &out, const char *what, const QList<FunctionCall> &a,
                                 const QList<FunctionCall> &b)
{
    if (a.size() != b.size()) {
        out << QStringLiteral("%1.size").arg(QLatin1String(what));
        return;
    }
    for (qsizetype i = 0; i < a.size(); ++i) {
        const FunctionCall &f = a.at(i);
        const FunctionCall &g = b.at(i);
        if (f != g || f.startedAt.value != g.startedAt.value ||
            f.finishedAt.value != g.finishedAt.value || !sameEvents(f.events, g.events))
            out << QStringLiteral("%1[%2]").arg(QLatin1String(what)).arg(i);
    }
}

inline QStringList callDifferences(const Call &c, const Call &d)
{
    QStringList out;
    compareField(out, "call.callID", c.callId == d.callId);
    compareField(out, "call.callType", c.callType == d.callType);
    compareField(out, "call.status", c.status == d.status);
    compareField(out, "call.createdAt",
                 c.createdAt == d.createdAt && c.createdAt.value == d.createdAt.value);
    compareField(out, "call.finishedAt",
                 c.finishedAt == d.finishedAt && c.finishedAt.value == d.finishedAt.value);
    compareField(out, "call.workflowID", c.workflowId == d.workflowId);
    compareField(out, "call.workflowName", c.workflowName == d.workflowName);
    compareField(out, "call.workflowVersionNum", c.workflowVersionNum == d.workflowVersionNum);
    compareField(out, "call.functionID", c.functionId == d.functionId);
    compareField(out, "call.functionName", c.functionName == d.functionName);
    compareField(out, "call.functionType", c.functionType == d.functionType);
    compareField(out, "call.functionVersionNum", c.functionVersionNum == d.functionVersionNum);
    compareField(out, "call.callReferenceID", c.callReferenceId == d.callReferenceId);
    compareField(out, "call.input", c.input == d.input);
    compareField(out, "call.unknownFields", c.unknownFields == d.unknownFields);
    compareField(out, "call.apiVersion", c.apiVersion == d.apiVersion);
    compareField(out, "call.outputs", sameEvents(c.outputs, d.outputs));
    compareField(out, "call.errors", sameEvents(c.errors, d.errors));
    compareField(out, "call.unattachedEvents", sameEvents(c.unattachedEvents, d.unattachedEvents));
    compareFunctionCalls(out, "call.functionCalls", c.functionCalls, d.functionCalls);
    return out;
}

template<typename Result> void compareErrors(QStringList &out, const Result &a, const Result &b)
{
    compareField(out, "error", a.error == b.error);
    compareField(out, "errorOffset", a.errorOffset == b.errorOffset);
    compareField(out, "endedEarly", a.endedEarly == b.endedEarly);
    compareField(out, "serverError", a.serverError == b.serverError);
    compareField(out, "warnings", a.warnings == b.warnings);
}

inline QStringList callParseDifferences(const ParseResult &qt, const ParseResult &fast)
{
    QStringList out;
    compareErrors(out, qt, fast);
    compareField(out, "unknownFields", qt.unknownFields == fast.unknownFields);
    compareField(out, "call", qt.call.has_value() == fast.call.has_value());
    if (qt.call && fast.call) {
        out << callDifferences(*qt.call, *fast.call);
        const CallSnapshot x = CallSnapshot::fromCall(*qt.call, qt.warnings);
        const CallSnapshot y = CallSnapshot::fromCall(*fast.call, fast.warnings);
        const DataNotice n = describeDataNotices(x);
        const DataNotice m = describeDataNotices(y);
        compareField(out, "notices",
                     n.kind == m.kind && n.text == m.text && n.details == m.details);
    }
    return out;
}

// Every parser, both ways, on `body`: the differences in words, empty when there are none.
inline QStringList fastPathDifferences(const QByteArray &body)
{
    QStringList out;
    for (const QString &d :
         callParseDifferences(CallParser::parseWithQt(body), CallParser::parse(body)))
        out << QStringLiteral("v2 ") + d;
    for (const QString &d :
         callParseDifferences(CallParser::parseV3WithQt(body), CallParser::parseV3(body)))
        out << QStringLiteral("v3 ") + d;

    const TraceParseResult t = TraceParser::parseWithQt(body);
    const TraceParseResult u = TraceParser::parse(body);
    QStringList trace;
    compareErrors(trace, t, u);
    compareFunctionCalls(trace, "functionCalls", t.functionCalls, u.functionCalls);
    compareField(trace, "unattachedEvents", sameEvents(t.unattachedEvents, u.unattachedEvents));
    compareField(trace, "layout.eventOwner", t.layout.eventOwner == u.layout.eventOwner);
    compareField(trace, "layout.ownTryNumber", t.layout.ownTryNumber == u.layout.ownTryNumber);
    for (const QString &d : trace)
        out << QStringLiteral("trace ") + d;

    for (const EventPageKind kind : {EventPageKind::Outputs, EventPageKind::Errors}) {
        const EventPageParseResult p = EventPageParser::parseWithQt(body, kind);
        const EventPageParseResult q = EventPageParser::parse(body, kind);
        QStringList page;
        compareErrors(page, p, q);
        compareField(page, "events", sameEvents(p.events, q.events));
        compareField(page, "totalCount", p.totalCount == q.totalCount);
        for (const QString &d : page)
            out << (kind == EventPageKind::Outputs ? QStringLiteral("outputs ")
                                                   : QStringLiteral("errors ")) +
                       d;
    }
    return capped(out);
}

} // namespace bem::test
