// SPDX-License-Identifier: MIT
// The window's tabs: making, closing, switching and finding them, and the calls they show
// kept between runs.
#include "mainwindow.h"

#include "callidfield.h"
#include "callidinput.h"
#include "callpage.h"
#include "callsdock.h"
#include "calltab.h"
#include "calltreepanel.h"
#include "emptystate.h"
#include "environmentstore.h"
#include "finishnotifications.h"
#include "notifybell.h"
#include "recentcalls.h"
#include "tabenvironments.h"
#include "windowactions.h"
#include "windowtexts.h"

#include <QAction>
#include <QMouseEvent>
#include <QSettings>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>

namespace bem {

namespace {

const QString OpenTabsKey = QStringLiteral("tabs/open");
const QString CallIdKey = QStringLiteral("callId");
const QString EnvironmentKey = QStringLiteral("environment");

} // namespace

CallTab *MainWindow::addTab(CallSession *session, std::unique_ptr<CallSession> owned,
                            const QString &environmentId)
{
    const CallTab::Shared shared{m_keys, m_recents, m_urlOpener, m_actions, statusBar()};
    auto *tab = new CallTab(session, std::move(owned), shared, m_tabs);
    connect(tab, &CallTab::presentationChanged, this, [this, tab] { updateTabPresentation(tab); });
    connect(tab, &CallTab::callIdChanged, this, [this, tab](const QString &callId) {
        if (tab != m_current)
            return;
        m_callId->setText(callId);
        if (m_environments)
            m_environments->follow(tab); // a tab with a call keeps its environment
    });
    connect(tab, &CallTab::tryElsewhereRequested, this,
            [this](const QString &environmentId, const QString &callId) {
                openCallInTab(callId, environmentId);
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
    tab->emptyState()->setDemoAvailable(bool(m_startDemo) && !m_demoMode);
    tab->emptyState()->setRecentCalls(m_recents->entries());
    if (m_tabs->count() > 0) // the first one is restored with the window
        tab->callPage()->restoreState(m_services.settings);
    m_tabs->addTab(tab, tab->title());
    if (m_environments)
        m_environments->assign(tab, environmentId);
    showKeyState(tab);
    updateTabPresentation(tab);
    m_notifications->watch(session);
    Q_EMIT tabOpened(tab);
    return tab;
}

CallTab *MainWindow::newTab(const QString &environmentId)
{
    if (!m_services.newSession)
        return nullptr;
    std::unique_ptr<CallSession> session = m_services.newSession();
    CallSession *raw = session.get();
    CallTab *tab = addTab(raw, std::move(session), environmentFor(environmentId));
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
    m_notifications->unwatch(tab->session()); // the app's own session outlives its tab
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

QString MainWindow::environmentFor(const QString &asked) const
{
    if (!m_environments || !m_environments->isActive())
        return QString();
    if (!asked.isEmpty())
        return asked;
    return m_current ? m_current->environmentId() : QString();
}

CallTab *MainWindow::tabShowing(const QString &callId, const QString &environmentId) const
{
    for (int i = 0; i < tabCount(); ++i) {
        const CallTab *tab = tabAt(i);
        const CallSession *s = tab->session();
        const bool sameEnvironment =
            !m_environments || !m_environments->isActive() || tab->environmentId() == environmentId;
        if (!s->isOffline() && (s->callId() == callId || s->pendingCallId() == callId) &&
            sameEnvironment)
            return tabAt(i);
    }
    return nullptr;
}

bool MainWindow::openCallInTab(const QString &text, const QString &environmentId)
{
    const CallIdExtraction extracted = extractCallId(text);
    if (!extracted.ok())
        return loadCall(text); // says why, in the current tab
    const QString environment = environmentFor(environmentId);
    if (CallTab *showing = tabShowing(extracted.callId, environment)) {
        m_tabs->setCurrentWidget(showing);
        return true;
    }
    if (!m_current->hasCall()) {
        if (m_environments && environment != m_current->environmentId())
            m_environments->assign(m_current, environment); // nothing asked there yet
    } else {
        newTab(environment); // without a session factory, the call replaces the current one
    }
    return loadCall(extracted.callId);
}

bool MainWindow::openCallInNewTab(const QString &text)
{
    const CallIdExtraction extracted = extractCallId(text);
    if (!extracted.ok())
        return loadCall(text); // says why, in the current tab
    const QString environment = environmentFor(QString());
    // One tab per call and environment, as everywhere else: two would ask twice as often.
    if (CallTab *showing = tabShowing(extracted.callId, environment)) {
        m_tabs->setCurrentWidget(showing);
        return true;
    }
    newTab(environment); // without a session factory, the call replaces the current one
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
    m_bell->setWatcher(m_notifications->watcher(tab->session()));
    if (m_callsDock)
        m_callsDock->setSession(tab->session());   // the list of this tab's environment
    m_actions->setTreeActions(viewActionsOf(tab)); // View acts on this tab's tree
    if (m_environments)
        m_environments->follow(tab);
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
    settings->remove(OpenTabsKey);
    settings->beginWriteArray(OpenTabsKey);
    int row = 0;
    for (int i = 0; i < tabCount(); ++i) {
        const CallSession *s = tabAt(i)->session();
        const QString id = s->callId().isEmpty() ? s->pendingCallId() : s->callId();
        if (s->isOffline() || id.isEmpty())
            continue;
        settings->setArrayIndex(row++);
        settings->setValue(CallIdKey, id);
        if (!tabAt(i)->environmentId().isEmpty())
            settings->setValue(EnvironmentKey, tabAt(i)->environmentId());
    }
    settings->endArray();
}

void MainWindow::restoreTabs()
{
    QSettings *settings = m_services.settings;
    QList<std::pair<QString, QString>> saved; // call ID, environment
    const int count = settings->beginReadArray(OpenTabsKey);
    for (int i = 0; i < count; ++i) {
        settings->setArrayIndex(i);
        saved.append(
            {settings->value(CallIdKey).toString(), settings->value(EnvironmentKey).toString()});
    }
    settings->endArray();
    const EnvironmentStore *store = m_environments ? m_environments->store() : nullptr;
    for (const auto &[id, environment] : std::as_const(saved)) {
        if (!extractCallId(id).ok()) // a settings file edited by hand holds anything
            continue;
        // An environment removed since: the default one.
        const bool known = store && store->environment(environment);
        openCallInTab(id, known ? environment : store ? store->defaultId() : QString());
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

} // namespace bem
