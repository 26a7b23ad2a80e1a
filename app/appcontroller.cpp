// SPDX-License-Identifier: MIT
#include "appcontroller.h"

#include "apiendpoint.h"
#include "appicon.h"
#include "callidinput.h"
#include "calltab.h"
#include "demoscenarios.h"
#include "localbemserver.h"
#include "settingskeys.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

namespace bem {

namespace {

// Enough for a few pages in the Calls pane, some still running.
constexpr int DemoListedCalls = 300;

void printError(const QString &text)
{
    std::fprintf(stderr, "bem-call-inspector: %s\n", qPrintable(text));
}

QString instanceName()
{
    return SingleInstance::serverNameFor(QStringLiteral(BEM_APP_ID),
                                         qEnvironmentVariable("BEM_INSTANCE_ID"));
}

} // namespace

AppController::AppController(const CommandLine &options, QNetworkAccessManager *network,
                             QSettings *settings, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_settings(settings)
    , m_session(network)
    , m_environments(settings)
{
    // The group is the environment (TabEnvironments sets it): a 429 slows that one only.
    m_session.setRequestGate(&m_gate, QString());
    // Each tab talks to one of the user's environments; the demo has its own connection
    // and a saved file needs none (it may still open calls in new tabs).
    const bool environments = !options.demo;
    if (environments) {
        m_environments.setLaunchConnection(options.baseUrlSet ? options.baseUrl : QString(),
                                           options.apiVersion);
        m_environments.load();
    }
    MainWindow::Services services;
    services.session = &m_session;
    services.keys = options.demo ? nullptr : &m_keys;
    services.network = network;
    services.settings = settings;
    services.newSession = [this, network] { return makeSession(network); };
    services.environments = environments ? &m_environments : nullptr;
    m_window = std::make_unique<MainWindow>(services);
    if (environments) {
        // The window set the first tab up from its environment.
        if (!m_environments.launchProblem().isEmpty())
            m_window->showNotice(m_environments.launchProblem());
    } else {
        applyBaseUrl();
        applyApiVersion();
    }
}

AppController::~AppController() = default;

std::unique_ptr<CallSession> AppController::makeSession(QNetworkAccessManager *network)
{
    // As the first tab's: the same server, version and key (the demo's in the demo).
    auto session = std::make_unique<CallSession>(network);
    session->setRequestGate(&m_gate, m_session.requestGateGroup());
    session->setBaseUrl(m_session.baseUrl());
    session->setApiVersionChoice(m_session.apiVersionChoice());
    if (m_demoServer)
        session->setApiKey(QString::fromLatin1(LocalBemServer::demoApiKey()));
    else if (m_followsKeys)
        session->setKeyStore(&m_keys);
    return session;
}

void AppController::setUpApplication(QTranslator &qt, QTranslator &own)
{
    QCoreApplication::setOrganizationName(QStringLiteral("bem"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("bem.ai"));
    QCoreApplication::setApplicationName(QStringLiteral("bem-call-inspector"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BEM_VERSION));
    // Our strings (embedded at :/i18n by the build) and Qt's own, for the user's language.
    if (own.load(QLocale(), QStringLiteral("bem-call-inspector"), QStringLiteral("_"),
                 QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&own);
    if (qt.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&qt);
}

void AppController::setUpDesktop()
{
    QApplication::setApplicationDisplayName(QStringLiteral("bem Call Inspector"));
    QGuiApplication::setDesktopFileName(QStringLiteral(BEM_APP_ID));
    QApplication::setWindowIcon(applicationIcon());
}

QString AppController::activationToken()
{
    return qEnvironmentVariableIsEmpty("XDG_ACTIVATION_TOKEN")
               ? qEnvironmentVariable("DESKTOP_STARTUP_ID")
               : qEnvironmentVariable("XDG_ACTIVATION_TOKEN");
}

std::optional<int> AppController::handOff(const CommandLine &options, const QString &token)
{
    if (options.mayHandOff()) {
        // One request per call, each as an older inspector understands it: the running
        // window opens each in a tab (or selects the tab showing it).
        QStringList arguments = options.callArguments;
        if (arguments.isEmpty())
            arguments << QString(); // just raise the window
        bool refused = false;
        bool handed = true;
        for (int i = 0; i < arguments.size() && handed; ++i) {
            const HandOffResult result =
                SingleInstance::handOff(instanceName(), {arguments.at(i), token});
            switch (result.outcome) {
            case HandOffResult::Outcome::Opened:
                break;
            case HandOffResult::Outcome::Refused:
                printError(result.problem);
                refused = true;
                break;
            case HandOffResult::Outcome::Failed:
            case HandOffResult::Outcome::NoInstance:
                if (i > 0) { // the inspector went away halfway: say what was not opened
                    printError(tr("Not opened: %1").arg(arguments.mid(i).join(u' ')));
                    return 1;
                }
                if (result.outcome == HandOffResult::Outcome::Failed)
                    printError(result.problem + u' ' + tr("Opening a window of its own."));
                handed = false;
                break;
            }
        }
        if (handed)
            return refused ? 1 : 0;
    }
    // The window shows why in its banner too (loadCall); this is for a terminal.
    for (const QString &argument : options.callArguments) {
        const CallIdExtraction extracted = extractCallId(argument);
        if (!extracted.ok())
            printError(extracted.problem);
    }
    return std::nullopt;
}

void AppController::applyBaseUrl()
{
    // --base-url, then BEM_BASE_URL, then what the user chose in Settings, then bem's own.
    QString problem;
    const QString envBaseUrl = qEnvironmentVariable("BEM_BASE_URL");
    QUrl baseUrl = ApiEndpoint::resolveBaseUrl(m_options.baseUrl, envBaseUrl, &problem);
    if (m_options.baseUrl.trimmed().isEmpty() && envBaseUrl.trimmed().isEmpty()) {
        const QUrl saved =
            ApiEndpoint::normalizedBaseUrl(m_settings->value(SettingsKeys::baseUrl()).toString());
        if (saved.isValid())
            baseUrl = saved;
    }
    m_session.setBaseUrl(baseUrl);
    if (!problem.isEmpty())
        m_window->showNotice(problem);
}

void AppController::applyApiVersion()
{
    // --api, then what the user chose in Settings, then Auto (v3, then v2 once per call).
    std::optional<ApiVersionChoice> choice = m_options.apiVersion;
    if (!choice)
        choice = apiVersionChoiceFromName(m_settings->value(SettingsKeys::apiVersion()).toString());
    m_session.setApiVersionChoice(choice.value_or(ApiVersionChoice::Auto));
}

void AppController::startDemo(const QString &callId)
{
    if (!m_demoServer) {
        m_demoServer = std::make_unique<LocalBemServer>();
        m_demoServer->setListedCallCount(DemoListedCalls); // for the Calls pane
        if (!m_demoServer->listen()) {
            m_demoServer.reset();
            m_window->showNotice(tr("The demo could not start: no local port was free."));
            return;
        }
    }
    // Every tab's session: the demo's key, not the user's.
    QList<CallSession *> sessions{&m_session};
    for (int i = 0; i < m_window->tabCount(); ++i)
        sessions << m_window->tabAt(i)->session();
    for (CallSession *session : std::as_const(sessions)) {
        session->setKeyStore(nullptr);
        session->setBaseUrl(m_demoServer->baseUrl());
        session->setApiKey(QString::fromLatin1(LocalBemServer::demoApiKey()));
    }
    m_window->enterDemoMode(tr("Demo \u00b7 local bem API on %1 \u00b7 no key or network used")
                                .arg(m_demoServer->baseUrl().authority()));
    // The command line's calls, each in a tab; else the progressing one.
    const QStringList callIds =
        callId.isEmpty() ? QStringList{DemoCalls::progressing()} : m_options.callArguments;
    CallTab *first = nullptr;
    for (const QString &id : callIds) {
        m_window->openCallInTab(id);
        if (!first)
            first = m_window->currentTab();
    }
    m_window->selectTab(first->session());
}

void AppController::openCalls(const QStringList &callArguments)
{
    // Restored tabs first, then the command line's calls; the first of these is shown. A
    // window of its own (--new-window, --screenshot) shows only what it was given.
    if (!m_options.wantsOwnWindow())
        m_window->restoreTabs();
    CallTab *first = nullptr;
    for (const QString &argument : callArguments) {
        m_window->openCallInTab(argument);
        if (!first)
            first = m_window->currentTab();
    }
    if (first)
        m_window->selectTab(first->session());
}

void AppController::start()
{
    const QString callId = m_options.callArgument;
    const QStringList callArguments = m_options.callArguments;
    if (!m_options.openPath.isEmpty()) {
        m_window->openFile(m_options.openPath);
    } else if (m_options.demo) {
        startDemo(callId);
    } else {
        m_window->setDemoStarter([this] { startDemo(QString()); });
        if (!m_window->environments()) {
            m_session.setKeyStore(&m_keys);
            m_followsKeys = true;
        }
        connect(
            &m_keys, &ApiKeyStore::loaded, this,
            [this, callId, callArguments] {
                if (m_demoServer)
                    return; // "Try the demo" was faster than the keychain
                if (!m_keys.hasKey() && m_options.demoIfNoKey) {
                    startDemo(callId);
                    return;
                }
                openCalls(callArguments);
            },
            Qt::SingleShotConnection);
        m_keys.load();
    }
    if (!m_options.wantsOwnWindow())
        listenForHandOffs();

    m_window->show();
    if (!m_options.screenshotPath.isEmpty()) {
        const QString path = m_options.screenshotPath;
        QTimer::singleShot(m_options.screenshotDelayMs, m_window.get(), [this, path] {
            const bool saved = m_window->grab().save(path);
            if (!saved)
                qCritical("Could not save the screenshot to %s", qPrintable(path));
            QCoreApplication::exit(saved ? 0 : 1);
        });
    }
}

void AppController::listenForHandOffs()
{
    m_instance = std::make_unique<SingleInstance>(instanceName());
    m_instance->setHandler([this](const HandOffRequest &request) {
        MainWindow &window = *m_window;
        // Qt's Wayland plugin activates with this token (and then drops it).
        if (!request.activationToken.isEmpty())
            qputenv("XDG_ACTIVATION_TOKEN", request.activationToken.toLatin1());
        window.setWindowState((window.windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
        window.show();
        window.raise();
        window.activateWindow();
        if (request.argument.isEmpty() || window.openCallInTab(request.argument))
            return QString();
        return extractCallId(request.argument).problem;
    });
    // Another inspector may have started meanwhile (or be running: --demo, --open); then
    // this window simply does not take links.
    if (m_instance->listen() == SingleInstance::ListenResult::Failed)
        printError(tr("Links will open in new windows: %1").arg(m_instance->errorString()));
}

} // namespace bem
