// SPDX-License-Identifier: MIT
// What CallTreeModel's rows show: headers, and the data of function call, step and event
// rows by role. The navigation and the merges are in calltreemodel.cpp.
#include "calltreemodel.h"

#include "formatting.h"

#include <QFont>

namespace bem {
namespace {

using Nodes = CallTreeNodes;

} // namespace

QVariant CallTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case TypeColumn:
        return tr("Type");
    case StatusColumn:
        return tr("Status");
    case VersionColumn:
        return tr("Version");
    case ReferenceIdColumn:
        return tr("Reference ID");
    case StartedColumn:
        return tr("Started");
    case DurationColumn:
        return tr("Duration");
    case NodeColumn:
        return tr("Node");
    case EdgeColumn:
        return tr("Edge");
    case TryColumn:
        return tr("Try");
    case TimelineColumn:
        return tr("Timeline");
    default:
        return {};
    }
}

QVariant CallTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.model() != this)
        return {};
    const quintptr id = index.internalId();
    const CallTreeNode &owner = m_nodes[Nodes::ownerOf(id)];
    const ActivityEntry *step = nullptr;
    if (Nodes::isLeafId(id)) {
        const int row = Nodes::leafRowOf(id);
        if (row >= owner.activity().size()) {
            const qsizetype e = row - owner.activity().size();
            if (e >= owner.events().size())
                return {};
            const Event &event = owner.events()[e];
            if (role == Qt::ToolTipRole && index.column() == TimelineColumn)
                return timelineToolTipFor(owner, &event);
            if (role == TimelineStartRole)
                return event.createdAt.isValid()
                           ? QVariant(event.createdAt.value.toMSecsSinceEpoch())
                           : QVariant();
            return eventData(owner, event, index.column(), role);
        }
        step = &owner.activity()[row];
    }
    const Status &status = step ? step->status : owner.fc->status;
    if (role >= TimelineStartRole && role <= TimelineSubtreeLiveRole)
        return step ? QVariant() : timelineData(owner, role);
    switch (role) {
    case Qt::DisplayRole:
        return singleLine(cellText(*owner.fc, step, index.column()));
    case FullTextRole:
        return cellText(*owner.fc, step, index.column());
    case Qt::DecorationRole:
        if (index.column() == StatusColumn)
            return statusIcon(status.state());
        return {};
    case StatusRole:
        return QVariant::fromValue(status.state());
    case RawStatusRole:
        return status.raw();
    case NodeKindRole:
        return QVariant::fromValue(step ? NodeKind::Activity : NodeKind::FunctionCall);
    case FunctionCallIdRole:
        return owner.fc->functionCallId;
    case FailedDescendantsRole:
        return step ? 0 : owner.failedBelow;
    case Qt::FontRole:
        // Steps inside a function call read differently from the function calls beside them.
        if (step) {
            QFont italic;
            italic.setItalic(true);
            return italic;
        }
        return {};
    case Qt::ToolTipRole:
        if (step)
            return index.column() == TimelineColumn ? QVariant() : QVariant(stepToolTip(*step));
        if (index.column() == TimelineColumn)
            return timelineToolTipFor(owner, nullptr);
        return functionCallToolTip(*owner.fc, owner.parentMissing, owner.cycleBroken,
                                   owner.duplicateId);
    default:
        return step ? QVariant() : functionCallData(owner, role);
    }
}

// Roles only a function call row has.
QVariant CallTreeModel::functionCallData(const CallTreeNode &node, int role)
{
    const FunctionCall &fc = *node.fc;
    switch (role) {
    case FunctionIdRole:
        return fc.functionId;
    case SourceFunctionCallIdRole:
        return fc.sourceFunctionCallId;
    case WorkflowCallIdRole:
        return fc.workflowCallId;
    case ReferenceIdRole:
        return fc.referenceId;
    case S3UrlRole:
        return fc.s3URL;
    case InputUrlsRole: {
        QStringList urls;
        for (const InputFile &in : fc.inputs)
            urls << in.s3URL;
        return urls;
    }
    case ParentMissingRole:
        return node.parentMissing;
    case CycleBrokenRole:
        return node.cycleBroken;
    case DuplicateIdRole:
        return node.duplicateId;
    case SourceEventIdRole:
        return fc.sourceEventId;
    case WorkflowNodeRole:
        return fc.workflowNodeName;
    case IncomingDestinationRole:
        return fc.incomingDestinationName;
    case TryNumberRole:
        return fc.tryNumber ? QVariant(*fc.tryNumber) : QVariant();
    case RetryRole:
        return fc.tryNumber && *fc.tryNumber > 1;
    default:
        return {};
    }
}

// An event row: its own fields; the function call's ID and nothing else of it.
QVariant CallTreeModel::eventData(const CallTreeNode &owner, const Event &event, int column,
                                  int role)
{
    const CallState state = event.isError() ? CallState::Failed : CallState::Completed;
    switch (role) {
    case Qt::DisplayRole:
        return singleLine(eventCellText(event, column));
    case FullTextRole:
        return eventCellText(event, column);
    case Qt::DecorationRole:
        // An error reads as failed at a glance, by its name as well as its status.
        if ((column == StatusColumn || column == NameColumn) && event.isError())
            return statusIcon(state);
        return {};
    case Qt::ToolTipRole:
        return eventToolTip(event);
    case StatusRole:
        return QVariant::fromValue(state);
    case RawStatusRole:
        return event.isError() ? QStringLiteral("failed") : QString();
    case NodeKindRole:
        return QVariant::fromValue(NodeKind::Event);
    case FunctionCallIdRole:
        return owner.fc->functionCallId;
    case FailedDescendantsRole:
        return 0;
    case EventIdRole:
        return event.eventId;
    case EventTypeRole:
        return event.eventType;
    case TryNumberRole:
        return event.functionCallTryNumber ? QVariant(*event.functionCallTryNumber) : QVariant();
    case RetryRole:
        return event.functionCallTryNumber && *event.functionCallTryNumber > 1;
    case ConfidenceRole:
        return event.avgConfidence ? QVariant(*event.avgConfidence) : QVariant();
    case ItemOffsetRole:
        return event.itemOffset ? QVariant(*event.itemOffset) : QVariant();
    case ReferenceIdRole:
        return event.referenceId;
    default:
        return {};
    }
}

} // namespace bem
