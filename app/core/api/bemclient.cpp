// SPDX-License-Identifier: MIT
#include "bemclient.h"

#include "apiendpoint.h"
#include "callloader.h"
#include "callparser.h"
#include "formatting.h"
#include "incrementalparse.h"

#include <QFutureWatcher>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslError>
#include <QSysInfo>
#include <QtConcurrent/QtConcurrentRun>

#include <utility>

namespace bem {

namespace {

// What a non-2xx body says, when it is a bem error body ({"message", "code", "details"}).
struct ErrorBody
{
    QString message;
    QString raw; // the start of the body, one line, for details
    bool isHtml = false;
};

// The start of a body, on one line, for the details.
QString bodyExcerpt(const QByteArray &body)
{
    return singleLine(QString::fromUtf8(body.trimmed().left(600)), 300);
}

ErrorBody readErrorBody(const QByteArray &body)
{
    ErrorBody e;
    const QByteArray trimmed = body.trimmed();
    e.isHtml = trimmed.startsWith('<');
    e.raw = bodyExcerpt(trimmed);
    const QJsonDocument doc = QJsonDocument::fromJson(trimmed);
    if (doc.isObject()) {
        const QJsonObject o = doc.object();
        // bem's error body has "message"; a 200 without a call has "error".
        for (const auto key : {QLatin1String("message"), QLatin1String("error")}) {
            if (o.value(key).isString() && !o.value(key).toString().trimmed().isEmpty()) {
                e.message = singleLine(o.value(key).toString(), 300);
                break;
            }
        }
    }
    return e;
}

QString statusLine(int status, const QString &reason)
{
    return reason.isEmpty() ? QStringLiteral("HTTP %1").arg(status)
                            : QStringLiteral("HTTP %1 %2").arg(status).arg(reason);
}

QString secondsText(qint64 ms)
{
    const qint64 s = (ms + 999) / 1000;
    return s == 1 ? QStringLiteral("1 second") : QStringLiteral("%1 seconds").arg(s);
}

} // namespace

BemClient::BemClient(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_baseUrl(ApiEndpoint::defaultBaseUrl())
{}

BemClient::~BemClient()
{
    cancel();
}

QByteArray BemClient::userAgent()
{
    return QStringLiteral("bem-call-inspector/%1 (Qt %2; %3)")
        .arg(QStringLiteral(BEM_VERSION), QString::fromLatin1(qVersion()),
             QSysInfo::prettyProductName())
        .toUtf8();
}

void BemClient::fetchCall(const QString &callId, const QByteArray &knownBody)
{
    startCallFetch(callId, knownBody, nullptr);
}

void BemClient::fetchCall(const QString &callId, const CallSnapshotPtr &known)
{
    startCallFetch(callId, known ? known->body : QByteArray(), known);
}

void BemClient::startCallFetch(const QString &callId, const QByteArray &knownBody,
                               const CallSnapshotPtr &known)
{
    cancel();
    m_knownBody = knownBody;
    m_known = known;
    QString error;
    const QUrl url = ApiEndpoint::callUrl(m_baseUrl, callId, &error);
    if (!url.isValid()) {
        FetchResult r;
        r.outcome = FetchOutcome::InvalidRequest;
        r.callId = callId;
        r.message = error.isEmpty() ? QStringLiteral("The base URL is not valid.") : error;
        refuse(Purpose::Call, r);
        return;
    }
    start(Purpose::Call, url, callId.trimmed());
}

void BemClient::checkConnection()
{
    cancel();
    m_knownBody.clear();
    m_known.reset();
    start(Purpose::ConnectionCheck, ApiEndpoint::callListUrl(m_baseUrl, 1), QString());
}

void BemClient::cancel()
{
    ++m_generation;
    m_parsing = false; // a parse still running is dropped when it ends
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    m_body.clear();
    reply->disconnect(this);
    reply->abort();
    reply->deleteLater();
}

void BemClient::refuse(Purpose purpose, FetchResult result)
{
    // Reported from the event loop, like every other ending, so callers see one order
    // of events whatever happened; a newer request or cancel() makes it stale.
    const quint64 generation = m_generation;
    QMetaObject::invokeMethod(
        this,
        [this, purpose, generation, result] {
            if (generation == m_generation)
                report(purpose, result);
        },
        Qt::QueuedConnection);
}

void BemClient::start(Purpose purpose, const QUrl &url, const QString &callId)
{
    m_purpose = purpose;
    m_callId = callId;
    m_tooLarge = false;
    m_body.clear();
    m_tlsErrors.clear();

    FetchResult refusal;
    refusal.callId = callId;
    refusal.url = url;
    if (const QString problem = ApiEndpoint::keyTransportProblem(url); !problem.isEmpty()) {
        refusal.outcome = FetchOutcome::InsecureTransport;
        refusal.message = problem;
        refuse(purpose, refusal);
        return;
    }
    if (m_apiKey.isEmpty()) {
        refusal.outcome = FetchOutcome::NoApiKey;
        refusal.message = QStringLiteral("No API key is set. Set BEM_API_KEY in the environment "
                                         "or enter a key in Settings.");
        refuse(purpose, refusal);
        return;
    }

    QNetworkRequest request(url);
    request.setRawHeader("x-api-key", m_apiKey.toUtf8());
    request.setRawHeader("Accept", "application/json");
    request.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
    // Qt's default policy (NoLessSafeRedirectPolicy) would carry x-api-key to whatever
    // origin a redirect names. Same-origin hops are still followed.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::SameOriginRedirectPolicy);
    request.setMaximumRedirectsAllowed(5);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setTransferTimeout(m_transferTimeoutMs);

    m_elapsed.start();
    QNetworkReply *reply = m_network->get(request);
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onFinished(reply); });
    // A body beyond the maximum is refused as soon as its Content-Length says so, or as
    // soon as more than the maximum has arrived. The bytes are taken from Qt as they come
    // (readyRead, never throttled, unlike downloadProgress) and Qt may read only a little
    // ahead of us, so a body without an honest length cannot fill memory while the check
    // waits its turn in a busy event loop.
    reply->setReadBufferSize(ReadAheadBytes);
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, reply] {
        if (reply != m_reply || m_tooLarge)
            return;
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid() && length.toLongLong() > m_maxBodyBytes) {
            m_tooLarge = true;
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::readyRead, this, [this, reply] {
        if (reply != m_reply || m_tooLarge)
            return;
        m_body += reply->readAll();
        if (m_body.size() > m_maxBodyBytes) {
            m_tooLarge = true;
            m_body.clear();
            reply->abort();
        }
    });
    // Recorded for the message only: TLS errors are never ignored.
    connect(reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
        for (const QSslError &e : errors)
            m_tlsErrors.append(e.errorString());
    });
}

