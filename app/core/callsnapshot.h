// SPDX-License-Identifier: MIT
#pragma once

#include "calltree.h"
#include "calltypes.h"

#include <QStringList>

#include <memory>

namespace bem {

// One immutable state of a call as the server described it, with its tree built. This
// is what flows from the network (or a file) into the model and the views; it is cheap
// to share between threads once built.
struct CallSnapshot
{
    Call call;
    CallTree tree;
    // Parser and tree warnings together, for the user who wonders why something is off.
    QStringList warnings;

    static CallSnapshot fromCall(Call call, const QStringList &parseWarnings = {});
};

using CallSnapshotPtr = std::shared_ptr<const CallSnapshot>;

} // namespace bem
