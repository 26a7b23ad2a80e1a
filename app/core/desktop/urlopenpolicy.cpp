// SPDX-License-Identifier: MIT
#include "urlopenpolicy.h"

#include "formatting.h"

#include <QCoreApplication>
#include <QStringList>
#include <QUrlQuery>

#include <algorithm>
#include <limits>

namespace bem {

namespace {

// Caps that keep the date arithmetic in range: a link valid for a century, or until the
// end of year 9999, is "not expired" for every purpose of ours.
constexpr qint64 MaxLifetimeSecs = qint64(100) * 366 * 24 * 60 * 60;
constexpr qint64 MaxEpochSecs = 253402300799; // 9999-12-31T23:59:59Z

// Digits only (no sign, no spaces); a number too large for qint64 reads as its maximum.
std::optional<qint64> parseSeconds(const QString &text)
{
    if (text.isEmpty())
        return std::nullopt;
    for (const QChar c : text) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
    }
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    return ok ? value : std::numeric_limits<qint64>::max();
}

// Exactly yyyyMMddTHHmmssZ, in UTC.
std::optional<QDateTime> parseAmzDate(const QString &text)
{
    if (text.size() != 16 || text.at(8) != u'T' || text.at(15) != u'Z')
        return std::nullopt;
    const auto number = [&text](qsizetype from, qsizetype length) -> int {
        int value = 0;
        for (qsizetype i = from; i < from + length; ++i) {
            const QChar c = text.at(i);
            if (c < u'0' || c > u'9')
                return -1;
            value = value * 10 + (c.unicode() - u'0');
        }
        return value;
    };
    const QDate date(number(0, 4), number(4, 2), number(6, 2));
    const QTime time(number(9, 2), number(11, 2), number(13, 2));
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    return QDateTime(date, time, Qt::UTC);
}

QString hostForMessage(const QUrl &url)
{
    // The ASCII (punycode) form: a look-alike Unicode host cannot pass for another here.
    return url.host(QUrl::EncodeUnicode);
}

QString notAWebAddress()
{
    return QCoreApplication::translate(
        "bem::UrlOpenPolicy", "This is not a web address (https://\u2026), so it is not opened.");
}

// "http://" or "https://" at the start, in any case: the user meant a web address, so a
// refusal says what is wrong with it rather than that it is none.
bool startsLikeWebAddress(const QString &text)
{
    return text.startsWith(QLatin1String("https://"), Qt::CaseInsensitive) ||
           text.startsWith(QLatin1String("http://"), Qt::CaseInsensitive);
}

bool hasControlCharacter(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) {
        return c.unicode() < 0x20 || (c.unicode() >= 0x7f && c.unicode() <= 0x9f);
    });
}

} // namespace

std::optional<QDateTime> presignedExpiry(const QUrl &url)
{
    std::optional<QString> signedAt;
    std::optional<QString> lifetime;
    std::optional<QString> expires;
    const auto keepFirst = [](std::optional<QString> &slot, const QString &value) {
        if (!slot)
            slot = value;
    };
    const QUrlQuery query(url);
    const auto items = query.queryItems(QUrl::FullyDecoded);
    for (const auto &[name, value] : items) {
        const QString key = name.toLower();
        if (key == QLatin1String("x-amz-date") || key == QLatin1String("x-goog-date"))
            keepFirst(signedAt, value);
        else if (key == QLatin1String("x-amz-expires") || key == QLatin1String("x-goog-expires"))
            keepFirst(lifetime, value);
        else if (key == QLatin1String("expires"))
            keepFirst(expires, value);
    }

    std::optional<QDateTime> result;
    if (signedAt && lifetime) {
        const std::optional<QDateTime> start = parseAmzDate(*signedAt);
        const std::optional<qint64> seconds = parseSeconds(*lifetime);
        if (start && seconds)
            result = start->addSecs(std::min(*seconds, MaxLifetimeSecs));
    }
    if (expires) {
        if (const std::optional<qint64> seconds = parseSeconds(*expires)) {
            const QDateTime end =
                QDateTime::fromSecsSinceEpoch(std::min(*seconds, MaxEpochSecs), Qt::UTC);
            if (!result || end < *result)
                result = end;
        }
    }
    return result;
}