void BemClient::onFinished(QNetworkReply *reply)
{
    // cancel() disconnects the replies it drops, so only the current one gets here.
    if (reply != m_reply)
        return;
    m_reply = nullptr;
    reply->deleteLater();
    FetchResult result = resultOf(reply);
    if (m_parseDetails) {
        const QStringList details = *std::exchange(m_parseDetails, std::nullopt);
        parseThenReport(std::move(result), details);
        return;
    }
    report(m_purpose, result);
}

void BemClient::parseThenReport(FetchResult result, const QStringList &details)
{
    m_parsing = true;
    const quint64 generation = m_generation;
    const QByteArray body = result.body; // before `result` moves into the handler
    auto *watcher = new QFutureWatcher<LoadedCall>(this);
    connect(watcher, &QFutureWatcher<LoadedCall>::finished, this,
            [this, watcher, generation, r = std::move(result), details = details]() mutable {
                watcher->deleteLater();
                if (generation != m_generation)
                    return; // canceled, or another request started meanwhile
                m_parsing = false;
                const LoadedCall loaded = watcher->result();
                const auto finish = [&](FetchOutcome outcome, const QString &message) {
                    r.outcome = outcome;
                    r.message = message;
                    if (!r.serverMessage.isEmpty() &&
                        outcome != FetchOutcome::ServerReportedError) {
                        r.message +=
                            QStringLiteral(" The server said: \u201c%1\u201d").arg(r.serverMessage);
                        details << QStringLiteral("Server message: %1").arg(r.serverMessage);
                    }
                    r.details = details.join(u'\n');
                };
                const ParseResult &parsed = loaded.parsed;
                if (loaded.ok()) {
                    r.snapshot = loaded.snapshot;
                    finish(FetchOutcome::Success, QStringLiteral("Loaded."));
                } else {
                    details << QStringLiteral("Body: %1").arg(bodyExcerpt(r.body));
                    if (parsed.errorOffset >= 0) {
                        finish(parsed.endedEarly ? FetchOutcome::Truncated : FetchOutcome::NotJson,
                               parsed.error);
                    } else if (!parsed.serverError.isEmpty()) {
                        r.serverMessage = singleLine(parsed.serverError, 300);
                        finish(FetchOutcome::ServerReportedError,
                               QStringLiteral("The server answered with an error instead of the "
                                              "call: \u201c%1\u201d")
                                   .arg(r.serverMessage));
                    } else {
                        finish(FetchOutcome::InvalidResponse, parsed.error);
                    }
                }
                report(Purpose::Call, r);
            });
    // A refresh of a state shown is parsed against it: only the function calls whose bytes
    // changed are read again (the same result as a full parse, which it falls back to).
    watcher->setFuture(QtConcurrent::run(
        [body, known = m_known] { return known ? loadCall(body, known) : loadCall(body); }));
}

