// SPDX-License-Identifier: MIT
// A refresh parsed against the state shown (loadCall(body, previous)) gives
// exactly what a full loadCall(body) gives — for ordinary changes (and then really
// incrementally), for odd but valid bodies, and for bad ones (through the fallback).
#include "calltreemodel.h"
#include "incrementalparse.h"
#include "loadcomparison.h"
#include "mergeplanner.h"
#include "testutil.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QTest>

using namespace bem;

namespace {

// One function call as the API writes it; `extra` goes in before the closing brace.
QByteArray functionCall(int i, const QByteArray &status = "running", const QByteArray &extra = {})
{
    const QByteArray id = QByteArray::number(i);
    const QByteArray parent = i == 0 ? QByteArray() : QByteArray::number((i - 1) / 3);
    QByteArray out = "{\"functionCallID\": \"fc_" + id + "\", \"functionID\": \"fn_" + id +
                     "\", \"functionName\": \"extract\", \"type\": \"function\", "
                     "\"referenceID\": \"ref-" +
                     id + "\", \"status\": \"" + status + "\"";
    if (!parent.isEmpty())
        out += ", \"sourceFunctionCallID\": \"fc_" + parent + "\"";
    out += ", \"functionVersionNum\": 3, \"startedAt\": \"2026-11-30T10:00:0" +
           QByteArray::number(i % 10) +
           "Z\", \"activity\": [{\"displayName\": \"OCR\", \"status\": \"completed\"}], "
           "\"inputs\": [{\"inputType\": \"pdf\", \"itemReferenceID\": \"inv-" +
           id + "\", \"s3URL\": \"https://bucket.s3.amazonaws.com/inv.pdf\"}]" + extra + "}";
    return out;
}

QList<QByteArray> functionCalls(int n)
{
    QList<QByteArray> out;
    for (int i = 0; i < n; ++i)
        out << functionCall(i);
    return out;
}

// A whole body around `elements`; `callFields` and `rootFields` are written as given.
QByteArray body(const QList<QByteArray> &elements,
                const QByteArray &callFields = "\"status\": \"running\"",
                const QByteArray &rootFields = {}, const QByteArray &separator = ",\n      ")
{
    QByteArray out = "{\n  " + rootFields + "\"call\": {\n    \"callID\": \"wf_call_1\",\n    " +
                     callFields + ",\n    \"functionCalls\": [\n      ";
    for (qsizetype i = 0; i < elements.size(); ++i) {
        if (i > 0)
            out += separator;
        out += elements.at(i);
    }
    return out + "\n    ]\n  }\n}\n";
}

QString treeText(const CallSnapshotPtr &snapshot)
{
    CallTreeModel model;
    QAbstractItemModelTester tester(&model);
    model.setSnapshot(snapshot);
    return test::treeToString(model);
}

// Loads `after` against `before`'s state and fully; fails the test unless they agree.
// Returns the stats of the incremental attempt.
IncrementalLoadStats compareLoads(const QByteArray &before, const QByteArray &after)
{
    const LoadedCall previous = loadCall(before);
    const LoadedCall full = loadCall(after);
    IncrementalLoadStats stats;
    const LoadedCall incremental = loadCall(after, previous.snapshot, &stats);
    const QStringList differences = test::loadDifferences(full, incremental);
    if (!differences.isEmpty())
        QTest::qFail(qPrintable(QStringLiteral("differs from the full parse in: ") +
                                differences.join(QStringLiteral(", "))),
                     __FILE__, __LINE__);
    if (full.ok() && incremental.ok() && treeText(full.snapshot) != treeText(incremental.snapshot))
        QTest::qFail("the trees differ", __FILE__, __LINE__);
    return stats;
}

} // namespace

class TestIncrementalParse : public QObject
{
    Q_OBJECT
private slots:
    void sameAsFullParse_data();
    void sameAsFullParse();
    void onePercentChanged_readsOnlyTheChangedFunctionCalls();
    void reordered_reusesEveryFunctionCall();
    void chainOfRefreshes_usesTheSpansItKept();
    void refreshKeepingParents_keepsTheTreeAndPlansAsFromScratch();
    void previousWithWarnings_takesTheFullPath();
    void noPrevious_takesTheFullPath();
    void escapedKeys_areReadAsAJsonParserReadsThem();
    void scanner_findsTheElements();
    void everyPairOfCorpusBodies_sameAsFullParse();
};

