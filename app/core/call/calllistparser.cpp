// SPDX-License-Identifier: MIT
#include "calllistparser.h"

#include "jsonfieldreader.h"

#include <QCoreApplication>
#include <QSet>

namespace bem {

namespace {

CallSummary readSummary(FieldReader &r, const QJsonObject &o, const QString &path)
{
    CallSummary c;
    c.callId = r.string(o, QLatin1String("callID"), path);
    c.status = r.status(o, QLatin1String("status"), path);
    c.callType = r.string(o, QLatin1String("callType"), path);
    c.workflowName = r.string(o, QLatin1String("workflowName"), path);
    c.functionName = r.string(o, QLatin1String("functionName"), path);
    c.referenceId = r.string(o, QLatin1String("callReferenceID"), path);
    c.createdAt = r.timestamp(o, QLatin1String("createdAt"), path);
    c.finishedAt = r.timestamp(o, QLatin1String("finishedAt"), path);
    return c;
}

} // namespace

CallListPage CallListParser::parse(const QByteArray &body)
{
    CallListPage page;
    const std::optional<QJsonObject> root = readResponseObject(body, page);
    if (!root)
        return page;
    FieldReader reader(page.warnings, /*nullIsAbsent=*/true);
    page.serverError =
        oneLine(reader.string(*root, QLatin1String("error"), QStringLiteral("response")));
    const QJsonValue calls = root->value(QLatin1String("calls"));
    if (!calls.isArray()) {
        page.error = missingMemberError(
            page.serverError, calls,
            QCoreApplication::translate("bem::CallParser", "The response has no calls in it."),
            QCoreApplication::translate("bem::CallParser",
                                        "The response's calls are %1, not an array."));
        return page;
    }
    const QJsonArray entries = calls.toArray();
    page.calls.reserve(entries.size());
    QSet<QString> seen;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QString path = QLatin1String("calls[") + QString::number(i) + u']';
        const QJsonValue v = entries.at(i);
        if (!v.isObject()) {
            reader.notAnObject(path, v);
            ++page.skipped;
            continue;
        }
        CallSummary summary = readSummary(reader, v.toObject(), path);
        // A row is found again by its callID on every refresh: without one (or with one
        // seen already on this page) it cannot be merged, so it is not shown.
        if (summary.callId.isEmpty()) {
            reader.warn(
                QCoreApplication::translate("bem::CallParser", "%1 has no callID and was left out.")
                    .arg(path));
            ++page.skipped;
            continue;
        }
        if (seen.contains(summary.callId)) {
            reader.warn(QCoreApplication::translate("bem::CallParser",
                                                    "%1 repeats the callID \u201c%2\u201d and was "
                                                    "left out.")
                            .arg(path, oneLine(summary.callId)));
            ++page.skipped;
            continue;
        }
        seen.insert(summary.callId);
        page.calls << std::move(summary);
    }
    page.totalCount =
        reader.integer(*root, QLatin1String("totalCount"), QStringLiteral("response"));
    return page;
}

} // namespace bem
