// SPDX-License-Identifier: MIT
#include "appcontroller.h"
#include "commandline.h"

#include <QApplication>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QTranslator>

#include <memory>

int main(int argc, char *argv[])
{
    // Before Qt starts: its X11 plugin takes DESKTOP_STARTUP_ID out of the environment.
    const QString activationToken = bem::AppController::activationToken();
    const std::unique_ptr<QCoreApplication> app =
        bem::CommandLine::wantsTextOnly(argc, argv) ? std::make_unique<QCoreApplication>(argc, argv)
                                                    : std::make_unique<QApplication>(argc, argv);
    QTranslator qtTranslator;
    QTranslator ownTranslator;
    bem::AppController::setUpApplication(qtTranslator, ownTranslator);
    const bem::CommandLine options = bem::CommandLine::parse(*app);
    bem::AppController::setUpDesktop();
    if (const std::optional<int> exitCode = bem::AppController::handOff(options, activationToken))
        return *exitCode;

    QSettings settings;
    QNetworkAccessManager network;
    bem::AppController controller(options, &network, &settings);
    controller.start();
    return QCoreApplication::exec();
}
