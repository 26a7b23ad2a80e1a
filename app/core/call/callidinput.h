// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace bem {

struct CallIdExtraction
{
    QString callId;  // empty when none could be found
    QString problem; // a sentence for the user when callId is empty
    bool ok() const { return !callId.isEmpty(); }
};

// A call ID from whatever the user pasted: the ID itself, possibly quoted or padded; an
// API, dashboard or bem-call-inspector:// URL; a JSON response or a line copied out of
// one. Never returns URL or JSON text as an ID: when no ID can be taken, `problem` says
// why. The ID is returned as typed otherwise (IDs are opaque; the client encodes them).
CallIdExtraction extractCallId(const QString &pasted);

// Empty when `id` can be used as a call ID as it is; else a sentence saying why not
// (empty, whitespace, control or bidi characters, longer than 256, only dots).
QString callIdProblem(const QString &id);

} // namespace bem
