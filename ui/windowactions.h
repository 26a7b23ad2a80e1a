// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

class QAction;
class QMainWindow;
class QMenu;
class QToolBar;
class QWidget;

namespace bem {

// Every command of the inspector window as a QAction: its object name (tests and the
// shortcuts page find actions by it), text, shortcut and icon, and the menus that list
// them. Like a Designer form, it only builds: the window connects each action to what it
// does and enables it as its state allows.
class WindowActions final : public QObject
{
    Q_OBJECT
public:
    // The actions are children of `window` and added to it, so their shortcuts work with
    // the menu bar hidden.
    explicit WindowActions(QMainWindow *window);
    ~WindowActions() override;
    Q_DISABLE_COPY_MOVE(WindowActions)

    // Fills the window's menu bar. `recentCalls` goes in File; `treeActions` (the tree
    // panel's own, such as Next Match) in View.
    void buildMenus(QMenu *recentCalls, const QList<QAction *> &treeActions);
    // The call-ID bar: `callIdField` with its label, then Refresh, Pause and Stop.
    QToolBar *buildToolBar(QWidget *callIdField);
    // The current tab's tree actions take the place of the previous tab's in View (and in
    // all()); the previous ones may be gone with their tab.
    void setTreeActions(const QList<QAction *> &treeActions);
    // Every action with a shortcut the user may want to look up, in menu order.
    QList<QAction *> all() const;

    // File
    QAction *open = nullptr;
    QAction *saveJson = nullptr;
    QAction *settings = nullptr;
    QAction *quit = nullptr;
    // Tabs
    QAction *newTab = nullptr;
    QAction *closeTab = nullptr;
    QAction *nextTab = nullptr;
    QAction *previousTab = nullptr;
    QList<QAction *> goToTab; // Alt+1 … Alt+9
    // View
    QAction *expandAll = nullptr;
    QAction *collapseAll = nullptr;
    QAction *nextFailed = nullptr;
    QAction *previousFailed = nullptr;
    QAction *find = nullptr;
    QAction *rawJson = nullptr;
    QAction *outputs = nullptr; // a v3 call's outputs and errors
    // Call
    QAction *focusId = nullptr;
    QAction *refresh = nullptr;
    QAction *pause = nullptr;
    QAction *stop = nullptr;
    QAction *copyId = nullptr;
    QAction *copyCurl = nullptr;
    // Help
    QAction *shortcuts = nullptr;
    QAction *userGuide = nullptr;
    QAction *about = nullptr;

private:
    QMainWindow *m_window;
    QList<QPointer<QAction>> m_treeActions;
    QMenu *m_view = nullptr;
    QAction *m_afterTreeActions = nullptr; // the separator that follows them in View
};

} // namespace bem
