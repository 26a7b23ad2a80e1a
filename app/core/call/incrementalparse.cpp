// SPDX-License-Identifier: MIT
#include "incrementalparse.h"

#include "callbundle.h"
#include "callparser.h"
#include "fastincremental.h"

#include <QByteArrayView>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <cstring>
#include <memory>

namespace bem {
namespace {

// Far below Qt's own nesting limit (1024), so that an element Qt accepts on its own is
// also one it accepts inside the whole body, where it sits three levels deeper.
constexpr int MaxDepth = 64;

// A strict structural scan of a response body. It decodes nothing: it only has to find
// the same structure Qt's parser will, and it gives up (returns false) on anything it
// does not expect. Values it skips (scalars, string contents) are validated later by
// Qt's parser, on the rest of the body or on each element.
class StructureScanner
{
public:
    // One array of objects looked for inside the root's `rootKey` object.
    struct Target
    {
        QByteArrayView key;
        FunctionCallsLocation *out = nullptr;
        bool found = false;
    };

    // `rootKey`: "call" (v2: its functionCalls) or "trace" (v3: its functionCalls and
    // events).
    StructureScanner(const QByteArray &body, QByteArrayView rootKey, std::vector<Target> targets)
        : m_begin(body.constData())
        , m_p(m_begin)
        , m_end(m_begin + body.size())
        , m_rootKey(rootKey)
        , m_targets(std::move(targets))
    {}

    // False when the body is not understood; each target's `found` tells whether the
    // array was there (absent is fine: the API leaves it out while there are none).
    bool scan()
    {
        skipSpace();
        if (!rootObject())
            return false;
        skipSpace();
        return m_p == m_end && m_seenCall;
    }
    const std::vector<Target> &targets() const { return m_targets; }

private:
    static bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
    static bool isScalarByte(char c)
    {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
               c == '+' || c == '-' || c == '.';
    }
    void skipSpace()
    {
        while (m_p < m_end && isSpace(*m_p))
            ++m_p;
    }
    bool at(char c) const { return m_p < m_end && *m_p == c; }
    qsizetype offset() const { return m_p - m_begin; }

    // At '"': moves past the closing quote. `hasEscape` tells whether a backslash was in it.
    bool string(bool *hasEscape = nullptr)
    {
        if (!at('"'))
            return false;
        ++m_p;
        bool escaped = false;
        while (m_p < m_end) {
            const auto c = static_cast<unsigned char>(*m_p);
            if (c == '"') {
                ++m_p;
                if (hasEscape)
                    *hasEscape = escaped;
                return true;
            }
            if (c < 0x20)
                return false; // a raw control character: leave it to the full parse
            if (c == '\\') {
                escaped = true;
                // Whatever follows is part of the escape; \uXXXX's digits hold no quote.
                if (m_end - m_p < 2)
                    return false;
                m_p += 2;
                continue;
            }
            ++m_p;
        }
        return false;
    }

    // A key at the two levels we look into, compared raw: an escaped key could spell
    // "call" or "functionCalls" in another way, so any escape there gives up.
    bool key(QByteArrayView *name)
    {
        const char *start = m_p + 1;
        bool escaped = false;
        if (!string(&escaped) || escaped)
            return false;
        *name = QByteArrayView(start, m_p - 1 - start);
        return true;
    }

    bool value(int depth)
    {
        if (depth > MaxDepth || m_p >= m_end)
            return false;
        switch (*m_p) {
        case '"':
            return string();
        case '{':
            return members(depth, [this](QByteArrayView, int d) { return value(d); });
        case '[':
            return elements(depth, [this](int d) { return value(d); });
        default: {
            const char *start = m_p;
            while (m_p < m_end && isScalarByte(*m_p))
                ++m_p;
            return m_p > start;
        }
        }
    }

    // At '{': each member's key is given to `onMember`, which must consume the value.
    template<typename OnMember> bool members(int depth, OnMember onMember, bool rawKeys = false)
    {
        ++m_p;
        skipSpace();
        if (at('}')) {
            ++m_p;
            return true;
        }
        for (;;) {
            QByteArrayView name;
            if (rawKeys) {
                if (!key(&name))
                    return false;
            } else if (!string()) {
                return false;
            }
            skipSpace();
            if (!at(':'))
                return false;
            ++m_p;
            skipSpace();
            if (!onMember(name, depth + 1))
                return false;
            if (const auto ended = separatorOr('}'); ended != Separator::Comma)
                return ended == Separator::Closed;
        }
    }

