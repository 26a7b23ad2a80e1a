// SPDX-License-Identifier: MIT
#include "apiendpoint.h"
#include "apikeystore.h"
#include "appicon.h"
#include "bemclient.h"
#include "callidinput.h"
#include "callpoller.h"
#include "demoscenarios.h"
#include "localbemserver.h"
#include "mainwindow.h"
#include "singleinstance.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QTimer>
#include <QTranslator>

#include <cstdio>
#include <cstring>
#include <memory>

namespace {

// --help and --version must work without a display (a terminal, CI, a packaging check),
// so they get a plain QCoreApplication; everything else needs the GUI.
bool wantsTextOnly(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        for (const char *flag : {"-h", "--help", "--help-all", "-v", "--version"}) {
            if (std::strcmp(argv[i], flag) == 0)
                return true;
        }
    }
    return false;
}

// Our strings (embedded at :/i18n by the build) and Qt's own, for the user's language.
void installTranslations(QTranslator &qt, QTranslator &own)
{
    if (own.load(QLocale(), QStringLiteral("bem-call-inspector"), QStringLiteral("_"),
                 QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&own);
    if (qt.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&qt);
}

void printError(const QString &text)
{
    std::fprintf(stderr, "bem-call-inspector: %s\n", qPrintable(text));
}

} // namespace

