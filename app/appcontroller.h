// SPDX-License-Identifier: MIT
#pragma once

#include "apikeystore.h"
#include "callsession.h"
#include "commandline.h"
#include "environmentstore.h"
#include "mainwindow.h"
#include "requestgate.h"
#include "singleinstance.h"

#include <QObject>

#include <memory>
#include <optional>

QT_BEGIN_NAMESPACE
class QNetworkAccessManager;
class QSettings;
class QTranslator;
QT_END_NAMESPACE

namespace bem {

class LocalBemServer;

// The application around one window: the key store, the session the window renders, the
// demo's local API, and the single-instance link that lets later launches hand it a call.
class AppController final : public QObject
{
    Q_OBJECT
public:
    AppController(const CommandLine &options, QNetworkAccessManager *network, QSettings *settings,
                  QObject *parent = nullptr);
    ~AppController() override;
    Q_DISABLE_COPY_MOVE(AppController)

    // Names, version and translations, before anything is shown or parsed.
    static void setUpApplication(QTranslator &qt, QTranslator &own);
    // Window icon, display name, desktop file: after the command line is parsed.
    static void setUpDesktop();
    // The launcher's activation token, read before Qt starts (its X11 plugin takes
    // DESKTOP_STARTUP_ID out of the environment).
    static QString activationToken();
    // Hands the call to an inspector already running when the options allow; an exit
    // code when this process is done.
    static std::optional<int> handOff(const CommandLine &options, const QString &token);

    // Opens the file, starts the demo or loads the key and the call; shows the window.
    void start();
    MainWindow &window() { return *m_window; }

private:
    std::unique_ptr<CallSession> makeSession(QNetworkAccessManager *network);
    void openCalls(const QStringList &callArguments);
    void applyBaseUrl();
    void applyApiVersion();
    void startDemo(const QString &callId);
    void listenForHandOffs();

    CommandLine m_options;
    QSettings *m_settings;
    ApiKeyStore m_keys; // the key of the one connection (and whether there is one)
    // Every tab's requests take turns here (a cap on requests in flight, app-wide); it
    // outlives the sessions.
    RequestGate m_gate;
    CallSession m_session;
    EnvironmentStore m_environments;
    std::unique_ptr<LocalBemServer> m_demoServer;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<SingleInstance> m_instance;
    bool m_followsKeys = false; // sessions take the key store's key (not --open, not demo)
};

} // namespace bem
