// SPDX-License-Identifier: MIT
#include "singleinstance.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QLocalSocket>
#include <QTimer>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif
#ifdef Q_OS_LINUX
#include <sys/socket.h>
#endif

namespace bem {

namespace {

const QByteArray RequestPrefix = QByteArrayLiteral("bem-call-inspector/1 open ");
const QByteArray OpenedReply = QByteArrayLiteral("opened");
const QByteArray RefusedPrefix = QByteArrayLiteral("refused ");

// A connection that sends no whole line in this time is dropped, so a stuck or hostile
// local client cannot hold sockets open for ever.
constexpr int IdleConnectionMs = 5000;

std::optional<QString> fromBase64(const QByteArray &encoded)
{
    const QByteArray::FromBase64Result decoded =
        QByteArray::fromBase64Encoding(encoded, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return QString::fromUtf8(*decoded);
}

// Activation tokens and startup IDs are short printable ASCII without spaces.
bool isTokenText(const QString &token)
{
    if (token.isEmpty() || token.size() > 512)
        return false;
    for (const QChar c : token) {
        if (c.unicode() <= u' ' || c.unicode() > u'~')
            return false;
    }
    return true;
}

// Without $XDG_RUNTIME_DIR the socket lives in the shared temporary directory, where
// another user could have put one under our name first: a call ID goes only to a
// process of this user.
bool peerIsThisUser(const QLocalSocket &socket)
{
#ifdef Q_OS_LINUX
    ucred peer{};
    socklen_t size = sizeof(peer);
    if (::getsockopt(int(socket.socketDescriptor()), SOL_SOCKET, SO_PEERCRED, &peer, &size) != 0)
        return false;
    return peer.uid == ::getuid();
#else
    Q_UNUSED(socket);
    return true;
#endif
}

QString userPart()
{
#ifdef Q_OS_UNIX
    return QString::number(::getuid());
#else
    return QString::fromLocal8Bit(qgetenv("USERNAME"));
#endif
}

} // namespace

namespace HandOffProtocol {

QByteArray request(const HandOffRequest &request)
{
    QByteArray line = RequestPrefix + request.argument.toUtf8().toBase64();
    if (isTokenText(request.activationToken))
        line += ' ' + request.activationToken.toLatin1();
    return line + '\n';
}

std::optional<HandOffRequest> parseRequest(const QByteArray &line)
{
    if (line.size() > MaxLineBytes || !line.startsWith(RequestPrefix))
        return std::nullopt;
    const QList<QByteArray> fields = line.mid(RequestPrefix.size()).split(' ');
    if (fields.size() > 2)
        return std::nullopt;
    std::optional<QString> argument = fromBase64(fields.first());
    if (!argument)
        return std::nullopt;
    HandOffRequest request{*argument, QString()};
    if (fields.size() == 2) {
        request.activationToken = QString::fromLatin1(fields.at(1));
        if (!isTokenText(request.activationToken))
            return std::nullopt;
    }
    return request;
}

QByteArray reply(const QString &problem)
{
    if (problem.isEmpty())
        return OpenedReply + '\n';
    return RefusedPrefix + problem.toUtf8().toBase64() + '\n';
}

std::optional<HandOffResult> parseReply(const QByteArray &line)
{
    if (line.size() > MaxLineBytes)
        return std::nullopt;
    if (line == OpenedReply)
        return HandOffResult{HandOffResult::Outcome::Opened, QString()};
    if (!line.startsWith(RefusedPrefix))
        return std::nullopt;
    const std::optional<QString> problem = fromBase64(line.mid(RefusedPrefix.size()));
    if (!problem || problem->isEmpty())
        return std::nullopt;
    return HandOffResult{HandOffResult::Outcome::Refused, *problem};
}

} // namespace HandOffProtocol

SingleInstance::SingleInstance(QString serverName, QObject *parent)
    : QObject(parent)
    , m_serverName(std::move(serverName))
{
    m_server.setSocketOptions(QLocalServer::UserAccessOption);
    connect(&m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *socket = m_server.nextPendingConnection())
            accept(socket);
    });
}

