// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace bem::SettingsKeys {

// The bem API the user chose in Settings (read at start-up, written by the window).
inline QString baseUrl()
{
    return QStringLiteral("connection/baseUrl");
}

// Which bem API to ask: "auto" (default), "v3" or "v2" (apiversionchoice.h).
inline QString apiVersion()
{
    return QStringLiteral("connection/apiVersion");
}

// Outputs pane: fields whose confidence is below this (0..1, default 0.8) are "low".
inline QString lowConfidenceThreshold()
{
    return QStringLiteral("outputs/lowConfidenceThreshold");
}

// Whether "Notify me when it finishes" is on by default for a call opened while pending
// or running (default true).
inline QString notificationsDefaultOn()
{
    return QStringLiteral("notifications/defaultOn");
}

} // namespace bem::SettingsKeys
