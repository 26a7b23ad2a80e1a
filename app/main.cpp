// SPDX-License-Identifier: MIT
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>

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
    parser.process(app);

    bem::MainWindow window;
    if (parser.isSet(openOption))
        window.openFile(parser.value(openOption));
    window.show();
    return app.exec();
}
