// SPDX-License-Identifier: MIT
#include "simdreader.h"

#include "jsonfieldreader.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace bem::fast {

namespace {

// Deeper or wider than this, an unknown value is left to the Qt path: built one member
// at a time a QJsonObject costs O(n) per insert, and a hostile body must not make that
// quadratic.
constexpr int MaxDepth = 64;
constexpr int MaxMembers = 256;

bool declinesNull(od::value &v, const Context &c)
{
    if (!c.nullIsAbsent)
        return true;
    bool isNull = false;
    return v.is_null().get(isNull) != simdjson::SUCCESS || !isNull;
}

// "2026-11-30T12:01:07Z" or "…07.250Z" read straight from the UTF-8 bytes, as
// FieldReader's own fast case reads it from a QString; anything else goes its way.
QDateTime commonRfc3339(std::string_view s)
{
    const size_t n = s.size();
    if ((n != 20 && n != 24) || s[n - 1] != 'Z')
        return {};
    const auto digits = [s](size_t from, size_t count, int *out) {
        int v = 0;
        for (size_t i = from; i < from + count; ++i) {
            const char d = s[i];
            if (d < '0' || d > '9')
                return false;
            v = v * 10 + (d - '0');
        }
        *out = v;
        return true;
    };
    int year, month, day, hour, minute, second, ms = 0;
    if (s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' ||
        !digits(0, 4, &year) || !digits(5, 2, &month) || !digits(8, 2, &day) ||
        !digits(11, 2, &hour) || !digits(14, 2, &minute) || !digits(17, 2, &second))
        return {};
    if (n == 24 && (s[19] != '.' || !digits(20, 3, &ms)))
        return {};
    if (second > 59 || hour > 23 || minute > 59)
        return {};
    const QDate date(year, month, day);
    const QTime time(hour, minute, second, ms);
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, Qt::UTC);
}

} // namespace

QString toQString(std::string_view utf8)
{
    return QString::fromUtf8(utf8.data(), qsizetype(utf8.size()));
}

const QString &Interner::string(std::string_view utf8)
{
    if (utf8.size() > MaxLength) {
        m_scratch = toQString(utf8);
        return m_scratch;
    }
    const auto it = m_strings.find(utf8);
    if (it != m_strings.end())
        return it->second;
    if (m_strings.size() >= MaxEntries) {
        m_scratch = toQString(utf8);
        return m_scratch;
    }
    return m_strings.emplace(utf8, toQString(utf8)).first->second;
}

const Status &Interner::status(std::string_view utf8)
{
    const auto it = m_statuses.find(utf8);
    if (it != m_statuses.end())
        return it->second;
    if (utf8.size() > MaxLength || m_statuses.size() >= MaxEntries) {
        m_scratchStatus = Status::fromRaw(toQString(utf8));
        return m_scratchStatus;
    }
    return m_statuses.emplace(utf8, Status::fromRaw(string(utf8))).first->second;
}

bool iterateObject(const QByteArray &body, od::parser &parser, simdjson::padded_string &padded,
                   od::document &doc, od::object &root, const char *&base)
{
    const size_t size = size_t(body.size());
    simdjson::padded_string_view view;
    // The bytes its allocation has after the body: not capacity() - size(), since a
    // shared slice of a bigger array starts inside its block. (A shallow copy: data_ptr()
    // is not const, and does not detach.)
    QByteArray shared = body;
    const size_t spare = size_t(std::max<qsizetype>(0, shared.data_ptr().freeSpaceAtEnd()));
    if (spare >= simdjson::SIMDJSON_PADDING) {
        view = simdjson::padded_string_view(body.constData(), size, size + spare);
    } else {
        padded = simdjson::padded_string(body.constData(), size);
        view = padded;
    }
    base = view.data();
    if (parser.iterate(view).get(doc) != simdjson::SUCCESS)
        return false;
    return doc.get_object().get(root) == simdjson::SUCCESS;
}

bool atEnd(od::document &doc)
{
    const char *location = nullptr;
    return doc.current_location().get(location) == simdjson::OUT_OF_BOUNDS;
}

namespace {

// The characters from `begin` to the closing quote when none is escaped: the body is valid
// JSON (simdjson checked it before any value is read), so the quote comes.
bool plainUpToQuote(const char *begin, std::string_view &out)
{
    const char *p = begin;
    while (*p != '"' && *p != '\\')
        ++p;
    if (*p != '"')
        return false;
    out = std::string_view(begin, size_t(p - begin));
    return true;
}

} // namespace

