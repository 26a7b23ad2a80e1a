// SPDX-License-Identifier: MIT
#pragma once

#include "callendnotice.h"
#include "callsession.h"

#include <QHash>
#include <QObject>
#include <QPointer>

QT_BEGIN_NAMESPACE
class QSettings;
class QSystemTrayIcon;
QT_END_NAMESPACE

namespace bem {

class CallFinishWatcher;
class DesktopNotifier;
struct DesktopNotification;

// The window's "tell me when it ends": one CallFinishWatcher per watched session, and one
// way to say it, the best the desktop offers: the freedesktop notification service, else
// a tray balloon (QSystemTrayIcon), else the status bar. Choosing a notification (or the
// balloon) asks to open its session.
class FinishNotifications final : public QObject
{
    Q_OBJECT
public:
    enum class Channel { Desktop, Tray, StatusBar };
    Q_ENUM(Channel)

    // `settings` (may be null) holds notificationsDefaultOn().
    explicit FinishNotifications(QSettings *settings, QObject *parent = nullptr);
    ~FinishNotifications() override;
    Q_DISABLE_COPY_MOVE(FinishNotifications)

    // Starts following `session` (again: the same watcher).
    CallFinishWatcher *watch(CallSession *session);
    CallFinishWatcher *watcher(CallSession *session) const;
    void unwatch(CallSession *session);

    // The notifier to use; by default one on the session bus, made when first needed (so
    // a window that never notifies never touches the bus). Not owned.
    void setDesktopNotifier(DesktopNotifier *notifier);
    // Tray balloons are a fallback where the platform has a tray (default: allowed).
    void setTrayAllowed(bool allowed) { m_trayAllowed = allowed; }

Q_SIGNALS:
    // The user chose the notification of `session`'s call.
    void openRequested(bem::CallSession *session);
    // Where neither a notification service nor a tray exists: for the status bar.
    void statusMessage(const QString &text);
    // How `notice` was said, once it was.
    void notified(bem::FinishNotifications::Channel channel, const bem::CallEndNotice &notice);

private:
    void say(const CallEndNotice &notice);
    void fallBack(quint64 token, const DesktopNotification &notification);
    DesktopNotifier *notifier();
    void open(quint64 token);

    QSettings *m_settings;
    QPointer<DesktopNotifier> m_notifier;
    QSystemTrayIcon *m_tray = nullptr;
    quint64 m_trayToken = 0;
    bool m_trayAllowed = true;
    quint64 m_nextToken = 0;
    struct Watched
    {
        CallFinishWatcher *watcher = nullptr;
        quint64 token = 0;
    };
    QHash<CallSession *, Watched> m_watched;
    // Notices on their way to the desktop, by token, so a refusal can fall back.
    QHash<quint64, CallEndNotice> m_pending;
};

} // namespace bem
