// SPDX-License-Identifier: MIT
#include "calllistfetcher.h"

#include "bemclient.h"
#include "calllistmodel.h"
#include "calllistparser.h"

#include <algorithm>
#include <utility>

namespace bem {

CallListFetcher::CallListFetcher(BemClient *client, CallListModel *model, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_model(model)
    , m_random(QRandomGenerator::securelySeeded())
{
    m_refreshTimer.setSingleShot(true);
    connect(&m_refreshTimer, &QTimer::timeout, this, &CallListFetcher::onTimer);
    connect(m_client, &BemClient::finished, this, &CallListFetcher::onFinished);
    connect(m_model, &CallListModel::moreRequested, this, [this] {
        if (!m_haveFirstPage || m_stopped)
            return;
        if (m_inFlight != Ask::None)
            m_moreWanted = true;
        else
            askMore();
    });
}

CallListFetcher::~CallListFetcher() = default;

void CallListFetcher::setQuery(const CallListQuery &query)
{
    if (query.sameListAs(m_query) && m_haveFirstPage) {
        m_query = query.withoutCursor();
        return;
    }
    m_query = query.withoutCursor();
    restart();
}

void CallListFetcher::restart()
{
    dropList();
    m_stopped = false;
    m_idle = false;
    ask(Ask::FirstPage);
}

void CallListFetcher::stop()
{
    dropList();
    m_idle = true;
}

void CallListFetcher::dropList()
{
    // The client drops the request out, so no answer to the old list reaches the model.
    m_client->cancel();
    const bool wasBusy = m_inFlight != Ask::None;
    m_inFlight = Ask::None;
    m_refreshTimer.stop();
    m_haveFirstPage = false;
    m_moreWanted = false;
    m_refreshDue = false;
    m_quietRefreshes = 0;
    m_failures = 0;
    m_firstPageBody.clear();
    m_model->setFetchingMore(false);
    m_model->clear();
    if (wasBusy)
        Q_EMIT busyChanged(false);
}

void CallListFetcher::setActive(bool active)
{
    if (active == m_active)
        return;
    m_active = active;
    if (!active) {
        // A first page still being retried is worth having when the pane comes back.
        if (m_haveFirstPage)
            m_refreshTimer.stop();
        m_refreshDue = false;
        return;
    }
    if (m_haveFirstPage && !m_stopped)
        refreshNow();
}

void CallListFetcher::refreshNow()
{
    if (m_idle)
        return;
    if (m_stopped) {
        restart();
        return;
    }
    m_quietRefreshes = 0;
    if (m_inFlight != Ask::None) {
        m_refreshDue = true;
        return;
    }
    m_refreshTimer.stop();
    ask(m_haveFirstPage ? Ask::Refresh : Ask::FirstPage);
}

bool CallListFetcher::isBusy() const
{
    return m_inFlight != Ask::None;
}

int CallListFetcher::nextRefreshInMs() const
{
    return m_refreshTimer.isActive() ? m_refreshTimer.remainingTime() : -1;
}

void CallListFetcher::ask(Ask what)
{
    CallListQuery q = m_query.withoutCursor();
    q.limit = CallListQuery::MaxLimit;
    if (what == Ask::More)
        q.startingAfter = m_model->lastCallId();
    m_inFlight = what;
    m_askedUrl = q.url(m_client->baseUrl());
    Q_EMIT busyChanged(true);
    m_client->fetchUrl(m_askedUrl, QString(),
                       what == Ask::Refresh ? m_firstPageBody : QByteArray());
}

void CallListFetcher::askMore()
{
    m_moreWanted = false;
    m_model->setFetchingMore(true);
    ask(Ask::More);
}

void CallListFetcher::onTimer()
{
    if (m_stopped)
        return;
    if (m_inFlight != Ask::None) {
        m_refreshDue = true;
        return;
    }
    if (!m_haveFirstPage)
        ask(Ask::FirstPage);
    else if (m_moreWanted)
        askMore();
    else if (m_active)
        ask(Ask::Refresh);
}

void CallListFetcher::scheduleRefresh(int delayMs)
{
    if (m_active || !m_haveFirstPage)
        m_refreshTimer.start(std::max(0, delayMs));
}

void CallListFetcher::onFinished(const FetchResult &result)
{
    if (m_inFlight == Ask::None || result.url != m_askedUrl)
        return; // an answer to a list no longer shown
    const Ask was = std::exchange(m_inFlight, Ask::None);
    Q_EMIT busyChanged(false);

    if (result.outcome == FetchOutcome::Unchanged) {
        ++m_quietRefreshes;
    } else if (!result.isOk()) {
        onFailed(result, was);
        return;
    } else {
        const CallListPage page = CallListParser::parse(result.body);
        if (!page.ok()) {
            FetchResult broken = result;
            broken.outcome = FetchOutcome::InvalidResponse;
            broken.message = tr("The list of calls could not be read: %1").arg(page.error);
            onFailed(broken, was);
            return;
        }
        if (page.skipped > 0)
            Q_EMIT entriesSkipped(tr("%n entries of the list could not be shown and were left out.",
                                     nullptr, page.skipped));
        const bool listEnds = page.calls.size() + page.skipped < CallListQuery::MaxLimit;
        switch (was) {
        case Ask::FirstPage:
            m_haveFirstPage = true;
            m_model->setFirstPage(page.calls, page.totalCount, listEnds);
            m_firstPageBody = result.body;
            Q_EMIT filterRejected(QString());
            break;
        case Ask::Refresh:
            m_model->mergeFirstPage(page.calls, page.totalCount, listEnds);
            m_firstPageBody = result.body;
            m_quietRefreshes = 0;
            break;
        case Ask::More:
            // Still marked as fetching while rows go in: a view asks for more as soon as
            // they do, and that ask is for the page after this one.
            m_model->appendPage(page.calls, page.totalCount, listEnds);
            m_model->setFetchingMore(false);
            break;
        case Ask::None:
            break;
        }
        Q_EMIT listUpdated();
    }
    m_failures = 0;
    if (std::exchange(m_hadProblem, false))
        Q_EMIT problemCleared();
    afterAnswer();
}

void CallListFetcher::afterAnswer()
{
    if (m_moreWanted) {
        askMore();
        return;
    }
    if (std::exchange(m_refreshDue, false) && m_active) {
        ask(Ask::Refresh);
        return;
    }
    if (!m_refreshTimer.isActive())
        scheduleRefresh(m_policy.delayMs(m_quietRefreshes, m_random));
}

void CallListFetcher::onFailed(const FetchResult &result, Ask was)
{
    if (result.httpStatus == 400 || result.httpStatus == 422) {
        // The filter's fault: asking again cannot help until it changes.
        m_stopped = true;
        m_refreshTimer.stop();
        Q_EMIT filterRejected(result.serverMessage.isEmpty() ? result.message
                                                             : result.serverMessage);
        return;
    }
    m_hadProblem = true;
    Q_EMIT problem(result.message, result.details);
    if (!result.isTransient() && result.outcome != FetchOutcome::InvalidResponse) {
        // A key, a server or a setting must change first; restart() comes then.
        m_stopped = true;
        m_refreshTimer.stop();
        return;
    }
    ++m_failures;
    // A failed next page stays marked as fetching until its retry, or a view would ask
    // for it again at once.
    if (result.outcome == FetchOutcome::RateLimited)
        ++m_quietRefreshes; // asked too often: the live pace slows for good
    if (was == Ask::More)
        m_moreWanted = true;
    int delay = m_policy.delayMs(std::max(m_failures, m_quietRefreshes), m_random);
    if (result.retryAfterSeconds)
        delay = std::max(delay, *result.retryAfterSeconds * 1000);
    m_refreshTimer.start(delay);
}

} // namespace bem
