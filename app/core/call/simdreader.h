// SPDX-License-Identifier: MIT
#pragma once

// The fast path's reading rules (simdjson On-Demand straight into our value types). A
// reader never warns: it says "declined" (false) whenever the Qt path would warn, fail or
// meet anything unusual, and the caller then parses the whole body the Qt way, so bad
// input keeps exactly its usual errors, offsets and warnings.

#include "calltypes.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <simdjson.h>

#include <optional>
#include <string_view>
#include <unordered_map>

namespace bem::fast {

namespace od = simdjson::ondemand;

// Values that repeat (statuses, types, function and node names, input types) are made
// into a QString once and shared after that: QString is implicitly shared, so 100,000
// "completed" cost one allocation. Bounded, so a body of unique values cannot grow it.
class Interner
{
public:
    const QString &string(std::string_view utf8);
    const Status &status(std::string_view utf8);

private:
    static constexpr size_t MaxEntries = 4096;
    static constexpr size_t MaxLength = 64;
    // The views point into the body or into the parser's string buffer, both alive for the
    // whole parse.
    std::unordered_map<std::string_view, QString> m_strings;
    std::unordered_map<std::string_view, Status> m_statuses;
    QString m_scratch;
    Status m_scratchStatus;
};

// One parse: the simdjson parser, the interner and the null rule (v3 sends null for
// "none"; v2 does not, so there a null is a wrong type and declines).
struct Context
{
    explicit Context(bool nullAbsent)
        : nullIsAbsent(nullAbsent)
    {}
    bool nullIsAbsent;
    Interner interner;
    // The first byte simdjson reads (the body's, or its padded copy's): byte offsets are
    // counted from it.
    const char *base = nullptr;
    // Activity lists already read, by their bytes: function calls of one function that
    // went through the same steps share one list (QList is implicitly shared). Bounded.
    std::unordered_map<std::string_view, QList<ActivityEntry>> activities;
    // The body read, when `base` is its first byte or its padded copy's (offsets are the
    // same): what is kept as bytes (an event's object) is kept as a part of it.
    QByteArray body;
};

// The whole body iterated by `parser`, its root an object (else std::nullopt). The body
// is used in place when its allocation has the padding simdjson reads past the end,
// otherwise copied into `padded`.
bool iterateObject(const QByteArray &body, od::parser &parser, simdjson::padded_string &padded,
                   od::document &doc, od::object &root, const char *&base);
// After the root object was read to its end: nothing but whitespace follows.
bool atEnd(od::document &doc);

// A member's key, and a string value, as UTF-8: straight from the body when they have no
// escapes (almost always), else unescaped by simdjson. simdjson's own unescaping copies
// each one into its string buffer, which then held nearly every byte of a body a second
// time: tens of MB at the peak of a large load, and a copy of every string.
bool readKey(simdjson::simdjson_result<od::field> &member, std::string_view &key);
bool getString(od::value &v, std::string_view &out);

// Field readers: true with the value read (or absent: null when the context allows it),
// false to decline.
bool readString(od::value v, Context &c, QString &out);
bool readInterned(od::value v, Context &c, QString &out);
bool readStatus(od::value v, Context &c, Status &out);
bool readTimestamp(od::value v, Context &c, Timestamp &out);
bool readInteger(od::value v, Context &c, std::optional<qint64> &out);
// An object (`present` set) or, when the context allows, null (absent).
bool readObject(od::value v, Context &c, od::object &out, bool &present);
bool readArray(od::value v, Context &c, od::array &out, bool &present);
// Any value, as QJsonDocument would have made it (declines on the shapes that are costly
// to build one member at a time: very deep or very wide objects).
bool toJson(od::value v, QJsonValue &out, int depth = 0);
bool toJsonObject(od::object o, QJsonObject &out, int depth = 0);
// An unknown member kept in `unknown` (declines on a duplicate key).
bool keepUnknown(std::string_view key, od::value v, QJsonObject &unknown);
// A member the Qt path ignores: read only to check it is valid JSON.
bool skipChecked(od::value v);

QString toQString(std::string_view utf8);

// A small index over a fixed list of keys, for the "seen twice" check.
template<size_t N> struct KeySet
{
    const std::string_view (&keys)[N];
    int find(std::string_view key) const
    {
        for (size_t i = 0; i < N; ++i)
            if (keys[i].size() == key.size() && keys[i] == key)
                return int(i);
        return -1;
    }
};

} // namespace bem::fast
