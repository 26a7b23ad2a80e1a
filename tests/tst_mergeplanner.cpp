// SPDX-License-Identifier: MIT
// The merge planner on its own, without a model: which rows a refresh removes, inserts,
// moves and changes, written as text.
#include "mergeplanner.h"
#include "testutil.h"
#include "tracebuild.h"

#include <QTest>

using namespace bem;
using bem::test::makeFunctionCall;
using bem::test::snapshotOf;

namespace {

QString idsOf(const CallSnapshot &s, const std::vector<int> &indexes, int first, int last)
{
    QStringList ids;
    for (int k = first; k <= last; ++k)
        ids << s.call.functionCalls[indexes[size_t(k)]].functionCallId;
    return ids.join(u',');
}

// "remove fc3 under fc1", "insert fc4 (moved) under top at 0", "change steps 0-1 of fc2"
QStringList describe(const MergePlan &plan)
{
    const CallSnapshot &from = *plan.from;
    const CallSnapshot &to = *plan.to;
    const auto name = [&](int oldIndex) {
        return oldIndex < 0 ? QStringLiteral("top")
                            : from.call.functionCalls[oldIndex].functionCallId;
    };
    const auto oldChildren = [&](int i) -> const std::vector<int> & {
        return i < 0 ? from.tree.roots() : from.tree.node(i).children;
    };
    QStringList out;
    for (const MergeOp &op : plan.ops) {
        const QString range = QStringLiteral("%1-%2").arg(op.first).arg(op.last);
        switch (op.kind) {
        case MergeOp::Kind::RemoveSteps:
            out << QStringLiteral("remove steps %1 of %2").arg(range, name(op.target));
            break;
        case MergeOp::Kind::InsertSteps:
            out << QStringLiteral("insert steps %1 of %2").arg(range, name(op.target));
            break;
        case MergeOp::Kind::ChangeSteps:
            out << QStringLiteral("change steps %1 of %2").arg(range, name(op.target));
            break;
        case MergeOp::Kind::RemoveEvents:
            out << QStringLiteral("remove events %1 of %2").arg(range, name(op.target));
            break;
        case MergeOp::Kind::InsertEvents:
            out << QStringLiteral("insert events %1 of %2").arg(range, name(op.target));
            break;
        case MergeOp::Kind::ChangeEvents:
            out << QStringLiteral("change events %1 of %2").arg(range, name(op.target));
            break;
        case MergeOp::Kind::ChangeRows:
            out << QStringLiteral("change %1 under %2")
                       .arg(idsOf(from, oldChildren(op.target), op.first, op.last),
                            name(op.target));
            break;
        case MergeOp::Kind::RemoveRows:
            out << QStringLiteral("remove %1 under %2")
                       .arg(idsOf(from, oldChildren(op.target), op.first, op.last),
                            name(op.target));
            break;
        case MergeOp::Kind::InsertRows: {
            const int parent = op.target < 0 ? -1 : plan.keptAs[size_t(op.target)];
            const std::vector<int> &wanted =
                parent < 0 ? to.tree.roots() : to.tree.node(parent).children;
            QStringList ids;
            for (int k = op.first; k <= op.last; ++k) {
                const int j = wanted[size_t(k)];
                const QString &id = to.call.functionCalls[j].functionCallId;
                const bool moved = from.tree.indexOf(id, to.tree.node(j).occurrence) >= 0;
                ids << (moved ? id + QStringLiteral(" (moved)") : id);
            }
            out << QStringLiteral("insert %1 under %2 at %3")
                       .arg(ids.join(u','), name(op.target))
                       .arg(op.first);
            break;
        }
        }
    }
    return out;
}

ActivityEntry step(const char *name, const char *status)
{
    ActivityEntry a;
    a.displayName = QString::fromLatin1(name);
    a.status = Status::fromRaw(QString::fromLatin1(status));
    return a;
}

FunctionCall fc(const char *id, const char *parent = nullptr, const char *status = "completed")
{
    return makeFunctionCall(QString::fromLatin1(id),
                            parent ? QString::fromLatin1(parent) : QString(),
                            QString::fromLatin1(status));
}

} // namespace

class TestMergePlanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void traceEvents_arePlannedBeforeStepsByPosition()
    {
        const auto ev = [](const char *id, const char *type) {
            return test::makeEvent(
                {QString::fromLatin1(id), QString::fromLatin1(type), QStringLiteral("a")});
        };
        FunctionCall a = fc("a");
        a.events = {ev("e1", "route"), ev("e2", "transform"), ev("e3", "transform")};
        FunctionCall b = test::makeTraceCall(QStringLiteral("b"), QStringLiteral("e1"));
        const CallSnapshot from = snapshotOf(QStringLiteral("c"), {a, b});
        FunctionCall a2 = a;
        a2.events = {ev("e1", "route"), ev("e2", "error")};
        a2.activity = {step("Classify", "running")};
        FunctionCall a3 = a;
        a3.events.append(ev("e4", "split_item"));
        const CallSnapshot fewer = snapshotOf(QStringLiteral("c"), {a2, b});
        QCOMPARE(describe(planMerge(from, fewer)),
                 (QStringList{QStringLiteral("remove events 2-2 of a"),
                              QStringLiteral("change events 1-1 of a"),
                              QStringLiteral("insert steps 0-0 of a")}));
        const CallSnapshot more = snapshotOf(QStringLiteral("c"), {a3, b});
        const MergePlan grown = planMerge(from, more);
        QCOMPARE(describe(grown), QStringList{QStringLiteral("insert events 3-3 of a")});
        QCOMPARE(grown.keptAs, (std::vector<int>{0, 1}));
    }

    void identicalSnapshots_planNothingAndKeepEveryRow()
    {
        const QList<FunctionCall> fcs{fc("a"), fc("b", "a"), fc("c", "b")};
        const CallSnapshot from = snapshotOf(QStringLiteral("c"), fcs);
        const CallSnapshot to = snapshotOf(QStringLiteral("c"), fcs);
        const MergePlan plan = planMerge(from, to);
        QCOMPARE(describe(plan), QStringList());
        QCOMPARE(plan.keptAs, (std::vector<int>{0, 1, 2}));
        QCOMPARE(plan.from, &from);
        QCOMPARE(plan.to, &to);
    }

    void vanishedFunctionCall_isRemovedUnderItsParent()
    {
        const CallSnapshot from = snapshotOf(
            QStringLiteral("c"), {fc("fc1"), fc("fc2", "fc1"), fc("fc3", "fc1"), fc("fc4", "fc3")});
        const CallSnapshot to = snapshotOf(QStringLiteral("c"), {fc("fc1"), fc("fc2", "fc1")});
        const MergePlan plan = planMerge(from, to);
        QCOMPARE(describe(plan), QStringList{QStringLiteral("remove fc3 under fc1")});
        // Its child goes with it, and is not kept.
        QCOMPARE(plan.keptAs, (std::vector<int>{0, 1, -1, -1}));
    }

    void newFunctionCalls_areInsertedRunByRun()
    {
        const CallSnapshot from =
            snapshotOf(QStringLiteral("c"), {fc("r"), fc("a", "r"), fc("d", "r")});
        const CallSnapshot to =
            snapshotOf(QStringLiteral("c"), {fc("r"), fc("a", "r"), fc("b", "r"), fc("c", "r"),
                                             fc("d", "r"), fc("e", "r"), fc("x")});
        QCOMPARE(describe(planMerge(from, to)),
                 (QStringList{QStringLiteral("insert x under top at 1"),
                              QStringLiteral("insert b,c under r at 1"),
                              QStringLiteral("insert e under r at 4")}));
    }

    void reparentedFunctionCall_isRemovedAndInsertedUnderItsNewParent()
    {
        const CallSnapshot from = snapshotOf(
            QStringLiteral("c"), {fc("fc1"), fc("fc2", "fc1"), fc("fc3", "fc1"), fc("fc4", "fc3")});
        const CallSnapshot to = snapshotOf(
            QStringLiteral("c"), {fc("fc1"), fc("fc2", "fc1"), fc("fc3", "fc2"), fc("fc4", "fc3")});
        QCOMPARE(describe(planMerge(from, to)),
                 (QStringList{QStringLiteral("remove fc3 under fc1"),
                              QStringLiteral("insert fc3 (moved) under fc2 at 0")}));
    }

    void reorderedSiblings_keepTheLongestRunInPlace()
    {
        const CallSnapshot from =
            snapshotOf(QStringLiteral("c"), {fc("a"), fc("b"), fc("c"), fc("d"), fc("e")});
        const CallSnapshot to =
            snapshotOf(QStringLiteral("c"), {fc("e"), fc("a"), fc("b"), fc("d"), fc("c")});
        const MergePlan plan = planMerge(from, to);
        QCOMPARE(describe(plan), (QStringList{QStringLiteral("remove e under top"),
                                              QStringLiteral("remove c under top"),
                                              QStringLiteral("insert e (moved) under top at 0"),
                                              QStringLiteral("insert c (moved) under top at 4")}));
        QCOMPARE(plan.keptAs, (std::vector<int>{1, 2, -1, 3, -1}));
    }

    void changedRows_shareOneOperationPerContiguousRun()
    {
        const CallSnapshot from = snapshotOf(
            QStringLiteral("c"), {fc("p"), fc("a", "p", "running"), fc("b", "p", "running"),
                                  fc("c", "p"), fc("d", "p", "running")});
        const CallSnapshot to = snapshotOf(
            QStringLiteral("c"), {fc("p"), fc("a", "p"), fc("b", "p"), fc("c", "p"), fc("d", "p")});
        QCOMPARE(describe(planMerge(from, to)), (QStringList{QStringLiteral("change a,b under p"),
                                                             QStringLiteral("change d under p")}));
    }

    void steps_areRemovedOrInsertedAtTheEndThenChanged()
    {
        FunctionCall before = fc("f");
        before.activity = {step("one", "completed"), step("two", "running"),
                           step("three", "pending")};
        FunctionCall after = before;
        after.activity.resize(1);
        after.activity[0].displayName = QStringLiteral("uno");
        const CallSnapshot three = snapshotOf(QStringLiteral("c"), {before, fc("g", "f")});
        const CallSnapshot one = snapshotOf(QStringLiteral("c"), {after, fc("g", "f")});
        // Only the steps changed: the function call's own row does not.
        QCOMPARE(describe(planMerge(three, one)),
                 (QStringList{QStringLiteral("remove steps 1-2 of f"),
                              QStringLiteral("change steps 0-0 of f")}));
        QCOMPARE(describe(planMerge(one, three)),
                 (QStringList{QStringLiteral("insert steps 1-2 of f"),
                              QStringLiteral("change steps 0-0 of f")}));
    }

    void stepsAndStatusTogether_stepsFirstThenTheRow()
    {
        FunctionCall before = fc("f", "p", "running");
        before.activity = {step("one", "running")};
        FunctionCall after = fc("f", "p", "completed");
        after.activity = {step("one", "completed"), step("two", "completed")};
        const CallSnapshot from = snapshotOf(QStringLiteral("c"), {fc("p"), before});
        const CallSnapshot to = snapshotOf(QStringLiteral("c"), {fc("p"), after});
        QCOMPARE(describe(planMerge(from, to)),
                 (QStringList{QStringLiteral("insert steps 1-1 of f"),
                              QStringLiteral("change steps 0-0 of f"),
                              QStringLiteral("change f under p")}));
    }

    void duplicateIds_areMatchedByOccurrence()
    {
        const CallSnapshot from = snapshotOf(
            QStringLiteral("c"), {fc("d", nullptr, "running"), fc("d", nullptr, "running")});
        const CallSnapshot to = snapshotOf(
            QStringLiteral("c"), {fc("d", nullptr, "running"), fc("d", nullptr, "failed")});
        const MergePlan plan = planMerge(from, to);
        QCOMPARE(describe(plan), QStringList{QStringLiteral("change d under top")});
        QCOMPARE(plan.ops.front().first, 1);
        QCOMPARE(plan.keptAs, (std::vector<int>{0, 1}));
    }

    void cycleBroken_changesTheFlagOfTheRowThatStays()
    {
        // a and b name each other: one of them is made a top-level row to break the cycle.
        const CallSnapshot from = snapshotOf(QStringLiteral("c"), {fc("a"), fc("b", "a")});
        const CallSnapshot to = snapshotOf(QStringLiteral("c"), {fc("a", "b"), fc("b", "a")});
        QVERIFY(to.tree.node(0).cycleBroken);
        QCOMPARE(describe(planMerge(from, to)), QStringList{QStringLiteral("change a under top")});
    }

    void survivorsAreWalkedLastFirst_asTheModelApplies()
    {
        // Two kept parents each lose a child: the later parent's children come first.
        const CallSnapshot from =
            snapshotOf(QStringLiteral("c"), {fc("p"), fc("q"), fc("p1", "p"), fc("q1", "q")});
        const CallSnapshot to = snapshotOf(QStringLiteral("c"), {fc("p"), fc("q")});
        QCOMPARE(describe(planMerge(from, to)), (QStringList{QStringLiteral("remove q1 under q"),
                                                             QStringLiteral("remove p1 under p")}));
    }
};

QTEST_GUILESS_MAIN(TestMergePlanner)
#include "tst_mergeplanner.moc"
