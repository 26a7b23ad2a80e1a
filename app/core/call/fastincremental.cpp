// SPDX-License-Identifier: MIT
// The incremental refresh parse on the fast path: one simdjson pass over the new body
// reads the call, and each element of call.functionCalls is first only delimited (simdjson
// skips it by its structure); an element whose bytes equal the previous body's element at
// that place (or right after the last one reused) keeps that function call, the others
// are read on their own. The previous body's element spans are kept in the snapshot, or
// found again the same way. Anything unexpected declines, and loadCall(body, previous)
// goes on with the scanning path and then the full parse (incrementalparse.cpp).

#include "fastincremental.h"

#include "callsnapshot.h"
#include "fastparts.h"
#include "incrementalparse.h"

#include <QHash>

namespace bem::fast {
namespace {

using simdjson::SUCCESS;
using Spans = std::vector<std::pair<qsizetype, qsizetype>>;

// An element's bytes without the whitespace before the next token, as the scanning
// path delimits them too.
std::string_view trimmed(std::string_view raw)
{
    while (!raw.empty() &&
           (raw.back() == ' ' || raw.back() == '\n' || raw.back() == '\r' || raw.back() == '\t'))
        raw.remove_suffix(1);
    return raw;
}

bool spanOfObject(od::value element, const char *base, std::pair<qsizetype, qsizetype> &span)
{
    od::object o;
    std::string_view raw;
    if (element.get_object().get(o) != SUCCESS || o.raw_json().get(raw) != SUCCESS)
        return false;
    raw = trimmed(raw);
    if (raw.empty() || raw.back() != '}')
        return false;
    span.first = qsizetype(raw.data() - base);
    span.second = span.first + qsizetype(raw.size());
    return true;
}

// The spans of call.functionCalls' elements in a body that parsed before (so its other
// values are skipped, not checked again).
std::optional<Spans> locateElements(const QByteArray &body)
{
    od::parser parser;
    simdjson::padded_string padded;
    od::document doc;
    od::object root;
    const char *base = nullptr;
    if (!iterateObject(body, parser, padded, doc, root, base))
        return std::nullopt;
    std::optional<Spans> spans;
    for (auto member : root) {
        std::string_view key;
        od::object call;
        if (!readKey(member, key))
            return std::nullopt;
        if (key != "call")
            continue;
        if (member.value().get_object().get(call) != SUCCESS)
            return std::nullopt;
        for (auto field : call) {
            od::array array;
            if (!readKey(field, key))
                return std::nullopt;
            if (key != "functionCalls")
                continue;
            if (spans || field.value().get_array().get(array) != SUCCESS)
                return std::nullopt;
            spans.emplace();
            for (auto element : array) {
                od::value e;
                std::pair<qsizetype, qsizetype> span;
                if (element.get(e) != SUCCESS || !spanOfObject(e, base, span))
                    return std::nullopt;
                spans->push_back(span);
            }
        }
    }
    return spans ? spans : Spans();
}

QByteArrayView spanOf(const QByteArray &body, const std::pair<qsizetype, qsizetype> &span)
{
    return QByteArrayView(body.constData() + span.first, span.second - span.first);
}

// Reads the elements of the new body, reusing the previous state's where the bytes match.
class ReusingReader
{
public:
    ReusingReader(const CallSnapshot &previous, const Spans &oldSpans, IncrementalLoadStats &stats)
        : m_previous(previous)
        , m_oldSpans(oldSpans)
        , m_stats(stats)
        , m_mapAfterMisses(32 + qsizetype(oldSpans.size()) / 16)
    {}

