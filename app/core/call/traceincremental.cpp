// SPDX-License-Identifier: MIT
// The incremental trace refresh: a growing trace re-sends every function call and event
// each time, and most are byte for byte what they were. Those are taken from the previous
// state; only the rest is parsed. Any surprise gives up (std::nullopt) and the caller does
// the full parse, so bad input gets exactly the usual errors.
#include "incrementalparse.h"

#include "callsnapshot.h"
#include "traceparser.h"

#include <QByteArrayView>
#include <QHash>
#include <QJsonDocument>
#include <QJsonParseError>

#include <algorithm>
#include <cstring>

namespace bem {
namespace {

using Spans = std::vector<std::pair<qsizetype, qsizetype>>;

QByteArrayView spanOf(const QByteArray &body, const std::pair<qsizetype, qsizetype> &span)
{
    return QByteArrayView(body.constData() + span.first, span.second - span.first);
}

bool sameBytes(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), size_t(a.size())) == 0;
}

// Matches each new element with an old one of identical bytes: the one at the same
// place, or right after the last match (an insertion or removal shifts the rest), or —
// after many misses, as after a reordering — any one. -1: read it again.
class SpanMatcher
{
public:
    SpanMatcher(const QByteArray &oldBody, const Spans &oldSpans)
        : m_oldBody(oldBody)
        , m_oldSpans(oldSpans)
        , m_mapAfterMisses(32 + qsizetype(oldSpans.size()) / 16)
    {}

    qsizetype match(qsizetype i, QByteArrayView bytes)
    {
        const qsizetype oldCount = qsizetype(m_oldSpans.size());
        qsizetype found = -1;
        if (i < oldCount && sameBytes(bytes, spanOf(m_oldBody, m_oldSpans[size_t(i)])))
            found = i;
        else if (m_next < oldCount &&
                 sameBytes(bytes, spanOf(m_oldBody, m_oldSpans[size_t(m_next)])))
            found = m_next;
        else if (++m_misses > m_mapAfterMisses) {
            if (!m_mapBuilt) {
                m_byBytes.reserve(oldCount);
                for (qsizetype j = 0; j < oldCount; ++j)
                    m_byBytes.insert(spanOf(m_oldBody, m_oldSpans[size_t(j)]), j);
                m_mapBuilt = true;
            }
            found = m_byBytes.value(bytes, -1);
        }
        if (found >= 0)
            m_next = found + 1;
        return found;
    }

private:
    const QByteArray &m_oldBody;
    const Spans &m_oldSpans;
    QHash<QByteArrayView, qsizetype> m_byBytes;
    bool m_mapBuilt = false;
    qsizetype m_misses = 0;
    qsizetype m_next = 0;
    qsizetype m_mapAfterMisses;
};

std::optional<QJsonObject> elementObject(QByteArrayView bytes)
{
    QJsonParseError error;
    const QJsonDocument doc =
        QJsonDocument::fromJson(QByteArray::fromRawData(bytes.data(), bytes.size()), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}

// The body with both arrays emptied (they are in body order: cut the later one first).
QByteArray withArraysEmptied(const QByteArray &body, const TraceLocation &location)
{
    std::vector<std::pair<qsizetype, qsizetype>> cuts;
    if (location.hasFunctionCalls)
        cuts.emplace_back(location.functionCalls.arrayOpen, location.functionCalls.arrayClose);
    if (location.hasEvents)
        cuts.emplace_back(location.events.arrayOpen, location.events.arrayClose);
    std::sort(cuts.begin(), cuts.end());
    QByteArray rest;
    rest.reserve(body.size());
    qsizetype from = 0;
    for (const auto &[open, close] : cuts) {
        rest.append(body.constData() + from, open + 1 - from);
        from = close;
    }
    rest.append(body.constData() + from, body.size() - from);
    return rest;
}

} // namespace

