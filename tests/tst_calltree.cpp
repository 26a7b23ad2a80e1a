// SPDX-License-Identifier: MIT
#include "calltree.h"
#include "testutil.h"
#include "tracebuild.h"

#include <QTest>

using namespace bem;
using bem::test::makeFunctionCall;

namespace {

// "[a[b[d] c] orphan]" from a tree: ids in tree order, iteratively.
QString shape(const CallTree &tree, const QList<FunctionCall> &fcs)
{
    QString out = QStringLiteral("[");
    struct Frame
    {
        const std::vector<int> *list;
        size_t pos;
    };
    std::vector<Frame> stack{{&tree.roots(), 0}};
    while (!stack.empty()) {
        Frame &f = stack.back();
        if (f.pos >= f.list->size()) {
            out += u']';
            stack.pop_back();
            continue;
        }
        const int i = (*f.list)[f.pos];
        if (f.pos > 0)
            out += u' ';
        ++f.pos;
        out += fcs[i].functionCallId;
        if (!tree.node(i).children.empty()) {
            out += u'[';
            stack.push_back({&tree.node(i).children, 0});
        }
    }
    return out;
}

} // namespace

class TestCallTree : public QObject
{
    Q_OBJECT
private slots:
    void plainNesting_followsSourceIds()
    {
        const QList<FunctionCall> fcs{makeFunctionCall(QStringLiteral("a")),
                                      makeFunctionCall(QStringLiteral("b"), QStringLiteral("a")),
                                      makeFunctionCall(QStringLiteral("c"), QStringLiteral("a")),
                                      makeFunctionCall(QStringLiteral("d"), QStringLiteral("b"))};
        const CallTree tree = CallTree::build(fcs);
        QCOMPARE(shape(tree, fcs), QStringLiteral("[a[b[d] c]]"));
        QCOMPARE(tree.node(3).parent, 1);
        QCOMPARE(tree.node(2).row, 1);
        QVERIFY(tree.warnings().isEmpty());
    }

    void childBeforeParent_inApiOrder_stillNests()
    {
        const QList<FunctionCall> fcs{makeFunctionCall(QStringLiteral("b"), QStringLiteral("a")),
                                      makeFunctionCall(QStringLiteral("a"))};
        const CallTree tree = CallTree::build(fcs);
        QCOMPARE(shape(tree, fcs), QStringLiteral("[a[b]]"));
    }

    void orphans_becomeRootsMarkedParentMissing()
    {
        const CallSnapshot s = test::snapshotFromData(QStringLiteral("tree-shapes.json"));
        const CallTree &tree = s.tree;
        QVERIFY(tree.node(2).parentMissing);
        QCOMPARE(tree.node(2).parent, -1);
        QVERIFY(!tree.node(0).parentMissing);
        QVERIFY(std::find(tree.roots().begin(), tree.roots().end(), 2) != tree.roots().end());
        QVERIFY(tree.warnings().join(u'\n').contains(QStringLiteral("names parent gone")));
    }

    void treeShapesFixture_hasExpectedShape()
    {
        const CallSnapshot s = test::snapshotFromData(QStringLiteral("tree-shapes.json"));
        // x and y form a cycle: x (first in API order) becomes the root. "self" names
        // itself. Children of "dup" attach to the first "dup".
        QCOMPARE(shape(s.tree, s.call.functionCalls),
                 QStringLiteral("[a[b[d] c] orphan x[y] self dup[e] dup]"));
        QCOMPARE(s.tree.warnings().size(), 4);
    }

    void twoCycle_isBrokenAtFirstMemberInApiOrder()
    {
        const QList<FunctionCall> fcs{makeFunctionCall(QStringLiteral("y"), QStringLiteral("x")),
                                      makeFunctionCall(QStringLiteral("x"), QStringLiteral("y"))};
        const CallTree tree = CallTree::build(fcs);
        QCOMPARE(shape(tree, fcs), QStringLiteral("[y[x]]"));
        QVERIFY(tree.node(0).cycleBroken);
        QVERIFY(!tree.node(1).cycleBroken);
        QCOMPARE(tree.warnings().size(), 1);
        QVERIFY(tree.warnings().first().contains(QStringLiteral("cycle of 2")));
    }

    void cycleWithTail_breaksOnlyTheCycle()
    {
        // t -> c1 -> c2 -> c3 -> c1: walking from t finds the cycle c1,c2,c3.
        const QList<FunctionCall> fcs{makeFunctionCall(QStringLiteral("t"), QStringLiteral("c1")),
                                      makeFunctionCall(QStringLiteral("c2"), QStringLiteral("c1")),
                                      makeFunctionCall(QStringLiteral("c3"), QStringLiteral("c2")),
                                      makeFunctionCall(QStringLiteral("c1"), QStringLiteral("c3"))};
        const CallTree tree = CallTree::build(fcs);
        QCOMPARE(shape(tree, fcs), QStringLiteral("[c2[c3[c1[t]]]]"));
        QVERIFY(tree.node(1).cycleBroken);
        QCOMPARE(tree.warnings().size(), 1);
    }

    void selfParent_becomesRoot()
    {
        const QList<FunctionCall> fcs{makeFunctionCall(QStringLiteral("s"), QStringLiteral("s")),
                                      makeFunctionCall(QStringLiteral("k"), QStringLiteral("s"))};
        const CallTree tree = CallTree::build(fcs);
        QCOMPARE(shape(tree, fcs), QStringLiteral("[s[k]]"));
        QVERIFY(tree.node(0).cycleBroken);
        QVERIFY(tree.warnings().first().contains(QStringLiteral("names itself")));
    }

