// SPDX-License-Identifier: MIT
#pragma once

#include "callsession.h"
#include "sessionstatus.h"

#include <QIcon>
#include <QPointer>
#include <QWidget>

#include <memory>

class QStackedWidget;
class QStatusBar;

namespace bem {

class ApiKeyStore;
class BannerBoard;
class CallForm;
class CallPage;
class CallTreeModel;
class CallTreePanel;
class DetailsPane;
class EmptyState;
class LiveStatusLine;
class MessageBanner;
class RawJsonView;
class RecentCalls;
class UrlOpener;
class WindowActions;
class WindowBanner;

// One tab of the window: renders one CallSession (live, or a saved file) — the start page
// until a call is asked for, then the call page, with the banner over them and the
// session's line in the window's status bar. The window owns what all tabs share (the
// actions, the Call ID field, the recent calls); the tab that is current drives them.
class CallTab final : public QWidget
{
    Q_OBJECT
public:
    // What the window lends every tab; all outlive it.
    struct Shared
    {
        ApiKeyStore *keys = nullptr; // null in demo mode
        RecentCalls *recents = nullptr;
        UrlOpener *urlOpener = nullptr;
        WindowActions *actions = nullptr;
        QStatusBar *statusBar = nullptr;
    };
    // Renders `session`; `owned`, when given, is that session and dies with the tab (the
    // first tab's session is the app's and only stops).
    CallTab(CallSession *session, std::unique_ptr<CallSession> owned, const Shared &shared,
            QWidget *parent = nullptr);
    ~CallTab() override;
    Q_DISABLE_COPY_MOVE(CallTab)

    CallSession *session() const { return m_session; }
    // Starts watching the call named in `text` (see MainWindow::loadCall).
    bool loadCall(const QString &text);
    bool openFile(const QString &path);

    // The current tab shows its status line and sets the window's actions.
    void setCurrent(bool current);
    bool isCurrent() const { return m_current; }
    // The window's actions follow this tab's state (only when it is current).
    void updateActions();

    // The tab's title (workflow name, else function name, else call ID; "New tab" before
    // any), its status icon (a warning while problem() is not empty) and its tooltip
    // (plain text, escaped).
    QString title() const;
    QIcon icon() const;
    QString toolTip() const;
    // What the banner says about the last request's failure (empty when it went well):
    // the tab then shows a warning icon and says it in its tooltip.
    QString problem() const;
    // The window title while this tab is current.
    QString windowTitle() const;
    // What the Call ID field shows while this tab is current.
    QString callIdText() const { return m_callIdText; }
    // The tab watches a call (or waits for its key to ask): its environment stays.
    bool hasCall() const;

    // The bem environment this tab's session talks to (empty: the app's one connection).
    QString environmentId() const { return m_environmentId; }
    void setEnvironmentId(const QString &id) { m_environmentId = id; }
    // Where a 404 may send the user ("Try in Sandbox"): empty name, no offer.
    void setAlternative(const QString &environmentId, const QString &name);

    CallTreeModel *model() const { return m_model; }
    CallPage *callPage() const { return m_callPage; }
    CallTreePanel *treePanel() const { return m_treePanel; }
    CallForm *callForm() const { return m_form; }
    DetailsPane *detailsPane() const { return m_details; }
    RawJsonView *rawJsonView() const { return m_rawJson; }
    MessageBanner *banner() const { return m_banner; }
    BannerBoard *banners() const { return m_banners; }
    EmptyState *emptyState() const { return m_emptyState; }
    bool isShowingCall() const;
    QString bannerText() const;
    QString liveStatusText() const;
    void updateLiveStatus();
    void setModeNote(const QString &text);
    void showNotice(const QString &text);
    // Forgets a notice (the demo started).
    void resolveNotice();

Q_SIGNALS:
    // The title, icon, tooltip or window title changed.
    void presentationChanged();
    // The call this tab shows (or asked for) changed: the Call ID field follows.
    void callIdChanged(const QString &callId);
    // For the window's status bar.
    void message(const QString &text, int timeoutMs);
    // The ID typed could not be used: the Call ID field should take the focus.
    void callIdRefused();
    // Something on this tab's start page asks the window.
    void settingsRequested();
    void demoRequested();
    void recentChosen(const QString &callId);
    // The user asked to look for this call in another environment (after a 404 here).
    void tryElsewhereRequested(const QString &environmentId, const QString &callId);

private:
    void buildLayout();
    void connectSession();
    void clearCallViews();
    void showCallPage();
    void onSnapshotApplied(const CallSnapshotPtr &snapshot);
    void onFileOpened(const QString &path, const QString &callId);
    void onProblem(const SessionProblem &problem);
    void showDetailsFor(const QModelIndex &sourceIndex);
    void onPollerStatus(const PollerStatus &status);
    void openLink(const QString &url);
    void setCallIdText(const QString &text);
    void onBannerAction();
    QString tryElsewhereText() const;

    CallSession *m_session;
    std::unique_ptr<CallSession> m_owned;
    Shared m_shared;
    CallTreeModel *m_model;

    QStackedWidget *m_pages = nullptr;
    EmptyState *m_emptyState = nullptr;
    CallPage *m_callPage = nullptr;
    CallForm *m_form = nullptr;
    CallTreePanel *m_treePanel = nullptr;
    DetailsPane *m_details = nullptr;
    RawJsonView *m_rawJson = nullptr;
    QPointer<LiveStatusLine> m_status; // lives in the window's status bar
    WindowBanner *m_windowBanner = nullptr;
    MessageBanner *m_banner = nullptr;
    BannerBoard *m_banners = nullptr;

    bool m_current = false;
    bool m_awaitingCall = false; // a call was asked for and has not been shown yet
    QString m_recordedStatus;    // what the recent list knows of this call
    QString m_callIdText;
    QString m_name;     // workflow or function name of the call shown
    QString m_fileName; // a saved response shown
    Status m_callStatus;
    QString m_environmentId;
    QString m_alternativeId;
    QString m_alternativeName;
};

} // namespace bem
