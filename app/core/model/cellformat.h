// SPDX-License-Identifier: MIT
#pragma once

#include "calltypes.h"

#include <QString>

#include <optional>

namespace bem {

// The text of the function-call tree's cells and tooltips, for the model and anything
// that shows the same fields (the filter reads them, the form shows versions).

// The columns of CallTreeModel, in order.
enum CallTreeColumn {
    NameCell,
    TypeCell,
    StatusCell,
    VersionCell,
    ReferenceIdCell,
    StartedCell,
    DurationCell,
    CallTreeColumnCount
};

// "v3"; empty when there is no version.
QString versionText(const std::optional<qint64> &version);
// The function's name, else its ID, else the function call's ID, else "(unnamed …)".
QString functionCallName(const FunctionCall &fc);
// The text of one cell, uncut; `step` is set for an activity row.
QString cellText(const FunctionCall &fc, const ActivityEntry *step, int column);
// Tooltips, already made safe (plainToolTip()).
QString functionCallToolTip(const FunctionCall &fc, bool parentMissing, bool cycleBroken,
                            bool duplicateId);
QString stepToolTip(const ActivityEntry &step);

} // namespace bem
