// SPDX-License-Identifier: MIT
#pragma once

#include "recentcalls.h"

#include <QLineEdit>
#include <QMenu>

class QStandardItemModel;

namespace bem {

// The Call ID field: Enter asks for the text to be loaded (the window extracts the ID
// from whatever was pasted), and the recent calls complete on any part of their ID, name
// or status, putting only the ID in the field.
class CallIdField final : public QLineEdit
{
    Q_OBJECT
public:
    explicit CallIdField(QWidget *parent = nullptr);

    void setRecentCalls(const QList<RecentCall> &calls);

Q_SIGNALS:
    void loadRequested(const QString &text);

private:
    QStandardItemModel *m_completions;
};

// File ▸ Open Recent: one action per recent call, then "Clear List".
class RecentCallsMenu final : public QMenu
{
    Q_OBJECT
public:
    RecentCallsMenu(RecentCalls *recents, QWidget *parent = nullptr);

Q_SIGNALS:
    void callChosen(const QString &callId);

private:
    void rebuild();

    RecentCalls *m_recents;
};

} // namespace bem
