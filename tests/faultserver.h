// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

#include <sys/socket.h>

#include <memory>
#include <utility>

namespace bem::test {

// What the fault server does with one request.
struct FaultReply
{
    enum class Kind {
        Respond,        // a well-formed answer: status, headers, body, Content-Length
        CloseAtOnce,    // close the connection without sending a single byte
        ResetMidBody,   // headers and half the announced body, then a TCP reset
        AnnounceHuge,   // Content-Length of 10 GiB, a few bytes, then nothing (left open)
        StreamUnbounded // no Content-Length (Connection: close): body bytes until the
                        // client goes away or `streamBytes` have been sent
    };
    Kind kind = Kind::Respond;
    int status = 200;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    qint64 streamBytes = 0;

    static FaultReply ok(const QByteArray &body) { return {Kind::Respond, 200, body, {}, 0}; }
};

// An HTTP/1.1 server on 127.0.0.1 that misbehaves at the TCP level on request, which
// QHttpServer cannot: a real QTcpServer and real sockets, for the faults a network or a
// broken proxy produces. It answers every request (any path) with the next scripted
// reply; the last one repeats. It can stop listening and listen again on the same port
// (a server that disappears and comes back).
class FaultServer
{
public:
    FaultServer()
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] { acceptAll(); });
    }
    ~FaultServer() { close(); }
    Q_DISABLE_COPY_MOVE(FaultServer)

    bool listen(quint16 port = 0)
    {
        if (!m_server.listen(QHostAddress::LocalHost, port))
            return false;
        m_port = m_server.serverPort();
        return true;
    }
    // Stops listening and drops every open connection: the machine is gone.
    void close()
    {
        m_server.close();
        for (const QPointer<QTcpSocket> &s : std::as_const(m_sockets)) {
            if (s)
                s->abort();
        }
        m_sockets.clear();
    }
    bool isListening() const { return m_server.isListening(); }
    quint16 port() const { return m_port; }
    QUrl baseUrl() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port)); }

    void setReplies(const QList<FaultReply> &replies)
    {
        m_replies = replies;
        m_next = 0;
    }

    // Request heads as received (request line and headers), and when they arrived.
    QList<QByteArray> requests;
    QList<qint64> requestTimesMs;
    // For StreamUnbounded: body bytes handed to the socket, and whether the client hung
    // up before the stream was complete.
    qint64 streamedBytes = 0;
    bool clientHungUp = false;

private:
    void acceptAll()
    {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            m_sockets.append(socket);
            auto buffer = std::make_shared<QByteArray>();
            QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
                if (buffer->endsWith("\r\n\r\n"))
                    return; // one request per connection: the rest is ignored
                buffer->append(socket->readAll());
                const qsizetype end = buffer->indexOf("\r\n\r\n");
                if (end < 0)
                    return;
                buffer->truncate(end + 4);
                requests.append(*buffer);
                requestTimesMs.append(QDateTime::currentMSecsSinceEpoch());
                serve(socket);
            });
        }
    }

    FaultReply nextReply()
    {
        if (m_replies.isEmpty())
            return FaultReply::ok("{}");
        const FaultReply r = m_replies.at(qMin(m_next, m_replies.size() - 1));
        ++m_next;
        return r;
    }

    static QByteArray head(int status, const QList<QPair<QByteArray, QByteArray>> &headers,
                           qint64 contentLength)
    {
        QByteArray h = "HTTP/1.1 " + QByteArray::number(status) + " Status\r\n" +
                       "Content-Type: application/json\r\nConnection: close\r\n";
        if (contentLength >= 0)
            h += "Content-Length: " + QByteArray::number(contentLength) + "\r\n";
        for (const auto &[name, value] : headers)
            h += name + ": " + value + "\r\n";
        return h + "\r\n";
    }

    void serve(QTcpSocket *socket)
    {
        const FaultReply r = nextReply();
        switch (r.kind) {
        case FaultReply::Kind::Respond:
            socket->write(head(r.status, r.headers, r.body.size()) + r.body);
            socket->disconnectFromHost(); // after the bytes are written
            break;
        case FaultReply::Kind::CloseAtOnce:
            socket->abort();
            break;
        case FaultReply::Kind::ResetMidBody: {
            socket->write(head(r.status, r.headers, r.body.size()) +
                          r.body.left(r.body.size() / 2));
            socket->flush();
            // SO_LINGER 0: closing sends RST instead of FIN, as a crashed peer or a
            // middlebox does. Later, so that the first half reaches the client first.
            QPointer<QTcpSocket> s = socket;
            QTimer::singleShot(100, socket, [s] {
                if (!s)
                    return;
                const linger hard{1, 0};
                ::setsockopt(int(s->socketDescriptor()), SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
                s->abort();
            });
            break;
        }
        case FaultReply::Kind::AnnounceHuge:
            socket->write(head(200, r.headers, 10LL * 1024 * 1024 * 1024) + "{\"call\":{");
            break;
        case FaultReply::Kind::StreamUnbounded: {
            streamedBytes = 0;
            clientHungUp = false;
            socket->write(head(200, r.headers, -1) + "[");
            const qint64 total = r.streamBytes;
            auto more = [this, socket, total] {
                // Keep a little queued, as a real sender bounded by the socket would.
                while (socket->bytesToWrite() < 256 * 1024 && streamedBytes < total) {
                    const QByteArray chunk(64 * 1024, ' ');
                    socket->write(chunk);
                    streamedBytes += chunk.size();
                }
                if (streamedBytes >= total)
                    socket->disconnectFromHost();
            };
            QObject::connect(socket, &QTcpSocket::bytesWritten, socket, more);
            QObject::connect(socket, &QTcpSocket::disconnected, socket, [this, total] {
                if (streamedBytes < total)
                    clientHungUp = true;
            });
            more();
            break;
        }
        }
    }

    QTcpServer m_server;
    quint16 m_port = 0;
    QList<QPointer<QTcpSocket>> m_sockets;
    QList<FaultReply> m_replies;
    qsizetype m_next = 0;
};

} // namespace bem::test