void TestIncrementalParse::sameAsFullParse_data()
{
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<QByteArray>("after");
    // Whether the incremental path must have run (true) or must have fallen back
    // (false); either way the results are compared.
    QTest::addColumn<bool>("incremental");

    const QList<QByteArray> fcs = functionCalls(20);
    const QByteArray base = body(fcs);

    QList<QByteArray> changed = fcs;
    changed[3] = functionCall(3, "completed");
    changed[17] = functionCall(17, "failed");
    QTest::newRow("status changes") << base << body(changed) << true;
    QTest::newRow("unchanged") << base << body(fcs) << true;

    QList<QByteArray> appended = fcs;
    for (int i = 20; i < 26; ++i)
        appended << functionCall(i);
    QTest::newRow("appended") << base << body(appended) << true;

    QList<QByteArray> removed = fcs;
    removed.remove(5, 4);
    QTest::newRow("removed") << base << body(removed) << true;
    QTest::newRow("all removed") << base << body({}) << true;
    QTest::newRow("from none") << body({}) << base << true;
    // The API leaves functionCalls out while there are none (a pending call).
    QTest::newRow("from a call without functionCalls")
        << QByteArray("{\"call\": {\"callID\": \"wf_call_1\", \"status\": \"pending\"}}") << base
        << true;

    QList<QByteArray> reordered = fcs;
    std::reverse(reordered.begin(), reordered.end());
    QTest::newRow("reordered") << base << body(reordered) << true;

    QList<QByteArray> duplicated = fcs;
    duplicated.insert(7, fcs.at(2));
    duplicated << fcs.at(2);
    QTest::newRow("duplicated") << base << body(duplicated) << true;
    // Duplicate IDs are tree warnings, not parse warnings: the previous state lends.
    QTest::newRow("from duplicated") << body(duplicated) << body(changed) << true;

    QTest::newRow("call fields changed")
        << base
        << body(changed, "\"status\": \"completed\", \"finishedAt\": \"2026-11-30T11:00:00Z\", "
                         "\"workflowName\": \"invoices\", \"workflowVersionNum\": 8")
        << true;
    QTest::newRow("unknown fields")
        << base
        << body(QList<QByteArray>{fcs.at(0),
                                  functionCall(1, "running", ", \"extra\": {\"a\": [1]}")},
                "\"status\": \"running\", \"future\": [1, 2]", "\"meta\": {\"page\": 1},\n  ")
        << true;

    QByteArray compact = body(changed, "\"status\":\"running\"", {}, ",");
    compact.replace("\n", "").replace("  ", "");
    QTest::newRow("reformatted compact") << base << compact << true;
    QTest::newRow("reformatted with tabs")
        << base << body(changed, "\"status\" :\t\"running\"", {}, " \t\r\n,\r\n\t ") << true;

    QList<QByteArray> escapes = fcs;
    escapes[4] = functionCall(
        4, "running", ", \"note\": \"a \\\"quote\\\", a \\\\ backslash, \\u00e9, ] , } { [\"");
    escapes[5] = functionCall(5, "running", ", \"k\\\"ey]\": \"\\\\\"");
    escapes[6] =
        functionCall(6, "running", ", \"\\u00e9t\\u00e9\": \"caf\xc3\xa9 \\ud83d\\ude00\"");
    QTest::newRow("escapes in strings") << base << body(escapes) << true;
    QTest::newRow("escapes before") << body(escapes) << body(changed) << true;
    QTest::newRow("brackets in call fields")
        << base
        << body(changed, "\"status\": \"running\", \"workflowName\": \"[a, {b}] \\\"]\\\"\"")
        << true;
    // The error is a note about the data, not a warning: the elements are still lent.
    QTest::newRow("server error beside the call")
        << base << body(changed, "\"status\": \"running\"", "\"error\": \"slow down\",\n  ")
        << true;

    // Bad new bodies: whatever the full parse says, the same.
    QByteArray truncated = body(changed);
    truncated.chop(40);
    QTest::newRow("truncated") << base << truncated << false;
    QTest::newRow("missing comma")
        << base << body(changed, "\"status\": \"running\"", {}, "\n") << false;
    QTest::newRow("extra comma") << base << body(changed, "\"status\": \"running\"", {}, ",,")
                                 << false;
    QByteArray trailingComma = body(changed);
    trailingComma.replace("\n    ]", ",\n    ]");
    QTest::newRow("trailing comma") << base << trailingComma << false;
    QTest::newRow("two functionCalls keys")
        << base << body(changed, "\"functionCalls\": [], \"status\": \"running\"") << false;
    QTest::newRow("two call keys")
        << base << body(changed, "\"status\": \"running\"", "\"call\": {\"callID\": \"x\"},\n  ")
        << false;
    QTest::newRow("functionCalls an object")
        << base << QByteArray("{\"call\": {\"callID\": \"c\", \"functionCalls\": {\"a\": 1}}}")
        << false;
    QTest::newRow("functionCalls a string")
        << base << QByteArray("{\"call\": {\"callID\": \"c\", \"functionCalls\": \"[]\"}}")
        << false;
    QTest::newRow("functionCalls null")
        << base << QByteArray("{\"call\": {\"callID\": \"c\", \"functionCalls\": null}}") << false;
    // Nothing to lend, but no reason to fall back either: the fast path reads it.
    QTest::newRow("no functionCalls")
        << base << QByteArray("{\"call\": {\"callID\": \"c\", \"status\": \"running\"}}") << true;
    QTest::newRow("call not an object") << base << QByteArray("{\"call\": [1]}") << false;
    QList<QByteArray> withNumber = changed;
    withNumber.insert(2, "42");
    QTest::newRow("an element not an object") << base << body(withNumber) << false;
    QList<QByteArray> badUtf8 = changed;
    badUtf8[3] = functionCall(3, "completed", ", \"note\": \"\xff\xfe\"");
    QTest::newRow("invalid UTF-8 in a function call") << base << body(badUtf8) << false;
    QTest::newRow("invalid UTF-8 in the call")
        << base << body(changed, "\"status\": \"runn\xc3\"") << false;
    QList<QByteArray> wrongType = changed;
    wrongType[9] = functionCall(9, "running", ", \"functionVersionNum\": \"three\"");
    QTest::newRow("a function call with a warning") << base << body(wrongType) << false;
    QTest::newRow("a call field with a warning") << base << body(changed, "\"status\": 7") << false;
    QList<QByteArray> deep = changed;
    deep[1] =
        functionCall(1, "running", ", \"deep\": " + QByteArray(100, '[') + QByteArray(100, ']'));
    QTest::newRow("deep nesting") << base << body(deep) << false;
    QList<QByteArray> tooDeep = changed;
    tooDeep[1] =
        functionCall(1, "running", ", \"deep\": " + QByteArray(1030, '[') + QByteArray(1030, ']'));
    QTest::newRow("nesting beyond Qt's limit") << base << body(tooDeep) << false;
    QList<QByteArray> unbalanced = changed;
    unbalanced[6] = functionCall(6, "running", ", \"x\": [1, 2}");
    QTest::newRow("unbalanced brackets") << base << body(unbalanced) << false;
    QList<QByteArray> control = changed;
    control[6] = functionCall(6, "running", ", \"x\": \"a\tb\"");
    QTest::newRow("a raw tab in a string") << base << body(control) << false;
    QTest::newRow("garbage after the body") << base << body(changed) + "x" << false;
    QTest::newRow("a second document") << base << body(changed) + "{}" << false;
    QTest::newRow("a byte order mark") << base << "\xef\xbb\xbf" + body(changed) << false;
    QTest::newRow("empty") << base << QByteArray() << false;
    QTest::newRow("whitespace only") << base << QByteArray(" \n") << false;
    QTest::newRow("an HTML page") << base << QByteArray("<html><body>502</body></html>") << false;
    QTest::newRow("a top-level array") << base << QByteArray("[{\"call\": {}}]") << false;
    QTest::newRow("error only") << base << QByteArray("{\"error\": \"no such call\"}") << false;
    QTest::newRow("bare word in the call") << base << body(changed, "\"status\": running") << false;
}

