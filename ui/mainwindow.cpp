// SPDX-License-Identifier: MIT
#include "mainwindow.h"

#include "apiendpoint.h"
#include "apikeystore.h"
#include "callform.h"
#include "callidfield.h"
#include "callidinput.h"
#include "callpage.h"
#include "callsdock.h"
#include "calltab.h"
#include "calltreemodel.h"
#include "calltreepanel.h"
#include "datanotices.h"
#include "detailspane.h"
#include "emptystate.h"
#include "finishnotifications.h"
#include "livestatusline.h"
#include "notifybell.h"
#include "outputspane.h"
#include "rawjsonview.h"
#include "recentcalls.h"
#include "settingsdialog.h"
#include "settingskeys.h"
#include "shortcutsdialog.h"
#include "tabenvironments.h"
#include "timelinecontroller.h"
#include "urlopener.h"
#include "userguidedialog.h"
#include "windowactions.h"
#include "windowbanner.h"
#include "windowstate.h"
#include "windowtexts.h"

#include <QAction>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLineEdit>
#include <QMouseEvent>
#include <QSettings>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

#include <utility>

namespace bem {

MainWindow::MainWindow(const Services &services, QWidget *parent)
    : QMainWindow(parent)
    , m_services(services)
    , m_keys(services.keys)
    , m_recents(new RecentCalls(services.settings, this))
    , m_urlOpener(new UrlOpener(this))
{
    setWindowTitle(tr("bem Call Inspector"));
    setAcceptDrops(true);
    m_actions = new WindowActions(this);
    buildLayout();
    setUpNotifications();
    CallTab *first = addTab(services.session, nullptr, QString());
    connectActions();
    connectTabActions();
    auto *recentMenu = new RecentCallsMenu(m_recents, this);
    connect(recentMenu, &RecentCallsMenu::callChosen, this,
            [this](const QString &id) { loadCall(id); });
    // The Calls pane, beside the start page and the open calls; it opens calls as the Call
    // ID field does, in the current tab.
    if (services.callsPane && services.network) {
        m_callsDock = new CallsDock(services.session, services.network, this);
        addDockWidget(Qt::LeftDockWidgetArea, m_callsDock);
        connect(m_callsDock, &CallsDock::callRequested, this,
                [this](const QString &id) { loadCall(id); });
        connect(m_callsDock, &CallsDock::callRequestedInNewTab, this,
                [this](const QString &id) { openCallInNewTab(id); });
        m_dockActions << m_callsDock->toggleViewAction() << m_callsDock->focusAction();
    }
    m_actions->buildMenus(recentMenu, viewActionsOf(first));

    connect(m_recents, &RecentCalls::changed, this, &MainWindow::updateRecentCalls);
    if (m_keys) {
        connect(m_keys, &ApiKeyStore::loaded, this, &MainWindow::updateKeyState);
        connect(m_keys, &ApiKeyStore::keyChanged, this, &MainWindow::updateKeyState);
    }

    updateKeyState();
    updateRecentCalls();
    setDemoStarter({});
    resize(1280, 800);
    restoreWindowState(*this, *first->callPage(), *m_services.settings);
    m_callId->setFocus();
}

QList<QAction *> MainWindow::viewActionsOf(const CallTab *tab) const
{
    // The tree panel's own (Next Match, the timeline's), then the Calls pane's.
    QList<QAction *> actions{
        tab->treePanel()->findChild<QAction *>(QStringLiteral("actionNextMatch")),
        tab->treePanel()->findChild<QAction *>(QStringLiteral("actionPreviousMatch"))};
    actions += tab->treePanel()->timeline()->actions();
    return actions + m_dockActions;
}

MainWindow::~MainWindow()
{
    // The tabs go first: their status lines live in the status bar.
    const QSignalBlocker blocker(m_tabs);
    while (m_tabs->count() > 0) {
        QWidget *page = m_tabs->widget(0);
        m_tabs->removeTab(0);
        delete page;
    }
}

void MainWindow::setUpNotifications()
{
    // One watcher per tab's session; the status bar's bell is the current tab's toggle.
    m_notifications = new FinishNotifications(m_services.settings, this);
    m_bell = new NotifyBell(this);
    statusBar()->addPermanentWidget(m_bell);
    connect(m_notifications, &FinishNotifications::statusMessage, this,
            [this](const QString &text) { statusBar()->showMessage(text, 15000); });
    connect(m_notifications, &FinishNotifications::openRequested, this,
            [this](CallSession *session) {
                selectTab(session);
                if (isMinimized())
                    showNormal();
                show();
                raise();
                activateWindow();
            });
}

void MainWindow::connectActions()
{
    const WindowActions *a = m_actions;
    connect(a->open, &QAction::triggered, this, &MainWindow::chooseFile);
    connect(a->saveJson, &QAction::triggered, this, [this] { rawJsonView()->saveAs(); });
    connect(a->settings, &QAction::triggered, this, &MainWindow::openSettings);
    connect(a->quit, &QAction::triggered, this, &QWidget::close);
    connect(a->refresh, &QAction::triggered, this, [this] {
        banners()->resolve(BannerCause::LinkProblem);
        session()->refreshNow();
    });
    connect(a->pause, &QAction::toggled, this, [this](bool paused) {
        if (paused)
            session()->pause();
        else
            session()->resume();
    });
    connect(a->stop, &QAction::triggered, this, [this] { session()->stopRequest(); });
    connect(a->copyId, &QAction::triggered, this, &MainWindow::copyCallId);
    connect(a->copyCurl, &QAction::triggered, this, &MainWindow::copyAsCurl);
    connect(a->focusId, &QAction::triggered, this, [this] {
        m_callId->setFocus(Qt::ShortcutFocusReason);
        m_callId->selectAll();
    });
    connect(a->find, &QAction::triggered, this, [this] {
        if (RawJsonView *raw = currentTab()->callPage()->currentRawView())
            raw->showFindBar();
        else
            treePanel()->focusFilter();
    });
    connect(a->expandAll, &QAction::triggered, this, [this] { treePanel()->expandAll(); });
    connect(a->collapseAll, &QAction::triggered, this, [this] { treePanel()->collapseAll(); });
    connect(a->outputs, &QAction::triggered, this,
            [this] { currentTab()->callPage()->showOutputs(); });
    connect(a->rawJson, &QAction::toggled, this,
            [this](bool raw) { currentTab()->callPage()->showRawJson(raw); });
    for (QAction *step : {a->nextFailed, a->previousFailed}) {
        const bool backward = step == a->previousFailed;
        connect(step, &QAction::triggered, this, [this, backward] {
            currentTab()->callPage()->showRawJson(false);
            if (!treePanel()->selectNextFailed(backward))
                statusBar()->showMessage(tr("No failed function calls."), 4000);
            else
                treePanel()->view()->setFocus();
        });
    }
    connect(a->shortcuts, &QAction::triggered, this, [this] {
        ShortcutsDialog dialog(m_actions->all(), this);
        dialog.exec();
    });
    connect(a->userGuide, &QAction::triggered, this, [this] {
        UserGuideDialog dialog(QStringLiteral("Using it"), this);
        dialog.exec();
    });
    connect(a->about, &QAction::triggered, this, [this] { showAboutBox(this); });
}

void MainWindow::buildLayout()
{
    m_callId = new CallIdField(this);
    connect(m_callId, &CallIdField::loadRequested, this, &MainWindow::loadCall);
    QToolBar *toolbar = m_actions->buildToolBar(m_callId);
    addToolBar(toolbar);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("sessionTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->setMovable(true);
    m_tabs->setTabsClosable(true);
    // One call looks as it always did; a second one brings the tab bar.
    m_tabs->setTabBarAutoHide(true);
    m_tabs->tabBar()->setElideMode(Qt::ElideMiddle);
    m_tabs->tabBar()->installEventFilter(this);
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::onCurrentTabChanged);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this,
            [this](int index) { closeTab(tabAt(index)); });
    setCentralWidget(m_tabs);
    if (m_services.environments) {
        m_environments = new TabEnvironments(m_services.environments, m_tabs, this);
        // The environment first: "Production ▾  Call ID [ … ]".
        toolbar->insertWidget(toolbar->actions().value(0), m_environments->combo());
        connect(m_environments, &TabEnvironments::keysChanged, this, &MainWindow::updateKeyState);
    }
}

