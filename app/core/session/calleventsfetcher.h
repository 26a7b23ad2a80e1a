// SPDX-License-Identifier: MIT
#pragma once

#include "apiendpoint.h"
#include "backoffpolicy.h"
#include "callsnapshot.h"
#include "calltypes.h"
#include "fetchresult.h"

#include <QObject>
#include <QRandomGenerator>
#include <QSet>
#include <QString>
#include <QTimer>

#include <optional>
#include <utility>

namespace bem {

class BemClient;

// A v3 call's outputs and errors, complete. A call object carries at most a page of each
// (bem caps its arrays), so once the call has ended, and whenever its counts change after
// that, GET /v3/outputs?callIDs=… and /v3/errors?callIDs=… are paged with startingAfter
// (the last eventID) until the end, de-duplicated by eventID. eventsChanged() gives the
// call's own arrays first (complete = false while pages load), then the full lists
// (complete = true). A page that fails keeps what was loaded, says so (problem()) and is
// asked again later with backoff. v2 calls have no outputs or errors: nothing is paged.
class CallEventsFetcher final : public QObject
{
    Q_OBJECT
public:
    static constexpr int PageLimit = 100;

    explicit CallEventsFetcher(BemClient *client, QObject *parent = nullptr);
    ~CallEventsFetcher() override;
    Q_DISABLE_COPY_MOVE(CallEventsFetcher)

    void setPolicy(const BackoffPolicy &policy) { m_policy = policy; }

    // A new state of the call shown (live or from a file; `live` false: nothing is asked,
    // the call's arrays are all there is).
    void update(const CallSnapshotPtr &snapshot, bool live = true);
    // Forgets the call (another one is coming); nothing is emitted.
    void clear();
    CallEvents events() const { return m_events; }
    bool isPaging() const { return m_paging; }

Q_SIGNALS:
    void eventsChanged(const bem::CallEvents &events);
    // A page could not be loaded; what was loaded stays and the page is asked again.
    void problem(const QString &message);

private:
    using Kind = ApiEndpoint::EventList;
    void startPaging();
    void fetchPage();
    void onFetched(const FetchResult &result);
    void pageFailed(const QString &message);
    void finishKind();
    void publish(bool complete);

    BemClient *m_client;
    BackoffPolicy m_policy;
    QRandomGenerator m_random;
    QTimer m_retryTimer;

    QString m_callId;
    QList<Event> m_callOutputs; // the call's own arrays, as last seen
    QList<Event> m_callErrors;
    // The counts paging last started for; nothing before the call ended.
    std::optional<std::pair<qsizetype, qsizetype>> m_checkedCounts;
    bool m_paging = false;
    Kind m_kind = Kind::Outputs;
    QString m_cursor; // startingAfter: the last eventID of the previous page
    QList<Event> m_pagedOutputs;
    QList<Event> m_pagedErrors;
    QSet<QString> m_seen; // eventIDs of the kind being paged
    int m_failedAttempts = 0;
    CallEvents m_events;
};

} // namespace bem
