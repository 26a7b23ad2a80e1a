// SPDX-License-Identifier: MIT
#pragma once

#include "callpoller.h"

#include <QMainWindow>
#include <QTimer>

class QAction;
class QLabel;
class QLineEdit;
class QTreeView;

namespace bem {

class ApiKeyStore;
class CallTreeModel;

// The inspector window: a call ID field, the call's summary and its function-call tree,
// kept live by a CallPoller. Failures show in a banner above the last good data, which
// stays on screen. Holds no network or parsing logic of its own.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    // `poller` and `keys` outlive the window. `keys` may be null (demo mode: the key is
    // the demo server's and is not the user's to change).
    MainWindow(CallPoller *poller, ApiKeyStore *keys, QWidget *parent = nullptr);
    ~MainWindow() override;
    Q_DISABLE_COPY_MOVE(MainWindow)

    // Starts watching a call (also what Enter in the call ID field does).
    void loadCall(const QString &callID);
    // Shows a response saved as JSON, offline: no refreshing. On failure the previous
    // call stays on screen and the reason is shown; returns whether the file was loaded.
    bool openFile(const QString &path);
    // A note shown in the status bar for the whole session ("Demo: …").
    void setModeNote(const QString &text);
    // Shows a problem that is not about one request (a bad --base-url, say).
    void showNotice(const QString &text) { showMessage(text, Banner::Notice); }

    CallTreeModel *model() const { return m_model; }
    QString bannerText() const;
    QString liveStatusText() const;

private:
    void showSnapshot(const CallSnapshot &snapshot);
    void onPollerStatus(const PollerStatus &status);
    void updateLiveStatus();
    void chooseFile();
    void enterApiKey();
    // What the banner above the tree is showing, so each source clears only its own.
    enum class Banner { None, Notice, Warnings, Error };
    void showMessage(const QString &text, Banner kind);
    void hideMessage();

    CallPoller *m_poller;
    ApiKeyStore *m_keys;
    CallTreeModel *m_model = nullptr;
    QLineEdit *m_callId = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_message = nullptr;
    QTreeView *m_tree = nullptr;
    QLabel *m_liveStatus = nullptr;
    QLabel *m_modeNote = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_pauseAction = nullptr;
    QTimer m_countdown;
    Banner m_banner = Banner::None;
    static constexpr int AutoExpandLimit = 500;
    bool m_firstSnapshotOfCall = true;
    bool m_followNewRows = true;
    QString m_lastGoodTime;
    QString m_pendingCallId; // entered before the key store finished loading
};

} // namespace bem
