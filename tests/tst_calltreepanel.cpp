// SPDX-License-Identifier: MIT
#include "calltreemodel.h"
#include "calltreepanel.h"
#include "testutil.h"

#include <QAbstractItemModelTester>
#include <QGuiApplication>
#include <QLocale>
#include <QTest>
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

} // namespace

// The tree panel on a call large enough that filtering and Expand All take a moment on
// the GUI thread: the panel says so while it works, and the summary and cursor are back
// to normal afterwards.
class TestCallTreePanel : public QObject
{
    Q_OBJECT

private slots:
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

        panel.expandAll();
        const QModelIndex deep = panel.view()->model()->index(0, 0);
        QVERIFY(panel.view()->isExpanded(deep));
        QCOMPARE(panel.summaryText(), summary);
        QCOMPARE(QGuiApplication::overrideCursor(), nullptr);
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
};

QTEST_MAIN(TestCallTreePanel)
#include "tst_calltreepanel.moc"
