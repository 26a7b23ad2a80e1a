// SPDX-License-Identifier: MIT
#include "replyending.h"

#include "apiendpoint.h"
#include "formatting.h"

#include <QCoreApplication>

namespace bem {

namespace {

// The free functions below speak in the client's translation context.
QString tr(const char *text)
{
    return QCoreApplication::translate("bem::BemClient", text);
}

QString secondsText(qint64 ms)
{
    const qint64 s = (ms + 999) / 1000;
    return s == 1 ? tr("1 second") : tr("%1 seconds").arg(s);
}

} // namespace

ReplyEnding classifyNetworkError(QNetworkReply::NetworkError error, const QUrl &url,
                                 const QString &errorString, const QStringList &tlsErrors,
                                 int transferTimeoutMs, const QUrl &target)
{
    const QString host = url.host();
    const auto ending = [](FetchOutcome outcome, const QString &message) {
        return ReplyEnding{outcome, message};
    };
    switch (error) {
    case QNetworkReply::OperationCanceledError:
        // Our own cancel() disconnects first, so an abort that reaches here is the
        // transfer timeout (Qt reports it with the same code).
        return ending(FetchOutcome::Timeout,
                      tr("%1 sent nothing for %2, so the request was given up.")
                          .arg(host, secondsText(transferTimeoutMs)));
    case QNetworkReply::TooManyRedirectsError:
        return ending(FetchOutcome::RedirectRefused,
                      tr("%1 redirected the request too many times.").arg(host));
    case QNetworkReply::InsecureRedirectError:
        return ending(FetchOutcome::RedirectRefused,
                      tr("%1 redirected the request to another site (%2). It was not "
                         "followed, so your API key was not sent there. Check the base URL.")
                          .arg(host, target.isValid() ? ApiEndpoint::originOf(target)
                                                      : tr("an unknown address")));
    case QNetworkReply::HostNotFoundError:
        return ending(FetchOutcome::NetworkError,
                      tr("Could not find the server %1: the name does not resolve. Check the "
                         "base URL and your network.")
                          .arg(host));
    case QNetworkReply::ConnectionRefusedError:
        return ending(FetchOutcome::NetworkError,
                      tr("%1 refused the connection: nothing answers on port %2. Check the "
                         "base URL.")
                          .arg(host)
                          .arg(url.port(url.scheme() == QLatin1String("http") ? 80 : 443)));
    case QNetworkReply::RemoteHostClosedError:
        return ending(FetchOutcome::NetworkError,
                      tr("%1 closed the connection before answering.").arg(host));
    case QNetworkReply::TimeoutError:
        return ending(FetchOutcome::Timeout, tr("The connection to %1 timed out.").arg(host));
    case QNetworkReply::SslHandshakeFailedError:
        return ending(FetchOutcome::TlsError,
                      tr("A secure connection to %1 could not be established%2. Nothing was "
                         "sent.")
                          .arg(host, tlsErrors.isEmpty()
                                         ? QString()
                                         : QStringLiteral(" (%1)").arg(tlsErrors.first())));
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::BackgroundRequestNotAllowedError:
        return ending(FetchOutcome::NetworkError, tr("There is no network connection."));
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
        return ending(FetchOutcome::NetworkError,
                      tr("The network proxy failed: %1").arg(errorString));
    default:
        if (!tlsErrors.isEmpty())
            return ending(FetchOutcome::TlsError,
                          tr("A secure connection to %1 could not be established (%2). Nothing "
                             "was sent.")
                              .arg(host, tlsErrors.first()));
        return ending(FetchOutcome::NetworkError,
                      tr("The connection to %1 failed: %2").arg(host, errorString));
    }
}

ReplyEnding classifyHttpStatus(int status, const QString &reason, const QUrl &url,
                               bool connectionCheck, bool htmlBody,
                               std::optional<int> retryAfterSeconds)
{
    const QString host = url.host();
    const QString line = httpStatusLine(status, reason);
    switch (status) {
    case 401:
        return {FetchOutcome::Unauthorized,
                tr("The API key was refused \u2014 check it in Settings.")};
    case 403:
        return {FetchOutcome::Forbidden,
                tr("This API key is not allowed to read this (%1).").arg(line)};
    case 404:
        if (connectionCheck)
            return {
                FetchOutcome::NotFound,
                tr("%1 has no bem API at this address (%2). Check the base URL.").arg(host, line)};
        return {FetchOutcome::NotFound,
                tr("No call with this ID in this environment. bem keys are per environment "
                   "(sandbox or production): check the ID and that the key belongs to the "
                   "call's environment.")};
    case 429:
        return {FetchOutcome::RateLimited,
                retryAfterSeconds
                    ? tr("bem is limiting how often this key may ask (HTTP 429); it asked to "
                         "wait %1.")
                          .arg(secondsText(qint64(*retryAfterSeconds) * 1000))
                    : tr("bem is limiting how often this key may ask (HTTP 429).")};
    default:
        break;
    }
    if (status >= 500)
        return {FetchOutcome::ServerError,
                htmlBody ? tr("The server could not answer (%1); the page came from a proxy or "
                              "gateway in front of bem.")
                               .arg(line)
                         : tr("The bem server could not answer (%1).").arg(line)};
    return {FetchOutcome::HttpError, tr("The request was not accepted (%1).").arg(line)};
}

QString httpStatusLine(int status, const QString &reason)
{
    return reason.isEmpty() ? QStringLiteral("HTTP %1").arg(status)
                            : QStringLiteral("HTTP %1 %2").arg(status).arg(reason);
}

} // namespace bem
