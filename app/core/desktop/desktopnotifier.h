// SPDX-License-Identifier: MIT
#pragma once

#include <QDBusConnection>
#include <QHash>
#include <QObject>
#include <QString>

QT_BEGIN_NAMESPACE
class QDBusMessage;
QT_END_NAMESPACE

namespace bem {

// One desktop notification, in plain text (the notifier escapes the body).
struct DesktopNotification
{
    enum class Urgency : uchar { Low = 0, Normal = 1, Critical = 2 };
    QString summary;
    QString body;
    Urgency urgency = Urgency::Normal;
};

// Shows notifications through the freedesktop notification service
// (org.freedesktop.Notifications on the session bus) with an "Open" action, and says
// when the user chose it. Every call to the bus is asynchronous: the GUI thread never
// waits for a slow or absent service. A notification the service did not take (no
// service, no bus, an error) comes back as undelivered() so the caller can say it
// another way.
class DesktopNotifier final : public QObject
{
    Q_OBJECT
public:
    static QString serviceName() { return QStringLiteral("org.freedesktop.Notifications"); }
    static QString objectPath() { return QStringLiteral("/org/freedesktop/Notifications"); }
    static QString interfaceName() { return serviceName(); }

    // On the session bus.
    explicit DesktopNotifier(QObject *parent = nullptr);
    DesktopNotifier(const QDBusConnection &bus, QObject *parent = nullptr);
    ~DesktopNotifier() override;
    Q_DISABLE_COPY_MOVE(DesktopNotifier)

    // app_name, app_icon and the desktop-entry hint. Defaults: "bem Call Inspector" and
    // the app's ID, ai.bem.CallInspector (its installed icon and .desktop file).
    void setAppName(const QString &name) { m_appName = name; }
    void setDesktopEntry(const QString &id) { m_desktopEntry = id; }
    // How long to wait for the service before a notification counts as undelivered.
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    // Asks the bus (asynchronously) whether the service answers; availabilityKnown()
    // follows. Until then isAvailable() is false.
    void checkAvailability();
    bool isAvailable() const { return m_available; }
    bool isAvailabilityKnown() const { return m_availabilityKnown; }

    // Shows `notification` for `token` (the caller's handle: activated() names it). A
    // second notification for the same token replaces the first on screen.
    void notify(const DesktopNotification &notification, quint64 token);
    // The exact arguments of org.freedesktop.Notifications.Notify for `notification`.
    QList<QVariant> notifyArguments(const DesktopNotification &notification, uint replacesId) const;

Q_SIGNALS:
    void availabilityKnown(bool available);
    // The user chose the notification (its default action, "Open").
    void activated(quint64 token);
    // The service took `token`'s notification (id is the service's).
    void delivered(quint64 token, uint id);
    // The service did not take it: say it another way.
    void undelivered(quint64 token, const bem::DesktopNotification &notification,
                     const QString &reason);
    void closed(quint64 token);

private Q_SLOTS:
    void onActionInvoked(uint id, const QString &actionKey);
    void onNotificationClosed(uint id, uint reason);

private:
    void connectSignals();

    QDBusConnection m_bus;
    QString m_appName;
    QString m_desktopEntry;
    int m_timeoutMs = 5000;
    bool m_available = false;
    bool m_availabilityKnown = false;
    bool m_signalsConnected = false;
    QHash<uint, quint64> m_tokenById;
    QHash<quint64, uint> m_idByToken;
};

} // namespace bem

Q_DECLARE_METATYPE(bem::DesktopNotification)