void TestIncrementalParse::sameAsFullParse()
{
    QFETCH(QByteArray, before);
    QFETCH(QByteArray, after);
    QFETCH(bool, incremental);
    const IncrementalLoadStats stats = compareLoads(before, after);
    QCOMPARE(stats.incremental, incremental);
    if (!incremental)
        QVERIFY(!stats.fallbackReason.isEmpty());
}

void TestIncrementalParse::onePercentChanged_readsOnlyTheChangedFunctionCalls()
{
    // The case the benchmark measures: 2,000 function calls, 20 of them changed. It must
    // really go the incremental way — a path that always fell back would pass every
    // equality test above.
    QList<QByteArray> fcs = functionCalls(2000);
    const QByteArray before = body(fcs);
    for (int i = 0; i < 2000; i += 100)
        fcs[i] = functionCall(i, "completed");
    const IncrementalLoadStats stats = compareLoads(before, body(fcs));
    QVERIFY2(stats.incremental, qPrintable(stats.fallbackReason));
    QCOMPARE(stats.reparsed, 20);
    QCOMPARE(stats.reused, 1980);
}

void TestIncrementalParse::reordered_reusesEveryFunctionCall()
{
    // Past a number of misses the old function calls are looked up by their bytes.
    QList<QByteArray> fcs = functionCalls(300);
    const QByteArray before = body(fcs);
    std::reverse(fcs.begin(), fcs.end());
    fcs.insert(100, functionCall(1000));
    const IncrementalLoadStats stats = compareLoads(before, body(fcs));
    QVERIFY2(stats.incremental, qPrintable(stats.fallbackReason));
    QCOMPARE(stats.reused + stats.reparsed, 301);
    QVERIFY2(stats.reused > 200, qPrintable(QString::number(stats.reused)));
}

