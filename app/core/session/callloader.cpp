// SPDX-License-Identifier: MIT
#include "callloader.h"

#include "incrementalparse.h"

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

// Jobs still running finish unobserved: their results only hold copies of the bytes.
CallLoader::~CallLoader() = default;

quint64 CallLoader::load(const QByteArray &body, const CallSnapshotPtr &previous)
{
    // The ticket is known only once start() returns; the handler runs later, from the
    // event loop, so reading it there is safe.
    auto ticket = std::make_shared<quint64>(0);
    *ticket = m_jobs.start(
        [body, previous] { return previous ? loadCall(body, previous) : loadCall(body); },
        [this, ticket](const LoadedCall &result) { Q_EMIT loaded(*ticket, result); });
    return *ticket;
}

} // namespace bem
