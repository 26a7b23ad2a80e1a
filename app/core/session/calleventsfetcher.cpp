// SPDX-License-Identifier: MIT
#include "calleventsfetcher.h"

#include "bemclient.h"
#include "eventparser.h"

namespace bem {

namespace {

// `extra`'s events not already in `base` (by eventID, or by content without one), appended.
QList<Event> merged(QList<Event> base, const QList<Event> &extra)
{
    QSet<QString> ids;
    for (const Event &e : std::as_const(base))
        if (!e.eventId.isEmpty())
            ids.insert(e.eventId);
    for (const Event &e : extra) {
        if (e.eventId.isEmpty() ? base.contains(e) : ids.contains(e.eventId))
            continue;
        if (!e.eventId.isEmpty())
            ids.insert(e.eventId);
        base.append(e);
    }
    return base;
}

} // namespace

CallEventsFetcher::CallEventsFetcher(BemClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_random(QRandomGenerator::securelySeeded())
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &CallEventsFetcher::fetchPage);
    connect(m_client, &BemClient::finished, this, &CallEventsFetcher::onFetched);
}

CallEventsFetcher::~CallEventsFetcher() = default;

void CallEventsFetcher::clear()
{
    m_client->cancel();
    m_retryTimer.stop();
    m_callId.clear();
    m_callOutputs.clear();
    m_callErrors.clear();
    m_checkedCounts.reset();
    m_paging = false;
    m_pagedOutputs.clear();
    m_pagedErrors.clear();
    m_seen.clear();
    m_failedAttempts = 0;
    m_events = CallEvents();
}

void CallEventsFetcher::update(const CallSnapshotPtr &snapshot, bool live)
{
    if (!snapshot || snapshot->call.apiVersion != ApiVersion::V3)
        return;
    const Call &call = snapshot->call;
    if (call.callId != m_callId) {
        clear();
        m_callId = call.callId;
    }
    const bool arraysChanged = call.outputs != m_callOutputs || call.errors != m_callErrors;
    m_callOutputs = call.outputs;
    m_callErrors = call.errors;
    const std::pair<qsizetype, qsizetype> counts{call.outputs.size(), call.errors.size()};
    if (live && call.status.isTerminal() && m_checkedCounts != counts) {
        m_checkedCounts = counts;
        startPaging();
        return;
    }
    if (arraysChanged && !m_paging)
        publish(m_events.complete || !m_checkedCounts);
}

void CallEventsFetcher::startPaging()
{
    m_client->cancel();
    m_retryTimer.stop();
    m_paging = true;
    m_kind = Kind::Outputs;
    m_cursor.clear();
    m_pagedOutputs.clear();
    m_pagedErrors.clear();
    m_seen.clear();
    m_failedAttempts = 0;
    publish(false);
    fetchPage();
}

void CallEventsFetcher::fetchPage()
{
    if (!m_paging)
        return;
    m_client->fetchUrl(
        ApiEndpoint::eventsUrl(m_client->baseUrl(), m_kind, m_callId, PageLimit, m_cursor),
        m_callId);
}

void CallEventsFetcher::onFetched(const FetchResult &result)
{
    if (!m_paging)
        return;
    if (result.outcome != FetchOutcome::Success) {
        pageFailed(result.message);
        return;
    }
    const EventPageParseResult page = EventPageParser::parse(
        result.body, m_kind == Kind::Outputs ? EventPageKind::Outputs : EventPageKind::Errors);
    if (!page.ok()) {
        pageFailed(page.error);
        return;
    }
    m_failedAttempts = 0;
    QList<Event> &paged = m_kind == Kind::Outputs ? m_pagedOutputs : m_pagedErrors;
    bool progressed = false;
    for (const Event &e : page.events) {
        if (!e.eventId.isEmpty() && m_seen.contains(e.eventId))
            continue;
        if (e.eventId.isEmpty() && paged.contains(e))
            continue;
        m_seen.insert(e.eventId);
        paged.append(e);
        progressed = true;
    }
    const QString last = page.events.isEmpty() ? QString() : page.events.constLast().eventId;
    // A short page, the total reached, or a page with nothing new (a server that ignores
    // the cursor would otherwise be asked forever) is the end.
    const bool end = page.events.size() < PageLimit || last.isEmpty() || !progressed ||
                     (page.totalCount && paged.size() >= *page.totalCount);
    if (!end) {
        m_cursor = last;
        fetchPage();
        return;
    }
    finishKind();
}

void CallEventsFetcher::finishKind()
{
    if (m_kind == Kind::Outputs) {
        m_kind = Kind::Errors;
        m_cursor.clear();
        m_seen.clear();
        fetchPage();
        return;
    }
    m_paging = false;
    publish(true);
}

void CallEventsFetcher::pageFailed(const QString &message)
{
    ++m_failedAttempts;
    const qint64 delay = m_policy.delayMs(m_failedAttempts, m_random);
    publish(false);
    Q_EMIT problem(m_kind == Kind::Outputs
                       ? tr("Not all of the call's outputs could be loaded: %1").arg(message)
                       : tr("Not all of the call's errors could be loaded: %1").arg(message));
    m_retryTimer.start(int(delay));
}

void CallEventsFetcher::publish(bool complete)
{
    CallEvents events;
    // Pages in the server's order first, then anything the call holds that they lack.
    events.outputs = merged(m_pagedOutputs, m_callOutputs);
    events.errors = merged(m_pagedErrors, m_callErrors);
    events.complete = complete;
    m_events = events;
    Q_EMIT eventsChanged(m_events);
}

} // namespace bem
