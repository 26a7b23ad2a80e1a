// SPDX-License-Identifier: MIT
#include "demoscenarios.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <algorithm>

namespace bem {
namespace {

// Every demo time is an offset from this instant, so bodies are identical on every run.
// The demo calls were created a few minutes before the process first asked, so their
// times read like a call running now ("running for 3 m"), and stay the same for the
// whole process: a refresh of an unchanged stage is byte-identical.
QDateTime epoch()
{
    static const QDateTime start = [] {
        QDateTime t = QDateTime::currentDateTimeUtc().addSecs(-3 * 60);
        t.setTime(QTime(t.time().hour(), t.time().minute()));
        return t;
    }();
    return start;
}

QString timeAt(qint64 msFromEpoch)
{
    const QDateTime t = epoch().addMSecs(msFromEpoch);
    // Real responses carry milliseconds only when they are not zero; show both forms.
    return t.toString(msFromEpoch % 1000 == 0 ? Qt::ISODate : Qt::ISODateWithMs);
}

constexpr qint64 Second = 1000;
constexpr qint64 Minute = 60 * Second;

// Looks like an S3 presigned GET URL; the signature is a hash of the key so that it is
// stable and differs per object. Signed at the start of the demo's UTC day for seven
// days (S3's longest): links stay openable whenever the demo runs, and a body changes at
// most once a day, so refreshes of an unchanged call stay byte-identical.
QString presignedUrl(const QString &key)
{
    const QByteArray signature =
        QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex();
    const QString day = epoch().date().toString(QStringLiteral("yyyyMMdd"));
    return QStringLiteral("https://bem-demo-inputs.s3.amazonaws.com/") + key +
           QStringLiteral("?X-Amz-Algorithm=AWS4-HMAC-SHA256"
                          "&X-Amz-Credential=AKIAEXAMPLEBEMDEMO00%2F") +
           day + QStringLiteral("%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=") + day +
           QStringLiteral("T000000Z&X-Amz-Expires=604800"
                          "&X-Amz-SignedHeaders=host&X-Amz-Signature=") +
           QString::fromLatin1(signature);
}

QJsonObject inputFile(const QString &inputType, const QString &itemReferenceId, const QString &key)
{
    QJsonObject o{{QStringLiteral("inputType"), inputType},
                  {QStringLiteral("s3URL"), presignedUrl(key)}};
    if (!itemReferenceId.isEmpty())
        o.insert(QStringLiteral("itemReferenceID"), itemReferenceId);
    return o;
}

QJsonArray activity(const QStringList &steps, const QStringList &statuses)
{
    QJsonArray out;
    for (qsizetype i = 0; i < steps.size(); ++i)
        out.append(QJsonObject{{QStringLiteral("displayName"), steps.at(i)},
                               {QStringLiteral("status"), statuses.at(i)}});
    return out;
}

// The parts of a function call that do not change while it runs.
struct FunctionCallInfo
{
    QString functionCallId;
    QString functionId;
    QString functionName;
    QString type;
    int functionVersionNum = 1;
    QString referenceId;
    QString sourceFunctionCallId;
    QString inputType;
    QString inputKey;
    QStringList steps;
    QJsonArray inputs;
};

QJsonObject functionCall(const FunctionCallInfo &info, const QString &workflowCallId,
                         const QString &status, const QStringList &stepStatuses,
                         const QString &startedAt, const QString &finishedAt)
{
    QJsonObject o{{QStringLiteral("functionCallID"), info.functionCallId},
                  {QStringLiteral("functionID"), info.functionId},
                  {QStringLiteral("functionName"), info.functionName},
                  {QStringLiteral("type"), info.type},
                  {QStringLiteral("functionVersionNum"), info.functionVersionNum},
                  {QStringLiteral("status"), status},
                  {QStringLiteral("activity"), activity(info.steps, stepStatuses)}};
    if (!info.referenceId.isEmpty())
        o.insert(QStringLiteral("referenceID"), info.referenceId);
    if (!workflowCallId.isEmpty())
        o.insert(QStringLiteral("workflowCallID"), workflowCallId);
    if (!info.sourceFunctionCallId.isEmpty())
        o.insert(QStringLiteral("sourceFunctionCallID"), info.sourceFunctionCallId);
    if (!info.inputKey.isEmpty()) {
        o.insert(QStringLiteral("inputType"), info.inputType);
        o.insert(QStringLiteral("s3URL"), presignedUrl(info.inputKey));
    }
    if (!info.inputs.isEmpty())
        o.insert(QStringLiteral("inputs"), info.inputs);
    if (!startedAt.isEmpty())
        o.insert(QStringLiteral("startedAt"), startedAt);
    if (!finishedAt.isEmpty())
        o.insert(QStringLiteral("finishedAt"), finishedAt);
    return o;
}

QStringList repeated(const QString &status, qsizetype n)
{
    QStringList out;
    for (qsizetype i = 0; i < n; ++i)
        out << status;
    return out;
}

QStringList allCompleted(const FunctionCallInfo &info)
{
    return repeated(QStringLiteral("completed"), info.steps.size());
}

QByteArray callBody(const QJsonObject &call)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("call"), call}})
        .toJson(QJsonDocument::Compact);
}

