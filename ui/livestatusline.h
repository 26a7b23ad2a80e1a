// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

class QLabel;
class QStatusBar;

namespace bem {

class CallSession;

// The status bar's line about the session ("Updated 2 s ago · next in 4 s", "Reading
// x.json…") and, at its right, the note for the whole run ("Demo: …"). While a call is
// watched the line moves on its own (the countdown, "updated 3 s ago"); otherwise it keeps
// what the last action said. Both labels are plain text: they quote server errors.
class LiveStatusLine final : public QObject
{
    Q_OBJECT
public:
    LiveStatusLine(QStatusBar *bar, CallSession *session);
    ~LiveStatusLine() override;
    Q_DISABLE_COPY_MOVE(LiveStatusLine)

    QString text() const;
    // What the last action said (until the session's status says more).
    void say(const QString &text);
    // Reads the session's status again; Idle keeps what was said.
    void update();
    // The session's state changed: the line follows it, and ticks while a call is watched.
    void follow(bool watching);

    // A file is being read: say so, and keep what was said before (restored if it fails).
    void sayReading(const QString &text);
    void restoreAfterReading();
    void forgetBeforeReading();

    void setModeNote(const QString &text);
    // Only the current tab's line shows in the window's status bar, and only it ticks.
    void setVisible(bool visible);
    // Whether the line moves on its own now, and how often (tests; 0 when it does not).
    int tickIntervalMs() const { return m_tick.isActive() ? m_tick.interval() : 0; }

private:
    void restartTick();

    CallSession *m_session;
    QPointer<QLabel> m_line; // the status bar's: it may go first
    QPointer<QLabel> m_modeNote;
    QTimer m_tick;
    QString m_beforeReading; // null when nothing is being read
    bool m_visible = true;
    bool m_watching = false;
};

} // namespace bem
