// SPDX-License-Identifier: MIT
#include "fastparse.h"

#include "fastparts.h"

#include "callparts.h"
#include "jsonfieldreader.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <algorithm>
#include <cmath>

namespace bem::fast {
namespace {

using simdjson::SUCCESS;

// Calls `f(index, key, value)` for each member of `o`; false when the JSON is bad, a key
// of `keys` comes twice, or `f` declines. index is -1 for a key not in `keys`.
template<size_t N, typename F> bool forMembers(od::object o, const KeySet<N> &keys, F &&f)
{
    static_assert(N <= 32);
    quint32 seen = 0;
    for (auto member : o) {
        std::string_view key;
        od::value v;
        if (!readKey(member, key) || member.value().get(v) != SUCCESS)
            return false;
        const int index = keys.find(key);
        if (index >= 0) {
            if (seen & (1u << index))
                return false;
            seen |= 1u << index;
        }
        if (!f(index, key, v))
            return false;
    }
    return true;
}

constexpr std::string_view InputFileKeys[] = {"inputType", "itemReferenceID", "s3URL"};

bool readInputFile(od::object o, Context &c, InputFile &f)
{
    return forMembers(o, KeySet<3>{InputFileKeys}, [&](int i, std::string_view key, od::value v) {
        switch (i) {
        case 0:
            return readInterned(v, c, f.inputType);
        case 1:
            return readString(v, c, f.itemReferenceId);
        case 2:
            return readString(v, c, f.s3URL);
        }
        return keepUnknown(key, v, f.unknownFields);
    });
}

bool readInputList(od::value v, Context &c, QList<InputFile> &out)
{
    od::array array;
    bool present = false;
    if (!readArray(v, c, array, present))
        return false;
    if (!present)
        return true;
    for (auto element : array) {
        od::object o;
        if (element.get_object().get(o) != SUCCESS) // not an object: the Qt path warns
            return false;
        out.append(InputFile());
        if (!readInputFile(o, c, out.last()))
            return false;
    }
    return true;
}

constexpr std::string_view ActivityKeys[] = {"displayName", "status"};

// Keeps `out` as the list already read from the same bytes, when there is one: a batch's
// function calls mostly went through the same steps with the same outcome.
void shareActivity(od::value &v, const char *start, Context &c, QList<ActivityEntry> &out)
{
    constexpr size_t MaxEntries = 4096;
    constexpr size_t MaxBytes = 2048;
    const char *next = nullptr;
    if (v.current_location().get(next) != SUCCESS || !next || next <= start)
        return;
    std::string_view bytes(start, size_t(next - start));
    while (!bytes.empty() && (bytes.back() == ' ' || bytes.back() == '\n' || bytes.back() == '\r' ||
                              bytes.back() == '\t'))
        bytes.remove_suffix(1);
    if (bytes.size() > MaxBytes || bytes.empty() || bytes.back() != ']')
        return;
    const auto it = c.activities.find(bytes);
    if (it != c.activities.end())
        out = it->second;
    else if (c.activities.size() < MaxEntries)
        c.activities.emplace(bytes, out);
}

bool readActivity(od::value v, Context &c, QList<ActivityEntry> &out)
{
    const char *start = v.raw_json_token().data();
    od::array array;
    bool present = false;
    if (!readArray(v, c, array, present))
        return false;
    if (!present)
        return true;
    for (auto element : array) {
        od::object o;
        if (element.get_object().get(o) != SUCCESS)
            return false;
        ActivityEntry &a = out.emplace_back();
        const bool ok = forMembers(o, KeySet<2>{ActivityKeys},
                                   [&](int i, std::string_view key, od::value value) {
                                       if (i == 0)
                                           return readInterned(value, c, a.displayName);
                                       if (i == 1)
                                           return readStatus(value, c, a.status);
                                       return keepUnknown(key, value, a.unknownFields);
                                   });
        if (!ok)
            return false;
    }
    shareActivity(v, start, c, out);
    return true;
}

// The keys of a function call; the last four are the v3 trace's only.
constexpr std::string_view FunctionCallKeys[] = {"functionCallID",
                                                 "functionID",
                                                 "functionName",
                                                 "type",
                                                 "referenceID",
                                                 "status",
                                                 "functionVersionNum",
                                                 "activity",
                                                 "startedAt",
                                                 "finishedAt",
                                                 "sourceFunctionCallID",
                                                 "workflowCallID",
                                                 "inputType",
                                                 "s3URL",
                                                 "inputs",
                                                 "sourceEventID",
                                                 "workflowNodeName",
                                                 "incomingDestinationName",
                                                 "functionCallTryNumber"};
constexpr int V2FunctionCallKeyCount = 15;

} // namespace

bool readFunctionCall(od::object o, Context &c, bool trace, FunctionCall &fc)
{
    return forMembers(o, KeySet<19>{FunctionCallKeys},
                      [&](int i, std::string_view key, od::value v) {
                          if (!trace && i >= V2FunctionCallKeyCount)
                              i = -1;
                          switch (i) {
                          case 0:
                              return readString(v, c, fc.functionCallId);
                          case 1:
                              return readInterned(v, c, fc.functionId);
                          case 2:
                              return readInterned(v, c, fc.functionName);
                          case 3:
                              return readInterned(v, c, fc.type);
                          case 4:
                              return readString(v, c, fc.referenceId);
                          case 5:
                              return readStatus(v, c, fc.status);
                          case 6:
                              return readInteger(v, c, fc.functionVersionNum);
                          case 7:
                              return readActivity(v, c, fc.activity);
                          case 8:
                              return readTimestamp(v, c, fc.startedAt);
                          case 9:
                              return readTimestamp(v, c, fc.finishedAt);
                          case 10:
                              return readString(v, c, fc.sourceFunctionCallId);
                          case 11:
                              return readInterned(v, c, fc.workflowCallId);
                          case 12:
                              return readInterned(v, c, fc.inputType);
                          case 13:
                              return readString(v, c, fc.s3URL);
                          case 14:
                              return readInputList(v, c, fc.inputs);
                          case 15:
                              return readString(v, c, fc.sourceEventId);
                          case 16:
                              return readInterned(v, c, fc.workflowNodeName);
                          case 17:
                              return readInterned(v, c, fc.incomingDestinationName);
                          case 18:
                              return readInteger(v, c, fc.tryNumber);
                          }
                          return keepUnknown(key, v, fc.unknownFields);
                      });
}

namespace {

// An event is kept whole (Event::object), so simdjson only delimits it and QJsonDocument
// reads its bytes: measured, that is about twice as fast as building the QJsonObject
// member by member, and it is exactly the object the Qt path makes. Its named fields are
// then read by the Qt path's own rules.
constexpr std::string_view EventKeys[] = {"eventID",
                                          "eventType",
                                          "functionID",
                                          "functionName",
                                          "functionCallID",
                                          "functionCallTryNumber",
                                          "functionVersionNum",
                                          "referenceID",
                                          "callID",
                                          "workflowName",
                                          "createdAt",
                                          "message",
                                          "choice",
                                          "itemOffset",
                                          "itemCount",
                                          "avgConfidence",
                                          "publishedAt",
                                          "lastPublishErrorAt"};

// A number from 0 to 1, or null (absent); anything FieldReader::fraction would warn about
// declines.
bool readFraction(od::value v, std::optional<double> &out)
{
    od::json_type type;
    if (v.type().get(type) != SUCCESS)
        return false;
    if (type == od::json_type::null) {
        bool isNull = false;
        return v.is_null().get(isNull) == SUCCESS && isNull;
    }
    double d = 0;
    if (type != od::json_type::number || v.get_double().get(d) != SUCCESS || !std::isfinite(d) ||
        d < 0.0 || d > 1.0)
        return false;
    out = d;
    return true;
}

// One event, its named fields read as bem::readEvent reads them (eventparser.h) and its
// whole object kept as bytes, built when asked for (LazyJsonObject).
bool readEvent(od::value v, Context &c, QList<Event> &out)
{
    if (!c.nullIsAbsent) // events are always read with null as absent
        return false;
    const char *start = v.raw_json_token().data();
    od::object o;
    if (v.get_object().get(o) != SUCCESS)
        return false;
    Event &e = out.emplace_back();
    const bool ok = forMembers(o, KeySet<18>{EventKeys}, [&](int i, std::string_view, od::value m) {
        switch (i) {
        case 0:
            return readString(m, c, e.eventId);
        case 1:
            return readInterned(m, c, e.eventType);
        case 2:
            return readInterned(m, c, e.functionId);
        case 3:
            return readInterned(m, c, e.functionName);
        case 4:
            return readString(m, c, e.functionCallId);
        case 5:
            return readInteger(m, c, e.functionCallTryNumber);
        case 6:
            return readInteger(m, c, e.functionVersionNum);
        case 7:
            return readString(m, c, e.referenceId);
        case 8:
            return readInterned(m, c, e.callId);
        case 9:
            return readInterned(m, c, e.workflowName);
        case 10:
            return readTimestamp(m, c, e.createdAt);
        case 11:
            return readString(m, c, e.message);
        case 12:
            return readInterned(m, c, e.choice);
        case 13:
            return readInteger(m, c, e.itemOffset);
        case 14:
            return readInteger(m, c, e.itemCount);
        case 15:
            return readFraction(m, e.avgConfidence);
        case 16:
            return readTimestamp(m, c, e.publishedAt);
        case 17:
            return readTimestamp(m, c, e.lastPublishErrorAt);
        }
        return skipChecked(m); // kept in the object only
    });
    const char *next = nullptr;
    if (!ok || v.current_location().get(next) != SUCCESS || !next || next <= start)
        return false;
    const char *end = next;
    while (end > start && (end[-1] == ' ' || end[-1] == '\n' || end[-1] == '\r' || end[-1] == '\t'))
        --end;
    if (end <= start || end[-1] != '}' || *start != '{')
        return false;
    // Read alone, an object nested deep enough would pass QJsonDocument's depth limit that
    // the whole body fails: leave anything close to it to the Qt path (brackets inside
    // strings count too, which only declines more).
    constexpr qsizetype MaxBrackets = 512;
    if (std::count_if(start, end, [](char ch) { return ch == '{' || ch == '['; }) > MaxBrackets)
        return false;
    const qsizetype offset = qsizetype(start - c.base);
    const qsizetype size = qsizetype(end - start);
    if (!c.body.isEmpty() && offset + size <= c.body.size())
        e.object = LazyJsonObject::fromBytes(c.body, offset, size);
    else // read from a buffer of its own: keep a copy
        e.object = LazyJsonObject::fromBytes(QByteArray(start, size), 0, size);
    return true;
}

bool readEvents(od::value v, Context &c, QList<Event> &out)
{
    od::array array;
    bool present = false;
    if (!readArray(v, c, array, present))
        return false;
    if (!present)
        return true;
    for (auto element : array) {
        od::value e;
        if (element.get(e) != SUCCESS || !readEvent(e, c, out))
            return false;
    }
    return true;
}

constexpr std::string_view CallInputKeys[] = {"singleFile", "batchFiles"};
constexpr std::string_view BatchKeys[] = {"inputs"};

bool readCallInput(od::value v, Context &c, CallInput &in)
{
    od::object o;
    bool present = false;
    if (!readObject(v, c, o, present))
        return false;
    if (!present)
        return true;
    return forMembers(o, KeySet<2>{CallInputKeys}, [&](int i, std::string_view, od::value m) {
        od::object member;
        bool isObject = false;
        if (i < 0)
            return skipChecked(m); // the Qt path ignores them
        if (!readObject(m, c, member, isObject))
            return false;
        if (!isObject)
            return true;
        if (i == 0) {
            in.singleFile.emplace();
            return readInputFile(member, c, *in.singleFile);
        }
        in.batchFiles.emplace();
        return forMembers(
            member, KeySet<1>{BatchKeys}, [&](int j, std::string_view, od::value inputs) {
                return j < 0 ? skipChecked(inputs) : readInputList(inputs, c, *in.batchFiles);
            });
    });
}

// Keys 0–8 are what v2 and v3 calls share (readSharedCallFields); 9–14 are v2's own,
// 15–16 v3's.
constexpr std::string_view CallKeys[] = {"callID",
                                         "status",
                                         "createdAt",
                                         "finishedAt",
                                         "workflowID",
                                         "workflowName",
                                         "workflowVersionNum",
                                         "callReferenceID",
                                         "input",
                                         "callType",
                                         "functionID",
                                         "functionName",
                                         "functionType",
                                         "functionVersionNum",
                                         "functionCalls",
                                         "outputs",
                                         "errors"};

using Spans = std::vector<std::pair<qsizetype, qsizetype>>;

// Notes where the element that began at `start` and was just read ends: its closing brace,
// the last byte before the token the iterator stands on now. Anything unexpected
// forgets every span (the refresh then finds them again itself).
void noteSpan(od::value &element, const char *start, const char *base, std::optional<Spans> &spans)
{
    const char *next = nullptr;
    if (element.current_location().get(next) != SUCCESS || !next || next <= start) {
        spans.reset();
        return;
    }
    const char *end = next;
    while (end > start && (end[-1] == ' ' || end[-1] == '\n' || end[-1] == '\r' || end[-1] == '\t'))
        --end;
    if (end <= start || end[-1] != '}' || *start != '{') {
        spans.reset();
        return;
    }
    spans->emplace_back(qsizetype(start - base), qsizetype(end - base));
}

bool readCall(od::object o, Context &c, bool v3, const ElementReader *elements, Call &call,
              std::optional<Spans> &spans)
{
    call.apiVersion = v3 ? ApiVersion::V3 : ApiVersion::V2;
    return forMembers(o, KeySet<17>{CallKeys}, [&](int i, std::string_view key, od::value v) {
        if ((v3 && i >= 9 && i <= 14) || (!v3 && i >= 15))
            i = -1;
        switch (i) {
        case 0:
            return readString(v, c, call.callId);
        case 1:
            return readStatus(v, c, call.status);
        case 2:
            return readTimestamp(v, c, call.createdAt);
        case 3:
            return readTimestamp(v, c, call.finishedAt);
        case 4:
            return readString(v, c, call.workflowId);
        case 5:
            return readString(v, c, call.workflowName);
        case 6:
            return readInteger(v, c, call.workflowVersionNum);
        case 7:
            return readString(v, c, call.callReferenceId);
        case 8:
            return readCallInput(v, c, call.input);
        case 9:
            return readString(v, c, call.callType);
        case 10:
            return readString(v, c, call.functionId);
        case 11:
            return readString(v, c, call.functionName);
        case 12:
            return readString(v, c, call.functionType);
        case 13:
            return readInteger(v, c, call.functionVersionNum);
        case 14: {
            od::array array;
            bool present = false;
            if (!readArray(v, c, array, present))
                return false;
            if (!present)
                return true;
            for (auto element : array) {
                od::value e;
                if (element.get(e) != SUCCESS)
                    return false;
                if (elements) {
                    if (!(*elements)(e, c, call.functionCalls))
                        return false;
                    continue;
                }
                const char *start = e.raw_json_token().data();
                od::object fc;
                if (e.get_object().get(fc) != SUCCESS ||
                    !readFunctionCall(fc, c, false, call.functionCalls.emplace_back()))
                    return false;
                if (spans)
                    noteSpan(e, start, c.base, spans);
            }
            return true;
        }
        case 15:
            return readEvents(v, c, call.outputs);
        case 16:
            return readEvents(v, c, call.errors);
        }
        return keepUnknown(key, v, call.unknownFields);
    });
}

constexpr std::string_view CallResponseKeys[] = {"call", "error"};

} // namespace

std::optional<ParseResult> parseCallResponse(const QByteArray &body, bool v3,
                                             const ElementReader *elements)
{
    od::parser parser;
    simdjson::padded_string padded;
    od::document doc;
    od::object root;
    Context c(/*nullAbsent=*/v3);
    if (!iterateObject(body, parser, padded, doc, root, c.base))
        return std::nullopt;
    c.body = body;
    ParseResult result;
    Call call;
    bool haveCall = false;
    // Noted for a v2 full parse only: a refresh reads its elements against them.
    std::optional<Spans> spans;
    if (!v3 && !elements)
        spans.emplace();
    const bool ok = forMembers(root, KeySet<2>{CallResponseKeys},
                               [&](int i, std::string_view key, od::value v) {
                                   if (i == 0) {
                                       od::object o;
                                       haveCall = v.get_object().get(o) == SUCCESS;
                                       // No call: the Qt path says why.
                                       return haveCall && readCall(o, c, v3, elements, call, spans);
                                   }
                                   if (i == 1) {
                                       QString error;
                                       if (!readString(v, c, error))
                                           return false;
                                       result.serverError = oneLine(error);
                                       return true;
                                   }
                                   return keepUnknown(key, v, result.unknownFields);
                               });
    if (!ok || !haveCall || !atEnd(doc))
        return std::nullopt;
    if (spans && qsizetype(spans->size()) == call.functionCalls.size())
        result.functionCallSpans = std::move(spans);
    result.call = std::move(call);
    return result;
}

namespace {

constexpr std::string_view TraceResponseKeys[] = {"trace", "error"};
constexpr std::string_view TraceKeys[] = {"functionCalls", "events"};

bool readTrace(od::object o, Context &c, TraceParseResult &result, QList<Event> &events)
{
    return forMembers(o, KeySet<2>{TraceKeys}, [&](int i, std::string_view, od::value v) {
        if (i < 0)
            return skipChecked(v); // the trace's other members are not read
        od::array array;
        bool present = false;
        if (!readArray(v, c, array, present))
            return false;
        if (!present)
            return true;
        for (auto element : array) {
            od::value e;
            if (element.get(e) != SUCCESS)
                return false;
            if (i == 1) {
                if (!readEvent(e, c, events))
                    return false;
                continue;
            }
            od::object fc;
            if (e.get_object().get(fc) != SUCCESS ||
                !readFunctionCall(fc, c, true, result.functionCalls.emplace_back()))
                return false;
        }
        return true;
    });
}

} // namespace

std::optional<ParseResult> parseCall(const QByteArray &body)
{
    return parseCallResponse(body, false, nullptr);
}

std::optional<ParseResult> parseCallV3(const QByteArray &body)
{
    return parseCallResponse(body, true, nullptr);
}

std::optional<TraceParseResult> parseTrace(const QByteArray &body)
{
    od::parser parser;
    simdjson::padded_string padded;
    od::document doc;
    od::object root;
    Context c(/*nullAbsent=*/true);
    if (!iterateObject(body, parser, padded, doc, root, c.base))
        return std::nullopt;
    c.body = body;
    TraceParseResult result;
    QList<Event> events;
    bool haveTrace = false;
    const bool ok =
        forMembers(root, KeySet<2>{TraceResponseKeys}, [&](int i, std::string_view, od::value v) {
            if (i == 0) {
                od::object o;
                haveTrace = v.get_object().get(o) == SUCCESS;
                return haveTrace && readTrace(o, c, result, events);
            }
            if (i == 1) {
                QString error;
                if (!readString(v, c, error))
                    return false;
                result.serverError = oneLine(error);
                return true;
            }
            return skipChecked(v);
        });
    if (!ok || !haveTrace || !atEnd(doc))
        return std::nullopt;
    TraceParser::assemble(result.functionCalls, std::move(events), result.unattachedEvents,
                          result.layout);
    return result;
}

std::optional<EventPageParseResult> parseEventPage(const QByteArray &body, EventPageKind kind)
{
    od::parser parser;
    simdjson::padded_string padded;
    od::document doc;
    od::object root;
    Context c(/*nullAbsent=*/true);
    if (!iterateObject(body, parser, padded, doc, root, c.base))
        return std::nullopt;
    c.body = body;
    const bool outputs = kind == EventPageKind::Outputs;
    // The page, the single event's key, the server's error (for errors pages the single
    // event's key too) and the total.
    const std::string_view keys[] = {outputs ? "outputs" : "errors", outputs ? "output" : "error",
                                     "error", "totalCount"};
    EventPageParseResult result;
    bool havePage = false;
    const bool ok = forMembers(root, KeySet<4>{keys}, [&](int i, std::string_view, od::value v) {
        switch (i) {
        case 0: {
            od::array array;
            if (v.get_array().get(array) != SUCCESS) // not an array: the Qt path says why
                return false;
            havePage = true;
            for (auto element : array) {
                od::value e;
                if (element.get(e) != SUCCESS || !readEvent(e, c, result.events))
                    return false;
            }
            return true;
        }
        case 1:
            // Outputs: {"output": Event} alone is one event; the Qt path decides that.
            return false;
        case 2: { // outputs pages only: errors pages match "error" as key 1
            QString error;
            if (!readString(v, c, error))
                return false;
            result.serverError = oneLine(error);
            return true;
        }
        case 3:
            return readInteger(v, c, result.totalCount);
        }
        return skipChecked(v);
    });
    if (!ok || !havePage || !atEnd(doc))
        return std::nullopt;
    return result;
}

} // namespace bem::fast
