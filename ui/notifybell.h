// SPDX-License-Identifier: MIT
#pragma once

#include "callfinishwatcher.h"

#include <QPointer>
#include <QToolButton>

namespace bem {

// "Notify me when it finishes": a checkable bell bound to one watcher. Checked follows the
// watcher's toggle; a click sets it. Greyed out while the watch cannot fire any more (the
// call was already over when opened, has ended, or is a saved file).
class NotifyBell final : public QToolButton
{
    Q_OBJECT
public:
    explicit NotifyBell(QWidget *parent = nullptr);
    ~NotifyBell() override;
    Q_DISABLE_COPY_MOVE(NotifyBell)

    // Follows `watcher` (null: none, the bell is disabled).
    void setWatcher(CallFinishWatcher *watcher);
    CallFinishWatcher *watcher() const { return m_watcher; }

private:
    void sync();

    QPointer<CallFinishWatcher> m_watcher;
    QMetaObject::Connection m_changed;
};

} // namespace bem
