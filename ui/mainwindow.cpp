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
#include "livestatusline.h"
#include "outputspane.h"
#include "rawjsonview.h"
#include "recentcalls.h"
#include "settingsdialog.h"
#include "settingskeys.h"
#include "shortcutsdialog.h"
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
#include <QTreeView>
#include <QVBoxLayout>

#include <utility>

namespace bem {

namespace {

const QString OpenTabsKey = QStringLiteral("tabs/open");
const QString CallIdKey = QStringLiteral("callId");

} // namespace

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
    CallTab *first = addTab(services.session, nullptr);
    connectActions();
    connectTabActions();
    auto *recentMenu = new RecentCallsMenu(m_recents, this);
    connect(recentMenu, &RecentCallsMenu::callChosen, this,
            [this](const QString &id) { loadCall(id); });
    // The Calls pane, beside the start page and the open calls; it opens calls as the Call
    // ID field does, in the current tab.
    QList<QAction *> viewActions{
        first->treePanel()->findChild<QAction *>(QStringLiteral("actionNextMatch")),
        first->treePanel()->findChild<QAction *>(QStringLiteral("actionPreviousMatch"))};
    viewActions += first->treePanel()->timeline()->actions();
    if (services.callsPane && services.network) {
        m_callsDock = new CallsDock(services.session, services.network, this);
        addDockWidget(Qt::LeftDockWidgetArea, m_callsDock);
        connect(m_callsDock, &CallsDock::callRequested, this,
                [this](const QString &id) { loadCall(id); });
        viewActions << m_callsDock->toggleViewAction() << m_callsDock->focusAction();
    }
    m_actions->buildMenus(recentMenu, viewActions);

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
    addToolBar(m_actions->buildToolBar(m_callId));

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
}

CallTab *MainWindow::addTab(CallSession *session, std::unique_ptr<CallSession> owned)
{
    const CallTab::Shared shared{m_keys, m_recents, m_urlOpener, m_actions, statusBar()};
    auto *tab = new CallTab(session, std::move(owned), shared, m_tabs);
    connect(tab, &CallTab::presentationChanged, this, [this, tab] { updateTabPresentation(tab); });
    connect(tab, &CallTab::callIdChanged, this, [this, tab](const QString &callId) {
        if (tab == m_current)
            m_callId->setText(callId);
    });
    connect(tab, &CallTab::message, this, [this](const QString &text, int timeoutMs) {
        statusBar()->showMessage(text, timeoutMs);
    });
    connect(tab, &CallTab::callIdRefused, this, [this, tab] {
        if (tab == m_current)
            m_callId->setFocus();
    });
    connect(tab, &CallTab::settingsRequested, this, &MainWindow::openSettings);
    connect(tab, &CallTab::demoRequested, this, [this] {
        if (m_startDemo)
            m_startDemo();
    });
    connect(tab, &CallTab::recentChosen, tab, [tab](const QString &id) { tab->loadCall(id); });
    if (!m_modeNote.isEmpty())
        tab->setModeNote(m_modeNote);
    const KeyStateText state = keyStateText(m_keys, m_demoMode);
    tab->emptyState()->setKeyState(state.usable, state.text);
    tab->emptyState()->setDemoAvailable(bool(m_startDemo) && !m_demoMode);
    tab->emptyState()->setRecentCalls(m_recents->entries());
    if (m_tabs->count() > 0) // the first one is restored with the window
        tab->callPage()->restoreState(m_services.settings);
    m_tabs->addTab(tab, tab->title());
    updateTabPresentation(tab);
    Q_EMIT tabOpened(tab);
    return tab;
}

CallTab *MainWindow::newTab()
{
    if (!m_services.newSession)
        return nullptr;
    std::unique_ptr<CallSession> session = m_services.newSession();
    CallSession *raw = session.get();
    CallTab *tab = addTab(raw, std::move(session));
    m_tabs->setCurrentWidget(tab);
    return tab;
}

void MainWindow::connectTabActions()
{
    const WindowActions *a = m_actions;
    connect(a->newTab, &QAction::triggered, this, [this] {
        if (newTab()) {
            m_callId->setFocus(Qt::ShortcutFocusReason);
            m_callId->selectAll();
        }
    });
    connect(a->closeTab, &QAction::triggered, this, [this] { closeTab(currentTab()); });
    for (QAction *step : {a->nextTab, a->previousTab}) {
        const int by = step == a->nextTab ? 1 : -1;
        connect(step, &QAction::triggered, this, [this, by] {
            const int count = m_tabs->count();
            m_tabs->setCurrentIndex((m_tabs->currentIndex() + by + count) % count);
        });
    }
    for (int i = 0; i < a->goToTab.size(); ++i) {
        connect(a->goToTab.at(i), &QAction::triggered, this, [this, i] {
            if (i < m_tabs->count())
                m_tabs->setCurrentIndex(i);
        });
    }
}

