// SPDX-License-Identifier: MIT
#include "singleinstance.h"

#include <QLocalServer>
#include <QLocalSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent>

#include <csignal>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>

using namespace bem;

namespace {

// A hand-off runs blocking, as a launching process does; the instance under test needs
// this thread's event loop meanwhile, so the launch runs on another thread.
HandOffResult handOffFromAnotherThread(const QString &name, const QString &argument,
                                       const QString &token = QString())
{
    QFuture<HandOffResult> future = QtConcurrent::run([name, argument, token] {
        return SingleInstance::handOff(name, {argument, token}, 10000);
    });
    if (!QTest::qWaitFor([&future] { return future.isFinished(); }, 20000))
        return {HandOffResult::Outcome::Failed, QStringLiteral("the hand-off never returned")};
    return future.result();
}

// Sends raw bytes as any local process could, and collects what comes back until the
// instance closes the connection.
QByteArray sendRaw(const QString &name, const QByteArray &bytes, bool *closedByPeer)
{
    QLocalSocket socket;
    socket.connectToServer(name);
    if (!socket.waitForConnected(5000))
        return "not connected";
    socket.write(bytes);
    QByteArray received;
    // The caller checks *closedByPeer: a socket still open after the wait was not closed.
    (void)QTest::qWaitFor(
        [&] {
            received += socket.readAll();
            return socket.state() == QLocalSocket::UnconnectedState;
        },
        20000);
    received += socket.readAll();
    *closedByPeer = socket.state() == QLocalSocket::UnconnectedState;
    return received;
}

} // namespace

