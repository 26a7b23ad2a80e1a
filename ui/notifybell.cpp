// SPDX-License-Identifier: MIT
#include "notifybell.h"

#include "callfinishwatcher.h"

#include <QIcon>

namespace bem {

NotifyBell::NotifyBell(QWidget *parent)
    : QToolButton(parent)
{
    setObjectName(QStringLiteral("notifyBell"));
    QIcon icon;
    icon.addFile(QStringLiteral(":/icons/notify/notify-bell-off.svg"), {}, QIcon::Normal,
                 QIcon::Off);
    icon.addFile(QStringLiteral(":/icons/notify/notify-bell.svg"), {}, QIcon::Normal, QIcon::On);
    setIcon(icon);
    setCheckable(true);
    setAutoRaise(true);
    setText(tr("Notify me when it finishes"));
    setToolTip(tr("Notify me when it finishes"));
    setAccessibleName(tr("Notify me when it finishes"));
    connect(this, &QToolButton::clicked, this, [this](bool checked) {
        if (m_watcher)
            m_watcher->setEnabled(checked);
    });
    sync();
}

NotifyBell::~NotifyBell() = default;

void NotifyBell::setWatcher(CallFinishWatcher *watcher)
{
    disconnect(m_changed);
    m_watcher = watcher;
    if (watcher)
        m_changed = connect(watcher, &CallFinishWatcher::changed, this, &NotifyBell::sync);
    sync();
}

void NotifyBell::sync()
{
    const bool usable = m_watcher && m_watcher->canNotify();
    setChecked(m_watcher && m_watcher->isEnabled() && usable);
    setEnabled(usable);
}

} // namespace bem
