// SPDX-License-Identifier: MIT
#pragma once

#include "calltree.h"
#include "calltypes.h"
#include "traceparser.h"

#include <QByteArray>
#include <QJsonObject>
#include <QStringList>

#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace bem {

// One immutable state of a call as the server described it, with its tree built. This
// is what flows from the network (or a file) into the model and the views; it is cheap
// to share between threads once built.
struct CallSnapshot
{
    Call call;
    CallTree tree;
    // Parts of the response that were dropped: fields of the wrong type, unreadable values,
    // function calls that were not objects (the parser's warnings).
    QStringList ignored;
    // The response's own "error" text when it came alongside the call.
    QString serverError;
    // Notes about data that is shown, not dropped: the server's error beside the call (and
    // beside the trace), trace events that name no function call, then the tree's (a missing parent
    // shown at the top, a broken cycle, duplicate IDs).
    QStringList notes() const;
    // The bytes this state was read from, exactly as received (the raw view, Save JSON).
    // Implicitly shared: no copy.
    QByteArray body;
    // For the incremental refresh (incrementalparse.h): when known, where each element of
    // call.functionCalls lies in `body` ([first, second) byte offsets), so that the next
    // refresh need not scan this body again. Not set when not known (a full parse does
    // not look for them).
    std::optional<std::vector<std::pair<qsizetype, qsizetype>>> functionCallSpans;

    // v3: the trace body the function calls came from, exactly as received (empty: no
    // trace yet). Implicitly shared.
    QByteArray traceBody;
    // v3: what a refresh needs to reuse parts of this state (loadV3Call). Null for v2.
    struct V3Parts
    {
        // The call body's warnings and top-level unknown members, and the trace's: both
        // are in `ignored` (call first), kept apart so that either part can be reused.
        QStringList callWarnings;
        QJsonObject callResponseUnknownFields;
        QStringList traceWarnings;
        // The trace response's own "error" text when it came alongside the trace.
        QString traceServerError;
        TraceLayout traceLayout;
    };
    std::shared_ptr<const V3Parts> v3;

    // Set when this state was read as a refresh of `previous` and kept its tree (no
    // function call changed its ID or parent links): per function call, whether it was
    // taken from `previous` unchanged (a copy of the one at the same index). The merge
    // planner then compares only the others.
    struct Lineage
    {
        std::weak_ptr<const CallSnapshot> previous;
        std::vector<char> unchanged;
    };
    std::shared_ptr<const Lineage> lineage;

    // parseWarnings: ParseResult::warnings, which become `ignored`.
    static CallSnapshot fromCall(Call call, const QStringList &parseWarnings = {});
    // The same as fromCall(call, parseWarnings), for a refresh of `previous` in which the
    // function calls marked in `unchanged` (one entry each) are copies of previous's at the
    // same index: when the tree would come out the same, previous's is kept (shared, not
    // built again) and the lineage is recorded.
    static CallSnapshot fromRefresh(Call call, const QStringList &parseWarnings,
                                    const std::shared_ptr<const CallSnapshot> &previous,
                                    std::vector<char> unchanged);
};

using CallSnapshotPtr = std::shared_ptr<const CallSnapshot>;

// Lets go of `snapshot`; when that is the last reference, it is destroyed on the thread
// pool. Freeing 100,000 function calls (millions of small strings) takes a third of a
// second: not something the GUI thread should wait for after each refresh.
void releaseOffThread(CallSnapshotPtr snapshot);

} // namespace bem
