// SPDX-License-Identifier: MIT
#include "windowbanner.h"

#include "messagebanner.h"
#include "urlopener.h"

namespace bem {

WindowBanner::WindowBanner(QWidget *host)
    : QObject(host)
    , m_board(new BannerBoard(this))
    , m_widget(new MessageBanner(host))
{
    // It floats over the host: showing or clearing it never moves what the user reads.
    // Over the bottom edge, where it covers the end of the tree rather than the call's
    // ID and status, which are what a user reads a failure against.
    m_widget->attachTo(host, MessageBanner::Edge::Bottom);
    connect(m_board, &BannerBoard::changed, this, &WindowBanner::render);
    connect(m_widget, &MessageBanner::dismissed, m_board, &BannerBoard::dismissShown);
    connect(m_widget, &MessageBanner::actionTriggered, this, &WindowBanner::actionTriggered);
}

WindowBanner::~WindowBanner() = default;

QString WindowBanner::text() const
{
    const std::optional<BannerMessage> shown = m_board->shown();
    return shown ? shown->text : QString();
}

void WindowBanner::followLinks(UrlOpener *opener, std::function<QString()> refreshOffer)
{
    const auto problem = [this](const QString &reason, const QString &action) {
        m_board->raise(BannerCause::LinkProblem, BannerSeverity::Warning, reason, {}, action);
    };
    connect(opener, &UrlOpener::refused, this,
            [problem](const QString &reason) { problem(reason, {}); });
    connect(opener, &UrlOpener::openFailed, this,
            [problem](const QString &reason) { problem(reason, {}); });
    connect(opener, &UrlOpener::expired, this,
            [problem, offer = std::move(refreshOffer)](const QString &reason) {
                problem(reason, offer());
            });
}

void WindowBanner::render()
{
    const std::optional<BannerMessage> shown = m_board->shown();
    if (!shown) {
        m_widget->clearMessage();
        return;
    }
    const MessageBanner::Kind kind =
        shown->severity == BannerSeverity::Error     ? MessageBanner::Kind::Error
        : shown->severity == BannerSeverity::Warning ? MessageBanner::Kind::Warning
                                                     : MessageBanner::Kind::Info;
    m_widget->showMessage(kind, shown->text, shown->details, shown->actionText);
}

} // namespace bem
