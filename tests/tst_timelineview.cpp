// SPDX-License-Identifier: MIT
// The Timeline column as the tree panel shows it, offscreen: its bars, the ruler, zoom and
// back, the critical path with F9, and the repaint timer that only runs for a live call.
#include "callfilterproxymodel.h"
#include "calltreemodel.h"
#include "calltreepanel.h"
#include "statuspresentation.h"
#include "testutil.h"
#include "timelinecontroller.h"
#include "timelinedelegate.h"
#include "timelineheader.h"

#include <QAction>
#include <QApplication>
#include <QHeaderView>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

using namespace bem;
using bem::test::makeFunctionCall;

namespace {

const qint64 Base = qint64(1700000000) * 1000;

Timestamp at(double seconds)
{
    return {QStringLiteral("t"),
            QDateTime::fromMSecsSinceEpoch(Base + qint64(seconds * 1000), Qt::UTC)};
}

FunctionCall timed(const QString &id, const QString &source, double startS, double endS,
                   const QString &status = QStringLiteral("completed"))
{
    FunctionCall fc = makeFunctionCall(id, source, status);
    if (startS >= 0)
        fc.startedAt = at(startS);
    if (endS >= 0)
        fc.finishedAt = at(endS);
    return fc;
}

// root [0..10]: a [0..4] → a1 [1..3]; b [5..9] (waited for a); p pending.
CallSnapshot sample(const QString &callStatus = QStringLiteral("completed"))
{
    Call call;
    call.callId = QStringLiteral("c");
    call.status = Status::fromRaw(callStatus);
    call.createdAt = at(0);
    if (callStatus == QLatin1String("completed"))
        call.finishedAt = at(10);
    call.functionCalls = {
        timed(QStringLiteral("root"), {}, 0, 10),
        timed(QStringLiteral("a"), QStringLiteral("root"), 0, 4),
        timed(QStringLiteral("a1"), QStringLiteral("a"), 1, 3),
        timed(QStringLiteral("b"), QStringLiteral("root"), 5, 9),
        timed(QStringLiteral("p"), QStringLiteral("root"), -1, -1, QStringLiteral("pending"))};
    if (callStatus != QLatin1String("completed")) {
        call.functionCalls[0].finishedAt = {};
        call.functionCalls[0].status = Status::fromRaw(QStringLiteral("running"));
    }
    return CallSnapshot::fromCall(call);
}

} // namespace

