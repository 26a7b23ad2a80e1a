// SPDX-License-Identifier: MIT
#include "mainwindow.h"

#include "apikeystore.h"
#include "callform.h"
#include "callidfield.h"
#include "callidinput.h"
#include "calltreemodel.h"
#include "calltreepanel.h"
#include "detailspane.h"
#include "emptystate.h"
#include "messagebanner.h"
#include "rawjsonview.h"
#include "recentcalls.h"
#include "settingsdialog.h"
#include "settingskeys.h"
#include "urlopener.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

#include <utility>

namespace bem {
namespace {

const QString GeometryKey = QStringLiteral("window/geometry");
const QString StateKey = QStringLiteral("window/state");
const QString SplitterKey = QStringLiteral("window/splitter");
const QString TreeHeaderKey = QStringLiteral("window/treeHeader");

QString jsonFileIn(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls())
        return QString();
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile() &&
            url.toLocalFile().endsWith(QStringLiteral(".json"), Qt::CaseInsensitive))
            return url.toLocalFile();
    }
    return QString();
}

} // namespace

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
    buildActions();
    buildLayout();
    buildMenus();

    connect(m_session, &CallSession::shown, this, &MainWindow::onSnapshotApplied);
    connect(m_session, &CallSession::statusChanged, this, &MainWindow::onPollerStatus);
    connect(m_session, &CallSession::callChanged, this, &MainWindow::clearCallViews);
    connect(m_session, &CallSession::fileOpened, this, &MainWindow::onFileOpened);
    connect(m_session, &CallSession::problem, this, &MainWindow::onProblem);
    connect(m_treePanel, &CallTreePanel::currentChanged, this, &MainWindow::showDetailsFor);
    connect(m_recents, &RecentCalls::changed, this, &MainWindow::updateRecentCalls);
    connect(m_form, &CallForm::openUrlRequested, m_urlOpener, &UrlOpener::open);
    connect(m_details, &DetailsPane::openUrlRequested, m_urlOpener, &UrlOpener::open);
    connect(m_urlOpener, &UrlOpener::refused, this,
            [this](const QString &reason) { showBanner(BannerSource::Link, reason); });
    connect(m_urlOpener, &UrlOpener::openFailed, this,
            [this](const QString &reason) { showBanner(BannerSource::Link, reason); });
    connect(m_urlOpener, &UrlOpener::expired, this, [this](const QString &reason) {
        showBanner(BannerSource::Link, reason, {},
                   m_session->isOffline() ? QString() : tr("Refresh call"));
    });
    connect(m_banner, &MessageBanner::actionTriggered, this, [this] {
        clearBanner(BannerSource::Link);
        m_session->refreshNow();
    });
    connect(m_banner, &MessageBanner::dismissed, this,
            [this] { m_bannerSource = BannerSource::None; });
    if (m_keys) {
        connect(m_keys, &ApiKeyStore::loaded, this, &MainWindow::updateKeyState);
        connect(m_keys, &ApiKeyStore::keyChanged, this, &MainWindow::updateKeyState);
    }

    // The countdown ("next in 4 s") and "updated 3 s ago" move on their own.
    m_tick.setInterval(500);
    connect(&m_tick, &QTimer::timeout, this, &MainWindow::updateLiveStatus);

    updateKeyState();
    updateRecentCalls();
    setDemoStarter({});
    onPollerStatus(m_session->status()); // nothing to refresh or pause yet
    resize(1280, 800);
    restoreWindowState();
    m_callId->setFocus();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildActions()
{
    const auto make = [this](const QString &text, const QString &name, const QKeySequence &keys) {
        auto *action = new QAction(text, this);
        action->setObjectName(name);
        if (!keys.isEmpty())
            action->setShortcut(keys);
        addAction(action); // shortcuts work with the menu bar hidden too
        return action;
    };
    m_openAction = make(tr("&Open\u2026"), QStringLiteral("actionOpen"), QKeySequence::Open);
    connect(m_openAction, &QAction::triggered, this, &MainWindow::chooseFile);
    m_saveJsonAction =
        make(tr("&Save JSON\u2026"), QStringLiteral("actionSaveJson"), QKeySequence::Save);
    connect(m_saveJsonAction, &QAction::triggered, this, [this] { m_rawJson->saveAs(); });
    m_settingsAction = make(tr("Se&ttings\u2026"), QStringLiteral("actionSettings"),
                            QKeySequence(Qt::CTRL | Qt::Key_Comma));
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::openSettings);
    m_quitAction = make(tr("&Quit"), QStringLiteral("actionQuit"), QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_refreshAction =
        make(tr("&Refresh Now"), QStringLiteral("actionRefresh"), QKeySequence::Refresh);
    m_refreshAction->setIcon(QIcon::fromTheme(QStringLiteral("view-refresh")));
    connect(m_refreshAction, &QAction::triggered, this, [this] {
        clearBanner(BannerSource::Link);
        m_session->refreshNow();
    });
    m_pauseAction = make(tr("&Pause Auto-Refresh"), QStringLiteral("actionPause"),
                         QKeySequence(Qt::CTRL | Qt::Key_Period));
    m_pauseAction->setCheckable(true);
    m_pauseAction->setIcon(QIcon::fromTheme(QStringLiteral("media-playback-pause")));
    connect(m_pauseAction, &QAction::toggled, this, [this](bool paused) {
        if (paused)
            m_session->pause();
        else
            m_session->resume();
    });
    // Only enabled while a request is in flight, so Esc means "stop" only then (and stays
    // free for the find bar and the filter otherwise).
    m_stopAction =
        make(tr("&Stop Request"), QStringLiteral("actionStop"), QKeySequence(Qt::Key_Escape));
    m_stopAction->setIcon(QIcon::fromTheme(QStringLiteral("process-stop")));
    m_stopAction->setToolTip(tr("Stop the request in flight and pause auto-refresh (Esc)"));
    connect(m_stopAction, &QAction::triggered, this, [this] { m_session->stopRequest(); });
    m_copyIdAction = make(tr("&Copy Call ID"), QStringLiteral("actionCopyCallId"),
                          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    connect(m_copyIdAction, &QAction::triggered, this, &MainWindow::copyCallId);
    m_focusIdAction = make(tr("Go to Call &ID"), QStringLiteral("actionGoToCallId"),
                           QKeySequence(Qt::CTRL | Qt::Key_L));
    connect(m_focusIdAction, &QAction::triggered, this, [this] {
        m_callId->setFocus(Qt::ShortcutFocusReason);
        m_callId->selectAll();
    });

    // One Ctrl+F for the window: it finds in whichever tab is showing. (Two shortcuts on
    // the same keys would be ambiguous and neither would fire.)
    m_findAction = make(tr("&Find\u2026"), QStringLiteral("actionFind"), QKeySequence::Find);
    connect(m_findAction, &QAction::triggered, this, [this] {
        if (m_tabs->currentWidget() == m_rawJson)
            m_rawJson->showFindBar();
        else
            m_treePanel->focusFilter();
    });
    m_expandAllAction = make(tr("&Expand All"), QStringLiteral("actionExpandAll"),
                             QKeySequence(Qt::CTRL | Qt::Key_Plus));
    connect(m_expandAllAction, &QAction::triggered, this, [this] { m_treePanel->expandAll(); });
    m_collapseAllAction = make(tr("&Collapse All"), QStringLiteral("actionCollapseAll"),
                               QKeySequence(Qt::CTRL | Qt::Key_Minus));
    connect(m_collapseAllAction, &QAction::triggered, this, [this] { m_treePanel->collapseAll(); });
    m_rawJsonAction =
        make(tr("&Raw JSON"), QStringLiteral("actionRawJson"), QKeySequence(Qt::CTRL | Qt::Key_J));
    m_rawJsonAction->setCheckable(true);
    connect(m_rawJsonAction, &QAction::toggled, this,
            [this](bool raw) { m_tabs->setCurrentIndex(raw ? 1 : 0); });
    m_nextFailedAction =
        make(tr("&Next Failed"), QStringLiteral("actionNextFailed"), QKeySequence(Qt::Key_F8));
    m_previousFailedAction = make(tr("&Previous Failed"), QStringLiteral("actionPreviousFailed"),
                                  QKeySequence(Qt::SHIFT | Qt::Key_F8));
    for (QAction *a : {m_nextFailedAction, m_previousFailedAction}) {
        const bool backward = a == m_previousFailedAction;
        connect(a, &QAction::triggered, this, [this, backward] {
            m_tabs->setCurrentIndex(0);
            if (!m_treePanel->selectNextFailed(backward))
                statusBar()->showMessage(tr("No failed function calls."), 4000);
            else
                m_treePanel->view()->setFocus();
        });
    }
    m_aboutAction = make(tr("&About bem Call Inspector"), QStringLiteral("actionAbout"), {});
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_openAction);
    file->addAction(m_saveJsonAction);
    auto *recentMenu = new RecentCallsMenu(m_recents, this);
    connect(recentMenu, &RecentCallsMenu::callChosen, this,
            [this](const QString &id) { loadCall(id); });
    file->addMenu(recentMenu);
    file->addSeparator();
    file->addAction(m_settingsAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_expandAllAction);
    view->addAction(m_collapseAllAction);
    view->addSeparator();
    view->addAction(m_nextFailedAction);
    view->addAction(m_previousFailedAction);
    view->addAction(m_findAction);
    view->addSeparator();
    view->addAction(m_rawJsonAction);

    QMenu *call = menuBar()->addMenu(tr("&Call"));
    call->addAction(m_focusIdAction);
    call->addAction(m_refreshAction);
    call->addAction(m_pauseAction);
    call->addAction(m_stopAction);
    call->addSeparator();
    call->addAction(m_copyIdAction);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_aboutAction);
}

