// SPDX-License-Identifier: MIT
#include "finishnotifications.h"

#include "appicon.h"
#include "callfinishwatcher.h"
#include "callsession.h"
#include "desktopnotifier.h"

#include <QSystemTrayIcon>
#include <QTimer>

namespace bem {

namespace {

// How long a tray icon made only to show a balloon stays after it.
constexpr int TrayLingerMs = 30'000;

} // namespace

FinishNotifications::FinishNotifications(QSettings *settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
{}

FinishNotifications::~FinishNotifications() = default;

CallFinishWatcher *FinishNotifications::watch(CallSession *session)
{
    if (CallFinishWatcher *existing = watcher(session))
        return existing;
    auto *w = new CallFinishWatcher(session, m_settings, this);
    const quint64 token = ++m_nextToken;
    m_watched.insert(session, {w, token});
    connect(w, &CallFinishWatcher::finished, this, &FinishNotifications::say);
    connect(session, &QObject::destroyed, this, [this, session] { unwatch(session); });
    return w;
}

CallFinishWatcher *FinishNotifications::watcher(CallSession *session) const
{
    return m_watched.value(session).watcher;
}

void FinishNotifications::unwatch(CallSession *session)
{
    const Watched w = m_watched.take(session);
    if (w.watcher)
        w.watcher->deleteLater();
}

void FinishNotifications::setDesktopNotifier(DesktopNotifier *notifier)
{
    m_notifier = notifier;
    connect(notifier, &DesktopNotifier::activated, this, &FinishNotifications::open);
    connect(notifier, &DesktopNotifier::undelivered, this, &FinishNotifications::fallBack);
    connect(notifier, &DesktopNotifier::delivered, this, [this](quint64 token) {
        if (m_pending.contains(token))
            Q_EMIT notified(Channel::Desktop, m_pending.take(token));
    });
}

DesktopNotifier *FinishNotifications::notifier()
{
    if (!m_notifier)
        setDesktopNotifier(new DesktopNotifier(this));
    return m_notifier;
}

void FinishNotifications::say(const CallEndNotice &notice)
{
    const auto it = m_watched.constFind(notice.session);
    if (it == m_watched.constEnd())
        return;
    DesktopNotification n;
    n.summary = notice.summary();
    n.body = notice.body();
    m_pending.insert(it->token, notice);
    notifier()->notify(n, it->token);
}

void FinishNotifications::fallBack(quint64 token, const DesktopNotification &notification)
{
    const CallEndNotice notice = m_pending.take(token);
    if (m_trayAllowed && QSystemTrayIcon::isSystemTrayAvailable()) {
        if (!m_tray) {
            m_tray = new QSystemTrayIcon(applicationIcon(), this);
            m_tray->setToolTip(tr("bem Call Inspector"));
            connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] { open(m_trayToken); });
            connect(m_tray, &QSystemTrayIcon::activated, this, [this] { open(m_trayToken); });
        }
        m_trayToken = token;
        m_tray->show();
        m_tray->showMessage(notification.summary, notification.body, applicationIcon());
        QTimer::singleShot(TrayLingerMs, m_tray, [this, token] {
            if (m_trayToken == token)
                m_tray->hide();
        });
        Q_EMIT notified(Channel::Tray, notice);
        return;
    }
    QString line = notification.summary;
    if (!notification.body.isEmpty())
        line += QStringLiteral(": ") +
                QString(notification.body).replace(u'\n', QStringLiteral(" \u00b7 "));
    Q_EMIT statusMessage(line);
    Q_EMIT notified(Channel::StatusBar, notice);
}

void FinishNotifications::open(quint64 token)
{
    for (auto it = m_watched.constBegin(); it != m_watched.constEnd(); ++it) {
        if (it->token == token) {
            Q_EMIT openRequested(it.key());
            return;
        }
    }
}

} // namespace bem
