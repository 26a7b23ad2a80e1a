// SPDX-License-Identifier: MIT
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

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

} // namespace

int main(int argc, char *argv[])
{
    const std::unique_ptr<QCoreApplication> app =
        wantsTextOnly(argc, argv) ? std::make_unique<QCoreApplication>(argc, argv)
                                  : std::make_unique<QApplication>(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("bem"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("bem.ai"));
    QCoreApplication::setApplicationName(QStringLiteral("bem-call-inspector"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BEM_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Inspect a bem call: its status, timing and function-call tree."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption openOption(QStringLiteral("open"),
                                        QStringLiteral("Show a saved call response (JSON)."),
                                        QStringLiteral("FILE.json"));
    parser.addOption(openOption);
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QStringLiteral("Save a picture of the window to FILE.png once it has settled, then quit "
                       "(for documentation)."),
        QStringLiteral("FILE.png"));
    parser.addOption(screenshotOption);
    parser.process(*app);

    QApplication::setApplicationDisplayName(QStringLiteral("bem Call Inspector"));
    bem::MainWindow window;
    if (parser.isSet(openOption))
        window.openFile(parser.value(openOption));
    window.show();
    if (parser.isSet(screenshotOption)) {
        const QString path = parser.value(screenshotOption);
        QTimer::singleShot(1500, &window, [&window, path] {
            const bool saved = window.grab().save(path);
            if (!saved)
                qCritical("Could not save the screenshot to %s", qPrintable(path));
            QCoreApplication::exit(saved ? 0 : 1);
        });
    }
    return QCoreApplication::exec();
}
