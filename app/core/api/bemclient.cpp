// SPDX-License-Identifier: MIT
#include "bemclient.h"

#include "apiendpoint.h"
#include "formatting.h"
#include "replyending.h"
#include "requestgate.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslError>
#include <QSysInfo>

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

void BemClient::fetchCall(const QString &callId, ApiVersion version, const QByteArray &knownBody)
{
    QString error;
    const QUrl url = ApiEndpoint::callUrl(m_baseUrl, callId, version, &error);
    fetchChecked(url, callId, error, knownBody);
}

void BemClient::fetchTrace(const QString &callId, const QByteArray &knownBody)
{
    QString error;
    const QUrl url = ApiEndpoint::traceUrl(m_baseUrl, callId, &error);
    fetchChecked(url, callId, error, knownBody);
}

void BemClient::fetchUrl(const QUrl &url, const QString &callId, const QByteArray &knownBody)
{
    fetchChecked(url, callId, QString(), knownBody);
}

void BemClient::fetchChecked(const QUrl &url, const QString &callId, const QString &error,
                             const QByteArray &knownBody)
{
    cancel();
    m_knownBody = knownBody;
    if (!url.isValid()) {
        FetchResult r;
        r.outcome = FetchOutcome::InvalidRequest;
        r.callId = callId;
        r.message = error.isEmpty() ? tr("The base URL is not valid.") : error;
        refuse(Purpose::Call, r);
        return;
    }
    start(Purpose::Call, url, callId.trimmed());
}

void BemClient::checkConnection(ApiVersionChoice choice)
{
    cancel();
    m_knownBody.clear();
    m_checkChoice = choice;
    m_v3Check.reset();
    m_checkVersion = choice == ApiVersionChoice::V2 ? ApiVersion::V2 : ApiVersion::V3;
    start(Purpose::ConnectionCheck, ApiEndpoint::callListUrl(m_baseUrl, 1, m_checkVersion),
          QString());
}

void BemClient::continueCheck(const FetchResult &result)
{
    const bool nothingSent = result.outcome == FetchOutcome::NoApiKey ||
                             result.outcome == FetchOutcome::InsecureTransport ||
                             result.outcome == FetchOutcome::InvalidRequest;
    if (m_checkChoice == ApiVersionChoice::Auto && m_checkVersion == ApiVersion::V3 &&
        !nothingSent) {
        // Both versions are asked: a server may speak only one of them (a proxy, an
        // older deployment), and the user wants to know which.
        m_v3Check = result;
        m_checkVersion = ApiVersion::V2;
        start(Purpose::ConnectionCheck, ApiEndpoint::callListUrl(m_baseUrl, 1, ApiVersion::V2),
              QString());
        return;
    }
    FetchResult r = result;
    const QString host = r.url.host();
    if (m_checkChoice != ApiVersionChoice::Auto) {
        if (r.outcome == FetchOutcome::Success) {
            r.versionsAnswered = {m_checkVersion};
            r.message = tr("Connected to %1; the API key works with the %2 API.")
                            .arg(host, ApiEndpoint::versionName(m_checkVersion));
        }
        Q_EMIT connectionChecked(r);
        return;
    }
    if (!m_v3Check) { // nothing was sent
        Q_EMIT connectionChecked(r);
        return;
    }
    const FetchResult v3 = *std::exchange(m_v3Check, std::nullopt);
    const bool v3Ok = v3.outcome == FetchOutcome::Success;
    const bool v2Ok = r.outcome == FetchOutcome::Success;
    if (v3Ok && v2Ok) {
        r.versionsAnswered = {ApiVersion::V3, ApiVersion::V2};
        r.message = tr("Connected to %1; the API key works with the v3 and v2 APIs.").arg(host);
    } else if (v3Ok) {
        const QString v2Message = r.message;
        r = v3;
        r.versionsAnswered = {ApiVersion::V3};
        r.message = tr("Connected to %1; the API key works with the v3 API (the v2 API did not "
                       "answer: %2)")
                        .arg(host, v2Message);
    } else if (v2Ok) {
        r.versionsAnswered = {ApiVersion::V2};
        r.message = tr("Connected to %1; the API key works with the v2 API only (the v3 API "
                       "did not answer: %2)")
                        .arg(host, v3.message);
    } else if (v3.outcome != FetchOutcome::NotFound) {
        r = v3; // a refused key or a dead server says more than v2's echo of it
    }
    Q_EMIT connectionChecked(r);
}

