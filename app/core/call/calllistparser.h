// SPDX-License-Identifier: MIT
#pragma once

#include "callstatus.h"
#include "calltypes.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace bem {

// One row of the calls browser: what GET /v2/calls or /v3/calls says about a call, without
// its function calls or events (those come when the call is opened).
struct CallSummary
{
    QString callId;
    Status status;
    QString callType; // v2 only
    QString workflowName;
    QString functionName; // v2 function calls
    QString referenceId;  // callReferenceID
    Timestamp createdAt;
    Timestamp finishedAt;

    // The workflow's name, else the function's (a v2 function call).
    QString name() const { return workflowName.isEmpty() ? functionName : workflowName; }

    friend bool operator==(const CallSummary &a, const CallSummary &b)
    {
        return a.callId == b.callId && a.status == b.status && a.callType == b.callType &&
               a.workflowName == b.workflowName && a.functionName == b.functionName &&
               a.referenceId == b.referenceId && a.createdAt == b.createdAt &&
               a.finishedAt == b.finishedAt;
    }
    friend bool operator!=(const CallSummary &a, const CallSummary &b) { return !(a == b); }
};

// One page of a list of calls ({"calls": [...], "totalCount": n}). Entries that are not
// objects, or have no callID to merge by, are skipped, each with a warning; a field of the
// wrong type is left empty with a warning; every string is kept exactly as sent (the
// views make it safe to show).
struct CallListPage
{
    QList<CallSummary> calls;
    std::optional<qint64> totalCount;
    QString error; // set when the body is not a list of calls at all
    qsizetype errorOffset = -1;
    bool endedEarly = false;
    QString serverError; // the body's "error", when it had one
    QStringList warnings;
    int skipped = 0; // entries left out

    bool ok() const { return error.isEmpty(); }
};

class CallListParser final
{
public:
    static CallListPage parse(const QByteArray &body);
};

} // namespace bem
