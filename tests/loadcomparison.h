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
    compareField(out, "call.functionCalls.size", c.functionCalls.size() == d.functionCalls.size());
    for (qsizetype i = 0; i < std::min(c.functionCalls.size(), d.functionCalls.size()); ++i) {
        const FunctionCall &f = c.functionCalls.at(i);
        const FunctionCall &g = d.functionCalls.at(i);
        // operator== compares times by their text; the parsed values must agree too.
        if (f != g || f.startedAt.value != g.startedAt.value ||
            f.finishedAt.value != g.finishedAt.value)
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
    if (expected.ok() && actual.ok())
        out << snapshotDifferences(*expected.snapshot, *actual.snapshot);
    return capped(out);
}

} // namespace bem::test
