// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

// The pieces every demo scenario body is built from (times, signed input links, function
// calls with their activity), shared by the progressing call (demoscenarios.cpp) and the
// finished calls (demofinishedcalls.cpp) so that all of them read alike.
namespace bem::demojson {

constexpr qint64 Second = 1000;
constexpr qint64 Minute = 60 * Second;

// Every demo time is an offset from this instant, so bodies are identical on every run.
// The demo calls were created a few minutes before the process first asked, so their
// times read like a call running now ("running for 3 m"), and stay the same for the
// whole process: a refresh of an unchanged stage is byte-identical.
QDateTime epoch();
// epoch() + msFromEpoch as the API writes times (milliseconds only when not zero).
QString timeAt(qint64 msFromEpoch);

// Looks like an S3 presigned GET URL; the signature is a hash of the key so that it is
// stable and differs per object. Signed at the start of the demo's UTC day for seven
// days (S3's longest): links stay openable whenever the demo runs, and a body changes at
// most once a day, so refreshes of an unchanged call stay byte-identical.
QString presignedUrl(const QString &key);

// One entry of a function call's "inputs"; `itemReferenceId` is left out when empty.
QJsonObject inputFile(const QString &inputType, const QString &itemReferenceId, const QString &key);
// A function call's "activity": step i is named steps[i] and has statuses[i].
QJsonArray activity(const QStringList &steps, const QStringList &statuses);

// The parts of a function call that do not change while it runs.
struct FunctionCallInfo
{
    QString functionCallId;
    QString functionId;
    QString functionName;
    QString type;
    int functionVersionNum = 1;
    QString referenceId;
    QString sourceFunctionCallId;
    QString inputType;
    QString inputKey;
    QStringList steps;
    QJsonArray inputs;
};

// One function call object as the API sends it; empty optional fields are left out.
QJsonObject functionCall(const FunctionCallInfo &info, const QString &workflowCallId,
                         const QString &status, const QStringList &stepStatuses,
                         const QString &startedAt, const QString &finishedAt);

// `status` n times.
QStringList repeated(const QString &status, qsizetype n);
// One "completed" per step of `info`.
QStringList allCompleted(const FunctionCallInfo &info);

// {"call": call}, compact.
QByteArray callBody(const QJsonObject &call);

} // namespace bem::demojson
