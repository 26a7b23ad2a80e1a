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
    // Shown as hints only: the keys themselves are the table's (Enter, Ctrl+Enter).
    m_open->setShortcut(QKeySequence(Qt::Key_Return));
    m_openInNewTab->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    for (QAction *action : {m_open, m_openInNewTab})
        action->setShortcutContext(Qt::WidgetShortcut);
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
