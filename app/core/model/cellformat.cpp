// SPDX-License-Identifier: MIT
#include "cellformat.h"

#include "formatting.h"

#include <QCoreApplication>
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
        return ms ? formatDuration(*ms) : QString();
    }
    default:
        return {};
    }
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
    if (parentMissing)
        lines << QCoreApplication::translate("CallTreeModel", "Its parent %1 is not in this call.")
                     .arg(fc.sourceFunctionCallId);
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
