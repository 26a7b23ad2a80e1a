// SPDX-License-Identifier: MIT
#include "demojson.h"

#include <QCryptographicHash>
#include <QJsonDocument>

namespace bem::demojson {

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

} // namespace bem::demojson
