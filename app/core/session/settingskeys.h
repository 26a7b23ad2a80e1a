// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace bem::SettingsKeys {

// The bem API the user chose in Settings (read at start-up, written by the window).
inline QString baseUrl()
{
    return QStringLiteral("connection/baseUrl");
}

} // namespace bem::SettingsKeys
