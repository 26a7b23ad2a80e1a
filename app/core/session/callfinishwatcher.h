// SPDX-License-Identifier: MIT
#pragma once

#include "callendnotice.h"
#include "callsession.h"
#include "sessionstatus.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

QT_BEGIN_NAMESPACE
class QSettings;
QT_END_NAMESPACE

namespace bem {

// Follows one CallSession and says once when the call it watches ends: completed, failed,
// or refreshing stopped for something a person must fix (a refused key, a missing call).
// A watch starts when the session opens another call. It is armed by default only when
// the call was pending or running when it first arrived (a call already finished when
// opened never notifies), unless the setting notificationsDefaultOn() is false; the
// per-tab toggle (setEnabled) overrides the default for this watch.
class CallFinishWatcher final : public QObject
{
    Q_OBJECT
public:
    // `settings` (may be null: default on) is read each time a watch starts.
    explicit CallFinishWatcher(CallSession *session, QSettings *settings = nullptr,
                               QObject *parent = nullptr);
    ~CallFinishWatcher() override;
    Q_DISABLE_COPY_MOVE(CallFinishWatcher)

    CallSession *session() const { return m_session; }
    // The toggle: notify for this watch (or not). Before the call arrives it shows the
    // default; a choice made by the user is kept when it arrives.
    bool isEnabled() const { return m_enabled; }
    void setEnabled(bool enabled);
    // The watch can still fire: its call arrived live (or has not arrived yet), has not
    // ended, is not a saved file.
    bool canNotify() const;
    // Enabled, and the call arrived pending or running and has not ended yet.
    bool isArmed() const;
    bool hasFired() const { return m_fired; }
    // How long to wait after a call finishes for the last of its data (a v3 trace is read
    // once more when the call ends) before the notice is built. Default 1000 ms.
    void setSettleMs(int ms);

Q_SIGNALS:
    void finished(const bem::CallEndNotice &notice);
    // Enabled, canNotify() or isArmed() may have changed (the bell follows).
    void changed();

private:
    enum class Arrival { NotYet, Live, AlreadyEnded };
    void startWatch();
    void arrive(bool live);
    void onStatus(const PollerStatus &status);
    void fire();

    QPointer<CallSession> m_session;
    QSettings *m_settings;
    Arrival m_arrival = Arrival::NotYet;
    bool m_enabled = true;
    bool m_userChose = false;
    bool m_fired = false;
    bool m_offline = false;
    PollerStatus m_endStatus;
    QTimer m_settle;
};

} // namespace bem
