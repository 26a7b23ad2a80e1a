// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>

QT_BEGIN_NAMESPACE
class QHttpServer;
QT_END_NAMESPACE

namespace bem {

// One request as the local server received it, for tests to assert on what actually went
// over the wire (not on the client's own bookkeeping).
struct ServerRequestRecord
{
    QByteArray method;
    // The request target's path exactly as sent, still percent-encoded ("/v2/calls/a%2Fb").
    QByteArray rawPath;
    // The decoded callID when the path is /v2/calls/{one segment}; empty otherwise.
    QString callId;
    // The raw query string without '?', e.g. "limit=5&callIDs=a&callIDs=b".
    QByteArray query;
    // Header values as received; empty when the header was absent.
    QByteArray apiKey; // x-api-key
    QByteArray userAgent;
    QByteArray accept;
    // QDateTime::currentMSecsSinceEpoch() when the request arrived.
    qint64 receivedAtMs = 0;
};

// What a test wants served for one callID, overriding the built-in scenarios.
struct CannedResponse
{
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    // Extra headers, e.g. {"Retry-After", "2"} or {"Location", "http://…"}.
    QList<QPair<QByteArray, QByteArray>> headers;
    // Answer this many milliseconds late (0 = at once).
    int delayMs = 0;
};

// A local bem API, bound to 127.0.0.1 on an ephemeral port, serving
// GET /v2/calls/{callID} and GET /v2/calls with the real response shapes and error bodies
// ({"message", "code", "details"}). It runs the demo (`--demo`) and every network test.
//
// Built-in scenarios, by callID (see DemoCalls in demoscenarios.h for the IDs):
// a workflow call that progresses one stage per GET (pending → running with route, split,
// transforms and activity advancing → completed), a failed call, a single function call
// with input.singleFile, a batch with input.batchFiles, 429 with Retry-After then
// recovery, 500 then recovery, an HTML 502, a slow answer, a truncated body, invalid JSON,
// a 200 carrying only "error", a same-origin redirect and a redirect to another origin.
// Any other callID is a 404. A request without the right x-api-key is a 401.
class LocalBemServer final : public QObject
{
    Q_OBJECT
public:
    explicit LocalBemServer(QObject *parent = nullptr);
    ~LocalBemServer() override;
    Q_DISABLE_COPY_MOVE(LocalBemServer)

    // Binds 127.0.0.1 on an ephemeral port. Returns false (and logs why) on failure.
    bool listen();
    quint16 port() const;
    // http://127.0.0.1:<port> — no trailing slash.
    QUrl baseUrl() const;

    // The key every request must carry in x-api-key; a missing or different key is a 401.
    // Defaults to demoApiKey().
    void setApiKey(const QByteArray &key);
    static QByteArray demoApiKey();

    // Where the "redirect to another origin" scenario sends the client (the test's second
    // server): "/v2/calls/wf_demo_batch" is appended to it.
    void setRedirectTarget(const QUrl &base);
    // How late the slow scenario answers (default 3000 ms).
    void setSlowDelayMs(int ms);
    // Retry-After sent by the rate-limited scenario, in seconds (default 2).
    void setRetryAfterSeconds(int seconds);
    // How many requests the rate-limited and flaky (500) scenarios fail before they
    // recover (default 2).
    void setFailuresBeforeRecovery(int count);

    // Serves these responses for `callId`, one per request in order; the last one repeats.
    // Overrides any built-in scenario for that ID.
    void setResponses(const QString &callId, const QList<CannedResponse> &responses);
    // Restarts every scenario from its first stage and forgets canned responses' progress.
    void resetScenarios();

    QList<ServerRequestRecord> requests() const;
    // Requests for one callID (decoded), in order.
    QList<ServerRequestRecord> requestsFor(const QString &callId) const;
    void clearRequests();

Q_SIGNALS:
    void requestReceived(const bem::ServerRequestRecord &record);

private:
    // All state lives here, so the header names no HTTP-server types beyond a declaration.
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace bem