UrlCheck checkUrlToOpen(const QString &text, const QDateTime &now)
{
    UrlCheck check;
    const QString trimmed = text.trimmed();
    const bool looksWeb = startsLikeWebAddress(trimmed);
    // Browsers silently drop tabs and line breaks inside a URL ("java\tscript:" runs as
    // javascript:), so what they would open is not what the user sees: never open those.
    if (hasControlCharacter(trimmed)) {
        check.reason =
            looksWeb ? QCoreApplication::translate("bem::UrlOpenPolicy",
                                                   "This web address contains a line break, tab "
                                                   "or other control character, so it is not "
                                                   "opened.")
                     : notAWebAddress();
        return check;
    }
    // Tolerant, not strict: real presigned links carry spaces and Unicode in their object
    // keys ("in box/Rechnung M\u00E4rz.pdf"). QUrl percent-encodes those when the URL is
    // handed on, and leaves what is already encoded (the signed query) as it is.
    const QUrl url(trimmed, QUrl::TolerantMode);
    if (trimmed.isEmpty() || !url.isValid() || url.isRelative()) {
        check.reason =
            looksWeb ? QCoreApplication::translate("bem::UrlOpenPolicy",
                                                   "The site name or port in this web address is "
                                                   "not valid, so it is not opened.")
                     : notAWebAddress();
        return check;
    }
    // QUrl has validated and lower-cased the scheme: letters, digits, "+", "-", ".".
    const QString scheme = url.scheme();
    const bool https = scheme == QLatin1String("https");
    if (!https && scheme != QLatin1String("http")) {
        check.reason =
            QCoreApplication::translate("bem::UrlOpenPolicy",
                                        "Links starting with \u201C%1:\u201D are not opened: only "
                                        "web addresses (https://\u2026) are.")
                .arg(singleLine(scheme, 40));
        return check;
    }
    if (url.host().isEmpty()) {
        check.reason = QCoreApplication::translate(
            "bem::UrlOpenPolicy", "This web address names no site, so it is not opened.");
        return check;
    }

    check.url = url;
    if (const std::optional<QDateTime> expiry = presignedExpiry(url); expiry && *expiry <= now) {
        check.verdict = UrlCheck::Verdict::Expired;
        check.expiredAt = expiry->toUTC();
        check.reason =
            QCoreApplication::translate("bem::UrlOpenPolicy",
                                        "This link expired on %1 (presigned links work for a "
                                        "limited time). Refresh the call to get a fresh link.")
                .arg(formatUtcTime(check.expiredAt));
        return check;
    }

    QStringList concerns;
    if (!https)
        concerns << QCoreApplication::translate(
                        "bem::UrlOpenPolicy",
                        "This link to \u201C%1\u201D is not encrypted (http, not "
                        "https): anyone on the network could read or change what "
                        "it loads.")
                        .arg(hostForMessage(url));
    // "https://api.bem.ai@evil.example/" goes to evil.example: say where it really goes.
    if (!url.userInfo().isEmpty())
        concerns << QCoreApplication::translate(
                        "bem::UrlOpenPolicy",
                        "This link has a user name in it (before \u201C@\u201D), "
                        "which can disguise where it goes: it opens \u201C%1\u201D.")
                        .arg(hostForMessage(url));
    if (concerns.isEmpty()) {
        check.verdict = UrlCheck::Verdict::Open;
    } else {
        check.verdict = UrlCheck::Verdict::AskFirst;
        check.reason = concerns.join(u' ');
    }
    return check;
}

} // namespace bem
