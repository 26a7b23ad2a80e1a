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

namespace {

// An ID checked as a path segment: empty when no URL can carry it (`error` says why).
QString checkedSegment(const QString &callId, QString *error)
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
    // Percent-encode everything but unreserved characters, so "/", "?", "#" and "%" stay
    // inside the one segment instead of changing the path or starting a query.
    return QString::fromLatin1(QUrl::toPercentEncoding(id));
}

QUrl withPath(const QUrl &baseUrl, const QString &encodedTail, QString *error)
{
    QUrl url = baseUrl;
    url.setPath(baseUrl.path(QUrl::FullyEncoded) + encodedTail, QUrl::StrictMode);
    if (!url.isValid() && error)
        *error = QCoreApplication::translate("bem::ApiEndpoint",
                                             "The call ID does not make a valid URL.");
    return url;
}

// "name=value" with the value percent-encoded beyond what QUrlQuery does: QUrlQuery leaves
// "," (and other sub-delimiters) alone, and bem reads a comma in callIDs as a separator.
QString queryItem(const char *name, const QString &value)
{
    return QLatin1String(name) + u'=' + QString::fromLatin1(QUrl::toPercentEncoding(value));
}

} // namespace

QString ApiEndpoint::versionName(ApiVersion version)
{
    return version == ApiVersion::V3 ? QStringLiteral("v3") : QStringLiteral("v2");
}

QUrl ApiEndpoint::callUrl(const QUrl &baseUrl, const QString &callId, ApiVersion version,
                          QString *error)
{
    const QString segment = checkedSegment(callId, error);
    if (segment.isEmpty())
        return {};
    return withPath(baseUrl, u'/' + versionName(version) + QLatin1String("/calls/") + segment,
                    error);
}

QUrl ApiEndpoint::traceUrl(const QUrl &baseUrl, const QString &callId, QString *error)
{
    const QString segment = checkedSegment(callId, error);
    if (segment.isEmpty())
        return {};
    return withPath(baseUrl, QLatin1String("/v3/calls/") + segment + QLatin1String("/trace"),
                    error);
}

QUrl ApiEndpoint::eventsUrl(const QUrl &baseUrl, EventList kind, const QString &callId, int limit,
                            const QString &startingAfter)
{
    QUrl url = baseUrl;
    url.setPath(baseUrl.path(QUrl::FullyEncoded) + (kind == EventList::Outputs
                                                        ? QLatin1String("/v3/outputs")
                                                        : QLatin1String("/v3/errors")),
                QUrl::StrictMode);
    QStringList items{queryItem("callIDs", callId.trimmed()),
                      queryItem("limit", QString::number(limit))};
    if (!startingAfter.isEmpty())
        items << queryItem("startingAfter", startingAfter);
    url.setQuery(items.join(u'&'), QUrl::StrictMode);
    return url;
}

QUrl ApiEndpoint::callListUrl(const QUrl &baseUrl, int limit, ApiVersion version)
{
    QUrl url = baseUrl;
    url.setPath(baseUrl.path(QUrl::FullyEncoded) + u'/' + versionName(version) +
                    QLatin1String("/calls"),
                QUrl::StrictMode);
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
