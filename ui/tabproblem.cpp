// SPDX-License-Identifier: MIT
#include "tabproblem.h"

#include "bannerboard.h"

namespace bem {

QString tabProblemText(const BannerBoard &board)
{
    // Only an error: "you stopped loading it" is held under the same cause, but nothing
    // failed there.
    const std::optional<BannerMessage> message = board.message(BannerCause::RequestError);
    if (!message || message->severity != BannerSeverity::Error)
        return QString();
    return message->text;
}

QIcon tabProblemIcon()
{
    // Made on first use and never destroyed: a QIcon must not outlive the application
    // object, which a static one would when destructors run at exit.
    static const auto *const icon = new QIcon(QStringLiteral(":/icons/tab/tab-problem.svg"));
    return *icon;
}

} // namespace bem
