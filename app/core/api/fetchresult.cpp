// SPDX-License-Identifier: MIT
#include "fetchresult.h"

#include "callparser.h"
#include "formatting.h"

#include <QCoreApplication>
#include <QStringList>

namespace bem {

QString outcomeName(FetchOutcome outcome)
{
    switch (outcome) {
    case FetchOutcome::Success:
        return QStringLiteral("success");
    case FetchOutcome::Unchanged:
        return QStringLiteral("unchanged");
    case FetchOutcome::NoApiKey:
        return QStringLiteral("no-api-key");
    case FetchOutcome::InsecureTransport:
        return QStringLiteral("insecure-transport");
    case FetchOutcome::InvalidRequest:
        return QStringLiteral("invalid-request");
    case FetchOutcome::NetworkError:
        return QStringLiteral("network-error");
    case FetchOutcome::TlsError:
        return QStringLiteral("tls-error");
    case FetchOutcome::Timeout:
        return QStringLiteral("timeout");
    case FetchOutcome::RedirectRefused:
        return QStringLiteral("redirect-refused");
    case FetchOutcome::Unauthorized:
        return QStringLiteral("unauthorized");
    case FetchOutcome::Forbidden:
        return QStringLiteral("forbidden");
    case FetchOutcome::NotFound:
        return QStringLiteral("not-found");
    case FetchOutcome::RateLimited:
        return QStringLiteral("rate-limited");
    case FetchOutcome::ServerError:
        return QStringLiteral("server-error");
    case FetchOutcome::HttpError:
        return QStringLiteral("http-error");
    case FetchOutcome::NotJson:
        return QStringLiteral("not-json");
    case FetchOutcome::Truncated:
        return QStringLiteral("truncated");
    case FetchOutcome::ServerReportedError:
        return QStringLiteral("server-reported-error");
    case FetchOutcome::InvalidResponse:
        return QStringLiteral("invalid-response");
    case FetchOutcome::TooLarge:
        return QStringLiteral("too-large");
    }
    return QStringLiteral("unknown");
}

QString bodyExcerpt(const QByteArray &body)
{
    return singleLine(QString::fromUtf8(body.trimmed().left(600)), 300);
}

FetchResult resultOfParse(FetchResult fetched, const CallSnapshotPtr &snapshot,
                          const ParseResult &parsed)
{
    FetchResult r = std::move(fetched);
    if (snapshot) {
        r.outcome = FetchOutcome::Success;
        r.snapshot = snapshot;
        r.message = QCoreApplication::translate("bem::BemClient", "Loaded.");
        return r;
    }
    QStringList details;
    if (!r.details.isEmpty())
        details << r.details;
    details << QStringLiteral("Body: %1").arg(bodyExcerpt(r.body));
    if (parsed.errorOffset >= 0) {
        r.outcome = parsed.endedEarly ? FetchOutcome::Truncated : FetchOutcome::NotJson;
        r.message = parsed.error;
    } else if (!parsed.serverError.isEmpty()) {
        r.outcome = FetchOutcome::ServerReportedError;
        r.serverMessage = singleLine(parsed.serverError, 300);
        r.message = QCoreApplication::translate(
                        "bem::BemClient",
                        "The server answered with an error instead of the call: \u201c%1\u201d")
                        .arg(r.serverMessage);
    } else {
        r.outcome = FetchOutcome::InvalidResponse;
        r.message = parsed.error;
    }
    r.details = details.join(u'\n');
    return r;
}

bool FetchResult::isTransient() const
{
    switch (outcome) {
    case FetchOutcome::NetworkError:
    case FetchOutcome::TlsError: // a captive portal or a proxy in the way can go away
    case FetchOutcome::Timeout:
    case FetchOutcome::RateLimited:
    case FetchOutcome::ServerError:
    case FetchOutcome::NotJson:
    case FetchOutcome::Truncated:
    case FetchOutcome::ServerReportedError:
    case FetchOutcome::InvalidResponse:
        return true;
    default:
        return false;
    }
}

std::optional<int> parseRetryAfter(const QByteArray &value, const QDateTime &now)
{
    constexpr qint64 OneDay = 24 * 60 * 60;
    const QByteArray v = value.trimmed();
    if (v.isEmpty())
        return std::nullopt;
    bool isNumber = false;
    const qint64 seconds = v.toLongLong(&isNumber);
    if (isNumber)
        return seconds < 0 ? std::nullopt : std::optional<int>(int(qMin(seconds, OneDay)));
    // HTTP dates are RFC 7231 IMF-fixdate ("Wed, 21 Oct 2015 07:28:00 GMT"): RFC 2822 form.
    // Qt's RFC 2822 reader wants a numeric zone; HTTP dates always say "GMT".
    QString text = QString::fromLatin1(v);
    if (text.endsWith(QLatin1String(" GMT")))
        text = text.chopped(4) + QLatin1String(" +0000");
    const QDateTime at = QDateTime::fromString(text, Qt::RFC2822Date);
    if (!at.isValid())
        return std::nullopt;
    const qint64 delta = now.secsTo(at);
    return int(qBound<qint64>(0, delta, OneDay));
}

} // namespace bem
