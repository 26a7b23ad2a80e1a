// SPDX-License-Identifier: MIT
#include "mainwindow.h"

#include "apiendpoint.h"
#include "apikeystore.h"
#include "callform.h"
#include "callidfield.h"
#include "callidinput.h"
#include "callpage.h"
#include "callsdock.h"
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
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTreeView>
#include <QVBoxLayout>

#include <utility>

namespace bem {

MainWindow::MainWindow(const Services &services, QWidget *parent)
    : QMainWindow(parent)
    , m_services(services)
    , m_session(services.session)
    , m_keys(services.keys)
    , m_recents(new RecentCalls(services.settings, this))
    , m_model(services.session->model())
    , m_urlOpener(new UrlOpener(this))
{
    setWindowTitle(tr("bem Call Inspector"));
    setAcceptDrops(true);
    m_actions = new WindowActions(this);
    buildLayout();
    connectActions();
    auto *recentMenu = new RecentCallsMenu(m_recents, this);
    connect(recentMenu, &RecentCallsMenu::callChosen, this,
            [this](const QString &id) { loadCall(id); });
    // The Calls pane, beside the start page and the open call; it opens calls as the Call
    // ID field does.
    QList<QAction *> viewActions{
        m_treePanel->findChild<QAction *>(QStringLiteral("actionNextMatch")),
        m_treePanel->findChild<QAction *>(QStringLiteral("actionPreviousMatch"))};
    viewActions += m_treePanel->timeline()->actions();
    if (services.callsPane && services.network) {
        m_callsDock = new CallsDock(m_session, services.network, this);
        addDockWidget(Qt::LeftDockWidgetArea, m_callsDock);
        connect(m_callsDock, &CallsDock::callRequested, this,
                [this](const QString &id) { loadCall(id); });
        viewActions << m_callsDock->toggleViewAction() << m_callsDock->focusAction();
    }
    m_actions->buildMenus(recentMenu, viewActions);

    connect(m_session, &CallSession::shown, this, &MainWindow::onSnapshotApplied);
    connect(m_session, &CallSession::statusChanged, this, &MainWindow::onPollerStatus);
    connect(m_session, &CallSession::callChanged, this, &MainWindow::clearCallViews);
    connect(m_session, &CallSession::fileOpened, this, &MainWindow::onFileOpened);
    connect(m_session, &CallSession::problem, this, &MainWindow::onProblem);
    connect(m_session, &CallSession::eventsChanged, m_callPage, &CallPage::showEvents);
    connect(m_session, &CallSession::traceProblem, this, [this](const QString &message) {
        m_banners->raise(BannerCause::TraceProblem, BannerSeverity::Warning, message);
    });
    connect(m_session, &CallSession::traceRecovered, this,
            [this] { m_banners->resolve(BannerCause::TraceProblem); });
    connect(m_session, &CallSession::eventsProblem, this, [this](const QString &message) {
        m_banners->raise(BannerCause::TraceProblem, BannerSeverity::Warning, message);
    });
    connect(m_treePanel, &CallTreePanel::currentChanged, this, &MainWindow::showDetailsFor);
    connect(m_recents, &RecentCalls::changed, this, &MainWindow::updateRecentCalls);
    connect(m_form, &CallForm::openUrlRequested, this, &MainWindow::openLink);
    connect(m_details, &DetailsPane::openUrlRequested, this, &MainWindow::openLink);
    m_windowBanner->followLinks(
        m_urlOpener, [this] { return m_session->isOffline() ? QString() : tr("Refresh call"); });
    connect(m_windowBanner, &WindowBanner::actionTriggered, this, [this] {
        m_banners->resolve(BannerCause::LinkProblem);
        m_session->refreshNow();
    });
    if (m_keys) {
        connect(m_keys, &ApiKeyStore::loaded, this, &MainWindow::updateKeyState);
        connect(m_keys, &ApiKeyStore::keyChanged, this, &MainWindow::updateKeyState);
    }

    updateKeyState();
    updateRecentCalls();
    setDemoStarter({});
    onPollerStatus(m_session->status()); // nothing to refresh or pause yet
    resize(1280, 800);
    restoreWindowState(*this, *m_callPage, *m_services.settings);
    m_callId->setFocus();
}

MainWindow::~MainWindow() = default;

void MainWindow::connectActions()
{
    const WindowActions *a = m_actions;
    connect(a->open, &QAction::triggered, this, &MainWindow::chooseFile);
    connect(a->saveJson, &QAction::triggered, this, [this] { m_rawJson->saveAs(); });
    connect(a->settings, &QAction::triggered, this, &MainWindow::openSettings);
    connect(a->quit, &QAction::triggered, this, &QWidget::close);
    connect(a->refresh, &QAction::triggered, this, [this] {
        m_banners->resolve(BannerCause::LinkProblem);
        m_session->refreshNow();
    });
    connect(a->pause, &QAction::toggled, this, [this](bool paused) {
        if (paused)
            m_session->pause();
        else
            m_session->resume();
    });
    connect(a->stop, &QAction::triggered, this, [this] { m_session->stopRequest(); });
    connect(a->copyId, &QAction::triggered, this, &MainWindow::copyCallId);
    connect(a->copyCurl, &QAction::triggered, this, &MainWindow::copyAsCurl);
    connect(a->focusId, &QAction::triggered, this, [this] {
        m_callId->setFocus(Qt::ShortcutFocusReason);
        m_callId->selectAll();
    });
    connect(a->find, &QAction::triggered, this, [this] {
        if (RawJsonView *raw = m_callPage->currentRawView())
            raw->showFindBar();
        else
            m_treePanel->focusFilter();
    });
    connect(a->expandAll, &QAction::triggered, this, [this] { m_treePanel->expandAll(); });
    connect(a->collapseAll, &QAction::triggered, this, [this] { m_treePanel->collapseAll(); });
    connect(a->outputs, &QAction::triggered, this, [this] { m_callPage->showOutputs(); });
    connect(a->rawJson, &QAction::toggled, this,
            [this](bool raw) { m_callPage->showRawJson(raw); });
    for (QAction *step : {a->nextFailed, a->previousFailed}) {
        const bool backward = step == a->previousFailed;
        connect(step, &QAction::triggered, this, [this, backward] {
            m_callPage->showRawJson(false);
            if (!m_treePanel->selectNextFailed(backward))
                statusBar()->showMessage(tr("No failed function calls."), 4000);
            else
                m_treePanel->view()->setFocus();
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
    m_emptyState = new EmptyState(this);
    connect(m_emptyState, &EmptyState::enterKeyRequested, this, &MainWindow::openSettings);
    connect(m_emptyState, &EmptyState::demoRequested, this, [this] {
        if (m_startDemo)
            m_startDemo();
    });
    connect(m_emptyState, &EmptyState::recentChosen, this,
            [this](const QString &id) { loadCall(id); });

    m_callPage = new CallPage(m_model, this);
    m_form = m_callPage->form();
    m_treePanel = m_callPage->treePanel();
    m_details = m_callPage->details();
    m_rawJson = m_callPage->rawJson();
    connect(m_rawJson, &RawJsonView::savingStarted, this, [this](const QString &path) {
        statusBar()->showMessage(tr("Saving %1\u2026").arg(QDir::toNativeSeparators(path)));
    });
    connect(m_rawJson, &RawJsonView::saveFailed, this,
            [this](const QString &error) { statusBar()->showMessage(error, 10000); });
    connect(m_rawJson, &RawJsonView::saved, this, [this](const QString &path) {
        statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 5000);
    });

    connect(m_callPage->outputs(), &OutputsPane::functionCallRequested, this,
            [this](const QString &functionCallId) {
                if (!m_callPage->showFunctionCall(functionCallId))
                    statusBar()->showMessage(
                        tr("The trace has no function call %1 (yet).").arg(functionCallId), 5000);
            });
    connect(m_callPage, &CallPage::rawJsonShown, this, [this](bool raw) {
        const QSignalBlocker blocker(m_actions->rawJson);
        m_actions->rawJson->setChecked(raw);
    });

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(m_emptyState);
    m_pages->addWidget(m_callPage);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(8, 6, 8, 4);
    layout->setSpacing(6);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);
    // Over the content under the call-ID bar.
    m_windowBanner = new WindowBanner(central);
    m_banner = m_windowBanner->widget();
    m_banners = m_windowBanner->board();

    m_status = new LiveStatusLine(statusBar(), m_session);
    // "Notify me when it finishes", beside the call's live status.
    m_notifications = new FinishNotifications(m_services.settings, this);
    auto *bell = new NotifyBell(this);
    bell->setWatcher(m_notifications->watch(m_session));
    statusBar()->addPermanentWidget(bell);
    connect(m_notifications, &FinishNotifications::statusMessage, this,
            [this](const QString &text) { statusBar()->showMessage(text, 15000); });
    connect(m_notifications, &FinishNotifications::openRequested, this, [this] {
        if (isMinimized())
            showNormal();
        show();
        raise();
        activateWindow();
    });
}

bool MainWindow::loadCall(const QString &text)
{
    const CallIdExtraction extracted = extractCallId(text);
    if (!extracted.ok()) {
        m_banners->raise(BannerCause::CallIdRefused, BannerSeverity::Info, extracted.problem);
        m_callId->setFocus();
        return false;
    }
    const QString id = extracted.callId;
    m_callId->setText(id);
    m_banners->happened(BannerEvent::CallRequested);
    m_awaitingCall = true;
    m_form->setOffline(false);
    m_details->setOffline(false);
    m_session->open(id);
    m_rawJson->setSuggestedFileName(id + QStringLiteral(".json"));
    setWindowTitle(tr("%1 \u2014 bem Call Inspector").arg(id));
    if (!m_session->pendingCallId().isEmpty()) {
        m_status->say(tr("Waiting for the system keychain\u2026"));
        // The session opens the call once the key is known; the page follows then.
        connect(
            m_keys, &ApiKeyStore::loaded, this,
            [this] {
                if (!m_session->isOffline())
                    showCallPage();
            },
            Qt::SingleShotConnection);
        return true;
    }
    showCallPage();
    return true;
}

bool MainWindow::openFile(const QString &path)
{
    if (!m_session->openFile(path))
        return false;
    m_status->sayReading(tr("Reading %1\u2026").arg(QDir::toNativeSeparators(path)));
    return true;
}

bool MainWindow::isLoadingFile() const
{
    return m_session->isLoadingFile();
}

void MainWindow::onProblem(const SessionProblem &problem)
{
    // Failed requests show through the status (banner and status bar), and what came
    // instead of a call in the raw view, over the last good response (kept there); a
    // file's problem is about the file alone: the call shown stays.
    if (problem.kind == SessionProblem::Kind::Request) {
        if (!problem.body.isEmpty())
            m_rawJson->setFailedResponse(problem.body, problem.httpStatus,
                                         QString::fromLatin1(problem.contentType), -1, {});
        return;
    }
    m_banners->raise(BannerCause::FileProblem, BannerSeverity::Info, problem.message);
    m_status->restoreAfterReading();
}

void MainWindow::onFileOpened(const QString &path, const QString &callId)
{
    m_status->forgetBeforeReading();
    m_banners->happened(BannerEvent::FileOpened);
    m_form->setOffline(true);
    m_details->setOffline(true);
    showCallPage();
    m_callId->setText(callId);
    m_rawJson->setSuggestedFileName(QFileInfo(path).fileName());
    setWindowTitle(tr("%1 \u2014 bem Call Inspector").arg(QFileInfo(path).fileName()));
    m_status->say(
        tr("Showing a saved response: %1 (not refreshed)").arg(QDir::toNativeSeparators(path)));
    onPollerStatus(m_session->status());
}

void MainWindow::clearCallViews()
{
    m_banners->happened(BannerEvent::OtherCallShown);
    m_form->clear();
    m_details->showNothing();
    m_rawJson->clear();
    m_callPage->clearCallParts();
    m_actions->outputs->setEnabled(false);
    m_treePanel->resetForNewCall();
    m_recordedStatus.clear();
}

void MainWindow::showCallPage()
{
    m_pages->setCurrentWidget(m_callPage);
}

void MainWindow::setModeNote(const QString &text)
{
    m_status->setModeNote(text);
}

void MainWindow::showNotice(const QString &text)
{
    m_banners->raise(BannerCause::AppNotice, BannerSeverity::Info, text);
}

void MainWindow::setDemoStarter(std::function<void()> start)
{
    m_startDemo = std::move(start);
    m_emptyState->setDemoAvailable(bool(m_startDemo) && !m_demoMode);
}

void MainWindow::enterDemoMode(const QString &note)
{
    m_demoMode = true;
    setModeNote(note);
    m_actions->settings->setEnabled(false);
    m_actions->settings->setToolTip(tr("The demo uses its own local API and key."));
    m_banners->resolve(BannerCause::AppNotice);
    updateKeyState();
}

QLineEdit *MainWindow::callIdField() const
{
    return m_callId;
}

bool MainWindow::isShowingCall() const
{
    return m_pages->currentWidget() == m_callPage;
}

QString MainWindow::bannerText() const
{
    return m_windowBanner->text();
}

QString MainWindow::liveStatusText() const
{
    return m_status->text();
}

void MainWindow::onSnapshotApplied(const CallSnapshotPtr &snapshotPtr)
{
    const CallSnapshot &snapshot = *snapshotPtr;
    const Call &call = snapshot.call;
    m_form->setCall(call, snapshot.serverError);
    // The body parsed into this snapshot: the raw view need not check it again.
    m_rawJson->setResponse(snapshot.body, /*knownJson=*/true);
    m_callPage->showSnapshotParts(snapshotPtr);
    m_actions->outputs->setEnabled(call.apiVersion == ApiVersion::V3);
    showDetailsFor(m_treePanel->currentSourceIndex());

    // The recent list learns the call's name and how it ended; written only on change.
    const QString status = call.status.raw();
    if (!call.callId.isEmpty() && status != m_recordedStatus) {
        m_recordedStatus = status;
        RecentCall recent;
        recent.callId = call.callId;
        recent.workflowName = !call.workflowName.isEmpty() ? call.workflowName : call.functionName;
        recent.status = status;
        recent.lastOpened = QDateTime::currentDateTimeUtc();
        m_recents->record(recent);
    }

    if (std::exchange(m_awaitingCall, false))
        m_banners->happened(BannerEvent::CallLoaded);
    const DataNotice notice = describeDataNotices(snapshot);
    if (notice.isEmpty())
        m_banners->resolve(BannerCause::DataNotice);
    else
        m_banners->raise(BannerCause::DataNotice,
                         notice.kind == DataNotice::Kind::Warning ? BannerSeverity::Warning
                                                                  : BannerSeverity::Info,
                         notice.text, notice.details);
}

void MainWindow::showDetailsFor(const QModelIndex &sourceIndex)
{
    const FunctionCall *fc = m_model->functionCall(sourceIndex);
    if (!fc) {
        m_details->showNothing();
        return;
    }
    const CallTreeModel::NodeKind kind = m_model->kind(sourceIndex);
    if (kind == CallTreeModel::NodeKind::Event) {
        if (const Event *event = m_model->eventAt(sourceIndex)) {
            m_details->showTraceEvent(*fc, *event);
            return;
        }
    }
    m_details->showFunctionCall(*fc,
                                kind == CallTreeModel::NodeKind::Activity ? sourceIndex.row() : -1);
}

void MainWindow::onPollerStatus(const PollerStatus &status)
{
    using P = PollerStatus::Phase;
    const bool watching = status.phase != P::Idle;
    m_actions->refresh->setEnabled(watching && !status.requestInFlight);
    m_actions->stop->setEnabled(status.requestInFlight);
    m_actions->stop->setVisible(status.requestInFlight);
    m_actions->pause->setEnabled(watching && status.phase != P::Finished &&
                                 status.phase != P::Stopped);
    {
        const QSignalBlocker blocker(m_actions->pause);
        m_actions->pause->setChecked(status.phase == P::Paused);
    }
    m_actions->copyId->setEnabled(!m_model->callId().isEmpty() || watching);
    m_actions->copyCurl->setEnabled(m_actions->copyId->isEnabled());
    m_actions->saveJson->setEnabled(m_rawJson->hasResponse());

    const QString failure = requestFailureText(status);
    if (status.concern == PollerStatus::Concern::Stopped && !status.hasSnapshot) {
        // The status bar says it was stopped; a page with nothing on it says what to do.
        m_banners->raise(BannerCause::RequestError, BannerSeverity::Info,
                         stoppedBeforeArrivalText(status.callId), {}, tr("Retry"));
    } else if (!failure.isEmpty()) {
        m_banners->raise(BannerCause::RequestError, BannerSeverity::Error, failure,
                         status.lastDetails.split(u'\n'), tr("Retry"));
    } else if (status.lastError.isEmpty() && status.phase != P::Loading &&
               !status.requestInFlight) {
        m_banners->happened(BannerEvent::RequestSucceeded);
        // The server answered with the call again: the raw view leaves the failed body.
        if (m_rawJson->isShowingFailedResponse() && m_rawJson->hasLastGoodResponse())
            m_rawJson->showLastGoodResponse();
    }
    m_status->follow(watching);
}

void MainWindow::updateLiveStatus()
{
    m_status->update();
}

void MainWindow::openLink(const QString &url)
{
    if (m_urlOpener->open(url))
        m_banners->happened(BannerEvent::LinkOpened);
}

void MainWindow::updateKeyState()
{
    const KeyStateText state = keyStateText(m_keys, m_demoMode);
    m_emptyState->setKeyState(state.usable, state.text);
}

void MainWindow::updateRecentCalls()
{
    const QList<RecentCall> entries = m_recents->entries();
    m_callId->setRecentCalls(entries);
    m_emptyState->setRecentCalls(entries);
}

void MainWindow::openSettings()
{
    if (!m_keys || m_demoMode)
        return;
    SettingsDialog dialog(m_keys, m_services.network, m_session->baseUrl(), this);
    dialog.setApiVersionChoice(m_session->apiVersionChoice());
    if (dialog.exec() != QDialog::Accepted)
        return;
    const ApiVersionChoice version = dialog.apiVersionChoice();
    if (version != m_session->apiVersionChoice()) {
        m_services.settings->setValue(SettingsKeys::apiVersion(), apiVersionChoiceName(version));
        m_session->setApiVersionChoice(version); // asks the call again, on the new version
    }
    m_callPage->outputs()->reloadSettings();
    const QUrl chosen = dialog.baseUrl();
    if (chosen != m_session->baseUrl()) {
        m_services.settings->setValue(SettingsKeys::baseUrl(), chosen.toString());
        m_session->setBaseUrl(chosen); // refreshes a live call at once
    }
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
    const QString id = m_session->callId();
    if (id.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(id);
    statusBar()->showMessage(tr("Copied the call ID."), 3000);
}

void MainWindow::copyAsCurl()
{
    // The version that answered (v3, or v2 after Auto's probe), as the app asks it.
    const QUrl url = m_session->callUrl();
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
    saveWindowState(*this, *m_callPage, m_services.settings);
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
