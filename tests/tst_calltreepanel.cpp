// SPDX-License-Identifier: MIT
#include "callfilterproxymodel.h"
#include "calltreemodel.h"
#include "calltreepanel.h"
#include "testutil.h"
#include "tracebuild.h"
#include "treeexpander.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QTreeView>

using namespace bem;
using namespace bem::test;

namespace {

// A call with `count` function calls: ten top-level rows, each the root of a chain of
// children, so that Expand All has real work to do.
CallSnapshot largeCall(int count)
{
    QList<FunctionCall> fcs;
    fcs.reserve(count);
    for (int i = 0; i < count; ++i) {
        const QString id = QStringLiteral("fc_%1").arg(i);
        const QString parent = i < 10 ? QString() : QStringLiteral("fc_%1").arg(i - 10);
        fcs << makeFunctionCall(
            id, parent, i % 500 == 3 ? QStringLiteral("failed") : QStringLiteral("completed"));
    }
    return snapshotOf(QStringLiteral("c_large"), fcs);
}

// Three matches for "hit", in tree order hit_1 (two levels down), hit_2 (top level),
// hit_3 (one level down):
//   top1 > mid1 > hit_1;  hit_2;  top2 > hit_3
CallSnapshot threeHits()
{
    const auto fc = [](const char *id, const char *parent = nullptr) {
        return makeFunctionCall(QString::fromLatin1(id),
                                parent ? QString::fromLatin1(parent) : QString());
    };
    return snapshotOf(QStringLiteral("c_hits"),
                      {fc("top1"), fc("mid1", "top1"), fc("hit_1", "mid1"), fc("hit_2"), fc("top2"),
                       fc("hit_3", "top2")});
}

QString idAt(const QModelIndex &index)
{
    return index.data(CallTreeModel::FunctionCallIdRole).toString();
}

QModelIndex proxyIndexOf(const CallTreePanel &panel, const QString &id)
{
    const QAbstractItemModel *proxy = panel.view()->model();
    return proxy
        ->match(proxy->index(0, 0), CallTreeModel::FunctionCallIdRole, id, 1,
                Qt::MatchExactly | Qt::MatchRecursive)
        .value(0);
}

QString labelText(const CallTreePanel &panel, const char *name)
{
    const auto *label = panel.findChild<QLabel *>(QString::fromLatin1(name));
    return label && label->isVisibleTo(&panel) ? label->text() : QString();
}

} // namespace

// The tree panel on a call large enough that filtering and Expand All take a moment on
// the GUI thread: the panel says so while it works, and the summary and cursor are back
// to normal afterwards.
class TestCallTreePanel : public QObject
{
    Q_OBJECT

private slots:
    void traceColumns_shownForV3CallsOnly()
    {
        CallTreeModel model;
        CallTreePanel panel(&model);
        const QTreeView *view = panel.view();
        const int traceColumns[] = {CallTreeModel::NodeColumn, CallTreeModel::EdgeColumn,
                                    CallTreeModel::TryColumn};
        model.setSnapshot(
            snapshotOf(QStringLiteral("c_v2"), {makeFunctionCall(QStringLiteral("a"))}));
        for (int column : traceColumns)
            QVERIFY(view->isColumnHidden(column));
        QVERIFY(!view->isColumnHidden(CallTreeModel::DurationColumn));

        Call call;
        call.callId = QStringLiteral("c_v3");
        call.apiVersion = ApiVersion::V3;
        call.functionCalls = {makeTraceCall(QStringLiteral("a"), {})};
        model.setSnapshot(CallSnapshot::fromCall(call));
        for (int column : traceColumns)
            QVERIFY(!view->isColumnHidden(column));

        model.clear();
        for (int column : traceColumns)
            QVERIFY(view->isColumnHidden(column));
    }