    // At '[': `onElement` consumes each element.
    template<typename OnElement> bool elements(int depth, OnElement onElement)
    {
        ++m_p;
        skipSpace();
        if (at(']')) {
            ++m_p;
            return true;
        }
        for (;;) {
            if (!onElement(depth + 1))
                return false;
            if (const auto ended = separatorOr(']'); ended != Separator::Comma)
                return ended == Separator::Closed;
        }
    }

    enum class Separator { Comma, Closed, Invalid };
    // After a member or an element: exactly one ',' (then the next one), or `close`.
    Separator separatorOr(char close)
    {
        skipSpace();
        if (at(',')) {
            ++m_p;
            skipSpace();
            return Separator::Comma;
        }
        if (at(close)) {
            ++m_p;
            return Separator::Closed;
        }
        return Separator::Invalid;
    }

    bool rootObject()
    {
        if (!at('{'))
            return false;
        return members(
            0,
            [this](QByteArrayView name, int depth) {
                if (name != m_rootKey)
                    return value(depth);
                if (m_seenCall || !at('{'))
                    return false; // two calls, or not an object: the full parse decides
                m_seenCall = true;
                return callObject(depth);
            },
            /*rawKeys=*/true);
    }

    bool callObject(int depth)
    {
        return members(
            depth,
            [this](QByteArrayView name, int d) {
                for (Target &target : m_targets) {
                    if (name != target.key)
                        continue;
                    if (target.found || !at('['))
                        return false;
                    return objectArray(d, target);
                }
                return value(d);
            },
            /*rawKeys=*/true);
    }

    bool objectArray(int depth, Target &target)
    {
        target.out->arrayOpen = offset();
        const bool ok = elements(depth, [this, &target](int d) {
            // Anything but an object is warned about and skipped by the parser: the
            // full parse does that.
            if (!at('{'))
                return false;
            const qsizetype start = offset();
            if (!value(d))
                return false;
            target.out->elements.emplace_back(start, offset());
            return true;
        });
        if (!ok)
            return false;
        target.out->arrayClose = offset() - 1;
        target.found = true;
        return true;
    }

    const char *m_begin;
    const char *m_p;
    const char *m_end;
    QByteArrayView m_rootKey;
    std::vector<Target> m_targets;
    bool m_seenCall = false;
};

enum class ScanOutcome { NotUnderstood, NoFunctionCalls, Found };

ScanOutcome scanBody(const QByteArray &body, FunctionCallsLocation &location)
{
    StructureScanner scanner(body, "call", {{"functionCalls", &location}});
    if (!scanner.scan())
        return ScanOutcome::NotUnderstood;
    return scanner.targets().front().found ? ScanOutcome::Found : ScanOutcome::NoFunctionCalls;
}

using Spans = std::vector<std::pair<qsizetype, qsizetype>>;

QByteArrayView spanOf(const QByteArray &body, const std::pair<qsizetype, qsizetype> &span)
{
    return QByteArrayView(body.constData() + span.first, span.second - span.first);
}

bool sameBytes(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), size_t(a.size())) == 0;
}

