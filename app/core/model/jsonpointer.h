// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonValue>
#include <QStringList>

#include <optional>

namespace bem {

// An RFC 6901 JSON Pointer: "/a/b~1c/~0d/0" names a → "b/c" → "~d" → 0. The empty pointer
// names the whole document. Tokens are kept unescaped; toString() escapes them again.
class JsonPointer
{
public:
    JsonPointer() = default; // the whole document

    // Nothing when `text` is not a pointer: it must be empty or start with "/", and a
    // "~" must be followed by 0 or 1.
    static std::optional<JsonPointer> parse(const QString &text);
    static JsonPointer fromTokens(const QStringList &tokens);

    // "~" → "~0", "/" → "~1".
    static QString escape(const QString &token);
    // An array index as RFC 6901 spells it: digits without leading zeros ("-", the
    // element after the last, is never an index of an existing element).
    static std::optional<qsizetype> arrayIndex(const QString &token);

    const QStringList &tokens() const { return m_tokens; }
    bool isRoot() const { return m_tokens.isEmpty(); }
    QString toString() const;
    JsonPointer child(const QString &token) const;
    JsonPointer child(qsizetype index) const;

    // The value this pointer names in `document`; nothing when the path is not there.
    std::optional<QJsonValue> resolve(const QJsonValue &document) const;

    friend bool operator==(const JsonPointer &a, const JsonPointer &b)
    {
        return a.m_tokens == b.m_tokens;
    }
    friend bool operator!=(const JsonPointer &a, const JsonPointer &b) { return !(a == b); }

private:
    QStringList m_tokens;
};

} // namespace bem
