// SPDX-License-Identifier: MIT
#include "calllisting.h"

#include "queryparams.h"

#include <QJsonArray>

#include <algorithm>

namespace bem {

ServerReply listCalls(const QByteArray &rawQuery, QList<QJsonObject> all)
{
    const QueryParams query(rawQuery);
    if (query.problem)
        return *query.problem;
    const int limit = query.limit;
    const bool descending = query.descending;
    auto badParameter = &QueryParams::badParameter;
    const QStringList known = {QStringLiteral("pending"), QStringLiteral("running"),
                               QStringLiteral("completed"), QStringLiteral("failed")};
    const QStringList statuses = query.array(QStringLiteral("statuses"));
    for (const QString &status : statuses) {
        if (!known.contains(status))
            return badParameter(QStringLiteral("statuses"), status,
                                QStringLiteral("must be one of pending, running, completed, "
                                               "failed."));
    }

    // RFC 3339 times in one format and zone sort as text; callID breaks ties.
    std::sort(all.begin(), all.end(), [](const QJsonObject &a, const QJsonObject &b) {
        const QString ta = a.value(QLatin1String("createdAt")).toString();
        const QString tb = b.value(QLatin1String("createdAt")).toString();
        if (ta != tb)
            return ta < tb;
        return a.value(QLatin1String("callID")).toString() <
               b.value(QLatin1String("callID")).toString();
    });
    if (descending)
        std::reverse(all.begin(), all.end());

    // Array filters: a call matches when its field equals any of the repeated values.
    const QList<QPair<QString, QLatin1String>> filters = {
        {QStringLiteral("callIDs"), QLatin1String("callID")},
        {QStringLiteral("referenceIDs"), QLatin1String("callReferenceID")},
        {QStringLiteral("callTypes"), QLatin1String("callType")},
        {QStringLiteral("workflowIDs"), QLatin1String("workflowID")},
        {QStringLiteral("workflowNames"), QLatin1String("workflowName")},
        {QStringLiteral("functionIDs"), QLatin1String("functionID")},
        {QStringLiteral("functionNames"), QLatin1String("functionName")},
        {QStringLiteral("statuses"), QLatin1String("status")},
    };
    const QString substring = query.first(QStringLiteral("referenceIDSubstring"));
    auto matches = [&](const QJsonObject &call) {
        for (const auto &[param, field] : filters) {
            const QStringList wanted = query.array(param);
            if (!wanted.isEmpty() && !wanted.contains(call.value(field).toString()))
                return false;
        }
        return substring.isEmpty() || call.value(QLatin1String("callReferenceID"))
                                          .toString()
                                          .contains(substring, Qt::CaseInsensitive);
    };

    // Cursors name a callID of the unfiltered order, Stripe-style.
    qsizetype begin = 0;
    qsizetype end = all.size();
    auto indexOf = [&all](const QString &callId) -> qsizetype {
        for (qsizetype i = 0; i < all.size(); ++i) {
            if (all.at(i).value(QLatin1String("callID")).toString() == callId)
                return i;
        }
        return -1;
    };
    const QString after = query.first(QStringLiteral("startingAfter"));
    if (!after.isEmpty()) {
        const qsizetype i = indexOf(after);
        if (i < 0)
            return badParameter(QStringLiteral("startingAfter"), after,
                                QStringLiteral("no call with this ID."));
        begin = i + 1;
    }
    const QString before = query.first(QStringLiteral("endingBefore"));
    if (!before.isEmpty()) {
        const qsizetype i = indexOf(before);
        if (i < 0)
            return badParameter(QStringLiteral("endingBefore"), before,
                                QStringLiteral("no call with this ID."));
        end = i;
    }

    // totalCount counts every call the filters match, ignoring cursors and limit.
    int totalCount = 0;
    QJsonArray page;
    for (qsizetype i = 0; i < all.size(); ++i) {
        if (!matches(all.at(i)))
            continue;
        ++totalCount;
        if (i >= begin && i < end && page.size() < limit)
            page.append(all.at(i));
    }
    // With only endingBefore, the page is the one just before the cursor.
    if (!before.isEmpty() && after.isEmpty()) {
        QJsonArray window;
        QList<QJsonObject> candidates;
        for (qsizetype i = begin; i < end; ++i) {
            if (matches(all.at(i)))
                candidates << all.at(i);
        }
        for (qsizetype i = std::max<qsizetype>(0, candidates.size() - limit); i < candidates.size();
             ++i)
            window.append(candidates.at(i));
        page = window;
    }
    return ServerReply::json(compactJson(
        QJsonObject{{QStringLiteral("calls"), page}, {QStringLiteral("totalCount"), totalCount}}));
}

} // namespace bem
