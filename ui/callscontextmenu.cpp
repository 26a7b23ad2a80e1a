// SPDX-License-Identifier: MIT
#include "callscontextmenu.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>

namespace bem {

CallsContextMenu::CallsContextMenu(QWidget *parent)
    : QMenu(parent)
    , m_open(addAction(tr("&Open")))
    , m_openInNewTab(addAction(tr("Open in New &Tab")))
{
    addSeparator();
    m_copyId = addAction(tr("&Copy Call ID"));
    setObjectName(QStringLiteral("callsContextMenu"));
    m_open->setObjectName(QStringLiteral("actionOpenListedCall"));
    m_openInNewTab->setObjectName(QStringLiteral("actionOpenListedCallInNewTab"));
    m_copyId->setObjectName(QStringLiteral("actionCopyListedCallId"));
    setDefaultAction(m_open);

    connect(m_open, &QAction::triggered, this, [this] {
        if (!m_callId.isEmpty())
            Q_EMIT openRequested(m_callId);
    });
    connect(m_openInNewTab, &QAction::triggered, this, [this] {
        if (!m_callId.isEmpty())
            Q_EMIT openInNewTabRequested(m_callId);
    });
    connect(m_copyId, &QAction::triggered, this, [this] {
        if (!m_callId.isEmpty())
            QGuiApplication::clipboard()->setText(m_callId);
    });
}

CallsContextMenu::~CallsContextMenu() = default;

} // namespace bem