void BemClient::cancel()
{
    ++m_generation;
    releaseTurn();
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    m_body.clear();
    reply->disconnect(this);
    reply->abort();
    reply->deleteLater();
}

void BemClient::setRequestGate(RequestGate *gate, const QString &group, const QObject *party)
{
    m_gate = gate;
    m_gateGroup = group;
    m_gateParty = party ? quintptr(party) : quintptr(this);
}

RequestGate *BemClient::requestGate() const
{
    return m_gate;
}

void BemClient::releaseTurn()
{
    m_waitingForTurn = false;
    m_queuedRequest.reset();
    if (const quint64 ticket = std::exchange(m_ticket, 0); ticket != 0 && m_turnGate)
        m_turnGate->done(ticket);
    m_turnGate = nullptr;
}

void BemClient::onTurn()
{
    if (!m_waitingForTurn || !m_queuedRequest)
        return;
    m_waitingForTurn = false;
    const QNetworkRequest request = *std::exchange(m_queuedRequest, std::nullopt);
    send(request);
    Q_EMIT requestSent();
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
        refusal.message =
            tr("No API key is set. Set BEM_API_KEY in the environment or enter a key in "
               "Settings.");
        refuse(purpose, refusal);
        return;
    }

    QNetworkRequest request(url);
    m_sentKey = m_apiKey;
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

    if (!m_gate) {
        send(request);
        return;
    }
    // The turn is granted from the event loop: the request waits (and cancel() drops it)
    // until then.
    m_queuedRequest = request;
    m_waitingForTurn = true;
    m_turnGate = m_gate;
    const quint64 generation = m_generation;
    m_ticket = m_gate->ask(m_gateGroup, m_gateParty, [this, generation] {
        if (generation == m_generation)
            onTurn();
    });
}

void BemClient::send(const QNetworkRequest &request)
{
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
    const QString group = m_gateGroup;
    QPointer<RequestGate> gate = m_turnGate;
    releaseTurn();
    const FetchResult result = resultOf(reply);
    if (gate && result.httpStatus == 429)
        gate->rateLimited(group, result.retryAfterSeconds);
    else if (gate && result.httpStatus != 0)
        gate->answered(group);
    report(m_purpose, result);
}

void BemClient::report(Purpose purpose, const FetchResult &result)
{
    // A server that echoes the key back (in an error message, say) must not make us show
    // or log it.
    // The key the request was sent with, and the current one (the key may have changed
    // while the request was out).
    FetchResult r = result;
    for (const QString &key : {m_sentKey, m_apiKey}) {
        if (key.isEmpty())
            continue;
        const QString mask = QStringLiteral("[API key removed]");
        r.message.replace(key, mask);
        r.details.replace(key, mask);
        r.serverMessage.replace(key, mask);
        // The body too: the raw view shows it and Save JSON writes it to a file.
        r.body.replace(key.toUtf8(), mask.toUtf8());
    }
    if (purpose == Purpose::Call)
        Q_EMIT finished(r);
    else
        continueCheck(r);
}