    void duplicates_areBothKept()
    {
        const QList<FunctionCall> fcs{makeFunctionCall(QStringLiteral("d")),
                                      makeFunctionCall(QStringLiteral("d")),
                                      makeFunctionCall(QStringLiteral("k"), QStringLiteral("d"))};
        const CallTree tree = CallTree::build(fcs);
        QCOMPARE(shape(tree, fcs), QStringLiteral("[d[k] d]"));
        QVERIFY(tree.node(0).duplicateId);
        QVERIFY(tree.node(1).duplicateId);
        QVERIFY(!tree.node(2).duplicateId);
        QCOMPARE(tree.warnings().size(), 1);
    }

    void deepChain_buildsWalksAndDestroysWithoutRecursion()
    {
        constexpr int depth = 10000;
        QList<FunctionCall> fcs;
        fcs.reserve(depth);
        // Listed deepest first, so every parent lookup walks the longest path.
        for (int i = depth - 1; i >= 0; --i)
            fcs << makeFunctionCall(QString::number(i), i ? QString::number(i - 1) : QString());
        {
            const CallTree tree = CallTree::build(fcs);
            QCOMPARE(tree.roots().size(), size_t(1));
            int node = tree.roots().front();
            int levels = 1;
            while (!tree.node(node).children.empty()) {
                node = tree.node(node).children.front();
                ++levels;
            }
            QCOMPARE(levels, depth);
            QVERIFY(tree.warnings().isEmpty());
        }
        // A chain closed into a ring: the cycle search must not recurse either.
        fcs.last().sourceFunctionCallId = QString::number(depth - 1);
        const CallTree ring = CallTree::build(fcs);
        QCOMPARE(ring.roots().size(), size_t(1));
        QCOMPARE(ring.warnings().size(), 1);
    }

    void manySiblings_keepApiOrderAndRows()
    {
        constexpr int count = 10000;
        QList<FunctionCall> fcs{makeFunctionCall(QStringLiteral("root"))};
        for (int i = 0; i < count; ++i)
            fcs << makeFunctionCall(QStringLiteral("s%1").arg(i), QStringLiteral("root"));
        const CallTree tree = CallTree::build(fcs);
        const auto &children = tree.node(0).children;
        QCOMPARE(children.size(), size_t(count));
        for (int i = 0; i < count; ++i) {
            QCOMPARE(children[size_t(i)], i + 1);
            QCOMPARE(tree.node(i + 1).row, i);
        }
    }

    void empty_hasNoRoots()
    {
        const CallTree tree = CallTree::build({});
        QCOMPARE(tree.size(), 0);
        QVERIFY(tree.roots().empty());
    }
    void sourceEvent_parentIsTheFunctionCallThatEmittedIt()
    {
        using test::makeEvent;
        using test::makeTraceCall;
        const QString route = QStringLiteral("route");
        const QList<FunctionCall> fcs{
            makeTraceCall(QStringLiteral("c"), QStringLiteral("e2")),
            makeTraceCall(QStringLiteral("a"), {},
                          {makeEvent({QStringLiteral("e1"), route, QStringLiteral("a")}),
                           makeEvent({QStringLiteral("e2"), route, QStringLiteral("a")})}),
            makeTraceCall(QStringLiteral("b"), QStringLiteral("e1"),
                          {makeEvent({QStringLiteral("e3"), route, QStringLiteral("b")})}),
            makeTraceCall(QStringLiteral("d"), QStringLiteral("e3"))};
        const CallTree tree = CallTree::build(fcs);
        QCOMPARE(shape(tree, fcs), QStringLiteral("[a[c b[d]]]"));
        QCOMPARE(tree.node(0).parent, 1);
        QVERIFY(tree.warnings().isEmpty());
    }

    void sourceFunctionCallId_winsOverSourceEvent()
    {
        QList<FunctionCall> fcs{
            test::makeTraceCall(QStringLiteral("a"), {},
                                {test::makeEvent({QStringLiteral("e1"), QStringLiteral("route"),
                                                  QStringLiteral("a")})}),
            test::makeTraceCall(QStringLiteral("b"), {}),
            test::makeTraceCall(QStringLiteral("c"), QStringLiteral("e1"))};
        fcs[2].sourceFunctionCallId = QStringLiteral("b");
        QCOMPARE(shape(CallTree::build(fcs), fcs), QStringLiteral("[a b[c]]"));
    }

    void unknownSourceEvent_isAMissingParentShownAtTheTop()
    {
        const QList<FunctionCall> fcs{
            test::makeTraceCall(QStringLiteral("a"), {}),
            test::makeTraceCall(QStringLiteral("b"), QStringLiteral("nowhere"))};
        const CallTree tree = CallTree::build(fcs);
        QCOMPARE(shape(tree, fcs), QStringLiteral("[a b]"));
        QVERIFY(tree.node(1).parentMissing);
        QVERIFY(tree.warnings().join(u'\n').contains(QStringLiteral("source event nowhere")));
    }

    void cycleThroughEvents_isBroken()
    {
        using test::makeEvent;
        const QString t = QStringLiteral("transform");
        const QList<FunctionCall> fcs{
            test::makeTraceCall(QStringLiteral("a"), QStringLiteral("eb"),
                                {makeEvent({QStringLiteral("ea"), t, QStringLiteral("a")})}),
            test::makeTraceCall(QStringLiteral("b"), QStringLiteral("ea"),
                                {makeEvent({QStringLiteral("eb"), t, QStringLiteral("b")})})};
        const CallTree tree = CallTree::build(fcs);
        QCOMPARE(shape(tree, fcs), QStringLiteral("[a[b]]"));
        QVERIFY(tree.node(0).cycleBroken);
    }
};

QTEST_GUILESS_MAIN(TestCallTree)
#include "tst_calltree.moc"
