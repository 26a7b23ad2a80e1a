// SPDX-License-Identifier: MIT
#pragma once

#include "serverreply.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace bem {

// GET /v3/outputs and /v3/errors of the local server: `events` (every output or every
// error event the server knows) filtered by callIDs, functionNames, referenceIDs,
// workflowNames (repeated or comma-separated) and referenceIDSubstring, ordered by
// createdAt then eventID (sortOrder asc / desc), paged by limit (1..100) and the
// startingAfter / endingBefore cursors (an eventID). Answered as {`key`: [...],
// "totalCount": n} (totalCount ignores cursors and limit) or as a 400 naming the bad
// parameter.
ServerReply listEvents(const QByteArray &rawQuery, QList<QJsonObject> events, const QString &key);

} // namespace bem