void MainWindow::buildLayout()
{
    m_callId = new CallIdField(this);
    connect(m_callId, &CallIdField::loadRequested, this, &MainWindow::loadCall);

    QToolBar *toolbar = addToolBar(tr("Call"));
    toolbar->setObjectName(QStringLiteral("callToolBar"));
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    auto *idLabel = new QLabel(tr("Call ID "), toolbar);
    idLabel->setBuddy(m_callId);
    toolbar->addWidget(idLabel);
    toolbar->addWidget(m_callId);
    toolbar->addSeparator();
    toolbar->addAction(m_refreshAction);
    toolbar->addAction(m_pauseAction);
    toolbar->addAction(m_stopAction);

    m_banner = new MessageBanner(this);
    m_emptyState = new EmptyState(this);
    connect(m_emptyState, &EmptyState::enterKeyRequested, this, &MainWindow::openSettings);
    connect(m_emptyState, &EmptyState::demoRequested, this, [this] {
        if (m_startDemo)
            m_startDemo();
    });
    connect(m_emptyState, &EmptyState::recentChosen, this,
            [this](const QString &id) { loadCall(id); });

    m_form = new CallForm(this);
    m_treePanel = new CallTreePanel(m_model, this);
    m_details = new DetailsPane(this);
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("treeDetailsSplitter"));
    m_splitter->addWidget(m_treePanel);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({860, 380});
    m_rawJson = new RawJsonView(this);
    connect(m_rawJson, &RawJsonView::savingStarted, this, [this](const QString &path) {
        statusBar()->showMessage(tr("Saving %1\u2026").arg(QDir::toNativeSeparators(path)));
    });
    connect(m_rawJson, &RawJsonView::saveFailed, this,
            [this](const QString &error) { statusBar()->showMessage(error, 10000); });
    connect(m_rawJson, &RawJsonView::saved, this, [this](const QString &path) {
        statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 5000);
    });

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("callTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_splitter, tr("Function calls"));
    m_tabs->addTab(m_rawJson, tr("Raw JSON"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        const QSignalBlocker blocker(m_rawJsonAction);
        m_rawJsonAction->setChecked(index == 1);
    });

    m_callPage = new QWidget(this);
    auto *callLayout = new QVBoxLayout(m_callPage);
    callLayout->setContentsMargins(0, 0, 0, 0);
    callLayout->addWidget(m_form);
    callLayout->addWidget(m_tabs, 1);

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(m_emptyState);
    m_pages->addWidget(m_callPage);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(8, 6, 8, 4);
    layout->setSpacing(6);
    layout->addWidget(m_banner);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    m_liveStatus = new QLabel(this);
    m_liveStatus->setObjectName(QStringLiteral("liveStatus"));
    m_modeNote = new QLabel(this);
    m_modeNote->setObjectName(QStringLiteral("modeNote"));
    for (QLabel *label : {m_liveStatus, m_modeNote})
        label->setTextFormat(Qt::PlainText); // they quote server errors
    // Long texts are clipped rather than pushing the mode note off the bar.
    m_liveStatus->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    statusBar()->addWidget(m_liveStatus, 1);
    statusBar()->addPermanentWidget(m_modeNote);
    m_modeNote->hide();
}

