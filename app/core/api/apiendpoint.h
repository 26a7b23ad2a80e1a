// SPDX-License-Identifier: MIT
#pragma once

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

    // "{base}/v2/calls/{callID}" with the callID as exactly one percent-encoded path
    // segment. Invalid (and `error` set) for an empty ID or one made only of dots, which
    // no URL can carry as a segment: "." and ".." would be resolved away by the URL.
    static QUrl callUrl(const QUrl &baseUrl, const QString &callId, QString *error = nullptr);

    // "{base}/v2/calls?limit=N": the cheapest authenticated request, for checking a key.
    static QUrl callListUrl(const QUrl &baseUrl, int limit);

    // scheme://host[:port] — what a person recognises as "the site".
    static QString originOf(const QUrl &url);
};

} // namespace bem
