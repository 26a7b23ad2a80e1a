// SPDX-License-Identifier: MIT
#pragma once

#include "calltypes.h"
#include "jsonpointer.h"

#include <QJsonValue>

namespace bem {

// What the output viewer shows of an event: a transform's transformedContent, else an
// enrich's enrichedContent; a join's items beside its transformedContent; any other
// event (an error, a route choice, an unknown type) as the whole event. `base` is where
// the event's fieldConfidences and invalidProperties point into `value`.
struct OutputContent
{
    QJsonValue value;
    JsonPointer base;
    bool wholeEvent = false;
};

OutputContent outputContent(const Event &event);

} // namespace bem
