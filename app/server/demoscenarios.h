// SPDX-License-Identifier: MIT
#pragma once

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
};

} // namespace bem
