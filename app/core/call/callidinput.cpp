// SPDX-License-Identifier: MIT
#include "callidinput.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

#include <optional>

namespace bem {

namespace {

constexpr qsizetype MaxIdLength = 256;

QString noIdInUrl()
{
    return QCoreApplication::translate("bem::CallIdInput", "No call ID found in that URL.");
}

QString noIdInJson()
{
    return QCoreApplication::translate("bem::CallIdInput", "No call ID found in that JSON.");
}

CallIdExtraction refused(const QString &problem)
{
    return {QString(), problem};
}

CallIdExtraction checked(const QString &id)
{
    const QString problem = callIdProblem(id);
    if (!problem.isEmpty())
        return refused(problem);
    return {id, QString()};
}

// Web pages and chat tools pad copied text with these; no ID starts or ends with one.
// Bidi controls are not trimmed: they are refused wherever they are.
bool isPadding(QChar c)
{
    return c.isSpace() || c == u'\u200B' || c == u'\u2060' || c == u'\uFEFF';
}

QString trimmedText(const QString &text)
{
    qsizetype begin = 0;
    qsizetype end = text.size();
    while (begin < end && isPadding(text.at(begin)))
        ++begin;
    while (end > begin && isPadding(text.at(end - 1)))
        --end;
    return text.mid(begin, end - begin);
}

QChar closingQuote(QChar open)
{
    switch (open.unicode()) {
    case u'"':
        return u'"';
    case u'\'':
        return u'\'';
    case u'`':
        return u'`';
    case u'\u201C':
        return u'\u201D';
    case u'\u2018':
        return u'\u2019';
    case u'\u00AB':
        return u'\u00BB';
    default:
        return {};
    }
}

bool isQuoted(const QString &text)
{
    if (text.size() < 2)
        return false;
    const QChar close = closingQuote(text.front());
    return !close.isNull() && text.back() == close;
}

// One layer of quotes off, with the comma that follows a value in a copied JSON line;
// nullopt when the text is not quoted.
std::optional<QString> withoutQuotes(const QString &text)
{
    if (text.endsWith(u',')) {
        const QString beforeComma = trimmedText(text.chopped(1));
        if (isQuoted(beforeComma))
            return trimmedText(beforeComma.mid(1, beforeComma.size() - 2));
    }
    if (isQuoted(text))
        return trimmedText(text.mid(1, text.size() - 2));
    return std::nullopt;
}

QString idIn(const QJsonObject &object)
{
    const QJsonValue value = object.value(QLatin1String("callID"));
    return value.isString() ? value.toString() : QString();
}

QString idInArray(const QJsonArray &array)
{
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        QString id = idIn(object);
        if (id.isEmpty())
            id = idIn(object.value(QLatin1String("call")).toObject());
        if (!id.isEmpty())
            return id;
    }
    return {};
}

// The call's own ID, the one of {"call": …}, or the first of a list such as {"calls": […]}.
QString idInObject(const QJsonObject &object)
{
    QString id = idIn(object);
    if (id.isEmpty())
        id = idIn(object.value(QLatin1String("call")).toObject());
    for (auto it = object.begin(); id.isEmpty() && it != object.end(); ++it) {
        if (it->isArray())
            id = idInArray(it->toArray());
    }
    return id;
}

std::optional<CallIdExtraction> fromJson(const QString &text)
{
    const bool looksLikeJson = text.startsWith(u'{') || text.startsWith(u'[');
    if (looksLikeJson) {
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
        if (error.error == QJsonParseError::NoError) {
            const QString id = doc.isObject() ? idInObject(doc.object()) : idInArray(doc.array());
            return id.isEmpty() ? refused(noIdInJson()) : checked(id);
        }
    }
    // A piece of a response that no parser accepts, such as `"callID": "wf_1",`.
    static const QRegularExpression field(QStringLiteral("\"callID\"\\s*:\\s*\"([^\"\\\\]+)\""));
    const QRegularExpressionMatch match = field.match(text);
    if (match.hasMatch())
        return checked(match.captured(1));
    if (looksLikeJson || text.contains(QLatin1String("\"callID\"")))
        return refused(noIdInJson());
    return std::nullopt;
}

// Split on the encoded path so that "%2F" stays inside its segment.
QStringList decodedSegments(const QUrl &url)
{
    QStringList segments;
    const QStringList encoded = url.path(QUrl::FullyEncoded).split(u'/', Qt::SkipEmptyParts);
    for (const QString &segment : encoded)
        segments << QUrl::fromPercentEncoding(segment.toUtf8());
    return segments;
}

bool isOnlyDots(const QString &text)
{
    return !text.isEmpty() && text.count(u'.') == text.size();
}

CallIdExtraction fromUrlParts(const QUrl &url, const QStringList &segments)
{
    for (qsizetype i = 0; i + 1 < segments.size(); ++i) {
        const QString &name = segments.at(i);
        if ((name.compare(QLatin1String("calls"), Qt::CaseInsensitive) == 0 ||
             name.compare(QLatin1String("call"), Qt::CaseInsensitive) == 0) &&
            !isOnlyDots(segments.at(i + 1)))
            return checked(segments.at(i + 1));
    }
    const QUrlQuery query(url);
    for (const QString &key :
         {QStringLiteral("callID"), QStringLiteral("callId"), QStringLiteral("call_id")}) {
        const QString id = query.queryItemValue(key, QUrl::FullyDecoded);
        if (!id.isEmpty())
            return checked(id);
    }
    return refused(noIdInUrl());
}

std::optional<CallIdExtraction> fromUrl(const QString &text)
{
    static const QRegularExpression schemePrefix(QStringLiteral("^([A-Za-z][A-Za-z0-9+.-]*):"));
    const QRegularExpressionMatch match = schemePrefix.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    const QString scheme = match.captured(1).toLower();
    const QUrl url(text, QUrl::TolerantMode);
    if (scheme == QLatin1String("https") || scheme == QLatin1String("http")) {
        if (!url.isValid() || url.host().isEmpty())
            return refused(noIdInUrl());
        return fromUrlParts(url, decodedSegments(url));
    }
    if (scheme == QLatin1String("bem-call-inspector")) {
        if (!url.isValid())
            return refused(noIdInUrl());
        // "bem-call-inspector://call/<id>" has "call" as its host; ":call/<id>" in its path.
        QStringList segments = decodedSegments(url);
        if (!url.host().isEmpty())
            segments.prepend(url.host());
        return fromUrlParts(url, segments);
    }
    // Links that are never call IDs. Other "x:y" text stays an ID: IDs are opaque.
    static const QStringList notIds{QStringLiteral("javascript"), QStringLiteral("file"),
                                    QStringLiteral("data"), QStringLiteral("ftp"),
                                    QStringLiteral("mailto")};
    if (notIds.contains(scheme) && url.isValid())
        return refused(QCoreApplication::translate("bem::CallIdInput",
                                                   "That is a \u201C%1:\u201D link, not a call ID.")
                           .arg(scheme));
    return std::nullopt;
}

} // namespace