void TestIncrementalParse::chainOfRefreshes_usesTheSpansItKept()
{
    QList<QByteArray> fcs = functionCalls(50);
    LoadedCall shown = loadCall(body(fcs));
    // A full load notes where its elements are, exactly where the structural scan finds
    // them.
    const std::optional<FunctionCallsLocation> where = locateFunctionCalls(body(fcs));
    QVERIFY(where && shown.snapshot->functionCallSpans);
    QCOMPARE(*shown.snapshot->functionCallSpans, where->elements);
    for (int step = 0; step < 5; ++step) {
        fcs[step * 7] = functionCall(step * 7, "completed");
        fcs.insert(step, functionCall(500 + step));
        const QByteArray next =
            body(fcs, "\"status\": \"running\"", {}, step % 2 ? QByteArray(",") : ",\n  ");
        IncrementalLoadStats stats;
        LoadedCall incremental = loadCall(next, shown.snapshot, &stats);
        QVERIFY2(stats.incremental, qPrintable(stats.fallbackReason));
        QVERIFY(incremental.snapshot->functionCallSpans);
        const QStringList differences = test::loadDifferences(loadCall(next), incremental);
        QVERIFY2(differences.isEmpty(), qPrintable(differences.join(u',')));
        shown = incremental;
    }
}

// The merge plan as text, to compare two plans made against different snapshots.
QStringList planText(const MergePlan &plan)
{
    QStringList out;
    for (const MergeOp &op : plan.ops)
        out << QStringLiteral("%1 %2 %3-%4")
                   .arg(int(op.kind))
                   .arg(op.target)
                   .arg(op.first)
                   .arg(op.last);
    for (int j : plan.keptAs)
        out << QString::number(j);
    return out;
}