    void initTestCase()
    {
        // The counts are written in the user's locale; pin it for the expected text.
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void largeCall_saysItIsBusyWhileFilteringAndRestoresAfter()
    {
        CallTreeModel model;
        QAbstractItemModelTester tester(&model);
        CallTreePanel panel(&model);
        panel.resize(900, 600);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        model.setSnapshot(largeCall(12000));
        const QString summary = CallTreeModel::describeCounts(model.statusCounts());
        QCOMPARE(panel.summaryText(), summary);

        // What the panel shows while the proxy is being filtered.
        QStringList seenWhileFiltering;
        bool cursorWhileFiltering = false;
        QAbstractItemModel *proxy = panel.view()->model();
        const auto record = [&] {
            seenWhileFiltering << panel.summaryText();
            cursorWhileFiltering = cursorWhileFiltering || QGuiApplication::overrideCursor();
        };
        connect(proxy, &QAbstractItemModel::rowsAboutToBeRemoved, this, record);
        connect(proxy, &QAbstractItemModel::rowsAboutToBeInserted, this, record);
        connect(proxy, &QAbstractItemModel::layoutAboutToBeChanged, this, record);
        connect(proxy, &QAbstractItemModel::modelAboutToBeReset, this, record);

        panel.setFilterText(QStringLiteral("fc_11993")); // under fc_3 only
        QVERIFY(!seenWhileFiltering.isEmpty());
        QCOMPARE(seenWhileFiltering.first(),
                 QStringLiteral("Filtering 12,000 function calls\u2026"));
        QVERIFY(cursorWhileFiltering);
        QCOMPARE(QGuiApplication::overrideCursor(), nullptr);
        QVERIFY2(!panel.summaryText().contains(QStringLiteral("Filtering")),
                 qPrintable(panel.summaryText()));
        QVERIFY(panel.summaryText().startsWith(summary.section(QStringLiteral(" \u00B7"), 0, 0)));

        seenWhileFiltering.clear();
        panel.setFilterText(QString());
        QVERIFY(!seenWhileFiltering.isEmpty());
        QCOMPARE(panel.summaryText(), summary);
        QCOMPARE(QGuiApplication::overrideCursor(), nullptr);
    }

    void largeCall_expandAllRestoresTheSummary()
    {
        CallTreeModel model;
        CallTreePanel panel(&model);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        model.setSnapshot(largeCall(12000));
        const QString summary = panel.summaryText();
        QVERIFY(!summary.isEmpty());

        panel.expandAll(); // a slice at a time, on a call this large
        const QModelIndex deep = panel.view()->model()->index(0, 0);
        QTRY_VERIFY(!panel.isExpandingAll());
        QVERIFY(panel.view()->isExpanded(deep));
        QCOMPARE(panel.summaryText(), summary);
        QCOMPARE(QGuiApplication::overrideCursor(), nullptr);
    }

    void largeCall_expandAll_expandsEverythingWhileTheEventLoopRuns()
    {
        CallTreeModel model;
        CallTreePanel panel(&model);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        model.setSnapshot(largeCall(3000));
        const QString summary = panel.summaryText();
        panel.expander()->setSliceRows(100);
        bool timerFired = false;
        bool timerFiredBeforeTheEnd = false;
        connect(panel.expander(), &TreeExpander::finished, this,
                [&] { timerFiredBeforeTheEnd = timerFired; });
        panel.expandAll();
        QTimer::singleShot(0, this, [&] { timerFired = true; });
        QVERIFY(panel.isExpandingAll());
        QVERIFY(panel.summaryText().startsWith(QStringLiteral("Expanding")));
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isExpandingAll(), 30000);
        QVERIFY(timerFiredBeforeTheEnd);
        QCOMPARE(panel.summaryText(), summary);
        // Every row with children is open.
        const QAbstractItemModel *proxy = panel.view()->model();
        std::vector<QModelIndex> stack{QModelIndex()};
        int open = 0;
        while (!stack.empty()) {
            const QModelIndex parent = stack.back();
            stack.pop_back();
            for (int r = 0; r < proxy->rowCount(parent); ++r) {
                const QModelIndex child = proxy->index(r, 0, parent);
                if (proxy->rowCount(child) == 0)
                    continue;
                QVERIFY2(panel.view()->isExpanded(child),
                         qPrintable(child.data(CallTreeModel::FunctionCallIdRole).toString()));
                ++open;
                stack.push_back(child);
            }
        }
        QCOMPARE(open, 3000 - 10); // all but the ends of the ten chains, which have no rows below
    }

    void largeCall_collapsingARowStopsExpandAll()
    {
        CallTreeModel model;
        CallTreePanel panel(&model);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        model.setSnapshot(largeCall(3000));
        panel.expander()->setSliceRows(10);
        QSignalSpy finished(panel.expander(), &TreeExpander::finished);
        panel.expandAll();
        QCoreApplication::processEvents(); // one slice
        QVERIFY(panel.isExpandingAll());
        const QModelIndex first = panel.view()->model()->index(0, 0);
        panel.view()->collapse(first);
        QVERIFY(!panel.isExpandingAll());
        QTest::qWait(100);
        QCOMPARE(finished.size(), 0);
        QVERIFY(!panel.view()->isExpanded(first));
        QVERIFY(!panel.summaryText().startsWith(QStringLiteral("Expanding")));
    }

