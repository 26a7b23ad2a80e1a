// SPDX-License-Identifier: MIT
#pragma once

#include "fetchresult.h"

#include <QNetworkReply>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace bem {

// How a request that brought no call ended, in words a user understands: pure functions of
// what Qt and the server reported, so every case is tested without a network
// (tst_bemclient), and the client only gathers the facts.

// How a reply that brought no usable HTTP answer ended, as FetchResult fields (outcome,
// message; details left to the caller). `transferTimeoutMs` names the limit that gave up.
struct ReplyEnding
{
    FetchOutcome outcome = FetchOutcome::NetworkError;
    QString message;
};
// Endings before any HTTP status (refused, DNS, TLS, timeout, redirect refused). `target`
// is where a refused redirect pointed (invalid when unknown).
ReplyEnding classifyNetworkError(QNetworkReply::NetworkError error, const QUrl &url,
                                 const QString &errorString, const QStringList &tlsErrors,
                                 int transferTimeoutMs, const QUrl &target = {});
// Non-2xx statuses. `serverMessage` is the bem error body's message (appended to the
// message), `htmlBody` whether the body was an HTML page, `retryAfterSeconds` a 429's.
ReplyEnding classifyHttpStatus(int status, const QString &reason, const QUrl &url,
                               bool connectionCheck, bool htmlBody,
                               std::optional<int> retryAfterSeconds);

// "HTTP 502 Bad Gateway" (or "HTTP 502" without a reason phrase).
QString httpStatusLine(int status, const QString &reason);

} // namespace bem
