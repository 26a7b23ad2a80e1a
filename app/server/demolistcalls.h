// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QList>

namespace bem {

// The demo's crowd of calls for the calls browser: `count` calls spread over the last
// days (mixed workflows, references and statuses; a few function calls, which only v2
// lists), as the list endpoints show them after `tick` list requests. The newest few
// are running or pending and finish as the ticks go by, and now and then a new call
// appears, so paging and live refresh have something to show. Deterministic: the same
// count and tick give the same calls.
QList<QJsonObject> demoListedCalls(int count, int tick);

} // namespace bem
