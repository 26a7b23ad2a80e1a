// SPDX-License-Identifier: MIT
#pragma once

class QMainWindow;
class QSettings;

namespace bem {

class CallPage;

// What the window looks like is kept between runs: its size and position, its toolbars,
// and the call page's splitter and tree columns. Never anything about a call or a key.
void saveWindowState(const QMainWindow &window, const CallPage &page, QSettings *settings);
void restoreWindowState(QMainWindow &window, CallPage &page, const QSettings &settings);

} // namespace bem
