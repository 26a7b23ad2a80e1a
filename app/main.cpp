// SPDX-License-Identifier: MIT
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("bem"));
    QApplication::setOrganizationDomain(QStringLiteral("bem.ai"));
    QApplication::setApplicationName(QStringLiteral("bem-call-inspector"));
    QApplication::setApplicationDisplayName(QStringLiteral("bem Call Inspector"));
    QApplication::setApplicationVersion(QStringLiteral(BEM_VERSION));

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
    parser.process(app);

    bem::MainWindow window;
    if (parser.isSet(openOption))
        window.openFile(parser.value(openOption));
    window.show();
    if (parser.isSet(screenshotOption)) {
        const QString path = parser.value(screenshotOption);
        QTimer::singleShot(1500, &window, [&window, path] {
            if (!window.grab().save(path))
                qCritical("Could not save the screenshot to %s", qPrintable(path));
            QApplication::quit();
        });
    }
    return app.exec();
}