bool MainWindow::loadCall(const QString &text)
{
    return currentTab()->loadCall(text);
}

bool MainWindow::openFile(const QString &path)
{
    return currentTab()->openFile(path);
}

bool MainWindow::isLoadingFile() const
{
    return session()->isLoadingFile();
}

void MainWindow::setModeNote(const QString &text)
{
    m_modeNote = text;
    for (int i = 0; i < tabCount(); ++i)
        tabAt(i)->setModeNote(text);
}

void MainWindow::showNotice(const QString &text)
{
    currentTab()->showNotice(text);
}

void MainWindow::setDemoStarter(std::function<void()> start)
{
    m_startDemo = std::move(start);
    for (int i = 0; i < tabCount(); ++i)
        tabAt(i)->emptyState()->setDemoAvailable(bool(m_startDemo) && !m_demoMode);
}

void MainWindow::enterDemoMode(const QString &note)
{
    m_demoMode = true;
    setModeNote(note);
    m_actions->settings->setEnabled(false);
    m_actions->settings->setToolTip(tr("The demo uses its own local API and key."));
    for (int i = 0; i < tabCount(); ++i)
        tabAt(i)->resolveNotice();
    if (m_environments)
        m_environments->setActive(false); // every tab uses the demo's connection
    setDemoStarter(m_startDemo);
    updateKeyState();
}

