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

// Which endpoint of the local API a request asked for, so tests can count requests per
// endpoint (a client polling v3 asks for the call and its trace separately).
enum class ServerEndpoint {
    Unknown,   // any other path (answered with a 404)
    V2Call,    // GET /v2/calls/{callID}
    V2Calls,   // GET /v2/calls
    V3Call,    // GET /v3/calls/{callID}
    V3Trace,   // GET /v3/calls/{callID}/trace
    V3Calls,   // GET /v3/calls
    V3Outputs, // GET /v3/outputs
    V3Errors,  // GET /v3/errors
    V3Output,  // GET /v3/outputs/{eventID}
    V3Error,   // GET /v3/errors/{eventID}
};
// "v2/call", "v2/calls", "v3/call", "v3/trace", "v3/calls", "v3/outputs", "v3/errors",
// "v3/output", "v3/error" or "unknown": for test messages and logs.
QString endpointName(ServerEndpoint endpoint);

// One request as the local server received it, for tests to assert on what actually went
// over the wire (not on the client's own bookkeeping).
struct ServerRequestRecord
{
    QByteArray method;
    // The request target's path exactly as sent, still percent-encoded ("/v2/calls/a%2Fb").
    QByteArray rawPath;
    ServerEndpoint endpoint = ServerEndpoint::Unknown;
    // The decoded callID when the path is /v2/calls/{one segment}, /v3/calls/{one segment}
    // or /v3/calls/{one segment}/trace; empty otherwise.
    QString callId;
    // The decoded eventID of /v3/outputs/{eventID} and /v3/errors/{eventID}; empty otherwise.
    QString eventId;
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
// GET /v2/calls/{callID} and GET /v2/calls, and v3: GET /v3/calls/{callID}, its /trace,
// GET /v3/calls, GET /v3/outputs, GET /v3/errors and their one-event forms, with the real
// response shapes and error bodies ({"message", "code", "details"}). It runs the demo
// (`--demo`) and every network test.
//
// v3 views (call, trace, outputs, errors) are derived from the same v2 bodies (see
// v3views.h), so both versions tell the same story. The single function call is on v2
// only (v3 has no function calls); DemoCalls::v3Only() is on v3 only. The progressing call
// advances one stage per GET of the call, v2 or v3; a GET of its trace does not advance it
// and shows the stage the last call GET showed. The fault scenarios answer the same way on
// /v3/calls/{id} and its trace as on /v2/calls/{id} (each endpoint counts its own failures
// for the trace); their successful body is the batch call's, and their redirects point to
// the same endpoint of wf_demo_batch.
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
    // server): "/v2/calls/wf_demo_batch" (or its v3 path when asked on v3) is appended to it.
    void setRedirectTarget(const QUrl &base);
    // How late the slow scenario answers (default 3000 ms).
    void setSlowDelayMs(int ms);
    // Every answer is sent this much later than it would be (default 0): requests stay in
    // flight long enough to overlap, as on a real network.
    void setResponseDelayMs(int ms);
    // Retry-After sent by the rate-limited scenario, in seconds (default 2).
    void setRetryAfterSeconds(int seconds);
    // How many requests the rate-limited and flaky (500) scenarios, and the trace of
    // DemoCalls::traceFlaky(), fail before they recover (default 2).
    void setFailuresBeforeRecovery(int count);

    // Serves these responses for GET /v2/calls/{callId}, one per request in order; the last
    // one repeats. Overrides any built-in scenario for that ID. An empty list removes them.
    void setResponses(const QString &callId, const QList<CannedResponse> &responses);
    // The same for ServerEndpoint::V3Call or V3Trace (another endpoint is ignored). A callID
    // with canned responses on any endpoint is wholly canned: its endpoints without any
    // answer 404, so a call canned on v2 only is a v2-only call to a client that probes v3.
    void setV3Responses(const QString &callId, ServerEndpoint endpoint,
                        const QList<CannedResponse> &responses);
    // The demo's crowd of calls for the list endpoints (see demolistcalls.h): `count` more
    // calls on GET /v2/calls and /v3/calls, the newest of which finish, and new ones
    // appear, as requests for a first page come in (the list's own clock, restarted by
    // resetScenarios(); a page asked with a cursor reads the list as it stands, so pages
    // fit together). 0, the default, lists only the scenario calls.
    void setListedCallCount(int count);
    // Answers for GET /v2/calls (ServerEndpoint::V2Calls) or /v3/calls (V3Calls), one per
    // request in order; after the last, the real list again. Queued answers do not move
    // the list's clock.
    void setListResponses(ServerEndpoint endpoint, const QList<CannedResponse> &responses);
    // Restarts every scenario from its first stage and forgets canned responses' progress.
    void resetScenarios();

    QList<ServerRequestRecord> requests() const;
    // Requests for one callID (decoded), in order: every endpoint (v2, v3 call, trace).
    QList<ServerRequestRecord> requestsFor(const QString &callId) const;
    // Requests for one callID on one endpoint, in order.
    QList<ServerRequestRecord> requestsFor(const QString &callId, ServerEndpoint endpoint) const;
    // Requests to one endpoint, whatever the callID.
    QList<ServerRequestRecord> requestsTo(ServerEndpoint endpoint) const;
    void clearRequests();
    // Requests received and not yet answered (nor hung up on), and the most there were at
    // once since the start or resetMaxInFlight().
    int inFlight() const;
    int maxInFlight() const;
    void resetMaxInFlight();
    // Requests whose client hung up before the answer was sent (a canceled request), in
    // the order they were dropped.
    QList<ServerRequestRecord> canceledRequests() const;

Q_SIGNALS:
    void requestReceived(const bem::ServerRequestRecord &record);

private:
    // All state lives here, so the header names no HTTP-server types beyond a declaration.
    // Declared in localbemserverimpl.h so that its endpoints can live in their own files.
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace bem
