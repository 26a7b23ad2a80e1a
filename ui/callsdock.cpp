// SPDX-License-Identifier: MIT
#include "callsdock.h"

#include "bemclient.h"
#include "callsbrowser.h"
#include "callsession.h"

#include <QAction>
#include <QEvent>
#include <QMainWindow>

namespace bem {

namespace {

// The list the session's choice asks: Auto reads calls on v3 first, so it lists v3.
ApiVersion listVersionOf(ApiVersionChoice choice)
{
    return choice == ApiVersionChoice::V2 ? ApiVersion::V2 : ApiVersion::V3;
}

} // namespace

CallsDock::CallsDock(CallSession *session, QNetworkAccessManager *network, QMainWindow *window)
    : QDockWidget(tr("Calls"), window)
    , m_session(session)
    , m_window(window)
    , m_browser(new CallsBrowser(network, this))
    , m_focusAction(new QAction(tr("Find in &Calls"), this))
{
    setObjectName(QStringLiteral("callsDock"));
    setWidget(m_browser);
    setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    toggleViewAction()->setObjectName(QStringLiteral("actionShowCalls"));
    toggleViewAction()->setText(tr("&Calls Pane"));
    m_focusAction->setObjectName(QStringLiteral("actionFindInCalls"));
    m_focusAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    window->addAction(m_focusAction);
    connect(m_focusAction, &QAction::triggered, this, [this] {
        show();
        raise();
        m_browser->focusFilter();
    });
    connect(m_browser, &CallsBrowser::callActivated, this, &CallsDock::callRequested);
    connect(m_browser, &CallsBrowser::callActivatedInNewTab, this,
            &CallsDock::callRequestedInNewTab);
    connect(this, &QDockWidget::visibilityChanged, this, &CallsDock::updateActive);
    window->installEventFilter(this);

    connectSession();
    followSession();
}

void CallsDock::connectSession()
{
    connect(m_session, &CallSession::connectionChanged, this, &CallsDock::followSession);
    connect(m_session, &CallSession::callChanged, m_browser, &CallsBrowser::setOpenCallId);
    connect(m_session, &CallSession::shown, this,
            [this] { m_browser->setOpenCallId(m_session->callId()); });
    m_browser->setOpenCallId(m_session->callId());
}

void CallsDock::setSession(CallSession *session)
{
    if (!session || session == m_session)
        return;
    if (m_session) {
        disconnect(m_session, nullptr, this, nullptr);
        disconnect(m_session, nullptr, m_browser, nullptr);
    }
    m_session = session;
    connectSession();
    const Connection wanted{session->baseUrl(), int(session->apiVersionChoice()),
                            session->requestGateGroup(), session->hasApiKey()};
    if (!(wanted == m_listed))
        followSession();
}

CallsDock::~CallsDock() = default;

void CallsDock::followSession()
{
    m_listed = {m_session->baseUrl(), int(m_session->apiVersionChoice()),
                m_session->requestGateGroup(), m_session->hasApiKey()};
    m_session->configureClient(*m_browser->client());
    m_browser->setVersion(listVersionOf(m_session->apiVersionChoice()));
    const bool keyMissing = !m_session->hasApiKey();
    m_browser->setKeyMissing(keyMissing);
    if (!keyMissing)
        m_browser->restart();
}

bool CallsDock::isSeen() const
{
    return isVisible() && !(m_window->windowState() & Qt::WindowMinimized);
}

void CallsDock::updateActive()
{
    m_browser->setActive(isSeen());
}

bool CallsDock::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && (event->type() == QEvent::WindowStateChange ||
                                event->type() == QEvent::Show || event->type() == QEvent::Hide))
        updateActive();
    return QDockWidget::eventFilter(watched, event);
}

} // namespace bem
