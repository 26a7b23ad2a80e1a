// SPDX-License-Identifier: MIT
#pragma once

#include "callsession.h"
#include "sessionstatus.h"

#include <QMainWindow>

#include <functional>

class QAction;
class QLabel;
class QLineEdit;
class QMenu;
class QNetworkAccessManager;
class QSettings;
class QSplitter;
class QStackedWidget;
class QTabWidget;

namespace bem {

class ApiKeyStore;
class BannerBoard;
class CallForm;
class CallIdField;
class CallPage;
class CallsDock;
class CallTreeModel;
class CallTreePanel;
class DetailsPane;
class EmptyState;
class FinishNotifications;
class LiveStatusLine;
class MessageBanner;
class RawJsonView;
class RecentCalls;
class UrlOpener;
class WindowActions;
class WindowBanner;

// The inspector window: a call ID field, the call's fields, its function-call tree with
// a details pane, and the raw response. It renders one CallSession (which fetches, parses
// and fills the model) and hands it what the user asks for. Failures show in a banner
// above the last good data, which stays on screen. The window puts its parts together and
// wires them; each part does its own job (see ui/).
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    // What the window works with; all outlive it.
    struct Services
    {
        CallSession *session = nullptr;           // the call shown, live or from a file
        ApiKeyStore *keys = nullptr;              // null in demo mode: no key to manage
        QNetworkAccessManager *network = nullptr; // for Settings' own "Test connection"
        QSettings *settings = nullptr;            // window state, recent calls, base URL
        bool callsPane = true;                    // the Calls pane (a dock listing calls)
    };
    explicit MainWindow(const Services &services, QWidget *parent = nullptr);
    ~MainWindow() override;
    Q_DISABLE_COPY_MOVE(MainWindow)

    // Starts watching the call named in `text`: an ID, a quoted ID, a dashboard or API
    // link, a JSON snippet. Text with no usable ID leaves everything as it is and says why.
    // Returns whether a call is being loaded.
    bool loadCall(const QString &text);
    // Shows a response saved as JSON, offline: no refreshing. The file is read here and
    // parsed off the GUI thread; the call replaces what is shown when it is ready (unless
    // another call or file was asked for meanwhile). On failure the previous call stays on
    // screen and the reason is shown. Returns false when the file cannot be read.
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

    CallSession *session() const { return m_session; }
    CallTreeModel *model() const { return m_model; }
    CallTreePanel *treePanel() const { return m_treePanel; }
    CallForm *callForm() const { return m_form; }
    DetailsPane *detailsPane() const { return m_details; }
    RawJsonView *rawJsonView() const { return m_rawJson; }
    MessageBanner *banner() const { return m_banner; }
    // What the banner says, and why (each message goes when its cause is resolved).
    BannerBoard *banners() const { return m_banners; }
    WindowActions *actions() const { return m_actions; }
    EmptyState *emptyState() const { return m_emptyState; }
    UrlOpener *urlOpener() const { return m_urlOpener; }
    RecentCalls *recentCalls() const { return m_recents; }
    CallsDock *callsDock() const { return m_callsDock; }
    // "Notify me when it finishes": the session's watcher and how notices are said.
    FinishNotifications *notifications() const { return m_notifications; }
    QLineEdit *callIdField() const;
    bool isShowingCall() const;
    QString bannerText() const;
    QString liveStatusText() const;
    // Reads what the title, the form and the tree should show from the current state
    // (tests call it instead of waiting for the once-a-second tick).
    void updateLiveStatus();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void buildLayout();
    void connectActions();
    // Drops another call's data from the views.
    void clearCallViews();
    void showCallPage();
    void onSnapshotApplied(const CallSnapshotPtr &snapshot);
    void onFileOpened(const QString &path, const QString &callId);
    void onProblem(const SessionProblem &problem);
    void showDetailsFor(const QModelIndex &sourceIndex);
    void onPollerStatus(const PollerStatus &status);
    void openLink(const QString &url);
    void updateKeyState();
    void updateRecentCalls();
    void openSettings();
    void chooseFile();
    void copyCallId();
    void copyAsCurl();

    Services m_services;
    CallSession *m_session;
    ApiKeyStore *m_keys;
    RecentCalls *m_recents = nullptr;
    CallTreeModel *m_model = nullptr;
    UrlOpener *m_urlOpener = nullptr;

    CallIdField *m_callId = nullptr;
    MessageBanner *m_banner = nullptr;
    QStackedWidget *m_pages = nullptr;
    EmptyState *m_emptyState = nullptr;
    CallPage *m_callPage = nullptr;
    CallForm *m_form = nullptr;
    CallTreePanel *m_treePanel = nullptr;
    DetailsPane *m_details = nullptr;
    RawJsonView *m_rawJson = nullptr;
    LiveStatusLine *m_status = nullptr;
    CallsDock *m_callsDock = nullptr;
    FinishNotifications *m_notifications = nullptr;

    WindowBanner *m_windowBanner = nullptr;
    BannerBoard *m_banners = nullptr; // the window banner's
    WindowActions *m_actions = nullptr;

    std::function<void()> m_startDemo;
    bool m_demoMode = false;
    bool m_awaitingCall = false; // a call was asked for and has not been shown yet
    QString m_recordedStatus;    // what the recent list knows of this call
};

} // namespace bem
