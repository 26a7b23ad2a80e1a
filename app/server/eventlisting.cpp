// SPDX-License-Identifier: MIT
#include "eventlisting.h"

#include "queryparams.h"

#include <QDateTime>
#include <QJsonArray>

#include <algorithm>

namespace bem {

namespace {

QString str(const QJsonObject &o, QLatin1String key)
{
    return o.value(key).toString();
}

qint64 msOf(const QJsonObject &event)
{
    return QDateTime::fromString(str(event, QLatin1String("createdAt")), Qt::ISODateWithMs)
        .toMSecsSinceEpoch();
}

} // namespace

ServerReply listEvents(const QByteArray &rawQuery, QList<QJsonObject> events, const QString &key)
{
    const QueryParams query(rawQuery);
    if (query.problem)
        return *query.problem;

    std::stable_sort(events.begin(), events.end(), [](const QJsonObject &a, const QJsonObject &b) {
        const qint64 ta = msOf(a);
        const qint64 tb = msOf(b);
        if (ta != tb)
            return ta < tb;
        return str(a, QLatin1String("eventID")) < str(b, QLatin1String("eventID"));
    });
    if (query.descending)
        std::reverse(events.begin(), events.end());

    const QList<QPair<QString, QLatin1String>> filters = {
        {QStringLiteral("callIDs"), QLatin1String("callID")},
        {QStringLiteral("functionNames"), QLatin1String("functionName")},
        {QStringLiteral("referenceIDs"), QLatin1String("referenceID")},
        {QStringLiteral("workflowNames"), QLatin1String("workflowName")},
    };
    QList<QPair<QLatin1String, QStringList>> wanted;
    for (const auto &[param, field] : filters) {
        const QStringList values = query.array(param);
        if (!values.isEmpty())
            wanted.append({field, values});
    }
    const QString substring = query.first(QStringLiteral("referenceIDSubstring"));
    QList<QJsonObject> matching;
    for (const QJsonObject &e : std::as_const(events)) {
        bool ok = true;
        for (const auto &[field, values] : std::as_const(wanted))
            ok = ok && values.contains(str(e, field));
        ok = ok && (substring.isEmpty() ||
                    str(e, QLatin1String("referenceID")).contains(substring, Qt::CaseInsensitive));
        if (ok)
            matching << e;
    }

    // Cursors name an eventID of the filtered order, Stripe-style.
    auto indexOf = [&matching](const QString &eventId) -> qsizetype {
        for (qsizetype i = 0; i < matching.size(); ++i) {
            if (str(matching.at(i), QLatin1String("eventID")) == eventId)
                return i;
        }
        return -1;
    };
    qsizetype begin = 0;
    qsizetype end = matching.size();
    const QString after = query.first(QStringLiteral("startingAfter"));
    const QString before = query.first(QStringLiteral("endingBefore"));
    for (const auto &[name, cursor] : {std::pair{QStringLiteral("startingAfter"), after},
                                       std::pair{QStringLiteral("endingBefore"), before}}) {
        if (cursor.isEmpty())
            continue;
        const qsizetype i = indexOf(cursor);
        if (i < 0)
            return QueryParams::badParameter(name, cursor,
                                             QStringLiteral("no event with this ID matches the "
                                                            "filters."));
        if (name == QLatin1String("startingAfter"))
            begin = i + 1;
        else
            end = i;
    }
    // With only endingBefore, the page is the one just before the cursor.
    if (!before.isEmpty() && after.isEmpty())
        begin = std::max<qsizetype>(begin, end - query.limit);
    QJsonArray page;
    for (qsizetype i = begin; i < end && page.size() < query.limit; ++i)
        page.append(matching.at(i));
    return ServerReply::json(compactJson(
        QJsonObject{{key, page}, {QStringLiteral("totalCount"), int(matching.size())}}));
}

} // namespace bem
