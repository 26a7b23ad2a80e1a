// SPDX-License-Identifier: MIT
#pragma once

#include <QDockWidget>
#include <QPointer>
#include <QUrl>

class QAction;
class QMainWindow;
class QNetworkAccessManager;

namespace bem {

class CallSession;
class CallsBrowser;

// The Calls pane: the calls browser in a dock the user can hide (View ▸ Calls) or move,
// beside the start page and beside the open call. It asks the session's server with the
// session's key and API version (and starts over when they change), marks the session's
// call in the list, and refreshes only while it is seen: not while hidden, nor while the
// window is minimised. Choosing a call opens it through callRequested(), or through
// callRequestedInNewTab() when asked for a new tab (Ctrl+click, middle click, its menu).
class CallsDock final : public QDockWidget
{
    Q_OBJECT
public:
    CallsDock(CallSession *session, QNetworkAccessManager *network, QMainWindow *window);
    ~CallsDock() override;
    Q_DISABLE_COPY_MOVE(CallsDock)

    CallsBrowser *browser() const { return m_browser; }
    // "Find in Calls" (Ctrl+K): shows the pane and puts the cursor in its filter.
    QAction *focusAction() const { return m_focusAction; }
    // Seen by the user: visible and the window not minimised.
    bool isSeen() const;
    // Follows another session (the current tab's): its call is marked, and the list starts
    // over only when that session talks to another server, environment, version or key.
    void setSession(CallSession *session);
    CallSession *session() const { return m_session; }

Q_SIGNALS:
    void callRequested(const QString &callId);
    void callRequestedInNewTab(const QString &callId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void followSession();
    void updateActive();
    void connectSession();

    QPointer<CallSession> m_session;
    // What the list was asked with: a session with the same needs no new list.
    struct Connection
    {
        QUrl baseUrl;
        int version = -1;
        QString group;
        bool hasKey = false;
        bool operator==(const Connection &other) const
        {
            return baseUrl == other.baseUrl && version == other.version && group == other.group &&
                   hasKey == other.hasKey;
        }
    };
    Connection m_listed;
    QMainWindow *m_window;
    CallsBrowser *m_browser;
    QAction *m_focusAction;
};

} // namespace bem
