// SPDX-License-Identifier: MIT
#include "callfinishwatcher.h"

#include "callsession.h"
#include "settingskeys.h"

#include <QSettings>

namespace bem {

namespace {

bool isLive(CallState state)
{
    return state == CallState::Pending || state == CallState::Running;
}

} // namespace

CallFinishWatcher::CallFinishWatcher(CallSession *session, QSettings *settings, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_settings(settings)
{
    qRegisterMetaType<CallEndNotice>();
    m_settle.setSingleShot(true);
    m_settle.setInterval(1000);
    connect(&m_settle, &QTimer::timeout, this, &CallFinishWatcher::fire);
    connect(session, &CallSession::callChanged, this, [this] { startWatch(); });
    connect(session, &CallSession::fileOpened, this, [this] {
        // A saved response is a picture of the past: it never ends while watched.
        m_offline = true;
        m_settle.stop();
        Q_EMIT changed();
    });
    connect(session, &CallSession::statusChanged, this, &CallFinishWatcher::onStatus);
    connect(session, &CallSession::shown, this, [this](const CallSnapshotPtr &snapshot) {
        if (m_settle.isActive()) {
            m_settle.start(); // more of the ended call arrived: wait for the rest
            return;
        }
        if (m_arrival == Arrival::NotYet && snapshot && !m_session->isOffline())
            arrive(isLive(snapshot->call.status.state()));
    });
    startWatch();
    // Watching a session that already shows a call: what it shows is how it arrived.
    if (session->isOffline()) {
        m_offline = true;
    } else if (const CallSnapshotPtr s = session->snapshot()) {
        arrive(isLive(s->call.status.state()));
        if (!session->callId().isEmpty())
            onStatus(session->status());
    }
}

CallFinishWatcher::~CallFinishWatcher() = default;

void CallFinishWatcher::startWatch()
{
    m_settle.stop();
    m_arrival = Arrival::NotYet;
    m_userChose = false;
    m_fired = false;
    m_offline = false;
    m_enabled =
        !m_settings || m_settings->value(SettingsKeys::notificationsDefaultOn(), true).toBool();
    Q_EMIT changed();
}

void CallFinishWatcher::arrive(bool live)
{
    m_arrival = live ? Arrival::Live : Arrival::AlreadyEnded;
    if (!m_userChose && !live)
        m_enabled = false;
    Q_EMIT changed();
}

void CallFinishWatcher::setEnabled(bool enabled)
{
    m_userChose = true;
    if (enabled == m_enabled)
        return;
    m_enabled = enabled;
    if (!enabled)
        m_settle.stop();
    Q_EMIT changed();
}

void CallFinishWatcher::setSettleMs(int ms)
{
    m_settle.setInterval(qMax(0, ms));
}

bool CallFinishWatcher::canNotify() const
{
    return !m_fired && !m_offline && m_arrival != Arrival::AlreadyEnded;
}

bool CallFinishWatcher::isArmed() const
{
    return m_enabled && canNotify() && m_arrival == Arrival::Live;
}

void CallFinishWatcher::onStatus(const PollerStatus &status)
{
    using P = PollerStatus::Phase;
    if (m_offline || m_fired)
        return;
    // The first answer decides how the call arrived; the poller's phase says it before the
    // model has the rows (Waiting: pending or running; Finished: already over).
    if (m_arrival == Arrival::NotYet && status.hasSnapshot) {
        if (status.phase == P::Finished)
            arrive(false);
        else if (status.phase == P::Waiting && status.concern == PollerStatus::Concern::None)
            arrive(true);
    }
    if (!isArmed())
        return;
    if (status.phase == P::Stopped) {
        // Nothing more will come until a person acts: say so now.
        m_endStatus = status;
        fire();
    } else if (status.phase == P::Finished && !m_settle.isActive()) {
        m_endStatus = status;
        m_settle.start();
    } else if (status.phase != P::Finished) {
        m_settle.stop(); // refreshing again (F5 after an undocumented stop, …)
    }
}

void CallFinishWatcher::fire()
{
    if (!m_session || !isArmed())
        return;
    m_settle.stop();
    m_fired = true;
    const QString callId = m_endStatus.callId.isEmpty() ? m_session->callId() : m_endStatus.callId;
    const CallEndNotice notice =
        CallEndNotice::from(m_endStatus, m_session->snapshot(), callId, m_session.data());
    Q_EMIT changed();
    Q_EMIT finished(notice);
}

} // namespace bem
