// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

QT_BEGIN_NAMESPACE
class QHttpServerResponder;
class QTcpSocket;
QT_END_NAMESPACE

namespace bem {

// What the local server sends back for one request, and the two ways it goes on the
// wire: kept apart from LocalBemServer so the endpoints (the call, the list) build
// replies without knowing about sockets.
struct ServerReply
{
    int status = 200;
    QByteArray contentType = QByteArrayLiteral("application/json");
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    int delayMs = 0;
    // Announce the whole body but send only part of it, then hang up.
    bool truncate = false;

    // A 200 with this JSON body.
    static ServerReply json(const QByteArray &body);
    // bem's error shape ({"message", "code", "details"}); built as JSON (never by pasting
    // strings) because the message and details carry client-chosen text such as the callID.
    static ServerReply error(int status, const QString &message, const QJsonObject &details = {});
    // A 302 to `location` (already encoded), without a body.
    static ServerReply redirect(const QByteArray &location);
};

QByteArray compactJson(const QJsonObject &o);

// Writes `reply` whole through QHttpServer.
void sendReply(QHttpServerResponder &&responder, const ServerReply &reply);
// Bypasses QHttpServer to put a short body on the wire: the head announces the whole
// body, half of it is sent, then the connection closes. QHttpServerResponder's destructor
// writes nothing in Qt 6.4, so the server adds no response of its own afterwards.
void sendTruncated(QTcpSocket *socket, const ServerReply &reply);

} // namespace bem
