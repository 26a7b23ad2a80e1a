// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QString>
#include <QUrl>

#include <optional>

namespace bem {

// Whether a URL from a server response may be handed to the desktop (a browser). Only
// https opens at once; plain http, or a user name before "@" (which can disguise the
// host), asks first; every other scheme is refused. A presigned link past its expiry is
// reported instead of opened, since it would only show the storage provider's error.
// Spaces and Unicode in a path (real object keys have them) are fine: the URL handed on
// is percent-encoded, one argument for the browser, with the query left as it was signed.
struct UrlCheck
{
    enum class Verdict { Open, AskFirst, Refuse, Expired };
    Verdict verdict = Verdict::Refuse;
    QUrl url;            // the parsed URL (valid for Open/AskFirst/Expired, empty for Refuse)
    QString reason;      // a sentence for the user for AskFirst/Refuse/Expired, plain text
    QDateTime expiredAt; // Expired: when the presigned link stopped working (UTC)
};

// text is a URL exactly as the server sent it; now is the current time (UTC), injectable
// for tests.
UrlCheck checkUrlToOpen(const QString &text, const QDateTime &now);

// When a presigned link stops working: SigV4 `X-Amz-Date` (yyyyMMddTHHmmssZ) plus
// `X-Amz-Expires` seconds (Google's `X-Goog-Date`/`X-Goog-Expires` alike), or SigV2
// `Expires=<unix seconds>`; the earlier one when both are there. Query keys are
// case-insensitive; absurd lifetimes are capped far in the future rather than
// overflowing. nullopt when the URL carries no (valid) expiry.
std::optional<QDateTime> presignedExpiry(const QUrl &url);

} // namespace bem
