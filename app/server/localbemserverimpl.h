// SPDX-License-Identifier: MIT
#pragma once

#include "localbemserver.h"
#include "serverreply.h"
#include "v3views.h"

#include <QHash>
#include <QHttpServer>
#include <QPointer>
#include <QTimer>

#include <optional>

namespace bem {

// The local server's state and endpoints: requests and sockets in localbemserver.cpp, the
// one-call endpoints and their scenarios in callroutes.cpp, the v3 lists and events in
// v3routes.cpp.
struct LocalBemServer::Impl
{
    explicit Impl(LocalBemServer *owner)
        : q(owner)
    {}

    void handleRequest(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    ServerReply replyFor(const ServerRequestRecord &record, bool isGet);

    // callroutes.cpp: /v2/calls/{id}, /v3/calls/{id} and /v3/calls/{id}/trace.
    ServerReply getCall(ServerEndpoint endpoint, const QString &id);
    std::optional<ServerReply> cannedReply(ServerEndpoint endpoint, const QString &id);
    ServerReply scenarioReply(ServerEndpoint endpoint, const QString &id, int previous);
    // The body of `v2Body`'s call as `endpoint` shows it.
    static ServerReply bodyFor(ServerEndpoint endpoint, const QByteArray &v2Body,
                               const V3Hints &hints = {});
    ServerReply redirectTo(ServerEndpoint endpoint, QUrl base) const;

    // v3routes.cpp: the lists and single events.
    ServerReply listCalls(const QByteArray &rawQuery);
    ServerReply listV3Calls(const QByteArray &rawQuery);
    // A canned answer queued for this list endpoint, if any (served once each).
    std::optional<ServerReply> cannedListReply(ServerEndpoint endpoint);
    // The demo crowd as the list's clock stands; a first page moves the clock on.
    QList<QJsonObject> listedCallsNow(const QByteArray &rawQuery);
    ServerReply listEvents(ServerEndpoint endpoint, const QByteArray &rawQuery);
    ServerReply oneEvent(ServerEndpoint endpoint, const QString &eventId);
    // The v3 views of every call /v3/calls lists, the progressing one at its last stage.
    QList<V3View> v3Views();

    LocalBemServer *const q;
    QHttpServer http;
    // GETs that reached a callID's answer since the last reset: the progressing call's
    // stage, the failing scenarios' count. Keyed by callID for the call (v2 and v3 share
    // it) and by "v3/trace\n" + callID for the trace.
    QHash<QString, int> getCounts;
    // Canned sequences by endpointName + "\n" + callID, and their position.
    QHash<QString, QList<CannedResponse>> canned;
    QHash<QString, int> cannedCounts;
    // Views of the calls that never change, built once.
    QHash<QString, V3View> fixedViews;
    // Late answers not yet sent; deleting one drops its responder without writing.
    QList<QPointer<QTimer>> pendingTimers;
    // The calls browser's crowd (setListedCallCount), its clock (list requests answered)
    // and answers queued for the list endpoints (setListResponses).
    int listedCallCount = 0;
    int listTick = 0;
    QHash<int, QList<CannedResponse>> listCanned;
    QList<ServerRequestRecord> requests;
    QList<ServerRequestRecord> canceled;
    int inFlight = 0;
    int maxInFlight = 0;
    int responseDelayMs = 0;

    quint16 port = 0;
    QByteArray apiKey = demoApiKey();
    QUrl redirectTarget;
    int slowDelayMs = 3000;
    int retryAfterSeconds = 2;
    int failuresBeforeRecovery = 2;
};

} // namespace bem
