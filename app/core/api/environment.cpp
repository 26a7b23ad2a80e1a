// SPDX-License-Identifier: MIT
#include "environment.h"

#include <QRegularExpression>

namespace bem::EnvironmentColors {

bool isProductionLike(const QString &name)
{
    static const QRegularExpression words(QStringLiteral("[^\\p{L}\\p{N}]+"));
    const QStringList parts = name.toLower().split(words, Qt::SkipEmptyParts);
    for (const QString &word : parts) {
        if (word == QLatin1String("prod") || word == QLatin1String("production") ||
            word == QLatin1String("live"))
            return true;
    }
    return false;
}

QColor production()
{
    return QColor(0xc6, 0x28, 0x28);
}

const QList<QColor> &palette()
{
    static const QList<QColor> colors{
        QColor(0x15, 0x65, 0xc0), // blue
        QColor(0x00, 0x79, 0x6b), // teal
        QColor(0x6a, 0x1b, 0x9a), // purple
        QColor(0x55, 0x8b, 0x2f), // green
        QColor(0xef, 0x6c, 0x00), // orange
        QColor(0x54, 0x6e, 0x7a), // slate
    };
    return colors;
}

QColor defaultFor(const QString &name, const QList<QColor> &taken)
{
    if (isProductionLike(name))
        return production();
    for (const QColor &c : palette()) {
        if (!taken.contains(c))
            return c;
    }
    return palette().at(taken.size() % palette().size());
}

QColor textOn(const QColor &background)
{
    // Relative luminance, roughly (sRGB weights); the palette's colours all take white.
    const double luminance =
        0.2126 * background.redF() + 0.7152 * background.greenF() + 0.0722 * background.blueF();
    return luminance > 0.6 ? QColor(Qt::black) : QColor(Qt::white);
}

} // namespace bem::EnvironmentColors
