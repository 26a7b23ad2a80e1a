// SPDX-License-Identifier: MIT
#pragma once

#include "backoffpolicy.h"
#include "calllistquery.h"
#include "fetchresult.h"

#include <QByteArray>
#include <QObject>
#include <QRandomGenerator>
#include <QTimer>

namespace bem {

class BemClient;
class CallListModel;

// Keeps a CallListModel filled from GET /v2/calls or /v3/calls through its own BemClient:
// the first page of the query, further pages when the model asks (startingAfter the last
// call listed), and, while active, a live refresh of the first page that is merged in
// (about every 5 s, slowing to 30 s while nothing changes). One request is in flight at a
// time; a new query or restart() drops whatever was asked for the old one, so only
// answers to the list shown ever reach the model. Failures keep the list shown: a 400 is
// the filter's fault (filterRejected, no retry until the query changes), 401/403 wait for
// restart() (a new key or server), the rest are retried with backoff, honouring
// Retry-After.
class CallListFetcher final : public QObject
{
    Q_OBJECT
public:
    // Live refresh: 5 s, doubling while nothing changes, at most 30 s.
    static BackoffPolicy defaultPolicy() { return BackoffPolicy{5000, 30'000, 2.0, 0.1}; }

    CallListFetcher(BemClient *client, CallListModel *model, QObject *parent = nullptr);
    ~CallListFetcher() override;
    Q_DISABLE_COPY_MOVE(CallListFetcher)

    void setPolicy(const BackoffPolicy &policy) { m_policy = policy; }
    // A different list starts over (the model is emptied, answers to the old one are
    // dropped); the same list with another cursor or limit changes nothing.
    void setQuery(const CallListQuery &query);
    CallListQuery query() const { return m_query; }
    // Starts over with the same query (the key, the server or the API version changed).
    void restart();
    // Live refresh runs only while active (the pane visible, the window not minimised).
    // Becoming active refreshes at once; the first page is asked for even when inactive.
    void setActive(bool active);
    bool isActive() const { return m_active; }
    // Asks nothing (and drops the list) until setQuery() or restart(): there is no key to
    // ask with.
    void stop();
    void refreshNow();
    bool isBusy() const;
    // When the next refresh is due (ms from now), or -1 when none is planned.
    int nextRefreshInMs() const;

Q_SIGNALS:
    // A request went out or ended.
    void busyChanged(bool busy);
    // The API rejected the query (a 400): the server's words; empty once a query is taken.
    void filterRejected(const QString &message);
    // The list could not be loaded or refreshed (the list shown stays): what to tell the
    // user and the raw facts; problemCleared() when a request works again.
    void problem(const QString &message, const QString &details);
    void problemCleared();
    // Something in the list came from the server: a page, a merge, or a note about entries
    // that were left out.
    void listUpdated();
    void entriesSkipped(const QString &note);

private:
    enum class Ask { None, FirstPage, Refresh, More };
    // Cancels what is out and empties the model; what follows is up to the caller.
    void dropList();
    void ask(Ask what);
    void onTimer();
    void onFinished(const FetchResult &result);
    void onFailed(const FetchResult &result, Ask was);
    void afterAnswer();
    void scheduleRefresh(int delayMs);
    void askMore();

    BemClient *m_client;
    CallListModel *m_model;
    BackoffPolicy m_policy = defaultPolicy();
    QRandomGenerator m_random;
    QTimer m_refreshTimer;
    CallListQuery m_query;
    Ask m_inFlight = Ask::None;
    bool m_active = false;
    bool m_haveFirstPage = false;
    bool m_moreWanted = false;
    bool m_stopped = false; // a 400, 401 or 403: nothing more until the query or key changes
    bool m_idle = false;    // stop(): nothing is asked until restart()
    bool m_hadProblem = false;
    bool m_refreshDue = false; // the refresh timer fired while a request was out
    int m_quietRefreshes = 0;  // refreshes in a row that changed nothing
    int m_failures = 0;
    QByteArray m_firstPageBody; // the bytes of the first page as last merged
    QUrl m_askedUrl;
};

} // namespace bem
