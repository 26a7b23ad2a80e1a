// SPDX-License-Identifier: MIT
#pragma once

#include "bannerboard.h"

#include <QObject>

#include <functional>

class QWidget;

namespace bem {

class MessageBanner;
class UrlOpener;

// The window's banner: a MessageBanner floating over `host`, showing what a BannerBoard
// says should show. Causes raise and resolve messages on board(); this only renders, and
// hands the user's dismissal back to the board.
class WindowBanner final : public QObject
{
    Q_OBJECT
public:
    explicit WindowBanner(QWidget *host);
    ~WindowBanner() override;
    Q_DISABLE_COPY_MOVE(WindowBanner)

    BannerBoard *board() const { return m_board; }
    MessageBanner *widget() const { return m_widget; }
    // The text shown; empty when the banner is hidden.
    QString text() const;

    // Reports from `opener` become link problems; `refreshOffer` labels the button an
    // expired link offers (empty: none, as for a saved file).
    void followLinks(UrlOpener *opener, std::function<QString()> refreshOffer);

Q_SIGNALS:
    // The user pressed the banner's button (Retry, Refresh call).
    void actionTriggered();

private:
    void render();

    BannerBoard *m_board;
    MessageBanner *m_widget;
};

} // namespace bem