void TestIncrementalParse::refreshKeepingParents_keepsTheTreeAndPlansAsFromScratch()
{
    QList<QByteArray> fcs = functionCalls(40);
    const LoadedCall shown = loadCall(body(fcs));
    // Statuses and steps change, a step comes and one goes; no ID or parent does.
    fcs[3] = functionCall(3, "completed");
    fcs[4] = functionCall(4, "failed");
    fcs[4].replace("{\"displayName\": \"OCR\", \"status\": \"completed\"}", "");
    fcs[5] = functionCall(5, "running", ", \"workflowCallID\": \"w\"");
    fcs[39] = functionCall(39, "completed");
    fcs[12].replace("\"activity\": [", "\"activity\": [{\"displayName\": \"New\"}, ");
    const QByteArray next = body(fcs);
    IncrementalLoadStats stats;
    const LoadedCall refreshed = loadCall(next, shown.snapshot, &stats);
    QVERIFY2(stats.incremental, qPrintable(stats.fallbackReason));
    QCOMPARE(stats.reparsed, 5);
    QVERIFY(refreshed.snapshot->tree.sharesStructureWith(shown.snapshot->tree));
    QVERIFY(refreshed.snapshot->lineage);
    // The same tree and the same plan as a state read and built from scratch.
    const LoadedCall full = loadCall(next);
    QVERIFY(!full.snapshot->tree.sharesStructureWith(shown.snapshot->tree));
    const QStringList differences = test::loadDifferences(full, refreshed);
    QVERIFY2(differences.isEmpty(), qPrintable(differences.join(u',')));
    const QStringList fromScratch = planText(planMerge(*shown.snapshot, *full.snapshot));
    QCOMPARE(planText(planMerge(*shown.snapshot, *refreshed.snapshot)), fromScratch);
    QVERIFY(fromScratch.size() > 40); // it did plan something

    // A function call that moves to another parent: the tree is built again.
    fcs[20].replace("\"sourceFunctionCallID\": \"fc_6\"", "\"sourceFunctionCallID\": \"fc_1\"");
    const QByteArray moved = body(fcs);
    const LoadedCall again = loadCall(moved, refreshed.snapshot, &stats);
    QVERIFY2(stats.incremental, qPrintable(stats.fallbackReason));
    QVERIFY(!again.snapshot->tree.sharesStructureWith(refreshed.snapshot->tree));
    QVERIFY(!again.snapshot->lineage);
    QVERIFY(test::loadDifferences(loadCall(moved), again).isEmpty());
    QCOMPARE(again.snapshot->tree.node(20).parent, 1);
}

void TestIncrementalParse::previousWithWarnings_takesTheFullPath()
{
    QList<QByteArray> fcs = functionCalls(10);
    fcs[4] = functionCall(4, "running", ", \"functionVersionNum\": \"x\"");
    const QByteArray before = body(fcs);
    QVERIFY(!loadCall(before).parsed.warnings.isEmpty());
    // Even with the element that warned unchanged: its warning must come again.
    fcs[2] = functionCall(2, "completed");
    const IncrementalLoadStats stats = compareLoads(before, body(fcs));
    QVERIFY(!stats.incremental);
    QCOMPARE(stats.fallbackReason, QStringLiteral("the previous state had parse warnings"));
}

void TestIncrementalParse::noPrevious_takesTheFullPath()
{
    const QByteArray b = body(functionCalls(5));
    IncrementalLoadStats stats;
    const LoadedCall loaded = loadCall(b, nullptr, &stats);
    QVERIFY(!stats.incremental);
    QVERIFY(test::loadDifferences(loadCall(b), loaded).isEmpty());
    // A snapshot built without a body (not from the network) lends nothing either.
    const auto bare =
        std::make_shared<CallSnapshot>(CallSnapshot::fromCall(loadCall(b).snapshot->call));
    QVERIFY(test::loadDifferences(loadCall(b), loadCall(b, bare, &stats)).isEmpty());
    QVERIFY(!stats.incremental);
}

