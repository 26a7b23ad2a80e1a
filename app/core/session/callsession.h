// SPDX-License-Identifier: MIT
#pragma once

#include "apiversionchoice.h"
#include "backoffpolicy.h"
#include "callsnapshot.h"
#include "fetchresult.h"
#include "sessionstatus.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <optional>

QT_BEGIN_NAMESPACE
class QNetworkAccessManager;
QT_END_NAMESPACE

namespace bem {

class ApiKeyStore;
class BemClient;
class RequestGate;
class CallEventsFetcher;
class TracePoller;
class CallLoader;
class CallModelUpdater;
class CallPoller;
class CallTreeModel;
struct LoadedCall;

// A request or an opened file that did not give a call, with what the raw view needs.
struct SessionProblem
{
    enum class Kind { Request, File };
    Kind kind = Kind::Request;
    QString message; // for the user: one or two sentences
    QString details; // the raw facts (status line, Qt's error, the start of the body)
    QString path;    // File: the file asked for
    FetchOutcome outcome = FetchOutcome::NetworkError; // Request
    int httpStatus = 0;
    QByteArray body; // what came instead of a call (capped), for the raw view
    QByteArray contentType;
};

// One open call: the live one watched over HTTP, or a response opened from a file.
// Bytes flow one way: BemClient (HTTP) → CallLoader (parse, off the GUI thread) →
// CallModelUpdater → CallTreeModel, and shown() says the model now holds a snapshot. The
// session emits values; a window renders them. Several sessions may live side by side,
// each with its own clients, pollers and model, sharing one QNetworkAccessManager.
//
// A v3 call has three endpoints, each with its own client (one request in flight per
// endpoint): the call (CallPoller), its trace (TracePoller, polled while the call is live
// and once more when it ends) and the pages of its outputs and errors
// (CallEventsFetcher, once it has ended). The version asked follows
// setApiVersionChoice() (Auto by default: v3, then v2 once on a 404).
class CallSession final : public QObject
{
    Q_OBJECT
public:
    explicit CallSession(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~CallSession() override;
    Q_DISABLE_COPY_MOVE(CallSession)

    // Follows `keys` (null: no store, the key comes from setApiKey(), as in the demo): its
    // key is used, a new key refreshes at once, and a call opened before the store has
    // loaded waits for it.
    void setKeyStore(ApiKeyStore *keys);
    void setBaseUrl(const QUrl &url);
    QUrl baseUrl() const;
    void setApiKey(const QString &key);
    void setPolicy(const BackoffPolicy &policy);
    void setTransferTimeoutMs(int ms);
    void setMaxBodyBytes(qint64 bytes);
    // Every request of this session (the call, its trace, its event pages) takes its turn
    // at `gate` as one party in `group` (its environment), and configureClient() gives the
    // calls list's client the same gate and group. Null: requests go out at once.
    void setRequestGate(RequestGate *gate, const QString &group);
    RequestGate *requestGate() const;
    QString requestGateGroup() const { return m_gateGroup; }
    // Which API version(s) calls are asked on. A change forgets which version answered
    // and asks again at once.
    void setApiVersionChoice(ApiVersionChoice choice);
    ApiVersionChoice apiVersionChoice() const { return m_choice; }
    // The version the call shown answered on (or was saved from); nothing before.
    std::optional<ApiVersion> answeredVersion() const;
    // The URL the call is (or will be) read from, for "Copy as curl": the version that
    // answered, else the one that will be asked first. Invalid without a call.
    QUrl callUrl() const;

    // Starts watching `callId` (already extracted and valid). A different call clears the
    // model (callChanged()); the same call keeps its data and merges the next state.
    void open(const QString &callId);
    // Reads a saved response and parses it off the GUI thread; it replaces the call shown
    // when ready, unless something else was asked for meanwhile. A file that cannot be
    // read (false) or parsed (later) is a problem(); the call shown stays, live or not.
    bool openFile(const QString &path);
    void refreshNow();
    void pause();
    void resume();
    // Cancels the request in flight and pauses (a server that does not answer).
    void stopRequest();
    // Stops refreshing; what is shown stays.
    void stop();

    CallTreeModel *model() const { return m_model; }
    CallSnapshotPtr snapshot() const;
    PollerStatus status() const;
    // The call watched or shown ("" before any).
    QString callId() const;
    // Showing a saved file: nothing to refresh.
    bool isOffline() const { return m_offline; }
    QString filePath() const { return m_filePath; }
    bool isLoadingFile() const { return m_fileTicket != 0; }
    // A call asked for before the key store loaded; opened when it has.
    QString pendingCallId() const { return m_pendingCallId; }
    bool hasApiKey() const;
    // Gives `client` (another caller's: the calls browser) this session's base URL, key
    // and limits, so it asks the same server with the same key.
    void configureClient(BemClient &client) const;

Q_SIGNALS:
    // The base URL, the key or the API version choice changed (configureClient() again).
    void connectionChanged();
    // A different call is about to be shown: views of the previous one should clear.
    void callChanged(const QString &callId);
    // The model now holds `snapshot` (a live refresh or an opened file).
    void shown(const bem::CallSnapshotPtr &snapshot);
    void statusChanged(const bem::PollerStatus &status);
    void problem(const bem::SessionProblem &problem);
    // An opened file is now the call shown (offline); shown() follows.
    void fileOpened(const QString &path, const QString &callId);
    // The call answered on `version` (after Auto's probe): v2 deserves a note.
    void apiVersionAnswered(bem::ApiVersion version);
    // The v3 trace could not be loaded ("The trace could not be loaded: …"); the call stays
    // shown and the trace is retried on its own. traceRecovered() when it loads again (or
    // the call it was about is gone).
    void traceProblem(const QString &message);
    void traceRecovered();
    // A v3 call's outputs and errors: its own arrays first, then all pages
    // (complete = true).
    void eventsChanged(const bem::CallEvents &events);
    // A page of outputs or errors failed; what was loaded stays, the page is retried.
    void eventsProblem(const QString &message);

private:
    void onFileLoaded(const LoadedCall &loaded);
    void resetModelFor(const QString &callId);
    void followCallPhase(const PollerStatus &status);
    QList<BemClient *> clients() const;

    ApiVersionChoice m_choice = ApiVersionChoice::Auto;
    BemClient *m_client;
    BemClient *m_traceClient;
    BemClient *m_eventsClient;
    CallLoader *m_loader;
    CallPoller *m_poller;
    TracePoller *m_tracePoller;
    CallEventsFetcher *m_events;
    CallTreeModel *m_model;
    CallModelUpdater *m_updater;
    QPointer<ApiKeyStore> m_keys;
    QPointer<RequestGate> m_gate;
    QString m_gateGroup;
    QString m_apiKey; // what every client of this session sends (memory only)
    QString m_pendingCallId;
    bool m_offline = false;
    QString m_filePath;
    QString m_loadingPath;
    quint64 m_fileTicket = 0;
};

} // namespace bem
