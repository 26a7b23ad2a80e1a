// SPDX-License-Identifier: MIT
#include "formatting.h"

#include <QTest>

using namespace bem;

class TestFormatting : public QObject
{
    Q_OBJECT
private slots:
    void formatDuration_picksReadableUnits_data()
    {
        QTest::addColumn<qint64>("ms");
        QTest::addColumn<QString>("text");
        QTest::newRow("ms") << qint64(850) << QStringLiteral("850 ms");
        QTest::newRow("seconds") << qint64(12345) << QStringLiteral("12.3 s");
        QTest::newRow("minutes") << qint64(245000) << QStringLiteral("4 m 05 s");
        QTest::newRow("hours") << qint64(7380000) << QStringLiteral("2 h 03 m");
        QTest::newRow("days") << qint64(90000000) << QStringLiteral("1 d 1 h");
        QTest::newRow("negative") << qint64(-5) << QString();
    }
    void formatDuration_picksReadableUnits()
    {
        QFETCH(qint64, ms);
        QFETCH(QString, text);
        QCOMPARE(formatDuration(ms), text);
    }

    void formatAgo_isCoarse_data()
    {
        QTest::addColumn<qint64>("ms");
        QTest::addColumn<QString>("text");
        QTest::newRow("now") << qint64(400) << QStringLiteral("just now");
        QTest::newRow("future") << qint64(-3000) << QStringLiteral("just now");
        QTest::newRow("seconds") << qint64(2999) << QStringLiteral("2 s ago");
        QTest::newRow("minutes") << qint64(185000) << QStringLiteral("3 m ago");
        QTest::newRow("hours") << qint64(7300000) << QStringLiteral("2 h ago");
        QTest::newRow("days") << qint64(3 * 86400000LL) << QStringLiteral("3 d ago");
    }
    void formatAgo_isCoarse()
    {
        QFETCH(qint64, ms);
        QFETCH(QString, text);
        QCOMPARE(formatAgo(ms), text);
    }

    void durationMs_needsBothEndsInOrder()
    {
        Timestamp a{QStringLiteral("a"),
                    QDateTime::fromString(QStringLiteral("2026-11-30T10:00:00Z"), Qt::ISODate)};
        Timestamp b{
            QStringLiteral("b"),
            QDateTime::fromString(QStringLiteral("2026-11-30T10:00:02.5Z"), Qt::ISODateWithMs)};
        QCOMPARE(durationMs(a, b), std::optional<qint64>(2500));
        QCOMPARE(durationMs(b, a), std::nullopt);
        QCOMPARE(durationMs(a, Timestamp{}), std::nullopt);
    }

    void singleLine_flattensAndCuts()
    {
        QCOMPARE(singleLine(QStringLiteral("a\nb\r\nc\td")), QStringLiteral("a b c d"));
        // A bidi override cannot reverse what follows it, and NUL is visible.
        QCOMPARE(singleLine(QStringLiteral("invoice\u202EFDP.exe")),
                 QStringLiteral("invoice<U+202E>FDP.exe"));
        QCOMPARE(singleLine(QString(QChar(0)) + QStringLiteral("x")), QStringLiteral("<U+0000>x"));
        // A cut never splits a surrogate pair.
        const QString emoji = QStringLiteral("ab\U0001F600");
        QCOMPARE(singleLine(emoji, 3), QStringLiteral("ab\u2026"));
        const QString longText(10000, u'x');
        QCOMPARE(singleLine(longText, 100).size(), 101);
        QVERIFY(singleLine(longText, 100).endsWith(u'…'));
    }

    // The U+2400 pictures are boxes in common fonts: control characters read as markers,
    // as the bidi controls already did.
    void visibleText_controlCharactersBecomeMarkers()
    {
        const QString text = QString(QChar(0)) + QStringLiteral("a\u001Bb\u007Fc\u0085d\u202Ee");
        QCOMPARE(visibleText(text),
                 QStringLiteral("<U+0000>a<U+001B>b<U+007F>c<U+0085>d<U+202E>e"));
        QCOMPARE(singleLine(text), visibleText(text));
        // Line breaks and tabs keep their own treatment.
        QCOMPARE(visibleText(QStringLiteral("a\nb\tc")), QStringLiteral("a\u21b5b c"));
        QCOMPARE(visibleText(QStringLiteral("a\nb"), true), QStringLiteral("a\nb"));
    }

    void formatSince_isRelativeForADayThenADate_data()
    {
        QTest::addColumn<qint64>("secondsAgo");
        QTest::addColumn<QString>("text");
        const QDateTime now(QDate(2026, 12, 1), QTime(10, 0, 0), Qt::LocalTime);
        QTest::newRow("now") << qint64(0) << QStringLiteral("just now");
        QTest::newRow("seconds") << qint64(12) << QStringLiteral("12 s ago");
        QTest::newRow("minutes") << qint64(180) << QStringLiteral("3 m ago");
        QTest::newRow("hours") << qint64(23 * 3600) << QStringLiteral("23 h ago");
        QTest::newRow("a day") << qint64(24 * 3600) << QStringLiteral("on 30 Nov 2026, 10:00");
        QTest::newRow("626 days") << now.secsTo(QDateTime(QDate(2025, 3, 15), QTime(14, 2, 30),
                                                          Qt::LocalTime)) *
                                         -1
                                  << QStringLiteral("on 15 Mar 2025, 14:02");
        QTest::newRow("clock ahead") << qint64(-30) << QStringLiteral("just now");
    }
    void formatSince_isRelativeForADayThenADate()
    {
        QFETCH(qint64, secondsAgo);
        QFETCH(QString, text);
        const QDateTime now(QDate(2026, 12, 1), QTime(10, 0, 0), Qt::LocalTime);
        // Given in UTC, shown in local time.
        QCOMPARE(formatSince(now.addSecs(-secondsAgo).toUTC(), now.toUTC()), text);
        QCOMPARE(formatSince(QDateTime(), now), QString());
    }

    void plainToolTip_escapesMarkup()
    {
        const QString tip = plainToolTip({QStringLiteral("<img src='file:///etc/passwd'>"),
                                          QStringLiteral("<a href='x'>link</a>")});
        QVERIFY(!tip.contains(QStringLiteral("<img")));
        QVERIFY(!tip.contains(QStringLiteral("<a ")));
        QVERIFY(tip.contains(QStringLiteral("&lt;img src=")));
        QVERIFY(tip.contains(QStringLiteral("passwd'&gt;")));
        // Wrapped so Qt takes it as rich text and shows the entities as characters.
        QVERIFY(tip.startsWith(QStringLiteral("<p")));
    }
};

QTEST_GUILESS_MAIN(TestFormatting)
#include "tst_formatting.moc"
