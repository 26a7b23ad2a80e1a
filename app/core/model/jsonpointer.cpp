// SPDX-License-Identifier: MIT
#include "jsonpointer.h"

#include <QJsonArray>
#include <QJsonObject>

namespace bem {

std::optional<JsonPointer> JsonPointer::parse(const QString &text)
{
    JsonPointer pointer;
    if (text.isEmpty())
        return pointer;
    if (!text.startsWith(u'/'))
        return std::nullopt;
    const QStringList raw = text.mid(1).split(u'/');
    pointer.m_tokens.reserve(raw.size());
    for (const QString &part : raw) {
        QString token;
        token.reserve(part.size());
        for (qsizetype i = 0; i < part.size(); ++i) {
            const QChar c = part.at(i);
            if (c != u'~') {
                token += c;
                continue;
            }
            const QChar next = i + 1 < part.size() ? part.at(i + 1) : QChar();
            if (next == u'0')
                token += u'~';
            else if (next == u'1')
                token += u'/';
            else
                return std::nullopt;
            ++i;
        }
        pointer.m_tokens << token;
    }
    return pointer;
}

JsonPointer JsonPointer::fromTokens(const QStringList &tokens)
{
    JsonPointer pointer;
    pointer.m_tokens = tokens;
    return pointer;
}

QString JsonPointer::escape(const QString &token)
{
    // "~" first, or the "~" of a fresh "~1" would be escaped again.
    QString escaped = token;
    escaped.replace(u'~', QStringLiteral("~0"));
    escaped.replace(u'/', QStringLiteral("~1"));
    return escaped;
}

std::optional<qsizetype> JsonPointer::arrayIndex(const QString &token)
{
    if (token.isEmpty() || token.size() > 18)
        return std::nullopt;
    if (token.size() > 1 && token.startsWith(u'0'))
        return std::nullopt;
    qsizetype index = 0;
    for (const QChar c : token) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
        index = index * 10 + (c.unicode() - u'0');
    }
    return index;
}

QString JsonPointer::toString() const
{
    QString text;
    for (const QString &token : m_tokens)
        text += u'/' + escape(token);
    return text;
}

JsonPointer JsonPointer::child(const QString &token) const
{
    JsonPointer pointer = *this;
    pointer.m_tokens << token;
    return pointer;
}

JsonPointer JsonPointer::child(qsizetype index) const
{
    return child(QString::number(index));
}

std::optional<QJsonValue> JsonPointer::resolve(const QJsonValue &document) const
{
    QJsonValue current = document;
    for (const QString &token : m_tokens) {
        if (current.isObject()) {
            const QJsonObject object = current.toObject();
            const auto it = object.constFind(token);
            if (it == object.constEnd())
                return std::nullopt;
            current = it.value();
        } else if (current.isArray()) {
            const QJsonArray array = current.toArray();
            const std::optional<qsizetype> index = arrayIndex(token);
            if (!index || *index >= array.size())
                return std::nullopt;
            current = array.at(*index);
        } else {
            return std::nullopt;
        }
    }
    return current;
}

} // namespace bem
