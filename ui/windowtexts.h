// SPDX-License-Identifier: MIT
#pragma once

#include "sessionstatus.h"

#include <QString>

class QMimeData;
class QWidget;

namespace bem {

class ApiKeyStore;

// The window's longer sentences, built from state (no widgets kept): translated in the
// window's own context.

// What the banner says about a failed request, or empty when the status is no failure
// to report (a request in flight, a success, nothing asked yet).
QString requestFailureText(const PollerStatus &status);

// The empty page's line about the key; `usable` is false when a key must be entered.
struct KeyStateText
{
    bool usable = true;
    QString text;
};
KeyStateText keyStateText(const ApiKeyStore *keys, bool demoMode);

// What the empty page's banner says after the user stopped the first request for a call.
QString stoppedBeforeArrivalText(const QString &callId);

// The first local .json file in a drag, or empty.
QString jsonFileIn(const QMimeData *mime);

// Help ▸ About (our own text only; no server string reaches it).
void showAboutBox(QWidget *parent);

} // namespace bem
