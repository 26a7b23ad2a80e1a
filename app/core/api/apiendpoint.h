// SPDX-License-Identifier: MIT
#pragma once

#include "calltypes.h"

#include <QString>
#include <QUrl>

namespace bem {

// Where the bem API is and whether a key may be sent there. Pure functions: the client
// applies them before any byte leaves the machine, and tests check them directly.
class ApiEndpoint final
{
public:
    static QUrl defaultBaseUrl() { return QUrl(QStringLiteral("https://api.bem.ai")); }

    // The base URL to use: the command line's --base-url wins, then BEM_BASE_URL, then the
    // default. `error` is set (and the default returned) when a given value is not an
    // http(s) URL with a host.
    static QUrl resolveBaseUrl(const QString &commandLineValue, const QString &environmentValue,
                               QString *error = nullptr);

    // A base URL as typed by a person: trimmed, without a trailing slash, query or
    // fragment. Invalid when it is not http(s) with a host.
    static QUrl normalizedBaseUrl(const QString &text);

    // 127.0.0.0/8, ::1 and "localhost" (and its subdomains): traffic that never leaves
    // this machine.
    static bool isLoopbackHost(const QString &host);

    // Empty when an API key may be sent to `url`; otherwise the reason, in words a user
    // understands. Only https, or plain http to a loopback host, may carry the key.
    static QString keyTransportProblem(const QUrl &url);

    // "{base}/v2/calls/{callID}" (or "/v3/calls/{callID}") with the callID as exactly one
    // percent-encoded path segment. Invalid (and `error` set) for an empty ID or one made
    // only of dots, which no URL can carry as a segment: "." and ".." would be resolved
    // away by the URL.
    static QUrl callUrl(const QUrl &baseUrl, const QString &callId, ApiVersion version,
                        QString *error = nullptr);
    static QUrl callUrl(const QUrl &baseUrl, const QString &callId, QString *error = nullptr)
    {
        return callUrl(baseUrl, callId, ApiVersion::V2, error);
    }
    // "{base}/v3/calls/{callID}/trace": the call's execution graph (v3 only).
    static QUrl traceUrl(const QUrl &baseUrl, const QString &callId, QString *error = nullptr);

    // "{base}/v3/outputs" or "{base}/v3/errors" for one call:
    // "?callIDs={callId}&limit={limit}[&startingAfter={eventID}]", every value
    // percent-encoded (a comma too: bem reads a comma as a list separator).
    enum class EventList { Outputs, Errors };
    static QUrl eventsUrl(const QUrl &baseUrl, EventList kind, const QString &callId, int limit,
                          const QString &startingAfter = QString());

    // "{base}/v2/calls?limit=N" (or "/v3/calls"): the cheapest authenticated request, for
    // checking a key.
    static QUrl callListUrl(const QUrl &baseUrl, int limit, ApiVersion version = ApiVersion::V2);

    // "v2" or "v3": the path prefix and how a person names the version.
    static QString versionName(ApiVersion version);

    // A shell command that fetches `url` as the app does, for "Copy as curl":
    //   curl -sS -H "x-api-key: $BEM_API_KEY" 'https://api.bem.ai/v2/calls/wf_1'
    // The key is always the variable, never its value, so the command can be pasted into
    // a chat or a ticket. The URL is fully percent-encoded and single-quoted (a quote in
    // it closes, escapes and reopens the quoting), so the shell reads it as one word and
    // expands nothing in it. Empty for an invalid URL.
    static QString curlCommand(const QUrl &url);

    // scheme://host[:port] — what a person recognises as "the site".
    static QString originOf(const QUrl &url);
};

} // namespace bem