QString callIdProblem(const QString &id)
{
    if (id.isEmpty())
        return QCoreApplication::translate("bem::CallIdInput", "Enter a call ID.");
    for (qsizetype i = 0; i < id.size(); ++i) {
        const QChar c = id.at(i);
        char32_t code = c.unicode();
        if (c.isHighSurrogate() && i + 1 < id.size() && id.at(i + 1).isLowSurrogate()) {
            code = QChar::surrogateToUcs4(c, id.at(i + 1));
            ++i;
        } else if (c.isSurrogate()) {
            return QCoreApplication::translate(
                "bem::CallIdInput", "A call ID cannot contain invisible or control characters.");
        }
        if (QChar::isSpace(code))
            return QCoreApplication::translate(
                "bem::CallIdInput", "A call ID has no spaces, tabs or line breaks inside it.");
        // Cc and Cf: NUL, escapes, zero-width and bidi controls (U+202E and friends) would
        // make the ID look different from what is sent.
        const QChar::Category category = QChar::category(code);
        if (category == QChar::Other_Control || category == QChar::Other_Format)
            return QCoreApplication::translate(
                "bem::CallIdInput", "A call ID cannot contain invisible or control characters.");
    }
    if (id.size() > MaxIdLength)
        return QCoreApplication::translate(
                   "bem::CallIdInput", "That is too long for a call ID (at most %1 characters).")
            .arg(MaxIdLength);
    if (isOnlyDots(id))
        return QCoreApplication::translate("bem::CallIdInput", "\u201C%1\u201D is not a call ID.")
            .arg(id);
    return {};
}

CallIdExtraction extractCallId(const QString &pasted)
{
    QString text = trimmedText(pasted);
    // Quotes come off one layer at a time; JSON is looked for first in each layer because
    // a line like `"callID": "wf_1",` is itself wrapped in quotes.
    while (!text.isEmpty()) {
        if (std::optional<CallIdExtraction> json = fromJson(text))
            return *json;
        std::optional<QString> inner = withoutQuotes(text);
        if (!inner)
            break;
        text = *inner;
    }
    if (text.isEmpty())
        return refused(QCoreApplication::translate("bem::CallIdInput", "Enter a call ID."));
    if (std::optional<CallIdExtraction> url = fromUrl(text))
        return *url;
    return checked(text);
}

} // namespace bem