void BemClient::report(Purpose purpose, const FetchResult &result)
{
    // A server that echoes the key back (in an error message, say) must not make us show
    // or log it.
    FetchResult r = result;
    if (!m_apiKey.isEmpty()) {
        const QString mask = QStringLiteral("[API key removed]");
        r.message.replace(m_apiKey, mask);
        r.details.replace(m_apiKey, mask);
        r.serverMessage.replace(m_apiKey, mask);
    }
    if (purpose == Purpose::Call)
        Q_EMIT finished(r);
    else
        Q_EMIT connectionChecked(r);
}

FetchResult BemClient::resultOf(QNetworkReply *reply)
{
    FetchResult r;
    r.callId = m_callId;
    r.url = reply->request().url();
    r.elapsedMs = m_elapsed.elapsed();
    const QString host = r.url.host();
    const QNetworkReply::NetworkError error = reply->error();
    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    r.httpStatus = statusAttribute.isValid() ? statusAttribute.toInt() : 0;
    const QString reason =
        reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString().trimmed();

    QStringList details{QStringLiteral("GET %1").arg(r.url.toString())};
    if (r.httpStatus != 0)
        details << statusLine(r.httpStatus, reason);
    if (error != QNetworkReply::NoError)
        details << QStringLiteral("Network error %1: %2").arg(int(error)).arg(reply->errorString());
    if (!m_tlsErrors.isEmpty())
        details << QStringLiteral("TLS: %1").arg(m_tlsErrors.join(QStringLiteral("; ")));
    const auto finish = [&](FetchOutcome outcome, const QString &message) {
        r.outcome = outcome;
        r.message = message;
        if (!r.serverMessage.isEmpty() && outcome != FetchOutcome::ServerReportedError) {
            r.message += QStringLiteral(" The server said: \u201c%1\u201d").arg(r.serverMessage);
            details << QStringLiteral("Server message: %1").arg(r.serverMessage);
        }
        r.details = details.join(u'\n');
        return r;
    };

    // Endings we caused or that happened before any HTTP answer.
    if (m_tooLarge)
        return finish(FetchOutcome::TooLarge,
                      QStringLiteral("The response is larger than %1, so it was not loaded.")
                          .arg(QLocale::c().formattedDataSize(m_maxBodyBytes, 0,
                                                              QLocale::DataSizeTraditionalFormat)));
    if (error == QNetworkReply::OperationCanceledError) {
        // Our own cancel() disconnects first, so an abort that reaches here is the
        // transfer timeout (Qt reports it with the same code).
        return finish(FetchOutcome::Timeout,
                      QStringLiteral("%1 sent nothing for %2, so the request was given up.")
                          .arg(host, secondsText(m_transferTimeoutMs)));
    }
    if (error == QNetworkReply::InsecureRedirectError ||
        error == QNetworkReply::TooManyRedirectsError) {
        const QUrl target =
            r.url.resolved(QUrl::fromEncoded(reply->rawHeader("Location"), QUrl::TolerantMode));
        if (target.isValid())
            details << QStringLiteral("Redirected to: %1").arg(target.toString());
        if (error == QNetworkReply::TooManyRedirectsError)
            return finish(FetchOutcome::RedirectRefused,
                          QStringLiteral("%1 redirected the request too many times.").arg(host));
        return finish(FetchOutcome::RedirectRefused,
                      QStringLiteral("%1 redirected the request to another site (%2). It was not "
                                     "followed, so your API key was not sent there. Check the "
                                     "base URL.")
                          .arg(host, target.isValid() ? ApiEndpoint::originOf(target)
                                                      : QStringLiteral("an unknown address")));
    }
    if (r.httpStatus == 0) {
        switch (error) {
        case QNetworkReply::HostNotFoundError:
            return finish(FetchOutcome::NetworkError,
                          QStringLiteral("Could not find the server %1: the name does not "
                                         "resolve. Check the base URL and your network.")
                              .arg(host));
        case QNetworkReply::ConnectionRefusedError:
            return finish(FetchOutcome::NetworkError,
                          QStringLiteral("%1 refused the connection: nothing answers on port %2. "
                                         "Check the base URL.")
                              .arg(host)
                              .arg(r.url.port(r.url.scheme() == QLatin1String("http") ? 80 : 443)));
        case QNetworkReply::RemoteHostClosedError:
            return finish(FetchOutcome::NetworkError,
                          QStringLiteral("%1 closed the connection before answering.").arg(host));
        case QNetworkReply::TimeoutError:
            return finish(FetchOutcome::Timeout,
                          QStringLiteral("The connection to %1 timed out.").arg(host));
        case QNetworkReply::SslHandshakeFailedError:
            return finish(FetchOutcome::TlsError,
                          QStringLiteral("A secure connection to %1 could not be established%2. "
                                         "Nothing was sent.")
                              .arg(host, m_tlsErrors.isEmpty()
                                             ? QString()
                                             : QStringLiteral(" (%1)").arg(m_tlsErrors.first())));
        case QNetworkReply::TemporaryNetworkFailureError:
        case QNetworkReply::NetworkSessionFailedError:
        case QNetworkReply::BackgroundRequestNotAllowedError:
            return finish(FetchOutcome::NetworkError,
                          QStringLiteral("There is no network connection."));
        case QNetworkReply::ProxyConnectionRefusedError:
        case QNetworkReply::ProxyConnectionClosedError:
        case QNetworkReply::ProxyNotFoundError:
        case QNetworkReply::ProxyTimeoutError:
        case QNetworkReply::ProxyAuthenticationRequiredError:
            return finish(FetchOutcome::NetworkError,
                          QStringLiteral("The network proxy failed: %1").arg(reply->errorString()));
        default:
            if (!m_tlsErrors.isEmpty())
                return finish(FetchOutcome::TlsError,
                              QStringLiteral("A secure connection to %1 could not be established "
                                             "(%2). Nothing was sent.")
                                  .arg(host, m_tlsErrors.first()));
            return finish(
                FetchOutcome::NetworkError,
                QStringLiteral("The connection to %1 failed: %2").arg(host, reply->errorString()));
        }
    }

    const QByteArray body = std::exchange(m_body, {}) + reply->readAll();
    if (r.httpStatus >= 200 && r.httpStatus < 300) {
        const qint64 announced = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
        const bool decoded = !reply->rawHeader("Content-Encoding").isEmpty();
        if (error == QNetworkReply::RemoteHostClosedError ||
            (!decoded && announced > 0 && body.size() < announced)) {
            return finish(
                FetchOutcome::Truncated,
                announced > 0
                    ? QStringLiteral("The response was cut off after %1 of %2 bytes.")
                          .arg(body.size())
                          .arg(announced)
                    : QStringLiteral("The response was cut off after %1 bytes.").arg(body.size()));
        }
        r.body = body;
        if (m_purpose == Purpose::ConnectionCheck) {
            const QJsonDocument doc = QJsonDocument::fromJson(body);
            if (doc.isObject() && doc.object().value(QLatin1String("calls")).isArray())
                return finish(FetchOutcome::Success,
                              QStringLiteral("Connected to %1; the API key works.").arg(host));
            details << QStringLiteral("Body: %1").arg(bodyExcerpt(body));
            return finish(FetchOutcome::InvalidResponse,
                          QStringLiteral("%1 answered, but not like the bem API. Check the base "
                                         "URL.")
                              .arg(host));
        }
        if (!m_knownBody.isNull() && body == m_knownBody)
            return finish(FetchOutcome::Unchanged, QStringLiteral("No change."));
        // Parsed on the thread pool; onFinished() reports when it is done.
        m_parseDetails = details;
        return r;
    }

    const ErrorBody errorBody = readErrorBody(body);
    r.serverMessage = errorBody.message;
    if (errorBody.message.isEmpty() && !errorBody.raw.isEmpty())
        details << QStringLiteral("Body: %1").arg(errorBody.raw);
    const QString status = statusLine(r.httpStatus, reason);
    switch (r.httpStatus) {
    case 401:
        return finish(FetchOutcome::Unauthorized,
                      QStringLiteral("The API key was refused \u2014 check it in Settings."));
    case 403:
        return finish(FetchOutcome::Forbidden,
                      QStringLiteral("This API key is not allowed to read this (%1).").arg(status));
    case 404:
        if (m_purpose == Purpose::ConnectionCheck)
            return finish(FetchOutcome::NotFound,
                          QStringLiteral("%1 has no bem API at this address (%2). Check the base "
                                         "URL.")
                              .arg(host, status));
        return finish(FetchOutcome::NotFound,
                      QStringLiteral("No call with this ID in this environment. bem keys are per "
                                     "environment (sandbox or production): check the ID and "
                                     "that the key belongs to the call's environment."));
    case 429: {
        r.retryAfterSeconds = parseRetryAfter(reply->rawHeader("Retry-After"));
        if (r.retryAfterSeconds)
            details << QStringLiteral("Retry-After: %1 s").arg(*r.retryAfterSeconds);
        return finish(FetchOutcome::RateLimited,
                      r.retryAfterSeconds
                          ? QStringLiteral("bem is limiting how often this key may ask (HTTP "
                                           "429); it asked to wait %1.")
                                .arg(secondsText(qint64(*r.retryAfterSeconds) * 1000))
                          : QStringLiteral("bem is limiting how often this key may ask (HTTP "
                                           "429)."));
    }
    default:
        break;
    }
    if (r.httpStatus >= 500)
        return finish(FetchOutcome::ServerError,
                      errorBody.isHtml
                          ? QStringLiteral("The server could not answer (%1); the page came from "
                                           "a proxy or gateway in front of bem.")
                                .arg(status)
                          : QStringLiteral("The bem server could not answer (%1).").arg(status));
    return finish(FetchOutcome::HttpError,
                  QStringLiteral("The request was not accepted (%1).").arg(status));
}

} // namespace bem
