// SPDX-License-Identifier: MIT
#include "windowtexts.h"

#include "apikeystore.h"

#include <QCoreApplication>
#include <QMessageBox>
#include <QMimeData>
#include <QUrl>
#include <QWidget>

namespace bem {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("bem::MainWindow", text);
}

} // namespace

QString requestFailureText(const PollerStatus &status)
{
    using P = PollerStatus::Phase;
    const bool failed =
        (status.phase == P::Retrying || status.phase == P::Stopped || status.phase == P::Paused) &&
        !status.requestInFlight && !status.lastError.isEmpty();
    if (!failed)
        return {};
    // The last good data stays on screen; the banner says it is stale and why.
    const bool retrying = status.phase == P::Retrying;
    QString text = !status.hasSnapshot
                       ? tr("Could not load %1: %2").arg(status.callId, status.lastError)
                   : retrying ? tr("Could not refresh: %1").arg(status.lastError)
                              : status.lastError;
    if (status.hasSnapshot)
        text +=
            u' ' + tr("The data below is from %1 and may be out of date.")
                       .arg(status.lastUpdated.toLocalTime().toString(QStringLiteral("HH:mm:ss")));
    else if (retrying)
        text += u' ' + tr("Trying again on its own.");
    return text;
}

KeyStateText keyStateText(const ApiKeyStore *keys, bool demoMode)
{
    if (demoMode || !keys)
        return {true, tr("The demo runs a small bem API inside the app; no key or network is "
                         "used.")};
    if (!keys->isLoaded())
        return {true, tr("Reading the API key\u2026")};
    if (keys->hasKey())
        return {true, tr("Using the API key %1 (%2).")
                          .arg(ApiKeyStore::masked(keys->key()),
                               ApiKeyStore::sourceDescription(keys->source()))};
    QString text = tr("No API key is set. Enter one (it is kept in the system keychain) or set "
                      "BEM_API_KEY.");
    if (!keys->keychainProblem().isEmpty())
        text += u'\n' + keys->keychainProblem();
    return {false, text};
}

QString stoppedBeforeArrivalText(const QString &callId)
{
    return tr("You stopped loading %1 before it arrived. Press Retry (or F5) to ask again.")
        .arg(callId);
}

QString jsonFileIn(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls())
        return QString();
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile() &&
            url.toLocalFile().endsWith(QStringLiteral(".json"), Qt::CaseInsensitive))
            return url.toLocalFile();
    }
    return QString();
}

void showAboutBox(QWidget *parent)
{
    QMessageBox box(parent);
    box.setWindowTitle(tr("About bem Call Inspector"));
    box.setTextFormat(Qt::PlainText);
    box.setIconPixmap(parent->windowIcon().pixmap(64, 64));
    box.setText(tr("bem Call Inspector %1").arg(QCoreApplication::applicationVersion()));
    box.setInformativeText(
        tr("Inspect bem calls: status, timing and the function-call tree, live while they "
           "run.\n\nBuilt with Qt %1 (running on Qt %2).\nLicence: MIT.")
            .arg(QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion())));
    box.exec();
}

} // namespace bem
