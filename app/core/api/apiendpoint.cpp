// SPDX-License-Identifier: MIT
#include "apiendpoint.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QUrlQuery>

#include <optional>

namespace bem {

QUrl ApiEndpoint::normalizedBaseUrl(const QString &text)
{
    QUrl url(text.trimmed(), QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() ||
        (scheme != QLatin1String("https") && scheme != QLatin1String("http")))
        return {};
    url.setQuery(QString());
    url.setFragment(QString());
    url.setUserInfo(QString());
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path);
    return url;
}

QUrl ApiEndpoint::resolveBaseUrl(const QString &commandLineValue, const QString &environmentValue,
                                 QString *error)
{
    const auto pick = [&](const QString &value, const QString &origin) -> std::optional<QUrl> {
        if (value.trimmed().isEmpty())
            return std::nullopt;
        const QUrl url = normalizedBaseUrl(value);
        if (url.isValid())
            return url;
        if (error)
            *error = QStringLiteral("%1 is not an http(s) URL with a host: \"%2\". Using %3.")
                         .arg(origin, value.trimmed(), defaultBaseUrl().toString());
        return defaultBaseUrl();
    };
    if (auto url = pick(commandLineValue, QStringLiteral("--base-url")))
        return *url;
    if (auto url = pick(environmentValue, QStringLiteral("BEM_BASE_URL")))
        return *url;
    return defaultBaseUrl();
}

bool ApiEndpoint::isLoopbackHost(const QString &host)
{
    const QString h = host.toLower();
    if (h == QLatin1String("localhost") || h.endsWith(QLatin1String(".localhost")))
        return true;
    QHostAddress address;
    // QUrl gives IPv6 hosts without brackets; accept both spellings.
    if (!address.setAddress(h.startsWith(u'[') && h.endsWith(u']') ? h.mid(1, h.size() - 2) : h))
        return false;
    return address.isLoopback();
}

QString ApiEndpoint::keyTransportProblem(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("https"))
        return {};
    if (scheme == QLatin1String("http")) {
        if (isLoopbackHost(url.host()))
            return {};
        return QCoreApplication::translate(
                   "bem::ApiEndpoint",
                   "Refusing to send your API key over plain http to %1: anyone on "
                   "the way could read it. Use an https:// base URL (plain http is "
                   "only allowed for a server on this machine: 127.0.0.1, localhost "
                   "or ::1).")
            .arg(url.host());
    }
    return QCoreApplication::translate(
               "bem::ApiEndpoint",
               "Refusing to send your API key to a \"%1:\" URL: only https:// (or "
               "http:// to this machine) can carry it.")
        .arg(url.scheme());
}

QUrl ApiEndpoint::callUrl(const QUrl &baseUrl, const QString &callId, QString *error)
{
    const QString id = callId.trimmed();
    if (id.isEmpty()) {
        if (error)
            *error = QCoreApplication::translate("bem::ApiEndpoint", "Enter a call ID.");
        return {};
    }
    if (id.count(u'.') == id.size()) {
        if (error)
            *error =
                QCoreApplication::translate("bem::ApiEndpoint", "\"%1\" is not a call ID.").arg(id);
        return {};
    }
    QUrl url = baseUrl;
    // Percent-encode everything but unreserved characters, so "/", "?", "#" and "%" stay
    // inside the one segment instead of changing the path or starting a query.
    const QByteArray segment = QUrl::toPercentEncoding(id);
    url.setPath(baseUrl.path(QUrl::FullyEncoded) + QLatin1String("/v2/calls/") +
                    QString::fromLatin1(segment),
                QUrl::StrictMode);
    if (!url.isValid() && error)
        *error = QCoreApplication::translate("bem::ApiEndpoint",
                                             "The call ID does not make a valid URL.");
    return url;
}

QUrl ApiEndpoint::callListUrl(const QUrl &baseUrl, int limit)
{
    QUrl url = baseUrl;
    url.setPath(baseUrl.path(QUrl::FullyEncoded) + QLatin1String("/v2/calls"), QUrl::StrictMode);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    url.setQuery(query);
    return url;
}

QString ApiEndpoint::originOf(const QUrl &url)
{
    return url
        .adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment |
                  QUrl::RemoveUserInfo)
        .toString();
}

QString ApiEndpoint::curlCommand(const QUrl &url)
{
    if (!url.isValid() || url.isEmpty())
        return {};
    QString quoted = url.toString(QUrl::FullyEncoded);
    quoted.replace(u'\'', QLatin1String("'\\''"));
    return QStringLiteral("curl -sS -H \"x-api-key: $BEM_API_KEY\" '") + quoted + u'\'';
}

} // namespace bem