bool MainWindow::loadCall(const QString &text)
{
    const CallIdExtraction extracted = extractCallId(text);
    if (!extracted.ok()) {
        showBanner(BannerSource::Notice, extracted.problem);
        m_callId->setFocus();
        return false;
    }
    const QString id = extracted.callId;
    m_callId->setText(id);
    clearBanner(BannerSource::Notice);
    m_session->open(id);
    m_rawJson->setSuggestedFileName(id + QStringLiteral(".json"));
    setWindowTitle(tr("%1 \u2014 bem Call Inspector").arg(id));
    if (!m_session->pendingCallId().isEmpty()) {
        m_liveStatus->setText(tr("Waiting for the system keychain\u2026"));
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
    const bool wasLoading = m_session->isLoadingFile();
    if (!m_session->openFile(path))
        return false;
    if (!wasLoading)
        m_statusBeforeLoading = m_liveStatus->text();
    m_liveStatus->setText(tr("Reading %1\u2026").arg(QDir::toNativeSeparators(path)));
    return true;
}

bool MainWindow::isLoadingFile() const
{
    return m_session->isLoadingFile();
}

void MainWindow::onProblem(const SessionProblem &problem)
{
    // Failed requests show through the status (banner and status bar); a file's problem
    // is about the file alone: the call shown stays.
    if (problem.kind != SessionProblem::Kind::File)
        return;
    showBanner(BannerSource::Notice, problem.message);
    if (!m_statusBeforeLoading.isNull())
        m_liveStatus->setText(std::exchange(m_statusBeforeLoading, QString()));
    updateLiveStatus();
}

void MainWindow::onFileOpened(const QString &path, const QString &callId)
{
    m_statusBeforeLoading.clear();
    showCallPage();
    m_callId->setText(callId);
    m_rawJson->setSuggestedFileName(QFileInfo(path).fileName());
    setWindowTitle(tr("%1 \u2014 bem Call Inspector").arg(QFileInfo(path).fileName()));
    m_liveStatus->setText(
        tr("Showing a saved response: %1 (not refreshed)").arg(QDir::toNativeSeparators(path)));
    onPollerStatus(m_session->status());
}

void MainWindow::clearCallViews()
{
    m_form->clear();
    m_details->showNothing();
    m_rawJson->clear();
    m_treePanel->resetForNewCall();
    m_recordedStatus.clear();
}

void MainWindow::showCallPage()
{
    // Whatever the banner said was about what came before.
    m_bannerSource = BannerSource::None;
    m_banner->clearMessage();
    m_pages->setCurrentWidget(m_callPage);
}

void MainWindow::setModeNote(const QString &text)
{
    m_modeNote->setText(text);
    m_modeNote->setVisible(!text.isEmpty());
}

void MainWindow::showNotice(const QString &text)
{
    showBanner(BannerSource::Notice, text);
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
    m_settingsAction->setEnabled(false);
    m_settingsAction->setToolTip(tr("The demo uses its own local API and key."));
    clearBanner(BannerSource::Notice);
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
    return m_bannerSource == BannerSource::None ? QString() : m_banner->text();
}

QString MainWindow::liveStatusText() const
{
    return m_liveStatus->text();
}

void MainWindow::onSnapshotApplied(const CallSnapshotPtr &snapshotPtr)
{
    const CallSnapshot &snapshot = *snapshotPtr;
    const Call &call = snapshot.call;
    m_form->setCall(call, snapshot.serverError);
    // The body parsed into this snapshot: the raw view need not check it again.
    m_rawJson->setResponse(snapshot.body, /*knownJson=*/true);
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

    if (!snapshot.warnings.isEmpty()) {
        showBanner(BannerSource::Warnings,
                   tr("Parts of the response were ignored (%n problem(s)). First: %1", nullptr,
                      int(snapshot.warnings.size()))
                       .arg(snapshot.warnings.first()),
                   snapshot.warnings.mid(0, 20));
    } else {
        clearBanner(BannerSource::Warnings);
    }
}

void MainWindow::showDetailsFor(const QModelIndex &sourceIndex)
{
    const FunctionCall *fc = m_model->functionCall(sourceIndex);
    if (!fc) {
        m_details->showNothing();
        return;
    }
    const bool activity = m_model->kind(sourceIndex) == CallTreeModel::NodeKind::Activity;
    m_details->showFunctionCall(*fc, activity ? sourceIndex.row() : -1);
}

void MainWindow::onPollerStatus(const PollerStatus &status)
{
    using P = PollerStatus::Phase;
    const bool watching = status.phase != P::Idle;
    m_refreshAction->setEnabled(watching && !status.requestInFlight);
    m_stopAction->setEnabled(status.requestInFlight);
    m_stopAction->setVisible(status.requestInFlight);
    m_pauseAction->setEnabled(watching && status.phase != P::Finished &&
                              status.phase != P::Stopped);
    {
        const QSignalBlocker blocker(m_pauseAction);
        m_pauseAction->setChecked(status.phase == P::Paused);
    }
    m_copyIdAction->setEnabled(!m_model->callId().isEmpty() || watching);
    m_saveJsonAction->setEnabled(m_rawJson->hasResponse());

    const bool failed =
        (status.phase == P::Retrying || status.phase == P::Stopped || status.phase == P::Paused) &&
        !status.requestInFlight && !status.lastError.isEmpty();
    if (failed) {
        // The last good data stays on screen; the banner says it is stale and why.
        const bool retrying = status.phase == P::Retrying;
        QString text = !status.hasSnapshot
                           ? tr("Could not load %1: %2").arg(status.callId, status.lastError)
                       : retrying ? tr("Could not refresh: %1").arg(status.lastError)
                                  : status.lastError;
        if (status.hasSnapshot)
            text += u' ' +
                    tr("The data below is from %1 and may be out of date.")
                        .arg(status.lastUpdated.toLocalTime().toString(QStringLiteral("HH:mm:ss")));
        else if (retrying)
            text += u' ' + tr("Trying again on its own.");
        showBanner(BannerSource::Error, text, status.lastDetails.split(u'\n'), tr("Retry"));
    } else if (status.lastError.isEmpty() && status.phase != P::Loading &&
               !status.requestInFlight) {
        clearBanner(BannerSource::Error);
    }
    updateLiveStatus();
    if (watching)
        m_tick.start();
    else
        m_tick.stop();
}

void MainWindow::updateLiveStatus()
{
    const PollerStatus status = m_session->status();
    if (status.phase == PollerStatus::Phase::Idle)
        return; // keep whatever the last action said (a saved file, say)
    // The banner carries the error itself; the status bar keeps to the timing.
    m_liveStatus->setText(status.describe(/*includeError=*/false));
}

void MainWindow::showBanner(BannerSource source, const QString &text, const QStringList &details,
                            const QString &actionText)
{
    // An error about the call outranks notes about links or ignored fields.
    if (m_bannerSource == BannerSource::Error && source == BannerSource::Warnings)
        return;
    m_bannerSource = source;
    const MessageBanner::Kind kind = source == BannerSource::Error ? MessageBanner::Kind::Error
                                     : source == BannerSource::Notice
                                         ? MessageBanner::Kind::Info
                                         : MessageBanner::Kind::Warning;
    m_banner->showMessage(kind, text, details, actionText);
}

void MainWindow::clearBanner(BannerSource source)
{
    if (m_bannerSource != source)
        return;
    m_bannerSource = BannerSource::None;
    m_banner->clearMessage();
}

void MainWindow::updateKeyState()
{
    if (m_demoMode || !m_keys) {
        m_emptyState->setKeyState(true, tr("The demo runs a small bem API inside the app; no "
                                           "key or network is used."));
        return;
    }
    if (!m_keys->isLoaded()) {
        m_emptyState->setKeyState(true, tr("Reading the API key\u2026"));
        return;
    }
    if (m_keys->hasKey()) {
        m_emptyState->setKeyState(true, tr("Using the API key %1 (%2).")
                                            .arg(ApiKeyStore::masked(m_keys->key()),
                                                 ApiKeyStore::sourceDescription(m_keys->source())));
        return;
    }
    QString text = tr("No API key is set. Enter one (it is kept in the system keychain) or set "
                      "BEM_API_KEY.");
    if (!m_keys->keychainProblem().isEmpty())
        text += u'\n' + m_keys->keychainProblem();
    m_emptyState->setKeyState(false, text);
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
    if (dialog.exec() != QDialog::Accepted)
        return;
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

void MainWindow::showAbout()
{
    // Our own text only; no server string reaches this box.
    QMessageBox box(this);
    box.setWindowTitle(tr("About bem Call Inspector"));
    box.setTextFormat(Qt::PlainText);
    box.setIconPixmap(windowIcon().pixmap(64, 64));
    box.setText(tr("bem Call Inspector %1").arg(QCoreApplication::applicationVersion()));
    box.setInformativeText(
        tr("Inspect bem calls: status, timing and the function-call tree, live while they "
           "run.\n\nBuilt with Qt %1 (running on Qt %2).\nLicence: MIT.")
            .arg(QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion())));
    box.exec();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWindowState();
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

void MainWindow::saveWindowState() const
{
    QSettings *s = m_services.settings;
    s->setValue(GeometryKey, saveGeometry());
    s->setValue(StateKey, saveState());
    s->setValue(SplitterKey, m_splitter->saveState());
    s->setValue(TreeHeaderKey, m_treePanel->view()->header()->saveState());
}

void MainWindow::restoreWindowState()
{
    const QSettings *s = m_services.settings;
    restoreGeometry(s->value(GeometryKey).toByteArray());
    restoreState(s->value(StateKey).toByteArray());
    m_splitter->restoreState(s->value(SplitterKey).toByteArray());
    m_treePanel->view()->header()->restoreState(s->value(TreeHeaderKey).toByteArray());
}

} // namespace bem
