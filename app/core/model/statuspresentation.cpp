// SPDX-License-Identifier: MIT
#include "statuspresentation.h"

#include "formatting.h"

#include <QCoreApplication>
#include <QPalette>

// The words keep the translation contexts they were first written in (StatusBadge,
// CallTreeModel), so existing translations still apply.

#include <array>
#include <utility>

namespace bem {
QIcon statusIcon(CallState state)
{
    // Made on first use and never destroyed: a QIcon must not outlive the application
    // object, which a static one would when destructors run at exit.
    static const auto *const icons = [] {
        auto *made = new std::array<QIcon, 5>;
        for (CallState s : {CallState::Unknown, CallState::Pending, CallState::Running,
                            CallState::Completed, CallState::Failed})
            (*made)[size_t(s)] = QIcon(QStringLiteral(":/icons/status-%1.svg").arg(stateName(s)));
        return made;
    }();
    return (*icons)[size_t(state)];
}

QString statusWord(const Status &status)
{
    switch (status.state()) {
    case CallState::Pending:
        return QCoreApplication::translate("StatusBadge", "Pending");
    case CallState::Running:
        return QCoreApplication::translate("StatusBadge", "Running");
    case CallState::Completed:
        return QCoreApplication::translate("StatusBadge", "Completed");
    case CallState::Failed:
        return QCoreApplication::translate("StatusBadge", "Failed");
    case CallState::Unknown:
        break;
    }
    if (status.isAbsent())
        return QStringLiteral("\u2014"); // the dash of every empty field
    return visibleText(status.raw().left(1000));
}

QColor statusColor(CallState state, const QPalette &palette)
{
    // Each pair reads at 4.5:1 or better as text on common light (#efefef, white) and
    // dark (#1e1e1e … #353535) windows.
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    switch (state) {
    case CallState::Completed:
        return dark ? QColor(0x56, 0xd3, 0x64) : QColor(0x11, 0x63, 0x29);
    case CallState::Running:
        return dark ? QColor(0x79, 0xc0, 0xff) : QColor(0x05, 0x50, 0xae);
    case CallState::Pending:
        return dark ? QColor(0xe3, 0xb3, 0x41) : QColor(0x7d, 0x4e, 0x00);
    case CallState::Failed:
        return dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xa4, 0x0e, 0x26);
    case CallState::Unknown:
        break;
    }
    return dark ? QColor(0xa0, 0xa8, 0xb0) : QColor(0x57, 0x60, 0x6a);
}

QString statusDescription(const Status &status)
{
    switch (status.state()) {
    case CallState::Pending:
        return QCoreApplication::translate("StatusBadge", "Queued, not started yet.");
    case CallState::Running:
        return QCoreApplication::translate("StatusBadge", "Executing.");
    case CallState::Completed:
        return QCoreApplication::translate("StatusBadge", "Finished successfully.");
    case CallState::Failed:
        return QCoreApplication::translate("StatusBadge", "Finished with an error.");
    case CallState::Unknown:
        break;
    }
    if (status.isAbsent())
        return QCoreApplication::translate("StatusBadge", "The server sent no status.");
    return QCoreApplication::translate("StatusBadge",
                                       "Not a status the API documents; treated as not finished.");
}

QStringList statusToolTipLines(const Status &status)
{
    QStringList tip;
    if (!status.isAbsent())
        tip << QCoreApplication::translate("StatusBadge", "Status as sent: %1").arg(status.raw());
    tip << statusDescription(status);
    return tip;
}

StatusCounts countStatuses(const QList<FunctionCall> &functionCalls)
{
    StatusCounts counts;
    counts.total = int(functionCalls.size());
    for (const FunctionCall &fc : functionCalls) {
        switch (fc.status.state()) {
        case CallState::Pending:
            ++counts.pending;
            break;
        case CallState::Running:
            ++counts.running;
            break;
        case CallState::Completed:
            ++counts.completed;
            break;
        case CallState::Failed:
            ++counts.failed;
            break;
        case CallState::Unknown:
            ++counts.other;
            break;
        }
    }
    return counts;
}

QString describeCounts(const StatusCounts &c)
{
    if (c.total == 0)
        return QCoreApplication::translate("CallTreeModel", "No function calls");
    QStringList parts{
        c.total == 1
            ? QCoreApplication::translate("CallTreeModel", "1 function call")
            : QCoreApplication::translate("CallTreeModel", "%L1 function calls").arg(c.total)};
    const std::pair<int, QString> states[] = {
        {c.completed, QCoreApplication::translate("CallTreeModel", "%L1 completed")},
        {c.running, QCoreApplication::translate("CallTreeModel", "%L1 running")},
        {c.pending, QCoreApplication::translate("CallTreeModel", "%L1 pending")},
        {c.failed, QCoreApplication::translate("CallTreeModel", "%L1 failed")},
        {c.other, QCoreApplication::translate("CallTreeModel", "%L1 other")}};
    for (const auto &[count, text] : states) {
        if (count > 0)
            parts << text.arg(count);
    }
    return parts.join(QStringLiteral(" \u00B7 "));
}

} // namespace bem