    bool read(od::value element, Context &c, QList<FunctionCall> &out)
    {
        std::pair<qsizetype, qsizetype> span;
        if (!spanOfObject(element, c.base, span))
            return false;
        const std::string_view bytes(c.base + span.first, size_t(span.second - span.first));
        m_spans.push_back(span);
        if (out.isEmpty())
            out.reserve(m_previous.call.functionCalls.size());
        const qsizetype match = findOld(QByteArrayView(bytes.data(), qsizetype(bytes.size())),
                                        qsizetype(m_spans.size()) - 1);
        if (match >= 0) {
            out.append(m_previous.call.functionCalls.at(match));
            m_unchanged.push_back(match == qsizetype(m_spans.size()) - 1);
            m_nextOld = match + 1;
            ++m_stats.reused;
            return true;
        }
        // Read on its own, with its own interner: the strings it would keep views of
        // live in this element's parser.
        const simdjson::padded_string padded(bytes);
        od::document doc;
        od::object o;
        Context own(c.nullIsAbsent);
        if (m_parser.iterate(padded).get(doc) != SUCCESS || doc.get_object().get(o) != SUCCESS ||
            !readFunctionCall(o, own, false, out.emplace_back()) || !atEnd(doc))
            return false;
        m_unchanged.push_back(0);
        ++m_stats.reparsed;
        return true;
    }

    Spans takeSpans() { return std::move(m_spans); }
    // Per element read: whether it is a copy of the previous state's at the same index.
    std::vector<char> takeUnchanged() { return std::move(m_unchanged); }

private:
    qsizetype findOld(QByteArrayView bytes, qsizetype index)
    {
        const QByteArray &oldBody = m_previous.body;
        const qsizetype oldCount = qsizetype(m_oldSpans.size());
        if (index < oldCount && bytes == spanOf(oldBody, m_oldSpans[size_t(index)]))
            return index;
        if (m_nextOld < oldCount && bytes == spanOf(oldBody, m_oldSpans[size_t(m_nextOld)]))
            return m_nextOld;
        // Many misses (a reordering): any old element with the same bytes.
        if (++m_misses <= m_mapAfterMisses)
            return -1;
        if (!m_mapBuilt) {
            m_oldByBytes.reserve(oldCount);
            for (qsizetype j = 0; j < oldCount; ++j)
                m_oldByBytes.insert(spanOf(oldBody, m_oldSpans[size_t(j)]), j);
            m_mapBuilt = true;
        }
        return m_oldByBytes.value(bytes, -1);
    }

    const CallSnapshot &m_previous;
    const Spans &m_oldSpans;
    IncrementalLoadStats &m_stats;
    const qsizetype m_mapAfterMisses;
    Spans m_spans;
    std::vector<char> m_unchanged;
    od::parser m_parser;
    QHash<QByteArrayView, qsizetype> m_oldByBytes;
    bool m_mapBuilt = false;
    qsizetype m_misses = 0;
    qsizetype m_nextOld = 0;
};

} // namespace

std::optional<LoadedCall> loadIncrementally(const QByteArray &body,
                                            const std::shared_ptr<const CallSnapshot> &shown,
                                            IncrementalLoadStats &stats)
{
    const CallSnapshot &previous = *shown;
    // As the scanning path: an element that warned before would have to warn again.
    if (!previous.ignored.isEmpty() || previous.body.isEmpty() || previous.v3)
        return std::nullopt;
    std::optional<Spans> located;
    if (!previous.functionCallSpans) {
        located = locateElements(previous.body);
        if (!located)
            return std::nullopt;
    }
    const Spans &oldSpans = previous.functionCallSpans ? *previous.functionCallSpans : *located;
    if (qsizetype(oldSpans.size()) != previous.call.functionCalls.size())
        return std::nullopt;

    IncrementalLoadStats counted;
    ReusingReader reader(previous, oldSpans, counted);
    const ElementReader elements = [&reader](od::value e, Context &c, QList<FunctionCall> &out) {
        return reader.read(e, c, out);
    };
    std::optional<ParseResult> parsed = parseCallResponse(body, false, &elements);
    if (!parsed)
        return std::nullopt;

    // From here on exactly as loadCall(body).
    LoadedCall result;
    result.parsed = std::move(*parsed);
    auto snapshot = std::make_shared<CallSnapshot>(CallSnapshot::fromRefresh(
        std::move(*result.parsed.call), result.parsed.warnings, shown, reader.takeUnchanged()));
    result.parsed.call.reset();
    snapshot->serverError = result.parsed.serverError;
    snapshot->body = body;
    snapshot->functionCallSpans = reader.takeSpans();
    result.snapshot = std::move(snapshot);
    stats.reused = counted.reused;
    stats.reparsed = counted.reparsed;
    stats.incremental = true;
    return result;
}

} // namespace bem::fast
