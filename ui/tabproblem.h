// SPDX-License-Identifier: MIT
#pragma once

#include <QIcon>
#include <QString>

namespace bem {

class BannerBoard;

// A tab whose last request failed says so on the tab bar, not only on its banner (which is
// seen only once the tab is opened): a warning icon instead of the call's status, and the
// banner's own words in the tab's tooltip.

// What the tab's banner holds about its last request's failure (also while the user has
// hidden the banner, and while a retry is on its way); empty when the last request went
// well or none failed.
QString tabProblemText(const BannerBoard &board);

// The icon of a tab whose last request failed: one shared icon, so a tab's icon can be
// compared with it.
QIcon tabProblemIcon();

} // namespace bem
