// SPDX-License-Identifier: MIT
#pragma once

#include "serverreply.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

namespace bem {

// GET /v2/calls and /v3/calls of the local server: the list endpoint's parameters (limit,
// sortOrder, the array filters (statuses among them), referenceIDSubstring, startingAfter /
// endingBefore cursors) applied to `all` (call objects as in {"call": …}), answered as {"calls",
// "totalCount"} or as a 400 naming the bad parameter. Apart from the server so its paging rules
// read on their own.
ServerReply listCalls(const QByteArray &rawQuery, QList<QJsonObject> all);

} // namespace bem
