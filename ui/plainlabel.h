// SPDX-License-Identifier: MIT
#pragma once

#include <QLabel>

namespace bem {

// A label that never interprets its text as markup (QLabel's default, Qt::AutoText,
// would render a server's "<img src=...>"). For our own words; server text goes through
// visibleText() first.
inline QLabel *plainLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    return label;
}

} // namespace bem
