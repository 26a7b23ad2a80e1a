// SPDX-License-Identifier: MIT
#pragma once

#include "callstatus.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace bem {

// An RFC 3339 time as sent, and its parsed value (invalid when it did not parse).
struct Timestamp
{
    QString raw;
    QDateTime value;

    bool isValid() const { return value.isValid(); }
    friend bool operator==(const Timestamp &a, const Timestamp &b) { return a.raw == b.raw; }
    friend bool operator!=(const Timestamp &a, const Timestamp &b) { return !(a == b); }
};

struct InputFile
{
    QString inputType;
    QString itemReferenceId;
    QString s3URL;
    QJsonObject unknownFields;

    friend bool operator==(const InputFile &a, const InputFile &b)
    {
        return a.inputType == b.inputType && a.itemReferenceId == b.itemReferenceId &&
               a.s3URL == b.s3URL && a.unknownFields == b.unknownFields;
    }
    friend bool operator!=(const InputFile &a, const InputFile &b) { return !(a == b); }
};

struct ActivityEntry
{
    QString displayName;
    Status status;
    QJsonObject unknownFields;

    friend bool operator==(const ActivityEntry &a, const ActivityEntry &b)
    {
        return a.displayName == b.displayName && a.status == b.status &&
               a.unknownFields == b.unknownFields;
    }
    friend bool operator!=(const ActivityEntry &a, const ActivityEntry &b) { return !(a == b); }
};

struct FunctionCall
{
    QString functionCallId;
    QString functionId;
    QString functionName;
    QString type;
    QString referenceId;
    Status status;
    std::optional<qint64> functionVersionNum;
    QList<ActivityEntry> activity;
    Timestamp startedAt;
    Timestamp finishedAt;
    QString sourceFunctionCallId;
    QString workflowCallId;
    QString inputType;
    QString s3URL;
    QList<InputFile> inputs;
    // Fields this version of the app does not know, kept for the raw view.
    QJsonObject unknownFields;

    // Everything but the activity list: what a function call's own row shows.
    bool sameExceptActivity(const FunctionCall &o) const
    {
        return functionCallId == o.functionCallId && functionId == o.functionId &&
               functionName == o.functionName && type == o.type && referenceId == o.referenceId &&
               status == o.status && functionVersionNum == o.functionVersionNum &&
               startedAt == o.startedAt && finishedAt == o.finishedAt &&
               sourceFunctionCallId == o.sourceFunctionCallId &&
               workflowCallId == o.workflowCallId && inputType == o.inputType && s3URL == o.s3URL &&
               inputs == o.inputs && unknownFields == o.unknownFields;
    }
    friend bool operator==(const FunctionCall &a, const FunctionCall &b)
    {
        return a.sameExceptActivity(b) && a.activity == b.activity;
    }
    friend bool operator!=(const FunctionCall &a, const FunctionCall &b) { return !(a == b); }
};

// `input` is either one file or a batch; both may be absent.
struct CallInput
{
    std::optional<InputFile> singleFile;
    std::optional<QList<InputFile>> batchFiles;

    bool isEmpty() const { return !singleFile && !batchFiles; }
    friend bool operator==(const CallInput &a, const CallInput &b)
    {
        return a.singleFile == b.singleFile && a.batchFiles == b.batchFiles;
    }
    friend bool operator!=(const CallInput &a, const CallInput &b) { return !(a == b); }
};

struct Call
{
    QString callId;
    QString callType;
    Status status;
    Timestamp createdAt;
    Timestamp finishedAt;
    QString workflowId;
    QString workflowName;
    std::optional<qint64> workflowVersionNum;
    QString functionId;
    QString functionName;
    QString functionType;
    std::optional<qint64> functionVersionNum;
    QString callReferenceId;
    QList<FunctionCall> functionCalls;
    CallInput input;
    QJsonObject unknownFields;
};

} // namespace bem
