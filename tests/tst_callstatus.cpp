// SPDX-License-Identifier: MIT
#include "callstatus.h"

#include <QTest>

using namespace bem;

class TestCallStatus : public QObject
{
    Q_OBJECT
private slots:
    void knownValues_mapToStates_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<CallState>("state");
        QTest::addColumn<bool>("terminal");
        QTest::newRow("pending") << QStringLiteral("pending") << CallState::Pending << false;
        QTest::newRow("running") << QStringLiteral("running") << CallState::Running << false;
        QTest::newRow("completed") << QStringLiteral("completed") << CallState::Completed << true;
        QTest::newRow("failed") << QStringLiteral("failed") << CallState::Failed << true;
        QTest::newRow("upper case") << QStringLiteral("FAILED") << CallState::Failed << true;
        QTest::newRow("new value") << QStringLiteral("cancelling") << CallState::Unknown << false;
        QTest::newRow("empty") << QString() << CallState::Unknown << false;
    }
    void knownValues_mapToStates()
    {
        QFETCH(QString, raw);
        QFETCH(CallState, state);
        QFETCH(bool, terminal);
        const Status s = Status::fromRaw(raw);
        QCOMPARE(s.state(), state);
        QCOMPARE(s.isTerminal(), terminal);
        QCOMPARE(s.raw(), raw);
    }

    void unknownValue_isShownAsSent()
    {
        const Status s = Status::fromRaw(QStringLiteral("queued_for_review"));
        QCOMPARE(s.displayText(), QStringLiteral("queued_for_review"));
        QCOMPARE(Status().displayText(), QStringLiteral("unknown"));
    }

    void equality_comparesRawText()
    {
        QVERIFY(Status::fromRaw(QStringLiteral("failed")) ==
                Status::fromRaw(QStringLiteral("failed")));
        QVERIFY(Status::fromRaw(QStringLiteral("failed")) !=
                Status::fromRaw(QStringLiteral("FAILED")));
    }
};

QTEST_GUILESS_MAIN(TestCallStatus)
#include "tst_callstatus.moc"