CallSession *MainWindow::session() const
{
    return currentTab()->session();
}
CallTreeModel *MainWindow::model() const
{
    return currentTab()->model();
}
CallTreePanel *MainWindow::treePanel() const
{
    return currentTab()->treePanel();
}
CallForm *MainWindow::callForm() const
{
    return currentTab()->callForm();
}
DetailsPane *MainWindow::detailsPane() const
{
    return currentTab()->detailsPane();
}
RawJsonView *MainWindow::rawJsonView() const
{
    return currentTab()->rawJsonView();
}
MessageBanner *MainWindow::banner() const
{
    return currentTab()->banner();
}
BannerBoard *MainWindow::banners() const
{
    return currentTab()->banners();
}
EmptyState *MainWindow::emptyState() const
{
    return currentTab()->emptyState();
}

QLineEdit *MainWindow::callIdField() const
{
    return m_callId;
}

bool MainWindow::isShowingCall() const
{
    return currentTab()->isShowingCall();
}

QString MainWindow::bannerText() const
{
    return currentTab()->bannerText();
}

QString MainWindow::liveStatusText() const
{
    return currentTab()->liveStatusText();
}

void MainWindow::updateLiveStatus()
{
    currentTab()->updateLiveStatus();
}

void MainWindow::updateKeyState()
{
    for (int i = 0; i < tabCount(); ++i)
        showKeyState(tabAt(i));
}

void MainWindow::showKeyState(CallTab *tab)
{
    // With environments each tab speaks of its own environment's key.
    const ApiKeyStore *keys = m_keys;
    if (m_environments && m_environments->isActive())
        keys = m_environments->keysOf(tab);
    const KeyStateText state = keyStateText(keys, m_demoMode);
    tab->emptyState()->setKeyState(state.usable, state.text);
}

void MainWindow::updateRecentCalls()
{
    const QList<RecentCall> entries = m_recents->entries();
    m_callId->setRecentCalls(entries);
    for (int i = 0; i < tabCount(); ++i)
        tabAt(i)->emptyState()->setRecentCalls(entries);
}

void MainWindow::openSettings()
{
    if (!m_keys || m_demoMode)
        return;
    if (m_environments) {
        SettingsDialog dialog(m_environments->store(), m_services.network,
                              currentTab()->environmentId(), this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        // The store tells every tab of what changed in its environment.
        for (int i = 0; i < tabCount(); ++i)
            tabAt(i)->callPage()->outputs()->reloadSettings();
        return;
    }
    CallSession *current = session();
    SettingsDialog dialog(m_keys, m_services.network, current->baseUrl(), this);
    dialog.setApiVersionChoice(current->apiVersionChoice());
    if (dialog.exec() != QDialog::Accepted)
        return;
    // One connection for every tab: each session follows what was chosen.
    const ApiVersionChoice version = dialog.apiVersionChoice();
    if (version != current->apiVersionChoice())
        m_services.settings->setValue(SettingsKeys::apiVersion(), apiVersionChoiceName(version));
    const QUrl chosen = dialog.baseUrl();
    if (chosen != current->baseUrl())
        m_services.settings->setValue(SettingsKeys::baseUrl(), chosen.toString());
    for (int i = 0; i < tabCount(); ++i) {
        CallSession *s = tabAt(i)->session();
        if (version != s->apiVersionChoice())
            s->setApiVersionChoice(version); // asks the call again, on the new version
        tabAt(i)->callPage()->outputs()->reloadSettings();
        if (chosen != s->baseUrl())
            s->setBaseUrl(chosen); // refreshes a live call at once
    }
    if (m_services.session->baseUrl() != chosen) // the first tab's may have been closed
        m_services.session->setBaseUrl(chosen);
    if (m_services.session->apiVersionChoice() != version)
        m_services.session->setApiVersionChoice(version);
    // A key saved in the dialog reaches the session through the key store, which
    // refreshes then.
}

void MainWindow::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open a saved call response"), {},
                                                      tr("JSON files (*.json);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

void MainWindow::copyCallId()
{
    const QString id = session()->callId();
    if (id.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(id);
    statusBar()->showMessage(tr("Copied the call ID."), 3000);
}

void MainWindow::copyAsCurl()
{
    // The version that answered (v3, or v2 after Auto's probe), as the app asks it.
    const QUrl url = session()->callUrl();
    const QString command = ApiEndpoint::curlCommand(url);
    if (command.isEmpty())
        return;
    // The command names $BEM_API_KEY: the key itself never reaches the clipboard.
    QGuiApplication::clipboard()->setText(command);
    statusBar()->showMessage(tr("Copied a curl command for this call (the key is read from "
                                "$BEM_API_KEY)."),
                             5000);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWindowState(*this, *currentTab()->callPage(), m_services.settings);
    saveTabs();
    QMainWindow::closeEvent(event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!jsonFileIn(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QString path = jsonFileIn(event->mimeData());
    if (path.isEmpty())
        return;
    event->acceptProposedAction();
    openFile(path);
}

} // namespace bem
