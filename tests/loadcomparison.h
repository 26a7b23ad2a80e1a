// SPDX-License-Identifier: MIT
#pragma once

// Everything two loads of the same body must agree on — the parse result (error,
// warnings, server error, unknown fields), every field of the call and of each function
// call, the tree node by node, and the snapshot's own fields. Used by
// tst_incrementalparse and the fuzzer (which has no QTest), so plain core types only.

#include "callloader.h"

#include <QJsonDocument>
#include <QStringList>

#include <algorithm>

namespace bem::test {

inline void compareField(QStringList &out, const char *what, bool equal)
{
    if (!equal)
        out << QString::fromLatin1(what);
}

// Enough to see what went wrong; a shifted list would name every row.
inline QStringList capped(QStringList out)
{
    if (out.size() > 12) {
        const qsizetype more = out.size() - 12;
        out.resize(12);
        out << QStringLiteral("… and %1 more").arg(more);
    }
    return out;
}

// Events field by field (operator== compares only the object they were read from).
inline bool sameEvents(const QList<Event> &a, const QList<Event> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        const Event &e = a.at(i);
        const Event &f = b.at(i);
        if (e.eventId != f.eventId || e.eventType != f.eventType || e.functionId != f.functionId ||
            e.functionName != f.functionName || e.functionCallId != f.functionCallId ||
            e.functionCallTryNumber != f.functionCallTryNumber ||
            e.functionVersionNum != f.functionVersionNum || e.referenceId != f.referenceId ||
            e.callId != f.callId || e.workflowName != f.workflowName ||
            e.createdAt != f.createdAt || e.createdAt.value != f.createdAt.value ||
            e.message != f.message || e.choice != f.choice || e.itemOffset != f.itemOffset ||
            e.itemCount != f.itemCount || e.avgConfidence != f.avgConfidence ||
            e.publishedAt != f.publishedAt || e.lastPublishErrorAt != f.lastPublishErrorAt ||
            e.object != f.object)
            return false;
    }
    return true;
}

// The differences between two snapshots of the same body: the call, every function
// call, the tree node by node, and the snapshot's own fields.
inline QStringList snapshotDifferences(const CallSnapshot &x, const CallSnapshot &y)
{
    QStringList out;
    const Call &c = x.call;
    const Call &d = y.call;
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
    compareField(out, "call.functionCalls.size", c.functionCalls.size() == d.functionCalls.size());
    for (qsizetype i = 0; i < std::min(c.functionCalls.size(), d.functionCalls.size()); ++i) {
        const FunctionCall &f = c.functionCalls.at(i);
        const FunctionCall &g = d.functionCalls.at(i);
        // operator== compares times by their text; the parsed values must agree too.
        if (f != g || f.startedAt.value != g.startedAt.value ||
            f.finishedAt.value != g.finishedAt.value || !sameEvents(f.events, g.events))
            out << QStringLiteral("call.functionCalls[%1]").arg(i);
    }

    compareField(out, "tree.size", x.tree.size() == y.tree.size());
    compareField(out, "tree.roots", x.tree.roots() == y.tree.roots());
    compareField(out, "tree.warnings", x.tree.warnings() == y.tree.warnings());
    for (int i = 0; i < std::min(x.tree.size(), y.tree.size()); ++i) {
        const CallTree::Node &n = x.tree.node(i);
        const CallTree::Node &m = y.tree.node(i);
        if (n.parent != m.parent || n.row != m.row || n.children != m.children ||
            n.parentMissing != m.parentMissing || n.cycleBroken != m.cycleBroken ||
            n.duplicateId != m.duplicateId || n.occurrence != m.occurrence)
            out << QStringLiteral("tree.node(%1)").arg(i);
    }
    compareField(out, "snapshot.serverError", x.serverError == y.serverError);
    compareField(out, "snapshot.body", x.body == y.body);
    compareField(out, "snapshot.ignored", x.ignored == y.ignored);
    compareField(out, "snapshot.notes", x.notes() == y.notes());
    compareField(out, "snapshot.traceBody", x.traceBody == y.traceBody);
    compareField(out, "snapshot.v3", bool(x.v3) == bool(y.v3));
    if (x.v3 && y.v3) {
        compareField(out, "v3.callWarnings", x.v3->callWarnings == y.v3->callWarnings);
        compareField(out, "v3.traceWarnings", x.v3->traceWarnings == y.v3->traceWarnings);
        compareField(out, "v3.traceLayout.eventOwner",
                     x.v3->traceLayout.eventOwner == y.v3->traceLayout.eventOwner);
        compareField(out, "v3.traceLayout.ownTryNumber",
                     x.v3->traceLayout.ownTryNumber == y.v3->traceLayout.ownTryNumber);
    }
    return capped(out);
}

// The differences between `expected` (a full load) and `actual`, in words; empty when
// they are the same.
inline QStringList loadDifferences(const LoadedCall &expected, const LoadedCall &actual)
{
    QStringList out;
    const ParseResult &a = expected.parsed;
    const ParseResult &b = actual.parsed;
    compareField(out, "ok", expected.ok() == actual.ok());
    compareField(out, "parsed.call", a.call.has_value() == b.call.has_value());
    compareField(out, "parsed.error", a.error == b.error);
    compareField(out, "parsed.errorOffset", a.errorOffset == b.errorOffset);
    compareField(out, "parsed.endedEarly", a.endedEarly == b.endedEarly);
    compareField(out, "parsed.serverError", a.serverError == b.serverError);
    compareField(out, "parsed.warnings", a.warnings == b.warnings);
    compareField(out, "parsed.unknownFields", a.unknownFields == b.unknownFields);
    compareField(out, "traceError", expected.traceError == actual.traceError);
    compareField(out, "traceErrorOffset", expected.traceErrorOffset == actual.traceErrorOffset);
    if (expected.ok() && actual.ok())
        out << snapshotDifferences(*expected.snapshot, *actual.snapshot);
    return capped(out);
}

} // namespace bem::test
