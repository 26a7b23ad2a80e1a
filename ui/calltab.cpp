// SPDX-License-Identifier: MIT
#include "calltab.h"

#include "apikeystore.h"
#include "callform.h"
#include "callidinput.h"
#include "callpage.h"
#include "calltreemodel.h"
#include "calltreepanel.h"
#include "datanotices.h"
#include "detailspane.h"
#include "emptystate.h"
#include "formatting.h"
#include "livestatusline.h"
#include "outputspane.h"
#include "rawjsonview.h"
#include "recentcalls.h"
#include "statuspresentation.h"
#include "tabproblem.h"
#include "urlopener.h"
#include "windowactions.h"
#include "windowbanner.h"
#include "windowtexts.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

#include <utility>

namespace bem {

namespace {

// Tab titles longer than this are elided in the middle (the tooltip has them whole).
constexpr int TitleChars = 32;

} // namespace

CallTab::CallTab(CallSession *session, std::unique_ptr<CallSession> owned, const Shared &shared,
                 QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_owned(std::move(owned))
    , m_shared(shared)
    , m_model(session->model())
{
    buildLayout();
    connectSession();
    onPollerStatus(m_session->status());
}

CallTab::~CallTab()
{
    // The views go before the session they show (an owned one dies with the members).
    m_session->disconnect(this);
    delete m_status.data();
    delete m_pages;
}

void CallTab::buildLayout()
{
    m_emptyState = new EmptyState(this);
    connect(m_emptyState, &EmptyState::enterKeyRequested, this, &CallTab::settingsRequested);
    connect(m_emptyState, &EmptyState::demoRequested, this, &CallTab::demoRequested);
    connect(m_emptyState, &EmptyState::recentChosen, this, &CallTab::recentChosen);

    m_callPage = new CallPage(m_model, this);
    m_form = m_callPage->form();
    m_treePanel = m_callPage->treePanel();
    m_details = m_callPage->details();
    m_rawJson = m_callPage->rawJson();
    connect(m_rawJson, &RawJsonView::savingStarted, this, [this](const QString &path) {
        Q_EMIT message(tr("Saving %1\u2026").arg(QDir::toNativeSeparators(path)), 0);
    });
    connect(m_rawJson, &RawJsonView::saveFailed, this,
            [this](const QString &error) { Q_EMIT message(error, 10000); });
    connect(m_rawJson, &RawJsonView::saved, this, [this](const QString &path) {
        Q_EMIT message(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 5000);
    });
    connect(m_callPage->outputs(), &OutputsPane::functionCallRequested, this,
            [this](const QString &functionCallId) {
                if (!m_callPage->showFunctionCall(functionCallId))
                    Q_EMIT message(
                        tr("The trace has no function call %1 (yet).").arg(functionCallId), 5000);
            });
    connect(m_callPage, &CallPage::rawJsonShown, this, [this](bool) { updateActions(); });

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(m_emptyState);
    m_pages->addWidget(m_callPage);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 4);
    layout->setSpacing(6);
    layout->addWidget(m_pages, 1);
    // Over the content under the call-ID bar.
    m_windowBanner = new WindowBanner(this);
    m_banner = m_windowBanner->widget();
    m_banners = m_windowBanner->board();

    m_status = new LiveStatusLine(m_shared.statusBar, m_session);
    m_status->setVisible(false);
}

void CallTab::connectSession()
{
    connect(m_session, &CallSession::shown, this, &CallTab::onSnapshotApplied);
    connect(m_session, &CallSession::statusChanged, this, &CallTab::onPollerStatus);
    connect(m_session, &CallSession::callChanged, this, &CallTab::clearCallViews);
    connect(m_session, &CallSession::fileOpened, this, &CallTab::onFileOpened);
    connect(m_session, &CallSession::problem, this, &CallTab::onProblem);
    connect(m_session, &CallSession::eventsChanged, m_callPage, &CallPage::showEvents);
    connect(m_session, &CallSession::traceProblem, this, [this](const QString &text) {
        m_banners->raise(BannerCause::TraceProblem, BannerSeverity::Warning, text);
    });
    connect(m_session, &CallSession::traceRecovered, this,
            [this] { m_banners->resolve(BannerCause::TraceProblem); });
    connect(m_session, &CallSession::eventsProblem, this, [this](const QString &text) {
        m_banners->raise(BannerCause::TraceProblem, BannerSeverity::Warning, text);
    });
    connect(m_treePanel, &CallTreePanel::currentChanged, this, &CallTab::showDetailsFor);
    connect(m_form, &CallForm::openUrlRequested, this, &CallTab::openLink);
    connect(m_details, &DetailsPane::openUrlRequested, this, &CallTab::openLink);
    m_windowBanner->followLinks(m_shared.urlOpener, [this] {
        return m_session->isOffline() ? QString() : tr("Refresh call");
    });
    connect(m_windowBanner, &WindowBanner::actionTriggered, this, &CallTab::onBannerAction);
}

bool CallTab::loadCall(const QString &text)
{
    const CallIdExtraction extracted = extractCallId(text);
    if (!extracted.ok()) {
        m_banners->raise(BannerCause::CallIdRefused, BannerSeverity::Info, extracted.problem);
        Q_EMIT callIdRefused();
        return false;
    }
    const QString id = extracted.callId;
    m_banners->happened(BannerEvent::CallRequested);
    m_awaitingCall = true;
    m_form->setOffline(false);
    m_details->setOffline(false);
    m_session->open(id);
    m_fileName.clear();
    setCallIdText(id);
    m_rawJson->setSuggestedFileName(id + QStringLiteral(".json"));
    if (!m_session->pendingCallId().isEmpty() && m_shared.keys) {
        m_status->say(tr("Waiting for the system keychain\u2026"));
        // The session opens the call once the key is known; the page follows then.
        connect(
            m_shared.keys, &ApiKeyStore::loaded, this,
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

bool CallTab::openFile(const QString &path)
{
    if (!m_session->openFile(path))
        return false;
    m_status->sayReading(tr("Reading %1\u2026").arg(QDir::toNativeSeparators(path)));
    return true;
}

void CallTab::onProblem(const SessionProblem &problem)
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

void CallTab::onFileOpened(const QString &path, const QString &callId)
{
    m_status->forgetBeforeReading();
    m_banners->happened(BannerEvent::FileOpened);
    m_form->setOffline(true);
    m_details->setOffline(true);
    showCallPage();
    m_fileName = QFileInfo(path).fileName();
    m_rawJson->setSuggestedFileName(m_fileName);
    setCallIdText(callId);
    m_status->say(
        tr("Showing a saved response: %1 (not refreshed)").arg(QDir::toNativeSeparators(path)));
    onPollerStatus(m_session->status());
}

void CallTab::clearCallViews()
{
    m_banners->happened(BannerEvent::OtherCallShown);
    m_form->clear();
    m_details->showNothing();
    m_rawJson->clear();
    m_callPage->clearCallParts();
    m_treePanel->resetForNewCall();
    m_recordedStatus.clear();
    m_name.clear();
    m_callStatus = Status();
    updateActions();
    Q_EMIT presentationChanged();
}

void CallTab::showCallPage()
{
    m_pages->setCurrentWidget(m_callPage);
}

void CallTab::setCallIdText(const QString &text)
{
    m_callIdText = text;
    Q_EMIT callIdChanged(text);
    Q_EMIT presentationChanged();
}

void CallTab::onSnapshotApplied(const CallSnapshotPtr &snapshotPtr)
{
    const CallSnapshot &snapshot = *snapshotPtr;
    const Call &call = snapshot.call;
    m_form->setCall(call, snapshot.serverError);
    // The body parsed into this snapshot: the raw view need not check it again.
    m_rawJson->setResponse(snapshot.body, /*knownJson=*/true);
    m_callPage->showSnapshotParts(snapshotPtr);
    showDetailsFor(m_treePanel->currentSourceIndex());

    const QString name = !call.workflowName.isEmpty() ? call.workflowName : call.functionName;
    const QString status = call.status.raw();
    if (name != m_name || status != m_callStatus.raw()) {
        m_name = name;
        m_callStatus = call.status;
        Q_EMIT presentationChanged();
    }
    // The recent list learns the call's name and how it ended; written only on change.
    if (!call.callId.isEmpty() && status != m_recordedStatus && m_shared.recents) {
        m_recordedStatus = status;
        RecentCall recent;
        recent.callId = call.callId;
        recent.workflowName = name;
        recent.status = status;
        recent.lastOpened = QDateTime::currentDateTimeUtc();
        m_shared.recents->record(recent);
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
    updateActions();
}

void CallTab::showDetailsFor(const QModelIndex &sourceIndex)
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

void CallTab::onPollerStatus(const PollerStatus &status)
{
    using P = PollerStatus::Phase;
    updateActions();
    const QString failure = requestFailureText(status);
    if (status.concern == PollerStatus::Concern::Stopped && !status.hasSnapshot) {
        // The status bar says it was stopped; a page with nothing on it says what to do.
        m_banners->raise(BannerCause::RequestError, BannerSeverity::Info,
                         stoppedBeforeArrivalText(status.callId), {}, tr("Retry"));
    } else if (!failure.isEmpty()) {
        // bem's 404 often means "this key belongs to another environment".
        const bool elsewhere =
            status.lastOutcome == FetchOutcome::NotFound && !m_alternativeName.isEmpty();
        m_banners->raise(BannerCause::RequestError, BannerSeverity::Error, failure,
                         status.lastDetails.split(u'\n'),
                         elsewhere ? tryElsewhereText() : tr("Retry"));
    } else if (status.lastError.isEmpty() && status.phase != P::Loading &&
               !status.requestInFlight) {
        m_banners->happened(BannerEvent::RequestSucceeded);
        // The server answered with the call again: the raw view leaves the failed body.
        if (m_rawJson->isShowingFailedResponse() && m_rawJson->hasLastGoodResponse())
            m_rawJson->showLastGoodResponse();
    }
    m_status->follow(status.phase != P::Idle);
    Q_EMIT presentationChanged(); // the tooltip says the state
}

void CallTab::updateActions()
{
    if (!m_current)
        return;
    using P = PollerStatus::Phase;
    WindowActions *a = m_shared.actions;
    const PollerStatus status = m_session->status();
    const bool watching = status.phase != P::Idle;
    a->refresh->setEnabled(watching && !status.requestInFlight);
    a->stop->setEnabled(status.requestInFlight);
    a->stop->setVisible(status.requestInFlight);
    a->pause->setEnabled(watching && status.phase != P::Finished && status.phase != P::Stopped);
    {
        const QSignalBlocker blocker(a->pause);
        a->pause->setChecked(status.phase == P::Paused);
    }
    a->copyId->setEnabled(!m_model->callId().isEmpty() || watching);
    a->copyCurl->setEnabled(a->copyId->isEnabled());
    a->saveJson->setEnabled(m_rawJson->hasResponse());
    const CallSnapshotPtr snapshot = m_session->snapshot();
    a->outputs->setEnabled(snapshot && snapshot->call.apiVersion == ApiVersion::V3);
    const QSignalBlocker blocker(a->rawJson);
    a->rawJson->setChecked(m_callPage->isShowingRawJson());
}

void CallTab::setCurrent(bool current)
{
    m_current = current;
    if (m_status)
        m_status->setVisible(current);
    updateActions();
}

QString CallTab::title() const
{
    QString text = !m_name.isEmpty() ? m_name : !m_fileName.isEmpty() ? m_fileName : m_callIdText;
    if (text.isEmpty())
        return tr("New tab");
    text = text.simplified();
    if (text.size() > TitleChars)
        text = text.left(TitleChars / 2 - 1) + u'\u2026' + text.right(TitleChars / 2 - 1);
    return text;
}

QIcon CallTab::icon() const
{
    if (!problem().isEmpty())
        return tabProblemIcon(); // what is shown is not live: before the call's status
    if (m_callStatus.raw().isEmpty())
        return {};
    return statusIcon(m_callStatus.state());
}

QString CallTab::toolTip() const
{
    if (m_callIdText.isEmpty())
        return tr("No call opened yet");
    QStringList lines{m_callIdText};
    if (!m_name.isEmpty())
        lines << m_name;
    if (!m_callStatus.raw().isEmpty())
        lines << statusWord(m_callStatus);
    if (!m_fileName.isEmpty())
        lines << tr("Saved response: %1").arg(m_fileName);
    const QString failed = problem();
    if (!failed.isEmpty())
        lines << failed;
    return plainToolTip(lines);
}

QString CallTab::problem() const
{
    return tabProblemText(*m_banners);
}

QString CallTab::windowTitle() const
{
    const QString shown = !m_fileName.isEmpty() ? m_fileName : m_callIdText;
    if (shown.isEmpty())
        return tr("bem Call Inspector");
    return tr("%1 \u2014 bem Call Inspector").arg(shown);
}

bool CallTab::isShowingCall() const
{
    return m_pages->currentWidget() == m_callPage;
}

QString CallTab::bannerText() const
{
    return m_windowBanner->text();
}

QString CallTab::liveStatusText() const
{
    return m_status->text();
}

void CallTab::updateLiveStatus()
{
    m_status->update();
}

void CallTab::setModeNote(const QString &text)
{
    m_status->setModeNote(text);
    m_status->setVisible(m_current);
}

void CallTab::showNotice(const QString &text)
{
    m_banners->raise(BannerCause::AppNotice, BannerSeverity::Info, text);
}

void CallTab::resolveNotice()
{
    m_banners->resolve(BannerCause::AppNotice);
}

void CallTab::onBannerAction()
{
    const std::optional<BannerMessage> shown = m_banners->shown();
    if (shown && shown->cause == BannerCause::RequestError && !m_alternativeName.isEmpty() &&
        shown->actionText == tryElsewhereText()) {
        Q_EMIT tryElsewhereRequested(m_alternativeId, m_session->callId());
        return;
    }
    m_banners->resolve(BannerCause::LinkProblem);
    m_session->refreshNow();
}

QString CallTab::tryElsewhereText() const
{
    return tr("Try in %1").arg(m_alternativeName);
}

void CallTab::setAlternative(const QString &environmentId, const QString &name)
{
    m_alternativeId = environmentId;
    m_alternativeName = name;
}

bool CallTab::hasCall() const
{
    return !m_session->callId().isEmpty() || !m_session->pendingCallId().isEmpty() ||
           m_session->isLoadingFile();
}

void CallTab::openLink(const QString &url)
{
    if (m_shared.urlOpener->open(url))
        m_banners->happened(BannerEvent::LinkOpened);
}

} // namespace bem
