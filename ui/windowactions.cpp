// SPDX-License-Identifier: MIT
#include "windowactions.h"

#include <QAction>
#include <QIcon>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QToolBar>

namespace bem {

WindowActions::WindowActions(QMainWindow *window)
    : QObject(window)
    , m_window(window)
{
    const auto make = [window](const QString &text, const QString &name, const QKeySequence &keys,
                               const QString &icon = {}) {
        auto *action = new QAction(text, window);
        action->setObjectName(name);
        if (!keys.isEmpty())
            action->setShortcut(keys);
        if (!icon.isEmpty())
            action->setIcon(QIcon::fromTheme(icon));
        window->addAction(action); // shortcuts work with the menu bar hidden too
        return action;
    };
    open = make(tr("&Open\u2026"), QStringLiteral("actionOpen"), QKeySequence::Open);
    saveJson = make(tr("&Save JSON\u2026"), QStringLiteral("actionSaveJson"), QKeySequence::Save);
    settings = make(tr("Se&ttings\u2026"), QStringLiteral("actionSettings"),
                    QKeySequence(Qt::CTRL | Qt::Key_Comma));
    quit = make(tr("&Quit"), QStringLiteral("actionQuit"), QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    newTab = make(tr("New &Tab"), QStringLiteral("actionNewTab"),
                  QKeySequence(Qt::CTRL | Qt::Key_T), QStringLiteral("tab-new"));
    closeTab = make(tr("&Close Tab"), QStringLiteral("actionCloseTab"),
                    QKeySequence(Qt::CTRL | Qt::Key_W), QStringLiteral("tab-close"));
    nextTab = make(tr("Ne&xt Tab"), QStringLiteral("actionNextTab"),
                   QKeySequence(Qt::CTRL | Qt::Key_Tab));
    previousTab = make(tr("Pre&vious Tab"), QStringLiteral("actionPreviousTab"),
                       QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Tab));
    for (int n = 1; n <= 9; ++n)
        goToTab << make(tr("Tab %1").arg(n), QStringLiteral("actionGoToTab%1").arg(n),
                        QKeySequence(Qt::ALT | Qt::Key(Qt::Key_0 + n)));

    refresh = make(tr("&Refresh Now"), QStringLiteral("actionRefresh"), QKeySequence::Refresh,
                   QStringLiteral("view-refresh"));
    pause = make(tr("&Pause Auto-Refresh"), QStringLiteral("actionPause"),
                 QKeySequence(Qt::CTRL | Qt::Key_Period), QStringLiteral("media-playback-pause"));
    pause->setCheckable(true);
    // Enabled only while a request is in flight, so Esc means "stop" only then (and stays
    // free for the find bar and the filter otherwise).
    stop = make(tr("&Stop Request"), QStringLiteral("actionStop"), QKeySequence(Qt::Key_Escape),
                QStringLiteral("process-stop"));
    stop->setToolTip(tr("Stop the request in flight and pause auto-refresh (Esc)"));
    copyId = make(tr("&Copy Call ID"), QStringLiteral("actionCopyCallId"),
                  QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    copyCurl = make(tr("Copy as c&url"), QStringLiteral("actionCopyAsCurl"),
                    QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U));
    copyCurl->setToolTip(tr("Copy a curl command that fetches this call; the key is left as "
                            "$BEM_API_KEY"));
    focusId = make(tr("Go to Call &ID"), QStringLiteral("actionGoToCallId"),
                   QKeySequence(Qt::CTRL | Qt::Key_L));

    // One Ctrl+F for the window: it finds in whichever tab is showing. (Two shortcuts on
    // the same keys would be ambiguous and neither would fire.)
    find = make(tr("&Find\u2026"), QStringLiteral("actionFind"), QKeySequence::Find);
    expandAll = make(tr("&Expand All"), QStringLiteral("actionExpandAll"),
                     QKeySequence(Qt::CTRL | Qt::Key_Plus));
    collapseAll = make(tr("&Collapse All"), QStringLiteral("actionCollapseAll"),
                       QKeySequence(Qt::CTRL | Qt::Key_Minus));
    rawJson =
        make(tr("&Raw JSON"), QStringLiteral("actionRawJson"), QKeySequence(Qt::CTRL | Qt::Key_J));
    rawJson->setCheckable(true);
    outputs = make(tr("&Outputs && Errors"), QStringLiteral("actionOutputs"),
                   QKeySequence(Qt::CTRL | Qt::Key_E));
    outputs->setEnabled(false); // v3 calls only
    nextFailed =
        make(tr("&Next Failed"), QStringLiteral("actionNextFailed"), QKeySequence(Qt::Key_F8));
    previousFailed = make(tr("&Previous Failed"), QStringLiteral("actionPreviousFailed"),
                          QKeySequence(Qt::SHIFT | Qt::Key_F8));

    shortcuts = make(tr("&Keyboard Shortcuts\u2026"), QStringLiteral("actionShortcuts"), {});
    userGuide = make(tr("&User Guide\u2026"), QStringLiteral("actionUserGuide"),
                     QKeySequence::HelpContents);
    about = make(tr("&About bem Call Inspector"), QStringLiteral("actionAbout"), {});
    about->setMenuRole(QAction::AboutRole);
}

WindowActions::~WindowActions() = default;

void WindowActions::buildMenus(QMenu *recentCalls, const QList<QAction *> &treeActions)
{
    QMenuBar *bar = m_window->menuBar();

    QMenu *file = bar->addMenu(tr("&File"));
    file->addAction(newTab);
    file->addAction(open);
    file->addAction(saveJson);
    file->addMenu(recentCalls);
    file->addSeparator();
    file->addAction(closeTab);
    file->addSeparator();
    file->addAction(settings);
    file->addSeparator();
    file->addAction(quit);

    QMenu *view = bar->addMenu(tr("&View"));
    view->addAction(expandAll);
    view->addAction(collapseAll);
    view->addSeparator();
    view->addAction(nextFailed);
    view->addAction(previousFailed);
    view->addAction(find);
    m_view = view;
    m_afterTreeActions = view->addSeparator();
    setTreeActions(treeActions);
    view->addAction(outputs);
    view->addAction(rawJson);
    view->addSeparator();
    view->addAction(nextTab);
    view->addAction(previousTab);

    QMenu *call = bar->addMenu(tr("&Call"));
    call->addAction(focusId);
    call->addAction(refresh);
    call->addAction(pause);
    call->addAction(stop);
    call->addSeparator();
    call->addAction(copyId);
    call->addAction(copyCurl);

    QMenu *help = bar->addMenu(tr("&Help"));
    help->addAction(shortcuts);
    help->addAction(userGuide);
    help->addSeparator();
    help->addAction(about);
}

QToolBar *WindowActions::buildToolBar(QWidget *callIdField)
{
    auto *toolbar = new QToolBar(tr("Call"), m_window);
    toolbar->setObjectName(QStringLiteral("callToolBar"));
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    auto *idLabel = new QLabel(tr("Call ID "), toolbar);
    idLabel->setBuddy(callIdField);
    toolbar->addWidget(idLabel);
    toolbar->addWidget(callIdField);
    toolbar->addSeparator();
    toolbar->addAction(refresh);
    toolbar->addAction(pause);
    toolbar->addAction(stop);
    return toolbar;
}

void WindowActions::setTreeActions(const QList<QAction *> &treeActions)
{
    for (const QPointer<QAction> &old : std::as_const(m_treeActions)) {
        if (old && m_view)
            m_view->removeAction(old);
    }
    m_treeActions.clear();
    for (QAction *action : treeActions) {
        m_treeActions << action;
        if (m_view)
            m_view->insertAction(m_afterTreeActions, action);
    }
}

QList<QAction *> WindowActions::all() const
{
    QList<QAction *> treeActions;
    for (const QPointer<QAction> &action : m_treeActions) {
        if (action)
            treeActions << action;
    }
    return QList<QAction *>{newTab,    open,        saveJson,   closeTab,       settings, quit,
                            expandAll, collapseAll, nextFailed, previousFailed, find} +
           treeActions + QList<QAction *>{outputs, rawJson, nextTab, previousTab, goToTab.first()} +
           QList<QAction *>{focusId,  refresh,   pause,     stop, copyId,
                            copyCurl, shortcuts, userGuide, about};
}

} // namespace bem
