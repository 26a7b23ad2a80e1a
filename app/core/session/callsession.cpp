// SPDX-License-Identifier: MIT
#include "callsession.h"

#include "apikeystore.h"
#include "bemclient.h"
#include "callloader.h"
#include "callmodelupdater.h"
#include "callpoller.h"
#include "calltreemodel.h"

#include <QDir>
#include <QFile>

namespace bem {

CallSession::CallSession(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_client(new BemClient(network, this))
    , m_loader(new CallLoader(this))
    , m_poller(new CallPoller(m_client, m_loader, this))
    , m_model(new CallTreeModel(this))
    , m_updater(new CallModelUpdater(m_model, this))
{
    connect(m_poller, &CallPoller::snapshotChanged, this, [this](const CallSnapshotPtr &s) {
        if (s)
            m_updater->apply(s);
    });
    connect(m_updater, &CallModelUpdater::applied, this, &CallSession::shown);
    connect(m_poller, &CallPoller::statusChanged, this, &CallSession::statusChanged);
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

CallSession::~CallSession() = default;

void CallSession::setKeyStore(ApiKeyStore *keys)
{
    if (m_keys)
        m_keys->disconnect(this);
    m_keys = keys;
    if (!keys)
        return;
    if (keys->isLoaded())
        m_client->setApiKey(keys->key());
    connect(keys, &ApiKeyStore::keyChanged, this, [this] {
        m_client->setApiKey(m_keys->key());
        // A new key is worth trying at once (a 401 or "no key" waits for exactly this),
        // even over a request still out with the old one.
        if (!m_offline)
            m_poller->refetch();
    });
    connect(keys, &ApiKeyStore::loaded, this, [this] {
        m_client->setApiKey(m_keys->key());
        if (!m_pendingCallId.isEmpty())
            open(std::exchange(m_pendingCallId, QString()));
    });
}

void CallSession::setBaseUrl(const QUrl &url)
{
    if (url == m_client->baseUrl())
        return;
    m_client->setBaseUrl(url);
    if (!m_offline)
        m_poller->refetch(); // a request out to the old address answers for the old one
}

QUrl CallSession::baseUrl() const
{
    return m_client->baseUrl();
}

void CallSession::setApiKey(const QString &key)
{
    m_client->setApiKey(key);
}

bool CallSession::hasApiKey() const
{
    return m_client->hasApiKey();
}

void CallSession::setPolicy(const BackoffPolicy &policy)
{
    m_poller->setPolicy(policy);
}

void CallSession::setTransferTimeoutMs(int ms)
{
    m_client->setTransferTimeoutMs(ms);
}

void CallSession::setMaxBodyBytes(qint64 bytes)
{
    m_client->setMaxBodyBytes(bytes);
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
    m_poller->start(callId);
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
    m_fileTicket = m_loader->load(file.readAll());
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
    m_offline = true;
    m_filePath = path;
    resetModelFor(loaded.snapshot->call.callId);
    Q_EMIT fileOpened(path, loaded.snapshot->call.callId);
    m_updater->apply(loaded.snapshot);
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
    if (!m_offline)
        m_poller->refreshNow();
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
