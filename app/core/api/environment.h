// SPDX-License-Identifier: MIT
#pragma once

#include "apiversionchoice.h"

#include <QColor>
#include <QString>
#include <QUrl>

namespace bem {

// A named bem connection ("Production", "Sandbox", "EU", …): where the API is, which
// version to ask, and the colour of its chip. Its key lives in the keychain, never here.
struct Environment
{
    QString id;   // stable key for settings and the keychain: "default", "process", or generated
    QString name; // the user's words
    QUrl baseUrl; // normalized (ApiEndpoint::normalizedBaseUrl)
    ApiVersionChoice apiVersion = ApiVersionChoice::Auto;
    QColor color;
    // Set by the launch (BEM_API_KEY, BEM_BASE_URL, --base-url, --api): shown, never saved.
    bool fromProcess = false;

    friend bool operator==(const Environment &a, const Environment &b)
    {
        return a.id == b.id && a.name == b.name && a.baseUrl == b.baseUrl &&
               a.apiVersion == b.apiVersion && a.color == b.color && a.fromProcess == b.fromProcess;
    }
    friend bool operator!=(const Environment &a, const Environment &b) { return !(a == b); }
};

namespace EnvironmentColors {

// "prod", "production", "live" (any word of the name, any case): a key that costs real money
// or touches real documents, so its chip is red unless the user picks another colour.
bool isProductionLike(const QString &name);
QColor production();
// The calm colours other environments take, in order.
const QList<QColor> &palette();
// The colour a new environment gets: red when production-like, else the first palette
// colour none of `taken` uses (the palette again in order when all are taken).
QColor defaultFor(const QString &name, const QList<QColor> &taken);
// Black or white, whichever reads better on `background`.
QColor textOn(const QColor &background);

} // namespace EnvironmentColors

} // namespace bem