void MainWindow::closeTab(CallTab *tab)
{
    if (!tab || m_tabs->indexOf(tab) < 0)
        return;
    if (m_tabs->count() == 1 && !newTab())
        return; // a window of one tab, and no sessions to make: it stays
    Q_EMIT tabClosing(tab);
    if (tab->session() == m_services.session) {
        // The app's own session outlives its tab: it stops asking.
        m_services.session->stopRequest();
        m_services.session->stop();
    }
    m_tabs->removeTab(m_tabs->indexOf(tab));
    delete tab; // and its session, cancelling what it asked
}

void MainWindow::selectTab(CallSession *session)
{
    for (int i = 0; i < tabCount(); ++i) {
        if (tabAt(i)->session() == session)
            m_tabs->setCurrentIndex(i);
    }
}

CallTab *MainWindow::currentTab() const
{
    return m_current;
}

CallTab *MainWindow::tabAt(int index) const
{
    return qobject_cast<CallTab *>(m_tabs->widget(index));
}

int MainWindow::tabCount() const
{
    return m_tabs->count();
}

CallTab *MainWindow::tabShowing(const QString &callId) const
{
    for (int i = 0; i < tabCount(); ++i) {
        const CallSession *s = tabAt(i)->session();
        if (!s->isOffline() && (s->callId() == callId || s->pendingCallId() == callId))
            return tabAt(i);
    }
    return nullptr;
}

bool MainWindow::openCallInTab(const QString &text)
{
    const CallIdExtraction extracted = extractCallId(text);
    if (!extracted.ok())
        return loadCall(text); // says why, in the current tab
    if (CallTab *showing = tabShowing(extracted.callId)) {
        m_tabs->setCurrentWidget(showing);
        return true;
    }
    const CallSession *s = session();
    const bool currentIsEmpty =
        s->callId().isEmpty() && s->pendingCallId().isEmpty() && !s->isLoadingFile();
    if (!currentIsEmpty)
        newTab(); // without a session factory, the call replaces the current one
    return loadCall(extracted.callId);
}

void MainWindow::onCurrentTabChanged()
{
    auto *tab = qobject_cast<CallTab *>(m_tabs->currentWidget());
    if (m_current && m_current != tab)
        m_current->setCurrent(false);
    m_current = tab;
    if (!tab)
        return;
    tab->setCurrent(true);
    m_callId->setText(tab->callIdText());
    setWindowTitle(tab->windowTitle());
}

void MainWindow::updateTabPresentation(CallTab *tab)
{
    const int index = m_tabs->indexOf(tab);
    if (index < 0)
        return;
    QString title = tab->title();
    m_tabs->setTabText(index, title.replace(u'&', QStringLiteral("&&")));
    m_tabs->setTabIcon(index, tab->icon());
    m_tabs->setTabToolTip(index, tab->toolTip());
    if (tab == m_current)
        setWindowTitle(tab->windowTitle());
}

QStringList MainWindow::openCallIds() const
{
    QStringList ids;
    for (int i = 0; i < tabCount(); ++i) {
        const CallSession *s = tabAt(i)->session();
        const QString id = s->callId().isEmpty() ? s->pendingCallId() : s->callId();
        if (!s->isOffline() && !id.isEmpty())
            ids << id;
    }
    return ids;
}

void MainWindow::saveTabs()
{
    if (m_demoMode)
        return; // the demo's calls are not the user's: what was saved before stays
    QSettings *settings = m_services.settings;
    const QStringList ids = openCallIds();
    settings->beginWriteArray(OpenTabsKey, int(ids.size()));
    for (int i = 0; i < ids.size(); ++i) {
        settings->setArrayIndex(i);
        settings->setValue(CallIdKey, ids.at(i));
    }
    settings->endArray();
}

void MainWindow::restoreTabs()
{
    QSettings *settings = m_services.settings;
    QStringList ids;
    const int count = settings->beginReadArray(OpenTabsKey);
    for (int i = 0; i < count; ++i) {
        settings->setArrayIndex(i);
        ids << settings->value(CallIdKey).toString();
    }
    settings->endArray();
    for (const QString &id : std::as_const(ids)) {
        if (extractCallId(id).ok()) // a settings file edited by hand holds anything
            openCallInTab(id);
    }
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_tabs->tabBar() && event->type() == QEvent::MouseButtonRelease) {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() == Qt::MiddleButton) {
            const int index = m_tabs->tabBar()->tabAt(mouse->position().toPoint());
            if (index >= 0) {
                closeTab(tabAt(index));
                return true;
            }
        }
    }
    return QMainWindow::eventFilter(watched, event);
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
    const KeyStateText state = keyStateText(m_keys, m_demoMode);
    for (int i = 0; i < tabCount(); ++i)
        tabAt(i)->emptyState()->setKeyState(state.usable, state.text);
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
