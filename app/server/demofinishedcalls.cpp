// SPDX-License-Identifier: MIT
// The calls that no longer change: a failed workflow, a single function call with one
// input file and a completed batch; the error scenarios answer with the batch body too.
#include "demoscenarios.h"

#include "demojson.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace bem {

using namespace demojson;

namespace {

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
