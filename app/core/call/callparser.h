// SPDX-License-Identifier: MIT
#pragma once

#include "calltypes.h"

#include <QByteArray>
#include <QJsonObject>
#include <QStringList>

#include <optional>
#include <utility>
#include <vector>

namespace bem {

// What came out of one response body. Either `call` is set (possibly with warnings about
// fields that were ignored), or `error` says in one line why there is no call.
// `warnings` are only about what was dropped; a server error beside a call is in
// `serverError` alone.
struct ParseResult
{
    std::optional<Call> call;
    QString error;
    // Byte offset of a JSON syntax error; -1 when the error is not about syntax.
    qsizetype errorOffset = -1;
    // The JSON stopped mid-value at the end of the body: it was most likely cut off in
    // transit rather than written wrong.
    bool endedEarly = false;
    // The server's own "error" text, when the body carried one.
    QString serverError;
    QStringList warnings;
    // Top-level members other than "call" and "error", kept for the raw view.
    QJsonObject unknownFields;
    // Where each element of call.functionCalls lies in the body ([first, second) byte
    // offsets), when the fast path read them (it notes them on the way): the next
    // refresh's incremental parse compares elements by these spans.
    std::optional<std::vector<std::pair<qsizetype, qsizetype>>> functionCallSpans;

    bool ok() const { return call.has_value(); }
};

// Turns a GET /v2/calls/{id} (or /v3/calls/{id}) body into a Call. Never throws; every field is
// optional, and a field of the wrong type is dropped with a warning instead of failing the whole
// response.
class CallParser final
{
public:
    static ParseResult parse(const QByteArray &body);
    // A GET /v3/calls/{id} body (v3parser.cpp): a Call with apiVersion V3, its outputs and
    // errors, and no function calls (they come from the trace: traceparser.h). The same
    // errors as parse(); null fields are absent rather than warned about.
    static ParseResult parseV3(const QByteArray &body);
    // The same, always through QJsonDocument: what parse() and parseV3() fall back to when
    // the fast path (fastparse.h) declines a body. Tests compare the two.
    static ParseResult parseWithQt(const QByteArray &body);
    static ParseResult parseV3WithQt(const QByteArray &body);
    // One element of call.functionCalls read on its own, exactly as parse() reads the
    // element at `index` (warnings name call.functionCalls[index]): the incremental
    // refresh (incrementalparse.h) re-reads only the elements whose bytes changed.
    static FunctionCall parseFunctionCall(const QJsonObject &object, qsizetype index,
                                          QStringList &warnings);
    // Beyond this many, warnings are summarised: a hostile body must not make the list
    // itself the problem.
    static constexpr int MaxWarnings = 200;
};

} // namespace bem
