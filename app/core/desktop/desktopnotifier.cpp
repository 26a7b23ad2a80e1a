// SPDX-License-Identifier: MIT
#include "desktopnotifier.h"

#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcNotify, "inspector.notify")

namespace bem {

DesktopNotifier::DesktopNotifier(QObject *parent)
    : DesktopNotifier(QDBusConnection::sessionBus(), parent)
{}

DesktopNotifier::DesktopNotifier(const QDBusConnection &bus, QObject *parent)
    : QObject(parent)
    , m_bus(bus)
    , m_appName(tr("bem Call Inspector"))
    , m_desktopEntry(QStringLiteral("ai.bem.CallInspector"))
{
    qRegisterMetaType<DesktopNotification>();
}

DesktopNotifier::~DesktopNotifier() = default;

void DesktopNotifier::connectSignals()
{
    if (m_signalsConnected || !m_bus.isConnected())
        return;
    // Slots by name: QtDBus delivers bus signals to them only (no functor overload).
    m_signalsConnected =
        m_bus.connect(serviceName(), objectPath(), interfaceName(), QStringLiteral("ActionInvoked"),
                      this, SLOT(onActionInvoked(uint, QString)));
    m_bus.connect(serviceName(), objectPath(), interfaceName(),
                  QStringLiteral("NotificationClosed"), this,
                  SLOT(onNotificationClosed(uint, uint)));
}

void DesktopNotifier::checkAvailability()
{
    if (!m_bus.isConnected()) {
        m_available = false;
        m_availabilityKnown = true;
        Q_EMIT availabilityKnown(false);
        return;
    }
    // GetServerInformation starts a service the bus can activate, which NameHasOwner
    // would call absent.
    const QDBusMessage msg = QDBusMessage::createMethodCall(
        serviceName(), objectPath(), interfaceName(), QStringLiteral("GetServerInformation"));
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(msg, m_timeoutMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_available = !watcher->isError();
        m_availabilityKnown = true;
        if (watcher->isError())
            qCDebug(lcNotify, "no notification service: %s",
                    qPrintable(watcher->error().message()));
        Q_EMIT availabilityKnown(m_available);
    });
}

QList<QVariant> DesktopNotifier::notifyArguments(const DesktopNotification &notification,
                                                 uint replacesId) const
{
    // The body may hold markup (servers advertise "body-markup"); the summary may not.
    // Escaping shows a workflow name such as "<b>x</b>" literally on both kinds.
    const QString body = notification.body.toHtmlEscaped();
    QVariantMap hints;
    hints.insert(QStringLiteral("desktop-entry"), m_desktopEntry);
    hints.insert(QStringLiteral("urgency"), QVariant::fromValue(uchar(notification.urgency)));
    const QStringList actions{QStringLiteral("default"), tr("Open")};
    return {m_appName,
            replacesId,
            m_desktopEntry, // app_icon: the installed icon's name
            notification.summary,
            body,
            actions,
            hints,
            -1};
}

void DesktopNotifier::notify(const DesktopNotification &notification, quint64 token)
{
    if (!m_bus.isConnected()) {
        Q_EMIT undelivered(token, notification, tr("There is no session bus."));
        return;
    }
    connectSignals();
    QDBusMessage msg = QDBusMessage::createMethodCall(serviceName(), objectPath(), interfaceName(),
                                                      QStringLiteral("Notify"));
    msg.setArguments(notifyArguments(notification, m_idByToken.value(token, 0)));
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(msg, m_timeoutMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, watcher, token, notification] {
                watcher->deleteLater();
                QDBusPendingReply<uint> reply = *watcher;
                if (reply.isError()) {
                    m_available = false;
                    m_availabilityKnown = true;
                    Q_EMIT undelivered(token, notification, reply.error().message());
                    return;
                }
                m_available = true;
                m_availabilityKnown = true;
                const uint id = reply.value();
                if (const uint old = m_idByToken.value(token, 0); old != 0 && old != id)
                    m_tokenById.remove(old);
                m_idByToken.insert(token, id);
                m_tokenById.insert(id, token);
                Q_EMIT delivered(token, id);
            });
}

void DesktopNotifier::onActionInvoked(uint id, const QString &actionKey)
{
    const auto it = m_tokenById.constFind(id);
    if (it == m_tokenById.constEnd())
        return; // another program's notification
    if (actionKey == QLatin1String("default") ||
        actionKey.compare(u"open", Qt::CaseInsensitive) == 0)
        Q_EMIT activated(*it);
}

void DesktopNotifier::onNotificationClosed(uint id, uint reason)
{
    Q_UNUSED(reason)
    const auto it = m_tokenById.find(id);
    if (it == m_tokenById.end())
        return;
    const quint64 token = *it;
    m_tokenById.erase(it);
    if (m_idByToken.value(token) == id)
        m_idByToken.remove(token);
    Q_EMIT closed(token);
}

} // namespace bem