int main(int argc, char *argv[])
{
    // The launcher's activation token, read before Qt starts (its X11 plugin takes
    // DESKTOP_STARTUP_ID out of the environment): a hand-off passes it on, so that the
    // running window may come to the front.
    const QString activationToken = qEnvironmentVariableIsEmpty("XDG_ACTIVATION_TOKEN")
                                        ? qEnvironmentVariable("DESKTOP_STARTUP_ID")
                                        : qEnvironmentVariable("XDG_ACTIVATION_TOKEN");
    const std::unique_ptr<QCoreApplication> app =
        wantsTextOnly(argc, argv) ? std::make_unique<QCoreApplication>(argc, argv)
                                  : std::make_unique<QApplication>(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("bem"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("bem.ai"));
    QCoreApplication::setApplicationName(QStringLiteral("bem-call-inspector"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BEM_VERSION));
    QTranslator qtTranslator;
    QTranslator ownTranslator;
    installTranslations(qtTranslator, ownTranslator);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Inspect a bem call: its status, timing and function-call tree, live while it runs.\n"
        "The API key comes from BEM_API_KEY or from the system keychain (File > Settings)."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("CALL_ID"),
        QStringLiteral("The call to load: its ID, a bem dashboard or API link, or a "
                       "bem-call-inspector://call/<ID> link. An inspector already running "
                       "opens it in its window."),
        QStringLiteral("[CALL_ID]"));
    const QCommandLineOption baseUrlOption(
        QStringLiteral("base-url"),
        QStringLiteral("The bem API to talk to (default %1; BEM_BASE_URL also sets it).")
            .arg(bem::ApiEndpoint::defaultBaseUrl().toString()),
        QStringLiteral("URL"));
    const QCommandLineOption demoOption(
        QStringLiteral("demo"),
        QStringLiteral("Run a local demo bem API inside the app and watch a workflow call "
                       "progress: no key or network needed."));
    QCommandLineOption demoIfNoKeyOption(
        QStringLiteral("demo-if-no-key"),
        QStringLiteral("Start the demo unless an API key is configured."));
    demoIfNoKeyOption.setFlags(QCommandLineOption::HiddenFromHelp);
    const QCommandLineOption openOption(
        QStringLiteral("open"), QStringLiteral("Show a saved call response (JSON), offline."),
        QStringLiteral("FILE.json"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QStringLiteral("Save a picture of the window to FILE.png once it has settled, then quit "
                       "(for documentation)."),
        QStringLiteral("FILE.png"));
    QCommandLineOption screenshotDelayOption(
        QStringLiteral("screenshot-delay"),
        QStringLiteral("Milliseconds to wait before --screenshot (default 1500)."),
        QStringLiteral("MS"), QStringLiteral("1500"));
    screenshotDelayOption.setFlags(QCommandLineOption::HiddenFromHelp);
    const QCommandLineOption newWindowOption(
        QStringLiteral("new-window"),
        QStringLiteral("Open a window of its own instead of handing CALL_ID to the inspector "
                       "already running."));
    parser.addOptions({baseUrlOption, demoOption, demoIfNoKeyOption, openOption, screenshotOption,
                       screenshotDelayOption, newWindowOption});
    parser.process(*app);

    QApplication::setApplicationDisplayName(QStringLiteral("bem Call Inspector"));
    // --- Desktop integration and single instance ---
    QGuiApplication::setDesktopFileName(QStringLiteral(BEM_APP_ID));
    QApplication::setWindowIcon(bem::applicationIcon());
    // A launch with nothing but a call (or nothing: the menu entry) goes to the inspector
    // already running. Options that set up a session of their own (another API, the
    // demo, a file) get their own window, as do --new-window and --screenshot.
    const bool ownWindow = parser.isSet(newWindowOption) || parser.isSet(screenshotOption);
    const bool mayHandOff = !ownWindow && !parser.isSet(demoOption) &&
                            !parser.isSet(demoIfNoKeyOption) && !parser.isSet(openOption) &&
                            !parser.isSet(baseUrlOption);
    const QString instanceName = bem::SingleInstance::serverNameFor(
        QStringLiteral(BEM_APP_ID), qEnvironmentVariable("BEM_INSTANCE_ID"));
    const QString callArgument = parser.positionalArguments().value(0);
    if (mayHandOff) {
        const bem::HandOffResult handed =
            bem::SingleInstance::handOff(instanceName, {callArgument, activationToken});
        switch (handed.outcome) {
        case bem::HandOffResult::Outcome::Opened:
            return 0;
        case bem::HandOffResult::Outcome::Refused:
            printError(handed.problem);
            return 1;
        case bem::HandOffResult::Outcome::Failed:
            printError(handed.problem + u' ' + QObject::tr("Opening a window of its own."));
            break;
        case bem::HandOffResult::Outcome::NoInstance:
            break;
        }
    }
    // The window shows why in its banner too (loadCall); this is for a terminal.
    if (!callArgument.isEmpty()) {
        const bem::CallIdExtraction extracted = bem::extractCallId(callArgument);
        if (!extracted.ok())
            printError(extracted.problem);
    }
    // --- end of desktop integration ---

    QSettings settings;
    QNetworkAccessManager network;
    bem::BemClient client(&network);
    bem::CallPoller poller(&client);
    bem::ApiKeyStore keys;
    std::unique_ptr<bem::LocalBemServer> demoServer;
    const bool demo = parser.isSet(demoOption);
    bem::MainWindow window({&poller, &client, demo ? nullptr : &keys, &network, &settings});

    // --base-url, then BEM_BASE_URL, then what the user chose in Settings, then bem's own.
    QString baseUrlProblem;
    const QString cliBaseUrl = parser.value(baseUrlOption);
    const QString envBaseUrl = qEnvironmentVariable("BEM_BASE_URL");
    QUrl baseUrl = bem::ApiEndpoint::resolveBaseUrl(cliBaseUrl, envBaseUrl, &baseUrlProblem);
    if (cliBaseUrl.trimmed().isEmpty() && envBaseUrl.trimmed().isEmpty()) {
        const QUrl saved = bem::ApiEndpoint::normalizedBaseUrl(
            settings.value(QStringLiteral("connection/baseUrl")).toString());
        if (saved.isValid())
            baseUrl = saved;
    }
    client.setBaseUrl(baseUrl);
    if (!baseUrlProblem.isEmpty())
        window.showNotice(baseUrlProblem);

    const QString callId = parser.positionalArguments().value(0);
    const auto startDemo = [&](const QString &id) {
        if (!demoServer) {
            demoServer = std::make_unique<bem::LocalBemServer>();
            if (!demoServer->listen()) {
                demoServer.reset();
                window.showNotice(QObject::tr("The demo could not start: no local port was free."));
                return;
            }
        }
        QObject::disconnect(&keys, nullptr, &client, nullptr);
        client.setBaseUrl(demoServer->baseUrl());
        client.setApiKey(QString::fromLatin1(bem::LocalBemServer::demoApiKey()));
        window.enterDemoMode(
            QObject::tr("Demo \u00b7 local bem API on %1 \u00b7 no key or network used")
                .arg(demoServer->baseUrl().authority()));
        window.loadCall(id.isEmpty() ? bem::DemoCalls::progressing() : id);
    };

    if (parser.isSet(openOption)) {
        window.openFile(parser.value(openOption));
    } else if (demo) {
        startDemo(callId);
    } else {
        window.setDemoStarter([&] { startDemo(QString()); });
        QObject::connect(&keys, &bem::ApiKeyStore::keyChanged, &client,
                         [&] { client.setApiKey(keys.key()); });
        QObject::connect(
            &keys, &bem::ApiKeyStore::loaded, &window,
            [&] {
                if (demoServer)
                    return; // "Try the demo" was faster than the keychain
                client.setApiKey(keys.key());
                if (!keys.hasKey() && parser.isSet(demoIfNoKeyOption)) {
                    startDemo(callId);
                    return;
                }
                if (!callId.isEmpty())
                    window.loadCall(callId);
            },
            Qt::SingleShotConnection);
        keys.load();
    }

    // --- Single instance: later launches hand their call to this window. ---
    bem::SingleInstance instance(instanceName);
    if (!ownWindow) {
        instance.setHandler([&window](const bem::HandOffRequest &request) {
            // Qt's Wayland plugin activates with this token (and then drops it).
            if (!request.activationToken.isEmpty())
                qputenv("XDG_ACTIVATION_TOKEN", request.activationToken.toLatin1());
            window.setWindowState((window.windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
            window.show();
            window.raise();
            window.activateWindow();
            if (request.argument.isEmpty() || window.loadCall(request.argument))
                return QString();
            return bem::extractCallId(request.argument).problem;
        });
        // Another inspector may have started meanwhile (or be running: --demo, --open);
        // then this window simply does not take links.
        if (instance.listen() == bem::SingleInstance::ListenResult::Failed)
            printError(
                QObject::tr("Links will open in new windows: %1").arg(instance.errorString()));
    }
    // --- end of single instance ---

    window.show();
    if (parser.isSet(screenshotOption)) {
        const QString path = parser.value(screenshotOption);
        QTimer::singleShot(parser.value(screenshotDelayOption).toInt(), &window, [&window, path] {
            const bool saved = window.grab().save(path);
            if (!saved)
                qCritical("Could not save the screenshot to %s", qPrintable(path));
            QCoreApplication::exit(saved ? 0 : 1);
        });
    }
    return QCoreApplication::exec();
}
