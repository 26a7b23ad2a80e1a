// SPDX-License-Identifier: MIT
// CallParser::parseV3: a GET /v3/calls/{id} body. Its function calls come from the trace
// (traceparser.h), so here there are only the call's own fields, outputs and errors.
#include "callparser.h"

#include "callparts.h"
#include "fastparse.h"
#include "jsonfieldreader.h"

#include <QCoreApplication>

namespace bem {
namespace {

QList<Event> readEvents(FieldReader &r, const QJsonObject &o, QLatin1String key)
{
    const QString path = QStringLiteral("call.") + key;
    const QJsonArray array = r.array(o, key, QStringLiteral("call"));
    QList<Event> out;
    out.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString p = path + u'[' + QString::number(i) + u']';
        const QJsonValue v = array.at(i);
        if (!v.isObject()) {
            r.notAnObject(p, v);
            continue;
        }
        out << readEvent(r, v.toObject(), p);
    }
    return out;
}

Call parseCallV3(FieldReader &r, const QJsonObject &o)
{
    const QString path = QStringLiteral("call");
    Call c;
    c.apiVersion = ApiVersion::V3;
    readSharedCallFields(r, o, path, c);
    c.outputs = readEvents(r, o, QLatin1String("outputs"));
    c.errors = readEvents(r, o, QLatin1String("errors"));
    // url and traceUrl are hints only; they stay with the other unknown fields for the
    // raw view and the details.
    c.unknownFields = unknownJsonFields(
        o, {QLatin1String("callID"), QLatin1String("status"), QLatin1String("createdAt"),
            QLatin1String("finishedAt"), QLatin1String("workflowID"), QLatin1String("workflowName"),
            QLatin1String("workflowVersionNum"), QLatin1String("callReferenceID"),
            QLatin1String("input"), QLatin1String("outputs"), QLatin1String("errors")});
    return c;
}

} // namespace

ParseResult CallParser::parseV3(const QByteArray &body)
{
    if (std::optional<ParseResult> fast = fast::parseCallV3(body))
        return std::move(*fast);
    return parseV3WithQt(body);
}

ParseResult CallParser::parseV3WithQt(const QByteArray &body)
{
    // v3 sends null for what a call does not have yet (finishedAt, …): absent, not wrong.
    return readCallResponse(body, /*nullIsAbsent=*/true, parseCallV3);
}

} // namespace bem
