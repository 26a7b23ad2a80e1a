// SPDX-License-Identifier: MIT
#pragma once

#include "fetchresult.h"

#include <QElapsedTimer>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QUrl>

#include <optional>

QT_BEGIN_NAMESPACE
class QNetworkAccessManager;
class QNetworkRequest;
QT_END_NAMESPACE

namespace bem {

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

// Reads calls from the bem API over HTTP: GET {base}/v2/calls/{callID}. It only moves
// bytes: a 2xx body arrives as Success (or Unchanged when identical to the bytes shown)
// and is parsed elsewhere (CallLoader, by the session). At most one request is in
// flight; starting another cancels it, and a canceled request never reports. Every
// ending becomes one FetchResult (finished()), including the refusals that happen before
// any byte is sent (no key, plain http to another machine, a bad ID).
//
// A client serves one caller: a CallSession drives its own client, and anything else (a
// settings dialog checking a key, say) uses a client of its own, since any new request
// cancels the one in flight.
//
// The key is held in memory only, sent in x-api-key, and only to https or loopback
// http; redirects are followed within the same origin only, so the key never reaches
// another site. It never appears in a result's message or details.
class BemClient final : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultTransferTimeoutMs = 30'000;
    static constexpr qint64 DefaultMaxBodyBytes = 256LL * 1024 * 1024; // README, "Limits"
    // How much Qt may read ahead of us (we take the bytes as they arrive).
    static constexpr qint64 ReadAheadBytes = 1024 * 1024;

    explicit BemClient(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~BemClient() override;
    Q_DISABLE_COPY_MOVE(BemClient)

    void setBaseUrl(const QUrl &url) { m_baseUrl = url; }
    QUrl baseUrl() const { return m_baseUrl; }
    void setApiKey(const QString &key) { m_apiKey = key; }
    bool hasApiKey() const { return !m_apiKey.isEmpty(); }
    // Inactivity timeout: no byte for this long ends the request as a timeout.
    void setTransferTimeoutMs(int ms) { m_transferTimeoutMs = ms; }
    int transferTimeoutMs() const { return m_transferTimeoutMs; }
    // A body announced or grown beyond this is refused instead of filling memory.
    void setMaxBodyBytes(qint64 bytes) { m_maxBodyBytes = bytes; }

    // Starts loading `callId`, canceling a request in flight. When the 2xx body equals
    // `knownBody` byte for byte, the result is Unchanged.
    void fetchCall(const QString &callId, const QByteArray &knownBody = {});
    // GET /v2/calls?limit=1: checks the base URL and the key without loading a call.
    void checkConnection();
    // Drops the request in flight, if any; it will not report.
    void cancel();
    bool isBusy() const { return m_reply != nullptr; }

    // "bem-call-inspector/0.1.0 (Qt 6.4.2; Linux)".
    static QByteArray userAgent();

Q_SIGNALS:
    void finished(const bem::FetchResult &result);
    void connectionChecked(const bem::FetchResult &result);

private:
    enum class Purpose { Call, ConnectionCheck };
    void start(Purpose purpose, const QUrl &url, const QString &callId);
    void refuse(Purpose purpose, FetchResult result);
    void onFinished(QNetworkReply *reply);
    FetchResult resultOf(QNetworkReply *reply);
    void report(Purpose purpose, const FetchResult &result);

    QNetworkAccessManager *m_network;
    QUrl m_baseUrl;
    QString m_apiKey;
    QString m_sentKey; // the key of the request in flight
    int m_transferTimeoutMs = DefaultTransferTimeoutMs;
    qint64 m_maxBodyBytes = DefaultMaxBodyBytes;

    // The request in flight and what is known about it.
    QPointer<QNetworkReply> m_reply;
    // Bumped by every start and cancel, so a refusal queued for an older request is dropped.
    quint64 m_generation = 0;
    Purpose m_purpose = Purpose::Call;
    QString m_callId;
    QByteArray m_knownBody;
    QElapsedTimer m_elapsed;
    bool m_tooLarge = false;
    // The body read so far (taken from Qt as it arrives, to check its size).
    QByteArray m_body;
    QStringList m_tlsErrors;
};

} // namespace bem
