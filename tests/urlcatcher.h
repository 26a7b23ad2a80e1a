// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QObject>
#include <QUrl>

namespace bem::test {

// Catches what the window hands to the desktop: registered with
// QDesktopServices::setUrlHandler(scheme, &catcher, "handle") for each scheme a test
// watches, so that a URL the app opens lands here instead of in a browser.
class UrlCatcher : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> opened;
public Q_SLOTS:
    void handle(const QUrl &url) { opened.append(url); }
};

} // namespace bem::test
