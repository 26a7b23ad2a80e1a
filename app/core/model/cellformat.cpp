// SPDX-License-Identifier: MIT
#include "cellformat.h"

#include "formatting.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QStringList>

// Strings keep the translation context they were first written in (CallTreeModel).

namespace bem {

QString versionText(const std::optional<qint64> &version)
{
    return version ? QStringLiteral("v%1").arg(*version) : QString();
}

QString functionCallName(const FunctionCall &fc)
{
    if (!fc.functionName.isEmpty())
        return fc.functionName;
    if (!fc.functionId.isEmpty())
        return fc.functionId;
    if (!fc.functionCallId.isEmpty())
        return fc.functionCallId;
    return QCoreApplication::translate("CallTreeModel", "(unnamed function call)");
}

QString cellText(const FunctionCall &fc, const ActivityEntry *step, int column)
{
    if (step) {
        switch (column) {
        case NameCell:
            return step->displayName.isEmpty()
                       ? QCoreApplication::translate("CallTreeModel", "(unnamed step)")
                       : step->displayName;
        case StatusCell:
            return step->status.displayText();
        default:
            return {};
        }
    }
    switch (column) {
    case NameCell:
        return functionCallName(fc);
    case TypeCell:
        return fc.type;
    case StatusCell:
        return fc.status.displayText();
    case VersionCell:
        return versionText(fc.functionVersionNum);
    case ReferenceIdCell:
        return fc.referenceId;
    case StartedCell:
        return formatLocalTime(fc.startedAt.value);
    case DurationCell: {
        const auto ms = durationMs(fc.startedAt, fc.finishedAt);
        if (ms)
            return formatDuration(*ms);
        // Still running: how long so far (read at paint time; every refresh repaints).
        if (fc.startedAt.isValid() && !fc.finishedAt.isValid() &&
            fc.status.state() == CallState::Running) {
            const qint64 soFar = fc.startedAt.value.msecsTo(QDateTime::currentDateTimeUtc());
            if (soFar >= 0)
                return QCoreApplication::translate("CallTreeModel", "running for %1")
                    .arg(formatDuration(soFar));
        }
        return {};
    }
    case NodeCell:
        return fc.workflowNodeName;
    case EdgeCell:
        return edgeText(fc.incomingDestinationName);
    case TryCell:
        return tryText(fc.tryNumber);
    default:
        return {};
    }
}

QString tryText(const std::optional<qint64> &tryNumber)
{
    if (!tryNumber)
        return {};
    if (*tryNumber > 1)
        return QCoreApplication::translate("CallTreeModel", "retry %1").arg(*tryNumber);
    return QString::number(*tryNumber);
}

QString edgeText(const QString &incomingDestinationName)
{
    return incomingDestinationName.isEmpty() ? QString()
                                             : QStringLiteral("\u2192 ") + incomingDestinationName;
}

QString confidenceText(const std::optional<double> &confidence)
{
    return confidence ? QStringLiteral("%1%").arg(qRound(*confidence * 100.0)) : QString();
}

QString eventName(const Event &event)
{
    const QString &type = event.eventType;
    QString name;
    if (event.isError()) {
        const QString firstLine = event.message.section(u'\n', 0, 0).trimmed();
        name = QCoreApplication::translate("CallTreeModel", "error: %1").arg(firstLine);
    } else if (type == QLatin1String("route")) {
        name = event.choice.isEmpty()
                   ? type
                   : QCoreApplication::translate("CallTreeModel", "route: %1").arg(event.choice);
    } else if (type == QLatin1String("split_item") && event.itemOffset) {
        return QCoreApplication::translate("CallTreeModel", "split item %1").arg(*event.itemOffset);
    } else if (type.isEmpty()) {
        name = QCoreApplication::translate("CallTreeModel", "(event of no type)");
    } else {
        name = type;
    }
    // Which item of a batch, and how sure the function was, read at a glance.
    if (event.itemOffset)
        name += QStringLiteral(" \u00b7 ") +
                QCoreApplication::translate("CallTreeModel", "item %1").arg(*event.itemOffset);
    if (event.avgConfidence)
        name += QStringLiteral(" \u00b7 ") + confidenceText(event.avgConfidence);
    return name;
}

QString eventCellText(const Event &event, int column)
{
    switch (column) {
    case NameCell:
        return eventName(event);
    case TypeCell:
        return event.eventType;
    case StatusCell:
        return event.isError() ? Status::fromRaw(QStringLiteral("failed")).displayText()
                               : QString();
    case VersionCell:
        return versionText(event.functionVersionNum);
    case ReferenceIdCell:
        return event.referenceId;
    case StartedCell:
        return formatLocalTime(event.createdAt.value);
    case TryCell:
        return tryText(event.functionCallTryNumber);
    default:
        return {};
    }
}

QString eventToolTip(const Event &event)
{
    QStringList lines{
        QCoreApplication::translate("CallTreeModel", "Event: %1").arg(eventName(event)),
        QCoreApplication::translate("CallTreeModel", "Event ID: %1").arg(event.eventId),
        QCoreApplication::translate("CallTreeModel", "Type: %1").arg(event.eventType)};
    if (event.isError())
        lines << QCoreApplication::translate("CallTreeModel", "Message: %1").arg(event.message);
    if (!event.choice.isEmpty())
        lines << QCoreApplication::translate("CallTreeModel", "Choice: %1").arg(event.choice);
    if (event.avgConfidence)
        lines << QCoreApplication::translate("CallTreeModel", "Confidence: %1")
                     .arg(confidenceText(event.avgConfidence));
    if (event.itemOffset)
        lines << QCoreApplication::translate("CallTreeModel", "Item offset: %1")
                     .arg(*event.itemOffset);
    if (event.functionCallTryNumber)
        lines << QCoreApplication::translate("CallTreeModel", "Try: %1")
                     .arg(*event.functionCallTryNumber);
    if (event.createdAt.isValid())
        lines << QCoreApplication::translate("CallTreeModel", "Created: %1")
                     .arg(formatUtcTime(event.createdAt.value));
    return plainToolTip(lines);
}

QString functionCallToolTip(const FunctionCall &fc, bool parentMissing, bool cycleBroken,
                            bool duplicateId)
{
    QStringList lines{
        functionCallName(fc),
        QCoreApplication::translate("CallTreeModel", "Function call ID: %1").arg(fc.functionCallId),
        QCoreApplication::translate("CallTreeModel", "Status: %1").arg(fc.status.displayText())};
    if (!fc.type.isEmpty())
        lines << QCoreApplication::translate("CallTreeModel", "Type: %1").arg(fc.type);
    if (!fc.functionId.isEmpty())
        lines << QCoreApplication::translate("CallTreeModel", "Function ID: %1").arg(fc.functionId);
    if (fc.startedAt.isValid())
        lines << QCoreApplication::translate("CallTreeModel", "Started: %1")
                     .arg(formatUtcTime(fc.startedAt.value));
    if (fc.finishedAt.isValid())
        lines << QCoreApplication::translate("CallTreeModel", "Finished: %1")
                     .arg(formatUtcTime(fc.finishedAt.value));
    if (!fc.workflowNodeName.isEmpty())
        lines << QCoreApplication::translate("CallTreeModel", "Workflow node: %1")
                     .arg(fc.workflowNodeName);
    if (!fc.incomingDestinationName.isEmpty())
        lines << QCoreApplication::translate("CallTreeModel", "Edge: %1")
                     .arg(edgeText(fc.incomingDestinationName));
    if (fc.tryNumber && *fc.tryNumber > 1)
        lines << QCoreApplication::translate("CallTreeModel", "Retry: this is try %1.")
                     .arg(*fc.tryNumber);
    if (parentMissing && !fc.sourceFunctionCallId.isEmpty())
        lines << QCoreApplication::translate("CallTreeModel", "Its parent %1 is not in this call.")
                     .arg(fc.sourceFunctionCallId);
    else if (parentMissing)
        lines << QCoreApplication::translate("CallTreeModel",
                                             "Its source event %1 was emitted by no function "
                                             "call of this call.")
                     .arg(fc.sourceEventId);
    if (cycleBroken)
        lines << QCoreApplication::translate("CallTreeModel",
                                             "Its parents form a cycle; shown at the top level.");
    if (duplicateId)
        lines << QCoreApplication::translate("CallTreeModel",
                                             "Another function call has the same ID.");
    return plainToolTip(lines);
}

QString stepToolTip(const ActivityEntry &step)
{
    return plainToolTip(
        {QCoreApplication::translate("CallTreeModel", "Step: %1").arg(step.displayName),
         QCoreApplication::translate("CallTreeModel", "Status: %1")
             .arg(step.status.displayText())});
}

} // namespace bem
