// SPDX-License-Identifier: MIT
#pragma once

#include "calltypes.h"

#include <QString>
#include <QStringList>
#include <QUrl>

namespace bem {

// What the calls browser asks GET /v2/calls or /v3/calls for: the filters the API itself
// applies (no page is ever filtered on this side), the order and one cursor. A value:
// two equal queries ask for the same list, and a change of filter is a new query.
struct CallListQuery
{
    static constexpr int MaxLimit = 100; // bem's cap on one page

    ApiVersion version = ApiVersion::V3;
    QStringList statuses;      // "pending", "running", "completed", "failed": repeated
    QStringList workflowNames; // repeated
    QString referenceSubstring;
    QString callType;        // v2 only ("workflow", "function"); ignored on v3
    bool newestFirst = true; // sortOrder=desc (the API's own default is oldest first)
    int limit = MaxLimit;
    // At most one cursor: a callID of the previous page.
    QString startingAfter;
    QString endingBefore;

    // The same filters and order, whatever the cursor: answers to one are answers to the
    // other's list.
    bool sameListAs(const CallListQuery &other) const;
    CallListQuery withoutCursor() const;

    // "limit=100&sortOrder=desc&statuses=failed&statuses=running&…": every value
    // percent-encoded (a comma too: bem reads an unencoded comma as a list separator),
    // arrays repeated, blank values left out, in a fixed order so equal queries send
    // equal bytes.
    QString queryString() const;
    // "{base}/v3/calls?…" (or /v2/calls).
    QUrl url(const QUrl &baseUrl) const;

    friend bool operator==(const CallListQuery &a, const CallListQuery &b)
    {
        return a.sameListAs(b) && a.limit == b.limit && a.startingAfter == b.startingAfter &&
               a.endingBefore == b.endingBefore;
    }
    friend bool operator!=(const CallListQuery &a, const CallListQuery &b) { return !(a == b); }
};

} // namespace bem
