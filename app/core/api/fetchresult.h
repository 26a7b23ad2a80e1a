// SPDX-License-Identifier: MIT
#pragma once

#include "callsnapshot.h"
#include "calltypes.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QUrl>

#include <optional>

namespace bem {

// Every way a GET of the bem API (a call, a trace, an events page) can end, as the user needs to
// tell them apart.
enum class FetchOutcome {
    Success,             // a 2xx body arrived (body set); after loading, snapshot set too
    Unchanged,           // 200 with exactly the bytes already shown: nothing was parsed
    NoApiKey,            // no key configured: nothing was sent
    InsecureTransport,   // the key would have travelled in clear text: nothing was sent
    InvalidRequest,      // no usable call ID or base URL: nothing was sent
    NetworkError,        // no network, DNS, refused or reset connection
    TlsError,            // the secure connection failed (never ignored)
    Timeout,             // no data for the transfer timeout
    RedirectRefused,     // redirected to another origin (or too often): not followed
    Unauthorized,        // 401
    Forbidden,           // 403
    NotFound,            // 404
    RateLimited,         // 429, with retryAfterSeconds when the server said
    ServerError,         // 5xx
    HttpError,           // any other non-2xx status (400, 422, …)
    NotJson,             // a 2xx body that is not JSON (an HTML page from a proxy, …)
    Truncated,           // the body ended before it was complete
    ServerReportedError, // a 200 carrying only "error"
    InvalidResponse,     // JSON, but not a call response (an array, no "call", …)
    TooLarge,            // the body exceeded the client's limit and was not read
};

// A short stable name ("rate-limited"), for logs and tests.
QString outcomeName(FetchOutcome outcome);

struct FetchResult
{
    FetchOutcome outcome = FetchOutcome::NetworkError;
    QString callId;
    // The URL asked for (never contains the key: that travels in a header).
    QUrl url;
    int httpStatus = 0; // 0 when no HTTP answer arrived
    // One or two sentences for the user. Never contains the API key.
    QString message;
    // The raw facts for the curious: status line, Qt's error, the start of the body.
    QString details;
    // The bem error body's "message" (or a 200's "error"), when there was one.
    QString serverMessage;
    // From a 429's Retry-After (seconds or HTTP date), when present.
    std::optional<int> retryAfterSeconds;
    // The body as received: a 2xx one whole (a later refresh is compared byte for byte),
    // a failed one's first MaxFailedBodyBytes (for the raw view).
    QByteArray body;
    QByteArray contentType;
    // Set by the loading step, never by the client: the parsed call (Success only).
    CallSnapshotPtr snapshot;
    qint64 elapsedMs = 0;
    // A connection check: the API versions that answered like the bem API.
    QList<ApiVersion> versionsAnswered;

    bool hasCall() const { return outcome == FetchOutcome::Success; }
    bool isOk() const
    {
        return outcome == FetchOutcome::Success || outcome == FetchOutcome::Unchanged;
    }
    // Worth retrying by itself, later: the network, the server or a proxy may recover.
    // The others need a person (a key, an ID, a setting) before a retry can help.
    bool isTransient() const;
};

// How much of a failed response's body is kept: enough for any error page, never a
// download's worth.
inline constexpr qsizetype MaxFailedBodyBytes = 64 * 1024;

struct ParseResult;

// A 2xx body that was then parsed: Success with `snapshot`, or the outcome that says why
// the body is not a call (NotJson, Truncated, ServerReportedError, InvalidResponse).
FetchResult resultOfParse(FetchResult fetched, const CallSnapshotPtr &snapshot,
                          const ParseResult &parsed);

// The start of a body, on one line, for a result's details.
QString bodyExcerpt(const QByteArray &body);

// Parses a Retry-After value: delta-seconds or an HTTP date (relative to `now`).
// Negative or unreadable values give nullopt; very large ones are capped at one day.
std::optional<int> parseRetryAfter(const QByteArray &value,
                                   const QDateTime &now = QDateTime::currentDateTimeUtc());

} // namespace bem