// ---- The progressing call ----------------------------------------------------------------

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

// ---- The other calls -----------------------------------------------------------------------

FunctionCallInfo batchRoute()
{
    FunctionCallInfo route;
    route.functionCallId = QStringLiteral("fc_batch_route");
    route.functionId = QStringLiteral("fn_route_purchase_orders");
    route.functionName = QStringLiteral("route-purchase-orders");
    route.type = QStringLiteral("route");
    route.functionVersionNum = 2;
    route.referenceId = QStringLiteral("PO-BATCH-2026-11-30/route");
    route.steps = {QStringLiteral("Classify documents"), QStringLiteral("Choose route")};
    return route;
}

struct BatchItem
{
    QString reference;
    QString inputType;
    QString key;
};

QList<BatchItem> batchItems()
{
    const QString prefix = QStringLiteral("acme-corp/procurement/2026-11-30/");
    return {
        {QStringLiteral("po-4471"), QStringLiteral("pdf"), prefix + QStringLiteral("po-4471.pdf")},
        {QStringLiteral("po-4472"), QStringLiteral("pdf"), prefix + QStringLiteral("po-4472.pdf")},
        {QStringLiteral("po-4473"), QStringLiteral("png"),
         prefix + QStringLiteral("po-4473-scan.png")},
        {QStringLiteral("po-4474"), QStringLiteral("csv"),
         prefix + QStringLiteral("po-4474-lines.csv")},
    };
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

QByteArray DemoScenarios::failedCall()
{
    const QString id = DemoCalls::failed();
    const qint64 t0 = -15 * Minute; // 08:45
    const QString docKey =
        QStringLiteral("acme-corp/legal/2026-11-30/LEGAL-MSA-2026-118/master-services.pdf");
    auto sectionKey = [](int n) {
        return QStringLiteral("acme-corp/legal/2026-11-30/LEGAL-MSA-2026-118/sections/"
                              "section-%1.pdf")
            .arg(n);
    };

    FunctionCallInfo route;
    route.functionCallId = QStringLiteral("fc_contract_route");
    route.functionId = QStringLiteral("fn_route_legal_documents");
    route.functionName = QStringLiteral("route-legal-documents");
    route.type = QStringLiteral("route");
    route.functionVersionNum = 1;
    route.referenceId = QStringLiteral("LEGAL-MSA-2026-118/route");
    route.inputType = QStringLiteral("pdf");
    route.inputKey = docKey;
    route.steps = {QStringLiteral("Classify document"), QStringLiteral("Choose route")};

    FunctionCallInfo split;
    split.functionCallId = QStringLiteral("fc_contract_split");
    split.functionId = QStringLiteral("fn_split_contract_sections");
    split.functionName = QStringLiteral("split-contract-sections");
    split.type = QStringLiteral("split");
    split.functionVersionNum = 2;
    split.referenceId = QStringLiteral("LEGAL-MSA-2026-118/split");
    split.sourceFunctionCallId = route.functionCallId;
    split.inputType = QStringLiteral("pdf");
    split.inputKey = docKey;
    split.steps = {QStringLiteral("Detect section headings"), QStringLiteral("Split sections")};
    for (int n = 1; n <= 3; ++n)
        split.inputs.append(
            inputFile(QStringLiteral("pdf"), QStringLiteral("section-%1").arg(n), sectionKey(n)));

    QJsonArray fcs;
    fcs.append(functionCall(route, id, QStringLiteral("completed"), allCompleted(route),
                            timeAt(t0 + 900), timeAt(t0 + 3 * Second + 250)));
    fcs.append(functionCall(split, id, QStringLiteral("completed"), allCompleted(split),
                            timeAt(t0 + 3 * Second + 400), timeAt(t0 + 9 * Second + 100)));

    const QStringList clauseSteps = {QStringLiteral("Extract clauses"),
                                     QStringLiteral("Validate governing law"),
                                     QStringLiteral("Score risk")};
    for (int n = 1; n <= 3; ++n) {
        FunctionCallInfo t;
        t.functionCallId = QStringLiteral("fc_section_%1").arg(n);
        t.functionId = QStringLiteral("fn_extract_contract_clauses");
        t.functionName = QStringLiteral("extract-contract-clauses");
        t.type = QStringLiteral("transform");
        t.functionVersionNum = 8;
        t.referenceId = QStringLiteral("section-%1").arg(n);
        t.sourceFunctionCallId = split.functionCallId;
        t.inputType = QStringLiteral("pdf");
        t.inputKey = sectionKey(n);
        t.steps = clauseSteps;
        if (n == 1) {
            fcs.append(functionCall(t, id, QStringLiteral("completed"), allCompleted(t),
                                    timeAt(t0 + 9 * Second + 600), timeAt(t0 + 27 * Second + 40)));
        } else if (n == 2) {
            fcs.append(functionCall(
                t, id, QStringLiteral("failed"),
                {QStringLiteral("completed"), QStringLiteral("failed"), QStringLiteral("pending")},
                timeAt(t0 + 9 * Second + 650), timeAt(t0 + 40 * Second + 980)));
        } else {
            // Queued behind the failure; the workflow stopped before it ran.
            fcs.append(functionCall(t, id, QStringLiteral("pending"),
                                    repeated(QStringLiteral("pending"), t.steps.size()), {}, {}));
        }
    }

    FunctionCallInfo join;
    join.functionCallId = QStringLiteral("fc_contract_join");
    join.functionId = QStringLiteral("fn_join_contract_review");
    join.functionName = QStringLiteral("join-contract-review");
    join.type = QStringLiteral("join");
    join.functionVersionNum = 2;
    join.referenceId = QStringLiteral("LEGAL-MSA-2026-118/join");
    join.sourceFunctionCallId = split.functionCallId;
    join.steps = {QStringLiteral("Merge section results")};
    fcs.append(
        functionCall(join, id, QStringLiteral("pending"), {QStringLiteral("pending")}, {}, {}));

    const QJsonObject call{
        {QStringLiteral("callID"), id},
        {QStringLiteral("callType"), QStringLiteral("workflow")},
        {QStringLiteral("status"), QStringLiteral("failed")},
        {QStringLiteral("createdAt"), timeAt(t0)},
        {QStringLiteral("finishedAt"), timeAt(t0 + 41 * Second + 120)},
        {QStringLiteral("workflowID"), QStringLiteral("wf_contract_review")},
        {QStringLiteral("workflowName"), QStringLiteral("contract-review")},
        {QStringLiteral("workflowVersionNum"), 2},
        {QStringLiteral("callReferenceID"), QStringLiteral("LEGAL-MSA-2026-118")},
        {QStringLiteral("input"),
         QJsonObject{{QStringLiteral("singleFile"), inputFile(QStringLiteral("pdf"), {}, docKey)}}},
        {QStringLiteral("functionCalls"), fcs},
    };
    return callBody(call);
}

QByteArray DemoScenarios::singleFunctionCall()
{
    const qint64 t0 = -30 * Minute; // 08:30
    const QString key = QStringLiteral("acme-corp/expenses/2026-11-30/EXP-7731/receipt.jpeg");

    FunctionCallInfo info;
    info.functionCallId = QStringLiteral("fc_demo_single_run");
    info.functionId = QStringLiteral("fn_extract_receipt");
    info.functionName = QStringLiteral("extract-receipt");
    info.type = QStringLiteral("transform");
    info.functionVersionNum = 7;
    info.referenceId = QStringLiteral("EXP-2026-11-30-7731");
    info.inputType = QStringLiteral("jpeg");
    info.inputKey = key;
    info.steps = {QStringLiteral("Read image"), QStringLiteral("Extract fields"),
                  QStringLiteral("Validate totals")};

    const QJsonObject call{
        {QStringLiteral("callID"), DemoCalls::singleFunction()},
        {QStringLiteral("callType"), QStringLiteral("function")},
        {QStringLiteral("status"), QStringLiteral("completed")},
        {QStringLiteral("createdAt"), timeAt(t0)},
        {QStringLiteral("finishedAt"), timeAt(t0 + 6 * Second + 412)},
        {QStringLiteral("functionID"), info.functionId},
        {QStringLiteral("functionName"), info.functionName},
        {QStringLiteral("functionType"), info.type},
        {QStringLiteral("functionVersionNum"), info.functionVersionNum},
        {QStringLiteral("callReferenceID"), info.referenceId},
        {QStringLiteral("input"),
         QJsonObject{{QStringLiteral("singleFile"), inputFile(QStringLiteral("jpeg"), {}, key)}}},
        {QStringLiteral("functionCalls"),
         QJsonArray{functionCall(info, {}, QStringLiteral("completed"), allCompleted(info),
                                 timeAt(t0 + 350), timeAt(t0 + 6 * Second + 390))}},
    };
    return callBody(call);
}

QByteArray DemoScenarios::batchCall()
{
    const QString id = DemoCalls::batch();
    const qint64 t0 = -50 * Minute; // 08:10
    const QList<BatchItem> items = batchItems();

    QJsonArray inputs;
    for (const BatchItem &item : items)
        inputs.append(inputFile(item.inputType, item.reference, item.key));

    const FunctionCallInfo route = batchRoute();
    QJsonArray fcs;
    fcs.append(functionCall(route, id, QStringLiteral("completed"), allCompleted(route),
                            timeAt(t0 + 800), timeAt(t0 + 4 * Second + 20)));
    qint64 start = t0 + 4 * Second + 300;
    for (const BatchItem &item : items) {
        FunctionCallInfo t;
        t.functionCallId = QStringLiteral("fc_") + QString(item.reference).replace(u'-', u'_');
        t.functionId = QStringLiteral("fn_extract_purchase_order");
        t.functionName = QStringLiteral("extract-purchase-order");
        t.type = QStringLiteral("transform");
        t.functionVersionNum = 6;
        t.referenceId = item.reference;
        t.sourceFunctionCallId = route.functionCallId;
        t.inputType = item.inputType;
        t.inputKey = item.key;
        t.steps = {QStringLiteral("Extract fields"), QStringLiteral("Validate totals")};
        fcs.append(functionCall(t, id, QStringLiteral("completed"), allCompleted(t), timeAt(start),
                                timeAt(start + 31 * Second + 517)));
        start += 9 * Second + 250;
    }

    FunctionCallInfo join;
    join.functionCallId = QStringLiteral("fc_batch_match");
    join.functionId = QStringLiteral("fn_match_against_erp");
    join.functionName = QStringLiteral("match-against-erp");
    join.type = QStringLiteral("join");
    join.functionVersionNum = 4;
    join.referenceId = QStringLiteral("PO-BATCH-2026-11-30/match");
    join.sourceFunctionCallId = route.functionCallId;
    join.steps = {QStringLiteral("Merge purchase orders"),
                  QStringLiteral("Match against open orders in ERP")};
    fcs.append(functionCall(join, id, QStringLiteral("completed"), allCompleted(join),
                            timeAt(t0 + 68 * Second + 100), timeAt(t0 + 86 * Second + 900)));

    const QJsonObject call{
        {QStringLiteral("callID"), id},
        {QStringLiteral("callType"), QStringLiteral("workflow")},
        {QStringLiteral("status"), QStringLiteral("completed")},
        {QStringLiteral("createdAt"), timeAt(t0)},
        {QStringLiteral("finishedAt"), timeAt(t0 + 87 * Second)},
        {QStringLiteral("workflowID"), QStringLiteral("wf_purchase_order_matching")},
        {QStringLiteral("workflowName"), QStringLiteral("purchase-order-matching")},
        {QStringLiteral("workflowVersionNum"), 3},
        {QStringLiteral("callReferenceID"), QStringLiteral("PO-BATCH-2026-11-30")},
        {QStringLiteral("input"), QJsonObject{{QStringLiteral("batchFiles"),
                                               QJsonObject{{QStringLiteral("inputs"), inputs}}}}},
        {QStringLiteral("functionCalls"), fcs},
    };
    return callBody(call);
}

} // namespace bem