    void typedFilter_isMatchedWhileTheOldOneStaysShown()
    {
        CallTreeModel model;
        CallTreePanel panel(&model);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        model.setSnapshot(largeCall(3000));
        QTest::keyClicks(panel.filterField(), QStringLiteral("fc_13"));
        QTest::keyClick(panel.filterField(), Qt::Key_Return);
        // Asked for, not yet shown.
        QVERIFY(panel.proxy()->isFilterPending());
        QCOMPARE(panel.proxy()->filterText(), QString());
        QTRY_COMPARE(panel.proxy()->filterText(), QStringLiteral("fc_13"));
        // fc_13 and fc_130..fc_139, fc_1300..fc_1399: 111 matches, the way to them opened.
        QCOMPARE(panel.matchCountText(), QStringLiteral("111 matches"));
        const QModelIndex fc13 =
            panel.proxy()->mapFromSource(model.indexForFunctionCallId(QStringLiteral("fc_13")));
        QVERIFY(fc13.isValid());
        QVERIFY(panel.view()->isExpanded(fc13.parent()));
    }

    void smallCall_showsNoBusyNotice()
    {
        CallTreeModel model;
        CallTreePanel panel(&model);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        model.setSnapshot(largeCall(50));
        bool cursorSeen = false;
        connect(panel.view()->model(), &QAbstractItemModel::rowsAboutToBeRemoved, this,
                [&] { cursorSeen = cursorSeen || QGuiApplication::overrideCursor(); });
        panel.setFilterText(QStringLiteral("fc_13"));
        QVERIFY(!cursorSeen);
    }