bool readKey(simdjson::simdjson_result<od::field> &member, std::string_view &key)
{
    od::raw_json_string raw;
    if (member.key().get(raw) != simdjson::SUCCESS)
        return false;
    return plainUpToQuote(raw.raw(), key) || member.unescaped_key().get(key) == simdjson::SUCCESS;
}

bool getString(od::value &v, std::string_view &out)
{
    // A value's raw token is the string with its quotes (and any spaces after it). Only a
    // peek: the value is then consumed as get_string() would, without the copy, so that
    // what follows it is checked as usual (a ':' after a value is an error, not a skip).
    const std::string_view token = v.raw_json_token();
    if (!token.empty() && token.front() == '"' && plainUpToQuote(token.data() + 1, out)) {
        od::raw_json_string consumed;
        return v.get_raw_json_string().get(consumed) == simdjson::SUCCESS;
    }
    return v.get_string().get(out) == simdjson::SUCCESS;
}

bool readString(od::value v, Context &c, QString &out)
{
    std::string_view s;
    if (getString(v, s)) {
        out = toQString(s);
        return true;
    }
    return !declinesNull(v, c);
}

bool readInterned(od::value v, Context &c, QString &out)
{
    std::string_view s;
    if (getString(v, s)) {
        out = c.interner.string(s);
        return true;
    }
    return !declinesNull(v, c);
}

bool readStatus(od::value v, Context &c, Status &out)
{
    std::string_view s;
    if (getString(v, s)) {
        out = c.interner.status(s);
        return true;
    }
    return !declinesNull(v, c);
}

bool readTimestamp(od::value v, Context &c, Timestamp &out)
{
    std::string_view s;
    if (!getString(v, s))
        return !declinesNull(v, c);
    if (s.empty()) {
        out = Timestamp(QString(), QDateTime());
        return true;
    }
    // The usual forms are written again from the value when shown (timestamp.h).
    QDateTime usual = commonRfc3339(s);
    if (usual.isValid()) {
        out = Timestamp::fromUsualForm(std::move(usual), s.size() == 24);
        return true;
    }
    QString raw = toQString(s);
    QDateTime value = FieldReader::parseRfc3339(raw);
    // Not a time: the Qt path warns about it.
    if (!value.isValid())
        return false;
    out = Timestamp(std::move(raw), std::move(value));
    return true;
}

bool readInteger(od::value v, Context &c, std::optional<qint64> &out)
{
    od::json_type type;
    if (v.type().get(type) != simdjson::SUCCESS)
        return false;
    if (type == od::json_type::null)
        return !declinesNull(v, c);
    if (type != od::json_type::number)
        return false;
    od::number number;
    if (v.get_number().get(number) != simdjson::SUCCESS)
        return false;
    // Exact integers JSON carries without loss (|x| ≤ 2^53), as FieldReader::integer.
    constexpr qint64 limit = qint64(1) << 53;
    switch (number.get_number_type()) {
    case od::number_type::signed_integer: {
        const qint64 i = number.get_int64();
        if (i > limit || i < -limit)
            return false;
        out = i;
        return true;
    }
    case od::number_type::floating_point_number: {
        const double d = number.get_double();
        if (!std::isfinite(d) || std::floor(d) != d || std::fabs(d) > double(limit))
            return false;
        out = qint64(d);
        return true;
    }
    default:
        return false;
    }
}

bool readObject(od::value v, Context &c, od::object &out, bool &present)
{
    present = v.get_object().get(out) == simdjson::SUCCESS;
    return present || !declinesNull(v, c);
}

bool readArray(od::value v, Context &c, od::array &out, bool &present)
{
    present = v.get_array().get(out) == simdjson::SUCCESS;
    return present || !declinesNull(v, c);
}

bool toJsonObject(od::object o, QJsonObject &out, int depth)
{
    int members = 0;
    for (auto member : o) {
        std::string_view key;
        od::value v;
        if (!readKey(member, key) || member.value().get(v) != simdjson::SUCCESS ||
            ++members > MaxMembers)
            return false;
        QJsonValue value;
        if (!toJson(v, value, depth + 1))
            return false;
        const QString name = toQString(key);
        if (out.contains(name))
            return false; // which one QJsonDocument keeps is its business
        out.insert(name, value);
    }
    return true;
}

