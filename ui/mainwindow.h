// SPDX-License-Identifier: MIT
#pragma once

#include "callsession.h"
#include "sessionstatus.h"

#include <QMainWindow>
#include <QPointer>

#include <functional>
#include <memory>

class QAction;
class QLabel;
class QLineEdit;
class QMenu;
class QNetworkAccessManager;
class QSettings;
class QTabWidget;

namespace bem {

class ApiKeyStore;
class BannerBoard;
class CallForm;
class CallIdField;
class CallPage;
class CallTab;
class CallsDock;
class CallTreeModel;
class CallTreePanel;
class DetailsPane;
class EmptyState;
class FinishNotifications;
class NotifyBell;
class EnvironmentStore;
class LiveStatusLine;
class MessageBanner;
class RawJsonView;
class RecentCalls;
class TabEnvironments;
class UrlOpener;
class WindowActions;
class WindowBanner;

// The inspector window: a call ID field, and a tab per open call, each rendering its own
// CallSession (see CallTab) — the call's fields, its function-call tree with a details
// pane, and the raw response. The window owns what the tabs share (the toolbar, the menus
// and their actions, which act on the current tab, the Calls pane, the status bar) and
// puts them together; each part does its own job (see ui/).
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    // What the window works with; all outlive it.
    struct Services
    {
        CallSession *session = nullptr;           // the first tab's call, live or from a file
        ApiKeyStore *keys = nullptr;              // null in demo mode: no key to manage
        QNetworkAccessManager *network = nullptr; // for Settings' own "Test connection"
        QSettings *settings = nullptr;            // window state, recent calls, base URL
        bool callsPane = true;                    // the Calls pane (a dock listing calls)
        // A session for each further tab, set up as `session` is (server, key, policy,
        // version). Absent: the window has one tab.
        std::function<std::unique_ptr<CallSession>()> newSession = nullptr;
        // The user's bem environments: each tab talks to one (null: one connection, as
        // set up on `session`; in the demo too).
        EnvironmentStore *environments = nullptr;
    };
    explicit MainWindow(const Services &services, QWidget *parent = nullptr);
    ~MainWindow() override;
    Q_DISABLE_COPY_MOVE(MainWindow)

    // Starts watching the call named in `text` in the current tab: an ID, a quoted ID, a
    // dashboard or API link, a JSON snippet. Text with no usable ID leaves everything as
    // it is and says why. Returns whether a call is being loaded.
    bool loadCall(const QString &text);
    // Shows a response saved as JSON in the current tab, offline: no refreshing. The file
    // is read here and parsed off the GUI thread; the call replaces what is shown when it
    // is ready (unless another call or file was asked for meanwhile). On failure the
    // previous call stays on screen and the reason is shown. False when it cannot be read.
    bool openFile(const QString &path);
    // A file is being parsed (tests and the benchmark wait for it).
    bool isLoadingFile() const;
    // A note shown in the status bar for the whole session ("Demo: …").
    void setModeNote(const QString &text);
    // Shows a problem that is not about one request (a bad --base-url, say).
    void showNotice(const QString &text);
    // How "Try the demo" starts the demo (the app wires it; absent, the offer is hidden).
    void setDemoStarter(std::function<void()> start);
    // The demo is running: its key and server are not the user's to change.
    void enterDemoMode(const QString &note);

    // Tabs. A new tab is empty (its start page) until a call is loaded in it; a window
    // always has at least one. Null when the window cannot make sessions.
    // With environments, the tab talks to `environmentId` (empty: the current tab's).
    CallTab *newTab(const QString &environmentId = QString());
    // Opens `text` (a call ID or link) in a tab: the tab already showing that call (in
    // that environment) if there is one, else the current tab when it is empty, else a new
    // tab. Selects it. `environmentId` as for newTab().
    bool openCallInTab(const QString &text, const QString &environmentId = QString());
    // Opens `text` in a new tab in the current tab's environment, and selects it (the Calls
    // pane's Ctrl+click); the tab already showing that call there is selected instead.
    bool openCallInNewTab(const QString &text);
    // Closes the tab (destroying its session); the last tab leaves an empty one.
    void closeTab(CallTab *tab);
    void selectTab(CallSession *session);
    CallTab *currentTab() const;
    CallTab *tabAt(int index) const;
    int tabCount() const;
    QTabWidget *tabWidget() const { return m_tabs; }
    // The live calls shown in tabs, in tab order (saved at close, reopened at start).
    QStringList openCallIds() const;
    // The environments of the tabs, in tab order (null without environments).
    TabEnvironments *environments() const { return m_environments; }
    // Reopens the calls saved by the last window to close (after the key store loaded).
    void restoreTabs();

    // The current tab's.
    CallSession *session() const;
    CallTreeModel *model() const;
    CallTreePanel *treePanel() const;
    CallForm *callForm() const;
    DetailsPane *detailsPane() const;
    RawJsonView *rawJsonView() const;
    MessageBanner *banner() const;
    // What the banner says, and why (each message goes when its cause is resolved).
    BannerBoard *banners() const;
    EmptyState *emptyState() const;
    WindowActions *actions() const { return m_actions; }
    UrlOpener *urlOpener() const { return m_urlOpener; }
    RecentCalls *recentCalls() const { return m_recents; }
    CallsDock *callsDock() const { return m_callsDock; }
    // "Notify me when it finishes": a watcher per tab, and the bell of the current tab's.
    FinishNotifications *notifications() const { return m_notifications; }
    NotifyBell *notifyBell() const { return m_bell; }
    QLineEdit *callIdField() const;
    bool isShowingCall() const;
    QString bannerText() const;
    QString liveStatusText() const;
    // Reads what the title, the form and the tree should show from the current state
    // (tests call it instead of waiting for the once-a-second tick).
    void updateLiveStatus();

Q_SIGNALS:
    // A tab was made (its session is set up) or is about to be closed: for what follows
    // sessions, such as notifications or a cap on requests.
    void tabOpened(bem::CallTab *tab);
    void tabClosing(bem::CallTab *tab);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildLayout();
    void connectActions();
    void connectTabActions();
    void setUpNotifications();
    CallTab *addTab(CallSession *session, std::unique_ptr<CallSession> owned,
                    const QString &environmentId);
    void onCurrentTabChanged();
    QList<QAction *> viewActionsOf(const CallTab *tab) const;
    void updateTabPresentation(CallTab *tab);
    CallTab *tabShowing(const QString &callId, const QString &environmentId) const;
    QString environmentFor(const QString &asked) const;
    void updateKeyState();
    void showKeyState(CallTab *tab);
    void updateRecentCalls();
    void openSettings();
    void chooseFile();
    void copyCallId();
    void copyAsCurl();
    void saveTabs();

    Services m_services;
    ApiKeyStore *m_keys;
    RecentCalls *m_recents = nullptr;
    UrlOpener *m_urlOpener = nullptr;

    CallIdField *m_callId = nullptr;
    QTabWidget *m_tabs = nullptr;
    QPointer<CallTab> m_current;
    CallsDock *m_callsDock = nullptr;
    TabEnvironments *m_environments = nullptr;
    FinishNotifications *m_notifications = nullptr;
    NotifyBell *m_bell = nullptr;
    QList<QAction *> m_dockActions; // the Calls pane's, in View after the tree's
    WindowActions *m_actions = nullptr;

    std::function<void()> m_startDemo;
    bool m_demoMode = false;
    QString m_modeNote;
    QString m_notice;
};

} // namespace bem
