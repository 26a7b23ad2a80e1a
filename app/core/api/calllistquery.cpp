// SPDX-License-Identifier: MIT
#include "calllistquery.h"

#include "apiendpoint.h"

#include <algorithm>

namespace bem {

namespace {

QString item(const char *name, const QString &value)
{
    return QLatin1String(name) + u'=' + QString::fromLatin1(QUrl::toPercentEncoding(value));
}

// Trimmed, blanks dropped, duplicates dropped, first-seen order kept.
QStringList cleaned(const QStringList &values)
{
    QStringList out;
    for (const QString &v : values) {
        const QString t = v.trimmed();
        if (!t.isEmpty() && !out.contains(t))
            out << t;
    }
    return out;
}

} // namespace

bool CallListQuery::sameListAs(const CallListQuery &other) const
{
    const bool v2 = version == ApiVersion::V2;
    return version == other.version && cleaned(statuses) == cleaned(other.statuses) &&
           cleaned(workflowNames) == cleaned(other.workflowNames) &&
           referenceSubstring.trimmed() == other.referenceSubstring.trimmed() &&
           (!v2 || callType.trimmed() == other.callType.trimmed()) &&
           newestFirst == other.newestFirst;
}

CallListQuery CallListQuery::withoutCursor() const
{
    CallListQuery q = *this;
    q.startingAfter.clear();
    q.endingBefore.clear();
    return q;
}

QString CallListQuery::queryString() const
{
    QStringList items{item("limit", QString::number(std::clamp(limit, 1, MaxLimit)))};
    if (newestFirst)
        items << item("sortOrder", QStringLiteral("desc"));
    for (const QString &s : cleaned(statuses))
        items << item("statuses", s);
    for (const QString &name : cleaned(workflowNames))
        items << item("workflowNames", name);
    if (version == ApiVersion::V2 && !callType.trimmed().isEmpty())
        items << item("callTypes", callType.trimmed());
    if (!referenceSubstring.trimmed().isEmpty())
        items << item("referenceIDSubstring", referenceSubstring.trimmed());
    if (!startingAfter.isEmpty())
        items << item("startingAfter", startingAfter);
    else if (!endingBefore.isEmpty())
        items << item("endingBefore", endingBefore);
    return items.join(u'&');
}

QUrl CallListQuery::url(const QUrl &baseUrl) const
{
    QUrl url = baseUrl;
    url.setPath(baseUrl.path(QUrl::FullyEncoded) + u'/' + ApiEndpoint::versionName(version) +
                    QLatin1String("/calls"),
                QUrl::StrictMode);
    url.setQuery(queryString(), QUrl::StrictMode);
    return url;
}

} // namespace bem
