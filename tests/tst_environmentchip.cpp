// SPDX-License-Identifier: MIT
#include "environmentchip.h"

#include <QImage>
#include <QTest>

using namespace bem;

namespace {
Environment env(const QString &name, const QColor &color)
{
    Environment e;
    e.id = QStringLiteral("env-test");
    e.name = name;
    e.baseUrl = QUrl(QStringLiteral("https://sandbox.bem.example"));
    e.color = color;
    return e;
}

// How many pixels of `image` are (nearly) `color`.
int pixelsOf(const QImage &image, const QColor &color)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (qAbs(c.red() - color.red()) < 8 && qAbs(c.green() - color.green()) < 8 &&
                qAbs(c.blue() - color.blue()) < 8)
                ++n;
        }
    }
    return n;
}
} // namespace

// The chip as painted: filled with the environment's colour, its name in a colour that
// reads on it, elided when long, and the name never taken as markup.
class TestEnvironmentChip : public QObject
{
    Q_OBJECT

private slots:
    void grab_showsTheColourAndTheName()
    {
        EnvironmentChip chip;
        const QColor red = EnvironmentColors::production();
        chip.setEnvironment(env(QStringLiteral("Production"), red));
        chip.resize(chip.sizeHint());
        const QImage image = chip.grab().toImage();
        QVERIFY(!image.isNull());
        // Mostly the fill, and some white text on it.
        const int fill = pixelsOf(image, red);
        const int text = pixelsOf(image, Qt::white);
        QVERIFY2(fill > image.width() * image.height() / 2, qPrintable(QString::number(fill)));
        QVERIFY2(text > 10, qPrintable(QString::number(text)));
        QCOMPARE(chip.shownText(), QStringLiteral("Production"));
        QCOMPARE(chip.accessibleName(), QStringLiteral("Production"));

        // Another environment: another colour, and no red left.
        const QColor blue = EnvironmentColors::palette().first();
        chip.setEnvironment(env(QStringLiteral("Sandbox"), blue));
        chip.resize(chip.sizeHint());
        const QImage sandbox = chip.grab().toImage();
        QCOMPARE(pixelsOf(sandbox, red), 0);
        QVERIFY(pixelsOf(sandbox, blue) > sandbox.width() * sandbox.height() / 2);
    }

    void lightColour_takesDarkText()
    {
        EnvironmentChip chip;
        chip.setEnvironment(env(QStringLiteral("Staging"), QColor(Qt::yellow)));
        chip.resize(chip.sizeHint());
        const QImage image = chip.grab().toImage();
        QVERIFY(pixelsOf(image, Qt::black) > 10);
        QCOMPARE(pixelsOf(image, Qt::white), 0);
    }

    void longName_isElided_shortOneIsNot()
    {
        EnvironmentChip chip;
        chip.setMaximumTextWidth(60);
        const QString longName = QStringLiteral("A very long environment name indeed");
        chip.setEnvironment(env(longName, EnvironmentColors::palette().at(1)));
        chip.resize(chip.sizeHint());
        QVERIFY(chip.sizeHint().width() < chip.fontMetrics().horizontalAdvance(longName));
        QVERIFY(chip.shownText().endsWith(QChar(0x2026)));
        QVERIFY(longName.startsWith(chip.shownText().chopped(1)));
    }

    void markupInTheName_isPlainText()
    {
        EnvironmentChip chip;
        chip.setEnvironment(env(QStringLiteral("<b>EU</b>"), EnvironmentColors::palette().at(2)));
        chip.resize(chip.sizeHint());
        QCOMPARE(chip.shownText(), QStringLiteral("<b>EU</b>"));
        QVERIFY(chip.toolTip().contains(QStringLiteral("&lt;b&gt;EU&lt;/b&gt;")));
        QVERIFY(!chip.toolTip().contains(QStringLiteral("<b>")));
        QVERIFY(chip.toolTip().contains(QStringLiteral("https://sandbox.bem.example")));
    }

    void noEnvironment_paintsNothing()
    {
        EnvironmentChip chip;
        chip.resize(40, 16);
        QVERIFY(chip.toolTip().isEmpty());
        const QImage image = chip.grab().toImage();
        QCOMPARE(pixelsOf(image, EnvironmentColors::production()), 0);
    }
};

QTEST_MAIN(TestEnvironmentChip)
#include "tst_environmentchip.moc"
