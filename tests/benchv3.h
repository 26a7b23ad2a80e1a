// SPDX-License-Identifier: MIT
#pragma once

// The v3 part of bench_callload: a v3 call body and a trace with N function calls and N
// events (one per function call, as a transform output), loaded through loadV3Call into
// the tree model as the window does, then refreshed with 1% of the function calls and of
// the events changed.

#include "callloader.h"
#include "callparser.h"
#include "calltreemodel.h"
#include "traceparser.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QJsonDocument>

#include <cstdio>
#include <cstdlib>

namespace bem::bench {

inline QByteArray v3CallBody(int n)
{
    return "{\"call\":{\"callID\":\"c_bench_v3_" + QByteArray::number(n) +
           "\",\"status\":\"running\",\"createdAt\":\"2026-11-30T12:00:00.000Z\","
           "\"workflowID\":\"wf_bench\",\"workflowName\":\"invoice-batch\","
           "\"workflowVersionNum\":3,\"callReferenceID\":\"bench\",\"input\":{\"singleFile\":"
           "{\"inputType\":\"zip\",\"s3URL\":\"https://example-bucket.s3.amazonaws.com/in/"
           "batch.zip\"}},\"outputs\":[],\"errors\":[],\"url\":\"/v3/calls/c_bench\","
           "\"traceUrl\":\"/v3/calls/c_bench/trace\"}}";
}

// Function call i is spawned by event i - 1's... parent: event (i - 1) / 10 (fan-out 10).
// One in a hundred (i % 100 == 7) is running in the first state and completed, with a
// changed event, in the second.
inline QByteArray v3TraceBody(int n, bool advanced)
{
    static const char *const names[] = {"route-docs", "split-pages", "extract-invoice",
                                        "join-results", "enrich-vendor"};
    QByteArray out;
    out.reserve(qsizetype(n) * 1100 + 1024);
    out += "{\"trace\":{\"functionCalls\":[";
    for (int i = 0; i < n; ++i) {
        const bool running = i % 100 == 7 && !advanced;
        const QByteArray id = QByteArray::number(i).rightJustified(7, '0');
        const QByteArray secs = QByteArray::number(i % 60).rightJustified(2, '0');
        if (i > 0)
            out += ',';
        out += "{\"functionCallID\":\"fc_" + id + "\",\"functionID\":\"fn_" +
               QByteArray::number(i % 5) + "\",\"functionName\":\"" + names[i % 5] +
               "\",\"type\":\"transform\",\"referenceID\":\"order-" + id + "\",\"status\":\"" +
               (running ? "running" : "completed") +
               "\",\"functionVersionNum\":2,\"activity\":[{\"displayName\":\"Extract fields\","
               "\"status\":\"completed\"}],\"startedAt\":\"2026-11-30T12:01:" +
               secs + ".250Z\"";
        if (!running)
            out += ",\"finishedAt\":\"2026-11-30T12:02:" + secs + ".750Z\"";
        if (i > 0)
            out += ",\"sourceFunctionCallID\":\"fc_" +
                   QByteArray::number((i - 1) / 10).rightJustified(7, '0') +
                   "\",\"sourceEventID\":\"ev_" +
                   QByteArray::number((i - 1) / 10).rightJustified(7, '0') + '"';
        else
            out += ",\"sourceEventID\":null";
        out += ",\"workflowNodeName\":\"node-";
        out += QByteArray::number(i % 5);
        out += "\",\"incomingDestinationName\":\"out\"}";
    }
    out += "],\"events\":[";
    for (int i = 0; i < n; ++i) {
        const bool running = i % 100 == 7 && !advanced;
        const QByteArray id = QByteArray::number(i).rightJustified(7, '0');
        if (i > 0)
            out += ',';
        out += "{\"eventID\":\"ev_" + id + "\",\"eventType\":\"transform\",\"functionID\":\"fn_" +
               QByteArray::number(i % 5) + "\",\"functionName\":\"" + names[i % 5] +
               "\",\"functionCallID\":\"fc_" + id +
               "\",\"functionCallTryNumber\":" + (running ? "1" : (i % 100 == 7 ? "2" : "1")) +
               ",\"referenceID\":\"order-" + id +
               "\",\"callID\":\"c_bench\",\"createdAt\":\"2026-11-30T12:02:00.000Z\","
               "\"transformedContent\":{\"invoiceNumber\":\"INV-" +
               id + "\",\"total\":" + QByteArray::number(i % 1000) +
               ".5},\"avgConfidence\":0.93,\"fieldConfidences\":{\"/invoiceNumber\":0.99,"
               "\"/total\":0.87},\"itemOffset\":" +
               QByteArray::number(i % 10) + ",\"itemCount\":10}";
    }
    out += "]}}";
    return out;
}

inline CallSnapshotPtr mustLoadV3(const QByteArray &call, const QByteArray &trace,
                                  const CallSnapshotPtr &previous = nullptr)
{
    LoadedCall loaded = loadV3Call(call, trace, previous);
    if (!loaded.ok() || !loaded.traceError.isEmpty()) {
        std::fprintf(stderr, "generated v3 call did not load: %s%s\n",
                     qPrintable(loaded.parsed.error), qPrintable(loaded.traceError));
        std::exit(1);
    }
    return loaded.snapshot;
}

struct V3Figures
{
    double qtParseMs = 0;
    double loadMs = 0;
    double refresh1Ms = 0;
};

// `readRows` reads the first rows as a view's first paint does (bench_callload's).
template<typename ReadRows> V3Figures measureV3(int n, ReadRows readRows)
{
    const QByteArray call = v3CallBody(n);
    const QByteArray base = v3TraceBody(n, false);
    const QByteArray changed = v3TraceBody(n, true);
    V3Figures f;
    {
        QElapsedTimer t;
        t.start();
        const QJsonDocument a = QJsonDocument::fromJson(call);
        const QJsonDocument b = QJsonDocument::fromJson(base);
        f.qtParseMs = double(t.nsecsElapsed()) / 1e6;
        if (!a.isObject() || !b.isObject())
            std::exit(1);
    }
    CallTreeModel model;
    {
        QElapsedTimer t;
        t.start();
        model.setSnapshot(mustLoadV3(call, base));
        readRows(model);
        f.loadMs = double(t.nsecsElapsed()) / 1e6;
    }
    {
        QElapsedTimer t;
        t.start();
        const CallSnapshotPtr next = mustLoadV3(call, changed, model.snapshot());
        const MergePlan plan = CallTreeModel::planMerge(*model.snapshot(), *next);
        model.setSnapshot(next, &plan);
        f.refresh1Ms = double(t.nsecsElapsed()) / 1e6;
    }
    return f;
}

// The steps of one v3 load (BEM_BENCH_V3=1 bench_callload --breakdown N), the bare Qt
// parse of the same two bodies beside them.
inline int v3Steps(int n)
{
    const QByteArray call = v3CallBody(n);
    const QByteArray trace = v3TraceBody(n, false);
    QElapsedTimer t;
    t.start();
    {
        const QJsonDocument a = QJsonDocument::fromJson(call);
        const QJsonDocument b = QJsonDocument::fromJson(trace);
    }
    const double qtMs = double(t.nsecsElapsed()) / 1e6;
    t.restart();
    ParseResult parsed = CallParser::parseV3(call);
    const double callMs = double(t.nsecsElapsed()) / 1e6;
    t.restart();
    TraceParseResult traced = TraceParser::parse(trace);
    const double traceMs = double(t.nsecsElapsed()) / 1e6;
    Call c = std::move(*parsed.call);
    c.functionCalls = std::move(traced.functionCalls);
    t.restart();
    auto snapshot = std::make_shared<const CallSnapshot>(CallSnapshot::fromCall(std::move(c)));
    const double treeMs = double(t.nsecsElapsed()) / 1e6;
    t.restart();
    CallTreeModel model;
    model.setSnapshot(snapshot);
    const double modelMs = double(t.nsecsElapsed()) / 1e6;
    t.restart();
    const LoadedCall whole = loadV3Call(call, trace, nullptr);
    const double wholeMs = double(t.nsecsElapsed()) / 1e6;
    std::printf("v3 bare Qt parse %.1f ms; call %.1f, trace %.1f, tree %.1f, model %.1f ms; "
                "loadV3Call alone %.1f ms (%s)\n",
                qtMs, callMs, traceMs, treeMs, modelMs, wholeMs, whole.ok() ? "ok" : "failed");
    return 0;
}

} // namespace bem::bench