class TstTimelineView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_model = std::make_unique<CallTreeModel>();
        m_panel = std::make_unique<CallTreePanel>(m_model.get());
        m_panel->resize(1400, 500);
        m_panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
        m_model->setSnapshot(sample());
        m_panel->expandAll();
    }
    void cleanup()
    {
        m_panel.reset();
        m_model.reset();
    }

    void column_hasTheDelegateAndTheRulerHeader()
    {
        QTreeView *view = m_panel->view();
        TimelineController *timeline = m_panel->timeline();
        QCOMPARE(view->header(), static_cast<QHeaderView *>(timeline->header()));
        QCOMPARE(view->itemDelegateForColumn(CallTreeModel::TimelineColumn),
                 static_cast<QAbstractItemDelegate *>(timeline->delegate()));
        QVERIFY(!view->isColumnHidden(CallTreeModel::TimelineColumn));
        QVERIFY(view->header()->sectionSize(CallTreeModel::TimelineColumn) >= 200);
        // The ruler: 0 s … the call's 10 s.
        QCOMPARE(timeline->header()->rangeText(), QStringLiteral("0 s \u2013 10.0 s"));
        const QStringList labels = timeline->header()->tickLabels(406);
        QCOMPARE(labels.first(), QStringLiteral("0 s"));
        QCOMPARE(labels.last(), QStringLiteral("10 s"));
    }

    void bars_sitAtTheirTimes_andArePaintedInTheirStatusColour()
    {
        TimelineDelegate *delegate = m_panel->timeline()->delegate();
        const QModelIndex b = proxyRow(QStringLiteral("b"));
        const TimelineBar bar = delegate->barFor(b, 1000);
        QVERIFY(bar.visible);
        QCOMPARE(bar.x0, 500.0);
        QCOMPARE(bar.x1, 900.0);
        // A pending call with no time: nothing.
        QVERIFY(!delegate->barFor(proxyRow(QStringLiteral("p")), 1000).visible);

        // Pixels: the middle of b's bar is the completed colour, before its start is not.
        QTreeView *view = m_panel->view();
        const QImage image = view->viewport()->grab().toImage();
        const QRect cell = view->visualRect(b);
        const int width = cell.width() - 6;
        const QColor completed = statusColor(CallState::Completed, view->palette());
        const int y = cell.center().y();
        QCOMPARE(image.pixelColor(cell.left() + 3 + int(width * 0.7), y), completed);
        QVERIFY(image.pixelColor(cell.left() + 3 + int(width * 0.3), y) != completed);
    }

    void doubleClickZooms_toTheSubtree_andBackspaceGoesBack()
    {
        QTreeView *view = m_panel->view();
        TimelineController *timeline = m_panel->timeline();
        const QModelIndex a = proxyRow(QStringLiteral("a"));
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(a).center());
        QVERIFY(timeline->isZoomed());
        QVERIFY(view->isExpanded(a.siblingAtColumn(0))); // zoomed, not folded
        const TimeWindow w = timeline->window();
        QVERIFY(w.fromMs < Base && w.fromMs > Base - 1000); // 0..4 s and a little room
        QVERIFY(w.toMs > Base + 4000 && w.toMs < Base + 5000);
        QVERIFY2(timeline->header()->rangeText().startsWith(QStringLiteral("zoomed:")),
                 qPrintable(timeline->header()->rangeText()));
        // a's bar now fills nearly the whole column; b lies outside.
        QVERIFY(timeline->delegate()->barFor(a, 1000).x1 -
                    timeline->delegate()->barFor(a, 1000).x0 >
                900);
        QVERIFY(!timeline->delegate()->barFor(proxyRow(QStringLiteral("b")), 1000).visible);
        QVERIFY(timeline->header()
                    ->findChild<QWidget *>(QStringLiteral("timelineZoomBack"))
                    ->isVisible());

        // Zoom to Row on a row inside it zooms further; Backspace on the tree goes back one.
        view->setCurrentIndex(proxyRow(QStringLiteral("a1")));
        timeline->zoomToRowAction()->trigger();
        QVERIFY(timeline->window().lengthMs() < 2500);
        QApplication::setActiveWindow(m_panel.get());
        view->setFocus();
        QVERIFY(QTest::qWaitForWindowActive(m_panel.get()));
        QTest::keyClick(view, Qt::Key_Backspace);
        QCOMPARE(timeline->window(), w);
        QTest::keyClick(view, Qt::Key_Backspace);
        QVERIFY(!timeline->isZoomed());
        QCOMPARE(timeline->window(), m_model->callWindow(0));
        QCOMPARE(timeline->header()->rangeText(), QStringLiteral("0 s \u2013 10.0 s"));
        // Backspace in the filter box edits the filter, it does not zoom.
        timeline->zoomTo(m_model->indexForFunctionCallId(QStringLiteral("a")));
        m_panel->filterField()->setFocus();
        m_panel->filterField()->setText(QStringLiteral("ab"));
        QTest::keyClick(m_panel->filterField(), Qt::Key_Backspace);
        QCOMPARE(m_panel->filterField()->text(), QStringLiteral("a"));
        QVERIFY(timeline->isZoomed());
    }

    void criticalPath_dimsTheRest_andF9StepsAlongIt()
    {
        TimelineController *timeline = m_panel->timeline();
        QVERIFY(!timeline->delegate()->showsCriticalPath());
        m_panel->view()->setCurrentIndex({});
        // F9 turns it on and goes to its first row: root, a, a1, b (b waited for a, whose
        // last leaf is a1).
        timeline->nextOnPathAction()->trigger();
        QVERIFY(timeline->criticalPathAction()->isChecked());
        QVERIFY(timeline->delegate()->showsCriticalPath());
        QStringList path;
        for (const QModelIndex &row : timeline->criticalPathRows())
            path << row.data(CallTreeModel::FunctionCallIdRole).toString();
        QCOMPARE(path, (QStringList{QStringLiteral("root"), QStringLiteral("a"),
                                    QStringLiteral("a1"), QStringLiteral("b")}));
        QCOMPARE(currentId(), QStringLiteral("root"));
        timeline->nextOnPathAction()->trigger();
        QCOMPARE(currentId(), QStringLiteral("a"));
        m_panel->findChild<QAction *>(QStringLiteral("actionPreviousOnCriticalPath"))->trigger();
        QCOMPARE(currentId(), QStringLiteral("root"));
        m_panel->findChild<QAction *>(QStringLiteral("actionPreviousOnCriticalPath"))->trigger();
        QCOMPARE(currentId(), QStringLiteral("b")); // wraps
        // Off the path, the pending row is drawn dimmed: its cell differs from before.
        const QImage on = m_panel->view()->viewport()->grab().toImage();
        timeline->setCriticalPathShown(false);
        QVERIFY(!timeline->delegate()->showsCriticalPath());
        const QImage off = m_panel->view()->viewport()->grab().toImage();
        QVERIFY(on != off);
    }

    void f9_doesNotClashWithTheWindowsShortcuts()
    {
        QStringList keys;
        for (QAction *action : m_panel->findChildren<QAction *>())
            for (const QKeySequence &k : action->shortcuts())
                keys << k.toString();
        QCOMPARE(keys.count(QStringLiteral("F9")), 1);
        QCOMPARE(keys.count(QStringLiteral("F8")), 0); // Next Failed belongs to the window
    }

    void repaintTimer_runsOnlyWhileTheCallIsLive()
    {
        TimelineController *timeline = m_panel->timeline();
        QVERIFY(!timeline->isTicking()); // completed
        m_model->setSnapshot(sample(QStringLiteral("running")));
        QVERIFY(timeline->isTicking());
        // A running bar grows with the clock: the window's end is "now".
        const qint64 before = timeline->window().toMs;
        QTest::qWait(TimelineController::TickMs + 50);
        QVERIFY(timeline->window().toMs > before);
        m_panel->view()->setColumnHidden(CallTreeModel::TimelineColumn, true);
        timeline->refresh();
        QVERIFY(!timeline->isTicking());
        m_panel->view()->setColumnHidden(CallTreeModel::TimelineColumn, false);
        m_model->setSnapshot(sample());
        QVERIFY(!timeline->isTicking());
    }

    void anotherCall_dropsTheZoom()
    {
        TimelineController *timeline = m_panel->timeline();
        QVERIFY(timeline->zoomTo(m_model->indexForFunctionCallId(QStringLiteral("b"))));
        CallSnapshot other = sample();
        other.call.callId = QStringLiteral("other");
        m_model->setSnapshot(other);
        QVERIFY(!timeline->isZoomed());
        QVERIFY(!timeline->zoomBackAction()->isEnabled());
    }

private:
    QModelIndex proxyRow(const QString &id) const
    {
        const QModelIndex source = m_model->indexForFunctionCallId(id);
        return m_panel->proxy()->mapFromSource(
            source.siblingAtColumn(CallTreeModel::TimelineColumn));
    }
    QString currentId() const
    {
        return m_panel->view()->currentIndex().data(CallTreeModel::FunctionCallIdRole).toString();
    }

    std::unique_ptr<CallTreeModel> m_model;
    std::unique_ptr<CallTreePanel> m_panel;
};

QTEST_MAIN(TstTimelineView)
#include "tst_timelineview.moc"
