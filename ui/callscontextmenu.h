// SPDX-License-Identifier: MIT
#pragma once

#include <QMenu>

class QAction;

namespace bem {

// The menu of a row of the Calls pane: open its call in the current tab or in a new one,
// or copy its ID. One menu, kept and shown again for whichever row was asked.
class CallsContextMenu final : public QMenu
{
    Q_OBJECT
public:
    explicit CallsContextMenu(QWidget *parent = nullptr);
    ~CallsContextMenu() override;
    Q_DISABLE_COPY_MOVE(CallsContextMenu)

    // The call the actions act on.
    void setCallId(const QString &callId) { m_callId = callId; }
    QString callId() const { return m_callId; }

    QAction *openAction() const { return m_open; }
    QAction *openInNewTabAction() const { return m_openInNewTab; }
    QAction *copyIdAction() const { return m_copyId; }

Q_SIGNALS:
    void openRequested(const QString &callId);
    void openInNewTabRequested(const QString &callId);

private:
    QString m_callId;
    QAction *m_open;
    QAction *m_openInNewTab;
    QAction *m_copyId;
};

} // namespace bem
