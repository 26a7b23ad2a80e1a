// SPDX-License-Identifier: MIT
#pragma once

#include "apiendpoint.h"
#include "apiversionchoice.h"
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

class RequestGate;

// Reads from the bem API over HTTP: a call (GET {base}/v2/calls/{callID} or
// /v3/calls/{callID}), a v3 call's trace, a page of its outputs or errors. It only moves
// bytes: a 2xx body arrives as Success (or Unchanged when identical to the bytes shown)
// and is parsed elsewhere (CallLoader, by the session). At most one request is in
// flight; starting another cancels it, and a canceled request never reports. Every
// ending becomes one FetchResult (finished()), including the refusals that happen before
// any byte is sent (no key, plain http to another machine, a bad ID).
//
// A client serves one caller and one endpoint at a time: a CallSession drives one client
// per endpoint it polls (the call, the trace, the event pages), and anything else (a
// settings dialog checking a key, say) uses a client of its own, since any new request
// cancels the one in flight.
//
// Given a RequestGate, the client asks it for a turn before a request goes out (a refusal
// sends nothing and needs none) and gives the turn back however the request ends; while it
// waits, isBusy() and isWaitingForTurn() are true, and cancel() leaves the queue. The
// transfer timeout counts from the moment the request goes out.
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

    // Starts loading `callId` from the v2 API, canceling a request in flight. When the 2xx
    // body equals `knownBody` byte for byte, the result is Unchanged.
    void fetchCall(const QString &callId, const QByteArray &knownBody = {})
    {
        fetchCall(callId, ApiVersion::V2, knownBody);
    }
    void fetchCall(const QString &callId, ApiVersion version, const QByteArray &knownBody = {});
    // GET /v3/calls/{callID}/trace, as fetchCall().
    void fetchTrace(const QString &callId, const QByteArray &knownBody = {});
    // GET of an URL built by ApiEndpoint (an events page), as fetchCall(); `callId` is
    // only copied into the result.
    void fetchUrl(const QUrl &url, const QString &callId, const QByteArray &knownBody = {});
    // Checks the base URL and the key without loading a call: GET /v3/calls?limit=1 and
    // /v2/calls?limit=1 for Auto (the result's versionsAnswered says which answered), one
    // of them for V3 or V2. One connectionChecked() at the end. Without an argument it
    // checks v2 only, as it always did.
    void checkConnection(ApiVersionChoice choice = ApiVersionChoice::V2);
    // Drops the request in flight (or waiting for a turn), if any; it will not report.
    void cancel();
    bool isBusy() const { return m_reply != nullptr || m_waitingForTurn; }

    // Requests ask `gate` for a turn from the next one on; `group` is the environment (a
    // 429 holds back the whole group) and `party` who takes turns (a session's clients
    // share one; null: this client on its own). A null gate: requests go out at once.
    void setRequestGate(RequestGate *gate, const QString &group, const QObject *party = nullptr);
    RequestGate *requestGate() const;
    QString requestGroup() const { return m_gateGroup; }
    // A request was asked for and waits for its turn at the gate.
    bool isWaitingForTurn() const { return m_waitingForTurn; }

    // "bem-call-inspector/0.1.0 (Qt 6.4.2; Linux)".
    static QByteArray userAgent();

Q_SIGNALS:
    void finished(const bem::FetchResult &result);
    void connectionChecked(const bem::FetchResult &result);
    // A request that waited for its turn at the gate went out.
    void requestSent();

private:
    enum class Purpose { Call, ConnectionCheck };
    void fetchChecked(const QUrl &url, const QString &callId, const QString &error,
                      const QByteArray &knownBody);
    void start(Purpose purpose, const QUrl &url, const QString &callId);
    // After one connection check ended: asks the next version, or reports.
    void continueCheck(const FetchResult &result);
    void refuse(Purpose purpose, FetchResult result);
    void send(const QNetworkRequest &request);
    void onTurn();
    // Gives the gate's turn back (or leaves its queue); nothing without a ticket.
    void releaseTurn();
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
    // The connection check: the version asked now, and what the v3 check gave (Auto).
    ApiVersionChoice m_checkChoice = ApiVersionChoice::Auto;
    ApiVersion m_checkVersion = ApiVersion::V3;
    std::optional<FetchResult> m_v3Check;
    QElapsedTimer m_elapsed;
    bool m_tooLarge = false;
    // The body read so far (taken from Qt as it arrives, to check its size).
    QByteArray m_body;
    QStringList m_tlsErrors;

    QPointer<RequestGate> m_gate;
    QString m_gateGroup;
    quintptr m_gateParty = 0;
    // The ticket held (waiting or out) and the gate that gave it: the gate may be changed
    // while a request is out.
    QPointer<RequestGate> m_turnGate;
    quint64 m_ticket = 0;
    bool m_waitingForTurn = false;
    std::optional<QNetworkRequest> m_queuedRequest; // the request waiting for its turn
};

} // namespace bem
