// SPDX-License-Identifier: MIT
#include "failednavigation.h"

#include "calltreemodel.h"

namespace bem {
namespace {

// Whether rows below `index` may have failed. Through a proxy the count includes source rows
// the filter hides, so it can only rule a subtree out, never promise a hit; a model without
// the role gets every subtree searched.
// A failed function call may hold error events (bem marks one failed when it produced one),
// so its own rows are searched too.
bool mayHoldFailure(const QModelIndex &index)
{
    const QVariant count = index.data(CallTreeModel::FailedDescendantsRole);
    return !count.isValid() || count.toInt() > 0 ||
           index.data(CallTreeModel::StatusRole).value<CallState>() == CallState::Failed;
}

// A failed function call, or an error event; never an activity step.
bool isFailedFunctionCall(const QModelIndex &index)
{
    return index.data(CallTreeModel::StatusRole).value<CallState>() == CallState::Failed &&
           index.data(CallTreeModel::NodeKindRole).value<CallTreeModel::NodeKind>() !=
               CallTreeModel::NodeKind::Activity;
}

QModelIndex nextInPreOrder(const QAbstractItemModel *model, QModelIndex index)
{
    if (mayHoldFailure(index) && model->rowCount(index) > 0)
        return model->index(0, 0, index);
    while (index.isValid()) {
        const QModelIndex parent = index.parent();
        if (index.row() + 1 < model->rowCount(parent))
            return model->index(index.row() + 1, 0, parent);
        index = parent;
    }
    return {};
}

// The last row of `index`'s subtree in pre-order, among those worth searching.
QModelIndex lastInPreOrder(const QAbstractItemModel *model, QModelIndex index)
{
    while (mayHoldFailure(index)) {
        const int rows = model->rowCount(index);
        if (rows == 0)
            break;
        index = model->index(rows - 1, 0, index);
    }
    return index;
}

QModelIndex previousInPreOrder(const QAbstractItemModel *model, const QModelIndex &index)
{
    if (index.row() > 0)
        return lastInPreOrder(model, model->index(index.row() - 1, 0, index.parent()));
    return index.parent();
}

} // namespace

QModelIndex findFailedRow(const QAbstractItemModel *model, const QModelIndex &from,
                          SearchDirection direction)
{
    if (!model)
        return {};
    const bool forward = direction == SearchDirection::Forward;
    const auto step = [&](const QModelIndex &index) {
        return forward ? nextInPreOrder(model, index) : previousInPreOrder(model, index);
    };
    const QModelIndex start =
        from.isValid() && from.model() == model ? from.siblingAtColumn(0) : QModelIndex();

    // From `from` to the end (the start, going backward)...
    if (start.isValid()) {
        for (QModelIndex index = step(start); index.isValid(); index = step(index)) {
            if (isFailedFunctionCall(index))
                return index;
        }
    }
    // ...then around from the other end, which finds a row before `from` or `from` itself.
    const int rows = model->rowCount();
    if (rows == 0)
        return {};
    QModelIndex index =
        forward ? model->index(0, 0) : lastInPreOrder(model, model->index(rows - 1, 0));
    for (; index.isValid(); index = step(index)) {
        if (isFailedFunctionCall(index))
            return index;
        if (index == start)
            break;
    }
    return {};
}

} // namespace bem
