// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QLocalServer>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace bem {

// What a later launch learns when it hands its argument to the running inspector.
struct HandOffResult
{
    enum class Outcome {
        Opened,     // the running instance raised its window and took the argument
        Refused,    // it answered, but the argument is no call: `problem` says why
        NoInstance, // nobody listens: this launch becomes the inspector
        Failed,     // somebody listens but did not answer sensibly, or is another user
    };
    Outcome outcome = Outcome::NoInstance;
    QString problem;
};

// What a later launch hands over.
struct HandOffRequest
{
    QString argument; // a call ID or link as given; empty: just raise the window
    // The launcher's XDG activation token (Wayland), taken from the later launch's
    // environment: a compositor lets the running window come to the front only with it.
    QString activationToken;
    friend bool operator==(const HandOffRequest &a, const HandOffRequest &b)
    {
        return a.argument == b.argument && a.activationToken == b.activationToken;
    }
};

// The words on the local socket: one request line, one reply line, both bounded, so that
// another local process writing junk gets "refused" and a closed socket, nothing more.
// The argument travels base64-encoded so that no byte of it can end or forge a line; the
// token, when there is one, follows it and must look like one (printable ASCII).
namespace HandOffProtocol {
constexpr qsizetype MaxLineBytes = 4096;
QByteArray request(const HandOffRequest &request);
// nullopt for anything that is not a well-formed request line (without its '\n').
std::optional<HandOffRequest> parseRequest(const QByteArray &line);
QByteArray reply(const QString &problem); // empty problem: opened
std::optional<HandOffResult> parseReply(const QByteArray &line);
} // namespace HandOffProtocol

// One inspector window per user: the first launch listens on a local socket private to
// the user; a later one hands its argument (a call ID or link, or nothing) to it and exits.
class SingleInstance final : public QObject
{
    Q_OBJECT

public:
    // Decides what to do with what was handed over; returns an empty string when it was
    // opened (or the argument was empty: raise only), else the reason it was refused.
    using Handler = std::function<QString(const HandOffRequest &request)>;

    explicit SingleInstance(QString serverName, QObject *parent = nullptr);
    ~SingleInstance() override;

    // Per user and per application. A non-empty `instanceId` (BEM_INSTANCE_ID) gives a
    // separate one, so that tests running in parallel never hand off to one another.
    // Inside $XDG_RUNTIME_DIR when there is one (private to the user), else a name that
    // QLocalServer places in the temporary directory, with the user's ID in it.
    static QString serverNameFor(const QString &appId, const QString &instanceId);

    QString serverName() const { return m_serverName; }

    // Starts listening. A socket file left by an instance that died is removed, but only
    // after a connection to it failed: a live instance's socket is never taken over.
    enum class ListenResult { Listening, AnotherInstance, Failed };
    ListenResult listen();
    bool isListening() const { return m_server.isListening(); }
    QString errorString() const { return m_server.errorString(); }

    void setHandler(Handler handler) { m_handler = std::move(handler); }

    // Blocking (up to `timeoutMs`), for a launch deciding whether to start at all, before
    // any window exists. Sends nothing to a listener run by another user (Linux).
    static HandOffResult handOff(const QString &serverName, const HandOffRequest &request,
                                 int timeoutMs = 5000);

private:
    void accept(QLocalSocket *socket);
    QByteArray answer(const QByteArray &line);

    QString m_serverName;
    QLocalServer m_server;
    Handler m_handler;
};

} // namespace bem
