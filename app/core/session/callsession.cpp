// SPDX-License-Identifier: MIT
#include "callsession.h"

#include "apiendpoint.h"
#include "apikeystore.h"
#include "bemclient.h"
#include "calleventsfetcher.h"
#include "callloader.h"
#include "callmodelupdater.h"
#include "callpoller.h"
#include "calltreemodel.h"
#include "freedmemory.h"
#include "requestgate.h"
#include "tracepoller.h"

#include <QDir>
#include <QFile>

namespace bem {

CallSession::CallSession(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_client(new BemClient(network, this))
    , m_traceClient(new BemClient(network, this))
    , m_eventsClient(new BemClient(network, this))
    , m_loader(new CallLoader(this))
    , m_poller(new CallPoller(m_client, m_loader, this))
    , m_tracePoller(new TracePoller(m_traceClient, this))
    , m_events(new CallEventsFetcher(m_eventsClient, this))
    , m_model(new CallTreeModel(this))
    , m_updater(new CallModelUpdater(m_model, this))
{
    m_poller->setApiVersionChoice(m_choice);
    connect(m_poller, &CallPoller::snapshotChanged, this, [this](const CallSnapshotPtr &s) {
        if (!s)
            return;
        m_updater->apply(s);
        m_events->update(s);
    });
    connect(m_poller, &CallPoller::versionAnswered, this, [this](ApiVersion version) {
        if (version == ApiVersion::V3)
            m_tracePoller->start(m_poller->callId());
        Q_EMIT apiVersionAnswered(version);
    });
    // The trace's bytes are read with the call shown; the verdict goes back to its poller.
    connect(m_tracePoller, &TracePoller::traceArrived, m_poller, &CallPoller::applyTrace);
    connect(m_poller, &CallPoller::traceLoaded, m_tracePoller, &TracePoller::traceRead);
    connect(m_tracePoller, &TracePoller::traceProblem, this, &CallSession::traceProblem);
    connect(m_tracePoller, &TracePoller::traceRecovered, this, &CallSession::traceRecovered);
    // A 429 is about the key, whichever endpoint heard it: both wait.
    connect(m_poller, &CallPoller::rateLimited, m_tracePoller, &TracePoller::holdOff);
    connect(m_tracePoller, &TracePoller::rateLimited, m_poller, &CallPoller::holdOff);
    connect(m_poller, &CallPoller::statusChanged, this, &CallSession::followCallPhase);
    connect(m_events, &CallEventsFetcher::eventsChanged, this, &CallSession::eventsChanged);
    connect(m_events, &CallEventsFetcher::problem, this, &CallSession::eventsProblem);
    connect(m_updater, &CallModelUpdater::applied, this, &CallSession::shown);
    connect(m_poller, &CallPoller::fetchFailed, this, [this](const FetchResult &r) {
        SessionProblem p;
        p.kind = SessionProblem::Kind::Request;
        p.message = r.message;
        p.details = r.details;
        p.outcome = r.outcome;
        p.httpStatus = r.httpStatus;
        p.body = r.body;
        p.contentType = r.contentType;
        Q_EMIT problem(p);
    });
    connect(m_loader, &CallLoader::loaded, this, [this](quint64 ticket, const LoadedCall &loaded) {
        if (ticket == m_fileTicket)
            onFileLoaded(loaded);
    });
}

CallSession::~CallSession()
{
    // A large call's model and snapshots go with the session.
    releaseFreedMemorySoon();
}

void CallSession::setKeyStore(ApiKeyStore *keys)
{
    if (m_keys)
        m_keys->disconnect(this);
    m_keys = keys;
    if (!keys)
        return;
    if (keys->isLoaded())
        setApiKey(keys->key());
    connect(keys, &ApiKeyStore::keyChanged, this, [this] {
        setApiKey(m_keys->key());
        // A new key is worth trying at once (a 401 or "no key" waits for exactly this),
        // even over a request still out with the old one.
        if (!m_offline) {
            m_poller->refetch();
            m_tracePoller->refreshNow(true);
        }
    });
    connect(keys, &ApiKeyStore::loaded, this, [this] {
        setApiKey(m_keys->key());
        if (!m_pendingCallId.isEmpty())
            open(std::exchange(m_pendingCallId, QString()));
    });
}

void CallSession::setBaseUrl(const QUrl &url)
{
    if (url == m_client->baseUrl())
        return;
    for (BemClient *client : clients())
        client->setBaseUrl(url);
    Q_EMIT connectionChanged();
    if (!m_offline) {
        m_poller->refetch(); // a request out to the old address answers for the old one
        m_tracePoller->refreshNow(true);
    }
}

QList<BemClient *> CallSession::clients() const
{
    return {m_client, m_traceClient, m_eventsClient};
}

void CallSession::setApiVersionChoice(ApiVersionChoice choice)
{
    if (choice == m_choice)
        return;
    m_choice = choice;
    m_poller->setApiVersionChoice(choice);
    Q_EMIT connectionChanged();
    if (m_offline || m_poller->callId().isEmpty())
        return;
    // The answer so far came from the version no longer chosen.
    m_tracePoller->stop();
    m_events->clear();
    m_poller->refetch();
}

std::optional<ApiVersion> CallSession::answeredVersion() const
{
    if (m_offline) {
        if (const CallSnapshotPtr s = snapshot())
            return s->call.apiVersion;
        return std::nullopt;
    }
    return m_poller->answeredVersion();
}

QUrl CallSession::callUrl() const
{
    const QString id = callId();
    if (id.isEmpty())
        return {};
    const ApiVersion version = answeredVersion().value_or(
        m_choice == ApiVersionChoice::V2 ? ApiVersion::V2 : ApiVersion::V3);
    return ApiEndpoint::callUrl(baseUrl(), id, version);
}

void CallSession::followCallPhase(const PollerStatus &status)
{
    using P = PollerStatus::Phase;
    switch (status.phase) {
    case P::Idle:
        if (m_tracePoller->isActive() || m_tracePoller->hasProblem())
            m_tracePoller->stop();
        break;
    case P::Finished:
        m_tracePoller->finishUp();
        break;
    case P::Paused:
    case P::Stopped:
        m_tracePoller->pause(status.concern == PollerStatus::Concern::Stopped);
        break;
    case P::Loading:
    case P::Waiting:
    case P::Retrying:
        m_tracePoller->resume();
        break;
    }
    Q_EMIT statusChanged(status);
}

QUrl CallSession::baseUrl() const
{
    return m_client->baseUrl();
}

void CallSession::setApiKey(const QString &key)
{
    const bool changed = key != m_apiKey;
    m_apiKey = key;
    for (BemClient *client : clients())
        client->setApiKey(key);
    if (changed)
        Q_EMIT connectionChanged();
}

void CallSession::configureClient(BemClient &client) const
{
    client.setBaseUrl(m_client->baseUrl());
    client.setApiKey(m_apiKey);
    client.setTransferTimeoutMs(m_client->transferTimeoutMs());
    // The calls list takes turns of its own, but in this session's environment.
    client.setRequestGate(m_gate, m_gateGroup);
}

RequestGate *CallSession::requestGate() const
{
    return m_gate;
}

void CallSession::setRequestGate(RequestGate *gate, const QString &group)
{
    if (gate == m_gate && group == m_gateGroup)
        return;
    m_gate = gate;
    m_gateGroup = group;
    for (BemClient *client : clients())
        client->setRequestGate(gate, group, this);
    Q_EMIT connectionChanged(); // the calls list's client follows (configureClient())
}

bool CallSession::hasApiKey() const
{
    return m_client->hasApiKey();
}

void CallSession::setPolicy(const BackoffPolicy &policy)
{
    m_poller->setPolicy(policy);
    m_tracePoller->setPolicy(policy);
    m_events->setPolicy(policy);
}

void CallSession::setTransferTimeoutMs(int ms)
{
    for (BemClient *client : clients())
        client->setTransferTimeoutMs(ms);
}

void CallSession::setMaxBodyBytes(qint64 bytes)
{
    for (BemClient *client : clients())
        client->setMaxBodyBytes(bytes);
}

void CallSession::open(const QString &callId)
{
    // The keychain may take a moment (or ask to be unlocked); asking before the key is
    // known would only earn a "no API key" error.
    if (m_keys && !m_keys->isLoaded()) {
        m_pendingCallId = callId;
        return;
    }
    m_pendingCallId.clear();
    m_fileTicket = 0; // a file still being parsed is no longer wanted
    m_offline = false;
    m_filePath.clear();
    resetModelFor(callId);
    m_tracePoller->stop();
    if (callId.trimmed() != m_poller->callId())
        m_events->clear();
    m_poller->start(callId);
    // The same call again: its version is known, so its trace is asked at once.
    if (m_poller->answeredVersion() == ApiVersion::V3)
        m_tracePoller->start(m_poller->callId());
}

bool CallSession::openFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        SessionProblem p;
        p.kind = SessionProblem::Kind::File;
        p.path = path;
        p.message =
            tr("Could not open %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        Q_EMIT problem(p);
        return false;
    }
    // The loader serves one job at a time: the live call holds still meanwhile, and goes
    // on if the file turns out not to be a call.
    m_poller->suspend();
    m_loadingPath = path;
    m_fileTicket = m_loader->loadFile(file.readAll());
    return true;
}

void CallSession::onFileLoaded(const LoadedCall &loaded)
{
    m_fileTicket = 0;
    const QString path = m_loadingPath;
    if (!loaded.ok()) {
        SessionProblem p;
        p.kind = SessionProblem::Kind::File;
        p.path = path;
        p.message =
            tr("Could not load %1. %2").arg(QDir::toNativeSeparators(path), loaded.parsed.error);
        Q_EMIT problem(p);
        m_poller->endSuspend(); // the call shown goes on as it was
        return;
    }
    // A saved response is a picture of the past: nothing to refresh.
    m_poller->stop();
    m_tracePoller->stop();
    m_events->clear();
    m_offline = true;
    m_filePath = path;
    resetModelFor(loaded.snapshot->call.callId);
    Q_EMIT fileOpened(path, loaded.snapshot->call.callId);
    m_updater->apply(loaded.snapshot);
    m_events->update(loaded.snapshot, false);
}

void CallSession::resetModelFor(const QString &callId)
{
    // Another call's data under this ID would mislead; the same ID keeps its data.
    if (m_model->callId() == callId)
        return;
    m_updater->cancel();
    m_model->clear();
    Q_EMIT callChanged(callId);
}

void CallSession::refreshNow()
{
    if (m_offline)
        return;
    m_poller->refreshNow();
    m_tracePoller->refreshNow();
}

void CallSession::pause()
{
    m_poller->pause();
}

void CallSession::resume()
{
    m_poller->resume();
}

void CallSession::stopRequest()
{
    m_poller->stopRequest();
}

void CallSession::stop()
{
    m_poller->stop();
    m_tracePoller->stop();
}

CallSnapshotPtr CallSession::snapshot() const
{
    return m_model->snapshot();
}

PollerStatus CallSession::status() const
{
    return m_poller->status();
}

QString CallSession::callId() const
{
    return !m_model->callId().isEmpty() ? m_model->callId() : m_poller->callId();
}

} // namespace bem
