// SPDX-License-Identifier: MIT
#include "v3views.h"

#include "demoevents.h"
#include "serverreply.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QUrl>

#include <algorithm>

namespace bem {

using namespace demoevents;

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

bool isTerminal(const QString &status)
{
    return status == QLatin1String("completed") || status == QLatin1String("failed");
}

qint64 msOf(const QJsonObject &event)
{
    return QDateTime::fromString(str(event, "createdAt"), Qt::ISODateWithMs).toMSecsSinceEpoch();
}

// Oldest first, eventID breaking ties: the order /v3/outputs pages in.
void sortEvents(QList<QJsonObject> &events)
{
    std::stable_sort(events.begin(), events.end(), [](const QJsonObject &a, const QJsonObject &b) {
        const qint64 ta = msOf(a);
        const qint64 tb = msOf(b);
        if (ta != tb)
            return ta < tb;
        return str(a, "eventID") < str(b, "eventID");
    });
}

// The outlet label a route uses for the node that runs `child`: its function's name
// without the verb ("extract-invoice-fields" → "invoice-fields").
QString destinationFor(const QJsonObject &child)
{
    const QString name = str(child, "functionName");
    const qsizetype dash = name.indexOf(u'-');
    return dash < 0 ? name : name.mid(dash + 1);
}

QString nodeNameFor(const QJsonObject &fc)
{
    return str(fc, "functionName").replace(u'-', u'_');
}

QString defaultErrorMessage(const QJsonObject &fc)
{
    const QJsonArray steps = fc.value(QLatin1String("activity")).toArray();
    for (const QJsonValue &v : steps) {
        const QJsonObject step = v.toObject();
        if (str(step, "status") == QLatin1String("failed"))
            return QStringLiteral("%1 failed: the model's answer did not match the output schema "
                                  "(missing required property \"total\").")
                .arg(str(step, "displayName"));
    }
    return QStringLiteral("The function call failed.");
}

struct Spawn
{
    QString eventId;
    QString destination;
};

} // namespace

QByteArray V3View::callBody() const
{
    return compactJson(QJsonObject{{QStringLiteral("call"), call}});
}

QByteArray V3View::traceBody() const
{
    return compactJson(QJsonObject{
        {QStringLiteral("trace"), QJsonObject{{QStringLiteral("functionCalls"), traceFunctionCalls},
                                              {QStringLiteral("events"), traceEvents}}}});
}

