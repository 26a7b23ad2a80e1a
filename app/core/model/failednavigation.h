// SPDX-License-Identifier: MIT
#pragma once

#include <QModelIndex>

class QAbstractItemModel;

namespace bem {

enum class SearchDirection { Forward, Backward };

// The next function-call row (column 0) whose StatusRole is CallState::Failed, in pre-order
// (a parent before its children, the order rows appear when everything is expanded), after
// (or before) `from`, wrapping around; an invalid `from` starts from the top (or the bottom
// when Backward). Works on any model exposing CallTreeModel's roles (the model itself or a
// proxy over it). Uses FailedDescendantsRole to skip subtrees with no failure, so it stays
// cheap on 100k rows. Returns an invalid index when there is no failed row; returns `from`
// itself (in column 0) when it is the only one.
QModelIndex findFailedRow(const QAbstractItemModel *model, const QModelIndex &from,
                          SearchDirection direction);

} // namespace bem
