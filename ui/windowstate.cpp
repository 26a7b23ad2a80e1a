// SPDX-License-Identifier: MIT
#include "windowstate.h"

#include "callpage.h"

#include <QMainWindow>
#include <QSettings>

namespace bem {
namespace {

const QString GeometryKey = QStringLiteral("window/geometry");
const QString StateKey = QStringLiteral("window/state");

} // namespace

void saveWindowState(const QMainWindow &window, const CallPage &page, QSettings *settings)
{
    settings->setValue(GeometryKey, window.saveGeometry());
    settings->setValue(StateKey, window.saveState());
    page.saveState(settings);
}

void restoreWindowState(QMainWindow &window, CallPage &page, const QSettings &settings)
{
    window.restoreGeometry(settings.value(GeometryKey).toByteArray());
    window.restoreState(settings.value(StateKey).toByteArray());
    page.restoreState(&settings);
}

} // namespace bem