V3View v3ViewOf(const QByteArray &v2Body, const V3Hints &hints)
{
    const QJsonObject v2 =
        QJsonDocument::fromJson(v2Body).object().value(QLatin1String("call")).toObject();
    const QJsonArray fcs = v2.value(QLatin1String("functionCalls")).toArray();
    const QString callCreatedAt = str(v2, "createdAt");

    QHash<QString, Spawn> spawnedBy;      // child functionCallID -> the event that spawned it
    QHash<QString, QString> primaryEvent; // functionCallID -> its one non-error event
    QSet<QString> spawning;               // eventIDs that led to a function call
    QList<QJsonObject> events;

    auto childrenOf = [&fcs](const QString &id) {
        QList<QJsonObject> out;
        for (const QJsonValue &v : fcs) {
            const QJsonObject fc = v.toObject();
            if (str(fc, "sourceFunctionCallID") == id)
                out << fc;
        }
        return out;
    };

    for (const QJsonValue &v : fcs) {
        const QJsonObject fc = v.toObject();
        const QString id = str(fc, "functionCallID");
        const QString status = str(fc, "status");
        if (!isTerminal(status))
            continue;
        EventOrigin origin{v2, fc, hints.tryNumbers.value(id, 1),
                           fc.contains(QLatin1String("finishedAt")) ? str(fc, "finishedAt")
                                                                    : callCreatedAt};
        // Earlier attempts failed before this one ran.
        for (int attempt = 1; attempt < origin.tryNumber; ++attempt) {
            EventOrigin early = origin;
            early.tryNumber = attempt;
            early.createdAt =
                fc.contains(QLatin1String("startedAt")) ? str(fc, "startedAt") : callCreatedAt;
            events << errorEvent(early, QStringLiteral("Attempt %1 timed out after 30 s waiting "
                                                       "for the extraction model; retrying.")
                                            .arg(attempt));
        }
        if (status == QLatin1String("failed")) {
            events << errorEvent(origin, hints.errorMessages.value(id, defaultErrorMessage(fc)));
            continue;
        }
        const QString type = str(fc, "type");
        if (type == QLatin1String("route")) {
            const QList<QJsonObject> children = childrenOf(id);
            for (qsizetype i = 0; i < children.size(); ++i) {
                const QString choice = destinationFor(children.at(i));
                const QJsonObject e = routeEvent(origin, choice, int(i));
                spawnedBy.insert(str(children.at(i), "functionCallID"),
                                 {str(e, "eventID"), choice});
                events << e;
            }
        } else if (type == QLatin1String("split")) {
            events << splitCollectionEvent(origin);
            const QJsonArray inputs = fc.value(QLatin1String("inputs")).toArray();
            const QList<QJsonObject> children = childrenOf(id);
            for (qsizetype i = 0; i < inputs.size(); ++i) {
                const QJsonObject e = splitItemEvent(origin, int(i));
                const QString ref = str(inputs.at(i).toObject(), "itemReferenceID");
                for (const QJsonObject &child : children) {
                    if (str(child, "referenceID") == ref)
                        spawnedBy.insert(str(child, "functionCallID"),
                                         {str(e, "eventID"), QStringLiteral("items")});
                }
                events << e;
            }
        } else {
            QJsonObject e;
            if (type == QLatin1String("transform"))
                e = hints.hostileOutputs.contains(id) ? hostileTransformEvent(origin)
                                                      : transformEvent(origin);
            else if (type == QLatin1String("enrich"))
                e = enrichEvent(origin);
            else if (type == QLatin1String("join")) {
                // The join merges what its sibling transforms produced.
                QJsonArray items;
                const QString parent = str(fc, "sourceFunctionCallID");
                for (const QJsonValue &s : fcs) {
                    const QJsonObject sibling = s.toObject();
                    const QString sid = str(sibling, "functionCallID");
                    if (str(sibling, "sourceFunctionCallID") != parent ||
                        str(sibling, "type") != QLatin1String("transform") ||
                        !primaryEvent.contains(sid))
                        continue;
                    items.append(QJsonObject{
                        {QStringLiteral("itemOffset"), int(items.size())},
                        {QStringLiteral("itemCount"), 1},
                        {QStringLiteral("itemReferenceID"), str(sibling, "referenceID")},
                        {QStringLiteral("s3URL"), str(sibling, "s3URL")}});
                }
                e = joinEvent(origin, items);
            } else {
                e = otherEvent(origin);
            }
            primaryEvent.insert(id, str(e, "eventID"));
            for (const QJsonObject &child : childrenOf(id))
                spawnedBy.insert(str(child, "functionCallID"),
                                 {str(e, "eventID"), QStringLiteral("output")});
            events << e;
        }
    }

    V3View view;
    for (const Spawn &s : std::as_const(spawnedBy))
        spawning.insert(s.eventId);
    for (const QJsonObject &e : std::as_const(events)) {
        view.traceEvents.append(e);
        const QString type = str(e, "eventType");
        if (type == QLatin1String("error"))
            view.errors << e;
        else if (spawning.contains(str(e, "eventID")) || type == QLatin1String("route") ||
                 type == QLatin1String("split_collection") || type == QLatin1String("split_item"))
            view.intermediate << e;
        else
            view.outputs << e;
    }
    sortEvents(view.outputs);
    sortEvents(view.intermediate);
    sortEvents(view.errors);

    for (const QJsonValue &v : fcs) {
        QJsonObject fc = v.toObject();
        const QString id = str(fc, "functionCallID");
        if (!fc.contains(QLatin1String("startedAt")))
            fc.insert(QStringLiteral("startedAt"), callCreatedAt);
        if (!isTerminal(str(fc, "status")))
            fc.remove(QStringLiteral("finishedAt"));
        else if (!fc.contains(QLatin1String("finishedAt")))
            fc.insert(QStringLiteral("finishedAt"), fc.value(QLatin1String("startedAt")));
        const auto spawn = spawnedBy.constFind(id);
        if (spawn != spawnedBy.constEnd()) {
            fc.insert(QStringLiteral("sourceEventID"), spawn->eventId);
            fc.insert(QStringLiteral("incomingDestinationName"), spawn->destination);
        } else {
            fc.insert(QStringLiteral("sourceEventID"), QJsonValue::Null);
        }
        fc.insert(QStringLiteral("workflowNodeName"), nodeNameFor(fc));
        const int tries = hints.tryNumbers.value(id, 1);
        if (tries > 1)
            fc.insert(QStringLiteral("functionCallTryNumber"), tries);
        view.traceFunctionCalls.append(fc);
    }

    QJsonObject call = v2;
    for (const char *dropped : {"callType", "functionCalls", "functionID", "functionName",
                                "functionType", "functionVersionNum"})
        call.remove(QLatin1String(dropped));
    QJsonArray outputs;
    for (qsizetype i = 0; i < std::min<qsizetype>(view.outputs.size(), V3View::CallEventsCap); ++i)
        outputs.append(view.outputs.at(i));
    QJsonArray errors;
    for (qsizetype i = 0; i < std::min<qsizetype>(view.errors.size(), V3View::CallEventsCap); ++i)
        errors.append(view.errors.at(i));
    call.insert(QStringLiteral("outputs"), outputs);
    call.insert(QStringLiteral("errors"), errors);
    const QString encodedId = QString::fromLatin1(QUrl::toPercentEncoding(str(v2, "callID")));
    call.insert(QStringLiteral("url"), QString(QStringLiteral("/v3/calls/") + encodedId));
    call.insert(QStringLiteral("traceUrl"),
                QString(QStringLiteral("/v3/calls/") + encodedId + QStringLiteral("/trace")));
    view.call = call;
    return view;
}

} // namespace bem
