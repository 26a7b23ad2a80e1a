// SPDX-License-Identifier: MIT
#include "callsnapshot.h"
#include "criticalpath.h"
#include "testutil.h"

#include <QTest>

using namespace bem;
using bem::test::makeFunctionCall;

namespace {

TimedNode node(int parent, std::optional<qint64> start, std::optional<qint64> end)
{
    TimedNode n;
    n.parent = parent;
    n.startMs = start;
    n.endMs = end;
    return n;
}

QList<int> asList(const std::vector<int> &v)
{
    return QList<int>(v.begin(), v.end());
}

FunctionCall timed(const QString &id, const QString &source, int startS, int endS,
                   const QString &status = QStringLiteral("completed"))
{
    FunctionCall fc = makeFunctionCall(id, source, status);
    const QDateTime base = QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC);
    if (startS >= 0)
        fc.startedAt = {QStringLiteral("s"), base.addSecs(startS)};
    if (endS >= 0)
        fc.finishedAt = {QStringLiteral("e"), base.addSecs(endS)};
    return fc;
}

QStringList ids(const CallSnapshot &s, const std::vector<int> &path)
{
    QStringList out;
    for (int i : path)
        out << s.call.functionCalls[i].functionCallId;
    return out;
}

} // namespace

class TstCriticalPath : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void emptyOrTimeless_hasNoPath()
    {
        QVERIFY(criticalPath(std::vector<TimedNode>{}).empty());
        QVERIFY(criticalPath(
                    {node(-1, std::nullopt, std::nullopt), node(0, std::nullopt, std::nullopt)})
                    .empty());
    }

    void lastLeaf_climbsThroughItsParents()
    {
        // 0 [0..100] → 1 [10..50] → 2 [20..40]; 0 → 3 [10..90] (the last-finishing leaf)
        const std::vector<TimedNode> n{node(-1, 0, 100), node(0, 10, 50), node(1, 20, 40),
                                       node(0, 10, 90)};
        QCOMPARE(asList(criticalPath(n)), (QList<int>{0, 3}));
    }

    void siblingThatGatedIt_isOnThePath_downToItsOwnLeaf()
    {
        // 0 [0..100]: 1 [0..40] with child 2 [5..38]; 3 [42..95] waited for 1.
        // 4 [0..20] finished too early to have gated 3 (1 finished later, still before 42).
        const std::vector<TimedNode> n{node(-1, 0, 100), node(0, 0, 40), node(1, 5, 38),
                                       node(0, 42, 95), node(0, 0, 20)};
        QCOMPARE(asList(criticalPath(n)), (QList<int>{0, 1, 2, 3}));
    }

    void ties_goToTheFirstInOrder()
    {
        // Two leaves end at 50: the first listed wins; two gates end at 20: the same.
        const std::vector<TimedNode> n{node(-1, 0, 60), node(0, 0, 20), node(0, 0, 20),
                                       node(0, 30, 50), node(0, 30, 50)};
        QCOMPARE(asList(criticalPath(n)), (QList<int>{0, 1, 3}));
    }

    void missingAndReversedTimes_areNeverPicked_butParentsStay()
    {
        // 0 has no times at all; its children: 1 reversed (ends "at 200"), 2 no end,
        // 3 [0..30]: 3 is the leaf, and 0 is still its parent on the path.
        const std::vector<TimedNode> n{node(-1, std::nullopt, std::nullopt),
                                       node(0, 100, 200 - 150), node(0, 10, std::nullopt),
                                       node(0, 0, 30)};
        QCOMPARE(asList(criticalPath(n)), (QList<int>{0, 3}));
    }

    void orphansAndOutOfRangeParents_areTopLevel()
    {
        // 1 names parent 7 (absent): top level, and the top-level 0 gated it.
        const std::vector<TimedNode> n{node(-1, 0, 10), node(7, 20, 30), node(1, 21, 29)};
        QCOMPARE(asList(criticalPath(n)), (QList<int>{0, 1, 2}));
    }

    void loopsOfParents_neitherHangNorRecurse()
    {
        // 0 ↔ 1 loop (no way in from a root), 2 is a plain root: the loop is never reached.
        const std::vector<TimedNode> n{node(1, 0, 500), node(0, 0, 400), node(-1, 0, 10)};
        QCOMPARE(asList(criticalPath(n)), (QList<int>{2}));
        // A node that is its own parent is top level.
        QCOMPARE(asList(criticalPath({node(0, 0, 5)})), (QList<int>{0}));
    }

    void deepChain_costsNoStack()
    {
        std::vector<TimedNode> n;
        const int depth = 200000;
        for (int i = 0; i < depth; ++i)
            n.push_back(node(i - 1, i, 2 * depth - i));
        const auto path = criticalPath(n);
        QCOMPARE(int(path.size()), depth);
        QCOMPARE(path.front(), 0);
        QCOMPARE(path.back(), depth - 1);
    }

    void snapshot_usesTheTreeWithItsBrokenCyclesAndOrphans()
    {
        // root [0..100]: a [0..30], b [35..90] (waited for a), b → b1 [40..95] last leaf.
        // orphan names a missing parent; x ↔ y form a cycle CallTree breaks (x becomes a
        // root), y [0..99] then finishes after b1 but before root's end.
        const QList<FunctionCall> fcs{
            timed(QStringLiteral("root"), {}, 0, 100),
            timed(QStringLiteral("a"), QStringLiteral("root"), 0, 30),
            timed(QStringLiteral("b"), QStringLiteral("root"), 35, 90),
            timed(QStringLiteral("b1"), QStringLiteral("b"), 40, 95),
            timed(QStringLiteral("orphan"), QStringLiteral("missing"), 0, 5),
            timed(QStringLiteral("x"), QStringLiteral("y"), 0, 20),
            timed(QStringLiteral("y"), QStringLiteral("x"), 1, 19),
            timed(QStringLiteral("running"), QStringLiteral("a"), 1, -1, QStringLiteral("running")),
        };
        const CallSnapshot s = bem::test::snapshotOf(QStringLiteral("c"), fcs);
        const qint64 base = qint64(1700000000) * 1000;
        QCOMPARE(ids(s, criticalPath(s, base + 50 * 1000)),
                 (QStringList{QStringLiteral("root"), QStringLiteral("a"), QStringLiteral("b"),
                              QStringLiteral("b1")}));
        // Later, the running one (under a) is still going and now ends last.
        QCOMPARE(
            ids(s, criticalPath(s, base + 200 * 1000)),
            (QStringList{QStringLiteral("root"), QStringLiteral("a"), QStringLiteral("running")}));
    }
};

QTEST_GUILESS_MAIN(TstCriticalPath)
#include "tst_criticalpath.moc"
