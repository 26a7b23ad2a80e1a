// SPDX-License-Identifier: MIT
#pragma once

#include "recentcalls.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;

namespace bem {

// What the window shows before a call is loaded: what to do next. Without an API key it
// offers to enter one or to try the built-in demo; with one, the recent calls one click
// away.
class EmptyState final : public QWidget
{
    Q_OBJECT
public:
    explicit EmptyState(QWidget *parent = nullptr);

    // `keyDescription`: "Using the key ••••cdef (from BEM_API_KEY)" or why there is none.
    void setKeyState(bool hasKey, const QString &keyDescription);
    void setDemoAvailable(bool available);
    void setRecentCalls(const QList<RecentCall> &calls);

    QPushButton *enterKeyButton() const { return m_enterKey; }
    QPushButton *demoButton() const { return m_demo; }
    QListWidget *recentList() const { return m_recent; }

Q_SIGNALS:
    void enterKeyRequested();
    void demoRequested();
    void recentChosen(const QString &callId);

private:
    QLabel *m_keyState = nullptr;
    QPushButton *m_enterKey = nullptr;
    QPushButton *m_demo = nullptr;
    QLabel *m_recentTitle = nullptr;
    QListWidget *m_recent = nullptr;
    bool m_hasKey = false;
};

} // namespace bem
