// SPDX-License-Identifier: MIT
#include "callloader.h"

#include "incrementalparse.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>

namespace bem {

LoadedCall loadCall(const QByteArray &body)
{
    LoadedCall result;
    result.parsed = CallParser::parse(body);
    if (!result.parsed.ok())
        return result;
    auto snapshot = std::make_shared<CallSnapshot>(
        CallSnapshot::fromCall(std::move(*result.parsed.call), result.parsed.warnings));
    result.parsed.call.reset();
    snapshot->serverError = result.parsed.serverError;
    snapshot->body = body;
    result.snapshot = std::move(snapshot);
    return result;
}

CallLoader::CallLoader(QObject *parent)
    : QObject(parent)
{}

CallLoader::~CallLoader()
{
    // Watchers are children: destroying them leaves running jobs to finish unobserved.
    // Their results only hold copies of the bytes, never a pointer to us.
    cancel();
}

quint64 CallLoader::load(const QByteArray &body)
{
    return load(body, nullptr);
}

quint64 CallLoader::load(const QByteArray &body, const CallSnapshotPtr &previous)
{
    const quint64 ticket = ++m_current;
    ++m_pending;
    auto *watcher = new QFutureWatcher<LoadedCall>(this);
    connect(watcher, &QFutureWatcher<LoadedCall>::finished, this, [this, watcher, ticket] {
        --m_pending;
        watcher->deleteLater();
        if (ticket != m_current) {
            ++m_dropped;
            return;
        }
        m_delivered = ticket;
        Q_EMIT loaded(ticket, watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(
        [body, previous] { return previous ? loadCall(body, previous) : loadCall(body); }));
    return ticket;
}

void CallLoader::cancel()
{
    // The job cannot be stopped halfway; its result is simply not reported.
    m_delivered = ++m_current;
}

} // namespace bem
