// SPDX-License-Identifier: MIT
#include "serverreply.h"

#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QTcpSocket>

namespace bem {

QByteArray compactJson(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

ServerReply ServerReply::json(const QByteArray &body)
{
    ServerReply r;
    r.body = body;
    return r;
}

ServerReply ServerReply::error(int status, const QString &message, const QJsonObject &details)
{
    ServerReply r;
    r.status = status;
    r.body = compactJson(QJsonObject{{QStringLiteral("message"), message},
                                     {QStringLiteral("code"), status},
                                     {QStringLiteral("details"), details}});
    return r;
}

ServerReply ServerReply::redirect(const QByteArray &location)
{
    ServerReply r;
    r.status = 302;
    r.contentType.clear();
    r.headers.append({QByteArrayLiteral("Location"), location});
    return r;
}

void sendReply(QHttpServerResponder &&responder, const ServerReply &reply)
{
    QHttpServerResponse response(reply.contentType, reply.body,
                                 QHttpServerResponder::StatusCode(reply.status));
    for (const auto &[name, value] : reply.headers)
        response.addHeader(name, value);
    response.write(std::move(responder));
}

void sendTruncated(QTcpSocket *socket, const ServerReply &reply)
{
    if (!socket)
        return;
    QByteArray head = QByteArrayLiteral("HTTP/1.1 ") + QByteArray::number(reply.status) +
                      QByteArrayLiteral(" OK\r\nContent-Type: ") + reply.contentType +
                      QByteArrayLiteral("\r\nContent-Length: ") +
                      QByteArray::number(reply.body.size()) + QByteArrayLiteral("\r\n");
    for (const auto &[name, value] : reply.headers)
        head += name + QByteArrayLiteral(": ") + value + QByteArrayLiteral("\r\n");
    head += QByteArrayLiteral("\r\n");
    socket->write(head + reply.body.left(reply.body.size() / 2));
    // Closes once the bytes above are written; the client sees the peer hang up mid-body.
    socket->disconnectFromHost();
}

} // namespace bem
