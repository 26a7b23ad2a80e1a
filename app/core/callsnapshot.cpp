// SPDX-License-Identifier: MIT
#include "callsnapshot.h"

namespace bem {

CallSnapshot CallSnapshot::fromCall(Call call, const QStringList &parseWarnings)
{
    CallSnapshot s;
    s.tree = CallTree::build(call.functionCalls);
    s.call = std::move(call);
    s.warnings = parseWarnings + s.tree.warnings();
    return s;
}

} // namespace bem