class TestSingleInstance : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_name = m_dir.filePath(QStringLiteral("inspector.socket"));
    }

    void protocol_roundTripsAnyArgument_data()
    {
        QTest::addColumn<QString>("argument");
        QTest::newRow("id") << QStringLiteral("wf_123");
        QTest::newRow("scheme link") << QStringLiteral("bem-call-inspector://call/wf_1");
        QTest::newRow("empty: raise only") << QString();
        QTest::newRow("newline cannot end the line")
            << QStringLiteral("wf_1\nbem-call-inspector/1 open d2ZfMg==");
        QTest::newRow("non-ascii") << QStringLiteral("r\u00E9f-\u65E5");
    }
    void protocol_roundTripsAnyArgument()
    {
        QFETCH(QString, argument);
        for (const QString &token :
             {QString(), QStringLiteral("gnome-shell/bem-call-inspector/1234-0-host_TIME42")}) {
            const HandOffRequest request{argument, token};
            QByteArray line = HandOffProtocol::request(request);
            QVERIFY(line.endsWith('\n'));
            line.chop(1);
            QVERIFY(!line.contains('\n'));
            const std::optional<HandOffRequest> parsed = HandOffProtocol::parseRequest(line);
            QVERIFY(parsed);
            QCOMPARE(*parsed, request);
        }
    }

    void protocol_dropsATokenThatIsNoToken()
    {
        // A token with a space or a line break would forge a field or a line: not sent.
        for (const QString &token : {QStringLiteral("a b"), QStringLiteral("a\nb"),
                                     QStringLiteral("caf\u00E9"), QString(600, u'x')}) {
            QByteArray line = HandOffProtocol::request({QStringLiteral("wf_1"), token});
            line.chop(1);
            const std::optional<HandOffRequest> parsed = HandOffProtocol::parseRequest(line);
            QVERIFY(parsed);
            QCOMPARE(parsed->argument, QStringLiteral("wf_1"));
            QVERIFY(parsed->activationToken.isEmpty());
        }
    }

    void protocol_refusesJunk_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("text") << QByteArray("hello");
        QTest::newRow("other version") << QByteArray("bem-call-inspector/2 open d2ZfMQ==");
        QTest::newRow("not base64") << QByteArray("bem-call-inspector/1 open ***");
        QTest::newRow("three fields") << QByteArray("bem-call-inspector/1 open d2ZfMQ== tok x");
        QTest::newRow("control in token")
            << QByteArray("bem-call-inspector/1 open d2ZfMQ== t\x01k");
        QTest::newRow("too long") << (QByteArray("bem-call-inspector/1 open ") +
                                      QByteArray(HandOffProtocol::MaxLineBytes, 'A'));
    }
    void protocol_refusesJunk()
    {
        QFETCH(QByteArray, line);
        QVERIFY(!HandOffProtocol::parseRequest(line));
    }

    void protocol_replies()
    {
        QByteArray opened = HandOffProtocol::reply(QString());
        opened.chop(1);
        QCOMPARE(HandOffProtocol::parseReply(opened)->outcome, HandOffResult::Outcome::Opened);
        QByteArray refused = HandOffProtocol::reply(QStringLiteral("No call ID found."));
        refused.chop(1);
        const std::optional<HandOffResult> result = HandOffProtocol::parseReply(refused);
        QCOMPARE(result->outcome, HandOffResult::Outcome::Refused);
        QCOMPARE(result->problem, QStringLiteral("No call ID found."));
        QVERIFY(!HandOffProtocol::parseReply("refused"));
        QVERIFY(!HandOffProtocol::parseReply("opened please"));
    }

    void serverName_isPerUserAndPerInstanceId()
    {
        const QString app = QStringLiteral("ai.bem.CallInspector");
        const QString plain = SingleInstance::serverNameFor(app, QString());
        QVERIFY(plain.contains(app + u'-' + QString::number(::getuid())));
        const QString a = SingleInstance::serverNameFor(app, QStringLiteral("test a"));
        const QString b = SingleInstance::serverNameFor(app, QStringLiteral("test b"));
        QVERIFY(a != plain);
        QVERIFY(a != b);
        QCOMPARE(SingleInstance::serverNameFor(app, QStringLiteral("test a")), a);
        QVERIFY(!a.contains(u' '));
    }

    void serverName_livesInTheRuntimeDirWhenThereIsOne()
    {
        const QByteArray saved = qgetenv("XDG_RUNTIME_DIR");
        qputenv("XDG_RUNTIME_DIR", m_dir.path().toUtf8());
        const QString name =
            SingleInstance::serverNameFor(QStringLiteral("ai.bem.CallInspector"), QString());
        if (saved.isNull())
            qunsetenv("XDG_RUNTIME_DIR");
        else
            qputenv("XDG_RUNTIME_DIR", saved);
        QVERIFY(name.startsWith(m_dir.path() + u'/'));
        QVERIFY(name.endsWith(QStringLiteral(".socket")));
    }

    void handOff_withNobodyListening_saysSo()
    {
        const HandOffResult result =
            SingleInstance::handOff(m_name, {QStringLiteral("wf_1"), QString()}, 2000);
        QCOMPARE(result.outcome, HandOffResult::Outcome::NoInstance);
    }

    void handOff_reachesTheHandlerAndItsAnswerComesBack()
    {
        SingleInstance instance(m_name);
        QStringList received;
        QString token;
        instance.setHandler([&received, &token](const HandOffRequest &request) {
            received << request.argument;
            token = request.activationToken;
            return request.argument.startsWith(QLatin1String("javascript:"))
                       ? QStringLiteral("That is a link, not a call ID.")
                       : QString();
        });
        QCOMPARE(instance.listen(), SingleInstance::ListenResult::Listening);

        HandOffResult result = handOffFromAnotherThread(
            m_name, QStringLiteral("bem-call-inspector://call/wf_7"), QStringLiteral("tok_1"));
        QCOMPARE(result.outcome, HandOffResult::Outcome::Opened);
        QCOMPARE(token, QStringLiteral("tok_1"));
        result = handOffFromAnotherThread(m_name, QStringLiteral("javascript:alert(1)"));
        QCOMPARE(result.outcome, HandOffResult::Outcome::Refused);
        QCOMPARE(result.problem, QStringLiteral("That is a link, not a call ID."));
        result = handOffFromAnotherThread(m_name, QString());
        QCOMPARE(result.outcome, HandOffResult::Outcome::Opened);
        QCOMPARE(received, (QStringList{QStringLiteral("bem-call-inspector://call/wf_7"),
                                        QStringLiteral("javascript:alert(1)"), QString()}));
    }

    void listen_aSecondInstanceFindsTheFirst()
    {
        SingleInstance first(m_name);
        QCOMPARE(first.listen(), SingleInstance::ListenResult::Listening);
        SingleInstance second(m_name);
        QCOMPARE(second.listen(), SingleInstance::ListenResult::AnotherInstance);
        QVERIFY(first.isListening());
    }

    void junkFromAnotherProcess_isRefusedAndNeverReachesTheHandler()
    {
        SingleInstance instance(m_name);
        int calls = 0;
        instance.setHandler([&calls](const HandOffRequest &) {
            ++calls;
            return QString();
        });
        QCOMPARE(instance.listen(), SingleInstance::ListenResult::Listening);

        bool closed = false;
        const QByteArray answer = sendRaw(m_name, "GET / HTTP/1.1\r\n\r\n", &closed);
        QVERIFY(closed);
        QVERIFY2(answer.startsWith("refused "), answer.constData());
        QVERIFY(HandOffProtocol::parseReply(answer.left(answer.indexOf('\n'))));

        // A flood without a line end: dropped, no answer, no handler call.
        const QByteArray flood(64 * 1024, 'x');
        QCOMPARE(sendRaw(m_name, flood, &closed), QByteArray());
        QVERIFY(closed);

        // Binary junk with a line end in it.
        QByteArray binary("\x00\xff\xfe\x01\n", 5);
        QVERIFY(sendRaw(m_name, binary, &closed).startsWith("refused "));
        QCOMPARE(calls, 0);

        // Still serving the real thing afterwards.
        QCOMPARE(handOffFromAnotherThread(m_name, QStringLiteral("wf_1")).outcome,
                 HandOffResult::Outcome::Opened);
        QCOMPARE(calls, 1);
    }

    void listen_recoversASocketLeftByADeadInstance()
    {
        // What a killed instance leaves: a socket file nobody accepts on.
        const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
        QVERIFY(fd >= 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        const QByteArray path = QFile::encodeName(m_name);
        QVERIFY(size_t(path.size()) < sizeof(address.sun_path));
        std::memcpy(address.sun_path, path.constData(), size_t(path.size()));
        QCOMPARE(::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)), 0);
        ::close(fd);
        QVERIFY(QFile::exists(m_name));
        QCOMPARE(SingleInstance::handOff(m_name, {QStringLiteral("wf_1"), QString()}, 2000).outcome,
                 HandOffResult::Outcome::NoInstance);

        SingleInstance instance(m_name);
        QCOMPARE(instance.listen(), SingleInstance::ListenResult::Listening);
        QCOMPARE(handOffFromAnotherThread(m_name, QStringLiteral("wf_1")).outcome,
                 HandOffResult::Outcome::Opened);
    }

    void handOff_sendsNothingToAnotherUsersListener()
    {
        if (::getuid() != 0)
            QSKIP("Running a listener as another user needs root.");
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        const QByteArray path = QFile::encodeName(m_name);
        std::memcpy(address.sun_path, path.constData(), size_t(path.size()));
        // The child binds as root, then listens as nobody: the peer credentials are those
        // of the listening process.
        const pid_t child = ::fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
            if (fd < 0 ||
                ::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) != 0 ||
                ::setuid(65534) != 0 || ::listen(fd, 4) != 0)
                ::_exit(1);
            for (;;)
                ::pause();
        }
        HandOffResult result;
        for (int attempt = 0; attempt < 200; ++attempt) {
            result =
                SingleInstance::handOff(m_name, {QStringLiteral("wf_secret"), QString()}, 2000);
            if (result.outcome != HandOffResult::Outcome::NoInstance)
                break;
            QTest::qWait(50); // the child is not listening yet
        }
        ::kill(child, SIGKILL);
        ::waitpid(child, nullptr, 0);
        QFile::remove(m_name);
        QCOMPARE(result.outcome, HandOffResult::Outcome::Failed);
        QVERIFY2(result.problem.contains(QStringLiteral("Another user")),
                 qPrintable(result.problem));
    }

    void listen_isPrivateToTheUser()
    {
        SingleInstance instance(m_name);
        QCOMPARE(instance.listen(), SingleInstance::ListenResult::Listening);
        const QFile::Permissions permissions = QFileInfo(m_name).permissions();
        QVERIFY(!(permissions &
                  (QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther | QFile::WriteOther)));
    }

private:
    QTemporaryDir m_dir;
    QString m_name;
};

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"