bool toJson(od::value v, QJsonValue &out, int depth)
{
    if (depth > MaxDepth)
        return false;
    od::json_type type;
    if (v.type().get(type) != simdjson::SUCCESS)
        return false;
    switch (type) {
    case od::json_type::object: {
        od::object o;
        QJsonObject object;
        if (v.get_object().get(o) != simdjson::SUCCESS || !toJsonObject(o, object, depth))
            return false;
        out = object;
        return true;
    }
    case od::json_type::array: {
        od::array a;
        if (v.get_array().get(a) != simdjson::SUCCESS)
            return false;
        QJsonArray array;
        for (auto element : a) {
            od::value e;
            QJsonValue value;
            if (element.get(e) != simdjson::SUCCESS || !toJson(e, value, depth + 1))
                return false;
            array.append(value);
        }
        out = array;
        return true;
    }
    case od::json_type::string: {
        std::string_view s;
        if (!getString(v, s))
            return false;
        out = toQString(s);
        return true;
    }
    case od::json_type::boolean: {
        bool b = false;
        if (v.get_bool().get(b) != simdjson::SUCCESS)
            return false;
        out = b;
        return true;
    }
    case od::json_type::null: {
        bool isNull = false;
        if (v.is_null().get(isNull) != simdjson::SUCCESS || !isNull)
            return false;
        out = QJsonValue(QJsonValue::Null);
        return true;
    }
    case od::json_type::number: {
        od::number number;
        if (v.get_number().get(number) != simdjson::SUCCESS)
            return false;
        // QJsonDocument keeps an integer literal that fits in 64 bits as an integer and
        // makes everything else a double.
        switch (number.get_number_type()) {
        case od::number_type::signed_integer:
            out = QJsonValue(qint64(number.get_int64()));
            return true;
        case od::number_type::unsigned_integer:
            out = double(number.get_uint64());
            return true;
        case od::number_type::floating_point_number:
            out = number.get_double();
            return true;
        default:
            return false;
        }
    }
    }
    return false;
}

bool keepUnknown(std::string_view key, od::value v, QJsonObject &unknown)
{
    QJsonValue value;
    if (!toJson(v, value))
        return false;
    const QString name = toQString(key);
    if (unknown.contains(name))
        return false;
    unknown.insert(name, value);
    return true;
}

namespace {

// Whether `v` is JSON that QJsonDocument reads, by toJson's rules (the same depth limit,
// numbers and strings), without building anything: a value nobody reads member by member
// need not become a QJsonValue first. An event's payload (transformedContent, confidences)
// is every event's largest part, and building it only to throw it away was a third of a
// trace's parse. A wide object or a repeated key is fine here: what is kept of such a
// value is its bytes, which QJsonDocument reads the same way either path.
bool checkJson(od::value v, int depth)
{
    if (depth > MaxDepth)
        return false;
    od::json_type type;
    if (v.type().get(type) != simdjson::SUCCESS)
        return false;
    switch (type) {
    case od::json_type::object: {
        od::object o;
        if (v.get_object().get(o) != simdjson::SUCCESS)
            return false;
        for (auto member : o) {
            std::string_view key;
            od::value value;
            if (!readKey(member, key) || member.value().get(value) != simdjson::SUCCESS ||
                !checkJson(value, depth + 1))
                return false;
        }
        return true;
    }
    case od::json_type::array: {
        od::array a;
        if (v.get_array().get(a) != simdjson::SUCCESS)
            return false;
        for (auto element : a) {
            od::value e;
            if (element.get(e) != simdjson::SUCCESS || !checkJson(e, depth + 1))
                return false;
        }
        return true;
    }
    case od::json_type::string: {
        std::string_view s;
        return getString(v, s);
    }
    case od::json_type::boolean: {
        bool b = false;
        return v.get_bool().get(b) == simdjson::SUCCESS;
    }
    case od::json_type::null: {
        bool isNull = false;
        return v.is_null().get(isNull) == simdjson::SUCCESS && isNull;
    }
    case od::json_type::number: {
        od::number number;
        if (v.get_number().get(number) != simdjson::SUCCESS)
            return false;
        switch (number.get_number_type()) {
        case od::number_type::signed_integer:
        case od::number_type::unsigned_integer:
        case od::number_type::floating_point_number:
            return true;
        default:
            return false;
        }
    }
    }
    return false;
}

} // namespace

bool skipChecked(od::value v)
{
    return checkJson(v, 0);
}

} // namespace bem::fast
