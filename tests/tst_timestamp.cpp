// SPDX-License-Identifier: MIT
// A time is shown exactly as it was sent, whether it was kept as text or (the usual forms)
// written again from its value; both parsers agree on it.

#include "callparser.h"
#include "timestamp.h"

#include <QTest>

using namespace bem;

namespace {

QByteArray callCreatedAt(const QByteArray &time)
{
    return R"({"call":{"callID":"c_1","createdAt":")" + time + R"("}})";
}

} // namespace

class TestTimestamp : public QObject
{
    Q_OBJECT

private slots:
    void sentText_isWhatRawGives_data()
    {
        QTest::addColumn<QByteArray>("sent");
        QTest::addColumn<bool>("usual"); // one of the forms bem sends: always a valid time
        QTest::newRow("seconds") << QByteArray("2026-11-30T10:00:00Z") << true;
        QTest::newRow("milliseconds") << QByteArray("2026-11-30T12:01:07.250Z") << true;
        QTest::newRow("zero ms") << QByteArray("2026-11-30T12:01:07.000Z") << true;
        QTest::newRow("999 ms") << QByteArray("2026-12-31T23:59:59.999Z") << true;
        QTest::newRow("leap day") << QByteArray("2028-02-29T00:00:00Z") << true;
        QTest::newRow("year 1") << QByteArray("0001-01-01T00:00:00Z") << true;
        QTest::newRow("year 9999") << QByteArray("9999-12-31T23:59:59.500Z") << true;
        QTest::newRow("offset") << QByteArray("2026-11-30T11:00:00+01:00") << false;
        QTest::newRow("two ms digits") << QByteArray("2026-11-30T12:01:07.25Z") << false;
        QTest::newRow("microseconds") << QByteArray("2026-11-30T12:01:07.250123Z") << false;
        QTest::newRow("lower-case z") << QByteArray("2026-11-30t12:01:07z") << false;
        QTest::newRow("not a time") << QByteArray("yesterday") << false;
        QTest::newRow("no such day") << QByteArray("2026-02-30T00:00:00Z") << false;
    }
    void sentText_isWhatRawGives()
    {
        QFETCH(QByteArray, sent);
        QFETCH(bool, usual);
        const ParseResult fast = CallParser::parse(callCreatedAt(sent));
        const ParseResult qt = CallParser::parseWithQt(callCreatedAt(sent));
        QVERIFY(fast.ok() && qt.ok());
        QCOMPARE(fast.call->createdAt.raw(), QString::fromLatin1(sent));
        QCOMPARE(qt.call->createdAt.raw(), QString::fromLatin1(sent));
        QCOMPARE(fast.call->createdAt.isValid(), qt.call->createdAt.isValid());
        if (usual)
            QVERIFY(fast.call->createdAt.isValid());
        QCOMPARE(fast.call->createdAt.value, qt.call->createdAt.value);
        QVERIFY(fast.call->createdAt == qt.call->createdAt);
        QVERIFY(!fast.call->createdAt.isEmpty());
    }

    void usualForm_isWrittenFromItsValue()
    {
        const QDateTime utc(QDate(2026, 11, 30), QTime(12, 1, 7, 250), Qt::UTC);
        const Timestamp ms = Timestamp::fromUsualForm(utc, true);
        QCOMPARE(ms.raw(), QStringLiteral("2026-11-30T12:01:07.250Z"));
        const Timestamp s = Timestamp::fromUsualForm(
            QDateTime(QDate(2026, 11, 30), QTime(12, 1, 7), Qt::UTC), false);
        QCOMPARE(s.raw(), QStringLiteral("2026-11-30T12:01:07Z"));
        // Equal to the same text kept as sent, and not to another time or form.
        QVERIFY(ms == Timestamp(QStringLiteral("2026-11-30T12:01:07.250Z"), utc));
        QVERIFY(s != ms);
        QVERIFY(s != Timestamp(QStringLiteral("2026-11-30T12:01:07.000Z"), s.value));
        QVERIFY(Timestamp().isEmpty());
        QVERIFY(Timestamp() == Timestamp(QString(), QDateTime()));
        QVERIFY(!s.isEmpty());
        // A value set later in another zone is still written as the UTC instant it is.
        Timestamp moved = s;
        moved.value = utc.toOffsetFromUtc(3600);
        QCOMPARE(moved.raw(), QStringLiteral("2026-11-30T12:01:07Z"));
    }
};

QTEST_GUILESS_MAIN(TestTimestamp)
#include "tst_timestamp.moc"
