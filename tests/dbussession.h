// SPDX-License-Identifier: MIT
#pragma once

#include <QDBusConnection>
#include <QDBusMessage>
#include <QObject>
#include <QProcess>
#include <QStandardPaths>
#include <QStringList>
#include <QVariantMap>

#include <csignal>
#include <sys/types.h>

namespace bem::test {

// A session bus of the test's own: `dbus-daemon --session` started at construction, its
// address put in DBUS_SESSION_BUS_ADDRESS (so construct it before anything touches
// QDBusConnection::sessionBus(): first thing in main()), the daemon killed at destruction.
// The user's own bus and notification service are never reached.
class PrivateSessionBus
{
public:
    PrivateSessionBus()
    {
        const QString daemon = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
        if (daemon.isEmpty()) {
            m_problem = QStringLiteral("dbus-daemon is not installed (Debian package dbus)");
            return;
        }
        QProcess p;
        p.start(daemon, {QStringLiteral("--session"), QStringLiteral("--fork"),
                         QStringLiteral("--print-address=1"), QStringLiteral("--print-pid=1")});
        if (!p.waitForFinished(10'000) || p.exitCode() != 0) {
            m_problem = QStringLiteral("dbus-daemon did not start: ") +
                        QString::fromLocal8Bit(p.readAllStandardError());
            return;
        }
        const QList<QByteArray> lines = p.readAllStandardOutput().trimmed().split('\n');
        if (lines.size() < 2) {
            m_problem = QStringLiteral("dbus-daemon printed no address and PID");
            return;
        }
        m_address = QString::fromUtf8(lines.at(0).trimmed());
        m_pid = lines.at(1).trimmed().toLongLong();
        qputenv("DBUS_SESSION_BUS_ADDRESS", m_address.toUtf8());
    }
    ~PrivateSessionBus()
    {
        if (m_pid > 0)
            ::kill(pid_t(m_pid), SIGTERM);
    }
    Q_DISABLE_COPY_MOVE(PrivateSessionBus)

    bool isRunning() const { return m_pid > 0; }
    QString problem() const { return m_problem; }
    QString address() const { return m_address; }
    // A connection of its own (another client of the same bus), named `name`.
    QDBusConnection connect(const QString &name) const
    {
        return QDBusConnection::connectToBus(m_address, name);
    }

private:
    QString m_address;
    qint64 m_pid = 0;
    QString m_problem;
};

// One Notify call as the test service received it.
struct NotifyCall
{
    QString appName;
    uint replacesId = 0;
    QString appIcon;
    QString summary;
    QString body;
    QStringList actions;
    QVariantMap hints;
    int expireTimeout = 0;
    uint id = 0; // what the service answered

    // Every argument on its own line, for a log file and test messages.
    QString toText() const
    {
        QStringList hintLines;
        for (auto it = hints.constBegin(); it != hints.constEnd(); ++it) {
            const QVariant &v = it.value();
            const QString value =
                v.typeId() == QMetaType::UChar ? QString::number(v.toUInt()) : v.toString();
            hintLines << QStringLiteral("    %1 = %2 (%3)")
                             .arg(it.key(), value, QString::fromLatin1(v.typeName()));
        }
        return QStringLiteral("Notify -> id %1\n  app_name: %2\n  replaces_id: %3\n"
                              "  app_icon: %4\n  summary: %5\n  body: %6\n  actions: [%7]\n"
                              "  hints:\n%8\n  expire_timeout: %9\n")
            .arg(id)
            .arg(appName)
            .arg(replacesId)
            .arg(appIcon, summary, QString(body).replace(u'\n', QStringLiteral("\\n")),
                 actions.join(QStringLiteral(", ")), hintLines.join(u'\n'))
            .arg(expireTimeout);
    }
};

// A small org.freedesktop.Notifications on a test bus: it answers as a notification
// server would and keeps every Notify's arguments. ActionInvoked and NotificationClosed
// are sent with invokeAction() and close().
class FakeNotificationService final : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    // Registers on `bus` (a connection of its own); isRegistered() says whether it worked.
    explicit FakeNotificationService(QDBusConnection bus)
        : m_bus(std::move(bus))
    {
        m_registered = m_bus.registerObject(QStringLiteral("/org/freedesktop/Notifications"), this,
                                            QDBusConnection::ExportAllSlots |
                                                QDBusConnection::ExportAllSignals) &&
                       m_bus.registerService(QStringLiteral("org.freedesktop.Notifications"));
    }
    ~FakeNotificationService() override { unregister(); }
    Q_DISABLE_COPY_MOVE(FakeNotificationService)

    bool isRegistered() const { return m_registered; }
    void unregister()
    {
        if (!m_registered)
            return;
        m_bus.unregisterService(QStringLiteral("org.freedesktop.Notifications"));
        m_bus.unregisterObject(QStringLiteral("/org/freedesktop/Notifications"));
        m_registered = false;
    }
    QList<NotifyCall> calls() const { return m_calls; }

    void invokeAction(uint id, const QString &key) { Q_EMIT ActionInvoked(id, key); }
    void close(uint id, uint reason = 2) { Q_EMIT NotificationClosed(id, reason); }

public Q_SLOTS:
    uint Notify(const QString &app_name, uint replaces_id, const QString &app_icon,
                const QString &summary, const QString &body, const QStringList &actions,
                const QVariantMap &hints, int expire_timeout)
    {
        NotifyCall c{app_name, replaces_id, app_icon, summary,
                     body,     actions,     hints,    expire_timeout};
        c.id = replaces_id != 0 ? replaces_id : ++m_lastId;
        m_calls << c;
        return c.id;
    }
    QStringList GetCapabilities() const
    {
        return {QStringLiteral("actions"), QStringLiteral("body"), QStringLiteral("body-markup")};
    }
    QString GetServerInformation(QString &vendor, QString &version, QString &specVersion) const
    {
        vendor = QStringLiteral("bem tests");
        version = QStringLiteral("1");
        specVersion = QStringLiteral("1.2");
        return QStringLiteral("bem test notification service");
    }
    void CloseNotification(uint id) { Q_EMIT NotificationClosed(id, 3); }

Q_SIGNALS:
    void ActionInvoked(uint id, const QString &action_key);
    void NotificationClosed(uint id, uint reason);

private:
    QDBusConnection m_bus;
    bool m_registered = false;
    uint m_lastId = 0;
    QList<NotifyCall> m_calls;
};

} // namespace bem::test
