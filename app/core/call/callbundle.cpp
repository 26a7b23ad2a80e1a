// SPDX-License-Identifier: MIT
#include "callbundle.h"

#include "eventparser.h"
#include "jsonfieldreader.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace bem {
namespace {

const QLatin1String MarkerKey("bemCallInspectorBundle");

// The object under `key` of a response body, or an empty object.
QJsonObject memberOf(const QByteArray &body, QLatin1String key)
{
    return QJsonDocument::fromJson(body).object().value(key).toObject();
}

QByteArray bodyOf(QLatin1String key, const QJsonObject &object)
{
    return QJsonDocument(QJsonObject{{key, object}}).toJson(QJsonDocument::Compact);
}

QJsonArray objectsOf(const QList<Event> &events)
{
    QJsonArray out;
    for (const Event &event : events)
        out.append(event.object.get());
    return out;
}

QList<Event> readEvents(const QJsonArray &array, const char *key, QStringList &warnings)
{
    QList<Event> out;
    out.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString path = QLatin1String(key) + u'[' + QString::number(i) + u']';
        if (!array.at(i).isObject()) {
            warnings << QCoreApplication::translate("bem::CallParser",
                                                    "%1: expected an object, got %2; skipped")
                            .arg(path, jsonTypeName(array.at(i)));
            continue;
        }
        out << EventParser::parse(array.at(i).toObject(), path, warnings);
    }
    return out;
}

} // namespace

bool CallBundle::isBundle(const QByteArray &body)
{
    // A cheap look first: a v2 body (possibly 100 MB) is not parsed twice.
    if (!body.contains("\"bemCallInspectorBundle\""))
        return false;
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    return doc.isObject() && doc.object().contains(MarkerKey);
}

CallBundleContents CallBundle::read(const QByteArray &body)
{
    CallBundleContents out;
    JsonBodyError bodyError;
    const std::optional<QJsonObject> root = readJsonObject(body, bodyError);
    if (!root) {
        out.error = bodyError.error;
        out.errorOffset = bodyError.offset;
        return out;
    }
    const QJsonValue marker = root->value(MarkerKey);
    if (!marker.isDouble() || marker.toDouble() < 1) {
        out.error = QCoreApplication::translate(
            "bem::CallBundle", "The saved call's bundle version is not a number this version "
                               "of the app knows.");
        return out;
    }
    if (marker.toDouble() > Version) {
        out.error = QCoreApplication::translate(
                        "bem::CallBundle",
                        "The saved call was written by a newer version of the app (bundle "
                        "version %1; this version reads version %2). Update the app to open it.")
                        .arg(marker.toDouble())
                        .arg(Version);
        return out;
    }
    if (root->value(QLatin1String("apiVersion")).toString() != QLatin1String("v3")) {
        out.error = QCoreApplication::translate(
            "bem::CallBundle", "The saved call is not a v3 call: its \"apiVersion\" is missing "
                               "or unknown.");
        return out;
    }
    const QJsonValue call = root->value(QLatin1String("call"));
    const QJsonValue trace = root->value(QLatin1String("trace"));
    const QJsonValue outputs = root->value(QLatin1String("outputs"));
    const QJsonValue errors = root->value(QLatin1String("errors"));
    QStringList missing;
    if (!call.isObject())
        missing << QStringLiteral("call");
    if (!trace.isObject() && !trace.isNull())
        missing << QStringLiteral("trace");
    if (!outputs.isArray())
        missing << QStringLiteral("outputs");
    if (!errors.isArray())
        missing << QStringLiteral("errors");
    if (!missing.isEmpty()) {
        out.error = QCoreApplication::translate("bem::CallBundle",
                                                "The saved call is incomplete: %1 missing or "
                                                "not of the right type.")
                        .arg(missing.join(QStringLiteral(", ")));
        return out;
    }
    out.callBody = bodyOf(QLatin1String("call"), call.toObject());
    if (trace.isObject())
        out.traceBody = bodyOf(QLatin1String("trace"), trace.toObject());
    out.events.outputs = readEvents(outputs.toArray(), "outputs", out.warnings);
    out.events.errors = readEvents(errors.toArray(), "errors", out.warnings);
    out.events.complete = true;
    return out;
}

QByteArray CallBundle::write(const CallSnapshot &snapshot, const CallEvents &events)
{
    QJsonObject root;
    root.insert(MarkerKey, Version);
    root.insert(QLatin1String("apiVersion"), QStringLiteral("v3"));
    root.insert(QLatin1String("call"), memberOf(snapshot.body, QLatin1String("call")));
    if (snapshot.traceBody.isEmpty())
        root.insert(QLatin1String("trace"), QJsonValue(QJsonValue::Null));
    else
        root.insert(QLatin1String("trace"), memberOf(snapshot.traceBody, QLatin1String("trace")));
    root.insert(QLatin1String("outputs"), objectsOf(events.outputs));
    root.insert(QLatin1String("errors"), objectsOf(events.errors));
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace bem