std::optional<TraceParseResult> parseTraceIncrementally(const QByteArray &traceBody,
                                                        const CallSnapshot &previous,
                                                        IncrementalLoadStats &stats)
{
    const auto fallBack = [&stats](const char *reason) {
        stats.fallbackReason = QString::fromLatin1(reason);
        return std::nullopt;
    };
    if (!previous.v3 || previous.traceBody.isEmpty())
        return fallBack("there is no previous trace");
    const CallSnapshot::V3Parts &old = *previous.v3;
    // An element that warned before would have to warn again.
    if (!old.traceWarnings.isEmpty())
        return fallBack("the previous trace had parse warnings");

    std::optional<TraceLocation> oldScan;
    const TraceLayout &oldLayout = old.traceLayout;
    if (!oldLayout.functionCallSpans || !oldLayout.eventSpans) {
        oldScan = locateTraceArrays(previous.traceBody);
        if (!oldScan)
            return fallBack("the previous trace could not be scanned");
    }
    const Spans &oldFcSpans = oldLayout.functionCallSpans ? *oldLayout.functionCallSpans
                                                          : oldScan->functionCalls.elements;
    const Spans &oldEventSpans =
        oldLayout.eventSpans ? *oldLayout.eventSpans : oldScan->events.elements;
    const QList<FunctionCall> &oldCalls = previous.call.functionCalls;
    if (qsizetype(oldFcSpans.size()) != oldCalls.size() ||
        oldLayout.ownTryNumber.size() != oldFcSpans.size() ||
        oldLayout.eventOwner.size() != oldEventSpans.size())
        return fallBack("the previous trace does not match its function calls");

    // The previous events in trace order, found again where they were attached.
    std::vector<const Event *> oldEvents(oldEventSpans.size(), nullptr);
    {
        std::vector<qsizetype> taken(size_t(oldCalls.size()), 0);
        qsizetype unattached = 0;
        for (size_t i = 0; i < oldEventSpans.size(); ++i) {
            const qsizetype owner = oldLayout.eventOwner[i];
            const QList<Event> &list =
                owner < 0 ? previous.call.unattachedEvents : oldCalls.at(owner).events;
            qsizetype &next = owner < 0 ? unattached : taken[size_t(owner)];
            if (next >= list.size())
                return fallBack("the previous trace does not match its events");
            oldEvents[i] = &list.at(next++);
        }
    }

    std::optional<TraceLocation> location = locateTraceArrays(traceBody);
    if (!location)
        return fallBack("the trace could not be scanned");

    TraceParseResult result;
    const Spans &fcSpans = location->functionCalls.elements;
    result.functionCalls.reserve(qsizetype(fcSpans.size()));
    SpanMatcher fcMatcher(previous.traceBody, oldFcSpans);
    for (size_t i = 0; i < fcSpans.size(); ++i) {
        const QByteArrayView bytes = spanOf(traceBody, fcSpans[i]);
        const qsizetype match = fcMatcher.match(qsizetype(i), bytes);
        if (match >= 0) {
            FunctionCall fc = oldCalls.at(match);
            fc.events.clear();
            if (!oldLayout.ownTryNumber[size_t(match)])
                fc.tryNumber.reset();
            result.functionCalls.append(std::move(fc));
            ++stats.reused;
            continue;
        }
        const std::optional<QJsonObject> object = elementObject(bytes);
        if (!object)
            return fallBack("a function call is not valid JSON");
        QStringList warnings;
        result.functionCalls.append(
            TraceParser::parseFunctionCall(*object, qsizetype(i), warnings));
        if (!warnings.isEmpty())
            return fallBack("a function call has warnings");
        ++stats.reparsed;
    }

    const Spans &eventSpans = location->events.elements;
    QList<Event> events;
    events.reserve(qsizetype(eventSpans.size()));
    SpanMatcher eventMatcher(previous.traceBody, oldEventSpans);
    for (size_t i = 0; i < eventSpans.size(); ++i) {
        const QByteArrayView bytes = spanOf(traceBody, eventSpans[i]);
        const qsizetype match = eventMatcher.match(qsizetype(i), bytes);
        if (match >= 0) {
            events.append(*oldEvents[size_t(match)]);
            ++stats.eventsReused;
            continue;
        }
        const std::optional<QJsonObject> object = elementObject(bytes);
        if (!object)
            return fallBack("an event is not valid JSON");
        QStringList warnings;
        events.append(TraceParser::parseEvent(*object, qsizetype(i), warnings));
        if (!warnings.isEmpty())
            return fallBack("an event has warnings");
        ++stats.eventsReparsed;
    }

    // Everything else: the body with the arrays emptied, through the normal parser.
    TraceParseResult rest = TraceParser::parse(withArraysEmptied(traceBody, *location));
    if (!rest.ok())
        return fallBack("the rest of the trace does not parse");
    if (!rest.warnings.isEmpty())
        return fallBack("the rest of the trace has warnings");
    if (!rest.functionCalls.isEmpty() || !rest.unattachedEvents.isEmpty())
        return fallBack("the emptied arrays are not the trace's");
    result.serverError = rest.serverError;
    TraceParser::assemble(result.functionCalls, std::move(events), result.unattachedEvents,
                          result.layout);
    result.layout.functionCallSpans = std::move(location->functionCalls.elements);
    result.layout.eventSpans = std::move(location->events.elements);
    return result;
}

} // namespace bem