    void deepMatch_isOpenedToByTheFilter_evenInAHugeCall()
    {
        // Past 20,000 function calls the filter used to open only the first two levels:
        // a match three levels down stayed collapsed out of sight.
        QList<FunctionCall> fcs;
        for (int i = 0; i < 20000; ++i)
            fcs << makeFunctionCall(QStringLiteral("pad_%1").arg(i));
        fcs << makeFunctionCall(QStringLiteral("a"))
            << makeFunctionCall(QStringLiteral("b"), QStringLiteral("a"))
            << makeFunctionCall(QStringLiteral("c"), QStringLiteral("b"))
            << makeFunctionCall(QStringLiteral("needle"), QStringLiteral("c"));
        CallTreeModel model;
        CallTreePanel panel(&model);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        model.setSnapshot(snapshotOf(QStringLiteral("c_deep"), fcs));

        panel.setFilterText(QStringLiteral("needle"));
        const QModelIndex needle = proxyIndexOf(panel, QStringLiteral("needle"));
        QVERIFY(needle.isValid());
        QStringList opened;
        for (QModelIndex p = needle.parent(); p.isValid(); p = p.parent()) {
            if (panel.view()->isExpanded(p))
                opened.prepend(idAt(p));
        }
        QCOMPARE(opened,
                 (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
        QVERIFY(panel.view()->visualRect(needle).isValid());
        QCOMPARE(labelText(panel, "filterMatchCount"), QStringLiteral("1 match"));

        // pad_1, pad_10…19, pad_100…199, …: 11,111 matches, more than are opened.
        panel.setFilterText(QStringLiteral("pad_1"));
        QCOMPARE(labelText(panel, "filterMatchCount"), QStringLiteral("11,111 matches"));
        QVERIFY2(labelText(panel, "filterLimitNote")
                     .startsWith(QStringLiteral("Showing the first 500 of 11,111 matches opened")),
                 qPrintable(labelText(panel, "filterLimitNote")));
    }

    void matchCount_isShownBesideTheFilter()
    {
        CallTreeModel model;
        CallTreePanel panel(&model);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        model.setSnapshot(threeHits());
        QCOMPARE(labelText(panel, "filterMatchCount"), QString());
        panel.setFilterText(QStringLiteral("hit"));
        QCOMPARE(labelText(panel, "filterMatchCount"), QStringLiteral("3 matches"));
        QCOMPARE(panel.matchCountText(), QStringLiteral("3 matches"));
        // Every match is where one can see it.
        for (const char *id : {"hit_1", "hit_2", "hit_3"}) {
            const QModelIndex hit = proxyIndexOf(panel, QString::fromLatin1(id));
            QVERIFY2(hit.isValid(), id);
            for (QModelIndex p = hit.parent(); p.isValid(); p = p.parent())
                QVERIFY2(panel.view()->isExpanded(p), id);
        }
        QCOMPARE(labelText(panel, "filterLimitNote"), QString());

        // A refresh that adds a match counts it.
        QList<FunctionCall> more = threeHits().call.functionCalls;
        more << makeFunctionCall(QStringLiteral("hit_4"), QStringLiteral("mid1"));
        model.setSnapshot(snapshotOf(QStringLiteral("c_hits"), more));
        QCOMPARE(labelText(panel, "filterMatchCount"), QStringLiteral("4 matches"));

        panel.setFilterText(QStringLiteral("nothing-like-it"));
        QCOMPARE(labelText(panel, "filterMatchCount"), QStringLiteral("No matches"));
        panel.setFilterText(QString());
        QCOMPARE(labelText(panel, "filterMatchCount"), QString());
    }

    void f3AndShiftF3_stepThroughTheMatchesInOrderAndWrap()
    {
        CallTreeModel model;
        CallTreePanel panel(&model);
        panel.show();
        QApplication::setActiveWindow(&panel);
        QVERIFY(QTest::qWaitForWindowActive(&panel));
        model.setSnapshot(threeHits());
        panel.setFilterText(QStringLiteral("hit"));
        panel.view()->setFocus();
        QVERIFY(panel.view()->hasFocus());
        QTreeView *view = panel.view();
        QStringList visited;
        for (int i = 0; i < 4; ++i) {
            QTest::keyClick(view, Qt::Key_F3);
            visited << idAt(view->currentIndex());
            QVERIFY(view->visualRect(view->currentIndex()).isValid());
        }
        QCOMPARE(visited, (QStringList{QStringLiteral("hit_1"), QStringLiteral("hit_2"),
                                       QStringLiteral("hit_3"), QStringLiteral("hit_1")}));
        visited.clear();
        for (int i = 0; i < 3; ++i) {
            QTest::keyClick(view, Qt::Key_F3, Qt::ShiftModifier);
            visited << idAt(view->currentIndex());
        }
        QCOMPARE(visited, (QStringList{QStringLiteral("hit_3"), QStringLiteral("hit_2"),
                                       QStringLiteral("hit_1")}));
        // From the filter box too: it is inside the panel.
        panel.filterField()->setFocus();
        QTest::keyClick(panel.filterField(), Qt::Key_F3);
        QCOMPARE(idAt(view->currentIndex()), QStringLiteral("hit_2"));
    }

    void limitNote_appearsWhenMoreMatchThanAreOpened()
    {
        CallTreeModel model;
        CallTreePanel panel(&model);
        panel.setMatchOpenLimit(2);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        model.setSnapshot(threeHits());
        panel.collapseAll();
        panel.setFilterText(QStringLiteral("hit"));
        QCOMPARE(labelText(panel, "filterLimitNote"),
                 QStringLiteral("Showing the first 2 of 3 matches opened; F3 steps through all "
                                "of them."));
        // The first two (in tree order) have their way opened, the third does not.
        QVERIFY(panel.view()->isExpanded(proxyIndexOf(panel, QStringLiteral("top1"))));
        QVERIFY(panel.view()->isExpanded(proxyIndexOf(panel, QStringLiteral("mid1"))));
        QVERIFY(!panel.view()->isExpanded(proxyIndexOf(panel, QStringLiteral("top2"))));
        // No more matches than the limit: no note.
        panel.setFilterText(QStringLiteral("hit_1"));
        QCOMPARE(labelText(panel, "filterMatchCount"), QStringLiteral("1 match"));
        QCOMPARE(labelText(panel, "filterLimitNote"), QString());
        panel.setFilterText(QStringLiteral("top"));
        QCOMPARE(labelText(panel, "filterMatchCount"), QStringLiteral("2 matches"));
        QCOMPARE(labelText(panel, "filterLimitNote"), QString());
    }
};

QTEST_MAIN(TestCallTreePanel)
#include "tst_calltreepanel.moc"