FetchResult BemClient::resultOf(QNetworkReply *reply)
{
    FetchResult r;
    r.callId = m_callId;
    r.url = reply->request().url();
    r.elapsedMs = m_elapsed.elapsed();
    const QNetworkReply::NetworkError error = reply->error();
    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    r.httpStatus = statusAttribute.isValid() ? statusAttribute.toInt() : 0;
    r.contentType = reply->rawHeader("Content-Type");
    const QString reason =
        reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString().trimmed();

    QStringList details{QStringLiteral("GET %1").arg(r.url.toString())};
    if (r.httpStatus != 0)
        details << httpStatusLine(r.httpStatus, reason);
    if (error != QNetworkReply::NoError)
        details << QStringLiteral("Network error %1: %2").arg(int(error)).arg(reply->errorString());
    if (!m_tlsErrors.isEmpty())
        details << QStringLiteral("TLS: %1").arg(m_tlsErrors.join(QStringLiteral("; ")));
    const auto finish = [&](const ReplyEnding &ending) {
        r.outcome = ending.outcome;
        r.message = ending.message;
        if (!r.serverMessage.isEmpty()) {
            r.message += u' ' + tr("The server said: \u201c%1\u201d").arg(r.serverMessage);
            details << QStringLiteral("Server message: %1").arg(r.serverMessage);
        }
        r.details = details.join(u'\n');
        return r;
    };

    // Endings we caused or that happened before any HTTP answer.
    if (m_tooLarge)
        return finish({FetchOutcome::TooLarge,
                       tr("The response is larger than %1, so it was not loaded.")
                           .arg(QLocale::c().formattedDataSize(
                               m_maxBodyBytes, 0, QLocale::DataSizeTraditionalFormat))});
    const bool redirect = error == QNetworkReply::InsecureRedirectError ||
                          error == QNetworkReply::TooManyRedirectsError;
    if (r.httpStatus == 0 || redirect || error == QNetworkReply::OperationCanceledError) {
        QUrl target;
        if (redirect) {
            target =
                r.url.resolved(QUrl::fromEncoded(reply->rawHeader("Location"), QUrl::TolerantMode));
            if (target.isValid())
                details << QStringLiteral("Redirected to: %1").arg(target.toString());
        }
        return finish(classifyNetworkError(error, r.url, reply->errorString(), m_tlsErrors,
                                           m_transferTimeoutMs, target));
    }

    const QByteArray body = std::exchange(m_body, {}) + reply->readAll();
    if (r.httpStatus >= 200 && r.httpStatus < 300) {
        const qint64 announced = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
        const bool decoded = !reply->rawHeader("Content-Encoding").isEmpty();
        if (error == QNetworkReply::RemoteHostClosedError ||
            (!decoded && announced > 0 && body.size() < announced)) {
            r.body = body.left(MaxFailedBodyBytes);
            return finish({FetchOutcome::Truncated,
                           announced > 0
                               ? tr("The response was cut off after %1 of %2 bytes.")
                                     .arg(body.size())
                                     .arg(announced)
                               : tr("The response was cut off after %1 bytes.").arg(body.size())});
        }
        r.body = body;
        if (m_purpose == Purpose::ConnectionCheck) {
            const QJsonDocument doc = QJsonDocument::fromJson(body);
            if (doc.isObject() && doc.object().value(QLatin1String("calls")).isArray())
                return finish({FetchOutcome::Success,
                               tr("Connected to %1; the API key works.").arg(r.url.host())});
            details << QStringLiteral("Body: %1").arg(bodyExcerpt(body));
            return finish({FetchOutcome::InvalidResponse,
                           tr("%1 answered, but not like the bem API. Check the base URL.")
                               .arg(r.url.host())});
        }
        if (!m_knownBody.isNull() && body == m_knownBody)
            return finish({FetchOutcome::Unchanged, tr("No change.")});
        return finish({FetchOutcome::Success, tr("Received.")});
    }

    // The raw view shows what came instead of a call; an error page is never large.
    r.body = body.left(MaxFailedBodyBytes);
    const ErrorBody errorBody = readErrorBody(body);
    r.serverMessage = errorBody.message;
    if (errorBody.message.isEmpty() && !errorBody.raw.isEmpty())
        details << QStringLiteral("Body: %1").arg(errorBody.raw);
    if (r.httpStatus == 429) {
        r.retryAfterSeconds = parseRetryAfter(reply->rawHeader("Retry-After"));
        if (r.retryAfterSeconds)
            details << QStringLiteral("Retry-After: %1 s").arg(*r.retryAfterSeconds);
    }
    return finish(classifyHttpStatus(r.httpStatus, reason, r.url,
                                     m_purpose == Purpose::ConnectionCheck, errorBody.isHtml,
                                     r.retryAfterSeconds));
}

} // namespace bem
