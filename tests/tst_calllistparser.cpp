// SPDX-License-Identifier: MIT
// Reading list pages, hostile ones included: shown literally, or skipped with a note.
#include "calllistmodel.h"
#include "calllistparser.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace bem;

class TestCallListParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void v3AndV2Entries_becomeSummaries()
    {
        const QByteArray body =
            R"({"calls":[{"callID":"wf_1","status":"failed","workflowName":"invoice-pipeline",)"
            R"("callReferenceID":"acme-po-0007","createdAt":"2026-11-30T10:00:00Z",)"
            R"("finishedAt":"2026-11-30T10:01:30Z"},)"
            R"({"callID":"fc_2","callType":"function","status":"running",)"
            R"("functionName":"ocr-page","createdAt":"2026-11-30T11:00:00Z"}],"totalCount":2314})";
        const CallListPage page = CallListParser::parse(body);
        QVERIFY(page.ok());
        QCOMPARE(page.totalCount, std::optional<qint64>(2314));
        QCOMPARE(page.calls.size(), 2);
        QCOMPARE(page.calls.at(0).callId, QStringLiteral("wf_1"));
        QCOMPARE(page.calls.at(0).status.state(), CallState::Failed);
        QCOMPARE(page.calls.at(0).name(), QStringLiteral("invoice-pipeline"));
        QCOMPARE(page.calls.at(0).referenceId, QStringLiteral("acme-po-0007"));
        QVERIFY(page.calls.at(0).finishedAt.isValid());
        QCOMPARE(page.calls.at(1).name(), QStringLiteral("ocr-page"));
        QCOMPARE(page.calls.at(1).callType, QStringLiteral("function"));
        QVERIFY(page.warnings.isEmpty());
    }

    void notAList_saysWhy_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("words");
        QTest::newRow("html") << QByteArray("<html><body>502</body></html>") << QString();
        QTest::newRow("empty") << QByteArray() << QString();
        QTest::newRow("cut off") << QByteArray("{\"calls\":[{\"callID\":\"a\"") << QString();
        QTest::newRow("array") << QByteArray("[]") << QString();
        QTest::newRow("no calls") << QByteArray("{\"totalCount\":3}")
                                  << QStringLiteral("The response has no calls in it.");
        QTest::newRow("calls a string")
            << QByteArray("{\"calls\":\"none\"}")
            << QStringLiteral("The response's calls are a string, not an array.");
        QTest::newRow("server error")
            << QByteArray("{\"error\":\"listing is down\"}") << QStringLiteral("listing is down");
    }
    void notAList_saysWhy()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, words);
        const CallListPage page = CallListParser::parse(body);
        QVERIFY(!page.ok());
        QVERIFY(page.calls.isEmpty());
        if (!words.isEmpty())
            QVERIFY2(page.error.contains(words), qPrintable(page.error));
    }

    void hostileEntries_areKeptLiterally_orSkippedWithANote()
    {
        const QString markup = QStringLiteral("<img src=file:///etc/passwd><b>x</b>");
        QByteArray body =
            R"({"calls":[{"callID":"wf_markup","workflowName":"<img src=file:///etc/passwd><b>x</b>","status":"completed"},)"
            R"({"callID":"wf_bidi","callReferenceID":"invoice\u202efdp.exe"},)"
            R"({"callID":"wf_huge","callReferenceID":"HUGE"},)"
            R"({"callID":"wf_types","status":7,"workflowName":[1],"createdAt":"yesterday"},)"
            R"({"callID":12},{"workflowName":"no id"},42,"wf_string",)"
            R"({"callID":"wf_markup","status":"failed"}],"totalCount":2})";
        body.replace("HUGE", QByteArray(100000, 'r'));
        const CallListPage page = CallListParser::parse(body);
        QVERIFY(page.ok());
        QStringList ids;
        for (const CallSummary &c : page.calls)
            ids << c.callId;
        QCOMPARE(ids, (QStringList{QStringLiteral("wf_markup"), QStringLiteral("wf_bidi"),
                                   QStringLiteral("wf_huge"), QStringLiteral("wf_types")}));
        QCOMPARE(page.skipped, 5);
        QVERIFY(page.warnings.size() >= 5);
        QCOMPARE(page.calls.at(0).workflowName, markup);
        QCOMPARE(page.calls.at(2).referenceId.size(), 100000);
        QVERIFY(page.calls.at(3).status.isAbsent());
        QVERIFY(page.calls.at(3).workflowName.isEmpty());
        QVERIFY(!page.calls.at(3).createdAt.isValid());
        QCOMPARE(page.calls.at(3).createdAt.raw(), QStringLiteral("yesterday"));

        // In the model: markup as text, the bidi override made visible, a bounded cell.
        CallListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFirstPage(page.calls, page.totalCount, true);
        const auto cell = [&](int row, int column, int role = Qt::DisplayRole) {
            return model.index(row, column).data(role).toString();
        };
        QCOMPARE(cell(0, CallListModel::NameColumn), markup);
        QVERIFY(
            !cell(0, CallListModel::NameColumn, Qt::ToolTipRole).contains(QStringLiteral("<img")));
        QVERIFY(cell(1, CallListModel::ReferenceColumn).contains(QStringLiteral("<U+202E>")));
        QVERIFY(cell(2, CallListModel::ReferenceColumn).size() <= 201);
        QCOMPARE(cell(2, CallListModel::ReferenceColumn, CallListModel::FullTextRole).size(),
                 100000);
        QCOMPARE(cell(3, CallListModel::StatusColumn), QStringLiteral("\u2014"));
    }

    void wrongTotal_isAWarning_notAFailure()
    {
        const CallListPage page =
            CallListParser::parse(R"({"calls":[{"callID":"wf_1"}],"totalCount":"many"})");
        QVERIFY(page.ok());
        QCOMPARE(page.calls.size(), 1);
        QVERIFY(!page.totalCount);
        QCOMPARE(page.warnings.size(), 1);
    }
};

QTEST_MAIN(TestCallListParser)
#include "tst_calllistparser.moc"