// The incremental path proper; std::nullopt (with stats.fallbackReason) hands over to
// the full parse.
std::optional<LoadedCall> loadIncrementally(const QByteArray &body, const CallSnapshot &previous,
                                            IncrementalLoadStats &stats)
{
    const auto fallBack = [&stats](const char *reason) {
        stats.fallbackReason = QString::fromLatin1(reason);
        return std::nullopt;
    };
    // An element that warned before would have to warn again: only a previous state
    // with nothing ignored lends its function calls.
    if (!previous.ignored.isEmpty())
        return fallBack("the previous state had parse warnings");
    if (previous.body.isEmpty())
        return fallBack("the previous state has no body");

    // The previous state's element offsets: kept when it came from a refresh, otherwise
    // found again. A call without functionCalls (none yet) lends nothing, but is no
    // reason to read all of the new body.
    FunctionCallsLocation scanned;
    if (!previous.functionCallSpans &&
        scanBody(previous.body, scanned) == ScanOutcome::NotUnderstood)
        return fallBack("the previous body could not be scanned");
    const Spans &oldSpans =
        previous.functionCallSpans ? *previous.functionCallSpans : scanned.elements;
    const QList<FunctionCall> &oldCalls = previous.call.functionCalls;
    if (qsizetype(oldSpans.size()) != oldCalls.size())
        return fallBack("the previous body does not match its function calls");

    std::optional<FunctionCallsLocation> location = locateFunctionCalls(body);
    if (!location)
        return fallBack("the body could not be scanned");

    // Each element: the old one at the same place, or right after the last one reused
    // (an insertion or removal shifts the rest), or — once many did not match, as after
    // a reordering — any old one with the same bytes; otherwise it is read on its own.
    const qsizetype count = qsizetype(location->elements.size());
    const qsizetype oldCount = qsizetype(oldSpans.size());
    QList<FunctionCall> functionCalls;
    functionCalls.reserve(count);
    QHash<QByteArrayView, qsizetype> oldByBytes;
    bool mapBuilt = false;
    qsizetype misses = 0;
    qsizetype nextOld = 0;
    const qsizetype mapAfterMisses = 32 + oldCount / 16;
    for (qsizetype i = 0; i < count; ++i) {
        const QByteArrayView bytes = spanOf(body, location->elements[size_t(i)]);
        qsizetype match = -1;
        if (i < oldCount && sameBytes(bytes, spanOf(previous.body, oldSpans[size_t(i)])))
            match = i;
        else if (nextOld < oldCount &&
                 sameBytes(bytes, spanOf(previous.body, oldSpans[size_t(nextOld)])))
            match = nextOld;
        else if (++misses > mapAfterMisses) {
            if (!mapBuilt) {
                oldByBytes.reserve(oldCount);
                for (qsizetype j = 0; j < oldCount; ++j)
                    oldByBytes.insert(spanOf(previous.body, oldSpans[size_t(j)]), j);
                mapBuilt = true;
            }
            match = oldByBytes.value(bytes, -1);
        }
        if (match >= 0) {
            functionCalls.append(oldCalls.at(match));
            nextOld = match + 1;
            ++stats.reused;
            continue;
        }
        QJsonParseError error;
        const QJsonDocument doc =
            QJsonDocument::fromJson(QByteArray::fromRawData(bytes.data(), bytes.size()), &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject())
            return fallBack("a function call is not valid JSON");
        QStringList warnings;
        functionCalls.append(CallParser::parseFunctionCall(doc.object(), i, warnings));
        if (!warnings.isEmpty())
            return fallBack("a function call has warnings");
        ++stats.reparsed;
    }

    // Everything else: the body with the array emptied, through the normal parser.
    QByteArray rest;
    rest.reserve(location->arrayOpen + 1 + body.size() - location->arrayClose);
    rest.append(body.constData(), location->arrayOpen + 1);
    rest.append(body.constData() + location->arrayClose, body.size() - location->arrayClose);
    ParseResult parsed = CallParser::parse(rest);
    if (!parsed.ok())
        return fallBack("the rest of the body does not parse");
    if (!parsed.warnings.isEmpty())
        return fallBack("the rest of the body has warnings");
    if (!parsed.call->functionCalls.isEmpty())
        return fallBack("the emptied array is not the call's function calls");
    parsed.call->functionCalls = std::move(functionCalls);

    // From here on exactly as loadCall(body).
    LoadedCall result;
    result.parsed = std::move(parsed);
    auto snapshot = std::make_shared<CallSnapshot>(
        CallSnapshot::fromCall(std::move(*result.parsed.call), result.parsed.warnings));
    result.parsed.call.reset();
    snapshot->serverError = result.parsed.serverError;
    snapshot->body = body;
    snapshot->functionCallSpans = std::move(location->elements);
    result.snapshot = std::move(snapshot);
    stats.incremental = true;
    return result;
}

} // namespace

std::optional<TraceLocation> locateTraceArrays(const QByteArray &body)
{
    TraceLocation location;
    StructureScanner scanner(
        body, "trace", {{"functionCalls", &location.functionCalls}, {"events", &location.events}});
    if (!scanner.scan())
        return std::nullopt;
    location.hasFunctionCalls = scanner.targets()[0].found;
    location.hasEvents = scanner.targets()[1].found;
    return location;
}

std::optional<FunctionCallsLocation> locateFunctionCalls(const QByteArray &body)
{
    FunctionCallsLocation location;
    if (scanBody(body, location) != ScanOutcome::Found)
        return std::nullopt;
    return location;
}

LoadedCall loadCall(const QByteArray &body, const CallSnapshotPtr &previous,
                    IncrementalLoadStats *stats)
{
    IncrementalLoadStats local;
    IncrementalLoadStats &s = stats ? *stats : local;
    s = IncrementalLoadStats();
    if (CallBundle::isBundle(body)) {
        s.fallbackReason = QStringLiteral("a saved bundle");
    } else if (!previous) {
        s.fallbackReason = QStringLiteral("there is no previous state");
    } else if (std::optional<LoadedCall> fast = fast::loadIncrementally(body, previous, s)) {
        return std::move(*fast);
    } else if (std::optional<LoadedCall> result = loadIncrementally(body, *previous, s)) {
        return std::move(*result);
    }
    s.incremental = false;
    s.reused = 0;
    s.reparsed = 0;
    return loadCall(body);
}

} // namespace bem
