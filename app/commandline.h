// SPDX-License-Identifier: MIT
#pragma once

#include "apiversionchoice.h"

#include <QString>
#include <QStringList>

#include <optional>

QT_BEGIN_NAMESPACE
class QCoreApplication;
QT_END_NAMESPACE

namespace bem {

// What the command line asked for. parse() handles --help, --version and bad options
// itself (it prints and exits, as QCommandLineParser does).
struct CommandLine
{
    QString callArgument;      // the first CALL_ID as given: an ID, a link, …
    QStringList callArguments; // every CALL_ID given, in order (each opens in a tab)
    QString baseUrl;           // --base-url
    bool baseUrlSet = false;
    std::optional<ApiVersionChoice> apiVersion; // --api auto|v3|v2
    bool demo = false;
    bool demoIfNoKey = false;
    bool newWindow = false;
    QString openPath;       // --open
    QString screenshotPath; // --screenshot
    int screenshotDelayMs = 1500;

    // --help and --version must work without a display (a terminal, CI, a packaging
    // check), so they get a plain QCoreApplication; everything else needs the GUI.
    static bool wantsTextOnly(int argc, char *argv[]);
    static CommandLine parse(const QCoreApplication &app);

    // --new-window and --screenshot ask for a window of their own, which takes no links
    // from later launches.
    bool wantsOwnWindow() const { return newWindow || !screenshotPath.isEmpty(); }
    // A launch with nothing but a call (or nothing: the menu entry) goes to the inspector
    // already running; options that set up a session of their own (another API, the
    // demo, a file) open their own window instead.
    bool mayHandOff() const
    {
        return !wantsOwnWindow() && !demo && !demoIfNoKey && openPath.isEmpty() && !baseUrlSet &&
               !apiVersion;
    }
};

} // namespace bem
