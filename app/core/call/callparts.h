// SPDX-License-Identifier: MIT
#pragma once

// The pieces of a call that v2 and v3 bodies share, read the same way by both parsers.

#include "callparser.h"
#include "calltypes.h"

#include <QJsonObject>
#include <QString>

namespace bem {

class FieldReader;

// One function call at `path`. `trace`: a v3 trace's, which adds sourceEventID,
// workflowNodeName, incomingDestinationName and functionCallTryNumber (into tryNumber)
// to the known fields.
FunctionCall readFunctionCall(FieldReader &r, const QJsonObject &o, const QString &path,
                              bool trace);
// The fields v2 and v3 calls share (ID, status, times, workflow, reference, input), read
// from the call object `o` at `path` into `c`.
void readSharedCallFields(FieldReader &r, const QJsonObject &o, const QString &path, Call &c);
// A call's `input` (one file or a batch) at `path`.
CallInput readCallInput(FieldReader &r, const QJsonObject &o, const QString &path);
// A whole {"call": …, "error": …} response, v2's or v3's: the body's errors, the server's
// error and unknown top-level members the same for both; `readCall` reads the call object.
ParseResult readCallResponse(const QByteArray &body, bool nullIsAbsent,
                             Call (*readCall)(FieldReader &, const QJsonObject &));

} // namespace bem

namespace bem {

// One v3 event at `path` (see EventParser::parse).
Event readEvent(FieldReader &r, const QJsonObject &o, const QString &path);

} // namespace bem
