// SPDX-License-Identifier: MIT
#include "commandline.h"

#include "apiendpoint.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace bem {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("bem::CommandLine", text);
}

} // namespace

bool CommandLine::wantsTextOnly(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        for (const char *flag : {"-h", "--help", "--help-all", "-v", "--version"}) {
            if (std::strcmp(argv[i], flag) == 0)
                return true;
        }
    }
    return false;
}

CommandLine CommandLine::parse(const QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Inspect a bem call: its status, timing and function-call tree, live while it "
           "runs.\nThe API key comes from BEM_API_KEY or from the system keychain (File > "
           "Settings)."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("CALL_ID"),
        tr("The call to load: its ID, a bem dashboard or API link, or a "
           "bem-call-inspector://call/<ID> link; several open in tabs. An inspector already "
           "running opens them in its window."),
        QStringLiteral("[CALL_ID...]"));
    const QCommandLineOption baseUrl(
        QStringLiteral("base-url"),
        tr("The bem API to talk to (default %1; BEM_BASE_URL also sets it).")
            .arg(ApiEndpoint::defaultBaseUrl().toString()),
        QStringLiteral("URL"));
    const QCommandLineOption api(
        QStringLiteral("api"),
        tr("Which bem API to ask: auto (v3, then v2 for calls v3 does not know; the "
           "default), v3, or v2 (deprecated by bem). Overrides the setting."),
        QStringLiteral("auto|v3|v2"));
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  tr("Run a local demo bem API inside the app and watch a "
                                     "workflow call progress: no key or network needed."));
    QCommandLineOption demoIfNoKey(QStringLiteral("demo-if-no-key"),
                                   tr("Start the demo unless an API key is configured."));
    demoIfNoKey.setFlags(QCommandLineOption::HiddenFromHelp);
    const QCommandLineOption open(QStringLiteral("open"),
                                  tr("Show a saved call response (JSON), offline."),
                                  QStringLiteral("FILE.json"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        tr("Save a picture of the window to FILE.png once it has settled, then quit (for "
           "documentation)."),
        QStringLiteral("FILE.png"));
    QCommandLineOption screenshotDelay(QStringLiteral("screenshot-delay"),
                                       tr("Milliseconds to wait before --screenshot (default "
                                          "1500)."),
                                       QStringLiteral("MS"), QStringLiteral("1500"));
    screenshotDelay.setFlags(QCommandLineOption::HiddenFromHelp);
    const QCommandLineOption newWindow(QStringLiteral("new-window"),
                                       tr("Open a window of its own instead of handing CALL_ID "
                                          "to the inspector already running."));
    parser.addOptions(
        {baseUrl, api, demo, demoIfNoKey, open, screenshot, screenshotDelay, newWindow});
    parser.process(app);

    CommandLine c;
    c.callArguments = parser.positionalArguments();
    c.callArgument = c.callArguments.value(0);
    c.baseUrl = parser.value(baseUrl);
    c.baseUrlSet = parser.isSet(baseUrl);
    if (parser.isSet(api)) {
        c.apiVersion = apiVersionChoiceFromName(parser.value(api));
        if (!c.apiVersion) {
            // As QCommandLineParser itself answers an unknown option: a line, then exit.
            std::fprintf(
                stderr, "%s\n",
                qPrintable(tr("--api must be auto, v3 or v2, not \"%1\".").arg(parser.value(api))));
            std::exit(EXIT_FAILURE);
        }
    }
    c.demo = parser.isSet(demo);
    c.demoIfNoKey = parser.isSet(demoIfNoKey);
    c.newWindow = parser.isSet(newWindow);
    c.openPath = parser.isSet(open) ? parser.value(open) : QString();
    c.screenshotPath = parser.value(screenshot);
    c.screenshotDelayMs = parser.value(screenshotDelay).toInt();
    return c;
}

} // namespace bem
