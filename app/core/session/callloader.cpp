// SPDX-License-Identifier: MIT
#include "callloader.h"

#include "callbundle.h"
#include "eventparser.h"
#include "incrementalparse.h"
#include "traceparser.h"

#include <QCoreApplication>

#include <memory>

namespace bem {
namespace {

using MutableSnapshot = std::shared_ptr<CallSnapshot>;

// loadV3Call, with the snapshot still open for the bundle's outputs and errors.
MutableSnapshot buildV3(const QByteArray &callBody, const QByteArray &traceBody,
                        const CallSnapshotPtr &previous, IncrementalLoadStats &stats,
                        LoadedCall &result)
{
    stats = IncrementalLoadStats();
    const CallSnapshot *prev = previous && previous->v3 ? previous.get() : nullptr;
    auto parts = std::make_shared<CallSnapshot::V3Parts>();

    // The call part.
    Call call;
    if (prev && callBody == prev->body) {
        call = prev->call;
        call.functionCalls.clear();
        call.unattachedEvents.clear();
        result.parsed.serverError = prev->serverError;
        parts->callWarnings = prev->v3->callWarnings;
        parts->callResponseUnknownFields = prev->v3->callResponseUnknownFields;
        result.parsed.warnings = parts->callWarnings;
        result.parsed.unknownFields = parts->callResponseUnknownFields;
        stats.callReused = true;
    } else {
        result.parsed = CallParser::parseV3(callBody);
        if (!result.parsed.ok())
            return nullptr;
        call = std::move(*result.parsed.call);
        result.parsed.call.reset();
        parts->callWarnings = result.parsed.warnings;
        parts->callResponseUnknownFields = result.parsed.unknownFields;
    }

    // The trace part: none yet, the previous one (same bytes, or this one did not parse),
    // or this one read incrementally or in full.
    QByteArray keptTraceBody;
    const auto takePreviousTrace = [&] {
        if (!prev || prev->traceBody.isEmpty())
            return;
        call.functionCalls = prev->call.functionCalls;
        call.unattachedEvents = prev->call.unattachedEvents;
        parts->traceWarnings = prev->v3->traceWarnings;
        parts->traceServerError = prev->v3->traceServerError;
        parts->traceLayout = prev->v3->traceLayout;
        keptTraceBody = prev->traceBody;
    };
    if (traceBody.isEmpty()) {
        stats.fallbackReason = QStringLiteral("there is no trace");
    } else if (prev && traceBody == prev->traceBody) {
        takePreviousTrace();
        stats.incremental = true;
        stats.reused = call.functionCalls.size();
    } else {
        std::optional<TraceParseResult> trace;
        if (prev && !prev->traceBody.isEmpty())
            trace = parseTraceIncrementally(traceBody, *prev, stats);
        else
            stats.fallbackReason = QStringLiteral("there is no previous trace");
        if (trace) {
            stats.incremental = true;
        } else {
            stats.reused = stats.reparsed = stats.eventsReused = stats.eventsReparsed = 0;
            trace = TraceParser::parse(traceBody);
        }
        if (!trace->ok()) {
            result.traceError = trace->error;
            result.traceErrorOffset = trace->errorOffset;
            takePreviousTrace();
        } else {
            call.functionCalls = std::move(trace->functionCalls);
            call.unattachedEvents = std::move(trace->unattachedEvents);
            parts->traceWarnings = std::move(trace->warnings);
            parts->traceServerError = trace->serverError;
            parts->traceLayout = std::move(trace->layout);
            keptTraceBody = traceBody;
        }
    }

    call.apiVersion = ApiVersion::V3;
    auto snapshot = std::make_shared<CallSnapshot>(
        CallSnapshot::fromCall(std::move(call), parts->callWarnings + parts->traceWarnings));
    snapshot->serverError = result.parsed.serverError;
    snapshot->body = callBody;
    snapshot->traceBody = keptTraceBody;
    snapshot->v3 = std::move(parts);
    return snapshot;
}

LoadedCall loadBundle(const QByteArray &body)
{
    LoadedCall result;
    CallBundleContents bundle = CallBundle::read(body);
    if (!bundle.error.isEmpty()) {
        result.parsed.error = bundle.error;
        result.parsed.errorOffset = bundle.errorOffset;
        return result;
    }
    IncrementalLoadStats stats;
    MutableSnapshot snapshot = buildV3(bundle.callBody, bundle.traceBody, nullptr, stats, result);
    if (!snapshot)
        return result;
    // The bundle's lists may hold more than the call's own arrays (every page was read).
    snapshot->call.outputs = std::move(bundle.events.outputs);
    snapshot->call.errors = std::move(bundle.events.errors);
    snapshot->ignored += bundle.warnings;
    // A trace that did not parse in a file will not get better: it is an error of the file.
    if (!result.traceError.isEmpty())
        snapshot->ignored << result.traceError;
    result.snapshot = std::move(snapshot);
    return result;
}

} // namespace

namespace {

// A GET /v3/calls/{id} response saved by hand (curl > file): no call type, no function
// calls, and v3's own members. Read as v2 it would lose its outputs and errors and claim
// to come from the deprecated API.
bool looksLikeV3Call(const Call &call)
{
    const QJsonObject &extra = call.unknownFields;
    return call.callType.isEmpty() && call.functionCalls.isEmpty() &&
           (extra.contains(QLatin1String("outputs")) || extra.contains(QLatin1String("errors")) ||
            extra.contains(QLatin1String("traceUrl")));
}

} // namespace

LoadedCall loadCall(const QByteArray &body)
{
    if (CallBundle::isBundle(body))
        return loadBundle(body);
    LoadedCall result;
    result.parsed = CallParser::parse(body);
    if (!result.parsed.ok())
        return result;
    auto snapshot = std::make_shared<CallSnapshot>(
        CallSnapshot::fromCall(std::move(*result.parsed.call), result.parsed.warnings));
    result.parsed.call.reset();
    snapshot->serverError = result.parsed.serverError;
    snapshot->body = body;
    snapshot->functionCallSpans = std::move(result.parsed.functionCallSpans);
    result.snapshot = std::move(snapshot);
    return result;
}

LoadedCall loadSavedCall(const QByteArray &body)
{
    LoadedCall result = loadCall(body);
    if (!result.ok()) {
        // A trace alone is a v3 response too, but not one a call can be shown from.
        if (result.parsed.errorOffset < 0 &&
            result.parsed.unknownFields.contains(QLatin1String("trace")))
            result.parsed.error = QCoreApplication::translate(
                "bem::CallLoader",
                "This is the trace of a v3 call (GET /v3/calls/{id}/trace), not the call. Open "
                "the call's response, or a call saved by the inspector (File \u25b8 Save), "
                "which holds both.");
        return result;
    }
    if (result.snapshot->call.apiVersion == ApiVersion::V2 &&
        looksLikeV3Call(result.snapshot->call))
        return loadV3Call(body, {});
    return result;
}

LoadedCall loadV3Call(const QByteArray &callBody, const QByteArray &traceBody,
                      const CallSnapshotPtr &previous, IncrementalLoadStats *stats)
{
    IncrementalLoadStats local;
    LoadedCall result;
    result.snapshot = buildV3(callBody, traceBody, previous, stats ? *stats : local, result);
    return result;
}

CallLoader::CallLoader(QObject *parent)
    : QObject(parent)
{}

// Jobs still running finish unobserved: their results only hold copies of the bytes.
CallLoader::~CallLoader() = default;

quint64 CallLoader::load(const QByteArray &body, const CallSnapshotPtr &previous)
{
    // The ticket is known only once start() returns; the handler runs later, from the
    // event loop, so reading it there is safe.
    auto ticket = std::make_shared<quint64>(0);
    *ticket = m_jobs.start(
        [body, previous] { return previous ? loadCall(body, previous) : loadCall(body); },
        [this, ticket](const LoadedCall &result) { Q_EMIT loaded(*ticket, result); });
    return *ticket;
}

quint64 CallLoader::loadFile(const QByteArray &body)
{
    auto ticket = std::make_shared<quint64>(0);
    *ticket =
        m_jobs.start([body] { return loadSavedCall(body); },
                     [this, ticket](const LoadedCall &result) { Q_EMIT loaded(*ticket, result); });
    return *ticket;
}

quint64 CallLoader::loadV3(const QByteArray &callBody, const QByteArray &traceBody,
                           const CallSnapshotPtr &previous)
{
    auto ticket = std::make_shared<quint64>(0);
    *ticket = m_jobs.start(
        [callBody, traceBody, previous] { return loadV3Call(callBody, traceBody, previous); },
        [this, ticket](const LoadedCall &result) { Q_EMIT loaded(*ticket, result); });
    return *ticket;
}

} // namespace bem