void TestIncrementalParse::escapedKeys_areReadAsAJsonParserReadsThem()
{
    // "function\u0043alls" is "functionCalls" to a JSON parser: the scan must not miss it.
    const QList<QByteArray> fcs = functionCalls(5);
    const QByteArray base = body(fcs);
    QByteArray escaped = body(fcs);
    escaped.replace("\"functionCalls\"", "\"function\\u0043alls\"");
    // The scan refuses it; the fast path (simdjson) reads the key as a JSON parser does,
    // and compareLoads checks the result is the full parse's.
    QVERIFY(!locateFunctionCalls(escaped));
    QVERIFY(compareLoads(base, escaped).incremental);
    QByteArray escapedCall = body(fcs);
    escapedCall.replace("\"call\"", "\"c\\u0061ll\"");
    QVERIFY(!locateFunctionCalls(escapedCall));
    QVERIFY(compareLoads(base, escapedCall).incremental);
    // The same key twice, once escaped: the parser decides which one counts.
    QVERIFY(!compareLoads(base, body(fcs, "\"function\\u0043alls\": [], \"status\": \"x\""))
                 .incremental);
}

void TestIncrementalParse::scanner_findsTheElements()
{
    const QByteArray b = "{\"error\": \"]\", \"call\": {\"input\": {\"functionCalls\": 1}, "
                         "\"functionCalls\" : [ {\"a\": \"}\\\"\"} ,{} ]}}";
    const std::optional<FunctionCallsLocation> where = locateFunctionCalls(b);
    QVERIFY(where);
    QCOMPARE(b.at(where->arrayOpen), '[');
    QCOMPARE(b.at(where->arrayClose), ']');
    QCOMPARE(int(where->elements.size()), 2);
    QCOMPARE(b.mid(where->elements[0].first, where->elements[0].second - where->elements[0].first),
             QByteArray("{\"a\": \"}\\\"\"}"));
    QCOMPARE(b.mid(where->elements[1].first, 2), QByteArray("{}"));
    QVERIFY(!locateFunctionCalls("{\"call\": {\"functionCalls\": [{}]}"));
    QVERIFY(!locateFunctionCalls("{\"call\": {}}"));
    QVERIFY(!locateFunctionCalls("{\"call\": {\"functionCalls\": [{}, ]}}"));
    QVERIFY(!locateFunctionCalls("{\"call\": {\"functionCalls\": [{} {}]}}"));
    QVERIFY(!locateFunctionCalls("{\"call\": {\"functionCalls\": [{\"a\": \"b}]}}"));
}

void TestIncrementalParse::everyPairOfCorpusBodies_sameAsFullParse()
{
    // Every committed fuzz seed (each file whole, and each body in it) and every test
    // fixture, loaded against every other one's state.
    QList<QByteArray> bodies;
    const QDir data(QStringLiteral(BEM_TEST_DATA_DIR));
    for (const QString &name : data.entryList({QStringLiteral("*.json")}, QDir::Files))
        bodies << test::readTestData(name);
    const QDir corpus(data.filePath(QStringLiteral("../fuzz/corpus")));
    const QStringList seeds = corpus.entryList(QDir::Files);
    QVERIFY(seeds.size() > 10);
    for (const QString &name : seeds) {
        QFile f(corpus.filePath(name));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray all = f.readAll();
        bodies << all;
        if (all.contains('\x1e'))
            bodies << all.split('\x1e');
    }
    QList<LoadedCall> full;
    for (const QByteArray &b : bodies)
        full << loadCall(b);
    int incremental = 0;
    for (qsizetype a = 0; a < bodies.size(); ++a) {
        for (qsizetype b = 0; b < bodies.size(); ++b) {
            IncrementalLoadStats stats;
            const LoadedCall result = loadCall(bodies.at(b), full.at(a).snapshot, &stats);
            const QStringList differences = test::loadDifferences(full.at(b), result);
            QVERIFY2(differences.isEmpty(),
                     qPrintable(QStringLiteral("body %1 after %2: %3")
                                    .arg(b)
                                    .arg(a)
                                    .arg(differences.join(QStringLiteral(", ")))));
            incremental += stats.incremental ? 1 : 0;
        }
    }
    // Not all fall back: the fixtures include ordinary calls.
    QVERIFY(incremental > 0);
}

QTEST_MAIN(TestIncrementalParse)
#include "tst_incrementalparse.moc"
