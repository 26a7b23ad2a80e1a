// SPDX-License-Identifier: MIT
// The calls made for v3: a partly failed workflow with a retry, one with more outputs
// than a call object carries, and one only v3 knows. Written as v2 bodies, like the
// others, so that their v3 views come out of the same derivation.
#include "demoscenarios.h"

#include "demojson.h"

#include <QJsonArray>
#include <QJsonObject>

namespace bem {

using namespace demojson;

namespace {

QJsonObject workflowCall(const QString &id, const QString &status, qint64 t0, qint64 finished,
                         const QString &workflow, const QString &reference, const QString &key,
                         const QJsonArray &fcs)
{
    return QJsonObject{
        {QStringLiteral("callID"), id},
        {QStringLiteral("callType"), QStringLiteral("workflow")},
        {QStringLiteral("status"), status},
        {QStringLiteral("createdAt"), timeAt(t0)},
        {QStringLiteral("finishedAt"), timeAt(finished)},
        {QStringLiteral("workflowID"),
         QString(QStringLiteral("wf_") + QString(workflow).replace(u'-', u'_'))},
        {QStringLiteral("workflowName"), workflow},
        {QStringLiteral("workflowVersionNum"), 1},
        {QStringLiteral("callReferenceID"), reference},
        {QStringLiteral("input"),
         QJsonObject{{QStringLiteral("singleFile"), inputFile(QStringLiteral("pdf"), {}, key)}}},
        {QStringLiteral("functionCalls"), fcs},
    };
}

FunctionCallInfo pageTransform(const QString &id, const QString &reference, const QString &source,
                               const QString &key)
{
    FunctionCallInfo t;
    t.functionCallId = id;
    t.functionId = QStringLiteral("fn_extract_invoice_fields");
    t.functionName = QStringLiteral("extract-invoice-fields");
    t.type = QStringLiteral("transform");
    t.functionVersionNum = 12;
    t.referenceId = reference;
    t.sourceFunctionCallId = source;
    t.inputType = QStringLiteral("pdf");
    t.inputKey = key;
    t.steps = {QStringLiteral("Read page"), QStringLiteral("Extract fields")};
    return t;
}

FunctionCallInfo pageSplit(const QString &id, const QString &key, const QString &pagePrefix,
                           int pages)
{
    FunctionCallInfo split;
    split.functionCallId = id;
    split.functionId = QStringLiteral("fn_split_invoice_pages");
    split.functionName = QStringLiteral("split-invoice-pages");
    split.type = QStringLiteral("split");
    split.functionVersionNum = 3;
    split.inputType = QStringLiteral("pdf");
    split.inputKey = key;
    split.steps = {QStringLiteral("Split into pages")};
    for (int page = 1; page <= pages; ++page)
        split.inputs.append(inputFile(QStringLiteral("pdf"), QStringLiteral("page-%1").arg(page),
                                      pagePrefix + QStringLiteral("page-%1.pdf").arg(page)));
    return split;
}

} // namespace

QByteArray DemoScenarios::partlyFailedCall()
{
    const QString id = DemoCalls::partlyFailed();
    const qint64 t0 = -20 * Minute;
    const QString prefix = QStringLiteral("acme-corp/ap-inbox/2026-11-30/AP-2026-11-30-0051/");
    const QString key = prefix + QStringLiteral("scanned-invoices.pdf");
    const FunctionCallInfo split =
        pageSplit(QStringLiteral("fc_partial_split"), key, prefix + QStringLiteral("pages/"), 4);
    QJsonArray fcs;
    fcs.append(functionCall(split, id, QStringLiteral("completed"), allCompleted(split),
                            timeAt(t0 + 700), timeAt(t0 + 4 * Second + 200)));
    for (int page = 1; page <= 4; ++page) {
        const FunctionCallInfo t = pageTransform(
            QStringLiteral("fc_partial_page_%1").arg(page), QStringLiteral("page-%1").arg(page),
            split.functionCallId, prefix + QStringLiteral("pages/page-%1.pdf").arg(page));
        const qint64 start = t0 + 4 * Second + 500 + page * 300;
        // Page 2 succeeded on its second try (after a timeout); page 4 failed for good.
        const qint64 end = start + (page == 2 ? 48 : 11) * Second + page * 37;
        if (page == 4)
            fcs.append(functionCall(t, id, QStringLiteral("failed"),
                                    {QStringLiteral("completed"), QStringLiteral("failed")},
                                    timeAt(start), timeAt(end)));
        else
            fcs.append(functionCall(t, id, QStringLiteral("completed"), allCompleted(t),
                                    timeAt(start), timeAt(end)));
    }
    return callBody(workflowCall(id, QStringLiteral("failed"), t0, t0 + 56 * Second,
                                 QStringLiteral("invoice-intake"),
                                 QStringLiteral("AP-2026-11-30-0051"), key, fcs));
}

QByteArray DemoScenarios::manyOutputsCall()
{
    const QString id = DemoCalls::manyOutputs();
    const qint64 t0 = -40 * Minute;
    constexpr int Pages = 130;
    const QString prefix = QStringLiteral("acme-corp/ap-inbox/2026-11-30/AP-2026-11-30-BULK/");
    const QString key = prefix + QStringLiteral("monthly-statements.pdf");
    const FunctionCallInfo split =
        pageSplit(QStringLiteral("fc_bulk_split"), key, prefix + QStringLiteral("pages/"), Pages);
    QJsonArray fcs;
    fcs.append(functionCall(split, id, QStringLiteral("completed"), allCompleted(split),
                            timeAt(t0 + 500), timeAt(t0 + 9 * Second)));
    for (int page = 1; page <= Pages; ++page) {
        const FunctionCallInfo t =
            pageTransform(QStringLiteral("fc_bulk_page_%1").arg(page, 3, 10, QLatin1Char('0')),
                          QStringLiteral("page-%1").arg(page), split.functionCallId,
                          prefix + QStringLiteral("pages/page-%1.pdf").arg(page));
        const qint64 start = t0 + 9 * Second + page * 250;
        fcs.append(functionCall(t, id, QStringLiteral("completed"), allCompleted(t), timeAt(start),
                                timeAt(start + 7 * Second + page * 13)));
    }
    return callBody(workflowCall(id, QStringLiteral("completed"), t0, t0 + 3 * Minute,
                                 QStringLiteral("statement-intake"),
                                 QStringLiteral("AP-2026-11-30-BULK"), key, fcs));
}

QByteArray DemoScenarios::v3OnlyCall()
{
    const QString id = DemoCalls::v3Only();
    const qint64 t0 = -10 * Minute;
    const QString key = QStringLiteral("acme-corp/web-forms/2026-11-30/FORM-993/submission.pdf");

    FunctionCallInfo route;
    route.functionCallId = QStringLiteral("fc_form_route");
    route.functionId = QStringLiteral("fn_route_web_forms");
    route.functionName = QStringLiteral("route-web-forms");
    route.type = QStringLiteral("route");
    route.functionVersionNum = 1;
    route.inputType = QStringLiteral("pdf");
    route.inputKey = key;
    route.steps = {QStringLiteral("Choose route")};

    FunctionCallInfo form = pageTransform(QStringLiteral("fc_form_extract"),
                                          QStringLiteral("FORM-993"), route.functionCallId, key);
    form.functionId = QStringLiteral("fn_extract_web_form");
    form.functionName = QStringLiteral("extract-web-form");

    // A function type newer than this app: its event has fields of its own.
    FunctionCallInfo analyze;
    analyze.functionCallId = QStringLiteral("fc_form_analyze");
    analyze.functionId = QStringLiteral("fn_analyze_document");
    analyze.functionName = QStringLiteral("analyze-document");
    analyze.type = QStringLiteral("analyze");
    analyze.functionVersionNum = 1;
    analyze.referenceId = QStringLiteral("FORM-993/analysis");
    analyze.sourceFunctionCallId = route.functionCallId;
    analyze.steps = {QStringLiteral("Analyze layout")};

    QJsonArray fcs;
    fcs.append(functionCall(route, id, QStringLiteral("completed"), allCompleted(route),
                            timeAt(t0 + 400), timeAt(t0 + 2 * Second)));
    fcs.append(functionCall(form, id, QStringLiteral("completed"), allCompleted(form),
                            timeAt(t0 + 2 * Second + 300), timeAt(t0 + 9 * Second + 120)));
    fcs.append(functionCall(analyze, id, QStringLiteral("completed"), allCompleted(analyze),
                            timeAt(t0 + 2 * Second + 350), timeAt(t0 + 5 * Second + 800)));
    return callBody(workflowCall(id, QStringLiteral("completed"), t0, t0 + 10 * Second,
                                 QStringLiteral("web-form-intake"), QStringLiteral("FORM-993"), key,
                                 fcs));
}

V3Hints DemoScenarios::v3Hints(const QString &callId)
{
    V3Hints hints;
    if (callId == DemoCalls::partlyFailed()) {
        hints.tryNumbers.insert(QStringLiteral("fc_partial_page_2"), 2);
        hints.errorMessages.insert(
            QStringLiteral("fc_partial_page_4"),
            QStringLiteral("Extract fields failed: page 4 is unreadable (scan resolution 72 dpi, "
                           "at least 150 dpi needed)."));
    } else if (callId == DemoCalls::v3Only()) {
        hints.hostileOutputs.insert(QStringLiteral("fc_form_extract"));
    }
    return hints;
}

} // namespace bem
