// SPDX-License-Identifier: MIT
#pragma once

#include "v3views.h"

#include <QByteArray>
#include <QString>

namespace bem {

// The callIDs the local server knows, and the response bodies of its scenarios. The
// bodies are generated in code (deterministic within a process: fixed IDs, times
// relative to a start a few minutes before the process first asked, input links signed
// for the current day so they stay openable) so the demo works without any file or
// network.
struct DemoCalls
{
    // A workflow call that advances one stage per GET, pending → … → completed.
    static QString progressing() { return QStringLiteral("wf_demo_progress"); }
    // Another call like progressing(), with a stage of its own: "wf_demo_progress_<n>".
    static QString progressingCopy(int n) { return progressing() + u'_' + QString::number(n); }
    static QString failed() { return QStringLiteral("wf_demo_failed"); }
    // A single function call whose input is input.singleFile.
    static QString singleFunction() { return QStringLiteral("fc_demo_single"); }
    // A completed workflow call whose input is input.batchFiles.
    static QString batch() { return QStringLiteral("wf_demo_batch"); }
    // 429 with Retry-After for the first failures, then the batch call's body.
    static QString rateLimited() { return QStringLiteral("demo_rate_limited"); }
    // 500 for the first failures, then the batch call's body.
    static QString flaky() { return QStringLiteral("demo_flaky_500"); }
    // 502 with an HTML body, as a proxy would send.
    static QString badGateway() { return QStringLiteral("demo_bad_gateway"); }
    // 403 with a bem error body.
    static QString forbidden() { return QStringLiteral("demo_forbidden"); }
    // Answers after the configured slow delay.
    static QString slow() { return QStringLiteral("demo_slow"); }
    // Announces a Content-Length, sends part of the body, then closes the connection.
    static QString truncated() { return QStringLiteral("demo_truncated"); }
    // 200 with a body that is not valid JSON.
    static QString invalidJson() { return QStringLiteral("demo_invalid_json"); }
    // 200 with {"error": "..."} and no call.
    static QString errorOnly() { return QStringLiteral("demo_error_only"); }
    // 302 to /v2/calls/wf_demo_batch on the same server.
    static QString redirectSameOrigin() { return QStringLiteral("demo_redirect_same_origin"); }
    // 302 to the configured redirect target (another origin).
    static QString redirectAway() { return QStringLiteral("demo_redirect_away"); }

    // v3: a failed workflow with both outputs and errors; one page succeeded on its
    // second try (functionCallTryNumber 2), another failed for good.
    static QString partlyFailed() { return QStringLiteral("wf_demo_partial"); }
    // v3: the call answers; its trace is a 500 for the first failures, then works.
    static QString traceFlaky() { return QStringLiteral("wf_demo_trace_flaky"); }
    // v3: 130 outputs, more than a call object carries (100): the rest are paged.
    static QString manyOutputs() { return QStringLiteral("wf_demo_many_outputs"); }
    // v3 only (404 on v2): outputs with markup, keys holding "/" and "~", an event of a
    // type the app does not know.
    static QString v3Only() { return QStringLiteral("wf_demo_v3_only"); }
};

// Response bodies ({"call": …}) of the built-in calls.
class DemoScenarios final
{
public:
    // Number of distinct stages of the progressing call; stage count-1 is completed.
    static int progressingStageCount();
    // The body for stage `stage` (clamped to [0, count-1]).
    static QByteArray progressingStage(int stage);
    static QByteArray failedCall();
    static QByteArray singleFunctionCall();
    static QByteArray batchCall();

    // v2-shaped bodies ({"call": …}) of the v3 scenarios, from which their v3 views are
    // derived (the v3-only call's is never served on v2).
    static QByteArray partlyFailedCall();
    static QByteArray manyOutputsCall();
    static QByteArray v3OnlyCall();
    // What the v3 view of `callId` needs beyond its v2 body (retries, messages).
    static V3Hints v3Hints(const QString &callId);
};

} // namespace bem
