// SPDX-License-Identifier: MIT
#pragma once

#include "callstatus.h"
#include "lazyjsonobject.h"
#include "timestamp.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace bem {

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

// Which bem API a call was read from. v3 calls are always workflow calls; their function
// calls come from the trace (GET /v3/calls/{id}/trace), not from the call itself.
enum class ApiVersion { V2, V3 };

// One v3 event: an output, an error, or any event of a trace. Events are polymorphic by
// eventType and new types appear; `object` keeps the whole event exactly as sent (the
// output viewer shows it, an unknown type is shown from it, and equality is decided by it).
// The named fields are read once, for the tree and the lists; the object read from a
// response is only built from its bytes when something asks for it.
struct Event
{
    QString eventId;
    QString eventType; // "transform", "route", "split_collection", "error", … or unknown
    QString functionId;
    QString functionName;
    QString functionCallId;                      // the function call that emitted it
    std::optional<qint64> functionCallTryNumber; // 1-based attempt
    std::optional<qint64> functionVersionNum;
    QString referenceId;
    QString callId;
    QString workflowName;
    Timestamp createdAt;
    QString message; // error events
    QString choice;  // route events
    std::optional<qint64> itemOffset;
    std::optional<qint64> itemCount;
    std::optional<double> avgConfidence; // a number in [0, 1] when there is one
    Timestamp publishedAt;               // webhook delivered
    Timestamp lastPublishErrorAt;        // last webhook delivery that failed
    LazyJsonObject object;

    bool isError() const { return eventType == QLatin1String("error"); }
    friend bool operator==(const Event &a, const Event &b) { return a.object == b.object; }
    friend bool operator!=(const Event &a, const Event &b) { return !(a == b); }
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
    // v3 trace only: the event that spawned this function call (its parent is the
    // function call that emitted that event), the workflow node it executes, and the
    // labelled outlet of the upstream node that routed here.
    QString sourceEventId;
    QString workflowNodeName;
    QString incomingDestinationName;
    // The attempt (1-based): the trace's functionCallTryNumber when it sends one, else the
    // highest of its events'. Above 1 it is a retry.
    std::optional<qint64> tryNumber;
    // v3 trace only: the events this function call emitted, in trace order. Shown as its
    // children after its activity steps.
    QList<Event> events;
    // Fields this version of the app does not know, kept for the raw view.
    QJsonObject unknownFields;

    // Everything but the activity steps and events (the rows below it): what a function
    // call's own row shows.
    bool sameExceptActivity(const FunctionCall &o) const
    {
        return functionCallId == o.functionCallId && functionId == o.functionId &&
               functionName == o.functionName && type == o.type && referenceId == o.referenceId &&
               status == o.status && functionVersionNum == o.functionVersionNum &&
               startedAt == o.startedAt && finishedAt == o.finishedAt &&
               sourceFunctionCallId == o.sourceFunctionCallId &&
               workflowCallId == o.workflowCallId && inputType == o.inputType && s3URL == o.s3URL &&
               inputs == o.inputs && sourceEventId == o.sourceEventId &&
               workflowNodeName == o.workflowNodeName &&
               incomingDestinationName == o.incomingDestinationName && tryNumber == o.tryNumber &&
               unknownFields == o.unknownFields;
    }
    friend bool operator==(const FunctionCall &a, const FunctionCall &b)
    {
        return a.sameExceptActivity(b) && a.activity == b.activity && a.events == b.events;
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
    // v2: the call's own functionCalls. v3: the trace's (empty until the trace loaded).
    QList<FunctionCall> functionCalls;
    CallInput input;
    QJsonObject unknownFields;

    ApiVersion apiVersion = ApiVersion::V2;
    // v3: the call's outputs (terminal non-error events) and errors. A partly failed call
    // has both. They may be fewer than the call has: see CallEvents.
    QList<Event> outputs;
    QList<Event> errors;
    // v3: trace events that name no function call of the trace (kept, and noted).
    QList<Event> unattachedEvents;
};

// A call's outputs and errors as the outputs pane shows them: the call's own arrays at
// first, then every page of GET /v3/outputs and /v3/errors when the call has more.
struct CallEvents
{
    QList<Event> outputs;
    QList<Event> errors;
    // Every output and error is here (the paging reached the end, or nothing was missing).
    bool complete = true;
};

} // namespace bem

// Every member is an implicitly shared Qt value, a std::optional of a number or a
// LazyJsonObject, all of which may be moved in memory as bytes. Declared so, a QList of
// them grows by realloc() instead of moving each element into a new block: a list of
// 100,000 function calls no longer needs its old and new blocks at once while it grows.
Q_DECLARE_TYPEINFO(bem::InputFile, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(bem::ActivityEntry, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(bem::Event, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(bem::FunctionCall, Q_RELOCATABLE_TYPE);
