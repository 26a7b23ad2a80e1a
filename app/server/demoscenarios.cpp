// SPDX-License-Identifier: MIT
// The progressing workflow call: one body per stage, from queued to completed, each
// function call appearing, running step by step and finishing at its own stage.
#include "demoscenarios.h"

#include "demojson.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <algorithm>

namespace bem {

using namespace demojson;

namespace {

const QString ProgressKey =
    QStringLiteral("acme-corp/ap-inbox/2026-11-30/AP-2026-11-30-0042/vendor-invoices.pdf");
constexpr int ProgressPages = 6;

// When each stage was observed, in seconds after createdAt: irregular, like real polling.
constexpr int StageOffsetSeconds[] = {0, 3, 6, 10, 13, 17, 21, 26, 30, 35, 39, 44, 48, 53};
constexpr int StageCount = int(sizeof(StageOffsetSeconds) / sizeof(StageOffsetSeconds[0]));

qint64 stageMs(int stage)
{
    return StageOffsetSeconds[stage] * Second;
}

// A function call of the progressing workflow: queued at `appear`, running from `runStart`
// with one activity step finishing per stage, completed once every step has.
struct ProgressStep
{
    FunctionCallInfo info;
    int appear = 0;
    int runStart = 0;

    int doneStage() const { return runStart + int(info.steps.size()); }
};

QString pageKey(int page)
{
    return QStringLiteral("acme-corp/ap-inbox/2026-11-30/AP-2026-11-30-0042/pages/page-%1.pdf")
        .arg(page);
}

QList<ProgressStep> progressSteps()
{
    QList<ProgressStep> out;

    FunctionCallInfo route;
    route.functionCallId = QStringLiteral("fc_route");
    route.functionId = QStringLiteral("fn_route_incoming_documents");
    route.functionName = QStringLiteral("route-incoming-documents");
    route.type = QStringLiteral("route");
    route.functionVersionNum = 5;
    route.referenceId = QStringLiteral("AP-2026-11-30-0042/route");
    route.inputType = QStringLiteral("pdf");
    route.inputKey = ProgressKey;
    route.steps = {QStringLiteral("Classify document"), QStringLiteral("Choose route")};
    out.append({route, 1, 1});

    FunctionCallInfo split;
    split.functionCallId = QStringLiteral("fc_split");
    split.functionId = QStringLiteral("fn_split_invoice_pages");
    split.functionName = QStringLiteral("split-invoice-pages");
    split.type = QStringLiteral("split");
    split.functionVersionNum = 3;
    split.referenceId = QStringLiteral("AP-2026-11-30-0042/split");
    split.sourceFunctionCallId = route.functionCallId;
    split.inputType = QStringLiteral("pdf");
    split.inputKey = ProgressKey;
    split.steps = {QStringLiteral("Detect page boundaries"), QStringLiteral("Split into pages")};
    for (int page = 1; page <= ProgressPages; ++page)
        split.inputs.append(
            inputFile(QStringLiteral("pdf"), QStringLiteral("page-%1").arg(page), pageKey(page)));
    out.append({split, 3, 3});

    // Two pages are queued per stage, and each starts one stage after it was queued.
    for (int page = 1; page <= ProgressPages; ++page) {
        FunctionCallInfo t;
        t.functionCallId = QStringLiteral("fc_page_%1").arg(page);
        t.functionId = QStringLiteral("fn_extract_invoice_fields");
        t.functionName = QStringLiteral("extract-invoice-fields");
        t.type = QStringLiteral("transform");
        t.functionVersionNum = 12;
        t.referenceId = QStringLiteral("page-%1").arg(page);
        t.sourceFunctionCallId = split.functionCallId;
        t.inputType = QStringLiteral("pdf");
        t.inputKey = pageKey(page);
        t.steps = {QStringLiteral("Read page"), QStringLiteral("Extract fields"),
                   QStringLiteral("Validate totals")};
        const int appear = 5 + (page - 1) / 2;
        out.append({t, appear, appear + 1});
    }

    // A type this app does not know about: it must be shown as it comes.
    FunctionCallInfo enrich;
    enrich.functionCallId = QStringLiteral("fc_vendor_enrich");
    enrich.functionId = QStringLiteral("fn_enrich_vendor_master");
    enrich.functionName = QStringLiteral("enrich-vendor-master");
    enrich.type = QStringLiteral("enrich");
    enrich.functionVersionNum = 2;
    enrich.referenceId = QStringLiteral("page-1/vendor");
    enrich.sourceFunctionCallId = QStringLiteral("fc_page_1");
    enrich.steps = {QStringLiteral("Look up vendor in ERP"),
                    QStringLiteral("Match purchase order")};
    out.append({enrich, 9, 9});

    FunctionCallInfo join;
    join.functionCallId = QStringLiteral("fc_join");
    join.functionId = QStringLiteral("fn_join_invoice_pages");
    join.functionName = QStringLiteral("join-invoice-pages");
    join.type = QStringLiteral("join");
    join.functionVersionNum = 3;
    join.referenceId = QStringLiteral("AP-2026-11-30-0042/join");
    join.sourceFunctionCallId = split.functionCallId;
    join.steps = {QStringLiteral("Merge page results"), QStringLiteral("Reconcile line items")};
    out.append({join, 11, 11});

    return out;
}

QJsonObject progressStepAt(const ProgressStep &s, int stage)
{
    const QString workflowCallId = DemoCalls::progressing();
    const qsizetype k = s.info.steps.size();
    if (stage < s.runStart)
        return functionCall(s.info, workflowCallId, QStringLiteral("pending"),
                            repeated(QStringLiteral("pending"), k), {}, {});
    // The call started a little before the poll that first saw it running.
    const QString startedAt = timeAt(stageMs(s.runStart) - 1200);
    if (stage >= s.doneStage())
        return functionCall(s.info, workflowCallId, QStringLiteral("completed"),
                            allCompleted(s.info), startedAt, timeAt(stageMs(s.doneStage()) - 700));
    const qsizetype running = stage - s.runStart;
    QStringList statuses;
    for (qsizetype i = 0; i < k; ++i)
        statuses << (i < running    ? QStringLiteral("completed")
                     : i == running ? QStringLiteral("running")
                                    : QStringLiteral("pending"));
    FunctionCallInfo info = s.info;
    // A split only knows its pages once it has started cutting them.
    if (info.type == QLatin1String("split") && running == 0)
        info.inputs = {};
    return functionCall(info, workflowCallId, QStringLiteral("running"), statuses, startedAt, {});
}

} // namespace

int DemoScenarios::progressingStageCount()
{
    return StageCount;
}

QByteArray DemoScenarios::progressingStage(int stage)
{
    stage = std::clamp(stage, 0, StageCount - 1);
    const bool last = stage == StageCount - 1;
    QJsonObject call{
        {QStringLiteral("callID"), DemoCalls::progressing()},
        {QStringLiteral("callType"), QStringLiteral("workflow")},
        {QStringLiteral("status"), stage == 0 ? QStringLiteral("pending")
                                   : last     ? QStringLiteral("completed")
                                              : QStringLiteral("running")},
        {QStringLiteral("createdAt"), timeAt(0)},
        {QStringLiteral("workflowID"), QStringLiteral("wf_invoice_intake")},
        {QStringLiteral("workflowName"), QStringLiteral("invoice-intake")},
        {QStringLiteral("workflowVersionNum"), 4},
        {QStringLiteral("callReferenceID"), QStringLiteral("AP-2026-11-30-0042")},
        {QStringLiteral("input"), QJsonObject{{QStringLiteral("singleFile"),
                                               inputFile(QStringLiteral("pdf"), {}, ProgressKey)}}},
    };
    if (last)
        call.insert(QStringLiteral("finishedAt"), timeAt(stageMs(stage) - 300));
    QJsonArray functionCalls;
    const QList<ProgressStep> steps = progressSteps();
    for (const ProgressStep &s : steps) {
        if (stage >= s.appear)
            functionCalls.append(progressStepAt(s, stage));
    }
    if (!functionCalls.isEmpty())
        call.insert(QStringLiteral("functionCalls"), functionCalls);
    return callBody(call);
}

} // namespace bem