SingleInstance::~SingleInstance() = default;

QString SingleInstance::serverNameFor(const QString &appId, const QString &instanceId)
{
    QString name = appId + u'-' + userPart();
    if (!instanceId.isEmpty()) {
        // Hashed: any text may be given, the socket name stays short and plain.
        const QByteArray hash =
            QCryptographicHash::hash(instanceId.toUtf8(), QCryptographicHash::Sha256);
        name += u'-' + QString::fromLatin1(hash.toHex().left(16));
    }
    const QString runtimeDir = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (!runtimeDir.isEmpty() && QFileInfo(runtimeDir).isDir())
        return QDir(runtimeDir).filePath(name + QStringLiteral(".socket"));
    return name;
}

SingleInstance::ListenResult SingleInstance::listen()
{
    // Asked first, because with UserAccessOption QLocalServer makes its socket elsewhere
    // and renames it into place: listen() itself would take a live instance's name over.
    QLocalSocket probe;
    probe.connectToServer(m_serverName);
    if (probe.waitForConnected(1000)) {
        probe.abort();
        return ListenResult::AnotherInstance;
    }
    // Nobody answers: no socket, or what is left of an instance that crashed or was killed.
    QLocalServer::removeServer(m_serverName);
    return m_server.listen(m_serverName) ? ListenResult::Listening : ListenResult::Failed;
}

void SingleInstance::accept(QLocalSocket *socket)
{
    socket->setParent(this);
    connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
    QTimer::singleShot(IdleConnectionMs, socket, [socket] { socket->abort(); });
    connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
        if (!socket->canReadLine()) {
            if (socket->bytesAvailable() > HandOffProtocol::MaxLineBytes)
                socket->abort(); // no line this long is ours
            return;
        }
        QByteArray line = socket->readLine(HandOffProtocol::MaxLineBytes + 2);
        if (!line.endsWith('\n')) {
            socket->abort(); // longer than any request of ours
            return;
        }
        line.chop(1);
        // One request per connection: whatever follows is not read.
        disconnect(socket, &QLocalSocket::readyRead, this, nullptr);
        socket->write(answer(line));
        socket->disconnectFromServer();
    });
}

QByteArray SingleInstance::answer(const QByteArray &line)
{
    const std::optional<HandOffRequest> request = HandOffProtocol::parseRequest(line);
    if (!request)
        return HandOffProtocol::reply(tr("The running inspector did not understand the request."));
    return HandOffProtocol::reply(m_handler ? m_handler(*request) : QString());
}

HandOffResult SingleInstance::handOff(const QString &serverName, const HandOffRequest &request,
                                      int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    QLocalSocket socket;
    socket.connectToServer(serverName);
    if (!socket.waitForConnected(int(deadline.remainingTime())))
        return {HandOffResult::Outcome::NoInstance, QString()};
    if (!peerIsThisUser(socket))
        return {HandOffResult::Outcome::Failed,
                tr("Another user's program listens on %1.").arg(serverName)};
    socket.write(HandOffProtocol::request(request));
    while (!socket.canReadLine() && socket.bytesAvailable() <= HandOffProtocol::MaxLineBytes &&
           socket.state() == QLocalSocket::ConnectedState && !deadline.hasExpired())
        socket.waitForReadyRead(int(deadline.remainingTime()));
    if (socket.canReadLine()) {
        QByteArray line = socket.readLine(HandOffProtocol::MaxLineBytes + 2);
        if (line.endsWith('\n')) {
            line.chop(1);
            if (const std::optional<HandOffResult> result = HandOffProtocol::parseReply(line))
                return *result;
        }
    }
    return {HandOffResult::Outcome::Failed,
            tr("The running inspector did not answer (%1).").arg(socket.errorString())};
}

} // namespace bem
